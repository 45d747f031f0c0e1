package pricing_test

import (
	"fmt"
	"os"

	"creditplan/pricing"
)

// A month's standing on a plan: what it spends against the credits at hand,
// what is short, the cheapest top-up, and what the month costs.
func ExampleRateCard_Stand() {
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		panic(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		panic(err)
	}
	p := card.NewProject("creator")
	p.Videos[0].Picks[pricing.SlotAvatar] = "avatar-iv"
	p.Videos[0].Seconds = 10 * 60
	p.Videos[0].Count = 3
	plan, _ := card.Plan("creator")

	s := card.Stand(p, plan, p.BalanceOn(plan))
	fmt.Println("spends", card.CreditWord(s.Premium), "of", card.CreditWord(s.Balance))
	fmt.Println("fits:", s.Fits, "short:", s.Short.Grouped())
	fmt.Println("top-up:", s.TopUp.Describe(card))
	fmt.Println("costs", card.Money(s.Cost), "a month billed", s.Billing.Key())
	// Output:
	// spends 600 premium credits of 200 premium credits
	// fits: false short: 400
	// top-up: 2 × Add-on 300 (600 premium credits, $30.00)
	// costs $59.00 a month billed monthly
}
