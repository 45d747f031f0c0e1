package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// The header says which day's rates price the month when it is not today
// (--as-of), at 80 columns too; on today's rates it says nothing more.
func TestHeaderNotesTheRatesDay(t *testing.T) {
	today, _ := pricing.ParseDate("2026-12-03")
	then, _ := pricing.ParseDate("2026-03-01")
	for _, c := range []struct {
		day  pricing.Date
		want bool
	}{{then, true}, {today, false}} {
		card, err := loadCard(t).On(c.day)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{80, 120} {
			m := New(Options{Card: card, Today: today})
			m.Update(tea.WindowSizeMsg{Width: w, Height: 30})
			header, _ := m.headerLines()
			got := strings.Contains(header, "rates as of 2026-03-01")
			if got != c.want || width(header) > w {
				t.Errorf("rates of %v at %d columns: header %q (width %d)", c.day, w, header, width(header))
			}
		}
	}
}
