package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"creditplan/pricing"
)

// WriteRightSize writes the cheapest way to make the month (every plan ×
// billing that can, cheapest first), the plans that cannot or have no price,
// and the break-evens between neighbouring plans. Text and Markdown are a
// section that reads well after a comparison, so `compare` can print one after
// the other; JSON callers that want one document embed RightSizeJSON instead.
func WriteRightSize(w io.Writer, r *pricing.RightSize, f Format) error {
	if r == nil {
		return fmt.Errorf("no right-sizing to write")
	}
	return write(w, f, writers{
		text: func(b *bufio.Writer, width int) {
			b.WriteString("Rate card: " + cardLine(r.Card) + "\n\n")
			writeRightSizeText(b, r, true, width)
		},
		json: func() any { return rightSizeAlone{Card: cardOf(r.Card), rightSizeDoc: rightSizeJSON(r)} },
		markdown: func(b *bufio.Writer) {
			c := r.Card
			b.WriteString("Rate card: **" + md(c.Name) + "**, as of " + md(c.AsOf) + " (" + md(c.Origin) + ")\n\n")
			writeRightSizeMarkdown(b, r, true)
		},
		csv: func(b *bufio.Writer) error { return writeRightSizeCSV(b, r) },
	})
}

// RightSizeLine is the one line a Plans screen or a compare summary shows: the
// cheapest way to make the month, or why there is none.
func RightSizeLine(r *pricing.RightSize) string {
	if r.Best == nil {
		if len(r.ContactSales) > 0 {
			return "No priced plan can make this month; ask " + r.ContactSales[0].Name + " (" + pricing.ContactSales + ")."
		}
		return "No plan can make this month."
	}
	return "Cheapest way to make this month: " + r.Best.Text(r.Card) + sizeTotalMark(r, r.Best)
}

// sizeTotalMark, sizePriceMark and sizeTopUpMark mark an option's month,
// plan price and top-up ≈ when they rest on an estimate.
func sizeTotalMark(r *pricing.RightSize, o *pricing.SizeOption) string {
	return r.Marks(o).CostMark(o.Billing, len(o.TopUp.Packs) > 0)
}

func sizePriceMark(r *pricing.RightSize, o *pricing.SizeOption) string {
	return r.Marks(o).PriceMark(o.Billing)
}

func sizeTopUpMark(r *pricing.RightSize, o *pricing.SizeOption) string {
	return r.Marks(o).TopUpMark(len(o.TopUp.Packs) > 0)
}

// sizeEstimated lists an option's JSON keys (and CSV columns) that rest on
// an estimate.
func sizeEstimated(r *pricing.RightSize, o *pricing.SizeOption) []string {
	out := []string{}
	if sizePriceMark(r, o) != "" {
		out = append(out, "plan_price")
	}
	if sizeTopUpMark(r, o) != "" {
		out = append(out, "top_up")
	}
	if sizeTotalMark(r, o) != "" {
		out = append(out, "total")
	}
	return out
}

// breakEvenMark marks a break-even ≈ when either plan's price, credits or
// packs are an estimate (the usage it names is the month's, not a figure).
func breakEvenMark(b *pricing.BreakEven) string {
	lo, up := pricing.DerivedMarksFor(b.Lower, b.Billing, false), pricing.DerivedMarksFor(b.Upper, b.Billing, false)
	if lo.Any() || up.Any() {
		return " " + pricing.EstimateMark
	}
	return ""
}

func topUpCell(c *pricing.RateCard, t pricing.TopUpPurchase) string {
	if len(t.Packs) == 0 {
		return "-"
	}
	return t.Describe(c)
}

func breakEvenHeading(r *pricing.RightSize) string {
	return "Break-even between neighbouring plans (" + r.Billing.Key() + " billing):"
}

// writeRightSizeText writes right-sizing as text. withPlans adds the plans that
// have no price or cannot make the month; a comparison printed just before
// already lists them, so `compare` leaves them out.
func writeRightSizeText(w *bufio.Writer, r *pricing.RightSize, withPlans bool, width int) {
	c := r.Card
	w.WriteString(safe(RightSizeLine(r)) + "\n")
	if len(r.Options) > 0 {
		w.WriteString("\nEvery way to make it, cheapest first:\n")
		g := aligner{limit: width}
		g.reset(false, false, true, false, true)
		g.add("Plan", "Billing", "Plan price", "Top-up", "Month")
		for i := range r.Options {
			o := &r.Options[i]
			g.add(o.Plan.Name, o.Billing.Key(), c.Money(o.Price)+sizePriceMark(r, o), topUpCell(c, o.TopUp)+sizeTopUpMark(r, o), c.Money(o.Total)+sizeTotalMark(r, o))
		}
		writeTable(&g, w, "  ")
	}
	if withPlans {
		for _, p := range r.ContactSales {
			w.WriteString("\n" + safe(p.Name) + ": " + pricing.ContactSales + " (no public price)\n")
		}
		for _, b := range r.Blocked {
			w.WriteString("\n" + safe(b.Plan.Name) + " cannot make this month:\n")
			for _, reason := range b.Reasons {
				w.WriteString("  " + safe(reason) + "\n")
			}
		}
	}
	if len(r.BreakEvens) > 0 {
		w.WriteString("\n" + breakEvenHeading(r) + "\n")
		for i := range r.BreakEvens {
			w.WriteString("  " + safe(r.BreakEvens[i].Text(c)+breakEvenMark(&r.BreakEvens[i])) + "\n")
		}
		if r.Dominant != nil {
			w.WriteString(safe("  (usage measured in "+r.Dominant.Name+", this month's largest premium spend: "+
				c.CreditWord(r.DominantCredits)+" of "+r.Premium.Grouped()+")") + "\n")
		}
	}
}

// writeRightSizeMarkdown writes right-sizing as a Markdown section; withPlans
// as for writeRightSizeText.
func writeRightSizeMarkdown(w *bufio.Writer, r *pricing.RightSize, withPlans bool) {
	c := r.Card
	w.WriteString("## Right-size the plan\n\n")
	w.WriteString("**" + md(RightSizeLine(r)) + "**\n\n")
	if len(r.Options) > 0 {
		row(w, "Plan", "Billing", "Plan price", "Top-up", "Month")
		row(w, "---", "---", "---:", "---", "---:")
		for i := range r.Options {
			o := &r.Options[i]
			row(w, md(o.Plan.Name), o.Billing.Key(), c.Money(o.Price)+sizePriceMark(r, o), md(topUpCell(c, o.TopUp)+sizeTopUpMark(r, o)), c.Money(o.Total)+sizeTotalMark(r, o))
		}
		w.WriteString("\n")
	}
	if withPlans {
		for _, p := range r.ContactSales {
			w.WriteString("- " + md(p.Name) + ": " + pricing.ContactSales + " (no public price)\n")
		}
		for _, b := range r.Blocked {
			w.WriteString("- " + md(b.Plan.Name) + " cannot make this month: " + md(strings.Join(b.Reasons, "; ")) + "\n")
		}
		if len(r.ContactSales)+len(r.Blocked) > 0 {
			w.WriteString("\n")
		}
	}
	if len(r.BreakEvens) > 0 {
		w.WriteString("### " + strings.TrimSuffix(breakEvenHeading(r), ":") + "\n\n")
		for i := range r.BreakEvens {
			w.WriteString("- " + md(r.BreakEvens[i].Text(c)+breakEvenMark(&r.BreakEvens[i])) + "\n")
		}
		w.WriteString("\n")
	}
}

// rightSizeCSVHeader names the columns: one row per plan × billing that can
// make the month, cheapest first. Blocked and contact-sales plans are left to
// the comparison's own CSV, which lists every plan.
var rightSizeCSVHeader = []string{"rank", "plan", "billing", "plan_price", "top_up", "top_up_cost", "total", "best", "estimated"}

func writeRightSizeCSV(w *bufio.Writer, r *pricing.RightSize) error {
	cw, err := newCSV(w, r.Card, rightSizeCSVHeader, allPlans(r.Card)...)
	if err != nil {
		return err
	}
	for i := range r.Options {
		o := &r.Options[i]
		topUp, topUpCost := "", ""
		if len(o.TopUp.Packs) > 0 {
			topUp, topUpCost = o.TopUp.Describe(r.Card), o.TopUp.Cost.Plain()
		}
		rec := []string{fmt.Sprint(i + 1), o.Plan.ID, o.Billing.Key(), o.Price.Plain(), topUp, topUpCost, o.Total.Plain(),
			fmt.Sprint(i == 0), strings.Join(sizeEstimated(r, o), " ")}
		if err := cw.row(rec...); err != nil {
			return err
		}
	}
	return cw.end()
}

// sizeOptionJSON is one way to make the month.
type sizeOptionJSON struct {
	Plan      string     `json:"plan"`
	PlanName  string     `json:"plan_name"`
	Billing   string     `json:"billing"`
	PlanPrice string     `json:"plan_price"`
	TopUp     *topUpJSON `json:"top_up"`
	Total     string     `json:"total"`
	Text      string     `json:"text"`
	// Estimated names the keys above whose numbers rest on an estimate.
	Estimated []string `json:"estimated"`
}

// breakEvenJSON is one break-even in a rightSizeDoc. Credits is null when the
// upper plan never costs less (up to scanned_to).
type breakEvenJSON struct {
	Lower        string   `json:"lower"`
	Upper        string   `json:"upper"`
	Billing      string   `json:"billing"`
	Credits      *credits `json:"credits"`
	Terms        string   `json:"terms,omitempty"`
	LowerRunsOut bool     `json:"lower_runs_out"`
	Never        bool     `json:"never"`
	ScannedTo    credits  `json:"scanned_to"`
	Text         string   `json:"text"`
}

// blockedPlanJSON is a plan that cannot make the month, in a rightSizeDoc.
type blockedPlanJSON struct {
	Plan    string   `json:"plan"`
	Reasons []string `json:"reasons"`
}

// rightSizeDoc is right-sizing as JSON.
type rightSizeDoc struct {
	PremiumCredits  credits           `json:"premium_credits"`
	Best            *sizeOptionJSON   `json:"best"`
	Text            string            `json:"text"`
	Options         []sizeOptionJSON  `json:"options"`
	ContactSales    []string          `json:"contact_sales"`
	Blocked         []blockedPlanJSON `json:"blocked"`
	Dominant        *string           `json:"dominant_feature"`
	DominantCredits credits           `json:"dominant_credits"`
	BreakEvens      []breakEvenJSON   `json:"break_evens"`
}

// rightSizeAlone is the document WriteRightSize writes: the card, as every
// document starts, then right-sizing's own keys.
type rightSizeAlone struct {
	Card cardJSON `json:"card"`
	*rightSizeDoc
}

// RightSizeJSON is right-sizing as a JSON value: what WriteRightSize writes
// after the card, and what a comparison document embeds under "right_size" (a field of type
// any holding it marshals the same). Money is a two-decimal string, as in every
// other document; lists are never null.
func RightSizeJSON(r *pricing.RightSize) any { return rightSizeJSON(r) }

func rightSizeJSON(r *pricing.RightSize) *rightSizeDoc {
	c := r.Card
	d := &rightSizeDoc{
		PremiumCredits: credits(r.Premium), Text: RightSizeLine(r), Options: make([]sizeOptionJSON, len(r.Options)),
		ContactSales: []string{}, Blocked: make([]blockedPlanJSON, len(r.Blocked)),
		DominantCredits: credits(r.DominantCredits), BreakEvens: make([]breakEvenJSON, len(r.BreakEvens)),
	}
	for i := range r.Options {
		o := &r.Options[i]
		d.Options[i] = sizeOptionJSON{Plan: o.Plan.ID, PlanName: o.Plan.Name, Billing: o.Billing.Key(),
			PlanPrice: o.Price.Plain(), TopUp: topUpOf(c, o.TopUp), Total: o.Total.Plain(), Text: o.Text(c) + sizeTotalMark(r, o),
			Estimated: sizeEstimated(r, o)}
	}
	if len(d.Options) > 0 {
		d.Best = &d.Options[0]
	}
	for _, p := range r.ContactSales {
		d.ContactSales = append(d.ContactSales, p.ID)
	}
	for i, b := range r.Blocked {
		d.Blocked[i] = blockedPlanJSON{Plan: b.Plan.ID, Reasons: nonNil(b.Reasons)}
	}
	if r.Dominant != nil {
		id := r.Dominant.ID
		d.Dominant = &id
	}
	for i := range r.BreakEvens {
		b := &r.BreakEvens[i]
		j := breakEvenJSON{Lower: b.Lower.ID, Upper: b.Upper.ID, Billing: b.Billing.Key(), LowerRunsOut: b.LowerRunsOut,
			Never: b.Never, ScannedTo: credits(b.ScannedTo), Text: b.Text(c) + breakEvenMark(b)}
		if !b.Never {
			cr := credits(b.Credits)
			j.Credits, j.Terms = &cr, b.Terms
		}
		d.BreakEvens[i] = j
	}
	return d
}
