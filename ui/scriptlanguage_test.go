package ui

import (
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// paceCard is the default card with paces for Spanish and Portuguese (the
// test's own numbers: plans.toml gives none).
func paceCard(t testing.TB) *pricing.RateCard {
	t.Helper()
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\n[card.words_per_minute_by_language]\nes = 140\npt = 145\n"...)
	c, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newPaceModel(t testing.TB, c *pricing.RateCard, w, h int) *Model {
	t.Helper()
	m := New(Options{Card: c, Project: scriptMonth(c)})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// The Script lang. row shows only on a card with paces by language; ←/→
// picks one, the length follows at its pace and the Length row says whose
// pace it is; undo puts the card's pace back.
func TestScriptLanguageRow(t *testing.T) {
	if rows := formRows(loadCard(t)); rows[len(rows)-1] == fieldScriptLanguage {
		t.Fatal("plans.toml gives no pace by language, yet the form has a Script lang. row")
	}
	c := paceCard(t)
	m := newPaceModel(t, c, 120, 40)
	focusField(m, 0, fieldScriptLanguage)
	if got := m.fieldAt(m.video.focus); got != fieldScriptLanguage {
		t.Fatalf("focus on %s", fieldLabels[got])
	}
	mustContain(t, screen(m), "‹ not said ›")
	press(m, "right")
	v := &m.Project().Videos[0]
	// 420 words at Spanish's 140 wpm: 25,200 / 140 = 180 s.
	if v.ScriptLanguage != "es" || v.Seconds != 180 {
		t.Fatalf("→: language %q, %d s; want es at 180 s", v.ScriptLanguage, v.Seconds)
	}
	mustContain(t, screen(m), "420 words ≈ 3m at 140 wpm for es")
	if !m.Dirty() {
		t.Error("a new script language leaves the month saved")
	}
	press(m, "right") // pt: 25,200 / 145 = 173.8, so 174 s
	if v.ScriptLanguage != "pt" || v.Seconds != 174 {
		t.Fatalf("→→: language %q, %d s; want pt at 174 s", v.ScriptLanguage, v.Seconds)
	}
	press(m, "right") // round to "not said": the card's 150
	if v.ScriptLanguage != "" || v.Seconds != 168 {
		t.Fatalf("→→→: language %q, %d s; want none at 168 s", v.ScriptLanguage, v.Seconds)
	}
	press(m, "u")
	if v = &m.Project().Videos[0]; v.ScriptLanguage != "pt" || v.Seconds != 174 {
		t.Fatalf("undo: language %q, %d s; want pt at 174 s", v.ScriptLanguage, v.Seconds)
	}
	// The teaser's length is typed: no script to be in a language.
	focusField(m, 1, fieldScriptLanguage)
	press(m, "right")
	if got := m.Project().Videos[1].ScriptLanguage; got != "" {
		t.Fatalf("a typed length took script language %q", got)
	}
	mustContain(t, screen(m), "give Script words first")
}

// TestScriptLanguageScreens pins the Video screen with the row, at the
// smallest common terminal and a wide one.
func TestScriptLanguageScreens(t *testing.T) {
	c := paceCard(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(itoa(int64(sz[0]))+"x"+itoa(int64(sz[1])), func(t *testing.T) {
			m := newPaceModel(t, c, sz[0], sz[1])
			focusField(m, 0, fieldScriptLanguage)
			press(m, "right")
			golden.RequireEqual(t, screen(m))
		})
	}
}
