package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"

	"creditplan/pricing"
)

// TestPresentEndToEnd drives the real binary in a pseudo-terminal: it opens a
// customer's project with --present, switches the billing, looks at every
// screen and quits. No path appears on any screen, the billing switch is
// shown (the month is priced annually) but the project is never marked
// unsaved, q quits without asking to save, and the file is unchanged. Every
// cell drawn, on a dark and on a light terminal, reads at 7:1 or more and
// none is faint.
func TestPresentEndToEnd(t *testing.T) {
	for _, light := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "private-folder")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join("examples", "sales-demo.toml"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "acme-call.toml")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		overlay, err := os.ReadFile(filepath.Join("examples", "acme-pricing.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "acme-pricing.toml"), overlay, 0o644); err != nil {
			t.Fatal(err)
		}
		card, err := pricing.ParseRateCard("plans.toml", plansTOMLForTest(t))
		if err != nil {
			t.Fatal(err)
		}
		pr, err := pricing.ParseProject(path, src, card)
		if err != nil || pr.Customer == nil || pr.Customer.Notes == "" {
			t.Fatalf("the example has no customer notes to hide (%v)", err)
		}
		forbidden := []string{dir, "private-folder", "acme-call.toml", ".toml", pr.Customer.Notes, "Renewal in March", "Notes"}
		tm := startSession(t, session{cols: 100, rows: 30, light: light, env: []string{"CREDITPLAN_TODAY=2026-12-03"}}, "--present", path)
		tm.waitFor("presenting")
		tm.waitFor("Plan Creator (p)  Billing monthly (b)")
		tm.waitFor("Dana Reyes, Acme Corp · custom pricing")
		tm.waitFor("prepared 2026-12-03, valid until 2027-01-02 ─")
		var seen []string
		look := func(what string) {
			t.Helper()
			rows := tm.settled()
			s := screenText(rows)
			seen = append(seen, s)
			for _, f := range forbidden {
				if strings.Contains(s, f) {
					t.Fatalf("%s: the screen shows %q:\n%s", what, f, s)
				}
			}
			if strings.Contains(strings.Split(s, "\n")[0], "*") {
				t.Fatalf("%s: the header marks the project unsaved:\n%s", what, s)
			}
			fg, bg := darkForeground, darkBackground
			if light {
				fg, bg = lightForeground, lightBackground
			}
			for y, row := range rows {
				for x, c := range row {
					if strings.TrimSpace(c.Content) == "" {
						continue
					}
					if c.Style.Attrs&uv.AttrFaint != 0 {
						t.Fatalf("%s: %q at %d,%d is faint", what, c.Content, x, y)
					}
					cf, cb := textColours(c, fg, bg)
					if r := contrast(cf, cb); r < 7 {
						t.Fatalf("%s: %q at %d,%d is %s on %s, contrast %.2f:1 (light %v):\n%s", what, c.Content, x, y, hex(cf), hex(cb), r, light, s)
					}
				}
			}
		}
		look("opening")
		tm.press("b")
		tm.waitFor("Billing annual (b)")
		look("after b")
		for _, step := range []struct{ key, shows string }{
			{"3", "Cheapest way to make this month:"},
			{"4", "Year on Creator, annual"},
			{"2", "Product walkthrough"},
		} {
			tm.press(step.key)
			tm.waitFor(step.shows)
			look("screen " + step.key)
		}
		tm.press("q")
		select {
		case <-tm.done:
		case <-time.After(5 * time.Second):
			t.Fatalf("q did not quit after a billing switch while presenting:\n%s", tm.screen())
		}
		for _, s := range seen {
			if strings.Contains(s, "Quit without saving") || strings.Contains(s, "Unsaved") {
				t.Fatalf("the planner asked to save:\n%s", s)
			}
		}
		if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, src) {
			t.Fatalf("the project file changed (%v)", err)
		}
	}
}

// `creditplan --present` with no project opens a new month presented: the
// badge shows, the header says "new month", and q quits without asking.
func TestPresentNewMonthEndToEnd(t *testing.T) {
	tm := startSession(t, session{cols: 80, rows: 24, dir: t.TempDir()}, "--present")
	s := tm.waitFor("presenting")
	if !strings.Contains(strings.Split(s, "\n")[0], "new month") {
		t.Fatalf("the header does not name the new month:\n%s", s)
	}
	tm.press("tab", "b") // the Video screen's Name row would take b as typing
	tm.waitFor("annual")
	tm.quit()
}
