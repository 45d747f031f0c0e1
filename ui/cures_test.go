package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// cureSaid is one cure as a screen or the quote names it: the action ("top
// up", "upgrade to", "switch to"), the plan ("" for a top-up on the month's
// own plan), the month's cost that way and the billing it is priced under.
type cureSaid struct{ action, plan, total, billing string }

var (
	// quoteCure is a cure line of `creditplan quote` (report.CureText).
	quoteCure = regexp.MustCompile(`^  (Top up|Upgrade to|Switch to) (.+): (\$[\d,.]+) this month on (\w+) billing( \(recommended\))?$`)
	// screenCure is one cure of Month's "Fix" or Plans' recommendation (report.CureFixes).
	screenCure = regexp.MustCompile(`^(top up|upgrade to|switch to) (.+) \((\$[\d,.]+) this month, (\w+) billing\)$`)
)

func said(action, subject, total, billing string) cureSaid {
	action = strings.ToLower(action)
	plan, _, _ := strings.Cut(subject, " with ")
	if action == "top up" {
		plan = ""
	}
	return cureSaid{action, plan, total, billing}
}

// quoteCures reads the cures `creditplan quote` prints, the recommended one
// first; none says whether it prints that no plan can make the month.
func quoteCures(t *testing.T, text string) (cures []cureSaid, recommended int, none bool) {
	t.Helper()
	recommended = -1
	for _, l := range strings.Split(text, "\n") {
		if l == "  "+report.NoPlanCanMake {
			none = true
		}
		if g := quoteCure.FindStringSubmatch(l); g != nil {
			if g[5] != "" {
				recommended = len(cures)
			}
			cures = append(cures, said(g[1], g[2], g[3], g[4]))
		}
	}
	return cures, recommended, none
}

func screenCureOf(t *testing.T, s string) cureSaid {
	t.Helper()
	g := screenCure.FindStringSubmatch(s)
	if g == nil {
		t.Fatalf("not a cure: %q", s)
	}
	return said(g[1], g[2], g[3], g[4])
}

// cureMonths are the months the quote and the screens must agree on: every
// example, a 4K video on Creator, a 45-minute video on Creator (30m at most),
// a month short on Creator that a top-up cures, and one short on Business
// that the cheaper Pro makes.
func cureMonths(t *testing.T) map[string]struct {
	card *pricing.RateCard
	p    *pricing.Project
} {
	t.Helper()
	out := map[string]struct {
		card *pricing.RateCard
		p    *pricing.Project
	}{}
	for _, ex := range []struct{ name, card, project string }{
		{"creator-month", "../plans.toml", "../examples/creator-month.toml"},
		{"agency-month", "../plans.toml", "../examples/agency-month.toml"},
		{"sales-demo", "../plans.toml", "../examples/sales-demo.toml"},
		{"seasonal-creator", "../plans.toml", "../examples/seasonal-creator.toml"},
		{"heygen-2026", "../examples/heygen-2026-credits.toml", "../examples/heygen-2026/month.toml"},
		{"fluxnote", "../examples/fluxnote-flat.toml", "../examples/fluxnote/month.toml"},
	} {
		src, err := os.ReadFile(ex.card)
		if err != nil {
			t.Fatal(err)
		}
		card, err := pricing.ParseRateCard(filepath.Base(ex.card), src)
		if err != nil {
			t.Fatal(err)
		}
		if src, err = os.ReadFile(ex.project); err != nil {
			t.Fatal(err)
		}
		p, err := pricing.ParseProject(filepath.Base(ex.project), src, card)
		if err != nil {
			t.Fatal(err)
		}
		out[ex.name] = struct {
			card *pricing.RateCard
			p    *pricing.Project
		}{card, p}
	}
	card := loadCard(t)
	video := func(name string, seconds int, picks map[pricing.Slot]string) pricing.Video {
		v := card.NewVideo(name)
		v.Seconds = seconds
		for s, id := range picks {
			v.Picks[s] = id
		}
		return v
	}
	explainer := video("Explainer", 20*60, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv"})
	add := func(name, plan string, videos ...pricing.Video) {
		out[name] = struct {
			card *pricing.RateCard
			p    *pricing.Project
		}{card, &pricing.Project{Plan: plan, Seats: 1, Videos: videos}}
	}
	add("4K on Creator", "creator", video("Promo", 150, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv", pricing.SlotResolution: "4k"}), explainer)
	add("45 minutes on Creator", "creator", video("Webinar", 45*60, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv"}))
	add("short on Creator", "creator", explainer)
	add("short on Business", "business", explainer, explainer, explainer)
	return out
}

// TestQuoteMonthAndPlansNameTheSameCures: `creditplan quote` (its run is
// card.Quote and card.CuresQuote into report.WriteQuoteCures), the Month screen's
// "Fix" and the Plans screen's recommendation name the same recommended cure
// (plan, billing, cost) and the same cures in the same order, for every
// example and for months blocked, short, or both.
func TestQuoteMonthAndPlansNameTheSameCures(t *testing.T) {
	const w, h = 200, 60 // nothing is cut
	for name, month := range cureMonths(t) {
		t.Run(name, func(t *testing.T) {
			card, p := month.card, month.p
			q, err := card.Quote(p)
			if err != nil {
				t.Fatal(err)
			}
			cu, err := card.CuresQuote(q, p)
			if err != nil {
				t.Fatal(err)
			}
			quote := cliText(t, func(b *bytes.Buffer) error { return report.WriteQuoteCures(b, q, cu, report.Text) })
			cures, rec, none := quoteCures(t, quote)

			// A one-video month opens on the Video screen, where "2" would
			// be typed into its name: the screens are shown directly.
			m := New(Options{Card: card, Project: p.Clone()})
			show := func(s Screen) string {
				m.setScreen(s)
				_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				settle(m, cmd)
				return screen(m)
			}
			monthScreen := show(ScreenMonth)
			plans := show(ScreenPlans)

			fixAt := strings.Index(monthScreen, "Fix: ")
			switch {
			case !cu.Needed:
				if len(cures) > 0 || none || fixAt >= 0 || strings.Contains(plans, "Recommended (cheapest): ") {
					t.Fatalf("a month that needs no cure is offered one:\n%s\n%s\n%s", quote, monthScreen, plans)
				}
				return
			case len(cures) == 0:
				if !none || fixAt >= 0 || !strings.Contains(monthScreen, report.NoPlanCanMake) || !strings.Contains(plans, report.NoPlanCanMake) {
					t.Fatalf("no cure, yet not said so everywhere:\n%s\n%s\n%s", quote, monthScreen, plans)
				}
				return
			}
			if rec != 0 {
				t.Fatalf("the quote's recommended cure is #%d, not the first:\n%s", rec, quote)
			}
			if cu.PlanBlocked {
				for _, c := range cures {
					if c.action == "top up" {
						t.Errorf("the quote offers a top-up to a blocked month:\n%s", quote)
					}
				}
			}

			// Month: "Fix: A or B (+N more); or see ...", the quote's first cures in its order.
			if fixAt < 0 {
				t.Fatalf("the Month screen has no Fix line:\n%s", monthScreen)
			}
			fix := monthScreen[fixAt+len("Fix: "):]
			fix, _, _ = strings.Cut(fix, "\n")
			fix, _, _ = strings.Cut(fix, "; or see Cheaper options")
			var more int
			if i := strings.LastIndex(fix, " (+"); i >= 0 && strings.HasSuffix(fix, " more)") {
				for _, r := range fix[i+3 : len(fix)-len(" more)")] {
					more = more*10 + int(r-'0')
				}
				fix = fix[:i]
			}
			items := strings.Split(fix, " or ")
			if len(items)+more != len(cures) {
				t.Errorf("Month names %d cures (+%d more), the quote %d:\n%s\n%s", len(items), more, len(cures), fix, quote)
			}
			for i, it := range items {
				if got := screenCureOf(t, it); i >= len(cures) || got != cures[i] {
					t.Errorf("Month's cure %d is %+v; the quote's %+v", i+1, got, cures)
				}
			}

			// Plans: the recommendation line and the ✓ row.
			line := lineWith(t, plans, "Recommended (cheapest): ")
			line = strings.TrimPrefix(strings.TrimPrefix(line, "✓ "), "Recommended (cheapest): ")
			line = strings.TrimSuffix(line, ".")
			if got := screenCureOf(t, line); got != cures[0] {
				t.Errorf("Plans recommends %+v; the quote %+v", got, cures[0])
			}
			wantPlan := cu.Plan.Name
			if cures[0].plan != "" {
				wantPlan = cures[0].plan
			}
			var marked []string
			for _, l := range strings.Split(plans, "\n") {
				if name, _, ok := strings.Cut(strings.TrimLeft(l, " ›"), " ✓"); ok && !strings.Contains(name, "recommended") {
					marked = append(marked, strings.TrimSuffix(name, " •"))
				}
			}
			if len(marked) != 1 || marked[0] != wantPlan {
				t.Errorf("Plans marks %q recommended; the quote recommends %s:\n%s", marked, wantPlan, plans)
			}
		})
	}
}
