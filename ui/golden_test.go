package ui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// lightBackground is the terminal's answer on a white background.
var lightBackground = tea.BackgroundColorMsg{Color: color.White}

// TestScreensInColour pins the month on both backgrounds with its colours,
// so a palette change shows as a golden change.
func TestScreensInColour(t *testing.T) {
	for _, bg := range []struct {
		name string
		msg  tea.Msg
	}{{"dark", tea.BackgroundColorMsg{Color: color.Black}}, {"light", lightBackground}} {
		t.Run(bg.name, func(t *testing.T) {
			m := newModel(t, fullMonth(loadCard(t)), 80, 24)
			m.Update(bg.msg)
			pressSettle(m, "2")
			golden.RequireEqual(t, m.View().Content)
		})
	}
}

// TestScreens pins what the user sees (colours stripped) from 60x16 to 200x60 on
// every screen, for a new month and a realistic one, plus the fit proposal, a
// year with volume per month, help, the quit question and a terminal that is
// too small. Keys are pressed as a person would, with the pricing each starts
// (right-sizing, fitting) finished before the next. Regenerate with go test ./ui -update and read
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
	sizes := [][2]int{{60, 16}, {80, 24}, {100, 30}, {120, 40}, {200, 60}}
	for _, mo := range months {
		for _, sz := range sizes {
			for _, sc := range []struct {
				name string
				keys []string
			}{
				{"video", []string{"1", "down", "down", "down"}},
				{"month", []string{"2"}},
				{"plans", []string{"3"}},
				{"year", []string{"4"}},
				{"fit", []string{"2", "f"}},
			} {
				name := sc.name + "_" + mo.name + "_" + itoa(int64(sz[0])) + "x" + itoa(int64(sz[1]))
				t.Run(name, func(t *testing.T) {
					m := newModel(t, mo.make(), sz[0], sz[1])
					if m.screen == ScreenVideo {
						// Start from Month, as the full month does: on the Video
						// screen's Name row the digits below would type.
						pressSettle(m, "tab")
					}
					pressSettle(m, sc.keys...)
					dark := screen(m)
					golden.RequireEqual(t, dark)
					// On a light background the screen says the same in other colours.
					m.Update(lightBackground)
					if light := screen(m); light != dark {
						t.Errorf("the light screen differs from the dark one:\n%s", light)
					}
				})
			}
		}
	}
	for _, sz := range sizes {
		// Ten videos one month, two the next: the seed's creator, on a plan whose
		// credits expire, billed annually; month 2 selected after the edits.
		t.Run("year_volume_"+itoa(int64(sz[0]))+"x"+itoa(int64(sz[1])), func(t *testing.T) {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			pressSettle(m, "p", "4", "b", "down")
			for range 8 {
				pressSettle(m, "left")
			}
			pressSettle(m, "down", "down", "right", "right", "right", "right", "right", "up", "up")
			golden.RequireEqual(t, screen(m))
		})
		t.Run("plans_after_fit_"+itoa(int64(sz[0]))+"x"+itoa(int64(sz[1])), func(t *testing.T) {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			pressSettle(m, "f", "enter", "3")
			golden.RequireEqual(t, screen(m))
		})
	}
	t.Run("help_80x24", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 80, 24)
		press(m, "?")
		golden.RequireEqual(t, screen(m))
	})
	t.Run("help_video_80x24", func(t *testing.T) {
		m := newModel(t, fullMonth(card), 80, 24)
		press(m, "1", "?")
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
