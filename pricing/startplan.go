package pricing

// StartPlan is the plan a new month starts on: the first plan in the card's
// order whose cycle grants credits and that has a public price, so a new month
// has credits to plan against; the card's first plan when none does, and ""
// for a card without plans.
func (c *RateCard) StartPlan() string {
	for i := range c.Plans {
		if p := &c.Plans[i]; p.Credits > 0 && !p.ContactSales {
			return p.ID
		}
	}
	if len(c.Plans) > 0 {
		return c.Plans[0].ID
	}
	return ""
}
