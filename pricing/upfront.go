package pricing

import "fmt"

// UpfrontMessage is the sentence shown before spending: "This will use 50 premium
// credits (200 remaining)." where 200 is the balance before the action, or, when
// it does not fit, "This will use 80 premium credits (48 remaining): 32 short."
func (c *RateCard) UpfrontMessage(use, balance Credits) string {
	shown := max(balance, 0)
	msg := fmt.Sprintf("This will use %s (%s remaining)", c.CreditWord(use), shown.Grouped())
	if use > shown {
		return msg + fmt.Sprintf(": %s short.", minus(use, shown).Grouped())
	}
	return msg + "."
}

// Message is the upfront sentence for the whole month.
func (q *Quote) Message() string { return q.Card.UpfrontMessage(q.Premium, q.Balance) }

// BalanceBefore is what is left for video i once every other video of the month
// has been paid for: the balance the Video screen's message quotes.
func (q *Quote) BalanceBefore(i int) Credits {
	return minus(q.Balance, minus(q.Premium, q.Videos[i].Credits))
}

// VideoMessage is the upfront sentence for all copies of video i.
func (q *Quote) VideoMessage(i int) string {
	return q.Card.UpfrontMessage(q.Videos[i].Credits, q.BalanceBefore(i))
}
