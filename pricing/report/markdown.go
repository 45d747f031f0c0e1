package report

import (
	"bufio"
	"strings"

	"creditplan/pricing"
)

// md escapes a user's text for a Markdown table cell or line: it is made
// printable first (a newline would end the row, a control character reach the
// reader's terminal), then a "|" would end the cell and a leading "#" or "*"
// would restyle it.
func md(s string) string {
	s = safe(s)
	if strings.ContainsAny(s, "|\\*_`[]<>#") {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case '|', '\\', '*', '_', '`', '[', ']', '<', '>', '#':
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return s
}

// row writes one pipe-table row.
func row(w *bufio.Writer, cells ...string) {
	w.WriteString("|")
	for _, c := range cells {
		w.WriteString(" ")
		w.WriteString(c)
		w.WriteString(" |")
	}
	w.WriteString("\n")
}

// writeQuoteMarkdown writes a quote as a document to share: the same sections
// as the text format, as headings and pipe tables.
func writeQuoteMarkdown(w *bufio.Writer, q *pricing.Quote, cu *pricing.Cure) {
	c := q.Card
	w.WriteString("# Quote: " + md(q.Plan.Name) + ", " + q.Billing.Key() + " billing\n\n")
	w.WriteString("Rate card: **" + md(c.Name) + "**, as of " + c.AsOf + " (" + md(c.Origin) + ")  \n")
	writeSalesMarkdown(w, c)
	w.WriteString("Plan: " + md(q.Plan.Name) + " (`" + safe(q.Plan.ID) + "`), " + md(c.PriceLabel(q.Plan, q.Billing)+q.Plan.PriceMark(q.Billing)) + " a month  \n")
	w.WriteString("Balance: " + md(c.CreditWord(q.Balance)) + "\n\n")
	if lead := quoteLead(q, cu); lead != "" {
		w.WriteString("**" + md(lead) + "**\n\n")
	}
	w.WriteString("**" + md(q.Message()) + "**\n\n")

	w.WriteString("## Month\n\n")
	row(w, "", "")
	row(w, "---", "---:")
	row(w, "Videos", pricing.Count(q.Copies))
	row(w, "Finished length", pricing.FormatLength(int(q.FinishedSeconds)))
	row(w, "Credits used", q.Premium.Grouped())
	row(w, "Balance", q.Balance.Grouped())
	if q.Fits {
		row(w, "Remaining", q.Remaining.Grouped())
	} else {
		row(w, "Short", q.Short.Grouped())
	}
	if q.RunsOutAt > 0 {
		row(w, "Credits run out at video", pricing.Count(q.RunsOutAt)+" of "+pricing.Count(q.Copies))
	}
	row(w, "Cost", md(costText(q)))
	writeOneTimeMarkdown(w, c, &q.Standing)
	w.WriteString("\n")

	if heading, lines := cureLines(c, cu); heading != "" {
		w.WriteString("## " + md(strings.TrimSuffix(heading, ":")) + "\n\n")
		for i, l := range lines {
			if i == 0 && cu.Recommended != nil {
				l = "**" + md(l) + "**"
			} else {
				l = md(l)
			}
			w.WriteString("- " + l + "\n")
		}
		w.WriteString("\n")
	}
	if len(q.Blocked) > 0 {
		w.WriteString("## " + md(blockedOn(q.Plan)) + "\n\n")
		for _, b := range q.Blocked {
			w.WriteString("- " + md(b) + "\n")
		}
		w.WriteString("\n")
	}
	if len(q.Alternatives) > 0 {
		w.WriteString("## Cheaper options\n\nLargest saving first.\n\n")
		row(w, "Video", "Change", "Saves")
		row(w, "---", "---", "---:")
		for i, a := range q.Alternatives {
			if i == monthLimit {
				w.WriteString("\n… and " + pricing.Count(len(q.Alternatives)-monthLimit) + " more, listed with each video below.\n")
				break
			}
			row(w, md(a.VideoName), md("Use "+a.To.Name+" instead of "+a.From.Name), md(c.CreditWord(a.Saves)))
		}
		w.WriteString("\n")
	}
	writeDraftOptionsMarkdown(w, q)

	w.WriteString("## Videos\n")
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := vq.Video
		w.WriteString("\n### " + pricing.Count(i+1) + ". " + md(v.Name) + "\n\n")
		w.WriteString(pricing.Count(v.Count) + " × " + pricing.FormatLength(v.Seconds) + ", " +
			vq.Each.Grouped() + " each, " + md(c.CreditWord(vq.Credits)) + " in all.\n\n")
		row(w, "Feature", "Quantity", "Rate", "Credits each", "Kind")
		row(w, "---", "---", "---", "---:", "---")
		for _, l := range vq.Lines {
			kind := "included"
			if l.Premium() {
				kind = "**premium**"
			}
			row(w, md(l.Feature.Name), md(l.Quantity()), md(l.Feature.RateText()+l.Feature.RateMark()), l.Credits.Grouped(), kind)
		}
		writeScriptMarkdown(w, c, v)
		if len(vq.Alternatives) > 0 {
			w.WriteString("\n")
			for _, a := range vq.Alternatives {
				w.WriteString("- Cheaper: " + md(a.Text(c)))
				if a.Reason != "" {
					w.WriteString(" (" + md(a.Reason) + ")")
				}
				w.WriteString("\n")
			}
		}
		writeDraftOptionMarkdown(w, q, v, len(vq.Alternatives) > 0)
	}
}

// writeCompareMarkdown writes every plan in one pipe table, then the blocked reasons.
func writeCompareMarkdown(w *bufio.Writer, cmp *pricing.Comparison) {
	c := cmp.Card
	w.WriteString("# Plan comparison\n\n")
	w.WriteString("Rate card: **" + md(c.Name) + "**, as of " + c.AsOf + " (" + md(c.Origin) + ")  \n")
	writeSalesMarkdown(w, c)
	w.WriteString("Month: " + md(c.CreditWord(cmp.Premium)) + ", " + pricing.FormatLength(int(cmp.FinishedSeconds)) +
		" finished, " + cmp.Billing.Key() + " billing\n\n")
	row(w, "Plan", "Fits", "Used", "Balance", "Top-up", "Monthly billing", "Annual billing", "Per finished min", "Status")
	row(w, "---", "---", "---:", "---:", "---", "---:", "---:", "---:", "---")
	for i := range cmp.Options {
		o := &cmp.Options[i]
		name := md(o.Plan.Name)
		if o.Recommended {
			name = "**" + name + "**"
		}
		row(w, name, yesNo(o.Fits), o.Premium.Grouped(), shortOrRemaining(o), md(topUpLabel(c, o)),
			md(costLabel(c, o, o.MonthlyTotal)+o.Plan.PriceMark(pricing.Monthly)), md(costLabel(c, o, o.AnnualTotal)+o.Plan.PriceMark(pricing.Annual)),
			md(perMinuteLabel(cmp, o)), status(o))
	}
	w.WriteString("\n")
	if cmp.Recommended != "" {
		p, _ := c.Plan(cmp.Recommended)
		w.WriteString("Recommended: **" + md(p.Name) + "**, the cheapest plan that can make this month on " +
			cmp.Billing.Key() + " billing.\n")
	} else {
		w.WriteString("No plan can make this month as planned.\n")
	}
	if extra := append(compareOneTime(cmp), compareBudget(cmp)...); len(extra) > 0 {
		w.WriteString("\n")
		for i, l := range extra {
			if i > 0 {
				w.WriteString("- ")
			}
			w.WriteString(md(l) + "\n")
		}
	}
	for i := range cmp.Options {
		o := &cmp.Options[i]
		if len(o.Blocked) == 0 {
			continue
		}
		w.WriteString("\n## " + md(blockedOn(o.Plan)) + "\n\n")
		for _, b := range o.Blocked {
			w.WriteString("- " + md(b) + "\n")
		}
	}
}
