package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// The CSV rules: one writer (csvWriter) for every CSV this package writes,
// and one cell rule (csvCell) for every cell of it.

// csvWriter writes one CSV table: a header row, then rows of the same shape.
// Every row ends with the card's name and as-of date (the columns "card" and
// "as_of"), so a sheet made from any CSV still says which rates it used, as
// every other format does in its heading; and every cell passes csvCell.
type csvWriter struct {
	w     *csv.Writer
	card  *pricing.RateCard
	cells []string
	// sales is the sales columns' cells (csvSalesCells), the same on every row.
	sales []string
}

// csvCardColumns end every CSV's header.
var csvCardColumns = []string{"card", "as_of"}

// The sales columns (csvSalesColumns) come before the card's; their estimates are
// those of the plans the table is about.
func newCSV(w io.Writer, card *pricing.RateCard, header []string, plans ...*pricing.Plan) (*csvWriter, error) {
	c := &csvWriter{w: csv.NewWriter(w), card: card, sales: csvSalesCells(card, plans...)}
	cols := append(append(make([]string, 0, len(header)+len(csvCardColumns)+len(csvSalesColumns)), header...), csvSalesColumns...)
	return c, c.w.Write(append(cols, csvCardColumns...))
}

// row writes one row of cells, each through csvCell, then the card's columns.
func (c *csvWriter) row(cells ...string) error {
	c.cells = c.cells[:0]
	for _, s := range cells {
		c.cells = append(c.cells, csvCell(s))
	}
	for _, s := range c.sales {
		c.cells = append(c.cells, csvCell(s))
	}
	c.cells = append(c.cells, csvCell(c.card.Name), csvCell(c.card.AsOf))
	return c.w.Write(c.cells)
}

// end flushes the table and reports the first write error.
func (c *csvWriter) end() error {
	c.w.Flush()
	return c.w.Error()
}

// csvCell is one cell as a spreadsheet may safely open it. OWASP's
// CSV-injection rule: a cell beginning with "=", "+", "-", "@", a tab or a
// carriage return is read as a formula by spreadsheets, so it is prefixed with
// "'", which they show as text ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)").
// One exception: a cell that is exactly a negative decimal number ("-5",
// "-0.25") is left as it is. Such a cell cannot hold a formula, and prefixing
// it would turn a number the sheet should add up into text; every number this
// package writes has that shape, and a video called "-5" is harmless as a
// number. Anything else, "+1" and "-1+2" included, is prefixed. The text is
// then made printable (safe), as in every other format: a CSV is often read
// in a terminal too, and encoding/csv would pass a newline or an escape
// sequence through inside quotes.
func csvCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if !negativeNumber(s) {
			return "'" + safe(s)
		}
	}
	return safe(s)
}

// negativeNumber reports whether s is "-" then digits, optionally with a
// decimal point followed by digits.
func negativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	digits, point := 0, false
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point && digits > 0 && i < len(s)-1:
			point = true
		default:
			return false
		}
	}
	return digits > 0
}

// quoteCSVHeader names the columns of a quote: one row per line of each video.
var quoteCSVHeader = []string{"video", "count", "feature", "slot", "premium", "quantity", "rate", "credits_each", "credits_total", "blocked", "recommended"}

// writeQuoteCSV writes one row per line of each video, for spreadsheets: a
// header row and the lines, nothing else, so every row has the same shape.
func writeQuoteCSV(w *bufio.Writer, q *pricing.Quote, cu *pricing.Cure) error {
	cw, err := newCSV(w, q.Card, append(append([]string{}, quoteCSVHeader...), scriptCSVColumns...), q.Plan)
	if err != nil {
		return err
	}
	// Every row says what blocks the plan (reasons joined by "; ", empty
	// when nothing does), so no row reads as a month the plan can make.
	blocked := strings.Join(q.Blocked, "; ")
	// And the recommended cure (CureText; empty when the month needs none,
	// NoPlanCanMake when none works), so a sheet offers what the quote offers.
	var recommended string
	if cu != nil && cu.Needed {
		recommended = NoPlanCanMake
		if cu.Recommended != nil {
			recommended = CureText(q.Card, cu, cu.Recommended)
		}
	}
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := vq.Video
		count := strconv.Itoa(v.Count)
		script, drafts := scriptLine(q.Card, v), draftsLine(q.Card, v)
		for _, l := range vq.Lines {
			if err := cw.row(v.Name, count, l.Feature.ID, l.Slot.Key(), strconv.FormatBool(l.Premium()), l.Quantity(),
				l.Feature.RateText()+l.Feature.RateMark(), l.Credits.String(), l.Total(v.Count).String(), blocked, recommended, script, drafts); err != nil {
				return err
			}
		}
	}
	for _, r := range oneTimeCSVRows(q.Card, &q.Standing, blocked, recommended) {
		if err := cw.row(r...); err != nil {
			return err
		}
	}
	return cw.end()
}

// compareCSVHeader names the columns of a comparison: one row per plan.
var compareCSVHeader = []string{
	"id", "name", "fits", "premium_credits", "plan_credits", "remaining", "short", "top_up", "top_up_cost",
	"total_cost", "monthly_billing_cost", "annual_billing_cost", "per_finished_minute",
	"contact_sales", "blocked", "recommended",
}

// rightSizeCSVColumns are the columns right-sizing adds to each plan's row in
// `compare --format csv`: the cheaper billing for making the month on this
// plan and what the month then costs (both empty when the plan cannot make it
// or has no price), and whether this is the cheapest way overall. A CSV is one
// table, so the break-evens are left to the other formats.
var rightSizeCSVColumns = []string{"cheapest_billing", "cheapest_month_cost", "cheapest_overall"}

// writeCompareCSV writes a header row and one row per plan. Costs are plain
// decimals ("29.00"); a contact-sales plan leaves them empty, never 0. With
// rs, each row ends with the rightSizeCSVColumns.
func writeCompareCSV(w *bufio.Writer, cmp *pricing.Comparison, rs *pricing.RightSize, sc []pricing.ScenarioResult) error {
	header := compareCSVHeader
	if rs != nil {
		header = append(append([]string{}, compareCSVHeader...), rightSizeCSVColumns...)
	}
	if len(sc) > 0 {
		header = append(append([]string{}, header...), scenarioCSVColumns...)
	}
	oneTime := compareHasOneTime(cmp)
	if oneTime {
		header = append(append([]string{}, header...), oneTimeCSVColumns...)
	}
	cw, err := newCSV(w, cmp.Card, header, allPlans(cmp.Card)...)
	if err != nil {
		return err
	}
	for i := range cmp.Options {
		o := &cmp.Options[i]
		var topUp, topUpCost, total, monthly, annual, perMin string
		if len(o.TopUp.Packs) > 0 {
			topUp = o.TopUp.Describe(cmp.Card)
			topUpCost = o.TopUp.Cost.Plain()
		}
		if !o.Plan.ContactSales {
			total, monthly, annual = o.Total.Plain(), o.MonthlyTotal.Plain(), o.AnnualTotal.Plain()
			if cmp.FinishedSeconds > 0 {
				perMin = o.PerMinute.Plain()
			}
		}
		rec := []string{
			o.Plan.ID, o.Plan.Name, strconv.FormatBool(o.Fits), o.Premium.String(), o.Plan.Credits.String(),
			o.Remaining.String(), o.Short.String(), topUp, topUpCost, total, monthly, annual, perMin,
			strconv.FormatBool(o.Plan.ContactSales), strings.Join(o.Blocked, "; "), strconv.FormatBool(o.Recommended),
		}
		if rs != nil {
			rec = append(rec, cheapestOn(rs, o.Plan)...)
		}
		if len(sc) > 0 {
			rec = append(rec, "", "", "")
		}
		if oneTime {
			rec = append(rec, oneTimeCSVCells(cmp.Card, o)...)
		}
		if err := cw.row(rec...); err != nil {
			return err
		}
	}
	for i := range sc {
		rec := scenarioCSVRow(cmp.Card, &sc[i], rs != nil)
		if oneTime {
			rec = append(rec, make([]string, len(oneTimeCSVColumns))...)
		}
		if err := cw.row(rec...); err != nil {
			return err
		}
	}
	return cw.end()
}

// cheapestOn is the rightSizeCSVColumns of one plan: Options are sorted
// cheapest first, so the plan's first option is its cheaper billing.
func cheapestOn(rs *pricing.RightSize, plan *pricing.Plan) []string {
	for i := range rs.Options {
		if o := &rs.Options[i]; o.Plan == plan {
			return []string{o.Billing.Key(), o.Total.Plain(), strconv.FormatBool(i == 0)}
		}
	}
	return []string{"", "", "false"}
}
