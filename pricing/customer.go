package pricing

import (
	"strings"
	"time"
)

// Customer is who a quote is prepared for: the project's [customer] table.
type Customer struct {
	Name       string
	Company    string
	PreparedBy string
	// Notes are internal: for the salesperson in the planner's normal mode,
	// never in an output, a presentation or a proposal.
	Notes string
	// ValidDays is how many days a quote stays valid from the day it is
	// prepared; 0 when the table does not say (DefaultValidDays then).
	ValidDays int
	// ValidUntil, when not zero, is the fixed date the quote is valid until;
	// a table gives it or ValidDays, never both.
	ValidUntil Date
}

var customerKeys = []string{"name", "company", "prepared_by", "valid_days", "valid_until", "notes"}

// Who names the customer for headers: "Dana Reyes, Acme Corp", or either alone.
func (c *Customer) Who() string {
	if c == nil {
		return ""
	}
	switch {
	case c.Name != "" && c.Company != "":
		return c.Name + ", " + c.Company
	case c.Name != "":
		return c.Name
	}
	return c.Company
}

// Clone is a copy of c (nil for nil).
func (c *Customer) Clone() *Customer {
	if c == nil {
		return nil
	}
	d := *c
	return &d
}

// readCustomer reads the project's [customer] table, or returns nil when the
// project has none.
func readCustomer(root *table) *Customer {
	t := root.sub("customer", false)
	if t == nil {
		return nil
	}
	c := &Customer{
		Name:       t.str("name", false),
		Company:    t.str("company", false),
		PreparedBy: t.str("prepared_by", false),
		Notes:      t.str("notes", false),
	}
	if strings.TrimSpace(c.Name) == "" && strings.TrimSpace(c.Company) == "" {
		if !t.given("name") {
			t.missingf("name", "a [customer] needs a name or a company")
		} else if _, isText := t.m["name"].(string); isText {
			t.d.addf(t.keyPath("name"), "a [customer] needs a name or a company, not an empty name")
		}
	}
	if t.given("valid_days") && t.given("valid_until") {
		t.d.addf(t.keyPath("valid_until"), "give valid_days or valid_until, not both")
	}
	c.ValidDays = int(t.integer("valid_days", false, 0, 1, MaxValidDays))
	if t.given("valid_until") {
		if s := readDate(t, "valid_until"); s != "" {
			if tm, err := time.Parse("2006-01-02", s); err == nil {
				c.ValidUntil = DateOf(tm)
			}
		}
	}
	t.finish(customerKeys)
	return c
}

// SalesContext is what an output prepared for a customer carries beside the
// prices: who it is for, when it was prepared and until when it is valid,
// the warnings the salesperson must see, and which of the card's features
// the month uses (so its estimates can be footnoted).
type SalesContext struct {
	// Customer is nil when the project names none.
	Customer *Customer
	// Prepared is the day the output is made; ValidUntil is Validity's.
	Prepared, ValidUntil Date
	// Warnings are not errors: a valid_until already past, a price above
	// the card's discount band.
	Warnings []string
	uses     []bool // indexed like RateCard.Features
}

// ForCustomer is the card as an output for this project's customer sees it,
// prepared on prepared: a copy carrying a SalesContext (Sales), prices
// unchanged. c is never changed.
func (c *RateCard) ForCustomer(p *Project, prepared Date) *RateCard {
	nc := *c
	s := &SalesContext{Prepared: prepared, uses: make([]bool, len(c.Features))}
	if p != nil {
		s.Customer = p.Customer.Clone()
		for i := range p.Videos {
			v := &p.Videos[i]
			for sl := Slot(0); sl < NumSlots; sl++ {
				if j, ok := c.featureIndex[v.Picks[sl]]; ok && v.active(sl) {
					s.uses[j] = true
				}
			}
		}
	}
	s.ValidUntil = Validity(prepared, s.Customer)
	if w := ValidityWarning(prepared, s.Customer); w != "" {
		s.Warnings = append(s.Warnings, w)
	}
	if c.Custom != nil {
		s.Warnings = append(s.Warnings, c.Custom.Warnings...)
	}
	nc.Sales = s
	return &nc
}

// DocumentEstimates lists the estimates an output about these plans rests
// on: the plans' own, and, when the card carries a SalesContext, those of
// the features its month uses (every feature's otherwise).
func (c *RateCard) DocumentEstimates(plans ...*Plan) []Estimate {
	var out []Estimate
	for _, pl := range plans {
		out = c.appendPlanEstimates(out, pl)
	}
	for i := range c.Features {
		if c.Sales == nil || i < len(c.Sales.uses) && c.Sales.uses[i] {
			out = c.appendFeatureEstimates(out, &c.Features[i])
		}
	}
	return out
}

// Stamp is the context's "prepared DATE, valid until DATE".
func (s *SalesContext) Stamp() string { return Stamp(s.Prepared, s.ValidUntil) }
