package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"creditplan/pricing"
)

// WriteVendors writes one month priced on several vendors' cards: for each
// vendor its cheapest plan and billing that can make the month, every plan's
// month on both billings, the cost per finished minute, the credits the month
// spends in the vendor's own unit, and what blocks it; then the verdict, in
// one currency, with the exchange rates used. Every format says that credits
// are not comparable across vendors.
func WriteVendors(w io.Writer, vc *pricing.VendorComparison, f Format) error {
	if vc == nil {
		return fmt.Errorf("no vendor comparison to write")
	}
	return write(w, f, writers{
		text:     func(b *bufio.Writer, width int) { writeVendorsText(b, vc, width) },
		json:     func() any { return vendorsJSON(vc) },
		markdown: func(b *bufio.Writer) { writeVendorsMarkdown(b, vc) },
		csv:      func(b *bufio.Writer) error { return writeVendorsCSV(b, vc) },
	})
}

// vendorHeading names one vendor's card as every output starts with it.
func vendorHeading(v *pricing.VendorResult) string {
	return v.Name() + ": " + cardLine(v.Card)
}

// vendorCredits is what the month spends on the vendor, in its own unit.
func vendorCredits(v *pricing.VendorResult) string {
	if len(v.Gaps) > 0 || v.Project == nil {
		return "-"
	}
	return v.Card.CreditWord(v.Premium)
}

// vendorBest words the vendor's cheapest way to make the month, or why none.
func vendorBest(v *pricing.VendorResult) string {
	if v.Best == nil {
		return "cannot make this month"
	}
	return v.Best.Text(v.Card)
}

// planMoney is a plan's month on one billing, marked when its price is an
// estimate, or why it has none.
func planMoney(v *pricing.VendorResult, p *pricing.VendorPlan, b pricing.Billing) string {
	switch {
	case p.ContactSales:
		return pricing.ContactSales
	case len(p.Blocked) > 0:
		return "blocked"
	}
	m := p.Monthly
	if b == pricing.Annual {
		m = p.Annual
	}
	return v.Card.Money(m) + p.Plan.PriceMark(b)
}

// vendorSalesHead is the customer and the quote's stamp, said once for every
// card: the first card's (every card carries the same customer and day).
func vendorSalesHead(vc *pricing.VendorComparison) []string {
	if len(vc.Vendors) == 0 {
		return nil
	}
	l := salesLinesOf(vc.Vendors[0].Card)
	var out []string
	for _, s := range []string{l.customer, l.stamp} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// vendorSalesLines are one card's own sales lines: its custom-pricing badge
// and changes, and its warnings.
func vendorSalesLines(c *pricing.RateCard) []string {
	l := salesLinesOf(c)
	var out []string
	if l.badge != "" {
		out = append(out, l.badge)
		for _, ch := range l.changes {
			out = append(out, "  "+ch)
		}
	}
	for _, w := range l.warnings {
		out = append(out, "Warning: "+w)
	}
	return out
}

// finishedText words the finished minutes of a month, to a tenth: "12.5
// finished minutes".
func finishedText(seconds int64) string {
	return minutesText(seconds, true) + " finished minutes"
}

func writeVendorsText(w *bufio.Writer, vc *pricing.VendorComparison, width int) {
	w.WriteString("Vendors compared for this month (money in " + vc.Currency + "):\n")
	for _, l := range vendorSalesHead(vc) {
		w.WriteString(safe(l) + "\n")
	}
	w.WriteString(pricing.CreditsNotComparable + "\n")
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		w.WriteString("\n" + safe(vendorHeading(v)) + "\n")
		for _, l := range datedLines(v.Card) {
			w.WriteString("  " + safe(l) + "\n")
		}
		for _, l := range vendorSalesLines(v.Card) {
			w.WriteString("  " + safe(l) + "\n")
		}
		w.WriteString("  " + safe("Cheapest: "+vendorBest(v)) + "\n")
		if v.Best != nil {
			w.WriteString("  Per finished minute: " + v.Card.Money(v.PerMinute) + " (" + finishedText(v.FinishedSeconds) + ")\n")
			if v.Rate.From != v.Rate.To {
				w.WriteString("  In " + vc.Currency + ": " + v.Converted.Format(vc.Currency) + " a month, " +
					v.ConvertedPerMinute.Format(vc.Currency) + " a finished minute\n")
			}
		}
		if t := v.OneTimeText(); t != "" {
			w.WriteString("  " + safe(t) + "\n")
		}
		if len(v.Gaps) == 0 {
			w.WriteString("  " + safe("The month spends "+vendorCredits(v)) + "\n")
		}
		g := aligner{limit: width}
		g.reset(false, true, true, false)
		g.add("Plan", "Monthly", "Annual", "")
		for j := range v.Plans {
			p := &v.Plans[j]
			mark := ""
			if p.Recommended {
				mark = "recommended"
			}
			g.add(p.Plan.Name, planMoney(v, p, pricing.Monthly), planMoney(v, p, pricing.Annual), mark)
		}
		writeTable(&g, w, "  ")
		for _, line := range blockedLines(v) {
			w.WriteString("  " + safe(line) + "\n")
		}
	}
	w.WriteString("\n" + safe(vc.Verdict()) + "\n")
	for _, r := range vc.Rates {
		w.WriteString("Exchange rate: " + safe(r.String()) + "\n")
	}
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		notes := estimateFootnotes(v.Card, vendorPlans(v)...)
		if len(notes) == 0 {
			continue
		}
		w.WriteString("\nEstimates (" + pricing.EstimateMark + ") on " + safe(v.Name()) + ": numbers that rest on an assumption, not on a published price:\n")
		for _, n := range notes {
			w.WriteString("  " + safe(n) + "\n")
		}
	}
}

// vendorPlans are the plans a vendor's part of the comparison shows.
func vendorPlans(v *pricing.VendorResult) []*pricing.Plan {
	out := make([]*pricing.Plan, len(v.Plans))
	for i := range v.Plans {
		out[i] = v.Plans[i].Plan
	}
	return out
}

// blockedLines are what blocks the vendor: its capability gaps once, then each
// blocked plan's reasons.
func blockedLines(v *pricing.VendorResult) []string {
	var out []string
	if len(v.Gaps) > 0 {
		seen := map[string]bool{}
		for _, g := range v.Gaps {
			if !seen[g.Reason] {
				seen[g.Reason] = true
				out = append(out, "Blocked: "+g.Reason)
			}
		}
		return out
	}
	for i := range v.Plans {
		p := &v.Plans[i]
		if len(p.Blocked) > 0 {
			out = append(out, p.Plan.Name+" cannot make this month: "+strings.Join(p.Blocked, "; "))
		}
	}
	return out
}

func writeVendorsMarkdown(w *bufio.Writer, vc *pricing.VendorComparison) {
	w.WriteString("# Vendors compared\n\n")
	for _, l := range vendorSalesHead(vc) {
		w.WriteString(md(l) + "  \n")
	}
	w.WriteString("Money in " + vc.Currency + ". " + pricing.CreditsNotComparable + "\n\n")
	w.WriteString("**" + md(vc.Verdict()) + "**\n\n")
	for _, r := range vc.Rates {
		w.WriteString("- Exchange rate: " + md(r.String()) + "\n")
	}
	if len(vc.Rates) > 0 {
		w.WriteString("\n")
	}
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		c := v.Card
		w.WriteString("## " + md(v.Name()) + "\n\n")
		w.WriteString("Rate card: **" + md(c.Name) + "**, as of " + md(c.AsOf) + " (" + md(c.Origin) + ")\n\n")
		for _, l := range datedLines(c) {
			w.WriteString("- " + md(l) + "\n")
		}
		for _, l := range vendorSalesLines(c) {
			w.WriteString("- " + md(strings.TrimSpace(l)) + "\n")
		}
		w.WriteString("- Cheapest: " + md(vendorBest(v)) + "\n")
		if v.Best != nil {
			w.WriteString("- Per finished minute: " + c.Money(v.PerMinute) + " (" + finishedText(v.FinishedSeconds) + ")\n")
			if v.Rate.From != v.Rate.To {
				w.WriteString("- In " + vc.Currency + ": " + v.Converted.Format(vc.Currency) + " a month, " +
					v.ConvertedPerMinute.Format(vc.Currency) + " a finished minute\n")
			}
		}
		if t := v.OneTimeText(); t != "" {
			w.WriteString("- " + md(t) + "\n")
		}
		if len(v.Gaps) == 0 {
			w.WriteString("- The month spends " + md(vendorCredits(v)) + "\n")
		}
		for _, line := range blockedLines(v) {
			w.WriteString("- " + md(line) + "\n")
		}
		w.WriteString("\n")
		row(w, "Plan", "Monthly", "Annual", "")
		row(w, "---", "---:", "---:", "---")
		for j := range v.Plans {
			p := &v.Plans[j]
			mark := ""
			if p.Recommended {
				mark = "recommended"
			}
			row(w, md(p.Plan.Name), md(planMoney(v, p, pricing.Monthly)), md(planMoney(v, p, pricing.Annual)), mark)
		}
		w.WriteString("\n")
		if notes := estimateFootnotes(c, vendorPlans(v)...); len(notes) > 0 {
			w.WriteString("Estimates on " + md(v.Name()) + ", numbers that rest on an assumption, not on a published price:\n\n")
			for _, n := range notes {
				w.WriteString("- " + md(n) + "\n")
			}
			w.WriteString("\n")
		}
	}
}

// vendorsCSVHeader names the columns: one row per vendor × plan.
var vendorsCSVHeader = []string{"vendor", "plan", "monthly_cost", "annual_cost", "currency", "recommended", "blocked",
	"credits", "credit_name", "cost_per_finished_minute", "converted_month_cost", "comparison_currency", "fx_rate", "cheapest_vendor", "note"}

func writeVendorsCSV(w *bufio.Writer, vc *pricing.VendorComparison) error {
	cw := csv.NewWriter(w)
	put := func(cells ...string) error {
		for i, s := range cells {
			cells[i] = csvCell(s)
		}
		return cw.Write(cells)
	}
	oneTime := vendorsHaveOneTime(vc)
	header := append(append(append([]string(nil), vendorsCSVHeader...), csvSalesColumns...), csvCardColumns...)
	if oneTime {
		header = append(header, vendorsOneTimeCSVColumns...)
	}
	if err := put(header...); err != nil {
		return err
	}
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		c := v.Card
		credits := ""
		if len(v.Gaps) == 0 && v.Project != nil {
			credits = v.Premium.String()
		}
		for j := range v.Plans {
			p := &v.Plans[j]
			monthly, annual := "", ""
			if !p.ContactSales && len(p.Blocked) == 0 {
				monthly, annual = p.Monthly.Plain(), p.Annual.Plain()
			}
			perMin, conv, rate := "", "", ""
			if p.Recommended {
				perMin, conv = v.PerMinute.Plain(), v.Converted.Plain()
				if v.Rate.From != v.Rate.To {
					rate = v.Rate.String()
				}
			}
			blocked := strings.Join(p.Blocked, "; ")
			if p.ContactSales && blocked == "" {
				blocked = pricing.ContactSales
			}
			cells := []string{v.Name(), p.Plan.ID, monthly, annual, c.Currency, yesNo(p.Recommended), blocked,
				credits, c.CreditNamePlural, perMin, conv, vc.Currency, rate, yesNo(p.Recommended && i == vc.Cheapest),
				pricing.CreditsNotComparable}
			cells = append(append(cells, csvSalesCells(c, p.Plan)...), c.Name, c.AsOf)
			if oneTime {
				once := make([]string, len(vendorsOneTimeCSVColumns))
				if p.Recommended {
					once[0], once[1] = v.OneTime.Plain(), v.WithOneTime().Plain()
				}
				cells = append(cells, once...)
			}
			err := put(cells...)
			if err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

type vendorsDoc struct {
	Note           string        `json:"note"`
	Currency       string        `json:"currency"`
	Vendors        []vendorJSON  `json:"vendors"`
	CheapestVendor *cheapestJSON `json:"cheapest_vendor"`
	Verdict        string        `json:"verdict"`
	ExchangeRates  []fxRateJSON  `json:"exchange_rates"`
}

type vendorJSON struct {
	Card        cardJSON          `json:"card"`
	Recommended *vendorBestJSON   `json:"recommended"`
	Plans       []vendorPlanJSON  `json:"plans"`
	Blocked     []vendorBlockJSON `json:"blocked"`
	// CostPerFinishedMinute is the recommended month per finished minute, in
	// the card's currency; null when no plan can make the month.
	CostPerFinishedMinute *money   `json:"cost_per_finished_minute"`
	FinishedMinutes       string   `json:"finished_minutes"`
	Credits               *credits `json:"credits"`
	CreditName            string   `json:"credit_name"`
	// Converted is the recommended month in the comparison's currency.
	Converted *money `json:"converted_month_cost"`
	// OneTimeCost is what the recommended plan pays once this month, in the
	// card's currency, apart from its month and cost per finished minute;
	// ConvertedWithOneTime is the month with it in the comparison's
	// currency, what the verdict compares. Both there only when it pays any.
	OneTimeCost          *money `json:"one_time_cost,omitempty"`
	ConvertedWithOneTime *money `json:"converted_total_with_one_time,omitempty"`
	OneTimeText          string `json:"one_time_text,omitempty"`
	salesDoc
	datedDoc
}

type vendorBestJSON struct {
	Plan      string `json:"plan"`
	Name      string `json:"name"`
	Billing   string `json:"billing"`
	MonthCost money  `json:"month_cost"`
	Text      string `json:"text"`
}

type vendorPlanJSON struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	ContactSales bool     `json:"contact_sales"`
	Monthly      *money   `json:"monthly_cost"`
	Annual       *money   `json:"annual_cost"`
	Blocked      []string `json:"blocked"`
	Recommended  bool     `json:"recommended"`
}

type vendorBlockJSON struct {
	// Plan is the blocked plan's id, or "" for a capability the whole card lacks.
	Plan       string `json:"plan"`
	Capability string `json:"capability,omitempty"`
	Video      string `json:"video,omitempty"`
	Reason     string `json:"reason"`
}

type cheapestJSON struct {
	Vendor    string `json:"vendor"`
	Card      string `json:"card"`
	Plan      string `json:"plan"`
	Billing   string `json:"billing"`
	MonthCost money  `json:"month_cost"`
	Currency  string `json:"currency"`
	// OneTimeCost and TotalWithOneTime are what the vendor pays once this
	// month and the month with it, in Currency; there only when it pays any.
	OneTimeCost      *money `json:"one_time_cost,omitempty"`
	TotalWithOneTime *money `json:"total_with_one_time,omitempty"`
}

type fxRateJSON struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Rate   string `json:"rate"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

func vendorsJSON(vc *pricing.VendorComparison) *vendorsDoc {
	doc := &vendorsDoc{Note: pricing.CreditsNotComparable, Currency: vc.Currency, Verdict: vc.Verdict(),
		Vendors: []vendorJSON{}, ExchangeRates: []fxRateJSON{}}
	for i := range vc.Vendors {
		v := &vc.Vendors[i]
		c := v.Card
		vj := vendorJSON{Card: cardOf(c), Plans: []vendorPlanJSON{}, Blocked: []vendorBlockJSON{},
			FinishedMinutes: minutesText(v.FinishedSeconds, false), CreditName: c.CreditNamePlural, salesDoc: salesOf(c, vendorPlans(v)...), datedDoc: datedOf(c)}
		if len(v.Gaps) == 0 && v.Project != nil {
			cr := credits(v.Premium)
			vj.Credits = &cr
		}
		if v.Best != nil {
			vj.Recommended = &vendorBestJSON{Plan: v.Best.Plan.ID, Name: v.Best.Plan.Name, Billing: v.Best.Billing.Key(),
				MonthCost: money(v.Best.Total), Text: v.Best.Text(c)}
			pm, conv := money(v.PerMinute), money(v.Converted)
			vj.CostPerFinishedMinute, vj.Converted = &pm, &conv
			if v.OneTime > 0 {
				vj.OneTimeCost, vj.ConvertedWithOneTime = moneyPtr(v.OneTime), moneyPtr(v.WithOneTime())
				vj.OneTimeText = v.OneTimeText()
			}
		}
		for _, g := range v.Gaps {
			vj.Blocked = append(vj.Blocked, vendorBlockJSON{Capability: string(g.Capability), Video: g.Video, Reason: g.Reason})
		}
		for j := range v.Plans {
			p := &v.Plans[j]
			pj := vendorPlanJSON{ID: p.Plan.ID, Name: p.Plan.Name, ContactSales: p.ContactSales, Blocked: nonNil(p.Blocked), Recommended: p.Recommended}
			if !p.ContactSales && len(p.Blocked) == 0 {
				m, a := money(p.Monthly), money(p.Annual)
				pj.Monthly, pj.Annual = &m, &a
			}
			if len(v.Gaps) == 0 {
				for _, r := range p.Blocked {
					vj.Blocked = append(vj.Blocked, vendorBlockJSON{Plan: p.Plan.ID, Reason: r})
				}
			}
			vj.Plans = append(vj.Plans, pj)
		}
		doc.Vendors = append(doc.Vendors, vj)
	}
	if vc.Cheapest >= 0 {
		v := &vc.Vendors[vc.Cheapest]
		doc.CheapestVendor = &cheapestJSON{Vendor: v.Name(), Card: v.Card.Name, Plan: v.Best.Plan.ID, Billing: v.Best.Billing.Key(),
			MonthCost: money(v.Converted), Currency: vc.Currency}
		if v.ConvertedOneTime > 0 {
			doc.CheapestVendor.OneTimeCost = moneyPtr(v.ConvertedOneTime)
			doc.CheapestVendor.TotalWithOneTime = moneyPtr(v.WithOneTime())
		}
	}
	for _, r := range vc.Rates {
		doc.ExchangeRates = append(doc.ExchangeRates, fxRateJSON{From: r.From, To: r.To, Rate: r.RateText(),
			AsOf: r.AsOf.String(), Source: r.Source, Text: r.String()})
	}
	return doc
}

// vendorsOneTimeCSVColumns are the columns a vendor comparison's CSV adds when
// a vendor's month pays one-time charges: on the recommended plan's row, what
// it pays once (the card's currency) and the month with it in the
// comparison's currency.
var vendorsOneTimeCSVColumns = []string{"one_time_cost", "converted_total_with_one_time"}

// vendorsHaveOneTime reports whether some vendor's month pays one-time charges.
func vendorsHaveOneTime(vc *pricing.VendorComparison) bool {
	for i := range vc.Vendors {
		if vc.Vendors[i].OneTime > 0 {
			return true
		}
	}
	return false
}
