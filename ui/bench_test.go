package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkAvatarRightArrow is one key that changes the quote of a 1,000-video
// month (Update reprices) plus the frame it draws (View).
func BenchmarkAvatarRightArrow(b *testing.B) {
	m := newModel(b, bigMonth(loadCard(b), 1000), 120, 40)
	press(m, "1", "down", "down", "down")
	right := tea.KeyPressMsg{Code: tea.KeyRight}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(right)
		_ = m.View()
	}
}

// BenchmarkMonthDownArrow moves the selection down the Month table of a
// 1,000-video month, wrapping to the top, and draws the frame.
func BenchmarkMonthDownArrow(b *testing.B) {
	m := newModel(b, bigMonth(loadCard(b), 1000), 120, 40)
	press(m, "2")
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	home := tea.KeyPressMsg{Code: tea.KeyHome}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if m.sel == 999 {
			m.Update(home)
		}
		m.Update(down)
		_ = m.View()
	}
}
