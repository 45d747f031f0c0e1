package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeyAndResizeStorm throws thousands of random keys, clicks and window sizes
// (0 to 300, 1x1 included) at the planner. The pricing commands keys start (fit,
// right-sizing) are run at random moments, late or never, so answers land stale.
// Nothing may panic, every frame must be drawable, and afterwards the totals on
// screen must be pricing's totals for the project the model holds, and the Year
// screen pricing's year.
func TestKeyAndResizeStorm(t *testing.T) {
	keys := []string{
		"up", "down", "left", "right", "enter", "esc", "tab", "shift+tab", "backspace", "delete",
		"pgup", "pgdown", "home", "end", "shift+up", "shift+down", "ctrl+z",
		"1", "2", "3", "4", "0", "9", "a", "d", "x", "u", "p", "b", "B", "c", "e", "?", "[", "]",
		"J", "K", "j", "k", "n", "y", "q", "s", ",", " ", "é", "m",
		"f", "f", "h", "l", "4", "4",
		// Keys added with the first-run work, the fit proposal and field editing.
		"S", "w", "r", "P", "ctrl+y", "ctrl+u", "ctrl+k", "ctrl+w", "ctrl+a", "ctrl+e", "ctrl+v",
		"alt+l", "alt+a", "alt+r", "alt+t", "alt+g", "alt+n",
		// Scenarios: the screen, saving one (N, then a name), applying and deleting; o on Year.
		"5", "5", "N", "N", "o", "o", "enter", "x",
		// Presentation mode's keys.
		"ctrl+p", "A", "C",
		// The one-time charges prompt (its answers: the ids typed at random keys
		// are refused or read).
		"O", "O",
	}
	card := loadCard(t)
	t.Chdir(t.TempDir()) // random keys may save or export: never into the source tree
	for seed := uint64(1); seed <= 3; seed++ {
		r := rand.New(rand.NewPCG(seed, 42))
		m := newModel(t, scenarioMonth(card), 80, 24)
		var waiting []tea.Cmd // pricing commands started and not yet run
		for i := 0; i < 4000; i++ {
			switch n := r.IntN(20); {
			case n == 0:
				m.Update(tea.WindowSizeMsg{Width: r.IntN(301), Height: r.IntN(301)})
			case n == 1:
				m.Update(tea.WindowSizeMsg{Width: 1, Height: 1})
			case n == 2:
				m.Update(tea.MouseClickMsg{X: r.IntN(130), Y: r.IntN(45), Button: tea.MouseLeft})
			case n == 3:
				m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown + tea.MouseButton(r.IntN(2))})
			case n == 4 && len(waiting) > 0:
				// A pricing answer lands, often after the month has moved on.
				j := r.IntN(len(waiting))
				c := waiting[j]
				waiting = append(waiting[:j], waiting[j+1:]...)
				settle(m, c)
			default:
				k := keys[r.IntN(len(keys))]
				// Quit, save and export commands are not run: the storm is about the model.
				_, cmd := m.Update(keyMsg(k))
				if cmd != nil && k != "e" && k != "q" && k != "y" {
					waiting = append(waiting, cmd)
				}
			}
			_ = m.View()
		}
		q := requirePriced(t, m)
		closeAll(m)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.setScreen(ScreenMonth)
		m.updateLayout()
		s := screen(m)
		if !strings.Contains(s, q.Premium.Grouped()+" used") {
			t.Fatalf("seed %d: month screen does not show pricing's %s used:\n%s", seed, q.Premium.Grouped(), s)
		}
		if !strings.Contains(s, q.Premium.Grouped()+" of "+max(q.Balance, 0).Grouped()+" used") {
			t.Fatalf("seed %d: tab line does not show pricing's totals:\n%s", seed, s)
		}
		m.setScreen(ScreenYear)
		requireYear(t, m)
	}
}
