package ui

import (
	"strings"
	"testing"

	"creditplan/pricing"
)

// Cycling a choice says what the option now picked costs.
func TestCyclingSaysWhatTheOptionCosts(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	press(m, "alt+a", "right")
	mustContain(t, m.status, "Avatar: Avatar IV · Premium, 20 credits a minute")
	mustContain(t, screen(m), "‹ Avatar IV ›")
	mustContain(t, screen(m), "› Avatar")
	mustContain(t, screen(m), "Premium, 20 credits a minute, billed in 3s steps\n")
	press(m, "left")
	mustContain(t, m.status, "Avatar: Avatar III · included")
}

// The empty draft says what premium costs and where the examples are.
func TestTheEmptyDraftSaysWhatPremiumCosts(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	mustContain(t, screen(m), "→ on Avatar: Avatar IV is Premium, 20 credits a minute")
	mustContain(t, screen(m), "creditplan quote examples/creator-month.toml")
	press(m, "alt+a", "right")
	mustNotContain(t, screen(m), "→ on Avatar")
}

// alt and a field's initial go to the next row with that initial, from any
// row and out of a field being edited (keeping what was typed).
func TestAltInitialJumpsToTheField(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	for _, want := range []field{fieldLength, fieldLook, fieldLanguages, fieldLength} {
		press(m, "alt+l")
		if got := m.fieldAt(m.video.focus); got != want {
			t.Fatalf("alt+l went to %s, want %s", fieldLabels[got], fieldLabels[want])
		}
	}
	typeText(m, "3")
	press(m, "alt+r")
	if m.video.editing || m.fieldAt(m.video.focus) != fieldResolution {
		t.Fatalf("alt+r from an edited length: editing %v, on %s", m.video.editing, fieldLabels[m.fieldAt(m.video.focus)])
	}
	if s := m.project.Videos[0].Seconds; s != 180 {
		t.Fatalf("the length typed before alt+r is %ds, want 180", s)
	}
}

// a, d and x add, duplicate and delete on the Video screen as on Month.
func TestTheVideoScreenAddsDuplicatesAndDeletes(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	press(m, "alt+t", "a")
	if n := len(m.project.Videos); n != 2 || m.sel != 1 || m.screen != ScreenVideo {
		t.Fatalf("after a: %d videos, video %d selected, screen %v", n, m.sel+1, m.screen)
	}
	press(m, "alt+t", "d")
	if n := len(m.project.Videos); n != 3 || m.sel != 2 || m.project.Videos[2].Name != "Video 2 (copy)" {
		t.Fatalf("after d: %d videos, video %d selected", n, m.sel+1)
	}
	press(m, "x")
	if n := len(m.project.Videos); n != 2 {
		t.Fatalf("after x: %d videos", n)
	}
	requirePriced(t, m)
	press(m, "u")
	if n := len(m.project.Videos); n != 3 {
		t.Fatalf("undo after x: %d videos", n)
	}
	requirePriced(t, m)
}

// P goes back a plan, as p goes forward.
func TestShiftPGoesBackAPlan(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	start := m.project.Plan
	press(m, "p")
	if m.project.Plan == start {
		t.Fatal("p kept the plan")
	}
	press(m, "P")
	if m.project.Plan != start {
		t.Fatalf("P went to %s, want %s", m.project.Plan, start)
	}
	m.project.Plan = m.card.Plans[0].ID
	m.reprice()
	press(m, "P")
	if last := m.card.Plans[len(m.card.Plans)-1].ID; m.project.Plan != last {
		t.Fatalf("P from the first plan went to %s, want the last, %s", m.project.Plan, last)
	}
	requirePriced(t, m)
}

// A length shows how it reads while it is typed: 90 is an hour and a half.
func TestALengthShowsItsReadingWhileTyped(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	press(m, "alt+l")
	typeText(m, "90")
	mustContain(t, screen(m), "reads 1h30m")
	typeText(m, "s")
	mustContain(t, screen(m), "reads 1m30s")
}

// The Video screen flags a length or a resolution over the plan's limit, as Month does.
func TestTheVideoScreenFlagsWhatThePlanCannotMake(t *testing.T) {
	m := newModel(t, nil, 120, 40)
	plan := m.quote.Plan
	if plan.MaxSeconds == 0 {
		t.Skip("the start plan has no length limit")
	}
	press(m, "alt+l")
	typeText(m, pricing.FormatLength(plan.MaxSeconds+60))
	press(m, "enter")
	mustContain(t, screen(m), "✗ longer than "+plan.Name+"'s "+pricing.FormatLength(plan.MaxSeconds)+" maximum")
	mustContain(t, screen(m), "✗ Length "+pricing.FormatLength(plan.MaxSeconds+60)+": longer than")
	press(m, "alt+r", "right")
	if plan.MaxHeight > 0 && plan.MaxHeight < 2160 {
		mustContain(t, screen(m), "✗ "+plan.Name+" renders at most")
	}
}

// Seats, watermark_ok and allow_fewer_rerenders are edited on Month, undoably,
// and the extra seats' cost is shown.
func TestMonthEditsSeatsWatermarkAndRerenders(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	press(m, "2")
	mustContain(t, screen(m), "Seats 1 (s/S)")
	press(m, "s", "s", "w", "r")
	p := m.project
	if p.Seats != 3 || !p.WatermarkOK || !p.AllowFewerRerenders {
		t.Fatalf("seats %d, watermark_ok %v, allow_fewer_rerenders %v", p.Seats, p.WatermarkOK, p.AllowFewerRerenders)
	}
	requirePriced(t, m)
	mustContain(t, screen(m), "Watermark OK (w)")
	mustContain(t, screen(m), "Fit may cut re-renders yes (r)")
	for m.quote.Plan.ID != "business" {
		press(m, "p")
	}
	mustContain(t, screen(m), "Seats 3 (s/S): 2 extra × $20.00 = $40.00/mo")
	requirePriced(t, m)
	press(m, "S", "S", "S")
	if p.Seats != 1 {
		t.Fatalf("S took seats to %d, want 1 (never below)", p.Seats)
	}
	for range 3 {
		press(m, "u")
	}
	press(m, "u", "u", "u")
	if p := m.project; p.AllowFewerRerenders || p.WatermarkOK {
		t.Fatalf("undo left watermark_ok %v, allow_fewer_rerenders %v", p.WatermarkOK, p.AllowFewerRerenders)
	}
}

func mustNotContain(tb testing.TB, s, sub string) {
	tb.Helper()
	if strings.Contains(s, sub) {
		tb.Fatalf("screen still shows %q:\n%s", sub, s)
	}
}
