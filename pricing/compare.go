package pricing

import "math/bits"

// PlanOption is one plan's answer for a month in a comparison.
type PlanOption struct {
	// Standing is where the month stands on the plan with a fresh cycle of
	// its own credits (Balance is the plan's Credits): Fits, Short, TopUp,
	// CanTopUp, Blocked, and Usable when the plan can make the month.
	Standing
	// MonthlyTotal and AnnualTotal are one month's cost under monthly and annual
	// billing: the plan, extra seats and top-ups. Total is the one for the
	// project's billing, PerMinute that divided by the finished minutes.
	MonthlyTotal Money
	AnnualTotal  Money
	Total        Money
	PerMinute    Money
	Recommended  bool
}

// Comparison is every plan of a card for the same month.
type Comparison struct {
	Card    *RateCard
	Billing Billing
	// Premium is what the month spends; it is the same on every plan of a card.
	Premium         Credits
	FinishedSeconds int64
	Options         []PlanOption
	// Recommended is the id of the cheapest usable plan under the project's
	// billing, or "" when no plan can make the month.
	Recommended string
}

// Compare prices the month against every plan, each with a fresh cycle of its own
// credits, and recommends the cheapest plan nothing blocks.
func (c *RateCard) Compare(p *Project) *Comparison {
	u := c.newUsage()
	premium := c.monthTally(p, u, nil)
	return c.compare(p, u, premium, p.FinishedSeconds())
}

// compare is Compare for a month already added up.
func (c *RateCard) compare(p *Project, u *monthUsage, premium Credits, finished int64) *Comparison {
	cmp := &Comparison{Card: c, Billing: p.Billing, Premium: premium, FinishedSeconds: finished}
	cmp.Options = make([]PlanOption, len(c.Plans))
	best := -1
	for i := range c.Plans {
		plan := &c.Plans[i]
		s := c.standing(plan, p, u, cmp.Premium, plan.Credits)
		o := PlanOption{
			Standing:     s,
			MonthlyTotal: s.Total(Monthly), AnnualTotal: s.Total(Annual), Total: s.Cost,
			PerMinute: PerFinishedMinute(s.Cost, cmp.FinishedSeconds),
		}
		cmp.Options[i] = o
		// One-time charges count: a plan that includes a setup fee may be
		// the cheaper month.
		if o.Usable() && (best < 0 || plus(o.Total, o.OneTimeCost) < plus(cmp.Options[best].Total, cmp.Options[best].OneTimeCost)) {
			best = i
		}
	}
	if best >= 0 {
		cmp.Options[best].Recommended = true
		cmp.Recommended = c.Plans[best].ID
	}
	return cmp
}

// PerFinishedMinute divides a cost by finished minutes, rounding half up to the
// Money unit; it is 0 when nothing is finished (or the cost is not positive).
// The product is taken in 128 bits, so a saturated cost gives a saturated, not a
// wrapped, figure.
func PerFinishedMinute(cost Money, seconds int64) Money {
	if seconds <= 0 || cost <= 0 {
		return 0
	}
	// (cost × 120 + seconds) / (2 × seconds): cost × 60 / seconds, rounded half up.
	hi, lo := bits.Mul64(uint64(cost), 120)
	lo, carry := bits.Add64(lo, uint64(seconds), 0)
	hi += carry
	den := uint64(seconds) * 2
	if hi >= den {
		return Money(maxAmount)
	}
	q, _ := bits.Div64(hi, lo, den)
	return Money(min(q, uint64(maxAmount)))
}

// CompareQuote is Compare for a month already quoted: q is Quote(p) or what
// Requote returned for p, on any plan. The month's total and usage are q's, so
// a key that changes only the billing or the plan compares every plan without
// pricing a video again. It falls back to Compare when q is not of this card
// and month.
func (c *RateCard) CompareQuote(q *Quote, p *Project) *Comparison {
	if q == nil || q.Card != c || q.usage == nil || len(q.Videos) != len(p.Videos) {
		return c.Compare(p)
	}
	return c.compare(p, q.usage, q.Premium, q.FinishedSeconds)
}
