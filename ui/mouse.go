package ui

import tea "charm.land/bubbletea/v2"

// handleClick selects what was clicked: a tab, a form row, a video, a plan or
// a month, as the layout View drew from places them.
func (m *Model) handleClick(ms tea.Mouse) {
	l := &m.layout
	// The help is modal: a click behind it (a tab included) does nothing.
	if ms.Button != tea.MouseLeft || !m.idle() || m.help.ShowAll || l.small || m.tooSmall() {
		return
	}
	for i, t := range l.tabs {
		if t.contains(ms.X, ms.Y) {
			m.setScreen(Screen(i))
			return
		}
	}
	switch m.screen {
	case ScreenVideo:
		if f := l.form.at(ms.X, ms.Y); f >= 0 && f < len(m.video.rows) {
			m.video.focus = f
		}
	case ScreenMonth:
		if i := l.month.at(ms.X, ms.Y); i >= 0 && i < len(m.project.Videos) {
			m.sel = i
		}
	case ScreenPlans:
		if i := l.plans.at(ms.X, ms.Y); i >= 0 && i < len(m.card.Plans) {
			m.plans.sel = i
		}
	case ScreenYear:
		if i := l.year.at(ms.X, ms.Y); i >= 0 && i < 12 {
			m.year.sel = i
		}
	case ScreenScenarios:
		if i := m.scenarioAt(ms.Y); i >= 0 {
			m.scen.sel = i
		}
	}
}

// handleWheel scrolls the list under the pointer by moving its selection
// (the layout then scrolls the list to keep it in view).
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
		m.sel = max(0, min(len(m.project.Videos)-1, m.sel+3*d))
	case ScreenPlans:
		m.plans.sel = max(0, min(len(m.card.Plans)-1, m.plans.sel+d))
	case ScreenYear:
		m.year.sel = max(0, min(11, m.year.sel+d))
	case ScreenScenarios:
		m.scen.sel = max(0, min(len(m.project.Scenarios), m.scen.sel+d))
	}
}
