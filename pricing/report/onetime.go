package report

import (
	"bufio"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// One-time charges and the month's budget in every format: a quote and a
// comparison state them apart from the recurring cost, each output only
// when the month has them, so a month without either reads as before.

// oneTimeJSON is one one-time charge of the month (pricing.OneTimeLine).
type oneTimeJSON struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Month int    `json:"month"`
	// Included is set when the plan's price covers it; then neither price
	// nor credits is given.
	Included  bool     `json:"included"`
	Price     *money   `json:"price,omitempty"`
	Credits   *credits `json:"credits,omitempty"`
	Estimated bool     `json:"estimated"`
	Text      string   `json:"text"`
}

// budgetJSON is the month against its budget in money (pricing.BudgetCheck).
type budgetJSON struct {
	Budget money  `json:"budget"`
	Total  money  `json:"total"`
	Within bool   `json:"within"`
	Under  money  `json:"under"`
	Over   money  `json:"over"`
	Text   string `json:"text"`
}

func oneTimeOf(c *pricing.RateCard, plan *pricing.Plan, lines []pricing.OneTimeLine) []oneTimeJSON {
	out := make([]oneTimeJSON, 0, len(lines))
	for _, l := range lines {
		text := l.Text(c, plan)
		if l.Month != 1 {
			text = l.LaterText(c, plan)
		}
		o := oneTimeJSON{ID: l.Charge.ID, Name: l.Charge.Name, Month: l.Month, Included: l.Included,
			Estimated: l.Charge.AmountMark() != "", Text: text}
		switch {
		case l.Included:
		case l.Credits > 0:
			cr := credits(l.Credits)
			o.Credits = &cr
		default:
			o.Price = moneyPtr(l.Price)
		}
		out = append(out, o)
	}
	return out
}

func budgetOf(c *pricing.RateCard, s *pricing.Standing) *budgetJSON {
	b, ok := s.AgainstBudget()
	if !ok {
		return nil
	}
	return &budgetJSON{Budget: money(b.Budget), Total: money(b.Total), Within: b.Within,
		Under: money(b.Under), Over: money(b.Over), Text: b.Sentence(c)}
}

// addOneTimeTail puts the month's one-time charges and its budget in a
// quote's document.
func addOneTimeTail(c *pricing.RateCard, s *pricing.Standing, t *quoteTail) {
	if len(s.OneTime) > 0 {
		t.OneTime = oneTimeOf(c, s.Plan, s.OneTime)
		t.OneTimeTotal = moneyPtr(s.OneTimeCost)
	}
	if len(s.OneTimeLater) > 0 {
		t.OneTimeLater = oneTimeOf(c, s.Plan, s.OneTimeLater)
	}
	t.Budget = budgetOf(c, s)
}

// writeOneTimeMembers writes what addOneTimeTail added, as encoding/json
// would (absent when empty).
func (d *quoteTail) writeOneTimeMembers(j *jsonWriter) {
	if len(d.OneTime) > 0 {
		writeOneTimeList(j, "one_time", d.OneTime)
		j.moneyPtr("one_time_total", d.OneTimeTotal)
	}
	if len(d.OneTimeLater) > 0 {
		writeOneTimeList(j, "one_time_later", d.OneTimeLater)
	}
	if d.Budget != nil {
		j.key("budget")
		d.Budget.write(j)
	}
}

// writeOneTimeList writes one-time charges as the member key.
func writeOneTimeList(j *jsonWriter, key string, list []oneTimeJSON) {
	j.key(key)
	j.beginArray()
	for i := range list {
		j.elem()
		list[i].write(j)
	}
	j.endArray()
}

func (d *oneTimeJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("id", d.ID)
	j.str("name", d.Name)
	j.integer("month", int64(d.Month))
	j.boolean("included", d.Included)
	if d.Price != nil {
		j.money("price", *d.Price)
	}
	if d.Credits != nil {
		j.credits("credits", *d.Credits)
	}
	j.boolean("estimated", d.Estimated)
	j.str("text", d.Text)
	j.endObject()
}

func (d *budgetJSON) write(j *jsonWriter) {
	j.beginObject()
	j.money("budget", d.Budget)
	j.money("total", d.Total)
	j.boolean("within", d.Within)
	j.money("under", d.Under)
	j.money("over", d.Over)
	j.str("text", d.Text)
	j.endObject()
}

// oneTimeLines are the month's one-time charges and budget as text and
// Markdown list them: each charge, each estimate's footnote, the month with
// its one-time money, the budget's sentence.
func oneTimeLines(c *pricing.RateCard, s *pricing.Standing) []string {
	var out []string
	for _, l := range s.OneTime {
		out = append(out, "One-time: "+l.Text(c, s.Plan))
		if l.Charge.AmountMark() != "" && !l.Included {
			out = append(out, "  "+pricing.EstimateMark+" "+l.Charge.Marks.Why)
		}
	}
	if s.OneTimeCost > 0 && !s.Plan.ContactSales {
		cost, _ := s.QuotedCost()
		out = append(out, "With one-time charges: "+c.Money(pricing.Money(satAddMoney(cost, s.OneTimeCost)))+
			" this month ("+c.Money(cost)+" recurring + "+c.Money(s.OneTimeCost)+" once)")
	}
	if later := oneTimeLaterText(c, s); later != "" {
		out = append(out, "Later in the year: "+later)
	}
	if b, ok := s.AgainstBudget(); ok {
		out = append(out, b.Sentence(c))
	}
	return out
}

// oneTimeLaterText is the charges of later months in one sentence, ""
// for none: "Custom Studio Avatar setup in month 2: $1,500.00 ≈, paid once
// (creditplan year puts each in its month)".
func oneTimeLaterText(c *pricing.RateCard, s *pricing.Standing) string {
	if len(s.OneTimeLater) == 0 {
		return ""
	}
	parts := make([]string, len(s.OneTimeLater))
	for i, l := range s.OneTimeLater {
		parts[i] = l.LaterText(c, s.Plan)
	}
	return strings.Join(parts, "; ") + " (" + oneTimeYearHint + ")"
}

// oneTimeYearHint says where a later month's charge is counted.
const oneTimeYearHint = "creditplan year puts each in its month"

// satAddMoney adds two amounts of money, holding at the largest.
func satAddMoney(a, b pricing.Money) pricing.Money {
	if s := a + b; s >= a {
		return s
	}
	return pricing.Money(1<<63 - 1)
}

// writeOneTimeText writes a quote's one-time lines and budget under its cost.
func writeOneTimeText(w *bufio.Writer, c *pricing.RateCard, s *pricing.Standing) {
	for _, l := range oneTimeLines(c, s) {
		w.WriteString(safe(l) + "\n")
	}
}

// writeOneTimeMarkdown writes them as rows of the quote's Month table.
func writeOneTimeMarkdown(w *bufio.Writer, c *pricing.RateCard, s *pricing.Standing) {
	for _, l := range s.OneTime {
		text := l.Text(c, s.Plan)
		if l.Charge.AmountMark() != "" && !l.Included {
			text += " (" + l.Charge.Marks.Why + ")"
		}
		row(w, "One-time", md(text))
	}
	if s.OneTimeCost > 0 && !s.Plan.ContactSales {
		cost, _ := s.QuotedCost()
		row(w, "With one-time charges", md(c.Money(satAddMoney(cost, s.OneTimeCost))))
	}
	if later := oneTimeLaterText(c, s); later != "" {
		row(w, "Later in the year", md(later))
	}
	if b, ok := s.AgainstBudget(); ok {
		row(w, "Budget", md(b.Sentence(c)))
	}
}

// oneTimeCSVRows are a quote's rows for its one-time charges: the video
// column says "(one-time)", the feature is the charge's id, the slot
// "one_time", the rate its price or credits.
func oneTimeCSVRows(c *pricing.RateCard, s *pricing.Standing, blocked, recommended string) [][]string {
	var out [][]string
	for _, l := range s.OneTime {
		rate := "included"
		switch {
		case l.Included:
		case l.Credits > 0:
			rate = l.Credits.String() + " credits" + l.Charge.AmountMark()
		default:
			rate = l.Price.Plain() + " " + c.Currency + l.Charge.AmountMark()
		}
		out = append(out, []string{"(one-time)", "1", l.Charge.ID, "one_time", strconv.FormatBool(l.Credits > 0), "month " + strconv.Itoa(l.Month),
			rate, l.Credits.String(), l.Credits.String(), blocked, recommended})
	}
	return out
}

// compareOneTime says, under a comparison, what its costs leave out or
// take in: "Costs and cost per finished minute exclude one-time charges:
// Pro $1,500.00 ≈ (Custom Studio Avatar)". "" when no plan has any in money.
func compareOneTime(cmp *pricing.Comparison) []string {
	var out []string
	for i := range cmp.Options {
		o := &cmp.Options[i]
		if note := o.OneTimeNote(cmp.Card); note != "" && !o.Plan.ContactSales {
			out = append(out, o.Plan.Name+": "+note)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append([]string{"The costs and the cost per finished minute are the recurring month; they exclude one-time charges, and the recommendation counts them:"}, out...)
}

// compareBudget is each plan's month against the budget, under a comparison.
func compareBudget(cmp *pricing.Comparison) []string {
	var out []string
	for i := range cmp.Options {
		o := &cmp.Options[i]
		if b, ok := o.AgainstBudget(); ok && len(o.Limits()) == 0 {
			out = append(out, o.Plan.Name+": "+b.Sentence(cmp.Card))
		}
	}
	return out
}

// addOneTimePlan puts a plan's one-time charges and budget in its entry of
// a comparison's document.
func addOneTimePlan(c *pricing.RateCard, o *pricing.PlanOption, pj *planJSON) {
	if len(o.OneTime) > 0 {
		pj.OneTime = oneTimeOf(c, o.Plan, o.OneTime)
		if !o.Plan.ContactSales {
			pj.OneTimeTotal = moneyPtr(o.OneTimeCost)
			pj.TotalWithOneTime = moneyPtr(satAddMoney(o.Total, o.OneTimeCost))
		}
	}
	if len(o.Limits()) == 0 {
		pj.Budget = budgetOf(c, &o.Standing)
	}
}

// oneTimeCSVColumns are the columns a comparison's CSV adds when the month
// has one-time charges or a budget: the one-time money on the plan, the
// month with it, and the budget's over (negative: under).
var oneTimeCSVColumns = []string{"one_time_cost", "total_with_one_time", "budget", "budget_over"}

// compareHasOneTime reports whether a comparison's month has one-time
// charges or a budget, so its CSV carries oneTimeCSVColumns.
func compareHasOneTime(cmp *pricing.Comparison) bool {
	for i := range cmp.Options {
		if o := &cmp.Options[i]; len(o.OneTime) > 0 || o.HasBudget {
			return true
		}
	}
	return false
}

// oneTimeCSVCells are a plan's oneTimeCSVColumns; empty where the plan has
// no public price or its limits rule it out.
func oneTimeCSVCells(c *pricing.RateCard, o *pricing.PlanOption) []string {
	cells := make([]string, len(oneTimeCSVColumns))
	if o.Plan.ContactSales {
		return cells
	}
	cells[0] = o.OneTimeCost.Plain()
	cells[1] = satAddMoney(o.Total, o.OneTimeCost).Plain()
	if b, ok := o.AgainstBudget(); ok && len(o.Limits()) == 0 {
		cells[2] = b.Budget.Plain()
		if b.Within {
			cells[3] = "-" + b.Under.Plain()
		} else {
			cells[3] = b.Over.Plain()
		}
		if b.Under == 0 && b.Within {
			cells[3] = "0.00"
		}
	}
	return cells
}

// yearHasOneTime reports whether some month of the year has a one-time charge.
func yearHasOneTime(y *pricing.YearResult) bool {
	for i := range y.Months {
		if len(y.Months[i].OneTime) > 0 {
			return true
		}
	}
	return false
}

// yearOneTimeLines say under the year's table which month pays which
// one-time charge: "Month 2, one-time: Custom Studio Avatar setup: $1,500.00 ≈,
// paid once (in the month's cost)".
func yearOneTimeLines(y *pricing.YearResult) []string {
	var out []string
	for i := range y.Months {
		m := &y.Months[i]
		for _, l := range m.OneTime {
			s := "Month " + strconv.Itoa(m.Month) + ", one-time: " + l.Text(y.Card, y.Plan)
			switch {
			case l.Included:
			case l.Credits > 0:
				s += " (in the month's need)"
			default:
				s += " (in the month's cost)"
			}
			out = append(out, s)
		}
	}
	return out
}

// yearOneTimeCell is a month's one-time charges for the year's CSV: their
// texts joined by "; ".
func yearOneTimeCell(y *pricing.YearResult, m *pricing.WalletMonth) string {
	s := ""
	for i, l := range m.OneTime {
		if i > 0 {
			s += "; "
		}
		s += l.Text(y.Card, y.Plan)
	}
	return s
}

// addOneTimeYearMonth puts a month's one-time charges, and the year's
// one-time money, in the year's document.
func addOneTimeYearMonth(y *pricing.YearResult, m *pricing.WalletMonth, mj *walletMonthJSON, totals *yearTotalsJSON) {
	if len(m.OneTime) == 0 {
		return
	}
	mj.OneTime = oneTimeOf(y.Card, y.Plan, m.OneTime)
	if !y.ContactSales {
		totals.OneTime = moneyPtr(y.OneTime)
	}
}

// moneyFitJSON is a fit to a budget in money (pricing.MoneyFit).
type moneyFitJSON struct {
	Budget  money `json:"budget"`
	Price   money `json:"plan_price"`
	OneTime money `json:"one_time_total"`
	// AsPlannedTotal is the month as planned with its top-up; null when the
	// plan sells none that would make it.
	AsPlannedTotal *money     `json:"as_planned_total"`
	TopUp          *topUpJSON `json:"top_up"`
	Total          money      `json:"total"`
	Within         bool       `json:"within"`
	Under          money      `json:"under"`
	Over           money      `json:"over"`
	KeptAsPlanned  bool       `json:"kept_as_planned"`
	Text           string     `json:"text"`
}

func moneyFitOf(c *pricing.RateCard, mf *pricing.MoneyFit) *moneyFitJSON {
	if mf == nil {
		return nil
	}
	d := &moneyFitJSON{Budget: money(mf.Budget), Price: money(mf.Price), OneTime: money(mf.OneTime),
		Total: money(mf.Total), Within: mf.Within, Under: money(mf.Under), Over: money(mf.Over),
		KeptAsPlanned: mf.KeptAsPlanned, Text: mf.Sentence(c)}
	if mf.AsPlannedCanTop {
		d.AsPlannedTotal = moneyPtr(mf.AsPlannedTotal)
	}
	if len(mf.TopUp.Packs) > 0 {
		d.TopUp = topUpOf(c, mf.TopUp)
	}
	return d
}

func (d *moneyFitJSON) write(j *jsonWriter) {
	j.beginObject()
	j.money("budget", d.Budget)
	j.money("plan_price", d.Price)
	j.money("one_time_total", d.OneTime)
	j.moneyPtr("as_planned_total", d.AsPlannedTotal)
	optional(j, "top_up", d.TopUp)
	j.money("total", d.Total)
	j.boolean("within", d.Within)
	j.money("under", d.Under)
	j.money("over", d.Over)
	j.boolean("kept_as_planned", d.KeptAsPlanned)
	j.str("text", d.Text)
	j.endObject()
}

// moneyFitLines are a fit's money lines for text and Markdown: the choice,
// and the month as planned it was weighed against.
func moneyFitLines(c *pricing.RateCard, mf *pricing.MoneyFit) []string {
	if mf == nil {
		return nil
	}
	out := []string{mf.Sentence(c)}
	if n := len(mf.TopUp.Packs); n > 0 {
		out = append(out, "The balance above is "+c.CreditWord(mf.Fit.Balance-mf.TopUp.Credits)+" and the top-up's "+mf.TopUp.Credits.Grouped()+".")
	}
	if !mf.KeptAsPlanned && !mf.PlanOver {
		if mf.AsPlannedCanTop {
			out = append(out, "As planned, topped up: "+c.Money(mf.AsPlannedTotal)+", "+c.Money(minusMoney(mf.AsPlannedTotal, mf.Budget))+" over the budget.")
		} else {
			out = append(out, "As planned, no top-up the plan sells makes the month.")
		}
	}
	if mf.OneTime > 0 {
		out = append(out, "The totals include "+c.Money(mf.OneTime)+" of one-time charges.")
	}
	return out
}

// minusMoney is a - b, never below 0.
func minusMoney(a, b pricing.Money) pricing.Money {
	if a <= b {
		return 0
	}
	return a - b
}

// moneyFitCSVColumns are the columns a fit's CSV adds when the month has a
// budget in money: the same on every row, as the sales columns are.
var moneyFitCSVColumns = []string{"budget", "budget_total", "budget_over", "budget_top_up"}

// moneyFitCSVCells are a money fit's moneyFitCSVColumns: budget_over is
// negative when the month is under the budget.
func moneyFitCSVCells(c *pricing.RateCard, mf *pricing.MoneyFit) []string {
	over := mf.Over.Plain()
	if mf.Within {
		over = "-" + mf.Under.Plain()
		if mf.Under == 0 {
			over = "0.00"
		}
	}
	topUp := ""
	if len(mf.TopUp.Packs) > 0 {
		topUp = mf.TopUp.Describe(c)
	}
	return []string{mf.Budget.Plain(), mf.Total.Plain(), over, topUp}
}
