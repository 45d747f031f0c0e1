package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// yearPanel is the Year screen's state: the selected month and the simulated
// year for the project at revision rev.
type yearPanel struct {
	sel  int // 0-11
	res  *pricing.YearResult
	err  error
	rev  int
	busy bool // a simulation is running in a command
	// slow is set for a month too long to simulate within a key's budget in
	// Update; its year then runs in a command, like Fit.
	slow bool
}

// yearDoneMsg carries a year simulated in a command for revision rev.
type yearDoneMsg struct {
	rev int
	res *pricing.YearResult
	err error
}

// yearHeadRows is how many body rows come before the first month: the title,
// the volume note and the column header.
const yearHeadRows = 3

// yearInlineVideos is the longest month whose year is simulated in Update.
// The simulation prices each video once, so a month this long stays well
// within what a key may take, with room for the frame; longer months go to a
// command. A count, not a stopwatch, so a GC pause cannot flip the choice.
const yearInlineVideos = 3000

// yearFresh reports whether the shown year is the project as it is now.
func (m *Model) yearFresh() bool {
	return (m.year.res != nil || m.year.err != nil) && m.year.rev == m.version
}

// ensureYear simulates the year while the Year screen shows, in Update when
// the month is short enough; otherwise background starts it in a command.
func (m *Model) ensureYear() {
	m.year.slow = len(m.project.Videos) > yearInlineVideos
	if m.screen != ScreenYear || m.yearFresh() || m.year.slow {
		return
	}
	m.year.res, m.year.err = m.card.YearProject(m.project)
	m.year.rev = m.version
}

func (m *Model) yearDone(msg yearDoneMsg) {
	m.year.busy = false
	if msg.rev == m.version {
		m.year.res, m.year.err, m.year.rev = msg.res, msg.err, msg.rev
	}
}

// background starts the pricing the visible screen needs for the current
// revision and does not have: right-sizing on Plans, a slow year on Year. One
// of each runs at a time; one that lands stale is dropped and, if the screen
// still shows, started again by the next Update.
func (m *Model) background() tea.Cmd {
	var cmds []tea.Cmd
	card := m.card
	rev := m.version
	if m.screen == ScreenPlans && !m.rsBusy && (m.rs == nil || m.rsRev != rev) {
		m.rsBusy = true
		p := m.project.Clone()
		cmds = append(cmds, func() tea.Msg { return rightSizedMsg{rev: rev, rs: card.RightSize(p)} })
	}
	cmds = append(cmds, m.scenariosBackground(), m.yearPlansBackground(), m.vendorsBackground())
	if m.screen == ScreenYear && m.year.slow && !m.year.busy && !m.yearFresh() {
		m.year.busy = true
		p := m.project.Clone()
		cmds = append(cmds, func() tea.Msg {
			r, err := card.YearProject(p)
			return yearDoneMsg{rev: rev, res: r, err: err}
		})
	}
	return tea.Batch(cmds...)
}

func (m *Model) yearKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Year
	switch {
	case key.Matches(msg, k.Up):
		m.year.sel = max(0, m.year.sel-1)
	case key.Matches(msg, k.Down):
		m.year.sel = min(11, m.year.sel+1)
	case key.Matches(msg, k.Home):
		m.year.sel = 0
	case key.Matches(msg, k.End):
		m.year.sel = 11
	case key.Matches(msg, k.VolumeDown):
		m.stepVolume(-1)
		return nil // keeps lastEdit: a run of ←/→ on one month is one undo step
	case key.Matches(msg, k.VolumeUp):
		m.stepVolume(1)
		return nil
	case key.Matches(msg, k.Plans):
		m.toggleYearPlans()
	}
	m.lastEdit = editKey{}
	return nil
}

// stepVolume moves the selected month's multiplier to the next tenth up or
// down (0 allowed). The first edit gives the project a volume of 12 months as
// planned. The month's quote does not depend on volume, so only the year is
// simulated again.
func (m *Model) stepVolume(d int) {
	i := m.year.sel
	cur := int64(pricing.VolumeAsPlanned)
	if len(m.project.Volume) == 12 {
		cur = m.project.Volume[i]
	}
	next := pricing.StepVolume(cur, d > 0)
	if next == cur {
		m.setStatus("Month " + itoa(int64(i)+1) + "'s volume is already " + volumeText(cur) + ".")
		return
	}
	ek := editKey{video: -1, field: noField, month: i + 1, ok: true}
	if ek != m.lastEdit {
		m.push(snapshot{header: headerOf(m.project), what: "volume change"})
	}
	m.lastEdit = ek
	if len(m.project.Volume) != 12 {
		m.project.Volume = make([]int64, 12)
		for j := range m.project.Volume {
			m.project.Volume[j] = pricing.VolumeAsPlanned
		}
	}
	m.project.Volume[i] = next
	m.bump()
	m.ensureYear()
	m.setStatus("Month " + itoa(int64(i)+1) + " is " + volumeText(next) + " of the month as planned.")
}

// volumeText writes a multiplier as the Year screen shows it: "×1", "×0.5", "×1.25".
func volumeText(v int64) string { return "×" + pricing.VolumeText(v) }

// renderYear draws the wallet month by month: a bar per month (used, expired
// unused, short), the numbers beside it, then the year's totals and which
// billing is cheaper for this pattern.
func (m *Model) renderYear(w, h int) []string {
	if m.yearPlans.on {
		return m.renderYearPlans(w, h)
	}
	s := &m.styles
	c := m.card
	if m.year.err != nil {
		return []string{" " + s.Error.Render(clip("The year cannot be simulated: "+m.year.err.Error(), w-1))}
	}
	y := m.year.res
	if y == nil {
		return []string{" " + s.Muted.Render("Simulating the year…")}
	}
	wide := w >= wideWidth
	out := make([]string, 0, h)
	title := "Year on " + y.Plan.Name + ", " + y.Billing.Key() + " (b)"
	out = append(out, " "+s.Heading.Render(clip(title, w-1))+
		s.Muted.Render(clip(": each month as planned needs "+c.CreditWord(y.MonthCredits), max(w-1-width(title), 0))))
	note := "Volume per month from the project; ←/→ change the selected month by 0.1."
	if len(m.project.Volume) != 12 {
		note = "This project gives no volume per month: a flat year. ←/→ change a month by 0.1."
	}
	note = " " + s.Muted.Render(clip(note, w-1))
	lead := m.yearBlockedLead(y)
	if lead != "" {
		// A plan that cannot make the month is said before its year, as
		// `creditplan year` does. The lead takes the volume note's row, so the
		// months stay where the mouse finds them; the note goes last, where
		// the rows allow.
		out = append([]string{" " + s.Blocked.Render(clip("✗ "+lead, w-1))}, out...)
	} else {
		out = append(out, note)
	}

	// Columns: numbers first so they line up, then the bar in what is left.
	const monW, volW, numW, costW = 5, 7, 8, 9
	topW := 10
	fixed := 2 + monW + 1 + volW + 1 + numW + 1 + numW + 1 + topW + 1 + costW + 1
	if wide {
		fixed += 2 * (numW + 1)
	}
	barW := max(w-fixed-1, 0)
	// A column whose numbers rest on an estimate is marked in its title.
	d := y.Marks
	cred := d.CreditsMark()
	head := "  " + right("Month", monW) + " " + right("Volume", volW)
	if wide {
		head += " " + right(markedTitle("Need", d.NeedMark(), numW), numW) + " " + right(markedTitle("Granted", d.GrantMark(), numW), numW)
	}
	costMark := ""
	if !y.ContactSales {
		costMark = d.CostMark(y.Billing, y.Bought > 0)
	}
	head += " " + right(markedTitle("Used", cred, numW), numW) + " " + right(markedTitle("Expired", cred, numW), numW) + " " +
		right(markedTitle("Top-up", cred, topW), topW) + " " + right(markedTitle("Cost", costMark, costW), costW)
	if barW >= 6 {
		head += " " + "█ used ▒ expired ▓ short"
	}
	out = append(out, s.Muted.Render(clip(head, w)))

	var most int64
	for i := range y.Months {
		wm := &y.Months[i]
		most = max(most, int64(wm.Used+wm.Expired+wm.Short))
	}
	cols := yearCols{mon: monW, vol: volW, num: numW, top: topW, cost: costW, bar: barW, wide: wide}
	for i := range y.Months {
		out = append(out, m.yearRow(y, i, cols, most))
	}

	total := "  " + right("Year", monW) + " " + right("", volW)
	if wide {
		total += " " + right(y.Need.Grouped(), numW) + " " + right(y.Granted.Grouped(), numW)
	}
	top := "–"
	switch {
	case y.Short > 0:
		top = y.Short.Grouped() + " short"
	case y.Bought > 0:
		top = "+" + y.Bought.Grouped()
	}
	total += " " + right(y.Used.Grouped(), numW) + " " + right(y.Expired.Grouped(), numW) + " " + right(top, topW) + " " +
		right(m.yearMoney(y, y.Cost), costW)
	out = append(out, s.Value.Render(clip(total, w)))
	if wide {
		out = append(out, "")
	}

	out = append(out, m.yearSummaryLines(y, w, h-len(out))...)
	if lead != "" && len(out)+2 <= h {
		out = append(out, "", note)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// yearCols are the widths of the Year table's columns; wide adds Need and
// Granted.
type yearCols struct {
	mon, vol, num, top, cost, bar int
	wide                          bool
}

// yearRow is month i's line of the year: volume, credits, top-up or
// shortfall, cost, and a bar of its credits against the fullest month, most.
func (m *Model) yearRow(y *pricing.YearResult, i int, k yearCols, most int64) string {
	s := &m.styles
	wm := &y.Months[i]
	marker := "  "
	if i == m.year.sel {
		marker = "› "
	}
	top := "–"
	topStyle := s.Muted
	switch {
	case wm.Short > 0:
		top, topStyle = wm.Short.Grouped()+" short", s.Bad
	case wm.Bought > 0:
		top, topStyle = "+"+wm.Bought.Grouped(), s.Premium
	}
	text := marker + right(itoa(int64(wm.Month)), k.mon) + " " + right(volumeText(wm.Volume), k.vol)
	if k.wide {
		text += " " + right(wm.Need.Grouped(), k.num) + " " + right(wm.Granted.Grouped(), k.num)
	}
	text += " " + right(wm.Used.Grouped(), k.num) + " "
	exp := right(wm.Expired.Grouped(), k.num)
	cost := " " + right(m.yearMoney(y, wm.Cost), k.cost)
	var line string
	if i == m.year.sel {
		line = s.Selected.Render(text + exp + " " + right(top, k.top) + cost)
	} else {
		if wm.Expired > 0 {
			exp = s.Bad.Render(exp)
		}
		line = text + exp + " " + topStyle.Render(right(top, k.top)) + cost
	}
	if k.bar >= 6 {
		line += " " + m.yearBar(wm, most, k.bar)
	}
	return line
}

// yearSummaryLines are the year's totals in sentences (waste and months
// short on one line, the billing verdict, the rollover rule when wide), or,
// when they would pass room rows, the two-line brief that always fits.
func (m *Model) yearSummaryLines(y *pricing.YearResult, w, room int) []string {
	s := &m.styles
	good := y.Expired == 0 && y.MonthsShort == 0
	sum := report.YearSummary(y)
	full := []string{" " + clipStyle(s, good, clip(sum[0]+" · "+sum[1], w-1))}
	for i, l := range sum[2:] {
		if i == len(sum)-3 && !y.ContactSales {
			for _, l := range wrap(l, w-1) { // the billing verdict
				full = append(full, " "+s.Recommend.Render(l))
			}
			continue
		}
		full = append(full, " "+clip(l, w-1))
	}
	if w >= wideWidth {
		full = append(full, "", " "+s.Muted.Render(clip(report.RolloverText(y.Plan), w-1)))
	}
	if len(full) > room {
		brief := report.YearBrief(y)
		full = []string{" " + clipStyle(s, good, clip(brief[0], w-1)), " " + s.Muted.Render(clip(brief[1], w-1))}
		if !y.ContactSales {
			full[1] = " " + s.Recommend.Render(clip(brief[1], w-1))
		}
	}
	return full
}

// yearBlockedLead is the sentence the Year screen leads with when the year's
// plan cannot make the month (a limit such as 4K on a 1080p plan): the
// month's first reason, as the Month screen says it, and how many more the
// Plans screen lists. It is "" when nothing blocks the plan, or while the year
// shown is of another plan than the month's quote.
func (m *Model) yearBlockedLead(y *pricing.YearResult) string {
	q := m.quote
	if q == nil || q.Plan == nil || y.Plan == nil || q.Plan.ID != y.Plan.ID || len(q.Blocked) == 0 {
		return ""
	}
	lead := strings.TrimSuffix(report.CannotMake(y.Plan, q.Blocked[:1]), ".")
	if len(q.Blocked) > 1 {
		lead += " (+" + itoa(int64(len(q.Blocked)-1)) + " more on Plans)"
	}
	return lead
}

// yearBar draws one month in w cells: used credits, then credits that expired
// unused, then what the month could not make, on the scale of the year's
// largest month.
func (m *Model) yearBar(wm *pricing.WalletMonth, most int64, w int) string {
	s := &m.styles
	used := bar(int64(wm.Used), most, w)
	exp := bar(int64(wm.Expired), most, w)
	short := bar(int64(wm.Short), most, w)
	// Something that happened is never drawn as nothing.
	if wm.Used > 0 {
		used = max(used, 1)
	}
	if wm.Expired > 0 {
		exp = max(exp, 1)
	}
	if wm.Short > 0 {
		short = max(short, 1)
	}
	for used+exp+short > w {
		switch {
		case used >= exp && used >= short && used > 1:
			used--
		case exp >= short && exp > 1:
			exp--
		default:
			short--
		}
	}
	return s.BarFill.Render(strings.Repeat("█", used)) + s.BarEmpty.Render(strings.Repeat("▒", exp)) +
		s.BarShort.Render(strings.Repeat("▓", short))
}

// yearMoney is a cost, or pricing.ContactSales for a plan with no public price.
// markedTitle is a column title with its estimate mark, the space before
// the mark dropped when the column is too narrow for both.
func markedTitle(title, mark string, w int) string {
	if mark != "" && width(title+mark) > w {
		return title + strings.TrimSpace(mark)
	}
	return title + mark
}

func (m *Model) yearMoney(y *pricing.YearResult, v pricing.Money) string {
	return report.YearCost(y, v)
}
