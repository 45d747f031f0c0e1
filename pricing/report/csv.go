package report

import (
	"bufio"
	"encoding/csv"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// quoteCSVHeader names the columns of a quote: one row per line of each video.
var quoteCSVHeader = []string{"video", "count", "feature", "slot", "premium", "quantity", "rate", "credits_each", "credits_total"}

// writeQuoteCSV writes one row per line of each video, for spreadsheets: a
// header row and the lines, nothing else, so every row has the same shape.
func writeQuoteCSV(w *bufio.Writer, q *pricing.Quote) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(quoteCSVHeader); err != nil {
		return err
	}
	rec := make([]string, len(quoteCSVHeader))
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := vq.Video
		count := strconv.Itoa(v.Count)
		for _, l := range vq.Lines {
			rec[0] = v.Name
			rec[1] = count
			rec[2] = l.Feature.ID
			rec[3] = l.Slot.Key()
			rec[4] = strconv.FormatBool(l.Premium())
			rec[5] = l.Quantity()
			rec[6] = l.Feature.RateText()
			rec[7] = l.Credits.String()
			rec[8] = l.Total(v.Count).String()
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
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
func writeCompareCSV(w *bufio.Writer, cmp *pricing.Comparison, rs *pricing.RightSize) error {
	cw := csv.NewWriter(w)
	header := compareCSVHeader
	if rs != nil {
		header = append(append([]string{}, compareCSVHeader...), rightSizeCSVColumns...)
	}
	if err := cw.Write(header); err != nil {
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
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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
