package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creditplan/pricing/report"
)

// e exports what the screen shows, in a file named for it: Month the quote,
// Plans the comparison with its right-sizing, Year the year; each the
// report's own Markdown of what the screen shows.
func TestExportWhatTheScreenShows(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	dir := filepath.Dir(path)
	for _, c := range []struct {
		keys []string
		file string
		want func() []byte
	}{
		{[]string{"2"}, "month.quote.md", func() []byte {
			var b bytes.Buffer
			report.WriteQuoteCures(&b, m.quote, m.cure, report.Markdown)
			return b.Bytes()
		}},
		{[]string{"3"}, "month.plans.md", func() []byte {
			var b bytes.Buffer
			report.WriteComparison(&b, m.cmp, m.rs, report.Markdown)
			return b.Bytes()
		}},
		{[]string{"4", "b"}, "month.year.md", func() []byte {
			var b bytes.Buffer
			report.WriteYearBlocked(&b, m.year.res, m.quote.Blocked, report.Markdown)
			return b.Bytes()
		}},
	} {
		pressSettle(m, c.keys...)
		run(m, press(m, "e"))
		got, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatalf("%v: %v (status %q)", c.keys, err, m.status)
		}
		if want := c.want(); !bytes.Equal(got, want) {
			t.Fatalf("%v: %s is not what the screen shows:\n%s\nwant:\n%s", c.keys, c.file, got, want)
		}
		if !strings.Contains(m.status, c.file) {
			t.Fatalf("%v: the status does not say where it went: %q", c.keys, m.status)
		}
	}
	// The year as shown: annual after b, as the screen says.
	if y, _ := os.ReadFile(filepath.Join(dir, "month.year.md")); !strings.Contains(string(y), "annual") {
		t.Fatalf("the year export is not the year shown:\n%s", y)
	}
	// The comparison carries the right-sizing the Plans screen shows.
	if p, _ := os.ReadFile(filepath.Join(dir, "month.plans.md")); !strings.Contains(string(p), "Cheapest") {
		t.Fatalf("the plans export lacks the cheapest way to make the month:\n%s", p)
	}
	// Exporting again replaces the planner's own export without asking; a
	// file someone else wrote is asked about.
	pressSettle(m, "3")
	run(m, press(m, "e"))
	if m.prompt != nil {
		t.Fatalf("e asked before replacing its own export: %s", holder(m))
	}
	os.WriteFile(filepath.Join(dir, "month.year.md"), []byte("mine\n"), 0o644)
	pressSettle(m, "4")
	run(m, press(m, "e"))
	if !m.promptIs(promptQuestion) || !strings.Contains(m.prompt.question, "month.year.md") {
		t.Fatalf("e replaced a file it did not write without asking: %s", holder(m))
	}
}

// On the Scenarios screen e exports the plans compared and the scenarios
// side by side, as `creditplan compare` writes them in Markdown.
func TestExportScenarios(t *testing.T) {
	m, path, _ := openFile(t, "sales-demo.toml")
	pressSettle(m, "5")
	run(m, press(m, "e"))
	got, err := os.ReadFile(filepath.Join(filepath.Dir(path), "month.scenarios.md"))
	if err != nil {
		t.Fatalf("%v (status %q)", err, m.status)
	}
	var want bytes.Buffer
	report.WriteComparisonScenarios(&want, m.card.Compare(m.project), m.rs, m.card.SideBySide(m.project), report.Markdown)
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("the scenarios export is not compare's:\n%s\nwant:\n%s", got, want.Bytes())
	}
	if !strings.Contains(string(got), "Pro annual") {
		t.Fatalf("the export lacks the example's scenarios:\n%s", got)
	}
	// A project without scenarios has nothing to export there, and says so.
	m2, _, _ := openFile(t, "creator-month.toml")
	pressSettle(m2, "5")
	run(m2, press(m2, "e"))
	if !m2.statusErr || !strings.Contains(m2.status, "no scenarios") {
		t.Fatalf("e on an empty Scenarios screen: %q", m2.status)
	}
}
