package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// TestScreens pins what the user sees (colours stripped) at 80x24 and 120x40 on
// every screen, for a new month and a realistic one, plus help, the quit question
// and a terminal that is too small. Regenerate with go test ./ui -update and read
// every file: each one is a screen a user will meet.
func TestScreens(t *testing.T) {
	card := loadCard(t)
	months := []struct {
		name string
		make func() *pricing.Project
	}{
		{"empty", func() *pricing.Project { return nil }},
		{"full", func() *pricing.Project { return fullMonth(card) }},
	}
	sizes := [][2]int{{80, 24}, {120, 40}}
	for _, mo := range months {
		for _, sz := range sizes {
			for _, sc := range []struct {
				name string
				keys []string
			}{
				{"video", []string{"1", "down", "down", "down"}},
				{"month", []string{"2"}},
				{"plans", []string{"3"}},
			} {
				name := sc.name + "_" + mo.name + "_" + itoa(int64(sz[0])) + "x" + itoa(int64(sz[1]))
				t.Run(name, func(t *testing.T) {
					m := newModel(t, mo.make(), sz[0], sz[1])
					press(m, sc.keys...)
					golden.RequireEqual(t, screen(m))
				})
			}
		}
	}
	t.Run("help_80x24", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 80, 24)
		press(m, "?")
		golden.RequireEqual(t, screen(m))
	})
	t.Run("quit_confirm_80x24", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 80, 24)
		press(m, "a", "q")
		golden.RequireEqual(t, screen(m))
	})
	t.Run("too_small_50x12", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 50, 12)
		golden.RequireEqual(t, screen(m))
	})
}
