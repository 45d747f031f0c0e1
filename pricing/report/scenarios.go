package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// Scenarios side by side: the month as planned, then each of the project's
// [[scenarios]], as `creditplan compare` prints them after the plans. Every
// number is pricing's (RateCard.SideBySide); these writers only lay it out.

// ScenarioCost is a scenario's cost for tables: the money, or contact sales
// for a plan without a public price (never $0), or "-" for a scenario on a
// plan the card lacks. The planner's Scenarios screen shows the same.
func ScenarioCost(c *pricing.RateCard, r *pricing.ScenarioResult, m pricing.Money) string {
	switch {
	case r.Plan == nil:
		return "-"
	case r.ContactSales:
		return pricing.ContactSales
	}
	return c.Money(m)
}

// ScenarioPlan is the scenario's plan name, or "-" when the card lacks it.
func ScenarioPlan(r *pricing.ScenarioResult) string {
	if r.Plan == nil {
		return "-"
	}
	return r.Plan.Name
}

// ScenarioBalance words what is left or missing of the credits at hand.
func ScenarioBalance(r *pricing.ScenarioResult) string {
	if r.Fits {
		return r.Remaining.Grouped() + " left"
	}
	return r.Short.Grouped() + " short"
}

// ScenarioStatus says whether the scenario's plan can make its month: fits,
// top-up, blocked or contact sales.
func ScenarioStatus(r *pricing.ScenarioResult) string {
	switch {
	case len(r.Blocked) > 0:
		return "blocked"
	case r.ContactSales:
		return pricing.ContactSales
	case r.Fits:
		return "fits"
	}
	return "top-up"
}

// scenarioRows are the text and Markdown cells of each row.
func scenarioRows(c *pricing.RateCard, rows []pricing.ScenarioResult) [][]string {
	out := make([][]string, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		out = append(out, []string{r.Name, ScenarioPlan(r), r.Billing.Key(), r.PremiumCredits.Grouped(),
			ScenarioBalance(r), ScenarioStatus(r), ScenarioCost(c, r, r.MonthlyTotal), ScenarioCost(c, r, r.AnnualTotal),
			ScenarioCost(c, r, r.TotalCost), ScenarioCost(c, r, r.YearCost)})
	}
	return out
}

var (
	scenarioHeader = []string{"Scenario", "Plan", "Billing", "Used", "Balance", "Status", "Monthly billing", "Annual billing", "Month", "Year"}
	scenarioRight  = []bool{false, false, false, true, true, false, true, true, true, true}
)

// writeScenariosText writes the scenarios as one table held to width, or,
// on a page too narrow for it, as two (the standing, then the money), each
// naming the scenarios; then what blocks any of them.
func writeScenariosText(w *bufio.Writer, c *pricing.RateCard, rows []pricing.ScenarioResult, width int) {
	if len(rows) == 0 {
		return
	}
	w.WriteString("Scenarios (the month as planned, then each scenario, on its own plan and billing):\n\n")
	cells := append([][]string{scenarioHeader}, scenarioRows(c, rows)...)
	a := aligner{limit: width}
	a.reset(scenarioRight...)
	for _, r := range cells {
		a.add(r...)
	}
	tables := [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
	if width > 0 && a.naturalWidth(0) > width {
		tables = [][]int{{0, 1, 2, 3, 4, 5}, {0, 6, 7, 8, 9}}
	}
	var buf bytes.Buffer
	for t, cols := range tables {
		if t > 0 {
			buf.WriteByte('\n')
		}
		pick := make([]bool, len(cols))
		for i, col := range cols {
			pick[i] = scenarioRight[col]
		}
		a.reset(pick...)
		row := make([]string, len(cols))
		for _, r := range cells {
			for i, col := range cols {
				row[i] = r[col]
			}
			a.add(row...)
		}
		writeTable(&a, &buf, "")
	}
	w.Write(buf.Bytes())
	w.WriteString("\nMonth is the month's cost on the scenario's billing, top-ups included; Year is the year of it.\n")
	for i := range rows {
		r := &rows[i]
		if len(r.Blocked) == 0 {
			continue
		}
		w.WriteString("\nBlocked in " + quoted(r.Name) + ":\n")
		for _, b := range r.Blocked {
			w.WriteString("  - " + safe(b) + "\n")
		}
	}
}

// writeScenariosMarkdown writes the scenarios as one pipe table, then what
// blocks any of them.
func writeScenariosMarkdown(w *bufio.Writer, c *pricing.RateCard, rows []pricing.ScenarioResult) {
	if len(rows) == 0 {
		return
	}
	w.WriteString("## Scenarios\n\n")
	writeScenariosTableMarkdown(w, c, rows)
}

// writeScenariosTableMarkdown is the scenarios' sentence, pipe table and
// blocked reasons, under whatever heading the document gives them.
func writeScenariosTableMarkdown(w *bufio.Writer, c *pricing.RateCard, rows []pricing.ScenarioResult) {
	w.WriteString("The month as planned, then each scenario, on its own plan and billing. " +
		"Month is the month's cost on the scenario's billing, top-ups included; Year is the year of it.\n\n")
	row(w, scenarioHeader...)
	align := make([]string, len(scenarioRight))
	for i, r := range scenarioRight {
		align[i] = "---"
		if r {
			align[i] = "---:"
		}
	}
	row(w, align...)
	for _, r := range scenarioRows(c, rows) {
		for i := range r {
			r[i] = md(r[i])
		}
		row(w, r...)
	}
	for i := range rows {
		r := &rows[i]
		if len(r.Blocked) == 0 {
			continue
		}
		w.WriteString("\n### Blocked in " + md(quoted(r.Name)) + "\n\n")
		for _, b := range r.Blocked {
			w.WriteString("- " + md(b) + "\n")
		}
	}
}

// scenarioCSVColumns are the columns a project with scenarios adds to every
// row of `compare --format csv`: a CSV is one table, so the scenarios are rows
// of it too, after the plans. A plan's row leaves them empty; a scenario's
// row names it, its billing and its year's cost, and fills the plan columns
// with its plan's standing for its month (recommended is false).
var scenarioCSVColumns = []string{"scenario", "billing", "year_cost"}

// scenarioCSVRow is a scenario's row in the compare CSV, in compareCSVHeader's
// columns then scenarioCSVColumns (right-sizing's columns, when there, empty).
func scenarioCSVRow(c *pricing.RateCard, r *pricing.ScenarioResult, rightSize bool) []string {
	var id, name, planCredits, total, monthly, annual, year string
	if r.Plan != nil {
		id, name, planCredits = r.Plan.ID, r.Plan.Name, r.Plan.Credits.String()
		if !r.ContactSales {
			total, monthly, annual, year = r.TotalCost.Plain(), r.MonthlyTotal.Plain(), r.AnnualTotal.Plain(), r.YearCost.Plain()
		}
	}
	var topUp, topUpCost string
	if tp := r.TopUp; len(tp.Packs) > 0 {
		topUp, topUpCost = tp.Describe(c), tp.Cost.Plain()
	}
	rec := []string{
		id, name, strconv.FormatBool(r.Fits), r.PremiumCredits.String(), planCredits,
		r.Remaining.String(), r.Short.String(), topUp, topUpCost, total, monthly, annual, "",
		strconv.FormatBool(r.ContactSales), strings.Join(r.Blocked, "; "), "false",
	}
	if rightSize {
		rec = append(rec, "", "", "")
	}
	return append(rec, r.Name, r.Billing.Key(), year)
}

// scenarioJSON is one row of compare's "scenarios" (and "as_planned").
type scenarioJSON struct {
	Name           string  `json:"name"`
	Plan           string  `json:"plan"`
	Billing        string  `json:"billing"`
	Seats          int     `json:"seats"`
	PremiumCredits credits `json:"premium_credits"`
	Balance        credits `json:"balance"`
	Fits           bool    `json:"fits"`
	Usable         bool    `json:"usable"`
	// The costs are null for a contact-sales plan (or one the card lacks).
	MonthlyBillingCost *money   `json:"monthly_billing_cost"`
	AnnualBillingCost  *money   `json:"annual_billing_cost"`
	TotalCost          *money   `json:"total_cost"`
	YearCost           *money   `json:"year_cost"`
	ContactSales       bool     `json:"contact_sales"`
	Blocked            []string `json:"blocked"`
}

func scenarioJSONOf(r *pricing.ScenarioResult) scenarioJSON {
	j := scenarioJSON{Name: r.Name, Billing: r.Billing.Key(), Seats: r.Seats, PremiumCredits: credits(r.PremiumCredits),
		Balance: credits(r.Balance), Fits: r.Fits, Usable: r.Usable, ContactSales: r.ContactSales, Blocked: nonNil(r.Blocked)}
	if r.Plan != nil {
		j.Plan = r.Plan.ID
		if !r.ContactSales {
			j.MonthlyBillingCost, j.AnnualBillingCost = moneyPtr(r.MonthlyTotal), moneyPtr(r.AnnualTotal)
			j.TotalCost, j.YearCost = moneyPtr(r.TotalCost), moneyPtr(r.YearCost)
		}
	}
	return j
}

// addScenariosJSON sets compare's "as_planned" (the first row) and
// "scenarios" (the others); both stay absent for a project with none.
func addScenariosJSON(d *compareDoc, rows []pricing.ScenarioResult) {
	if len(rows) == 0 {
		return
	}
	planned := scenarioJSONOf(&rows[0])
	d.AsPlanned = &planned
	d.Scenarios = make([]scenarioJSON, 0, len(rows)-1)
	for i := range rows[1:] {
		d.Scenarios = append(d.Scenarios, scenarioJSONOf(&rows[1+i]))
	}
}

// WriteScenarios writes the scenarios side by side on their own (rows as
// pricing.RateCard.SideBySide gives them: the month as planned first), as
// the planner's e exports the Scenarios screen: text and Markdown name the
// card and lay out the table compare prints; JSON is {card, as_planned,
// scenarios}; CSV one row per scenario.
func WriteScenarios(w io.Writer, c *pricing.RateCard, rows []pricing.ScenarioResult, f Format) error {
	if len(rows) == 0 {
		return fmt.Errorf("no scenarios to write")
	}
	return write(w, f, writers{
		text: func(b *bufio.Writer, width int) {
			b.WriteString("Rate card: " + cardLine(c) + "\n\n")
			writeScenariosText(b, c, rows, width)
		},
		json: func() any {
			doc := &compareDoc{Card: cardOf(c)}
			addScenariosJSON(doc, rows)
			return struct {
				Card      cardJSON       `json:"card"`
				AsPlanned *scenarioJSON  `json:"as_planned"`
				Scenarios []scenarioJSON `json:"scenarios"`
			}{doc.Card, doc.AsPlanned, doc.Scenarios}
		},
		markdown: func(b *bufio.Writer) {
			b.WriteString("# Scenarios\n\nRate card: **" + md(c.Name) + "**, as of " + c.AsOf + " (" + md(c.Origin) + ")\n\n")
			writeScenariosTableMarkdown(b, c, rows)
		},
		csv: func(b *bufio.Writer) error {
			cw, err := newCSV(b, c, append(append([]string{}, compareCSVHeader...), scenarioCSVColumns...))
			if err != nil {
				return err
			}
			for i := range rows {
				if err := cw.row(scenarioCSVRow(c, &rows[i], false)...); err != nil {
					return err
				}
			}
			return cw.end()
		},
	})
}
