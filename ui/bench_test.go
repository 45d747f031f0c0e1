package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// benchVideos is the month every key is measured on: each key's Update and
// View together must stay within 2 ms on it.
const benchVideos = 10_000

// hugeVideos is the largest month a project file allows: adding or deleting a
// video must stay within 50 ms on it.
const hugeVideos = pricing.MaxVideos

// BenchmarkAvatarRightArrow is one key that changes the quote of a 1,000-video
// month (Update reprices) plus the frame it draws (View).
func BenchmarkAvatarRightArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
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
// 10,000-video month, wrapping to the top, and draws the frame.
func BenchmarkMonthDownArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	home := tea.KeyPressMsg{Code: tea.KeyHome}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if m.sel == benchVideos-1 {
			m.Update(home)
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkMonthCountArrow is → and ← on the Month screen of a 1,000-video
// month: each changes a count, so Update reprices the month.
func BenchmarkMonthCountArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	keys := []tea.KeyPressMsg{{Code: tea.KeyRight}, {Code: tea.KeyLeft}}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}

// BenchmarkYearVolumeArrow is → and ← on the Year screen of a 1,000-video
// month: each changes a month's volume, so Update simulates the year again
// (but does not reprice the month, which volume does not change).
func BenchmarkYearVolumeArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "4")
	keys := []tea.KeyPressMsg{{Code: tea.KeyRight}, {Code: tea.KeyLeft}}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}

}

// BenchmarkYearDownArrow moves the month selection on the Year screen.
func BenchmarkYearDownArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "4")
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	home := tea.KeyPressMsg{Code: tea.KeyHome}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if m.year.sel == 11 {
			m.Update(home)
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkPlansDownArrow moves the plan selection on the Plans screen, with
// the right-sizing shown.
func BenchmarkPlansDownArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	_, cmd := m.Update(tea.KeyPressMsg{Code: '3', Text: "3"})
	settle(m, cmd)
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	home := tea.KeyPressMsg{Code: tea.KeyHome}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if m.plans.sel == len(m.card.Plans)-1 {
			m.Update(home)
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkFitKey is f on a 10,000-video month: Update only clones the month
// and hands the fitting to a command (not run here), then draws "Fitting…".
func BenchmarkFitKey(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	f := tea.KeyPressMsg{Code: 'f', Text: "f"}
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(f)
		_ = m.View()
		m.Update(esc)
	}
}

// BenchmarkFitProposalToggle is space in the open fit proposal of a
// 10,000-video month: Update puts a change in or out and hands the pricing of
// the chosen changes to a command (not run here), then draws the proposal.
func BenchmarkFitProposalToggle(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	pressSettle(m, "f")
	if m.fit.res == nil || len(m.fit.res.Changes) == 0 {
		b.Fatal("the fit proposal has no changes to toggle")
	}
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(space)
		_ = m.View()
	}
}

// BenchmarkFitCommand is the fitting itself, as the command runs it off the
// Update path (10,000 videos).
func BenchmarkFitCommand(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cmd := m.startFit()
		_ = cmd()
		m.fit = fitState{}
	}
}

// BenchmarkPlansBillingArrow switches the billing on the Plans screen of a
// 10,000-video month (← monthly, → annual) and draws the frame: the month is
// repriced from its settings alone and every plan compared again.
func BenchmarkPlansBillingArrow(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	_, cmd := m.Update(tea.KeyPressMsg{Code: '3', Text: "3"})
	settle(m, cmd)
	keys := []tea.KeyPressMsg{{Code: tea.KeyLeft}, {Code: tea.KeyRight}}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n++
		m.Update(keys[n%2])
		_ = m.View()
	}
}

// BenchmarkMonthPlanCycle cycles the month's plan with p on a 10,000-video month
// and draws the frame: every video's alternatives depend on what the plan offers.
func BenchmarkMonthPlanCycle(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	p := tea.KeyPressMsg{Code: 'p', Text: "p"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(p)
		_ = m.View()
	}
}

// BenchmarkMonthAddDeleteLargest adds a video to the largest month a file allows
// (pricing.MaxVideos) and deletes it again, each with its frame: one iteration is
// two keys.
func BenchmarkMonthAddDeleteLargest(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), hugeVideos), 120, 40)
	press(m, "2")
	add := tea.KeyPressMsg{Code: 'a', Text: "a"}
	del := tea.KeyPressMsg{Code: 'x', Text: "x"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(add)
		_ = m.View()
		m.Update(del)
		_ = m.View()
	}
}

// BenchmarkMonthDeleteUndoLargest deletes the selected video of the largest month
// and undoes it, each with its frame.
func BenchmarkMonthDeleteUndoLargest(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), hugeVideos), 120, 40)
	press(m, "2", "down")
	del := tea.KeyPressMsg{Code: 'x', Text: "x"}
	undo := tea.KeyPressMsg{Code: 'u', Text: "u"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(del)
		_ = m.View()
		m.Update(undo)
		_ = m.View()
	}
}

// BenchmarkLoadTenThousandVideos is what the planner does between its first
// frame and the priced month on a 10,000-video file: check it, price it and
// install it (the file's bytes are in memory, as after the read). Compare it
// with decoding the same bytes alone (../shared/tools/tomlfloor).
func BenchmarkLoadTenThousandVideos(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	card := loadCard(b)
	src := pricing.EncodeProject(bigMonth(card, benchVideos), card)
	read := func() ([]byte, time.Time, error) { return src, time.Time{}, nil }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m := New(Options{Card: card, Path: "big.toml", Read: read})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		runLoad(m, m.loadCmd)
		if m.loading() || m.Quote() == nil {
			b.Fatal("not loaded")
		}
	}
}

// BenchmarkVideoAddDeleteLargest is a and x on the Video screen of the
// largest month a file allows (on a choice row, where letters do not type),
// each with its frame: one iteration is two keys.
func BenchmarkVideoAddDeleteLargest(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), hugeVideos), 120, 40)
	press(m, "1", "alt+a")
	add := tea.KeyPressMsg{Code: 'a', Text: "a"}
	del := tea.KeyPressMsg{Code: 'x', Text: "x"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Update(add)
		m.video.focus = 3 // back on a choice row: a new video opens on its name
		_ = m.View()
		m.Update(del)
		_ = m.View()
	}
}

// BenchmarkMonthSeatsKey is s and S on the Month screen of a 10,000-video
// month: each changes a setting, so the month is repriced from its settings alone.
func BenchmarkMonthSeatsKey(b *testing.B) {
	b.Cleanup(relaxGC()) // as Run sets it
	m := newModel(b, bigMonth(loadCard(b), benchVideos), 120, 40)
	press(m, "2")
	keys := []tea.KeyPressMsg{{Code: 's', Text: "s"}, {Code: 'S', Text: "S"}}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}
