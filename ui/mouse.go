package ui

import tea "charm.land/bubbletea/v2"

// handleClick selects what was clicked: a tab, a form row, a video, a plan or a month.
// Positions follow the fixed layout: header, tabs, rule, then the body.
func (m *Model) handleClick(ms tea.Mouse) {
	// The help is modal: a click behind it (a tab included) does nothing.
	if ms.Button != tea.MouseLeft || !m.idle() || m.help.ShowAll || m.width < MinWidth || m.height < MinHeight {
		return
	}
	if ms.Y == 1 {
		for i, t := range tabSpans() {
			if ms.X >= t.start && ms.X < t.end {
				m.setScreen(Screen(i))
			}
		}
		return
	}
	r := ms.Y - bodyTop
	if r < 0 || r >= m.bodyHeight() {
		return
	}
	switch m.screen {
	case ScreenVideo:
		row := r - 1 // below the title line
		if row >= 0 && row < m.video.formRows {
			if f := m.video.offset + row; f < int(numFields) {
				m.video.focus = f
			}
		}
	case ScreenMonth:
		row := r - monthHeadRows
		if row >= 0 && row < m.month.rows {
			if i := m.month.offset + row; i < len(m.project.Videos) {
				m.sel = i
			}
		}
	case ScreenPlans:
		if i := r - plansHeadRows; i >= 0 && i < len(m.card.Plans) {
			m.plans.sel = i
		}
	case ScreenYear:
		if i := r - yearHeadRows; i >= 0 && i < 12 {
			m.year.sel = i
		}
	}
}

// handleWheel scrolls the list under the pointer by moving its selection.
func (m *Model) handleWheel(ms tea.Mouse) {
	if !m.idle() {
		return
	}
	d := 0
	switch ms.Button {
	case tea.MouseWheelUp:
		d = -1
	case tea.MouseWheelDown:
		d = 1
	default:
		return
	}
	if m.help.ShowAll {
		m.scrollHelp(d)
		return
	}
	switch m.screen {
	case ScreenVideo:
		m.video.focus = max(0, min(m.fieldCount()-1, m.video.focus+d))
	case ScreenMonth:
		n := len(m.project.Videos)
		m.sel = max(0, min(n-1, m.sel+3*d))
		m.month.offset = window(m.month.offset, m.sel, n, m.month.rows)
	case ScreenPlans:
		m.plans.sel = max(0, min(len(m.card.Plans)-1, m.plans.sel+d))
	case ScreenYear:
		m.year.sel = max(0, min(11, m.year.sel+d))
	}
}
