package pricing

import (
	"sort"
)

// SizeOption is one way to get the month made: a plan under a billing, topped
// up if its credits fall short.
type SizeOption struct {
	Plan    *Plan
	Billing Billing
	// Price is one month of the plan under the billing, extra seats included.
	Price Money
	// TopUp is the cheapest top-up covering what the plan's credits miss.
	TopUp TopUpPurchase
	// Total is Price plus the top-up: what the month costs this way.
	Total Money
	// OneTime is the month's one-time charges in money on the plan
	// (onetime.go): apart from Total, and counted in the order of the options.
	OneTime Money
}

// Text describes the option: "Creator, billed annually, + 1 × Add-on 300
// (300 premium credits, $15.00): $39.00 a month".
func (o *SizeOption) Text(c *RateCard) string {
	s := o.Plan.Name + ", billed " + billedWord(o.Billing)
	if len(o.TopUp.Packs) > 0 {
		s += ", + " + o.TopUp.Describe(c)
	}
	return s + ": " + c.Money(o.Total) + " a month"
}

func billedWord(b Billing) string {
	if b == Annual {
		return "annually"
	}
	return "monthly"
}

// BlockedPlan is a plan that cannot make the month at any price, and why.
type BlockedPlan struct {
	Plan    *Plan
	Reasons []string
}

// RightSize is the cheapest way to get a month made and where the plans cross.
type RightSize struct {
	Card    *RateCard
	Billing Billing // the project's billing, which the break-evens use
	// Premium is what the month spends.
	Premium Credits
	// Options is every plan × billing that can make the month, cheapest first
	// (ties: monthly before annual, which commits to less, then card order).
	// Best is Options[0], or nil when no priced plan can make the month.
	Options []SizeOption
	Best    *SizeOption
	// ContactSales lists plans without a public price: noted, never priced.
	ContactSales []*Plan
	// Blocked lists the priced plans that cannot make the month and why.
	Blocked []BlockedPlan
	// Dominant is the premium feature spending the most credits in the month
	// (nil when nothing premium is used); DominantCredits what it spends.
	Dominant        *Feature
	DominantCredits Credits
	// BreakEvens compares each usable plan with the next one up by price under
	// the project's billing.
	BreakEvens []BreakEven
	// NeedEstimated is set when the month's credits rest on an estimated
	// feature rate; Marks gives an option's marks (derivedestimate.go).
	NeedEstimated bool
}

// Marks says which of the option's numbers rest on an estimate.
func (r *RightSize) Marks(o *SizeOption) DerivedMarks {
	return DerivedMarksFor(o.Plan, o.Billing, r.NeedEstimated)
}

// RightSize finds the cheapest way to make the project's month over every plan
// and both billings (plan price, extra seats and the cheapest top-up for what
// its credits miss), and the break-even usage between neighbouring plans.
func (c *RateCard) RightSize(p *Project) *RightSize {
	rs := &RightSize{Card: c, Billing: p.Billing, NeedEstimated: c.MonthNeedEstimated(p)}
	u := c.newUsage()
	byFeature := make([]Credits, len(c.Features))
	rs.Premium = c.monthTally(p, u, byFeature)
	for i, cr := range byFeature {
		if cr > rs.DominantCredits {
			rs.Dominant, rs.DominantCredits = &c.Features[i], cr
		}
	}

	usable := c.sizePlans(rs, p, u)

	sort.SliceStable(usable, func(i, j int) bool {
		return c.monthCost(usable[i], p, p.Billing) < c.monthCost(usable[j], p, p.Billing)
	})
	jumps := breakEvenJumps
	for i := 0; i+1 < len(usable); i++ {
		// Each pair may spend an even share of what the pairs before it left.
		// (at least 8, so the month's total stays within breakEvenJumps + 8 a pair).
		give := max(jumps/(len(usable)-1-i), 8)
		be, left := c.breakEven(p, usable[i], usable[i+1], p.Billing, give)
		jumps = max(jumps-(give-left), 0)
		be.Terms = c.UsageTerms(rs.Dominant, be.Credits)
		rs.BreakEvens = append(rs.BreakEvens, be)
	}
	return rs
}

// sizePlans fills rs's Options, Best, ContactSales and Blocked for a month
// already added up (rs.Premium, usage u), and returns the plans whose limits
// allow the month, for the break-evens.
func (c *RateCard) sizePlans(rs *RightSize, p *Project, u *monthUsage) []*Plan {
	var usable []*Plan
	for i := range c.Plans {
		plan := &c.Plans[i]
		if plan.ContactSales {
			rs.ContactSales = append(rs.ContactSales, plan)
			continue
		}
		s := c.standing(plan, p, u, rs.Premium, plan.Credits)
		if len(s.Blocked) > 0 {
			rs.Blocked = append(rs.Blocked, BlockedPlan{Plan: plan, Reasons: s.Blocked})
		} else {
			for _, b := range []Billing{Monthly, Annual} {
				rs.Options = append(rs.Options, SizeOption{Plan: plan, Billing: b, Price: s.Price(b), TopUp: s.TopUp, Total: s.Total(b), OneTime: s.OneTimeCost})
			}
		}
		// Break-evens vary the usage, so a plan short of credits today still
		// takes part; only what usage cannot change rules a plan out.
		if len(s.Limits()) == 0 {
			usable = append(usable, plan)
		}
	}
	sort.SliceStable(rs.Options, func(i, j int) bool {
		a, b := &rs.Options[i], &rs.Options[j]
		return sizeLess(plus(a.Total, a.OneTime), a.Billing, plus(b.Total, b.OneTime), b.Billing)
	})
	if len(rs.Options) > 0 {
		rs.Best = &rs.Options[0]
	}
	return usable
}

// sizeLess is the order of ways to make a month: cheaper first, then monthly
// before annual, which commits to less. Sorts using it are stable, so card
// order breaks what is left. Cures orders its options the same way.
func sizeLess(aTotal Money, aBilling Billing, bTotal Money, bBilling Billing) bool {
	if aTotal != bTotal {
		return aTotal < bTotal
	}
	return aBilling < bBilling
}
