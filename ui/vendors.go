package ui

import (
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Vendors: with more than one card (--rates given more than once) the month
// can be priced on each. V carries the month to the next card and prices it
// there (the header then names that card); v on the Plans screen shows every
// vendor side by side (pricing.CompareVendors): the cheapest plan and
// billing, the month and a finished minute in money, the credits in that
// vendor's own unit, and what blocks a vendor, never priced at 0. Carrying
// the month (pricing.ParseProjectAcross) and pricing it run in commands;
// Update only installs what they return.

// vendorState is the vendor switch and the side-by-side view.
type vendorState struct {
	// cards are the vendors' cards in the order given; fewer than two
	// disables V and v.
	cards []*pricing.RateCard
	cur   int  // the card the planner prices on
	on    bool // v: the Plans screen shows the vendors
	busy  bool // a comparison is being worked out
	rev   int  // the project version cmp and err are for
	fresh bool
	cmp   *pricing.VendorComparison
	marks []string
	err   error
	// switching is the card V is carrying the month to, -1 when none;
	// refused is the last card that could not make the month, so the next V
	// goes on past it (-1 when none).
	switching, refused int
	// fx converts the cards' money to the first card's currency (Options.FX).
	fx *pricing.FX
}

// vendorsDoneMsg is a comparison worked out for version rev.
type vendorsDoneMsg struct {
	rev   int
	cmp   *pricing.VendorComparison
	marks []string // each vendor's estimate mark on its month ("" or " ≈")
	err   error
}

// vendorSwitchedMsg is the month carried to card `to` and priced there.
type vendorSwitchedMsg struct {
	rev, to int
	month   pricing.CardMonth
	quote   *pricing.Quote
	qerr    error
	err     error
}

// useVendors takes the vendors' cards: the planner's own (its overlay and
// customer laid over it) stands for the card of the same origin.
func (m *Model) useVendors(cards []*pricing.RateCard, fx *pricing.FX) {
	m.vend.switching, m.vend.refused, m.vend.fx = -1, -1, fx
	if len(cards) < 2 {
		m.keys.Global.NextVendor.SetEnabled(false)
		m.keys.Plans.Vendors.SetEnabled(false)
		return
	}
	m.vend.cards = append([]*pricing.RateCard(nil), cards...)
	for i, c := range m.vend.cards {
		if c == m.card || (c.Origin == m.card.Origin && c.Name == m.card.Name) {
			m.vend.cards[i], m.vend.cur = m.card, i
			break
		}
	}
}

// multiVendor reports whether there are vendors to switch between.
func (m *Model) multiVendor() bool { return len(m.vend.cards) > 1 }

// carryMonth reads the month, as the current card holds it, against every
// vendor's card. It runs in a command: it encodes and decodes the month.
func carryMonth(path string, cur int, cards []*pricing.RateCard, p *pricing.Project) ([]pricing.CardMonth, error) {
	src := pricing.EncodeProject(p, cards[cur])
	var s pricing.ProjectSources
	if path != "" {
		s.Scripts = os.DirFS(filepath.Dir(path))
	}
	// The current card first: the month's ids are its own, carried to the others.
	order := append([]*pricing.RateCard{cards[cur]}, append(append([]*pricing.RateCard(nil), cards[:cur]...), cards[cur+1:]...)...)
	months, err := pricing.ParseProjectAcrossFrom(monthFileName(path), src, order, s)
	if err != nil {
		return nil, err
	}
	// Back in the order given.
	out := make([]pricing.CardMonth, len(cards))
	out[cur] = months[0]
	copy(out[:cur], months[1:cur+1])
	copy(out[cur+1:], months[cur+1:])
	return out, nil
}

func monthFileName(path string) string {
	if path == "" {
		return "month.toml"
	}
	return filepath.Base(path)
}

// toggleVendors is v on the Plans screen: the vendors side by side, or the
// plans of the current card again.
func (m *Model) toggleVendors() {
	if !m.multiVendor() {
		m.setStatus("One rate card: give --rates once for each vendor's card to compare vendors.")
		return
	}
	m.vend.on = !m.vend.on
	if m.vend.on {
		m.setStatus("The month on every vendor's card; V prices the planner on the next one, v shows the plans again.")
	} else {
		m.setStatus("The plans of " + m.card.Name + "; v shows the vendors side by side.")
	}
}

// vendorsFresh reports whether the comparison shown is for the month as it is.
func (m *Model) vendorsFresh() bool { return m.vend.fresh && m.vend.rev == m.version }

// vendorsBackground starts the comparison while the vendors show, one at a time.
func (m *Model) vendorsBackground() tea.Cmd {
	v := &m.vend
	if !m.multiVendor() || !v.on || m.screen != ScreenPlans || v.busy || m.vendorsFresh() {
		return nil
	}
	v.busy = true
	rev, path, cur, cards, fx, p := m.version, m.path, v.cur, m.vend.cards, m.vend.fx, m.project.Clone()
	return func() tea.Msg {
		months, err := carryMonth(path, cur, cards, p)
		if err != nil {
			return vendorsDoneMsg{rev: rev, err: err}
		}
		cmp, err := pricing.CompareVendors(months, fx)
		if err != nil {
			return vendorsDoneMsg{rev: rev, err: err}
		}
		marks := make([]string, len(cmp.Vendors))
		for i := range cmp.Vendors {
			marks[i] = bestMark(&cmp.Vendors[i])
		}
		return vendorsDoneMsg{rev: rev, cmp: cmp, marks: marks}
	}
}

func (m *Model) vendorsDone(msg vendorsDoneMsg) {
	m.vend.busy = false
	if msg.rev == m.version {
		m.vend.cmp, m.vend.marks, m.vend.err, m.vend.rev, m.vend.fresh = msg.cmp, msg.marks, msg.err, msg.rev, true
	}
}

// nextVendor is V: carry the month to the next vendor's card and price it
// there, in a command.
func (m *Model) nextVendor() tea.Cmd {
	if !m.multiVendor() {
		m.setStatus("One rate card: give --rates once for each vendor's card to switch vendors.")
		return nil
	}
	if m.vend.switching >= 0 {
		return nil // one switch at a time
	}
	from := m.vend.cur
	if m.vend.refused >= 0 {
		from = m.vend.refused // past the vendor that could not make it
	}
	to := (from + 1) % len(m.vend.cards)
	if to == m.vend.cur {
		to = (to + 1) % len(m.vend.cards)
	}
	m.vend.switching = to
	m.setStatus("Pricing the month on " + printable(vendorName(m.vend.cards[to])) + "…")
	rev, path, cur, cards, p := m.version, m.path, m.vend.cur, m.vend.cards, m.project.Clone()
	return func() tea.Msg {
		months, err := carryMonth(path, cur, cards, p)
		if err != nil {
			return vendorSwitchedMsg{rev: rev, to: to, err: err}
		}
		month := months[to]
		msg := vendorSwitchedMsg{rev: rev, to: to, month: month}
		if !month.Blocked() && month.Project != nil {
			msg.quote, msg.qerr = month.Card.Quote(month.Project)
		}
		return msg
	}
}

// vendorSwitched installs the month carried to another card, unless it
// changed meanwhile or that vendor cannot make it (its gaps are said, and
// the planner stays where it was).
func (m *Model) vendorSwitched(msg vendorSwitchedMsg) {
	m.vend.switching = -1
	name := printable(vendorName(m.vend.cards[msg.to]))
	switch {
	case msg.rev != m.version:
		m.setStatus("The month changed while it was carried to " + name + "; V again prices it there.")
		return
	case msg.err != nil:
		m.setError(errorText("✗ " + name + ": " + msg.err.Error()))
		return
	case msg.month.Blocked() || msg.month.Project == nil:
		m.vend.refused = msg.to
		m.setError(errorText("✗ " + name + " cannot make this month: " + strings.Join(gapReasons(msg.month.Gaps), "; ") + " (v compares the vendors)"))
		return
	}
	p := msg.month.Project
	for i := range p.Videos {
		p.Videos[i].ID = i + 1
	}
	for i := range p.Scenarios {
		p.Scenarios[i].ID = i + 1
	}
	m.vend.cur, m.vend.refused = msg.to, -1
	m.card = m.vend.cards[msg.to]
	m.project = p
	m.nextID = len(p.Videos)
	m.video.rows = formRows(m.card)
	m.video.valueW, m.video.tagW = formWidths(m.card)
	// The undo steps hold the month in the other card's ids: they end here.
	m.undo, m.redo = nil, nil
	m.plans.sel = 0
	m.bump()
	m.useQuote(msg.quote, msg.qerr)
	m.setStatus("The month is now priced on " + name + " (" + printable(m.card.Name) + "); V switches again. A save writes this card's ids.")
}

// vendorName is how the planner names a card's vendor.
func vendorName(c *pricing.RateCard) string {
	if c.Vendor != "" {
		return c.Vendor
	}
	return c.Name
}

// gapReasons are the gaps' sentences, each once.
func gapReasons(gaps []pricing.CapabilityGap) []string {
	var out []string
	for _, g := range gaps {
		if !contains(out, g.Reason) {
			out = append(out, g.Reason)
		}
	}
	if len(out) == 0 {
		out = append(out, "the month could not be carried to this card")
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// renderVendors is the Plans screen while v shows the vendors: a row per
// vendor (its cheapest plan and billing, the month, a finished minute, the
// credits in its own unit), what blocks each one that cannot make the
// month, then the verdict and why credits are not compared.
func (m *Model) renderVendors(w, h int) []string {
	s := &m.styles
	out := make([]string, 0, h)
	title := "Vendors side by side"
	out = append(out, " "+s.Heading.Render(clip(title, w-1))+
		s.Muted.Render(clip(" · V prices the planner on the next · v: the plans", max(w-1-width(title), 0))))
	v := &m.vend
	switch {
	case !m.vendorsFresh():
		return append(out, "", " "+s.Muted.Render("Pricing the month on every vendor's card…"))
	case v.err != nil:
		return append(out, "", " "+s.Bad.Render(clip("✗ "+printable(v.err.Error()), w-1)))
	}
	vc := v.cmp
	// Two cards of one vendor (two eras of its pricing) go by their cards' names.
	labels := make([]string, len(vc.Vendors))
	nameW := width("Vendor")
	for i := range vc.Vendors {
		labels[i] = vc.Vendors[i].Name()
		for j := range vc.Vendors {
			if j != i && vc.Vendors[j].Name() == labels[i] {
				labels[i] = vc.Vendors[i].Card.Name
				break
			}
		}
		nameW = max(nameW, width(printable(labels[i])))
	}
	nameW = min(nameW, max(w/4, 10))
	const planW, moneyW, minW = 20, 11, 11
	out = append(out, "", s.Muted.Render(clip("  "+fit("Vendor", nameW)+" "+fit("Cheapest plan", planW)+" "+right("Month", moneyW)+" "+
		right("Per minute", minW)+"  Credits (its own unit)", w)))
	var blocked []string
	for i := range vc.Vendors {
		r := &vc.Vendors[i]
		marker := "  "
		if i == v.cur {
			marker = "› "
		}
		name := fit(labels[i], nameW)
		var line string
		if r.Best == nil {
			reasons := gapReasons(r.Gaps)
			if len(r.Gaps) == 0 {
				reasons = reasons[:0]
				for j := range r.Plans {
					for _, b := range r.Plans[j].Blocked {
						if !contains(reasons, b) {
							reasons = append(reasons, b)
						}
					}
				}
			}
			line = marker + name + " " + s.Blocked.Render("✗ cannot make this month")
			for _, why := range reasons {
				blocked = append(blocked, printable(labels[i])+": "+printable(why))
			}
		} else {
			plan := printable(r.Best.Plan.Name) + ", " + r.Best.Billing.Key()
			month := r.Card.Money(r.Best.Total)
			if i < len(v.marks) {
				month += v.marks[i]
			}
			if r.Rate.From != r.Rate.To {
				month = r.Converted.Format(vc.Currency)
			}
			line = marker + name + " " + fit(plan, planW) + " " + right(month, moneyW) + " " +
				right(r.Card.Money(r.PerMinute), minW) + "  " + printable(r.Card.CreditWord(r.Premium))
			if i == vc.Cheapest {
				line = s.Good.Render(line)
			}
		}
		if i == v.cur {
			line = s.Selected.Render(line)
		}
		out = append(out, clip(line, w))
	}
	// The verdict is what a customer is shown: wrapped, never cut.
	out = append(out, "")
	for _, l := range wrap(printable(vc.Verdict()), w-1) {
		out = append(out, " "+s.Value.Render(l))
	}
	for _, b := range blocked {
		out = append(out, " "+s.Blocked.Render(clip("✗ "+b, w-1)))
	}
	for i := range vc.Vendors {
		// A setup fee paid once is not in the month column; the verdict counts it.
		if t := vc.Vendors[i].OneTimeText(); t != "" {
			for _, l := range wrap(printable(vc.Vendors[i].Name()+": "+t), w-1) {
				out = append(out, " "+s.Muted.Render(l))
			}
		}
	}
	for _, r := range vc.Rates {
		out = append(out, " "+s.Muted.Render(clip("Exchange rate: "+printable(r.String()), w-1)))
	}
	out = append(out, " "+s.Muted.Render(clip(pricing.CreditsNotComparable, w-1)))
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// bestMark marks a vendor's month ≈ when it rests on an estimate.
func bestMark(r *pricing.VendorResult) string {
	if r.Best == nil || r.Project == nil {
		return ""
	}
	d := pricing.DerivedMarksFor(r.Best.Plan, r.Best.Billing, r.Card.MonthNeedEstimated(r.Project))
	return d.CostMark(r.Best.Billing, len(r.Best.TopUp.Packs) > 0)
}

// vendorKey answers the vendor keys; ok is false for any other key.
func (m *Model) vendorKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.Global.NextVendor):
		return m.nextVendor(), true
	case m.screen == ScreenPlans && key.Matches(msg, m.keys.Plans.Vendors):
		m.toggleVendors()
		return nil, true
	}
	return nil, false
}
