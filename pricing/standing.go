package pricing

// A month's standing on a plan.
//
// Every screen and command asks the same questions of a month on a plan: what
// does it spend, does that fit in the credits at hand, how much is missing, which
// top-up covers it, what rules the plan out whatever the usage, and what does the
// month cost. They are answered here once, so no two screens can disagree:
//
//   - the premium total is the sum, over every video, of one copy's premium
//     lines times its count, saturating at maxAmount (monthTally). Quote,
//     Compare, RightSize, Year and Fit all add the month up this way;
//   - the standing (Standing) is worked out once per plan from that total, the
//     month's usage and a balance (RateCard.standing). Quote and Compare embed
//     it, RightSize reads it for every plan, and what Fit says of the month as
//     changed is its Stand.

// MonthPremium is what every copy of every video of the month spends: the total
// Quote, Compare, RightSize, Year and Fit agree on. It saturates at the largest
// amount rather than wrapping round.
func (c *RateCard) MonthPremium(p *Project) Credits {
	return c.monthTally(p, nil, nil)
}

// monthTally adds up the month's premium credits in one pass over its videos. It
// records each video in u (the usage a plan's limits are checked against) and
// each feature's share of the month in byFeature (indexed like Features) when
// they are not nil.
func (c *RateCard) monthTally(p *Project, u *monthUsage, byFeature []Credits) Credits {
	var total Credits
	for i := range p.Videos {
		v := &p.Videos[i]
		idx := c.pickIndices(v)
		if u != nil {
			u.add(c, i, v, &idx)
		}
		each := c.copyCredits(v, &idx, byFeature)
		total = plus(total, copiesOf(each, v.Count))
	}
	return total
}

// VideoCredits is what one copy of a video spends.
func (c *RateCard) VideoCredits(v *Video) Credits {
	idx := c.pickIndices(v)
	return c.copyCredits(v, &idx, nil)
}

// copyCredits is what one copy of v spends, given its picks; it adds each
// premium feature's share over all copies to byFeature when that is not nil.
func (c *RateCard) copyCredits(v *Video, idx *[NumSlots]int, byFeature []Credits) Credits {
	var each Credits
	for _, fi := range idx {
		if fi < 0 || !c.Features[fi].Premium {
			continue
		}
		cr := c.charge(&c.Features[fi], v).Credits
		each = plus(each, cr)
		if byFeature != nil {
			byFeature[fi] = plus(byFeature[fi], copiesOf(cr, v.Count))
		}
	}
	return each
}

// copiesOf is what count copies spend at each credits a copy, saturating; a
// video made zero times spends nothing.
func copiesOf(each Credits, count int) Credits { return times(each, int64(count)) }

// Standing is where a plan stands for a month: what the month spends against
// the credits at hand, the shortfall and its cheapest top-up, what rules the
// plan out, and what the month costs.
type Standing struct {
	Plan    *Plan
	Billing Billing
	// Premium is what the month spends; Balance the credits at hand before it.
	Premium Credits
	Balance Credits
	// Fits is set when Premium is within Balance; Remaining is then what is
	// left, otherwise Short is what is missing (an overdrawn balance counts as
	// nothing at hand).
	Fits      bool
	Remaining Credits
	Short     Credits
	// TopUp is the cheapest top-up covering Short; CanTopUp is false when the
	// plan is short and sells none that would do.
	TopUp    TopUpPurchase
	CanTopUp bool
	// Blocked lists why the plan cannot make the month: first its limits
	// (Limits), then "sells no top-ups" when it is short and cannot top up.
	Blocked []string
	limits  int
	// Cost is the month under Billing: the plan, extra seats and TopUp. It is
	// zero for a plan without a public price (contact sales).
	Cost  Money
	price [2]Money // the plan and extra seats, by Billing
	// OneTime lists the project's one-time charges of the month (its month
	// 1) on the plan (onetime.go). OneTimeCredits is what they spend, part
	// of Premium; OneTimeCost is what they cost in money, kept apart from
	// Cost, the recurring month (WithOneTime adds the two).
	OneTime        []OneTimeLine
	OneTimeCredits Credits
	OneTimeCost    Money
	// OneTimeLater lists the charges that fall in a later month of the year
	// (2-12), by month: not part of this month, said so that a quote does
	// not hide them (the year puts each in its month).
	OneTimeLater []OneTimeLine
	// Budget, when HasBudget is set, is the project's budget in money
	// (budget.go; AgainstBudget states the month against it).
	Budget    Money
	HasBudget bool
}

// Limits is what rules the plan out whatever the month's usage: Blocked
// without the shortfall. Break-evens, which vary the usage, read it.
func (s *Standing) Limits() []string {
	if s.limits == 0 {
		return nil
	}
	return s.Blocked[:s.limits:s.limits]
}

// Usable reports whether the plan can make the month: nothing blocks it, it has
// a public price, and its credits, topped up if need be, cover the month.
func (s *Standing) Usable() bool {
	return len(s.Blocked) == 0 && !s.Plan.ContactSales
}

// Price is the plan's month under a billing, extra seats included, without
// top-ups; zero for a plan without a public price.
func (s *Standing) Price(b Billing) Money { return s.price[billingIndex(b)] }

// Total is the month's cost under a billing: Price plus the top-up; zero for a
// plan without a public price.
func (s *Standing) Total(b Billing) Money {
	if s.Plan.ContactSales {
		return 0
	}
	return plus(s.Price(b), s.TopUp.Cost)
}

// QuotedCost is the month's cost as a quote tells it: Cost, except on a plan
// its limits block, where a top-up would buy credits that make nothing (no
// credits cure 4K on a 1080p plan): then the plan's price alone. withTopUp
// says whether a top-up is counted in it.
func (s *Standing) QuotedCost() (cost Money, withTopUp bool) {
	if s.limits > 0 {
		return s.Price(s.Billing), false
	}
	return s.Cost, len(s.TopUp.Packs) > 0
}

func billingIndex(b Billing) int {
	if b == Annual {
		return 1
	}
	return 0
}

// Stand works out the project's month on a plan against a balance, under the
// project's billing. What Fit states of the month as changed (spent, fits,
// short, top-up, what still blocks) is Stand of that month against the balance
// it fits into, max(balance, 0).
func (c *RateCard) Stand(p *Project, plan *Plan, balance Credits) Standing {
	u := c.newUsage()
	premium := c.monthTally(p, u, nil)
	return c.standing(plan, p, u, premium, balance)
}

// standing is Stand for a month already added up: premium is what its videos
// spend and u its usage, so a caller checking every plan walks the videos
// once. The month's one-time charges on the plan are added here, so every
// caller counts them the same.
func (c *RateCard) standing(plan *Plan, p *Project, u *monthUsage, premium, balance Credits) Standing {
	s := Standing{Plan: plan, Billing: p.Billing, Premium: premium, Balance: balance, Budget: p.Budget, HasBudget: p.HasBudget}
	if len(p.OneTime) > 0 {
		s.OneTime = c.OneTimeIn(p, plan, 1)
		s.OneTimeLater = c.oneTimeLater(p, plan)
		s.OneTimeCost, s.OneTimeCredits = oneTimeTotals(s.OneTime)
		s.Premium = plus(premium, s.OneTimeCredits)
		premium = s.Premium
	}
	s.Blocked = c.blocked(plan, p, u)
	s.limits = len(s.Blocked)
	s.Fits = premium <= balance
	if s.Fits {
		s.Remaining = balance - premium
	} else {
		s.Short = premium - max(balance, 0)
		s.TopUp, s.CanTopUp = plan.CheapestTopUp(s.Short)
		if !s.CanTopUp {
			s.Blocked = append(s.Blocked, shortNoTopUps(c, plan, s.Short))
		}
	}
	if !plan.ContactSales {
		s.price = [2]Money{c.monthCost(plan, p, Monthly), c.monthCost(plan, p, Annual)}
		s.Cost = s.Total(p.Billing)
	}
	return s
}

// shortNoTopUps is the reason a plan that is short and sells no top-ups cannot
// make the month; every standing gives it in the same words.
func shortNoTopUps(c *RateCard, plan *Plan, short Credits) string {
	return "short " + c.CreditWord(short) + " and " + plan.Name + " sells no top-ups"
}

// monthCost is the plan's price for one month under a billing, with extra seats.
func (c *RateCard) monthCost(plan *Plan, p *Project, b Billing) Money {
	cost := plan.Price(b)
	if extra := p.Seats - plan.IncludedSeats; extra > 0 && plan.ExtraSeats {
		cost = Money(satAdd(int64(cost), satMul(int64(plan.SeatPrice), int64(extra))))
	}
	return cost
}
