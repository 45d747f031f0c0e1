package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"creditplan/pricing"
)

// The proposal's writers: HTML, Markdown, CSV and JSON.
//
// Every format writes the same document (proposalDoc): sections of
// paragraphs, lists and tables, built once here from pricing's Proposal, so
// the four can never disagree on a figure. Each writer adds the embedded
// inputs block (pricing/proposalembed.go) in its own carrier and ends with
// the proposal's closing line.

// ProposalFormat is a proposal's file format.
type ProposalFormat int

// The proposal formats.
const (
	ProposalHTML ProposalFormat = iota
	ProposalMarkdown
	ProposalCSV
	ProposalJSON
)

var proposalFormatNames = [...]string{"html", "md", "csv", "json"}

// String is the format's name as --format takes it and the inputs record it.
func (f ProposalFormat) String() string {
	if f < 0 || int(f) >= len(proposalFormatNames) {
		return "unknown"
	}
	return proposalFormatNames[f]
}

// ParseProposalFormat reads a proposal's --format: html, md (or markdown), csv or json.
func ParseProposalFormat(s string) (ProposalFormat, error) {
	if s == "markdown" {
		return ProposalMarkdown, nil
	}
	for i, n := range proposalFormatNames {
		if s == n {
			return ProposalFormat(i), nil
		}
	}
	return 0, fmt.Errorf("unknown format %q%s; use html, md, csv or json", s, pricing.DidYouMean(s, proposalFormatNames[:]))
}

// WriteProposal writes a proposal in format f with its inputs block (the
// lines of pricing.ProposalInputs.Block; "" writes none).
func WriteProposal(w io.Writer, p *pricing.Proposal, f ProposalFormat, inputs string) error {
	if p == nil {
		return fmt.Errorf("no proposal to write")
	}
	if err := checkInputsBlock(inputs); err != nil {
		return err
	}
	doc := buildProposalDoc(p)
	bw := bufio.NewWriterSize(w, bufferSize)
	var err error
	switch f {
	case ProposalHTML:
		err = writeProposalHTML(bw, p, doc, inputs)
	case ProposalMarkdown:
		writeProposalMarkdown(bw, doc, inputs)
	case ProposalCSV:
		err = writeProposalCSV(bw, doc, inputs)
	case ProposalJSON:
		err = writeProposalJSON(bw, p, doc, inputs)
	default:
		return fmt.Errorf("unknown proposal format %d", int(f))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// RenderProposal writes a proposal in format f with in embedded, its
// body's SHA-256 (in.BodySHA256) taken: the document is written once
// without it, the body (the document without the inputs block, which the
// block's contents therefore never change) hashed, then written again with
// it. in.Format is set to f.
func RenderProposal(p *pricing.Proposal, f ProposalFormat, in pricing.ProposalInputs) ([]byte, error) {
	in.Format = f.String()
	in.BodySHA256 = ""
	var first bytes.Buffer
	if err := WriteProposal(&first, p, f, in.Block()); err != nil {
		return nil, err
	}
	body, ok := pricing.ProposalBody(first.Bytes())
	if !ok {
		return nil, fmt.Errorf("the %s writer left out the inputs block", f)
	}
	in.BodySHA256 = pricing.SHA256Hex(body)
	var out bytes.Buffer
	if err := WriteProposal(&out, p, f, in.Block()); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// checkInputsBlock refuses a block with a character some format would have
// to escape: the block is written into every format as it is.
func checkInputsBlock(s string) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c == '\n' || c == ' ' || c == '.' || c == ':' || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' ||
			(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		if !ok {
			return fmt.Errorf("inputs block holds %q, which no proposal carries unescaped", c)
		}
	}
	return nil
}

// inputsLines are the block's lines without the final newline's empty one.
func inputsLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// proposalDoc is a proposal as every format writes it. Text is plain (each
// writer escapes it for its format).
type proposalDoc struct {
	Title    string
	Lead     []string
	Sections []proposalSection
	Closing  string
}

// proposalSection is one part of the proposal.
type proposalSection struct {
	// ID is the section's key in CSV and JSON and its HTML id.
	ID, Title string
	Paras     []string
	List      []string
	Tables    []proposalTable
	// Chart marks the section the HTML's cost chart goes in.
	Chart bool
}

// proposalTable is a table with a caption, one header row, and rows whose
// first cell names the row.
type proposalTable struct {
	ID, Caption string
	Head        []string
	Rows        [][]string
	// Num marks the columns that hold amounts (right-aligned); Marked the
	// rows of the proposed plan.
	Num    []bool
	Marked []bool
	// MarkedCol marks the column of the proposed plan.
	MarkedCol []bool
}

// buildProposalDoc lays the proposal out: the proposed plan and why, what
// each plan gives, what the month and the year cost on each, the proposed
// plan's year, the card.
func buildProposalDoc(p *pricing.Proposal) *proposalDoc {
	c := p.Card
	doc := &proposalDoc{Closing: p.ClosingLine()}
	doc.Title = "Proposal: " + p.Proposed.Name + ", billed " + billingWord(p.ProposedBilling)
	doc.Lead = salesLead(p)
	if p.Card.Sales == nil {
		doc.Lead = append(doc.Lead, "Prepared on "+p.Options.PreparedOn+".")
	}
	doc.Lead = append(doc.Lead, fmt.Sprintf("A month of %s (%s finished), spending %s.",
		pricing.Count(p.Videos)+" "+plural(p.Videos, "video", "videos"),
		pricing.FormatLength(int(p.FinishedSeconds)), c.CreditWord(p.Premium)))

	doc.Sections = append(doc.Sections, proposalSection{ID: "recommendation", Title: "Proposed plan and why", List: p.Why})
	if s := customPricingSection(p); s != nil {
		doc.Sections = append(doc.Sections, *s)
	}
	doc.Sections = append(doc.Sections, proposalSection{ID: "plans", Title: "What each plan gives", Tables: []proposalTable{givesTable(p)}})
	costs := proposalSection{ID: "costs", Title: "What this month costs on each plan", Tables: []proposalTable{costTable(p)}, Chart: true}
	costs.List = p.BreakEvens
	doc.Sections = append(doc.Sections, costs)
	doc.Sections = append(doc.Sections, proposalSection{ID: "year", Title: "The year on " + p.Proposed.Name, Paras: []string{yearSentence(p)}, Tables: []proposalTable{yearTable(p)}})
	if s := scenariosSection(p); s != nil {
		doc.Sections = append(doc.Sections, *s)
	}
	if s := estimatesSection(p); s != nil {
		doc.Sections = append(doc.Sections, *s)
	}
	card := proposalSection{ID: "card", Title: "Rate card",
		Paras: []string{fmt.Sprintf("Prices and credits from %s as of %s.", c.Name, c.AsOf)}}
	card.Paras = append(card.Paras, datedSentences(c)...)
	card.List = append(card.List, c.Sources...)
	doc.Sections = append(doc.Sections, card)
	return doc
}

func billingWord(b pricing.Billing) string {
	if b == pricing.Annual {
		return "annually"
	}
	return "monthly"
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// givesTable is what each plan gives, a column a plan (as pricing pages
// compare plans), a row for each thing compared.
func givesTable(p *pricing.Proposal) proposalTable {
	c := p.Card
	t := proposalTable{ID: "plans", Caption: "What each plan gives, per month", Head: []string{"Per month"}, Num: []bool{false}}
	t.MarkedCol = []bool{false}
	for i := range p.Plans {
		t.Head = append(t.Head, planLabel(&p.Plans[i]))
		t.Num = append(t.Num, true)
		t.MarkedCol = append(t.MarkedCol, p.Plans[i].Proposed)
	}
	add := func(label string, cell func(pp *pricing.ProposalPlan) string) {
		r := []string{label}
		for i := range p.Plans {
			r = append(r, cell(&p.Plans[i]))
		}
		t.Rows = append(t.Rows, r)
	}
	add("Price billed monthly", func(pp *pricing.ProposalPlan) string {
		return estimated(c.PriceLabel(pp.Plan, pricing.Monthly), pp.Plan.Marks.Has("monthly_price"))
	})
	add("Price billed annually (a month)", func(pp *pricing.ProposalPlan) string {
		return estimated(c.PriceLabel(pp.Plan, pricing.Annual), pp.Plan.Marks.Has("annual_price"))
	})
	add("Credits ("+c.CreditNamePlural+")", func(pp *pricing.ProposalPlan) string {
		return estimated(pp.Plan.Credits.Grouped(), pp.Plan.Marks.Has("credits"))
	})
	// One row for each premium feature charged by length that some plan
	// offers: about how many of its minutes the plan's credits buy.
	var feats []*pricing.Feature
	seen := map[string]bool{}
	for i := range p.Plans {
		for _, g := range p.Plans[i].Gives {
			if !seen[g.Feature.ID] {
				seen[g.Feature.ID] = true
				feats = append(feats, g.Feature)
			}
		}
	}
	for _, f := range feats {
		unit := "Minutes"
		if f.Unit == pricing.PerLanguageMinute {
			unit = "Language-minutes"
		}
		add(unit+" of "+f.Name+" they buy, about", func(pp *pricing.ProposalPlan) string {
			for _, g := range pp.Gives {
				if g.Feature == f {
					return estimated(pricing.Count(g.Amount), pp.Plan.Marks.Has("credits") || f.Marks.Has("rate"))
				}
			}
			return "not offered"
		})
	}
	add("Max length", func(pp *pricing.ProposalPlan) string { return estimated(pp.MaxLength, pp.Plan.Marks.Has("max_length")) })
	add("Resolution", func(pp *pricing.ProposalPlan) string {
		return estimated(pp.Resolution, pp.Plan.Marks.Has("max_resolution"))
	})
	add("Seats", func(pp *pricing.ProposalPlan) string {
		return estimated(pp.Seats, pp.Plan.Marks.Has("included_seats") || pp.Plan.Marks.Has("extra_seat_price"))
	})
	add("Watermark", func(pp *pricing.ProposalPlan) string {
		return estimated(yesNo(pp.Plan.Watermark), pp.Plan.Marks.Has("watermark"))
	})
	return t
}

// planLabel names a plan in a table, marking the proposed one.
func planLabel(pp *pricing.ProposalPlan) string {
	switch {
	case pp.Proposed && pp.Recommended:
		return pp.Plan.Name + " (proposed, recommended)"
	case pp.Proposed:
		return pp.Plan.Name + " (proposed)"
	case pp.Recommended:
		return pp.Plan.Name + " (recommended)"
	}
	return pp.Plan.Name
}

// costTable is this month's and the year's cost on each plan and billing.
func costTable(p *pricing.Proposal) proposalTable {
	c := p.Card
	t := proposalTable{ID: "costs", Caption: "This month and its year on each plan (plan, extra seats and top-ups)",
		Head: []string{"Plan", "Makes the month", "Month billed monthly", "Month billed annually", "Year billed monthly", "Year billed annually"},
		Num:  []bool{false, false, true, true, true, true}}
	for i := range p.Plans {
		pp := &p.Plans[i]
		makes := "yes"
		switch s := &pp.Standing; {
		case len(s.Blocked) > 0:
			makes = "no: " + s.Blocked[0]
		case !s.Fits:
			makes = "with " + s.TopUp.Describe(c)
		}
		t.Marked = append(t.Marked, pp.Proposed)
		row := []string{planLabel(pp), makes}
		for _, m := range []pricing.Money{pp.MonthCost[0], pp.MonthCost[1], pp.YearCost[0], pp.YearCost[1]} {
			// A plan the month cannot use has no cost for it.
			if len(pp.Standing.Blocked) > 0 {
				row = append(row, "n/a")
				continue
			}
			row = append(row, moneyOrContact(c, pp.Plan, m))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func moneyOrContact(c *pricing.RateCard, plan *pricing.Plan, m pricing.Money) string {
	if plan.ContactSales {
		return pricing.ContactSales
	}
	return c.Money(m)
}

// yearSentence says which billing is cheaper over the proposed plan's year.
func yearSentence(p *pricing.Proposal) string {
	y := p.Year
	c := p.Card
	switch {
	case y.ContactSales:
		return p.Proposed.Name + " has no public price: the year's credits are shown, its cost is for sales to quote."
	case y.SameCost:
		return "Both billings cost the same over the year."
	}
	return fmt.Sprintf("Billed %s, the year costs %s less.", billingWord(y.Cheaper), c.Money(y.CheaperBy))
}

// yearTable is the proposed plan's year on both billings.
func yearTable(p *pricing.Proposal) proposalTable {
	c := p.Card
	t := proposalTable{ID: "year", Caption: "The year on " + p.Proposed.Name + " on both billings",
		Head: []string{"Billing", "Subscription", "Top-ups", "Year's cost", "Credits used", "Credits expired", "Months topped up", "Months short"},
		Num:  []bool{false, true, true, true, true, true, true, true}}
	for _, run := range []*pricing.YearRun{p.Year.Monthly, p.Year.Annual} {
		t.Rows = append(t.Rows, []string{"billed " + billingWord(run.Billing),
			moneyOrContact(c, p.Proposed, run.Subscription), moneyOrContact(c, p.Proposed, run.TopUps), moneyOrContact(c, p.Proposed, run.Cost),
			run.Used.Grouped(), run.Expired.Grouped(), itoa(run.MonthsToppedUp), itoa(run.MonthsShort)})
	}
	return t
}

func itoa(n int) string { return fmt.Sprint(n) }
