package pricing

// The upgrade: when a month is short on its plan, the quote names the cheapest
// other plan with a public price, under the project's billing, whose own
// credits cover the month and whose limits nothing in the month breaks. (Fit
// names its own, with each plan's substitutions made: fitUpgrade in fit.go.)

// cheapestCovering finds the cheapest priced plan, other than `not`, whose own
// credits cover `need` (what the videos spend) and its one-time charges, and
// which nothing blocks.
func (c *RateCard) cheapestCovering(p *Project, u *monthUsage, need Credits, not *Plan) *Plan {
	var best *Plan
	var bestCost Money
	for i := range c.Plans {
		pl := &c.Plans[i]
		if pl == not || pl.ContactSales || pl.Credits < plus(need, c.oneTimeCredits(pl, p)) || len(c.blocked(pl, p, u)) > 0 {
			continue
		}
		cost := c.monthCost(pl, p, p.Billing)
		if len(p.OneTime) > 0 {
			m, _ := oneTimeTotals(c.OneTimeIn(p, pl, 1))
			cost = plus(cost, m)
		}
		if best == nil || cost < bestCost {
			best, bestCost = pl, cost
		}
	}
	return best
}
