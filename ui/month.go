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
// plan line, gauge, run-out line, its fix, blocked line, column header.
const monthHeadRows = 6

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
	}
	m.lastEdit = editKey{}
	return nil
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

	// The gauge: used credits against the balance, with any shortfall past its end.
	used := q.Premium.Grouped() + " used · "
	if q.Fits {
		used += q.Remaining.Grouped() + " remaining"
	} else {
		used += "0 remaining · " + q.Short.Grouped() + " short"
	}
	gw := max(10, min(40, w-ansi.StringWidth(used)-6))
	out = append(out, " "+m.gauge(q, gw)+" "+clipStyle(s, q.Fits, used))

	if q.Fits {
		out = append(out, " "+s.Good.Render(clip(report.MonthFits(q), w-1)), "")
	} else {
		out = append(out, " "+s.Bad.Render(clip(report.RunsOut(q), w-1)))
		if fix := report.ShortfallFixes(q); len(fix) > 0 {
			out = append(out, " "+clip("Fix: "+strings.Join(fix, " or ")+"; or see Cheaper options on the Video screen.", w-1))
		} else {
			out = append(out, " "+clip("See Cheaper options on the Video screen.", w-1))
		}
	}
	if len(q.Blocked) > 0 {
		more := ""
		if len(q.Blocked) > 1 {
			more = " (+" + itoa(int64(len(q.Blocked)-1)) + " more on Plans)"
		}
		out = append(out, " "+s.Blocked.Render(clip("✗ "+q.Plan.Name+" cannot make this month: "+q.Blocked[0]+more, w-1)))
	} else {
		out = append(out, "")
	}

	// The table: only the rows that fit are drawn, however long the month.
	const numW, countW, lenW, eachW, subW, shareW = 4, 6, 8, 9, 10, 7
	nameW := max(w-2-numW-countW-lenW-eachW-subW-shareW-6, 8)
	out = append(out, s.Muted.Render("  "+right("#", numW)+" "+fit("Video", nameW)+" "+right("Count", countW)+" "+right("Length", lenW)+" "+
		right("Each", eachW)+" "+right("Subtotal", subW)+" "+right("Share", shareW)))
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
		line := marker + right(itoa(int64(i)+1), numW) + " " + fit(v.Name, nameW) + " " + right(itoa(int64(v.Count)), countW) + " " +
			right(pricing.FormatLength(v.Seconds), lenW) + " " + right(vq.Each.Grouped(), eachW) + " " + sub + " " +
			right(percent(vq.Credits, q.Premium), shareW)
		if i == m.sel {
			line = s.Selected.Render(fit(ansi.Strip(line), w))
		}
		out = append(out, line)
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	foot := pricing.Plural(int64(n), "video") + " · " + pricing.Count(q.Copies) + " made · " + pricing.FormatLength(int(min(q.FinishedSeconds, 1<<31-1))) + " finished"
	if n > rows {
		foot += " · rows " + pricing.Count(offset+1) + "–" + pricing.Count(min(n, offset+rows)) + " of " + pricing.Count(n)
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

// costLabel is the month's cost under its billing, or pricing.ContactSales.
func (m *Model) costLabel(q *pricing.Quote, long bool) string {
	if q.Plan.ContactSales {
		return pricing.ContactSales
	}
	if len(q.TopUp.Packs) > 0 && long {
		return m.card.Money(q.Cost) + "/mo with top-up"
	}
	return m.card.Money(q.Cost) + "/mo"
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
