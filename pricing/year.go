package pricing

import (
	"math/bits"
)

// The wallet over a year.
//
// A month as planned is rarely every month: creators make ten videos one month
// and two the next. Year plays the month through 12 months, scaled by the
// project's Volume, and follows the credits the way the card says the vendor
// does:
//
//   - Grants. Monthly billing grants the plan's Credits at the start of every
//     month. Annual billing does too, unless the plan is AnnualUpfront: then the
//     whole year's credits (12 × Credits) arrive at the start of month 1.
//   - Expiry (Plan.Rollover). "none": unused credits expire at the end of their
//     cycle (the month, or the year for an upfront grant). "next_cycle": they last
//     one more cycle. "until_renewal": they last until the subscription renews,
//     which is every month under monthly billing and at the end of the year under
//     annual billing. Credits still good after month 12 are carried out of the
//     year, not wasted. (Plan.ExpiresDays is not used: the rollover rule is the
//     card's statement of when cycle credits go, and the two would disagree for
//     next_cycle with the default 30 days.)
//   - Spending. Each month spends the credits that expire soonest first, so
//     nothing expires that a different order would have saved.
//   - Top-ups. When a month is short, the plan's cheapest top-up for the
//     shortfall is bought (Plan.CheapestTopUp); its credits last
//     ceil(LastsDays / 30) months including the month bought, or forever when
//     LastsDays is 0. A plan with no top-ups leaves the month short.
//   - Money. Monthly billing pays one month (plan and extra seats) each month;
//     annual billing pays the year (12 × the annual per-month price and seats)
//     in month 1. Top-ups are paid in the month bought.
//
// Every month conserves credits: opening + granted + bought = used + expired +
// closing, and the closing balance is the next month's opening.

// WalletMonth is one month of the simulated wallet.
type WalletMonth struct {
	// Month is 1 to 12; Volume the month's multiplier in thousandths (1000 = as planned).
	Month  int
	Volume int64
	// Need is what the month would spend: the planned month × Volume, rounded up
	// to the card's precision.
	Need    Credits
	Opening Credits
	Granted Credits
	Bought  Credits
	TopUp   TopUpPurchase
	Used    Credits
	// Expired is the credits that reached their expiry unused at the end of the month.
	Expired Credits
	// Closing is what is carried into the next month.
	Closing Credits
	// Short is what the month could not make because the plan sells no top-up.
	Short Credits
	// Cost is the money paid this month: the subscription when it falls due,
	// top-ups, and the one-time charges of the month.
	Cost Money
	// OneTime lists the project's one-time charges that fall in this month
	// (onetime.go): their credits are part of Need (not scaled by Volume),
	// their money, OneTimeCost, part of Cost.
	OneTime     []OneTimeLine
	OneTimeCost Money
}

// YearRun is a year of the wallet under one billing.
type YearRun struct {
	Billing Billing
	Months  [12]WalletMonth
	// Totals over the year. Expired is the credits wasted; Closing what is
	// left at the end of month 12 (and still good).
	Need, Granted, Bought, Used, Expired, Short, Closing Credits
	// MonthsShort counts months left short (no top-up sold); MonthsToppedUp
	// months in which a top-up was bought.
	MonthsShort, MonthsToppedUp int
	// Subscription, TopUps and OneTime (the one-time charges paid in money)
	// make up Cost, the year's total money.
	Subscription, TopUps, Cost Money
	OneTime                    Money
}

// YearResult is a plan's year for a project: the run under the billing asked
// for (embedded, so r.Months and r.Cost read directly), both runs, and which
// billing is cheaper for this pattern of months.
type YearResult struct {
	Card *RateCard
	Plan *Plan
	// MonthCredits is the month as planned (Volume 1).
	MonthCredits Credits
	YearRun
	Monthly, Annual *YearRun
	// Cheaper is the better billing for this year: the one that leaves fewer
	// credits short, then the one that costs less. SameCost is set when both
	// cost the same and leave the same shortfall (then Cheaper is Monthly, which
	// commits to less); CheaperBy is the difference in cost.
	Cheaper   Billing
	CheaperBy Money
	SameCost  bool
	// ContactSales is set when the plan has no public price: credits are
	// simulated, costs are not (they are zero and must be shown as "contact sales").
	ContactSales bool
	// Marks says which of the year's numbers rest on an estimate (derivedestimate.go).
	Marks DerivedMarks
}

// YearProject simulates the project's own plan and billing.
func (c *RateCard) YearProject(p *Project) (*YearResult, error) {
	plan, err := c.projectPlan(p)
	if err != nil {
		return nil, err
	}
	return c.Year(p, plan, p.Billing), nil
}

// Year simulates the credit wallet of a plan over 12 months of the project,
// under both billings, and returns the run for `billing` with the comparison.
// See the comment at the top of year.go for the rules.
func (c *RateCard) Year(p *Project, plan *Plan, billing Billing) *YearResult {
	month := c.MonthPremium(p)
	r := &YearResult{Card: c, Plan: plan, MonthCredits: month, ContactSales: plan.ContactSales,
		Marks: DerivedMarksFor(plan, billing, c.MonthNeedEstimated(p))}
	r.Monthly = c.simulateYear(p, plan, Monthly, month)
	r.Annual = c.simulateYear(p, plan, Annual, month)
	r.YearRun = *r.Monthly
	if billing == Annual {
		r.YearRun = *r.Annual
	}
	m, a := r.Monthly, r.Annual
	switch {
	case a.Short < m.Short || (a.Short == m.Short && a.Cost < m.Cost):
		r.Cheaper, r.CheaperBy = Annual, minus(m.Cost, a.Cost)
	case m.Short == a.Short && m.Cost == a.Cost:
		r.Cheaper, r.SameCost = Monthly, true
	default:
		r.Cheaper, r.CheaperBy = Monthly, minus(a.Cost, m.Cost)
	}
	return r
}

// walletLot is credits that arrived together and expire together.
type walletLot struct {
	credits Credits
	// last is the index (0-11, or beyond for after the year) of the last month
	// the credits can be spent in; neverExpires for top-ups that last until used.
	last int
}

// scaleCredits is month × volume/1000, rounded up to the card's precision, in
// 128-bit arithmetic so no month and multiplier can overflow.
func (c *RateCard) scaleCredits(month Credits, volume int64) Credits {
	if month <= 0 || volume <= 0 {
		return 0
	}
	step := uint64(c.creditStep())
	den := uint64(1000) * step
	hi, lo := bits.Mul64(uint64(month), uint64(volume))
	if hi >= den {
		return Credits(maxAmount) // the ceiling every amount saturates at
	}
	q, rem := bits.Div64(hi, lo, den)
	if rem != 0 {
		q++
	}
	return Credits(q * step)
}

// simulateYear plays the month through the 12 months of a year under one
// billing, by the rules at the top of this file.
func (c *RateCard) simulateYear(p *Project, plan *Plan, billing Billing, month Credits) *YearRun {
	run := &YearRun{Billing: billing}
	var lots []walletLot
	var opening Credits
	for m := range 12 {
		wm := &run.Months[m]
		wm.Month, wm.Volume = m+1, VolumeAsPlanned
		if len(p.Volume) == 12 {
			wm.Volume = p.Volume[m]
		}
		wm.Need = c.scaleCredits(month, wm.Volume)
		wm.Opening = opening
		lots = grantCredits(lots, plan, billing, m, wm)
		if !plan.ContactSales {
			wm.Cost = c.subscriptionDue(p, plan, billing, m)
			run.Subscription = plus(run.Subscription, wm.Cost)
		}
		if len(p.OneTime) > 0 {
			c.oneTimeMonth(p, plan, wm, run)
		}
		lots = buyTopUp(lots, plan, m, wm, run)
		lots = spendAndExpire(lots, m, wm)
		opening = wm.Closing

		run.Need = plus(run.Need, wm.Need)
		run.Granted = plus(run.Granted, wm.Granted)
		run.Bought = plus(run.Bought, wm.Bought)
		run.Used = plus(run.Used, wm.Used)
		run.Expired = plus(run.Expired, wm.Expired)
		run.Short = plus(run.Short, wm.Short)
	}
	run.Closing = opening
	run.Cost = plus(plus(run.Subscription, run.TopUps), run.OneTime)
	return run
}

// grantCredits adds month m's grant to the wallet: the plan's credits every
// month, or the whole year's in month 1 when annual billing pays upfront.
func grantCredits(lots []walletLot, plan *Plan, billing Billing, m int, wm *WalletMonth) []walletLot {
	switch upfront := billing == Annual && plan.AnnualUpfront; {
	case upfront && m == 0:
		wm.Granted = times(plan.Credits, 12)
		lots = addLot(lots, walletLot{wm.Granted, grantLast(plan, billing, m, 12)})
	case !upfront:
		wm.Granted = plan.Credits
		lots = addLot(lots, walletLot{wm.Granted, grantLast(plan, billing, m, 1)})
	}
	return lots
}

// subscriptionDue is what the subscription costs in month m: a month's price
// each month when billed monthly, the year's in month 1 when billed annually.
func (c *RateCard) subscriptionDue(p *Project, plan *Plan, billing Billing, m int) Money {
	switch {
	case billing == Monthly:
		return c.monthCost(plan, p, Monthly)
	case m == 0:
		return times(c.monthCost(plan, p, Annual), 12)
	}
	return 0
}

// buyTopUp buys the plan's cheapest top-up when the month needs more than
// its opening balance and grant, or leaves the month short when the plan
// sells none that would do.
func buyTopUp(lots []walletLot, plan *Plan, m int, wm *WalletMonth, run *YearRun) []walletLot {
	have := plus(wm.Opening, wm.Granted)
	if wm.Need <= have {
		return lots
	}
	short := minus(wm.Need, have)
	buy, ok := plan.CheapestTopUp(short)
	if !ok {
		wm.Short = short
		run.MonthsShort++
		return lots
	}
	wm.TopUp, wm.Bought = buy, buy.Credits
	for _, pc := range buy.Packs {
		last := m + monthsOfDays(pc.TopUp.LastsDays) - 1
		if pc.TopUp.LastsDays <= 0 {
			last = neverExpires
		}
		lots = addLot(lots, walletLot{times(pc.TopUp.Credits, pc.Count), last})
	}
	if !plan.ContactSales {
		wm.Cost = plus(wm.Cost, buy.Cost)
		run.TopUps = plus(run.TopUps, buy.Cost)
	}
	run.MonthsToppedUp++
	return lots
}

// spendAndExpire spends what the month makes, soonest-expiring credits first
// (lots are kept in order of expiry), then lets the credits whose last month
// this is expire; what is left is the month's closing balance.
func spendAndExpire(lots []walletLot, m int, wm *WalletMonth) []walletLot {
	want := wm.Need - wm.Short
	for i := range lots {
		if want == 0 {
			break
		}
		take := min(lots[i].credits, want)
		lots[i].credits -= take
		want -= take
		wm.Used += take
	}
	kept := lots[:0]
	for _, l := range lots {
		switch {
		case l.credits == 0:
		case l.last <= m:
			wm.Expired = plus(wm.Expired, l.credits)
		default:
			kept = append(kept, l)
			wm.Closing = plus(wm.Closing, l.credits)
		}
	}
	return kept
}

// addLot inserts a lot keeping the wallet ordered by expiry (stable: among lots
// expiring together, the older is spent first).
func addLot(lots []walletLot, l walletLot) []walletLot {
	if l.credits <= 0 {
		return lots
	}
	i := len(lots)
	for i > 0 && lots[i-1].last > l.last {
		i--
	}
	lots = append(lots, walletLot{})
	copy(lots[i+1:], lots[i:])
	lots[i] = l
	return lots
}
