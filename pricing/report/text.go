package report

import (
	"bufio"
	"bytes"
	"runtime"
	"strconv"

	"creditplan/pricing"
)

// writeQuoteText writes a quote for people reading a terminal: the card, the
// plan and balance, each video's breakdown and cheaper options, then the month.
func writeQuoteText(w *bufio.Writer, q *pricing.Quote, cu *pricing.Cure, width int) {
	c := q.Card
	w.WriteString("Rate card: " + cardLine(c) + "\n")
	writeSalesText(w, c)
	w.WriteString(safe("Plan: "+q.Plan.Name+" ("+q.Plan.ID+"), "+q.Billing.Key()+" billing, "+
		c.PriceLabel(q.Plan, q.Billing)+q.Plan.PriceMark(q.Billing)+" a month") + "\n")
	w.WriteString(safe("Balance: "+c.CreditWord(q.Balance)+balanceMark(q)) + "\n")
	// A plan that cannot make the month is said before any cost; the
	// reasons are listed again, one a line, at the end.
	if lead := quoteLead(q, cu); lead != "" {
		w.WriteString("\n" + safe(lead) + "\n")
	}

	writeVideosText(w, q, width)

	w.WriteString("\nMonth: ")
	w.WriteString(pricing.Plural(q.Copies, "video"))
	w.WriteString(", ")
	w.WriteString(pricing.FormatLength(int(q.FinishedSeconds)))
	w.WriteString(" finished, ")
	w.WriteString(safe(c.CreditWord(q.Premium)))
	if q.Fits {
		w.WriteString(", " + q.Remaining.Grouped() + " left\n")
	} else {
		w.WriteString(", " + q.Short.Grouped() + " short\n")
	}
	w.WriteString(safe(q.Message()) + "\n")
	if q.RunsOutAt > 0 {
		w.WriteString(RunsOut(q) + "\n")
	}
	w.WriteString("Cost: " + safe(costText(q)) + "\n")
	writeOneTimeText(w, c, &q.Standing)

	writeCheaperText(w, q)
	if heading, lines := cureLines(c, cu); heading != "" {
		w.WriteString("\n" + safe(heading) + "\n")
		for _, l := range lines {
			w.WriteString("  " + safe(l) + "\n")
		}
	}
	if len(q.Blocked) > 0 {
		w.WriteString("\n" + blockedOn(q.Plan) + ":\n")
		for _, b := range q.Blocked {
			w.WriteString("  - " + safe(b) + "\n")
		}
	}
}

// parallelFrom is the number of videos from which the per-video sections are
// formatted on several cores at once; below it one core is faster.
const parallelFrom = 512

// videosPerChunk is how many video sections one core formats at a time: big
// enough that handing chunks over costs nothing, small enough that the buffers
// stay in the cache and a huge month does not sit in memory twice (about 1 KB
// a video).
const videosPerChunk = 256

// writeVideosText writes every video's section. A big month is cut into
// chunks: core k formats chunks k, k+cores, k+2·cores... into two buffers of
// its own, taking turns, while this goroutine writes the chunks out in order
// and hands each buffer back. The text is identical to one core's, only made
// sooner, and memory stays at two chunks a core however long the month is.
func writeVideosText(w *bufio.Writer, q *pricing.Quote, width int) {
	n := len(q.Videos)
	workers := 1
	if n >= parallelFrom {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers <= 1 {
		var buf bytes.Buffer
		t := newVideoTexter(q, width)
		for from := 0; from < n; from += videosPerChunk {
			buf.Reset()
			t.write(&buf, from, min(from+videosPerChunk, n))
			w.Write(buf.Bytes())
		}
		return
	}
	chunks := (n + videosPerChunk - 1) / videosPerChunk
	done := make([]chan *bytes.Buffer, workers)
	free := make([]chan *bytes.Buffer, workers)
	for k := range workers {
		done[k] = make(chan *bytes.Buffer, 2)
		free[k] = make(chan *bytes.Buffer, 2)
		// Each buffer is allocated on its own, never side by side in one
		// slice: two cores writing into neighbouring buffer headers would
		// fight over one cache line.
		for range 2 {
			free[k] <- bytes.NewBuffer(make([]byte, 0, videosPerChunk*1024))
		}
		go func() {
			t := newVideoTexter(q, width)
			for c := k; c < chunks; c += workers {
				buf := <-free[k]
				buf.Reset()
				t.write(buf, c*videosPerChunk, min((c+1)*videosPerChunk, n))
				done[k] <- buf
			}
		}()
	}
	for c := range chunks {
		buf := <-done[c%workers]
		w.Write(buf.Bytes())
		free[c%workers] <- buf
	}
}

// videoTexter formats video sections. A month repeats the same lengths,
// features and amounts on thousands of lines, so it remembers each text that
// pricing formatted for it instead of formatting it again: the text is
// pricing's, only computed once per distinct value.
type videoTexter struct {
	q          *pricing.Quote
	a          aligner
	rates      map[*pricing.Feature]string
	quantities map[quantityKey]string
	amounts    map[pricing.Credits]string
	words      map[pricing.Credits]string
	lengths    map[int]string
	alts       map[altKey]string
}

// quantityKey is everything Line.Quantity reads.
type quantityKey struct {
	f                                         *pricing.Feature
	billed, languages, units, renders, drafts int
	draftAt                                   *pricing.Feature
}

// altKey is everything Alternative.Text reads.
type altKey struct {
	from, to *pricing.Feature
	saves    pricing.Credits
}

func newVideoTexter(q *pricing.Quote, width int) *videoTexter {
	return &videoTexter{
		q:          q,
		a:          aligner{limit: width},
		rates:      map[*pricing.Feature]string{},
		quantities: map[quantityKey]string{},
		amounts:    map[pricing.Credits]string{},
		words:      map[pricing.Credits]string{},
		lengths:    map[int]string{},
		alts:       map[altKey]string{},
	}
}

// memo returns m[k], computing and keeping it on first use.
func memo[K comparable](m map[K]string, k K, compute func() string) string {
	s, ok := m[k]
	if !ok {
		s = compute()
		m[k] = s
	}
	return s
}

func (t *videoTexter) rate(f *pricing.Feature) string {
	return memo(t.rates, f, func() string { return safe(f.RateText() + f.RateMark()) })
}

func (t *videoTexter) quantity(l pricing.Line) string {
	return memo(t.quantities, quantityKey{l.Feature, l.BilledSeconds, l.Languages, l.Units, l.Renders, l.Drafts, l.DraftAt}, l.Quantity)
}

func (t *videoTexter) amount(c pricing.Credits) string { return memo(t.amounts, c, c.Grouped) }

func (t *videoTexter) word(c pricing.Credits) string {
	return memo(t.words, c, func() string { return safe(t.q.Card.CreditWord(c)) })
}

func (t *videoTexter) length(sec int) string {
	return memo(t.lengths, sec, func() string { return pricing.FormatLength(sec) })
}

func (t *videoTexter) altText(a pricing.Alternative) string {
	return memo(t.alts, altKey{a.From, a.To, a.Saves}, func() string { return safe(a.Text(t.q.Card)) })
}

// write formats videos [from, to): a heading with the count, length and
// credits, the aligned table of lines, and the video's cheaper options.
func (t *videoTexter) write(w *bytes.Buffer, from, to int) {
	for i := from; i < to; i++ {
		vq := &t.q.Videos[i]
		v := vq.Video
		w.WriteString("\n")
		w.WriteString(countText(i + 1))
		w.WriteString(". ")
		w.WriteString(safe(v.Name))
		w.WriteString(": ")
		w.WriteString(countText(v.Count))
		w.WriteString(" × ")
		w.WriteString(t.length(v.Seconds))
		w.WriteString(", ")
		w.WriteString(t.amount(vq.Each))
		w.WriteString(" each, ")
		w.WriteString(t.word(vq.Credits))
		w.WriteString(" in all\n")
		t.a.reset(false, false, false, true, false)
		t.a.add("Feature", "Quantity", "Rate", "Credits", "")
		for _, l := range vq.Lines {
			kind := "included"
			if l.Premium() {
				kind = "premium"
			}
			t.a.add(l.Feature.Name, t.quantity(l), t.rate(l.Feature), t.amount(l.Credits), kind)
		}
		writeTable(&t.a, w, "   ")
		writeScriptText(w, t.q.Card, v)
		for _, alt := range vq.Alternatives {
			w.WriteString("   Cheaper: ")
			w.WriteString(t.altText(alt))
			if alt.Reason != "" {
				w.WriteString(" (")
				w.WriteString(safe(alt.Reason))
				w.WriteString(")")
			}
			w.WriteString("\n")
		}
		writeDraftOptionText(w, t.q, v)
	}
}

// countText is pricing.Count without its work for the numbers below 1,000
// that most of a month's headings print.
func countText(n int) string {
	if n >= 0 && n < 1000 {
		return strconv.Itoa(n)
	}
	return pricing.Count(n)
}

// costText is the month's cost on the quoted plan, or "contact sales".
func costText(q *pricing.Quote) string {
	if q.Plan.ContactSales {
		return pricing.ContactSales
	}
	cost, withTopUp := q.QuotedCost()
	s := q.Card.Money(cost) + " this month (" + q.Billing.Key() + " billing"
	switch {
	case withTopUp:
		s += ", top-up included"
	case len(q.Limits()) > 0:
		s += "; no top-up can make it"
	}
	return s + ")"
}

// writeCompareText writes every plan side by side, the recommended one marked.
func writeCompareText(w *bufio.Writer, cmp *pricing.Comparison, width int) {
	c := cmp.Card
	w.WriteString("Rate card: " + cardLine(c) + "\n")
	writeSalesText(w, c)
	w.WriteString("Month: " + safe(c.CreditWord(cmp.Premium)) + ", " +
		pricing.FormatLength(int(cmp.FinishedSeconds)) + " finished, " + cmp.Billing.Key() + " billing\n\n")

	a := aligner{limit: width}
	var buf bytes.Buffer
	right := []bool{false, false, true, true, false, true, true, true, false}
	rows := [][]string{{"  Plan", "Fits", "Used", "Balance", "Top-up", "Monthly billing", "Annual billing", "Per finished min", "Status"}}
	for i := range cmp.Options {
		o := &cmp.Options[i]
		mark := "  "
		if o.Recommended {
			mark = "* "
		}
		rows = append(rows, []string{mark + o.Plan.Name, yesNo(o.Fits), o.Premium.Grouped(), shortOrRemaining(o),
			topUpLabel(c, o), costLabel(c, o, o.MonthlyTotal) + o.Plan.PriceMark(pricing.Monthly), costLabel(c, o, o.AnnualTotal) + o.Plan.PriceMark(pricing.Annual),
			perMinuteLabel(cmp, o), status(o)})
	}
	// On a page too narrow for the one table, the standing and the money
	// are two tables, each naming the plans.
	tables := [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8}}
	a.reset(right...)
	for _, r := range rows {
		a.add(r...)
	}
	if width > 0 && a.naturalWidth(0) > width {
		tables = [][]int{{0, 1, 2, 3, 8}, {0, 4, 5, 6, 7}}
	}
	for t, cols := range tables {
		if t > 0 {
			buf.WriteByte('\n')
		}
		pick := make([]bool, len(cols))
		for i, c := range cols {
			pick[i] = right[c]
		}
		a.reset(pick...)
		cells := make([]string, len(cols))
		for _, r := range rows {
			for i, c := range cols {
				cells[i] = r[c]
			}
			a.add(cells...)
		}
		writeTable(&a, &buf, "")
	}
	w.Write(buf.Bytes())

	w.WriteString("\n")
	if cmp.Recommended != "" {
		p, _ := c.Plan(cmp.Recommended)
		w.WriteString("Recommended (*): " + safe(p.Name) + ", the cheapest plan that can make this month on " +
			cmp.Billing.Key() + " billing.\n")
	} else {
		w.WriteString("No plan can make this month as planned.\n")
	}
	for _, l := range append(compareOneTime(cmp), compareBudget(cmp)...) {
		w.WriteString(safe(l) + "\n")
	}
	for i := range cmp.Options {
		o := &cmp.Options[i]
		if len(o.Blocked) == 0 {
			continue
		}
		w.WriteString("\n" + blockedOn(o.Plan) + ":\n")
		for _, b := range o.Blocked {
			w.WriteString("  - " + safe(b) + "\n")
		}
	}
}

// quoted puts a video's name in quotes, on one line.
func quoted(s string) string { return "\u201c" + safe(s) + "\u201d" }
