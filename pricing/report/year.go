package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// WriteYear writes a plan's credit wallet over a year: a row per month (need,
// granted, bought, used, expired, carried, short, cost), the year's totals, and
// which billing is cheaper for this pattern of months.
func WriteYear(w io.Writer, y *pricing.YearResult, f Format) error {
	return WriteYearBlocked(w, y, nil, f)
}

// WriteYearBlocked is WriteYear for a plan that may not be able to make the
// month at all: blocked is card.Blocked(y.Plan, project), and when it is not
// empty every format says so first (CannotMake; JSON "can_make" and
// "blocked"; CSV a "blocked" column), since the year then plays credits the
// plan could never spend on this month.
func WriteYearBlocked(w io.Writer, y *pricing.YearResult, blocked []string, f Format) error {
	if y == nil {
		return fmt.Errorf("no year to write")
	}
	return write(w, f, writers{
		text: func(b *bufio.Writer, width int) {
			writeYearText(b, y, blocked, width)
			writeEstimatesText(b, y.Card, y.Plan)
		},
		json: func() any { return yearJSON(y, blocked) },
		markdown: func(b *bufio.Writer) {
			writeYearMarkdown(b, y, blocked)
			writeEstimatesMarkdown(b, y.Card, y.Plan)
		},
		csv: func(b *bufio.Writer) error { return writeYearCSV(b, y, blocked) },
	})
}

// yearBlocked is the sentence a year of a blocked plan leads with.
func yearBlocked(y *pricing.YearResult, blocked []string) string {
	return CannotMake(y.Plan, blocked) + " The year below plays its credits only."
}

// volumeLabel writes a month's multiplier: "1", "0.5", "1.25".
func volumeLabel(v int64) string { return pricing.VolumeText(v) }

// yearCost is a cost for tables, or pricing.ContactSales when the plan has no price.
func yearCost(y *pricing.YearResult, m pricing.Money) string {
	if y.ContactSales {
		return pricing.ContactSales
	}
	return y.Card.Money(m)
}

// yearHeader and yearCells are the month table's columns, shared by text and Markdown.
var yearHeader = []string{"Month", "Volume", "Need", "Granted", "Bought", "Used", "Expired", "Carried", "Short", "Cost"}

// YearHeader is the month table's column titles, each marked ≈ when every
// number under it rests on an estimate (pricing.DerivedMarks): a column
// is marked once, in its title, so the table keeps its width.
func YearHeader(y *pricing.YearResult) []string {
	d := y.Marks
	marks := []string{"", "", d.NeedMark(), d.GrantMark(), d.TopUpMark(y.Bought > 0), d.CreditsMark(), d.CreditsMark(),
		d.CreditsMark(), d.CreditsMark(), yearCostMark(y, y.Billing, y.Bought > 0)}
	out := make([]string, len(yearHeader))
	for i, h := range yearHeader {
		out[i] = h + marks[i]
	}
	return out
}

// yearCostMark marks a year's cost on billing b ("" for a contact-sales plan,
// which shows no cost).
func yearCostMark(y *pricing.YearResult, b pricing.Billing, topUps bool) string {
	if y.ContactSales {
		return ""
	}
	return y.Marks.CostMark(b, topUps)
}

// yearEstimated lists the JSON keys (and CSV columns) of the year's numbers
// that rest on an estimate: what the ≈ marks say in text.
func yearEstimated(y *pricing.YearResult) []string {
	d := y.Marks
	out := []string{}
	add := func(on string, keys ...string) {
		if on != "" {
			out = append(out, keys...)
		}
	}
	add(d.NeedMark(), "month_credits", "need")
	add(d.GrantMark(), "granted")
	add(d.TopUpMark(y.Bought > 0), "bought", "top_up")
	add(d.CreditsMark(), "used", "expired", "closing", "short")
	add(yearCostMark(y, y.Billing, y.Bought > 0), "cost")
	add(yearCostMark(y, pricing.Monthly, y.Monthly.Bought > 0), "monthly_billing_cost")
	add(yearCostMark(y, pricing.Annual, y.Annual.Bought > 0), "annual_billing_cost")
	if yearCostMark(y, pricing.Monthly, y.Monthly.Bought > 0)+yearCostMark(y, pricing.Annual, y.Annual.Bought > 0) != "" {
		out = append(out, "cheaper_by")
	}
	return out
}

func yearCells(y *pricing.YearResult, m *pricing.WalletMonth) []string {
	return []string{strconv.Itoa(m.Month), volumeLabel(m.Volume), m.Need.Grouped(), m.Granted.Grouped(),
		m.Bought.Grouped(), m.Used.Grouped(), m.Expired.Grouped(), m.Closing.Grouped(), m.Short.Grouped(), yearCost(y, m.Cost)}
}

func yearTotalCells(y *pricing.YearResult) []string {
	return []string{"Year", "", y.Need.Grouped(), y.Granted.Grouped(), y.Bought.Grouped(), y.Used.Grouped(),
		y.Expired.Grouped(), y.Closing.Grouped(), y.Short.Grouped(), yearCost(y, y.Cost)}
}

// yearSummary is the few sentences under the table: waste, shortfall, and the
// billing verdict.
func yearSummary(y *pricing.YearResult) []string {
	c := y.Card
	out := []string{
		"Credits wasted (expired unused): " + c.CreditWord(y.Expired) + y.Marks.CreditsMark(),
		"Months short: " + pricing.Count(y.MonthsShort),
	}
	if y.MonthsShort > 0 {
		out[1] += " (" + c.CreditWord(y.Short) + y.Marks.CreditsMark() + " not made; " + y.Plan.Name + " sells no top-ups)"
	}
	if y.MonthsToppedUp > 0 {
		out = append(out, fmt.Sprintf("Top-ups bought in %s: %s, %s", pricing.Plural(y.MonthsToppedUp, "month"),
			c.CreditWord(y.Bought)+y.Marks.TopUpMark(true), yearCost(y, y.TopUps)+yearCostMark(y, y.Billing, true)))
	}
	if y.Closing > 0 {
		out = append(out, "Carried past month 12: "+c.CreditWord(y.Closing)+y.Marks.CreditsMark())
	}
	out = append(out, yearOneTimeLines(y)...)
	if y.ContactSales {
		return append(out, y.Plan.Name+" has no public price: "+pricing.ContactSales+" for the cost of either billing.")
	}
	out = append(out, "Year on monthly billing: "+c.Money(y.Monthly.Cost)+yearCostMark(y, pricing.Monthly, y.Monthly.Bought > 0)+
		"; on annual billing: "+c.Money(y.Annual.Cost)+yearCostMark(y, pricing.Annual, y.Annual.Bought > 0))
	return append(out, BillingVerdict(y))
}

// BillingVerdict says in one sentence which billing suits the year's pattern of
// months: the one leaving fewer credits short, else the cheaper, and by how much.
// The planner's Year screen shows the same sentence.
func BillingVerdict(y *pricing.YearResult) string {
	c := y.Card
	m, a := y.Monthly, y.Annual
	switch {
	case y.SameCost:
		return "Both billings cost the same for this pattern; monthly commits to less."
	case m.Short != a.Short:
		better, other := a, m
		if y.Cheaper == pricing.Monthly {
			better, other = m, a
		}
		return fmt.Sprintf("%s billing is better for this pattern: it leaves %s short, against %s.",
			titleBilling(y.Cheaper), better.Short.Grouped()+y.Marks.CreditsMark(), other.Short.Grouped()+y.Marks.CreditsMark())
	}
	by := yearCostMark(y, pricing.Monthly, m.Bought > 0) + yearCostMark(y, pricing.Annual, a.Bought > 0)
	if by != "" {
		by = " " + pricing.EstimateMark
	}
	return fmt.Sprintf("%s billing is cheaper for this pattern, by %s a year.", titleBilling(y.Cheaper), c.Money(y.CheaperBy)+by)
}

func titleBilling(b pricing.Billing) string {
	if b == pricing.Annual {
		return "Annual"
	}
	return "Monthly"
}

func writeYearText(w *bufio.Writer, y *pricing.YearResult, blocked []string, width int) {
	c := y.Card
	w.WriteString("Rate card: " + cardLine(c) + "\n")
	writeSalesText(w, c)
	if len(blocked) > 0 {
		w.WriteString(safe(yearBlocked(y, blocked)) + "\n")
	}
	w.WriteString(safe("Year on "+y.Plan.Name+" ("+y.Plan.ID+"), "+y.Billing.Key()+" billing: the month as planned needs "+
		c.CreditWord(y.MonthCredits)+y.Marks.NeedMark()) + "\n")
	w.WriteString(safe(rolloverText(y.Plan)) + "\n\n")
	g := aligner{limit: width}
	g.reset(true, true, true, true, true, true, true, true, true, true)
	g.add(YearHeader(y)...)
	for i := range y.Months {
		g.add(yearCells(y, &y.Months[i])...)
	}
	g.add(yearTotalCells(y)...)
	writeTable(&g, w, "")
	w.WriteString("\n")
	for _, s := range yearSummary(y) {
		w.WriteString(safe(s) + "\n")
	}
}

// rolloverText says how the plan's credits expire, so the table can be read.
func rolloverText(p *pricing.Plan) string {
	s := p.Name + "'s credits: " + p.Rollover.Text()
	if p.AnnualUpfront {
		s += "; annual billing grants the year's credits up front"
	}
	return s + "."
}

func writeYearMarkdown(w *bufio.Writer, y *pricing.YearResult, blocked []string) {
	c := y.Card
	w.WriteString("# Year on " + md(y.Plan.Name) + ", " + y.Billing.Key() + " billing\n\n")
	if len(blocked) > 0 {
		w.WriteString("**" + md(yearBlocked(y, blocked)) + "**\n\n")
	}
	w.WriteString("Rate card: **" + md(c.Name) + "**, as of " + c.AsOf + " (" + md(c.Origin) + ")  \n")
	writeSalesMarkdown(w, c)
	w.WriteString("The month as planned needs " + md(c.CreditWord(y.MonthCredits)+y.Marks.NeedMark()) + ". " + md(rolloverText(y.Plan)) + "\n\n")
	row(w, YearHeader(y)...)
	row(w, "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:")
	for i := range y.Months {
		row(w, yearCells(y, &y.Months[i])...)
	}
	total := yearTotalCells(y)
	for i := range total {
		if total[i] != "" {
			total[i] = "**" + total[i] + "**"
		}
	}
	row(w, total...)
	w.WriteString("\n")
	for _, s := range yearSummary(y) {
		w.WriteString("- " + md(s) + "\n")
	}
}

// yearCSVHeader names the columns of a year: one row per month. Money is a
// plain decimal; a contact-sales plan leaves cost empty, never 0.
var yearCSVHeader = []string{"month", "volume", "need", "opening", "granted", "bought", "top_up", "used", "expired",
	"closing", "short", "cost", "blocked", "estimated"}

func writeYearCSV(w *bufio.Writer, y *pricing.YearResult, blocked []string) error {
	header, oneTime := yearCSVHeader, yearHasOneTime(y)
	if oneTime {
		header = append(append([]string{}, header...), "one_time")
	}
	cw, err := newCSV(w, y.Card, header, y.Plan)
	if err != nil {
		return err
	}
	why := strings.Join(blocked, "; ")
	// The columns resting on an estimate, the same on every row.
	est := strings.Join(yearEstimated(y), " ")
	for i := range y.Months {
		m := &y.Months[i]
		topUp, cost := "", ""
		if len(m.TopUp.Packs) > 0 {
			topUp = m.TopUp.Describe(y.Card)
		}
		if !y.ContactSales {
			cost = m.Cost.Plain()
		}
		rec := []string{strconv.Itoa(m.Month), volumeLabel(m.Volume), m.Need.String(), m.Opening.String(),
			m.Granted.String(), m.Bought.String(), topUp, m.Used.String(), m.Expired.String(), m.Closing.String(),
			m.Short.String(), cost, why, est}
		if oneTime {
			rec = append(rec, yearOneTimeCell(y, m))
		}
		if err := cw.row(rec...); err != nil {
			return err
		}
	}
	return cw.end()
}

type walletMonthJSON struct {
	Month int `json:"month"`
	// Volume is the month's multiplier as a JSON number (thousandths, written
	// exactly like credits: 1, 0.5, 1.25).
	Volume  credits    `json:"volume"`
	Need    credits    `json:"need"`
	Opening credits    `json:"opening"`
	Granted credits    `json:"granted"`
	Bought  credits    `json:"bought"`
	TopUp   *topUpJSON `json:"top_up"`
	Used    credits    `json:"used"`
	Expired credits    `json:"expired"`
	Closing credits    `json:"closing"`
	Short   credits    `json:"short"`
	Cost    *money     `json:"cost"`
	// OneTime lists the month's one-time charges, only when it has some.
	OneTime []oneTimeJSON `json:"one_time,omitempty"`
}

type yearTotalsJSON struct {
	Need           credits `json:"need"`
	Granted        credits `json:"granted"`
	Bought         credits `json:"bought"`
	Used           credits `json:"used"`
	Wasted         credits `json:"wasted"`
	Short          credits `json:"short"`
	Closing        credits `json:"closing"`
	MonthsShort    int     `json:"months_short"`
	MonthsToppedUp int     `json:"months_topped_up"`
	Subscription   *money  `json:"subscription"`
	TopUps         *money  `json:"top_ups"`
	Cost           *money  `json:"cost"`
	// OneTime is the year's one-time charges in money, only when it has some.
	OneTime *money `json:"one_time,omitempty"`
}

type yearDoc struct {
	Card cardJSON    `json:"card"`
	Plan planRefJSON `json:"plan"`
	// CanMake is false when the plan cannot make the month at all (Blocked
	// says why); the months then play credits it could not spend on it.
	CanMake bool     `json:"can_make"`
	Blocked []string `json:"blocked"`
	salesDoc
	Billing      string            `json:"billing"`
	Rollover     string            `json:"rollover"`
	MonthCredits credits           `json:"month_credits"`
	Months       []walletMonthJSON `json:"months"`
	Totals       yearTotalsJSON    `json:"totals"`
	// The two billings' year costs (null for a contact-sales plan), and which
	// is better for this pattern: fewer credits short, then cheaper.
	MonthlyBillingCost  *money  `json:"monthly_billing_cost"`
	AnnualBillingCost   *money  `json:"annual_billing_cost"`
	MonthlyBillingShort credits `json:"monthly_billing_short"`
	AnnualBillingShort  credits `json:"annual_billing_short"`
	Cheaper             *string `json:"cheaper_billing"`
	CheaperBy           *money  `json:"cheaper_by"`
	SameCost            bool    `json:"same_cost"`
	ContactSales        bool    `json:"contact_sales"`
	// Estimated names the keys (of the months and the totals alike) whose
	// numbers rest on an estimate, as text marks them ≈.
	Estimated []string `json:"estimated"`
}

func yearJSON(y *pricing.YearResult, blocked []string) *yearDoc {
	c := y.Card
	priced := func(m pricing.Money) *money {
		if y.ContactSales {
			return nil
		}
		return moneyPtr(m)
	}
	d := &yearDoc{
		Card: cardOf(c), Plan: planRefJSON{y.Plan.ID, y.Plan.Name}, CanMake: len(blocked) == 0,
		Blocked: nonNil(blocked), Billing: y.Billing.Key(),
		Rollover: y.Plan.Rollover.Key(), MonthCredits: credits(y.MonthCredits), Months: make([]walletMonthJSON, 12),
		Totals: yearTotalsJSON{
			Need: credits(y.Need), Granted: credits(y.Granted), Bought: credits(y.Bought), Used: credits(y.Used),
			Wasted: credits(y.Expired), Short: credits(y.Short), Closing: credits(y.Closing),
			MonthsShort: y.MonthsShort, MonthsToppedUp: y.MonthsToppedUp,
			Subscription: priced(y.Subscription), TopUps: priced(y.TopUps), Cost: priced(y.Cost),
		},
		MonthlyBillingCost: priced(y.Monthly.Cost), AnnualBillingCost: priced(y.Annual.Cost),
		MonthlyBillingShort: credits(y.Monthly.Short), AnnualBillingShort: credits(y.Annual.Short),
		SameCost: y.SameCost, ContactSales: y.ContactSales, Estimated: yearEstimated(y),
	}
	d.salesDoc = salesOf(c, y.Plan)
	if !y.ContactSales {
		b := y.Cheaper.Key()
		d.Cheaper, d.CheaperBy = &b, moneyPtr(y.CheaperBy)
	}
	for i := range y.Months {
		m := &y.Months[i]
		d.Months[i] = walletMonthJSON{
			Month: m.Month, Volume: credits(m.Volume), Need: credits(m.Need), Opening: credits(m.Opening),
			Granted: credits(m.Granted), Bought: credits(m.Bought), TopUp: topUpOf(c, m.TopUp), Used: credits(m.Used),
			Expired: credits(m.Expired), Closing: credits(m.Closing), Short: credits(m.Short), Cost: priced(m.Cost),
		}
		addOneTimeYearMonth(y, m, &d.Months[i], &d.Totals)
	}
	return d
}
