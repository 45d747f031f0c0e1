package pricing

import (
	"fmt"
	"strings"
)

// MaxBudget is the largest month's budget read, in currency units: far above
// any month of video, far below where sums of money could overflow.
const MaxBudget = 1_000_000_000

// CurrencyDecimals is how many decimals an amount in the currency may have:
// 0 for the yen and the won, 3 for the dinars, 2 for the rest (ISO 4217).
func CurrencyDecimals(code string) int {
	switch strings.ToUpper(code) {
	case "JPY", "KRW", "CLP", "ISK", "VND", "PYG", "UGX", "XAF", "XOF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

// ParseBudget reads a month's budget in money as a person types it ("60",
// "59.50") in the card's currency: at most the currency's decimals, not
// negative, at most MaxBudget.
func (c *RateCard) ParseBudget(text string) (Money, error) {
	text = strings.TrimSpace(text)
	v, decimals, err := parseDecimal(text, 4)
	if err != nil {
		if decimals > 4 {
			err = fmt.Errorf("%s has %s; %s allows %s", text, decimalCount(decimals), c.currencyName(), decimalCount(CurrencyDecimals(c.Currency)))
		}
		return 0, err
	}
	return c.checkBudget(text, Money(v), decimals)
}

func (c *RateCard) checkBudget(text string, m Money, decimals int) (Money, error) {
	if allowed := CurrencyDecimals(c.Currency); decimals > allowed {
		return 0, fmt.Errorf("%s has %s; %s allows %s", text, decimalCount(decimals), c.currencyName(), decimalCount(allowed))
	}
	if m > MaxBudget*MoneyScale {
		return 0, fmt.Errorf("%s is not a month's budget; at most %s", text, Money(MaxBudget*MoneyScale).Format(c.Currency))
	}
	return m, nil
}

// currencyName is the card's currency for messages: "USD", or "the currency".
func (c *RateCard) currencyName() string {
	if c.Currency == "" {
		return "the currency"
	}
	return c.Currency
}

// CheckBudget tells whether text is an amount of money at all, before any
// card is read: `budget "$60": ... (give an amount like 60 or 59.50)`.
func CheckBudget(text string) error {
	if _, decimals, err := parseDecimal(strings.TrimSpace(text), 4); err != nil && decimals <= 4 {
		return fmt.Errorf("budget %q: %v (give an amount like 60 or 59.50)", text, err)
	}
	// A number with too many decimals: the card's currency says how many.
	return nil
}

// ReadBudget is ParseBudget with the sentence --budget and the planner both
// give: `budget "60.505": 60.505 has 3 decimals; USD allows 2 decimals`.
func (c *RateCard) ReadBudget(text string) (Money, error) {
	if err := CheckBudget(text); err != nil {
		return 0, err
	}
	m, err := c.ParseBudget(text)
	if err != nil {
		return 0, fmt.Errorf("budget %q: %v", text, err)
	}
	return m, nil
}

// readBudget reads a project's budget = 60: money in the card's currency,
// read from the number's shortest text so 59.5 is exactly 59.50.
func readBudget(root *table, card *RateCard) (Money, bool) {
	v, ok := root.get("budget")
	if !ok {
		return 0, false
	}
	var text string
	switch n := v.(type) {
	case int64:
		if n < 0 {
			root.d.addf("budget", "must not be negative (got %d)", n)
			return 0, false
		}
		text = formatFixed(n, 0, false)
	case float64:
		if n != n || n > 1e15 || n < -1e15 {
			root.d.addf("budget", "must be a finite amount, not %v", n)
			return 0, false
		}
		if n < 0 {
			root.d.addf("budget", "must not be negative (got %v)", n)
			return 0, false
		}
		text = formatFloatShortest(n)
	default:
		root.d.addf("budget", "must be an amount of money like 60 or 59.50, not %s", typeName(v))
		return 0, false
	}
	m, err := card.ParseBudget(text)
	if err != nil {
		root.d.addf("budget", "%v", err)
		return 0, false
	}
	return m, true
}

// budgetValue writes a budget as a project file holds it: its shortest
// decimal text, "60" or "59.5".
func budgetValue(m Money) string {
	s := formatFixed(int64(m), 4, false)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// BudgetCheck is a month's cost against its budget in money.
type BudgetCheck struct {
	Budget Money
	// Total is what the month costs: the plan and seats, the top-up it
	// needs, and its one-time charges in money.
	Total Money
	// Within is set when Total is at most Budget; Under is then what is
	// left, otherwise Over is what the month costs above it.
	Within      bool
	Under, Over Money
}

// AgainstBudget is the month's standing against the project's budget; false
// when the project gives none or the plan has no public price.
func (s *Standing) AgainstBudget() (BudgetCheck, bool) {
	if !s.HasBudget || s.Plan.ContactSales {
		return BudgetCheck{}, false
	}
	cost, _ := s.QuotedCost()
	b := BudgetCheck{Budget: s.Budget, Total: plus(cost, s.OneTimeCost)}
	b.Within = b.Total <= b.Budget
	if b.Within {
		b.Under = b.Budget - b.Total
	} else {
		b.Over = minus(b.Total, b.Budget)
	}
	return b, true
}

// Sentence is the check as outputs say it: "Budget $60.00: the month costs
// $44.00, $16.00 under" or "..., $5.00 over".
func (b BudgetCheck) Sentence(c *RateCard) string {
	s := "Budget " + c.Money(b.Budget) + ": the month costs " + c.Money(b.Total)
	if b.Within {
		return s + ", " + c.Money(b.Under) + " under"
	}
	return s + ", " + c.Money(b.Over) + " over"
}
