// Package report writes quotes and comparisons as text, JSON, Markdown and CSV.
// It is pure presentation: every number comes from package pricing, so the four
// formats, the command line and the planner's export can never disagree.
package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"creditplan/pricing"
)

// Format is an output format.
type Format int

// The output formats.
const (
	Text Format = iota
	JSON
	Markdown
	CSV
)

var formatNames = [...]string{"text", "json", "markdown", "csv"}

// String is the format's name as --format takes it.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "unknown"
	}
	return formatNames[f]
}

// FormatNames lists the names ParseFormat accepts, for usage messages.
func FormatNames() []string { return formatNames[:] }

// ParseFormat reads a --format value: text, json, markdown (or md) or csv,
// in any letter case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt":
		return Text, nil
	case "json":
		return JSON, nil
	case "markdown", "md":
		return Markdown, nil
	case "csv":
		return CSV, nil
	}
	return Text, fmt.Errorf("unknown format %q; choose one of: %s", s, strings.Join(formatNames[:], ", "))
}

// bufferSize is large enough that a 10,000-video quote is written in a few
// hundred system calls rather than one per line.
const bufferSize = 64 << 10

// WriteQuote writes a month's quote without its cures: WriteQuoteCures with
// none, for a caller that has no pricing.Cure of the month. A blocked plan is
// still said first; what makes the month is not said.
func WriteQuote(w io.Writer, q *pricing.Quote, f Format) error {
	return WriteQuoteCures(w, q, nil, f)
}

// WriteQuoteCures writes a month's quote and, when its plan cannot make it as
// it stands, the ways to make it: cu, pricing.Cures of the same project, is
// the one source of them, so the quote offers what the planner's Month and
// Plans screens offer. A blocked plan is said first (cu.Lead, before any
// cost); the cures follow the month's totals, cheapest first, the recommended
// one marked. JSON has them as "cures", "recommended", "top_up" and "upgrade";
// every CSV row carries the recommended one in its "recommended" column.
func WriteQuoteCures(w io.Writer, q *pricing.Quote, cu *pricing.Cure, f Format) error {
	if q == nil {
		return fmt.Errorf("no quote to write")
	}
	return write(w, f, writers{
		text:     func(b *bufio.Writer, width int) { writeQuoteText(b, q, cu, width) },
		jsonTo:   func(b *bufio.Writer) error { return writeQuoteJSON(b, q, cu) },
		markdown: func(b *bufio.Writer) { writeQuoteMarkdown(b, q, cu) },
		csv:      func(b *bufio.Writer) error { return writeQuoteCSV(b, q, cu) },
	})
}

// quoteLead is the sentence a quote of a blocked plan starts with: the cure's
// Lead, the same sentence CannotMake words from the quote's own reasons.
func quoteLead(q *pricing.Quote, cu *pricing.Cure) string {
	if cu != nil {
		return cu.Lead()
	}
	return CannotMake(q.Plan, q.Blocked)
}

// cureLines are a quote's cures, one a line, for the text and Markdown
// formats: the heading, then each cure (the recommended one marked), or that
// no plan can make the month, then the substitutions that would fit it.
func cureLines(c *pricing.RateCard, cu *pricing.Cure) (heading string, lines []string) {
	if cu == nil || !cu.Needed {
		return "", nil
	}
	for i := range cu.Options {
		l := CureText(c, cu, &cu.Options[i])
		if i == 0 {
			l += " (recommended)"
		}
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		lines = append(lines, NoPlanCanMake)
	}
	if f := CureFit(cu); f != "" {
		lines = append(lines, f)
	}
	return CureHeading(cu), lines
}

// writers is one document's writer in each format.
type writers struct {
	// text gets the page's width (0 for none), for its tables.
	text     func(b *bufio.Writer, width int)
	markdown func(*bufio.Writer)
	json     func() any
	// jsonTo, when set, writes the JSON itself instead of json (to stream
	// it), with jsonWriter, which keeps the printable-output rule itself.
	jsonTo func(*bufio.Writer) error
	csv    func(*bufio.Writer) error
}

// write sends one document to w in format f, through a buffer flushed at the
// end and a printableWriter (see printable.go), so no format ever carries a
// raw control character from a name; a jsonTo writer escapes them itself.
func write(w io.Writer, f Format, ws writers) error {
	w, wrapAt := pageOf(w, f)
	if f == JSON && ws.jsonTo != nil {
		// The JSON writer escapes every refused character itself
		// (jsonPrintable), so its output needs no second pass.
		bw := bufio.NewWriterSize(w, bufferSize)
		if err := ws.jsonTo(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	var lw *lineWrapper
	if wrapAt > 0 {
		lw = &lineWrapper{w: w, width: wrapAt, markdown: f == Markdown}
		w = lw
	}
	pw := &printableWriter{w: w, json: f == JSON}
	bw := bufio.NewWriterSize(pw, bufferSize)
	var err error
	switch f {
	case Text:
		ws.text(bw, wrapAt)
	case JSON:
		if ws.jsonTo != nil {
			err = ws.jsonTo(bw)
		} else {
			err = writeJSON(bw, ws.json())
		}
	case Markdown:
		ws.markdown(bw)
	case CSV:
		err = ws.csv(bw)
	default:
		return fmt.Errorf("unknown format %d", int(f))
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := pw.finish(); err != nil || lw == nil {
		return err
	}
	return lw.finish()
}

// WriteCompare writes a comparison of every plan.
func WriteCompare(w io.Writer, c *pricing.Comparison, f Format) error {
	return WriteComparison(w, c, nil, f)
}

// WriteComparison writes a comparison of every plan followed by right-sizing,
// as `creditplan compare` prints it: text and Markdown add the cheapest way to
// make the month and the break-evens after the plan table (the blocked plans
// are not repeated); JSON adds a "right_size" object (RightSizeJSON); CSV stays
// one row per plan and adds the columns cheapest_billing, cheapest_month_cost
// and cheapest_overall. With rs nil it writes what WriteCompare writes.
func WriteComparison(w io.Writer, c *pricing.Comparison, rs *pricing.RightSize, f Format) error {
	return WriteComparisonScenarios(w, c, rs, nil, f)
}

// WriteComparisonScenarios is WriteComparison followed by the project's
// scenarios side by side (pricing.RateCard.SideBySide: the month as planned,
// then each scenario): text and Markdown add a table after right-sizing; JSON
// adds "as_planned" and "scenarios"; CSV adds a row for each after the plans,
// with the columns scenario, billing and year_cost. With no rows it writes
// what WriteComparison writes.
func WriteComparisonScenarios(w io.Writer, c *pricing.Comparison, rs *pricing.RightSize, sc []pricing.ScenarioResult, f Format) error {
	if c == nil {
		return fmt.Errorf("no comparison to write")
	}
	return write(w, f, writers{
		text: func(b *bufio.Writer, width int) {
			writeCompareText(b, c, width)
			if rs != nil {
				b.WriteString("\n")
				writeRightSizeText(b, rs, false, width)
			}
			if len(sc) > 0 {
				b.WriteString("\n")
				writeScenariosText(b, c.Card, sc, width)
			}
		},
		json: func() any {
			doc := compareJSON(c)
			if rs != nil {
				doc.RightSize = rightSizeJSON(rs)
			}
			addScenariosJSON(doc, sc)
			return doc
		},
		markdown: func(b *bufio.Writer) {
			writeCompareMarkdown(b, c)
			if rs != nil {
				b.WriteString("\n")
				writeRightSizeMarkdown(b, rs, false)
			}
			if len(sc) > 0 {
				if rs == nil { // right-sizing ends on its own blank line
					b.WriteString("\n")
				}
				writeScenariosMarkdown(b, c.Card, sc)
			}
		},
		csv: func(b *bufio.Writer) error { return writeCompareCSV(b, c, rs, sc) },
	})
}

// cardLine names the card, its date and where it came from; every output
// starts with it so a printed quote can always be traced to its rates.
func cardLine(c *pricing.RateCard) string {
	return safe(fmt.Sprintf("%s, as of %s (%s)", c.Name, c.AsOf, c.Origin))
}

// monthLimit is how many month-level cheaper options the text and Markdown
// formats list; a 10,000-video month would otherwise bury the totals. JSON
// lists them all, and each video's own options are always shown with it.
const monthLimit = 10

// blockedOn words the plan's blocked list heading.
func blockedOn(p *pricing.Plan) string { return "Blocked on " + safe(p.Name) }

// costLabel is a plan option's cost under a billing for tables: the money, or
// pricing.ContactSales for a plan without a public price (never $0).
func costLabel(c *pricing.RateCard, o *pricing.PlanOption, m pricing.Money) string {
	if o.Plan.ContactSales {
		return pricing.ContactSales
	}
	return c.Money(m)
}

// perMinuteLabel is the cost per finished minute, or "-" when there is no
// price or no finished minute to divide by.
func perMinuteLabel(cmp *pricing.Comparison, o *pricing.PlanOption) string {
	if o.Plan.ContactSales || cmp.FinishedSeconds <= 0 {
		return "-"
	}
	return cmp.Card.Money(o.PerMinute)
}

// shortOrRemaining is the one figure that matters for a plan's balance.
func shortOrRemaining(o *pricing.PlanOption) string {
	if o.Fits {
		return o.Remaining.Grouped() + " left"
	}
	return o.Short.Grouped() + " short"
}

// status words a plan option's standing in a comparison.
func status(o *pricing.PlanOption) string {
	switch {
	case o.Recommended:
		return "recommended"
	case o.Plan.ContactSales:
		return pricing.ContactSales
	case len(o.Blocked) > 0:
		return "blocked"
	}
	return "ok"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// topUpLabel is the top-up a plan option needs, or "-" when none.
func topUpLabel(c *pricing.RateCard, o *pricing.PlanOption) string {
	if len(o.TopUp.Packs) == 0 {
		return "-"
	}
	return o.TopUp.Describe(c)
}
