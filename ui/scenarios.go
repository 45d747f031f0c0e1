package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// The Scenarios screen: the month as planned, then each of the project's
// scenarios, priced side by side as `creditplan compare` prints them
// (pricing.RateCard.SideBySide). enter applies the selected scenario to the
// month, x deletes it, and N (on any screen) saves the month on screen as a
// new scenario; each is one undo step and marks the project changed.

// scenariosPanel is the Scenarios screen's state: the selected row (0 is the
// month as planned) and the rows priced for the project at revision rev.
type scenariosPanel struct {
	sel  int
	rows []pricing.ScenarioResult
	rev  int
	busy bool // the rows are being priced in a command
	// slow is set for a month too long to price every scenario of within a
	// key's budget in Update; its rows are then priced in a command.
	slow bool
	// lastID is the last scenario ID handed out: IDs are never reused, so a
	// new scenario is never taken for a deleted one the file still holds.
	lastID int
}

// scenariosDoneMsg carries the rows priced in a command for revision rev.
type scenariosDoneMsg struct {
	rev  int
	rows []pricing.ScenarioResult
}

// promptScenarioName asks the name of the scenario N saves.
const promptScenarioName promptKind = 100

// maxScenarioName is the longest name N accepts, in characters: a name is a
// table's first column, not a note.
const maxScenarioName = 80

// sideBySide is the month as planned, then each scenario of p.
func sideBySide(card *pricing.RateCard, p *pricing.Project) []pricing.ScenarioResult {
	return append([]pricing.ScenarioResult{card.PlannedScenario(p)}, card.Scenarios(p)...)
}

// scenariosFresh reports whether the rows shown are of the project as it is now.
func (m *Model) scenariosFresh() bool { return m.scen.rows != nil && m.scen.rev == m.version }

// ensureScenarios prices the rows while the Scenarios screen shows: in Update
// when the month and its scenarios are small enough, otherwise background
// starts it in a command.
func (m *Model) ensureScenarios() {
	work := len(m.project.Videos) * (len(m.project.Scenarios) + 1)
	m.scen.slow = work > yearInlineVideos
	if m.screen != ScreenScenarios || m.scenariosFresh() || m.scen.slow {
		m.clampScenarios()
		return
	}
	m.scen.rows, m.scen.rev = sideBySide(m.card, m.project), m.version
	m.clampScenarios()
}

func (m *Model) clampScenarios() {
	m.scen.sel = max(0, min(m.scen.sel, len(m.project.Scenarios)))
}

// scenariosBackground starts the slow pricing of the rows, one at a time.
func (m *Model) scenariosBackground() tea.Cmd {
	if m.screen != ScreenScenarios || !m.scen.slow || m.scen.busy || m.scenariosFresh() {
		return nil
	}
	m.scen.busy = true
	card, rev, p := m.card, m.version, m.project.Clone()
	return func() tea.Msg { return scenariosDoneMsg{rev: rev, rows: sideBySide(card, p)} }
}

func (m *Model) scenariosDone(msg scenariosDoneMsg) {
	m.scen.busy = false
	if msg.rev == m.version {
		m.scen.rows, m.scen.rev = msg.rows, msg.rev
	}
}

func (m *Model) scenariosKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Scenarios
	last := len(m.project.Scenarios)
	switch {
	case key.Matches(msg, k.Up):
		m.scen.sel = max(0, m.scen.sel-1)
	case key.Matches(msg, k.Down):
		m.scen.sel = min(last, m.scen.sel+1)
	case key.Matches(msg, k.Home):
		m.scen.sel = 0
	case key.Matches(msg, k.End):
		m.scen.sel = last
	case key.Matches(msg, k.Apply):
		m.applyScenario(m.scen.sel - 1)
	case key.Matches(msg, k.Delete):
		m.deleteScenario(m.scen.sel - 1)
	}
	return nil
}

// applyScenario makes scenario i's changes to the month itself, one undo step.
func (m *Model) applyScenario(i int) {
	if i < 0 || i >= len(m.project.Scenarios) {
		m.setStatus("This is the month as planned; pick a scenario to apply it.")
		return
	}
	sc := &m.project.Scenarios[i]
	next := pricing.ApplyScenario(m.project, sc)
	if pricing.SameProject(next, m.project) {
		m.setStatus("The month is already as “" + sc.Name + "” has it.")
		return
	}
	m.replaceProject("apply scenario "+sc.Name, next)
	m.setStatus("Applied “" + sc.Name + "”: " + m.card.DescribeScenario(sc) + ". u undoes.")
}

// deleteScenario removes scenario i from the project, one undo step.
func (m *Model) deleteScenario(i int) {
	if i < 0 || i >= len(m.project.Scenarios) {
		m.setStatus("The month as planned is not a scenario; it cannot be deleted.")
		return
	}
	name := m.project.Scenarios[i].Name
	next := m.project.Clone()
	next.Scenarios = append(next.Scenarios[:i], next.Scenarios[i+1:]...)
	m.replaceProject("delete scenario "+name, next)
	m.setStatus("Deleted “" + name + "”. u brings it back.")
}

// replaceProject makes next the month, with the undo step that puts the
// month before it back.
func (m *Model) replaceProject(what string, next *pricing.Project) {
	m.push(snapshot{whole: m.project, what: what})
	m.lastEdit = editKey{}
	m.project = next
	m.changed()
}

// scenarioSuggestion is the name N offers: the plan and billing, and the
// seats when more than one ("Pro, annual, 3 seats"), made unique.
func (m *Model) scenarioSuggestion() string {
	p := m.project
	name := p.Plan
	if plan, ok := m.card.Plan(p.Plan); ok {
		name = plan.Name
	}
	name += ", " + p.Billing.Key()
	if p.Seats > 1 {
		name += ", " + pricing.Plural(int64(p.Seats), "seat")
	}
	base := name
	for n := int64(2); m.scenarioNamed(name) >= 0; n++ {
		name = base + " (" + itoa(n) + ")"
	}
	return name
}

// scenarioNamed is the index of the scenario with this name in any letter
// case, as the project file tells names apart, or -1.
func (m *Model) scenarioNamed(name string) int {
	name = strings.TrimSpace(name)
	for i := range m.project.Scenarios {
		if strings.EqualFold(strings.TrimSpace(m.project.Scenarios[i].Name), name) {
			return i
		}
	}
	return -1
}

// askScenarioName opens the prompt for N.
func (m *Model) askScenarioName() {
	if len(m.project.Scenarios) >= pricing.MaxScenarios {
		m.setStatus("The project already holds " + itoa(pricing.MaxScenarios) + " scenarios, the most a project may; x on Scenarios deletes one.")
		return
	}
	m.openTextPrompt(promptScenarioName, "Save the month as a scenario named: ", "enter saves · esc cancels", "scenario name", m.scenarioSuggestion())
}

// saveScenario adds the month's plan, billing, seats and balance as a new
// scenario named name, one undo step; a name that cannot be used is refused
// with why, and nothing changes.
func (m *Model) saveScenario(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return errText("a scenario needs a name")
	case len([]rune(name)) > maxScenarioName:
		return errText("at most " + itoa(maxScenarioName) + " characters")
	case m.scenarioNamed(name) >= 0:
		return errText("“" + m.project.Scenarios[m.scenarioNamed(name)].Name + "” is taken; give it another name")
	case len(m.project.Scenarios) >= pricing.MaxScenarios:
		return errText("the project already holds " + itoa(pricing.MaxScenarios) + " scenarios")
	}
	if _, r, bad := pricing.FirstUnsafe(name); bad {
		return errText("holds " + pricing.DescribeRune(r) + "; a name must be plain text")
	}
	p := m.project
	var balance *pricing.Credits
	if p.HasBalance {
		balance = &p.Balance
	}
	sc := pricing.ScenarioFrom(name, p.Plan, p.Billing, p.Seats, balance)
	sc.ID = m.newScenarioID()
	next := p.Clone()
	next.Scenarios = append(next.Scenarios, sc)
	m.replaceProject("save scenario "+name, next)
	m.scen.sel = len(m.project.Scenarios)
	m.setStatus("Saved the month as “" + name + "”; 5 shows the scenarios side by side.")
	return nil
}

// newScenarioID is an ID no scenario of the month, of the file on disk or
// of an undo step has had.
func (m *Model) newScenarioID() int {
	for _, p := range []*pricing.Project{m.project, m.disk.project} {
		if p == nil {
			continue
		}
		for i := range p.Scenarios {
			m.scen.lastID = max(m.scen.lastID, p.Scenarios[i].ID)
		}
	}
	m.scen.lastID++
	return m.scen.lastID
}

// errText is an error that is only its text.
type errText string

func (e errText) Error() string { return string(e) }

// scenarioCol is one column of the Scenarios table: its header, whether it
// is a number (aligned right), its cell for a row, and its rank: the
// narrower the terminal, the more columns go, lowest rank first.
type scenarioCol struct {
	head  string
	right bool
	rank  int
	cell  func(r *pricing.ScenarioResult) string
	w     int
}

func (m *Model) scenarioCols() []scenarioCol {
	c := m.card
	return []scenarioCol{
		{head: "Plan", rank: 8, cell: report.ScenarioPlan},
		{head: "Billing", rank: 6, cell: func(r *pricing.ScenarioResult) string { return r.Billing.Key() }},
		{head: "Used", right: true, rank: 5, cell: func(r *pricing.ScenarioResult) string { return r.PremiumCredits.Grouped() }},
		{head: "Left/short", right: true, rank: 2, cell: report.ScenarioBalance},
		{head: "Fits", rank: 7, cell: report.ScenarioStatus},
		{head: "Monthly", right: true, rank: 1, cell: func(r *pricing.ScenarioResult) string { return report.ScenarioCost(c, r, r.MonthlyTotal) }},
		{head: "Annual", right: true, rank: 0, cell: func(r *pricing.ScenarioResult) string { return report.ScenarioCost(c, r, r.AnnualTotal) }},
		{head: "Month", right: true, rank: 9, cell: func(r *pricing.ScenarioResult) string { return report.ScenarioCost(c, r, r.TotalCost) }},
		{head: "Year", right: true, rank: 10, cell: func(r *pricing.ScenarioResult) string { return report.ScenarioCost(c, r, r.YearCost) }},
	}
}

// scenarioLayout picks the columns that fit w and the name column's width:
// the name gives way to 16 cells first, then columns go, lowest rank first,
// then the name narrows to 8.
func (m *Model) scenarioLayout(w int) (nameW int, cols []scenarioCol) {
	rows := m.scen.rows
	cols = m.scenarioCols()
	nameW = width("Scenario")
	for i := range rows {
		nameW = max(nameW, width(rows[i].Name))
	}
	for j := range cols {
		cols[j].w = width(cols[j].head)
		for i := range rows {
			cols[j].w = max(cols[j].w, width(cols[j].cell(&rows[i])))
		}
	}
	total := func() int {
		n := 2 + nameW
		for _, c := range cols {
			n += 2 + c.w
		}
		return n
	}
	if total() > w {
		nameW = max(min(nameW, 16), nameW-(total()-w))
	}
	for total() > w && len(cols) > 2 {
		low := 0
		for j := range cols {
			if cols[j].rank < cols[low].rank {
				low = j
			}
		}
		cols = append(cols[:low:low], cols[low+1:]...)
	}
	if total() > w {
		nameW = max(8, nameW-(total()-w))
	}
	return nameW, cols
}

// scenariosHeadRows is how many body rows come before the first row: the
// title, a blank line and the column header; scenarioDetailRows how many a
// long list leaves below it for the selected row's changes.
const (
	scenariosHeadRows  = 3
	scenarioDetailRows = 4
)

// scenarioAt is the row drawn on screen line y, or -1: the rows stand
// where renderScenarios puts them.
func (m *Model) scenarioAt(y int) int {
	if !m.scenariosFresh() {
		return -1
	}
	from, to := scenarioWindow(len(m.scen.rows), m.scen.sel, m.bodyHeight()-scenariosHeadRows-scenarioDetailRows)
	i := from + y - bodyTop - scenariosHeadRows
	if y < bodyTop+scenariosHeadRows || i >= to {
		return -1
	}
	return i
}

// scenarioWindow is the rows [from, to) of n that show in room rows with
// sel among them.
func scenarioWindow(n, sel, room int) (from, to int) {
	room = max(room, 1)
	if n <= room {
		return 0, n
	}
	from = max(0, min(sel-room/2, n-room))
	return from, from + room
}

// renderScenarios draws the scenarios side by side, the selected one's
// changes and what blocks it below.
func (m *Model) renderScenarios(w, h int) []string {
	s := &m.styles
	out := make([]string, 0, h)
	title := "Scenarios: the month as planned, then each on its own plan and billing"
	out = append(out, " "+s.Heading.Render(clip(title, w-1)), "")
	if !m.scenariosFresh() {
		return append(out, " "+s.Muted.Render("Pricing the scenarios…"))
	}
	rows := m.scen.rows
	nameW, cols := m.scenarioLayout(w)
	head := "  " + fit("Scenario", nameW)
	for _, c := range cols {
		if c.right {
			head += "  " + right(c.head, c.w)
		} else {
			head += "  " + fit(c.head, c.w)
		}
	}
	out = append(out, s.Muted.Render(clip(strings.TrimRight(head, " "), w)))
	// A long list scrolls to keep the selected row in view, leaving the
	// rows below it for the selected one's changes.
	from, to := scenarioWindow(len(rows), m.scen.sel, h-scenariosHeadRows-scenarioDetailRows)
	for i := from; i < to; i++ {
		r := &rows[i]
		marker := "  "
		if i == m.scen.sel {
			marker = "› "
		}
		line := marker + fit(r.Name, nameW)
		for _, c := range cols {
			if c.right {
				line += "  " + right(c.cell(r), c.w)
			} else {
				line += "  " + fit(c.cell(r), c.w)
			}
		}
		line = clip(strings.TrimRight(line, " "), w)
		switch {
		case i == m.scen.sel:
			line = s.Selected.Render(line)
		case len(r.Blocked) > 0:
			line = s.Blocked.Render(line)
		case i == 0:
			line = s.Value.Render(line)
		}
		out = append(out, line)
	}
	out = append(out, "")
	if len(m.project.Scenarios) == 0 {
		for _, l := range wrap("No scenarios yet. N saves the month on screen (its plan, billing, seats and balance) as one; "+
			"a project file's [[scenarios]] show here too.", max(w-2, 20)) {
			out = append(out, " "+s.Muted.Render(l))
		}
	} else if m.scen.sel < len(rows) {
		out = append(out, m.scenarioDetail(w)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// scenarioDetail is what the selected row changes, what blocks it, and what
// the keys do with it.
func (m *Model) scenarioDetail(w int) []string {
	s := &m.styles
	r := &m.scen.rows[m.scen.sel]
	var out []string
	if m.scen.sel == 0 {
		out = append(out, " "+s.Heading.Render(clip("As planned: the month on screen, on "+report.ScenarioPlan(r)+", "+r.Billing.Key(), w-1)))
	} else {
		sc := &m.project.Scenarios[m.scen.sel-1]
		out = append(out, " "+s.Heading.Render(clip("“"+sc.Name+"”", w-1))+s.Muted.Render(clip(": "+m.card.DescribeScenario(sc), max(w-1-width("“"+sc.Name+"”"), 0))))
	}
	for _, b := range r.Blocked {
		for _, l := range wrap("✗ "+b, max(w-3, 10)) {
			out = append(out, "   "+s.Blocked.Render(l))
		}
	}
	hint := "enter applies it to the month (u undoes) · x deletes it · N saves the month as a scenario"
	if m.scen.sel == 0 {
		hint = "↑/↓ pick a scenario · N saves the month as a scenario"
	}
	return append(out, " "+s.Muted.Render(clip(hint, w-1)))
}
