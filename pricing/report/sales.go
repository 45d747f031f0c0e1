package report

import (
	"bufio"
	"strings"

	"creditplan/pricing"
)

// The sales parts of every quote, comparison, fit and year: who it is for,
// the stamp ("prepared DATE, valid until DATE"), the custom-pricing badge
// with each change as list price → this customer's, the warnings (a
// valid_until past, a price above the discount band), and the estimates the
// numbers rest on, footnoted. All of it is read from the card the document
// was priced on (RateCard.Sales, RateCard.Custom, the estimate marks), so
// every writer, and the planner's exports, say the same. The customer's
// notes are internal and appear in none of them.

// salesDoc is the sales members of a JSON document.
type salesDoc struct {
	Customer      *customerJSON      `json:"customer"`
	PreparedOn    *string            `json:"prepared_on"`
	ValidUntil    *string            `json:"valid_until"`
	CustomPricing *customPricingJSON `json:"custom_pricing"`
	Warnings      []string           `json:"warnings"`
	Estimates     []estimateJSON     `json:"estimates"`
	datedDoc
}

type customerJSON struct {
	Name       string `json:"name"`
	Company    string `json:"company"`
	PreparedBy string `json:"prepared_by"`
}

type customPricingJSON struct {
	File    string       `json:"file"`
	Changes []changeJSON `json:"changes"`
}

type changeJSON struct {
	What  string `json:"what"`
	List  string `json:"list"`
	Yours string `json:"yours"`
}

type estimateJSON struct {
	What string `json:"what"`
	Why  string `json:"why"`
}

// salesOf is the sales members of a document about these plans on card c.
func salesOf(c *pricing.RateCard, plans ...*pricing.Plan) salesDoc {
	d := salesDoc{Warnings: []string{}, Estimates: []estimateJSON{}}
	if s := c.Sales; s != nil {
		if cu := s.Customer; cu != nil {
			d.Customer = &customerJSON{Name: cu.Name, Company: cu.Company, PreparedBy: cu.PreparedBy}
		}
		p, v := s.Prepared.String(), s.ValidUntil.String()
		d.PreparedOn, d.ValidUntil = &p, &v
		d.Warnings = append(d.Warnings, s.Warnings...)
	} else if c.Custom != nil {
		d.Warnings = append(d.Warnings, c.Custom.Warnings...)
	}
	if cp := c.Custom; cp != nil {
		d.CustomPricing = &customPricingJSON{File: cp.File, Changes: make([]changeJSON, len(cp.Changes))}
		for i, ch := range cp.Changes {
			d.CustomPricing.Changes[i] = changeJSON(ch)
		}
	}
	for _, e := range c.DocumentEstimates(plans...) {
		d.Estimates = append(d.Estimates, estimateJSON(e))
	}
	d.datedDoc = datedOf(c)
	return d
}

// write streams the members into the open object, as encoding/json writes
// an embedded salesDoc.
func (d *salesDoc) write(j *jsonWriter) {
	if d.Customer == nil {
		j.null("customer")
	} else {
		j.key("customer")
		j.beginObject()
		j.str("name", d.Customer.Name)
		j.str("company", d.Customer.Company)
		j.str("prepared_by", d.Customer.PreparedBy)
		j.endObject()
	}
	for _, m := range [...]struct {
		name string
		v    *string
	}{{"prepared_on", d.PreparedOn}, {"valid_until", d.ValidUntil}} {
		if m.v == nil {
			j.null(m.name)
		} else {
			j.str(m.name, *m.v)
		}
	}
	if d.CustomPricing == nil {
		j.null("custom_pricing")
	} else {
		j.key("custom_pricing")
		j.beginObject()
		j.str("file", d.CustomPricing.File)
		j.key("changes")
		j.beginArray()
		for _, ch := range d.CustomPricing.Changes {
			j.elem()
			j.beginObject()
			j.str("what", ch.What)
			j.str("list", ch.List)
			j.str("yours", ch.Yours)
			j.endObject()
		}
		j.endArray()
		j.endObject()
	}
	j.strings("warnings", d.Warnings)
	j.key("estimates")
	j.beginArray()
	for _, e := range d.Estimates {
		j.elem()
		j.beginObject()
		j.str("what", e.What)
		j.str("why", e.Why)
		j.endObject()
	}
	j.endArray()
	d.datedDoc.write(j)
}

// salesLines are the lines a text or Markdown document puts under its card
// line: the customer, the stamp, the badge and its changes, the warnings.
type salesLines struct {
	customer, stamp, badge string
	changes, warnings      []string
	// dated are the as-of day, scheduled changes and failed-render policy (dated.go).
	dated []string
}

func salesLinesOf(c *pricing.RateCard) salesLines {
	l := salesLines{dated: datedLines(c)}
	if s := c.Sales; s != nil {
		if who := s.Customer.Who(); who != "" {
			l.customer = "Customer: " + who
			if by := s.Customer.PreparedBy; by != "" {
				l.customer += " (prepared by " + by + ")"
			}
		}
		l.stamp = "Quote " + s.Stamp()
		l.warnings = s.Warnings
	} else if c.Custom != nil {
		l.warnings = c.Custom.Warnings
	}
	if cp := c.Custom; cp != nil {
		l.badge = "Custom pricing: " + cp.File + " (list price \u2192 this customer's)"
		if len(cp.Changes) == 0 {
			l.badge = "Custom pricing: " + cp.File + " (no price differs from the list)"
		}
		for _, ch := range cp.Changes {
			l.changes = append(l.changes, ch.Line())
		}
	}
	return l
}

// writeSalesText writes the sales lines under a text document's card line.
func writeSalesText(w *bufio.Writer, c *pricing.RateCard) {
	l := salesLinesOf(c)
	for _, s := range []string{l.customer, l.stamp} {
		if s != "" {
			w.WriteString(safe(s) + "\n")
		}
	}
	for _, s := range l.dated {
		w.WriteString(safe(s) + "\n")
	}
	if l.badge != "" {
		w.WriteString(safe(l.badge) + "\n")
	}
	for _, s := range l.changes {
		w.WriteString("  " + safe(s) + "\n")
	}
	for _, s := range l.warnings {
		w.WriteString("Warning: " + safe(s) + "\n")
	}
}

// writeSalesMarkdown writes the sales lines under a Markdown document's card line.
func writeSalesMarkdown(w *bufio.Writer, c *pricing.RateCard) {
	l := salesLinesOf(c)
	if l.customer != "" {
		w.WriteString(md(l.customer) + "  \n")
	}
	if l.stamp != "" {
		w.WriteString(md(l.stamp) + "  \n")
	}
	for _, s := range l.dated {
		w.WriteString(md(s) + "  \n")
	}
	for _, s := range l.warnings {
		w.WriteString("**Warning:** " + md(s) + "  \n")
	}
	if l.badge != "" {
		w.WriteString("\n**" + md(l.badge) + "**\n\n")
		for _, s := range l.changes {
			w.WriteString("- " + md(s) + "\n")
		}
		w.WriteString("\n")
	}
}

// estimateFootnotes are the footnotes of the estimates a document rests on,
// each "≈ estimate: WHAT (WHY)".
func estimateFootnotes(c *pricing.RateCard, plans ...*pricing.Plan) []string {
	es := c.DocumentEstimates(plans...)
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, pricing.EstimateMark+" estimate: "+e.What+" ("+e.Why+")")
	}
	return out
}

// writeEstimatesText ends a text document with its estimate footnotes.
func writeEstimatesText(w *bufio.Writer, c *pricing.RateCard, plans ...*pricing.Plan) {
	notes := estimateFootnotes(c, plans...)
	if len(notes) == 0 {
		return
	}
	w.WriteString("\nEstimates (" + pricing.EstimateMark + "): numbers that rest on an assumption, not on a published price:\n")
	for _, n := range notes {
		w.WriteString("  " + safe(n) + "\n")
	}
}

// writeEstimatesMarkdown ends a Markdown document with its estimate footnotes.
func writeEstimatesMarkdown(w *bufio.Writer, c *pricing.RateCard, plans ...*pricing.Plan) {
	notes := estimateFootnotes(c, plans...)
	if len(notes) == 0 {
		return
	}
	w.WriteString("\n## Estimates\n\nNumbers that rest on an assumption, not on a published price:\n\n")
	for _, n := range notes {
		w.WriteString("- " + md(n) + "\n")
	}
}

// csvSalesColumns follow the card's columns in every CSV.
var csvSalesColumns = append([]string{"customer", "prepared_on", "valid_until", "custom_pricing", "estimates"}, csvDatedColumns...)

// csvSalesCells are the sales columns' cells of every row of a CSV about
// these plans: the same on every row, as the card's are.
func csvSalesCells(c *pricing.RateCard, plans ...*pricing.Plan) []string {
	cells := make([]string, len(csvSalesColumns))
	if s := c.Sales; s != nil {
		cells[0] = s.Customer.Who()
		cells[1], cells[2] = s.Prepared.String(), s.ValidUntil.String()
	}
	if c.Custom != nil {
		cells[3] = c.Custom.File
	}
	var es []string
	for _, e := range c.DocumentEstimates(plans...) {
		es = append(es, e.What)
	}
	cells[4] = strings.Join(es, "; ")
	copy(cells[5:], csvDatedCells(c))
	return cells
}

// allPlans is every plan of the card, for a document about them all.
func allPlans(c *pricing.RateCard) []*pricing.Plan {
	out := make([]*pricing.Plan, len(c.Plans))
	for i := range c.Plans {
		out[i] = &c.Plans[i]
	}
	return out
}

// balanceMark marks a quote's balance as an estimate when it is the plan's
// own credits and those are one.
func balanceMark(q *pricing.Quote) string {
	if q.Balance != q.Plan.Credits {
		return ""
	}
	return q.Plan.Marks.Mark("credits")
}
