package ui

import (
	"bytes"
	"strings"
	"testing"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// The planner and `creditplan quote`, `fit` and `year` (their text reports)
// are driven to the same month, and every sentence the CLI prints about it
// that the planner shows too must read the same on screen: the fit verdict
// and value kept, the upfront message, where credits run out, the rollover,
// the year's summary and the blocked reasons. The sentences are taken from
// the reports' output, not from the functions that write them.
func TestPlannerAndCLISaySameSentences(t *testing.T) {
	card := loadCard(t)
	const w, h = 200, 60 // wide and tall: no sentence is wrapped or cut

	t.Run("month_and_fit", func(t *testing.T) {
		p := fullMonth(card)
		m := newModel(t, p.Clone(), w, h)
		pressSettle(m, "2")
		month := screen(m)
		q, _ := card.Quote(p)
		quote := cliText(t, func(b *bytes.Buffer) error { return report.WriteQuote(b, q, report.Text) })
		mustContain(t, month, "Month: "+lineWith(t, quote, "This will use"))
		mustContain(t, month, lineWith(t, quote, "Credits run out at video"))

		pressSettle(m, "f")
		r, err := card.FitProject(p)
		if err != nil {
			t.Fatal(err)
		}
		fit := cliText(t, func(b *bytes.Buffer) error { return report.WriteFit(b, r, report.Text) })
		kept := lineWith(t, fit, "Premium value kept:")
		mustContain(t, screen(m), kept)
		mustContain(t, screen(m), lineAfter(t, fit, kept))
	})

	t.Run("one_change_brings", func(t *testing.T) {
		// The verdict once read "1 change bring" in the planner.
		p, r := oneChangeMonth(t, card)
		m := newModel(t, p.Clone(), w, h)
		pressSettle(m, "2", "f")
		fit := cliText(t, func(b *bytes.Buffer) error { return report.WriteFit(b, r, report.Text) })
		verdict := lineAfter(t, fit, lineWith(t, fit, "Premium value kept:"))
		if !strings.HasPrefix(verdict, "1 change brings ") {
			t.Fatalf("the CLI's verdict: %q", verdict)
		}
		mustContain(t, screen(m), verdict)
	})

	t.Run("blocked", func(t *testing.T) {
		launch := card.NewVideo("Launch")
		launch.Picks[pricing.SlotResolution] = "4k"
		webinar := card.NewVideo("Webinar")
		webinar.Seconds = 45 * 60
		p := &pricing.Project{Plan: "creator", Seats: 1, Videos: []pricing.Video{launch, webinar}}
		q, _ := card.Quote(p)
		quote := cliText(t, func(b *bytes.Buffer) error { return report.WriteQuote(b, q, report.Text) })
		reasons := linesAfter(t, quote, "Blocked on Creator:", "  - ")
		if len(reasons) < 2 {
			t.Fatalf("the CLI names %d reasons:\n%s", len(reasons), quote)
		}
		m := newModel(t, p.Clone(), w, h)
		pressSettle(m, "2")
		mustContain(t, screen(m), "Creator cannot make this month: "+reasons[0])
		pressSettle(m, "3")
		for _, b := range reasons {
			mustContain(t, screen(m), "✗ "+b)
		}

		r, _ := card.FitProject(p)
		fit := cliText(t, func(b *bytes.Buffer) error { return report.WriteFit(b, r, report.Text) })
		pressSettle(m, "f")
		s := screen(m)
		mustContain(t, s, lineAfter(t, fit, lineWith(t, fit, "Premium value kept:")))
		head := lineWith(t, fit, "Still blocked on")
		mustContain(t, s, head)
		for _, b := range linesAfter(t, fit, head, "  ") {
			mustContain(t, s, b)
		}
	})

	t.Run("year", func(t *testing.T) {
		p := fullMonth(card)
		m := newModel(t, p.Clone(), w, h)
		pressSettle(m, "4")
		s := screen(m)
		y, err := card.YearProject(p)
		if err != nil {
			t.Fatal(err)
		}
		year := cliText(t, func(b *bytes.Buffer) error { return report.WriteYear(b, y, report.Text) })
		mustContain(t, s, lineWith(t, year, "unused credits")) // the rollover
		// The summary under the table: the planner puts waste and months
		// short on one line, every other sentence on its own.
		wasted := lineWith(t, year, "Credits wasted")
		mustContain(t, s, wasted+" · "+lineAfter(t, year, wasted))
		for _, l := range linesAfter(t, year, lineAfter(t, year, wasted), "") {
			mustContain(t, s, l)
		}
	})
}

// oneChangeMonth is the full month with a balance that one change brings it within.
func oneChangeMonth(tb testing.TB, card *pricing.RateCard) (*pricing.Project, *pricing.FitResult) {
	tb.Helper()
	p := fullMonth(card)
	q, _ := card.Quote(p)
	for b := q.Premium - pricing.WholeCredits(1); b > 0; b -= pricing.WholeCredits(1) {
		p.HasBalance, p.Balance = true, b
		r, err := card.FitProject(p)
		if err != nil {
			tb.Fatal(err)
		}
		if r.Fits && !r.FitsBefore && len(r.Changes) == 1 {
			return p, r
		}
	}
	tb.Fatal("no balance is fitted by exactly one change")
	return nil, nil
}

// cliText is what a report writes, as the CLI prints it.
func cliText(tb testing.TB, write func(*bytes.Buffer) error) string {
	tb.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// lineWith is the first line of text holding sub, trimmed.
func lineWith(tb testing.TB, text, sub string) string {
	tb.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, sub) {
			return strings.TrimSpace(l)
		}
	}
	tb.Fatalf("the CLI prints no line with %q:\n%s", sub, text)
	return ""
}

// lineAfter is the line of text after the one that reads line (trimmed).
func lineAfter(tb testing.TB, text, line string) string {
	tb.Helper()
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		if strings.TrimSpace(l) == line && i+1 < len(ls) {
			return strings.TrimSpace(ls[i+1])
		}
	}
	tb.Fatalf("the CLI prints nothing after %q:\n%s", line, text)
	return ""
}

// linesAfter is the run of lines starting with prefix after the one that
// reads line, without the prefix, trimmed; it ends at a line without it or a
// blank one.
func linesAfter(tb testing.TB, text, line, prefix string) []string {
	tb.Helper()
	ls := strings.Split(text, "\n")
	for i, l := range ls {
		if strings.TrimSpace(l) != line {
			continue
		}
		var out []string
		for _, n := range ls[i+1:] {
			if strings.TrimSpace(n) == "" || !strings.HasPrefix(n, prefix) {
				break
			}
			out = append(out, strings.TrimSpace(strings.TrimPrefix(n, prefix)))
		}
		return out
	}
	tb.Fatalf("the CLI prints no line %q:\n%s", line, text)
	return nil
}
