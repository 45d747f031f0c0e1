package ui

import (
	"sort"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Several plans' years side by side on the Year screen (o): the cheapest
// plans that can make the month, each simulated over the year on the
// month's billing (pricing.RateCard.Year), cheapest year first, as many as
// the width holds.

// yearPlansState is the side-by-side view's state: whether it shows, and
// the years simulated for the project at revision rev.
type yearPlansState struct {
	on    bool
	years []*pricing.YearResult
	rev   int
	fresh bool
	busy  bool
	slow  bool
}

// yearPlansDoneMsg carries the years simulated in a command for revision rev.
type yearPlansDoneMsg struct {
	rev   int
	years []*pricing.YearResult
}

// maxYearPlans is the most plans simulated side by side: more than any
// width shows.
const maxYearPlans = 6

// plansYears simulates the year of every plan that can make the month (its
// limits allow it and it has a public price), on the month's billing,
// cheapest year first (ties in the card's order).
func plansYears(card *pricing.RateCard, p *pricing.Project) []*pricing.YearResult {
	cmp := card.Compare(p)
	var out []*pricing.YearResult
	for i := range cmp.Options {
		if o := &cmp.Options[i]; o.Usable() {
			out = append(out, card.Year(p, o.Plan, p.Billing))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Short != out[j].Short {
			return out[i].Short < out[j].Short
		}
		return out[i].Cost < out[j].Cost
	})
	if len(out) > maxYearPlans {
		out = out[:maxYearPlans]
	}
	return out
}

// toggleYearPlans shows or hides the plans side by side.
func (m *Model) toggleYearPlans() {
	m.yearPlans.on = !m.yearPlans.on
	m.ensureYearPlans()
	if m.yearPlans.on {
		m.setStatus("The cheapest plans that can make the month, year by year; o shows one plan again.")
	} else {
		m.setStatus("The year of the month's own plan; o shows several plans side by side.")
	}
}

// ensureYearPlans simulates the plans' years while they show, in Update for
// a short month, in a command (yearPlansBackground) for a long one.
func (m *Model) ensureYearPlans() {
	yp := &m.yearPlans
	yp.slow = len(m.project.Videos)*(len(m.card.Plans)+1) > yearInlineVideos
	if yp.fresh && yp.rev != m.version {
		yp.fresh = false
	}
	if m.screen != ScreenYear || !yp.on || yp.fresh || yp.slow {
		return
	}
	yp.years, yp.rev, yp.fresh = plansYears(m.card, m.project), m.version, true
}

// yearPlansBackground starts the slow simulation, one at a time.
func (m *Model) yearPlansBackground() tea.Cmd {
	yp := &m.yearPlans
	if m.screen != ScreenYear || !yp.on || !yp.slow || yp.busy || (yp.fresh && yp.rev == m.version) {
		return nil
	}
	yp.busy = true
	card, rev, p := m.card, m.version, m.project.Clone()
	return func() tea.Msg { return yearPlansDoneMsg{rev: rev, years: plansYears(card, p)} }
}

func (m *Model) yearPlansDone(msg yearPlansDoneMsg) {
	m.yearPlans.busy = false
	if msg.rev == m.version {
		m.yearPlans.years, m.yearPlans.rev, m.yearPlans.fresh = msg.years, msg.rev, true
	}
}

// renderYearPlans draws the years side by side: a column per plan with each
// month's cost, then the year's cost, the credits that expired unused, the
// top-ups bought and what was left short; then which is cheapest.
func (m *Model) renderYearPlans(w, h int) []string {
	s := &m.styles
	yp := &m.yearPlans
	out := make([]string, 0, h)
	title := "Years side by side, " + m.project.Billing.Key() + " billing (b)"
	out = append(out, " "+s.Heading.Render(clip(title, w-1))+
		s.Muted.Render(clip(": the cheapest plans that can make the month · o: one plan", max(w-1-width(title), 0))))
	if !yp.fresh || yp.rev != m.version {
		return append(out, " "+s.Muted.Render("Simulating the plans' years…"))
	}
	if len(yp.years) == 0 {
		return append(out, "", " "+s.Bad.Render(clip("No plan can make this month as planned; o shows the year of the month's own plan.", w-1)))
	}
	const labelW = 7
	cells := func(y *pricing.YearResult) []string {
		col := []string{y.Plan.Name}
		for i := range y.Months {
			wm := &y.Months[i]
			c := m.yearMoney(y, wm.Cost)
			if wm.Short > 0 {
				c += " !"
			}
			col = append(col, c)
		}
		top := "–"
		if y.Bought > 0 {
			top = "+" + y.Bought.Grouped()
		}
		short := "–"
		if y.Short > 0 {
			short = y.Short.Grouped()
		}
		// The year's figures carry their estimate marks; the months', the
		// footnote of the one-plan Year screen (o).
		costMark, cred := "", y.Marks.CreditsMark()
		if !y.ContactSales {
			costMark = y.Marks.CostMark(y.Billing, y.Bought > 0)
		}
		if top != "–" {
			top += cred
		}
		if short != "–" {
			short += cred
		}
		return append(col, m.yearMoney(y, y.Cost)+costMark, y.Expired.Grouped()+cred, top, short)
	}
	var cols [][]string
	var widths []int
	used := 2 + labelW
	for _, y := range yp.years {
		col := cells(y)
		cw := 0
		for _, c := range col {
			cw = max(cw, width(c))
		}
		if used+2+cw > w && len(cols) > 0 {
			break
		}
		cols, widths = append(cols, col), append(widths, cw)
		used += 2 + cw
	}
	line := func(marker, label string, row int) string {
		l := marker + right(label, labelW)
		for k, col := range cols {
			l += "  " + right(col[row], widths[k])
		}
		return clip(l, w)
	}
	out = append(out, s.Muted.Render(line("  ", "Month", 0)))
	for i := range 12 {
		marker := "  "
		if i == m.year.sel {
			marker = "› "
		}
		l := line(marker, itoa(int64(i)+1), 1+i)
		if i == m.year.sel {
			l = s.Selected.Render(l)
		}
		out = append(out, l)
	}
	out = append(out, s.Value.Render(line("  ", "Year", 13)), line("  ", "Expired", 14), line("  ", "Top-ups", 15), line("  ", "Short", 16))
	best := yp.years[0]
	bestMark := ""
	if !best.ContactSales {
		bestMark = best.Marks.CostMark(best.Billing, best.Bought > 0)
	}
	verdict := "Cheapest over the year: " + best.Plan.Name + ", " + m.yearMoney(best, best.Cost) + bestMark + " on " + m.project.Billing.Key() + " billing"
	if len(yp.years) > 1 {
		next := yp.years[1]
		verdict += "; " + next.Plan.Name + " costs " + m.card.Money(next.Cost-best.Cost) + " more"
	}
	if len(cols) < len(yp.years) {
		verdict += " (" + pricing.Plural(int64(len(yp.years)-len(cols)), "more plan") + " on a wider terminal)"
	}
	if len(out)+2 <= h {
		out = append(out, "")
		for _, l := range wrap(verdict+". Expired, top-ups and short are credits; ! marks a month left short.", max(w-2, 20)) {
			out = append(out, " "+s.Recommend.Render(l))
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}
