package report

import (
	"strings"

	"creditplan/pricing"
)

// The proposal's sales parts: who it is for and until when it holds, the
// customer's negotiated prices, the scenarios side by side, and the
// footnotes of the numbers that are estimates. They come from the card the
// proposal was priced on (its SalesContext and CustomPricing, set by
// ForCustomer and the overlay) and from the project's scenarios.

// salesLead is the lead's lines for the customer and the stamp ("For Dana
// Reyes, Acme Corp (prepared by Sam Seller): prepared 2026-12-03, valid
// until 2027-01-02."), then the badge.
func salesLead(p *pricing.Proposal) []string {
	c := p.Card
	var out []string
	if s := c.Sales; s != nil {
		who := s.Customer.Who()
		if who == "" {
			who = "you"
		}
		if s.Customer != nil && s.Customer.PreparedBy != "" {
			who += " (prepared by " + s.Customer.PreparedBy + ")"
		}
		out = append(out, "For "+who+": "+s.Stamp()+".")
	}
	if b := c.Custom.Badge(); b != "" {
		out = append(out, b)
	}
	return out
}

// customPricingSection lists each negotiated change as list price and the
// customer's; nil without an overlay.
func customPricingSection(p *pricing.Proposal) *proposalSection {
	cp := p.Card.Custom
	if cp == nil {
		return nil
	}
	s := &proposalSection{ID: "custom_pricing", Title: "Your pricing", Paras: []string{"The prices in this proposal are yours (" + cp.Badge() + "), not the card's list prices."}}
	t := proposalTable{ID: "custom_pricing", Caption: "Your prices against the card's list prices", Head: []string{"What", "List price", "Your price"}, Num: []bool{false, true, true}}
	for _, ch := range cp.Changes {
		t.Rows = append(t.Rows, []string{ch.What, ch.List, ch.Yours})
	}
	if len(t.Rows) > 0 {
		s.Tables = append(s.Tables, t)
	}
	return s
}

// scenariosSection prices the project's scenarios side by side, the month
// as planned first; nil when the project has none.
func scenariosSection(p *pricing.Proposal) *proposalSection {
	rows := p.Card.SideBySide(p.Project)
	if len(rows) == 0 {
		return nil
	}
	c := p.Card
	t := proposalTable{ID: "scenarios", Caption: "What-ifs beside the month as planned",
		Head: []string{"Scenario", "Plan", "Billing", "Credits", "Makes the month", "Month billed monthly", "Month billed annually", "Year on its billing"},
		Num:  []bool{false, false, false, true, false, true, true, true}}
	for _, r := range rows {
		plan := "-"
		if r.Plan != nil {
			plan = r.Plan.Name
		}
		makes := "yes"
		switch {
		case len(r.Blocked) > 0:
			makes = "no: " + r.Blocked[0]
		case !r.Fits:
			makes = "with " + r.TopUp.Describe(c)
		}
		cost := func(m pricing.Money) string {
			switch {
			case r.Plan == nil || len(r.Blocked) > 0:
				return "n/a"
			case r.ContactSales:
				return pricing.ContactSales
			}
			return c.Money(m)
		}
		t.Rows = append(t.Rows, []string{r.Name, plan, r.Billing.Key(), r.PremiumCredits.Grouped(), makes, cost(r.MonthlyTotal), cost(r.AnnualTotal), cost(r.YearCost)})
	}
	return &proposalSection{ID: "scenarios", Title: "Scenarios", Tables: []proposalTable{t}}
}

// estimatesSection footnotes every number of the card the proposal rests
// on that the card marks as an estimate, those resting on the same
// assumption together; nil when there is none.
func estimatesSection(p *pricing.Proposal) *proposalSection {
	est := p.Card.DocumentEstimates(proposalPlans(p)...)
	if len(est) == 0 {
		return nil
	}
	s := &proposalSection{ID: "estimates", Title: "Estimates",
		Paras: []string{"Numbers marked " + pricing.EstimateMark + " rest on an assumption, not on a published price:"}}
	var whys []string
	what := map[string][]string{}
	for _, e := range est {
		if _, ok := what[e.Why]; !ok {
			whys = append(whys, e.Why)
		}
		what[e.Why] = append(what[e.Why], e.What)
	}
	for _, why := range whys {
		s.List = append(s.List, strings.Join(what[why], "; ")+". "+capitalize(why)+".")
	}
	return s
}

// capitalize starts a sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// estimated marks a cell whose number the card marks as an estimate.
func estimated(text string, marked bool) string {
	if marked {
		return text + " " + pricing.EstimateMark
	}
	return text
}

// proposalPlans are the plans a proposal compares.
func proposalPlans(p *pricing.Proposal) []*pricing.Plan {
	plans := make([]*pricing.Plan, len(p.Plans))
	for i := range p.Plans {
		plans[i] = p.Plans[i].Plan
	}
	return plans
}
