package pricing

// Fitting a month to a budget in money.
//
// A creator with $60 for the month can spend it on the plan, on a top-up, or
// keep within the plan's credits by taking cheaper options. FitMoney weighs
// them by what the month costs in money:
//
//  1. The month as planned, topped up if it is short, when its total (the
//     plan and seats, the top-up, the month's one-time charges in money) is
//     within the budget: nothing is given up.
//  2. Otherwise the money left after the plan and the one-time charges buys
//     the most credits one kind of pack gives for it, and the month is fitted
//     (Fit, the most premium value kept) to the balance and those credits;
//     the top-up then bought is the cheapest covering what the fitted month
//     is still short, so it costs no more than the money left.
//  3. The same fit without any top-up is taken instead when it keeps as much
//     premium value: the same month for less money.
//
// When even the plan and the one-time charges are above the budget, no
// top-up is bought and the month is fitted to the balance alone: the answer
// says how far over the budget it still is.

// MoneyFit is a month fitted to a budget in money.
type MoneyFit struct {
	Budget Money
	// Price is the plan's month under the project's billing, extra seats
	// included; OneTime is the month's one-time charges in money.
	Price, OneTime Money
	// AsPlanned is the month as planned: the top-up it needs (none when it
	// fits), whether the plan sells one, and its total cost.
	AsPlanned       TopUpPurchase
	AsPlannedCanTop bool
	AsPlannedTotal  Money
	// Fit is the month fitted to the plan's balance and TopUp's credits;
	// TopUp is the purchase chosen (none for cheaper options alone).
	Fit   *FitResult
	TopUp TopUpPurchase
	// Total is what the chosen month costs; Within is set when it is at most
	// Budget, Under what is left, otherwise Over what it costs above it.
	Total       Money
	Within      bool
	Under, Over Money
	// KeptAsPlanned is set when the month as planned was chosen (rule 1).
	KeptAsPlanned bool
	// PlanOver is set when the plan and the one-time charges alone cost
	// more than the budget: no change to the videos brings the month under.
	// Within is then the cheapest way to make the month as planned, over
	// every plan and billing (right-sizing), when it fits the budget; nil
	// when none does.
	PlanOver    bool
	WithinPlans *SizeOption
}

// FitMoney fits the month on a plan to a budget in money, starting from a
// balance of credits (see the comment at the top of this file); nil for a
// plan without a public price, which has no cost to weigh.
func (c *RateCard) FitMoney(p *Project, plan *Plan, balance Credits, budget Money, keep FitKeep) *MoneyFit {
	if plan == nil || plan.ContactSales {
		return nil
	}
	mf := &MoneyFit{Budget: budget, Price: c.monthCost(plan, p, p.Billing)}
	mf.OneTime, _ = oneTimeTotals(c.OneTimeIn(p, plan, 1))
	fixed := plus(mf.Price, mf.OneTime)
	st := c.Stand(p, plan, balance)
	mf.AsPlanned, mf.AsPlannedCanTop = st.TopUp, st.Fits || st.CanTopUp
	mf.AsPlannedTotal = plus(fixed, st.TopUp.Cost)

	if mf.AsPlannedCanTop && mf.AsPlannedTotal <= budget {
		mf.KeptAsPlanned = true
		mf.TopUp = st.TopUp
		mf.Fit = c.FitKeeping(p, plan, plus(balance, st.TopUp.Credits), keep)
	} else {
		mf.Fit = c.FitKeeping(p, plan, balance, keep)
		if left := minus(budget, fixed); left > 0 {
			if most := mostCreditsFor(plan, left); most > 0 {
				wide := c.FitKeeping(p, plan, plus(balance, most), keep)
				if short := minus(wide.After, max(balance, 0)); wide.ValueKept > mf.Fit.ValueKept || !mf.Fit.Fits && wide.Fits {
					if buy, ok := plan.CheapestTopUp(short); ok && short > 0 {
						// Fitted again to what is bought: the same month or a
						// better one, stated against the credits it has.
						mf.TopUp = buy
						mf.Fit = c.FitKeeping(p, plan, plus(balance, buy.Credits), keep)
					} else if short <= 0 {
						mf.Fit = wide
					}
				}
			}
		}
	}
	if fixed > budget {
		mf.PlanOver = true
		mf.WithinPlans = c.cheapestWithin(p, budget)
	}
	mf.Total = plus(fixed, mf.TopUp.Cost)
	mf.Within = mf.Total <= budget
	if mf.Within {
		mf.Under = budget - mf.Total
	} else {
		mf.Over = minus(mf.Total, budget)
	}
	return mf
}

// mostCreditsFor is the most credits one kind of the plan's packs buys for
// money: whole packs, the best kind.
func mostCreditsFor(plan *Plan, money Money) Credits {
	var best Credits
	for i := range plan.TopUps {
		t := &plan.TopUps[i]
		if t.Price <= 0 || t.Credits <= 0 {
			continue
		}
		best = max(best, times(t.Credits, int64(money/t.Price)))
	}
	return best
}

// Sentence says which way the month was fitted to the budget, and where it
// ends: "The month as planned fits $60.00 with 1 × Add-on 300 (300 premium
// credits, $15.00): $44.00, $16.00 under."
func (mf *MoneyFit) Sentence(c *RateCard) string {
	if mf.PlanOver {
		s := mf.Fit.Plan.Name + " alone costs " + c.Money(mf.Price)
		if mf.OneTime > 0 {
			s += " + " + c.Money(mf.OneTime) + " one-time"
		}
		s += ", " + c.Money(minus(plus(mf.Price, mf.OneTime), mf.Budget)) + " over the " + c.Money(mf.Budget) +
			" budget: no change to the videos brings it under."
		if o := mf.WithinPlans; o != nil {
			s += " Within it: " + o.Text(c)
			if o.OneTime > 0 {
				s += " + " + c.Money(o.OneTime) + " one-time"
			}
			s += "."
		} else {
			s += " No plan makes the month as planned within it."
		}
		return s
	}
	var s string
	switch {
	case mf.KeptAsPlanned && len(mf.TopUp.Packs) == 0:
		s = "The month as planned fits the plan's credits"
	case mf.KeptAsPlanned:
		s = "The month as planned fits the budget with " + mf.TopUp.Describe(c)
	case len(mf.TopUp.Packs) > 0:
		s = "Cheaper options and " + mf.TopUp.Describe(c) + " keep the most premium value the budget buys"
	default:
		s = "Cheaper options instead of a top-up"
	}
	s += ": " + c.Money(mf.Total)
	if mf.Within {
		return s + ", " + c.Money(mf.Under) + " under the " + c.Money(mf.Budget) + " budget."
	}
	return s + ", " + c.Money(mf.Over) + " over the " + c.Money(mf.Budget) + " budget."
}

// cheapestWithin is the cheapest way to make the month as planned over
// every plan and billing (right-sizing's order, one-time money counted)
// when it costs no more than the budget; nil otherwise.
func (c *RateCard) cheapestWithin(p *Project, budget Money) *SizeOption {
	u := c.newUsage()
	rs := &RightSize{Card: c, Billing: p.Billing, Premium: c.monthTally(p, u, nil)}
	c.sizePlans(rs, p, u)
	if len(rs.Options) == 0 {
		return nil
	}
	if o := rs.Options[0]; plus(o.Total, o.OneTime) <= budget {
		return &o
	}
	return nil
}
