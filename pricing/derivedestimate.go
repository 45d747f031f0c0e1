package pricing

// A derived number (the year's wallet, the right-sizing's totals) rests on
// an estimate when any card number it is worked out from is one: the
// month's credits on an estimated feature rate, the plan's credits (or
// their lifetime) on its credits marks, a cost on the billing's price mark,
// and a cost that buys top-ups on the packs' marks and on every credit
// figure that decides how many are bought. Outputs mark such numbers
// EstimateMark, as a quote marks the card's own.

// DerivedMarks says which inputs of a month's derived numbers are estimates.
type DerivedMarks struct {
	// Need is set when the month's credits rest on an estimated feature rate.
	Need bool
	// Grant is set when the plan's credits, their lifetime, rollover or
	// annual grant up front are estimates.
	Grant bool
	// Price is set, per billing (Monthly, Annual), when the plan's price on it is.
	Price [2]bool
	// Packs is set when a top-up the plan sells has an estimated price or
	// credits (what decides how many are bought and what they cost).
	Packs bool
}

// MonthNeedEstimated reports whether the project's month rests on an
// estimated feature rate: a feature it uses marks its rate as an estimate.
func (c *RateCard) MonthNeedEstimated(p *Project) bool {
	if p == nil {
		return false
	}
	for i := range p.Videos {
		v := &p.Videos[i]
		for s := Slot(0); s < NumSlots; s++ {
			if j, ok := c.featureIndex[v.Picks[s]]; ok && v.active(s) && c.Features[j].RateMark() != "" {
				return true
			}
		}
	}
	return false
}

// DerivedMarksFor are the marks of the plan's derived numbers on billing b
// for a month whose credits rest on an estimate when need is set (whether
// annual billing grants the year up front matters on annual billing only).
func DerivedMarksFor(plan *Plan, b Billing, need bool) DerivedMarks {
	d := DerivedMarks{Need: need}
	if plan == nil {
		return d
	}
	d.Grant = plan.Marks.Mark("credits", "credits_expire_days", "rollover") != "" || (b == Annual && plan.Marks.Has("annual_upfront"))
	d.Price[billingIndex(Monthly)] = plan.Marks.Has(Monthly.priceKey())
	d.Price[billingIndex(Annual)] = plan.Marks.Has(Annual.priceKey())
	for i := range plan.TopUps {
		if plan.TopUps[i].Marks.Mark("price", "credits") != "" {
			d.Packs = true
		}
	}
	return d
}

func mark(on bool) string {
	if on {
		return " " + EstimateMark
	}
	return ""
}

// NeedMark marks the month's own credits (what it needs).
func (d DerivedMarks) NeedMark() string { return mark(d.Need) }

// GrantMark marks the credits the plan grants.
func (d DerivedMarks) GrantMark() string { return mark(d.Grant) }

// CreditsMark marks a credit figure worked out from both the month and the
// plan's credits: used, expired, carried, short, bought.
func (d DerivedMarks) CreditsMark() string { return mark(d.Need || d.Grant) }

// CostMark marks a cost on billing b; topUps says whether it buys top-ups,
// whose number and price rest on the credit figures and the packs.
func (d DerivedMarks) CostMark(b Billing, topUps bool) string {
	return mark(d.Price[billingIndex(b)] || (topUps && (d.Packs || d.Need || d.Grant)))
}

// PriceMark marks the plan's price on billing b.
func (d DerivedMarks) PriceMark(b Billing) string { return mark(d.Price[billingIndex(b)]) }

// TopUpMark marks a top-up bought: how many packs rests on the credit
// figures, what they cost on the packs' marks.
func (d DerivedMarks) TopUpMark(bought bool) string {
	return mark(bought && (d.Packs || d.Need || d.Grant))
}

// Any reports whether any derived number may rest on an estimate.
func (d DerivedMarks) Any() bool { return d.Need || d.Grant || d.Price[0] || d.Price[1] || d.Packs }
