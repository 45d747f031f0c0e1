package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// rightSizedMsg carries the month's right-sizing for the project at revision
// rev. Right-sizing scans every plan's top-ups for the break-evens, too slow
// for Update even for a small month, so it runs in a command, only while
// Plans shows.
type rightSizedMsg struct {
	rev int
	rs  *pricing.RightSize
}

// plansPanel is the Plans screen's selection.
type plansPanel struct {
	sel int
}

// plansHeadRows is how many body rows come before the first plan row: the month
// line, a blank line and the column header.
const plansHeadRows = 3

func (m *Model) plansKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Plans
	n := len(m.card.Plans)
	switch {
	case key.Matches(msg, k.BillMonthly):
		m.setBilling(pricing.Monthly)
	case key.Matches(msg, k.BillAnnual):
		m.setBilling(pricing.Annual)
	case key.Matches(msg, k.Up):
		m.plans.sel = max(0, m.plans.sel-1)
	case key.Matches(msg, k.Down):
		m.plans.sel = max(0, min(n-1, m.plans.sel+1))
	case key.Matches(msg, k.Home):
		m.plans.sel = 0
	case key.Matches(msg, k.End):
		m.plans.sel = max(0, n-1)
	case key.Matches(msg, k.Enter):
		if m.plans.sel < n {
			id := m.card.Plans[m.plans.sel].ID
			if id == m.project.Plan {
				m.setStatus(m.card.Plans[m.plans.sel].Name + " is already the month's plan.")
			} else {
				m.setPlan(id)
			}
		}
	}
	return nil
}

func (m *Model) renderPlans(w, h int) []string {
	s := &m.styles
	c := m.cmp
	if c == nil {
		return nil
	}
	out := make([]string, 0, h)
	out = append(out, " "+s.Value.Render("This month spends "+m.card.CreditWord(c.Premium))+
		s.Muted.Render(" · "+pricing.FormatLength(int(min(c.FinishedSeconds, 1<<31-1)))+" finished · "+c.Billing.Key()+" billing (b)"), "")

	cols := m.plansColumns(w)
	out = append(out, s.Muted.Render(cols.head()))
	var most pricing.Money
	for i := range c.Options {
		if o := &c.Options[i]; !o.Plan.ContactSales && o.Total > most {
			most = o.Total
		}
	}
	for i := range c.Options {
		out = append(out, m.plansRow(i, cols, most, w))
	}
	legend := "  ✓ recommended · • the month's plan · enter uses the selected plan"
	if m.plansMarked() {
		legend += " · " + pricing.EstimateMark + " an estimate"
	}
	out = append(out, s.Muted.Render(clip(legend, w)), "")

	if m.plans.sel < len(c.Options) {
		o := &c.Options[m.plans.sel]
		out = append(out, " "+s.Heading.Render(clip(report.PlanStanding(m.card, o), w-1)))
		if l := m.plansEstimateNote(o.Plan, w); l != "" {
			out = append(out, l)
		}
		out = append(out, m.plansRecommendation(o, w)...)
		// The right-sizing goes below; the blocked reasons get the rows it leaves.
		rsLines := m.rightSizeLines(w)
		var reasons []string
		for _, b := range o.Blocked {
			for _, l := range strings.Split(ansi.Wordwrap("✗ "+b, max(w-3, 10), ""), "\n") {
				reasons = append(reasons, "   "+s.Blocked.Render(l))
			}
		}
		if room := h - len(out) - len(rsLines) - 1; len(reasons) > room {
			more := len(o.Blocked)
			reasons = reasons[:max(room-1, 0)]
			for _, l := range reasons {
				if strings.Contains(l, "✗") {
					more--
				}
			}
			if room > 0 {
				reasons = append(reasons, "   "+s.Blocked.Render("✗ … and "+pricing.Plural(int64(more), "more reason")))
			}
		}
		out = append(out, reasons...)
		out = append(out, "")
		out = append(out, rsLines...)
	}
	// A wide, tall terminal has the room for what each plan includes, below
	// the comparison; elsewhere the screen stays as it is.
	if w >= plansFeaturesWidth {
		if ft := m.plansFeatures(w); len(ft) > 0 && len(out)+1+len(ft) <= h {
			out = append(out, "")
			out = append(out, ft...)
		}
	}
	// The customer's negotiated prices, each list → theirs, where they fit whole.
	if cl := m.customLines(w, h-len(out)-1); len(cl) > 0 {
		out = append(out, "")
		out = append(out, cl...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// customLines lists the negotiated pricing's changes, each as the card's
// list price → this customer's: a heading naming the overlay's file (not
// while presenting), then a line per change. nil for list prices.
func (m *Model) customLines(w, room int) []string {
	cp := m.card.Custom
	if cp == nil || len(cp.Changes) == 0 || room < 1 {
		return nil
	}
	s := &m.styles
	head := "Custom pricing: " + printable(cp.File) + " (list → this customer's)"
	if m.present.on {
		head = "Your pricing (list → yours)"
	}
	whatW := 0
	for _, c := range cp.Changes {
		whatW = max(whatW, width(printable(c.What)))
	}
	whatW = min(whatW, max(w/2, 10))
	out := []string{" " + s.Heading.Render(clip(head, w-1))}
	if 1+len(cp.Changes) <= room {
		for _, c := range cp.Changes {
			line := "   " + s.Label.Render(fit(printable(c.What), whatW)) + "  " + s.Muted.Render(printable(c.List)) + " → " + s.Value.Render(printable(c.Yours))
			out = append(out, clip(line, w))
		}
		return out
	}
	// Short of room: the changes run on as text, as many lines as there are.
	parts := make([]string, len(cp.Changes))
	for i, c := range cp.Changes {
		parts[i] = printable(c.What) + " " + printable(c.List) + " → " + printable(c.Yours)
	}
	lines := wrap(strings.Join(parts, " · "), max(w-2, 10))
	if 1+len(lines) > room {
		// One line: the heading, then as many changes as it holds.
		return []string{" " + s.Heading.Render(clip(head+": "+strings.Join(parts, " · "), w-1))}
	}
	for _, l := range lines {
		out = append(out, "  "+s.Value.Render(l))
	}
	return out
}

// plansCols are the widths of the Plans table's columns (0 for a column the
// width has no room for).
type plansCols struct{ plan, fits, left, mon, ann, perMin, bar int }

// plansColumns sizes every column as wide as its widest entry (a few plans:
// cheap to measure), so large numbers never run into each other or get cut;
// Per min, then the bar, give way on a narrow terminal before that happens.
func (m *Model) plansColumns(w int) plansCols {
	c := m.cmp
	k := plansCols{plan: width("Plan"), fits: width("blocked"), left: width("Left/short"),
		mon: width("Monthly"), ann: width("Annual"), perMin: width("Per min")}
	for i := range c.Options {
		o := &c.Options[i]
		k.plan = max(k.plan, width(o.Plan.Name+" • ✓"))
		k.left = max(k.left, width(m.marked(plansLeft(o), o.Plan, "credits")))
		if !o.Plan.ContactSales {
			k.mon = max(k.mon, width(m.marked(m.card.Money(o.MonthlyTotal), o.Plan, "monthly_price")))
			k.ann = max(k.ann, width(m.marked(m.card.Money(o.AnnualTotal), o.Plan, "annual_price")))
			k.perMin = max(k.perMin, width(m.card.Money(o.PerMinute)))
		}
	}
	if rest := k.mon + 2 + k.ann; rest < width(pricing.ContactSales) {
		k.ann += width(pricing.ContactSales) - rest
	}
	// Two spaces between the figures, so neighbouring numbers never read as one.
	fixed := 2 + k.plan + k.fits + k.left + k.mon + k.ann + k.perMin + 9
	if fixed > w {
		fixed, k.perMin = fixed-k.perMin-2, 0
	}
	k.bar = w - fixed - 1
	return k
}

// head is the table's header line.
func (k plansCols) head() string {
	head := "  " + fit("Plan", k.plan) + " " + fit("Fits", k.fits) + " " + right("Left/short", k.left) + "  " +
		right("Monthly", k.mon) + "  " + right("Annual", k.ann)
	if k.perMin > 0 {
		head += "  " + right("Per min", k.perMin)
	}
	if k.bar >= 6 {
		head += " " + fit("Cost", k.bar)
	}
	return head
}

// plansRow is plan option i's line: name and marks, whether it fits, what is
// left or short, its prices and a bar of its cost against the dearest, most.
func (m *Model) plansRow(i int, k plansCols, most pricing.Money, w int) string {
	s := &m.styles
	c := m.cmp
	o := &c.Options[i]
	name := o.Plan.Name
	if o.Plan.ID == m.project.Plan {
		name += " •"
	}
	if m.plansRecommends(o) {
		name += " ✓"
	}
	fits, fitStyle := "yes", s.Good
	switch {
	case len(o.Blocked) > 0:
		fits, fitStyle = "blocked", s.Blocked
	case !o.Fits:
		fits, fitStyle = "top-up", s.Premium
	}
	var money string
	if o.Plan.ContactSales {
		money = right(pricing.ContactSales, k.mon+2+k.ann)
		if k.perMin > 0 {
			money += "  " + right("–", k.perMin)
		}
	} else {
		perMin := "–"
		if c.FinishedSeconds > 0 {
			perMin = m.card.Money(o.PerMinute)
		}
		money = right(m.marked(m.card.Money(o.MonthlyTotal), o.Plan, "monthly_price"), k.mon) + "  " +
			right(m.marked(m.card.Money(o.AnnualTotal), o.Plan, "annual_price"), k.ann)
		if k.perMin > 0 {
			money += "  " + right(perMin, k.perMin)
		}
	}
	marker := "  "
	if i == m.plans.sel {
		marker = "› "
	}
	line := marker + fit(name, k.plan) + " " + fitStyle.Render(fit(fits, k.fits)) + " " + right(m.marked(plansLeft(o), o.Plan, "credits"), k.left) + "  " + money
	if k.bar >= 6 {
		if o.Plan.ContactSales {
			// The price columns already say it; the bar says it again only where it fits whole.
			if k.bar > width(pricing.ContactSales) {
				line += " " + s.Muted.Render(pricing.ContactSales)
			}
		} else {
			cells := bar(int64(o.Total), int64(most), k.bar-1)
			if o.Total > 0 {
				cells = max(cells, 1)
			}
			st := s.BarFill
			if m.plansRecommends(o) {
				st = s.Recommend
			}
			line += " " + st.Render(strings.Repeat("█", cells))
		}
	}
	if i == m.plans.sel {
		return s.Selected.Render(fit(ansi.Strip(line), w))
	}
	if m.plansRecommends(o) {
		return s.Recommend.Render(ansi.Strip(line))
	}
	return line
}

// plansFeaturesWidth is the least width at which Plans shows its feature table.
const plansFeaturesWidth = 110

// plansFeatures is the feature table under the comparison: a row per feature
// (credits, price on each billing, limits, seats, watermark) and a column per
// plan, each as wide as its widest cell. It is nil when the table would not
// fit w whole, as a cut feature table would mislead.
func (m *Model) plansFeatures(w int) []string {
	s, card := &m.styles, m.card
	if len(card.Plans) == 0 {
		return nil
	}
	credits := card.CreditNamePlural
	if credits == "" {
		credits = "credits"
	}
	labels := []string{
		strings.ToUpper(credits[:1]) + credits[1:] + " a month",
		"Price a month, monthly",
		"Price a month, annual",
		"Max video length",
		"Max resolution",
		"Seats included",
		"Extra seat a month",
		"Watermark",
	}
	cols := make([][]string, len(card.Plans))
	heads := make([]string, len(card.Plans))
	for i := range card.Plans {
		p := &card.Plans[i]
		heads[i] = p.Name
		if p.ID == m.project.Plan {
			heads[i] += " •"
		}
		length, res := "no limit", "no limit"
		if p.MaxSeconds > 0 {
			length = pricing.FormatLength(p.MaxSeconds)
		}
		if p.MaxHeight > 0 {
			res = m.card.ResolutionName(p.MaxHeight)
		}
		seat := "none sold"
		switch {
		case !p.ExtraSeats:
		case p.ContactSales && p.SeatPrice == 0:
			seat = pricing.ContactSales
		default:
			seat = card.Money(p.SeatPrice)
		}
		watermark := "no"
		if p.Watermark {
			watermark = "yes"
		}
		cols[i] = []string{
			featureCell(p.Credits.Grouped(), p, "credits"),
			featureCell(card.PriceLabel(p, pricing.Monthly), p, "monthly_price"),
			featureCell(card.PriceLabel(p, pricing.Annual), p, "annual_price"),
			featureCell(length, p, "max_length"), featureCell(res, p, "max_resolution"),
			featureCell(pricing.Count(p.IncludedSeats), p, "included_seats"),
			featureCell(seat, p, "extra_seat_price"), featureCell(watermark, p, "watermark"),
		}
	}
	labelW := width("What each plan includes")
	for _, l := range labels {
		labelW = max(labelW, width(l))
	}
	colW := make([]int, len(cols))
	total := 2 + labelW
	for i := range cols {
		colW[i] = width(heads[i])
		for _, c := range cols[i] {
			colW[i] = max(colW[i], width(c))
		}
		total += 2 + colW[i]
	}
	if total > w {
		return nil
	}
	head := "  " + fit("What each plan includes", labelW)
	for i := range heads {
		head += "  " + right(heads[i], colW[i])
	}
	out := []string{s.Heading.Render(head)}
	for r, l := range labels {
		line := "  " + s.Label.Render(fit(l, labelW))
		for i := range cols {
			line += "  " + s.Value.Render(right(cols[i][r], colW[i]))
		}
		out = append(out, line)
	}
	return out
}

// plansRecommends reports whether the Plans screen recommends o's plan. For a
// month its plan cannot make as it stands, that is the cure Cures recommends,
// the one the Month screen's "Fix" and `creditplan quote` lead with (its own
// plan when a top-up is the cheapest cure); otherwise the comparison's, the
// cheapest plan that can make the month.
func (m *Model) plansRecommends(o *pricing.PlanOption) bool {
	if cu := m.cure; cu != nil && cu.Needed {
		return cu.Recommended != nil && cu.Recommended.Plan == o.Plan
	}
	return o.Recommended
}

// plansRecommendation is the line under the selected plan o that names the
// recommendation (plansRecommends): the recommended cure when the month needs
// one, marked when o is its plan, or that no plan can make the month.
func (m *Model) plansRecommendation(o *pricing.PlanOption, w int) []string {
	s, c := &m.styles, m.cmp
	if cu := m.cure; cu != nil && cu.Needed {
		switch {
		case cu.Recommended == nil:
			return []string{" " + s.Bad.Render(clip(report.NoPlanCanMake, w-1))}
		case cu.Recommended.Plan == o.Plan:
			return []string{" " + s.Recommend.Render(clip("✓ "+report.CureRecommended(m.card, cu), w-1))}
		}
		return []string{" " + s.Muted.Render(clip(report.CureRecommended(m.card, cu), w-1))}
	}
	switch {
	case o.Recommended:
		return []string{" " + s.Recommend.Render("✓ Recommended: the cheapest plan that can make this month.")}
	case c.Recommended != "":
		if rp, ok := m.card.Plan(c.Recommended); ok {
			return []string{" " + s.Muted.Render("Recommended: "+rp.Name+".")}
		}
		return nil
	}
	return []string{" " + s.Bad.Render(report.NoPlanCanMake)}
}

// rightSizeLines is the cheapest way to make the month (any plan, either
// billing, with top-ups) and the break-evens between neighbouring plans, from
// the last right-sizing. While a newer one is computed the previous stays up
// for the moment it takes, rather than flashing a placeholder.
func (m *Model) rightSizeLines(w int) []string {
	s := &m.styles
	r := m.rs
	if r == nil {
		return []string{" " + s.Muted.Render("Working out the cheapest way to make this month…")}
	}
	var out []string
	for _, l := range wrap(report.RightSizeLine(r), w-1) {
		out = append(out, " "+s.Recommend.Render(l))
	}
	if len(r.BreakEvens) == 0 {
		return out
	}
	out = append(out, " "+s.Heading.Render(clip("Break-even between neighbouring plans ("+r.Billing.Key()+" billing)", w-1)))
	for i := range r.BreakEvens {
		for _, l := range wrap(r.BreakEvens[i].Text(m.card), w-3) {
			out = append(out, "   "+l)
		}
	}
	if r.Dominant != nil && w >= wideWidth {
		out = append(out, "   "+s.Muted.Render(clip("(usage in "+r.Dominant.Name+", this month's largest premium spend: "+
			m.card.CreditWord(r.DominantCredits)+" of "+r.Premium.Grouped()+")", w-3)))
	}
	return out
}

// plansLeft is a plan's Left/short cell: the credits left, or how short the month is.
func plansLeft(o *pricing.PlanOption) string {
	if !o.Fits {
		return o.Short.Grouped() + " short"
	}
	return o.Remaining.Grouped() + " left"
}

// marked is text with the estimate mark when the card marks plan p's field
// (estimated = [...]) as an estimate, so a placeholder never reads as a fact.
func (m *Model) marked(text string, p *pricing.Plan, field string) string {
	switch {
	case p != nil && p.Marks.Has(field):
		return text + pricing.EstimateMark
	case m.fieldMarked(field):
		return text + " " // the column's figures stay aligned on their last digit
	}
	return text
}

// fieldMarked reports whether any plan of the card marks field as an estimate.
func (m *Model) fieldMarked(field string) bool {
	for i := range m.card.Plans {
		if m.card.Plans[i].Marks.Has(field) {
			return true
		}
	}
	return false
}

// plansMarkedFields are the plan numbers the Plans screen shows, which an
// estimate mark may name.
var plansMarkedFields = []string{"credits", "monthly_price", "annual_price", "max_length", "max_resolution", "included_seats", "extra_seat_price", "watermark"}

// plansMarked reports whether the Plans screen marks any number as an estimate.
func (m *Model) plansMarked() bool {
	for i := range m.card.Plans {
		for _, f := range plansMarkedFields {
			if m.card.Plans[i].Marks.Has(f) {
				return true
			}
		}
	}
	return false
}

// plansEstimateNote is the footnote under the selected plan whose numbers
// are marked: which they are and, outside presentation mode, why they are
// estimates (the card's why). Presenting, the marks alone show: no
// assumption prose.
func (m *Model) plansEstimateNote(p *pricing.Plan, w int) string {
	var fields []string
	for _, f := range plansMarkedFields {
		if p.Marks.Has(f) {
			fields = append(fields, strings.ReplaceAll(f, "_", " "))
		}
	}
	if len(fields) == 0 {
		return ""
	}
	text := pricing.EstimateMark + " " + p.Name + "'s " + strings.Join(fields, ", ") + ": an estimate"
	if !m.present.on && p.Marks.Why != "" {
		text += ": " + printable(p.Marks.Why)
	} else {
		text += ", not a published figure"
	}
	return " " + m.styles.Muted.Render(clip(text, w-1))
}

// featureCell is a cell of the feature table, whose columns are plans: the
// estimate mark when p marks field, and a space in its place in a column
// that marks another, so each column's figures stay aligned.
func featureCell(text string, p *pricing.Plan, field string) string {
	switch {
	case p.Marks.Has(field):
		return text + pricing.EstimateMark
	case slices.ContainsFunc(plansMarkedFields, p.Marks.Has):
		return text + " "
	}
	return text
}
