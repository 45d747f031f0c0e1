package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// monthHeadRows is how many body rows come before the table's first video row:
// plan line, settings line, gauge, run-out line, its fix, blocked line, column header.
const monthHeadRows = 7

func (m *Model) monthKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Month
	n := len(m.project.Videos)
	page := max(m.layout.month.rows.h-1, 1)
	switch {
	case key.Matches(msg, k.MoveUp):
		m.moveVideo(-1)
	case key.Matches(msg, k.MoveDown):
		m.moveVideo(1)
	case key.Matches(msg, k.CountDown):
		m.stepCount(-1)
		return nil // keeps lastEdit: a run of ←/→ is one undo step
	case key.Matches(msg, k.CountUp):
		m.stepCount(1)
		return nil
	case key.Matches(msg, k.Up):
		m.sel = max(0, m.sel-1)
	case key.Matches(msg, k.Down):
		m.sel = max(0, min(n-1, m.sel+1))
	case key.Matches(msg, k.PageUp):
		m.sel = max(0, m.sel-page)
	case key.Matches(msg, k.PageDown):
		m.sel = max(0, min(n-1, m.sel+page))
	case key.Matches(msg, k.Home):
		m.sel = 0
	case key.Matches(msg, k.End):
		m.sel = max(0, n-1)
	case key.Matches(msg, k.Enter):
		if n == 0 {
			m.addVideo()
		}
		m.video.focus = 0
		m.setScreen(ScreenVideo)
	case key.Matches(msg, k.Add):
		m.addVideo()
	case key.Matches(msg, k.Duplicate):
		m.duplicateVideo()
	case key.Matches(msg, k.Delete):
		m.deleteVideo()
	case key.Matches(msg, k.SeatsUp):
		m.stepSeats(1)
	case key.Matches(msg, k.SeatsDown):
		m.stepSeats(-1)
	case key.Matches(msg, k.Watermark):
		m.toggleWatermark()
	case key.Matches(msg, k.FewerRerenders):
		m.toggleFewerRerenders()
	case key.Matches(msg, k.OneTime):
		m.askOneTime()
	}
	m.lastEdit = editKey{}
	return nil
}

// monthColumns are the Month table's column widths.
type monthColumns struct{ num, name, count, length, each, sub, share int }

// monthNames is the widest video name, worked out again only when the month changes.
type monthNames struct {
	project *pricing.Project
	version int
	width   int
}

// monthNameMin is the Month table's narrowest name column when the width
// allows: room for a name to be typed in, and the column an 80-column
// terminal has always shown.
const monthNameMin = 28

// monthColumnsFor sizes the Month table for w columns: the numbers as wide
// as the month's largest can be (a subtotal is at most the month's total),
// the name column as wide as the longest name (at least monthNameMin) up to
// what is left; Share is dropped before a name is cut below 16 characters.
func (m *Model) monthColumnsFor(w, longestName int) monthColumns {
	q := m.quote
	c := monthColumns{num: max(1, width(itoa(int64(len(m.project.Videos))))), count: width("Count"), length: width("Length"), share: width("Share") + 1}
	c.each, c.sub = width("Each"), width("Subtotal")
	if q != nil {
		total := width(q.Premium.Grouped())
		c.each, c.sub = max(c.each, total), max(c.sub, total)
	}
	c.count = max(c.count, width(pricing.Count(pricing.MaxCount)))
	c.length = max(c.length, 7)
	fixed := 2 + c.num + 1 + 1 + c.count + 1 + c.length + 1 + c.each + 1 + c.sub
	room := w - fixed - 1 - c.share
	if room < min(16, longestName) {
		c.share, room = 0, w-fixed
	}
	c.name = max(min(max(longestName, monthNameMin), room), 4)
	return c
}

func (m *Model) renderMonth(w, h int) []string {
	s := &m.styles
	q := m.quote
	if q == nil {
		return []string{" " + s.Error.Render("This month cannot be priced; see the status line.")}
	}
	p := m.project
	out := make([]string, 0, h)

	bal := max(q.Balance, 0).Grouped()
	if !p.HasBalance && w >= wideWidth {
		bal += " (the plan's credits)"
	}
	out = append(out, clip(" "+s.Label.Render("Plan ")+s.Value.Render(q.Plan.Name)+s.Muted.Render(" (p)")+
		s.Label.Render("  Billing ")+s.Value.Render(q.Billing.Key())+s.Muted.Render(" (b)")+
		s.Label.Render("  Balance ")+s.Value.Render(bal)+s.Muted.Render(" (B)")+
		s.Label.Render("  Cost ")+s.Value.Render(m.costLabel(q, w >= wideWidth)), w))
	out = append(out, clip(" "+m.settingsLine(q), w))

	// The gauge: used credits against the balance, with any shortfall past its end.
	// A figure the gauge draws follows its glyph, so the gauge needs no other legend.
	var used string
	if q.Fits {
		used = "█ " + q.Premium.Grouped() + " used · ░ " + q.Remaining.Grouped() + " remaining"
	} else {
		used = q.Premium.Grouped() + " used · 0 remaining · ▓ " + q.Short.Grouped() + " short"
	}
	gw := max(10, min(40, w-ansi.StringWidth(used)-6))
	out = append(out, " "+m.gauge(q, gw)+" "+clipStyle(s, q.Fits, used))

	out = append(out, m.monthStanding(w)...)

	// The table: only the rows that fit are drawn, however long the month.
	c := m.layout.monthCols
	numW, nameW, countW, lenW, eachW, subW, shareW := c.num, c.name, c.count, c.length, c.each, c.sub, c.share
	head := "  " + right("#", numW) + " " + fit("Video", nameW) + " " + right("Count", countW) + " " + right("Length", lenW) + " " +
		right("Each", eachW) + " " + right("Subtotal", subW)
	if shareW > 0 {
		head += " " + right("Share", shareW)
	}
	out = append(out, s.Muted.Render(head))
	rows, offset := m.layout.month.rows.h, m.layout.month.offset
	n := len(p.Videos)
	if n == 0 {
		out = append(out, "  "+s.Muted.Render("No videos yet. a adds one."))
	}
	for i := offset; i < n && i < offset+rows; i++ {
		vq := &q.Videos[i]
		v := vq.Video
		marker := "  "
		if i == m.sel {
			marker = "› "
		}
		sub := right(vq.Credits.Grouped(), subW)
		if m.runsOutVideo >= 0 && i >= m.runsOutVideo && vq.Credits > 0 {
			sub = s.Bad.Render(sub)
		}
		line := marker + right(itoa(int64(i)+1), numW) + " " + fit(v.Name, nameW) + " " + right(pricing.Count(v.Count), countW) + " " +
			right(pricing.FormatLength(v.Seconds), lenW) + " " + right(vq.Each.Grouped(), eachW) + " " + sub
		if shareW > 0 {
			line += " " + right(percent(vq.Credits, q.Premium), shareW)
		}
		if i == m.sel {
			line = s.Selected.Render(fit(ansi.Strip(line), w))
		}
		out = append(out, line)
	}
	for len(out) < h-1-m.notesRows() {
		out = append(out, "")
	}
	if m.notesRows() > 0 {
		out = append(out, m.notesLine(w))
	}
	foot := pricing.Plural(int64(n), "video") + " · " + pricing.Count(q.Copies) + " made · " + pricing.FormatLength(int(min(q.FinishedSeconds, 1<<31-1))) + " finished"
	if n > rows {
		foot += " · rows " + pricing.Count(offset+1) + "–" + pricing.Count(min(n, offset+rows)) + " of " + pricing.Count(n)
	}
	if m.runsOutVideo >= 0 {
		foot += " · subtotals in red run past the balance"
	}
	out = append(out, " "+s.Muted.Render(foot))
	return out
}

func clipStyle(s *Styles, good bool, text string) string {
	if good {
		return s.Good.Render(text)
	}
	return s.Bad.Render(text)
}

// settingsLine is the month's settings with the keys that change them: the
// seats and what the extra ones cost on the plan, whether a watermark is
// acceptable, whether fit may cut re-renders.
func (m *Model) settingsLine(q *pricing.Quote) string {
	s := &m.styles
	p, plan := m.project, q.Plan
	seats := s.Label.Render("Seats ") + s.Value.Render(pricing.Count(p.Seats)) + s.Muted.Render(" (s/S)")
	var cost string
	extra := p.Seats - plan.IncludedSeats
	switch {
	case plan.ContactSales:
	case extra > 0 && plan.ExtraSeats:
		each := m.card.Money(plan.SeatPrice)
		total := m.card.Money(pricing.Money(int64(plan.SeatPrice) * int64(extra)))
		cost = ": " + pricing.Count(extra) + " extra × " + each + " = " + total + "/mo"
	case extra > 0:
		cost = ": " + plan.Name + " sells no extra seats"
	case plan.ExtraSeats:
		cost = ": " + pricing.Count(plan.IncludedSeats) + " included, then " + m.card.Money(plan.SeatPrice) + "/mo each"
	default:
		cost = ": " + pricing.Count(plan.IncludedSeats) + " included"
	}
	if cost != "" {
		seats += s.Muted.Render(cost)
	}
	wm := "not OK"
	if p.WatermarkOK {
		wm = "OK"
	}
	fewer := "no"
	if p.AllowFewerRerenders {
		fewer = "yes"
	}
	budget := ""
	if p.HasBudget {
		// The budget leads the line: the month is stated in money first.
		budget = s.Label.Render("Budget ") + s.Value.Render(m.card.Money(p.Budget)) + s.Muted.Render(" ($)") + "  "
	}
	return budget + seats + s.Label.Render("  Watermark ") + s.Value.Render(wm) + s.Muted.Render(" (w)") +
		s.Label.Render("  Fit may cut re-renders ") + s.Value.Render(fewer) + s.Muted.Render(" (r)")
}

// costLabel is the month's cost under its billing, or pricing.ContactSales.
func (m *Model) costLabel(q *pricing.Quote, long bool) string {
	if q.Plan.ContactSales {
		return pricing.ContactSales
	}
	cost, withTopUp := q.QuotedCost()
	once := ""
	if q.OneTimeCost > 0 {
		once = " + " + m.card.Money(q.OneTimeCost) + " once"
	}
	if withTopUp && long {
		return m.card.Money(cost) + "/mo with top-up" + once
	}
	return m.card.Money(cost) + "/mo" + once
}

// gauge draws used credits in w cells, in integers: the balance fills the bar;
// when the month is short, the last cells show the shortfall's share in red.
func (m *Model) gauge(q *pricing.Quote, w int) string {
	s := &m.styles
	total := int64(max(q.Balance, 0))
	used := int64(q.Premium)
	short := int64(0)
	if !q.Fits {
		total = used
		short = int64(q.Short)
		used -= short
	}
	fill := bar(used, total, w)
	red := 0
	if short > 0 {
		red = max(bar(short, total, w), 1)
		fill = min(fill, w-red)
	}
	empty := w - fill - red
	return "[" + s.BarFill.Render(strings.Repeat("█", fill)) + s.BarShort.Render(strings.Repeat("▓", red)) +
		s.BarEmpty.Render(strings.Repeat("░", empty)) + "]"
}

// cureMonth works out what makes the month whenever it is repriced (never in
// View), so the Month screen's "Fix" and the Plans screen's recommendation are
// one answer, the cures `creditplan quote` prints. pricing.CuresQuote reads the
// quote's totals and sizes each plan from them, with no fitter (the fit runs
// in its own command, on f), so it is cheap enough for every key.
func (m *Model) cureMonth() {
	m.cure = nil
	if m.quote == nil {
		return
	}
	if cu, err := m.card.CuresQuote(m.quote, m.project); err == nil {
		m.cure = cu
	}
}

// monthStanding is the three lines under the Month screen's gauge. A plan
// that cannot make the month says so first (the cure's lead, its first reason;
// Plans lists the rest), then where the credits stand, then the cures; a
// month nothing blocks says where its credits stand, then the cures.
func (m *Model) monthStanding(w int) []string {
	s, q := &m.styles, m.quote
	credits := " " + s.Good.Render(clip(report.MonthFits(q), w-1))
	if !q.Fits {
		credits = " " + s.Bad.Render(clip(report.RunsOut(q), w-1))
	}
	fix := ""
	if f := m.monthFix(); f != "" {
		fix = " " + clip(f, w-1)
	}
	if len(q.Blocked) == 0 {
		third := ""
		if line, ok := m.budgetLine(q); line != "" {
			third = " " + clipStyle(s, ok, clip(line, w-1))
		}
		return []string{credits, fix, third}
	}
	lead := strings.TrimSuffix(report.CannotMake(q.Plan, q.Blocked[:1]), ".")
	if len(q.Blocked) > 1 {
		lead += " (+" + itoa(int64(len(q.Blocked)-1)) + " more on Plans)"
	}
	return []string{" " + s.Blocked.Render(clip("✗ "+lead, w-1)), credits, fix}
}

// monthFix is the Month screen's line under a month that needs a cure: the
// cures, cheapest first (the recommended one leads), or that none works; a
// blocked month is never offered a top-up on its own plan. It is "" when the
// month fits and nothing blocks it.
func (m *Model) monthFix() string {
	cu := m.cure
	hidden := m.cheaperHidden()
	switch {
	case cu == nil || !cu.Needed:
		if m.quote != nil && !m.quote.Fits && !hidden {
			return "See Cheaper options on the Video screen."
		}
		return ""
	case cu.Recommended == nil && hidden:
		return report.NoPlanCanMake
	case cu.Recommended == nil:
		return report.NoPlanCanMake + " See Cheaper options on the Video screen."
	}
	// The two cheapest fit a line; the rest are counted (quote lists them).
	fix := report.CureFixes(m.card, cu)
	line := "Fix: " + strings.Join(fix[:min(len(fix), monthFixes)], " or ")
	if len(fix) > monthFixes {
		line += " (+" + itoa(int64(len(fix)-monthFixes)) + " more)"
	}
	if hidden {
		return line + "."
	}
	return line + "; or see Cheaper options on the Video screen."
}

// monthFixes is how many cures the Month screen's "Fix" line names.
const monthFixes = 2
