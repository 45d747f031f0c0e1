package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// fitState is the open fit-to-budget proposal. Fitting a long month takes far
// more than a key may spend in Update, so it runs in a command; rev is the
// project revision the proposal was asked for, and a result for any other
// revision is dropped.
//
// The person chooses among the changes: off marks those left out (all are in
// at first), cursor is the change the keys act on, and keep the choices locked
// ("keep 4K") that every fit of this proposal leaves as planned, each with the
// change it refused. chosen and chosenFits price the chosen changes, worked
// out in a command after each toggle (pricing is set while it runs); gen
// tells its answer from an older toggle's.
type fitState struct {
	open    bool // the proposal is shown and takes the keys
	rev     int
	pending bool
	res     *pricing.FitResult

	cursor     int
	off        []bool
	keep       map[fitLock]pricing.FitChange
	gen        int
	pricing    bool
	chosen     pricing.Credits
	chosenFits bool
	// nameW and changeW are the widest video name and change label of res,
	// measured once when it arrives, so the table's columns fit their
	// content without View walking every change.
	nameW, changeW int
	// month is the copy of the project the proposal was opened on, which
	// every command of the proposal reads (fitting reads it and Apply
	// changes a copy of it) and none changes: the project cannot change
	// while the proposal is open, so a toggle or a kept choice shares it
	// instead of copying the month again, and an edit made after esc cannot
	// race with a command still running.
	month *pricing.Project
}

// fitLock names one locked choice: a slot of a video, or its re-renders
// (pricing.NumSlots), as pricing.FitKeep asks.
type fitLock struct {
	video int
	slot  pricing.Slot
}

// lockOf is the choice a change makes.
func lockOf(ch *pricing.FitChange) fitLock {
	if ch.Rerenders {
		return fitLock{ch.Video, pricing.NumSlots}
	}
	return fitLock{ch.Video, ch.Slot}
}

// fitDoneMsg carries the fitter's answer for the project at revision rev, or,
// with chosen set, the price of the chosen changes.
type fitDoneMsg struct {
	rev    int
	res    *pricing.FitResult
	err    error
	chosen *fitChosenMsg
}

// fitChosenMsg prices the chosen changes of the proposal at revision rev,
// toggle gen: the month's premium credits with them made and whether that is
// within the balance.
type fitChosenMsg struct {
	rev, gen int
	premium  pricing.Credits
	fits     bool
	err      error
}

// startFit opens the proposal and fits a copy of the month in a command, so
// edits made meanwhile can neither race with it nor be applied from it.
func (m *Model) startFit() tea.Cmd {
	return m.refit(nil)
}

// refit fits the month again with the choices keep locks left as planned.
func (m *Model) refit(keep map[fitLock]pricing.FitChange) tea.Cmd {
	p := m.fit.month
	if !m.fit.open || p == nil || m.fit.rev != m.version {
		p = m.project.Clone()
	}
	m.fit = fitState{open: true, rev: m.version, pending: true, keep: keep, month: p}
	card, rev := m.card, m.version
	var kept pricing.FitKeep
	if len(keep) > 0 {
		locks := make(map[fitLock]bool, len(keep)) // the command's own copy
		for l := range keep {
			locks[l] = true
		}
		kept = func(v int, s pricing.Slot) bool { return locks[fitLock{v, s}] }
	}
	return func() tea.Msg {
		r, err := card.FitProjectKeeping(p, kept)
		return fitDoneMsg{rev: rev, res: r, err: err}
	}
}

// fitDone shows a result if it is for the proposal still open and the project
// as it is now; anything else is stale and dropped.
func (m *Model) fitDone(msg fitDoneMsg) {
	if msg.chosen != nil {
		m.fitChosen(*msg.chosen)
		return
	}
	if !m.fit.open || !m.fit.pending || msg.rev != m.fit.rev || msg.rev != m.version {
		return
	}
	if msg.err != nil {
		m.fit = fitState{}
		m.setError(msg.err)
		return
	}
	m.fit.pending, m.fit.res = false, msg.res
	m.fit.off = make([]bool, len(msg.res.Changes))
	m.fit.nameW, m.fit.changeW = 0, 0
	for i := range msg.res.Changes {
		ch := &msg.res.Changes[i]
		m.fit.nameW = max(m.fit.nameW, width(ch.VideoName))
		m.fit.changeW = max(m.fit.changeW, width(report.FitChangeLabel(ch)))
	}
	m.fit.chosen, m.fit.chosenFits = msg.res.After, msg.res.Fits
}

// fitChosen shows the price of the chosen changes if it answers the latest toggle.
func (m *Model) fitChosen(msg fitChosenMsg) {
	if !m.fit.open || msg.rev != m.fit.rev || msg.rev != m.version || msg.gen != m.fit.gen {
		return
	}
	m.fit.pricing = false
	if msg.err != nil {
		m.setError(msg.err)
		return
	}
	m.fit.chosen, m.fit.chosenFits = msg.premium, msg.fits
}

// chosenChanges is the proposal's changes the person left in.
func (m *Model) chosenChanges() []pricing.FitChange { return chosenOf(m.fit.res, m.fit.off) }

// chosenOf is r's changes that off leaves in.
func chosenOf(r *pricing.FitResult, off []bool) []pricing.FitChange {
	if r == nil {
		return nil
	}
	out := make([]pricing.FitChange, 0, len(r.Changes))
	for i, ch := range r.Changes {
		if i >= len(off) || !off[i] {
			out = append(out, ch)
		}
	}
	return out
}

// chosenCount is how many of the proposal's changes the person left in.
func (m *Model) chosenCount() int {
	r := m.fit.res
	if r == nil {
		return 0
	}
	n := len(r.Changes)
	for i := range min(len(m.fit.off), len(r.Changes)) {
		if m.fit.off[i] {
			n--
		}
	}
	return n
}

// toggleFit puts the change under the cursor in or out and prices the chosen
// ones in a command: a month of thousands of videos is too long to quote in Update.
func (m *Model) toggleFit() tea.Cmd {
	r := m.fit.res
	if m.fit.pending || r == nil || m.fit.cursor >= len(r.Changes) {
		return nil
	}
	m.fit.off[m.fit.cursor] = !m.fit.off[m.fit.cursor]
	m.fit.gen++
	m.fit.pricing = true
	// The command picks the chosen changes from its own copy of the marks:
	// the result itself is never changed.
	off := slices.Clone(m.fit.off)
	p := m.fit.month
	if p == nil || m.fit.rev != m.version {
		p = m.project.Clone()
	}
	card, rev, gen := m.card, m.fit.rev, m.fit.gen
	return func() tea.Msg {
		sub := *r
		sub.Changes = chosenOf(r, off)
		q, err := card.Quote(sub.Apply(p))
		if err != nil {
			return fitDoneMsg{chosen: &fitChosenMsg{rev: rev, gen: gen, err: err}}
		}
		return fitDoneMsg{chosen: &fitChosenMsg{rev: rev, gen: gen, premium: q.Premium, fits: q.Fits}}
	}
}

// lockFit keeps the choice the change under the cursor would make ("keep
// 4K") and fits again with it and every earlier lock kept.
func (m *Model) lockFit() tea.Cmd {
	r := m.fit.res
	if m.fit.pending || r == nil || m.fit.cursor >= len(r.Changes) {
		return nil
	}
	keep := make(map[fitLock]pricing.FitChange, len(m.fit.keep)+1)
	for l, ch := range m.fit.keep {
		keep[l] = ch
	}
	ch := r.Changes[m.fit.cursor]
	keep[lockOf(&ch)] = ch
	return m.refit(keep)
}

// fitKey answers keys while the proposal is open: enter or f applies the
// chosen changes, space puts the change under the cursor in or out, k keeps
// its choice and fits again (K forgets every kept choice), esc closes, ↑/↓ move among the changes, q and
// ctrl+c close it and quit as usual.
func (m *Model) fitKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Prompt
	switch {
	case key.Matches(msg, k.Apply):
		m.applyFit()
	case key.Matches(msg, k.Cancel):
		m.fit = fitState{}
		m.setStatus("Fit closed; nothing changed.")
	case key.Matches(msg, k.Toggle):
		return m.toggleFit()
	case key.Matches(msg, k.Keep):
		return m.lockFit()
	case key.Matches(msg, k.Unkeep):
		if len(m.fit.keep) > 0 && !m.fit.pending {
			return m.refit(nil)
		}
	case key.Matches(msg, k.ScrollUp):
		m.moveFit(-m.fitStep(msg))
	case key.Matches(msg, k.ScrollDown):
		m.moveFit(m.fitStep(msg))
	case key.Matches(msg, m.keys.Global.Quit):
		m.fit = fitState{}
		return m.handleKey(msg)
	}
	return nil
}

// moveFit moves the cursor by d changes and scrolls the rows to keep it shown.
func (m *Model) moveFit(d int) {
	r := m.fit.res
	if r == nil || len(r.Changes) == 0 {
		return
	}
	m.fit.cursor = max(0, min(len(r.Changes)-1, m.fit.cursor+d))
	l := &m.layout.fit
	rows := max(l.rows.h, 1)
	if m.fit.cursor < l.offset {
		l.offset = m.fit.cursor
	} else if m.fit.cursor >= l.offset+rows {
		l.offset = m.fit.cursor - rows + 1
	}
}

func (m *Model) fitStep(msg tea.KeyPressMsg) int {
	if key.Matches(msg, m.keys.Prompt.PageUp, m.keys.Prompt.PageDown) {
		return max(m.layout.fit.rows.h-1, 1)
	}
	return 1
}

// applyFit makes the chosen changes at once, as one undo step.
func (m *Model) applyFit() {
	r := m.fit.res
	switch {
	case m.fit.pending || r == nil:
		return // still fitting
	case m.fit.rev != m.version:
		return // cannot happen while the proposal is open; never apply a stale one
	case len(r.Changes) == 0 || !r.Fits:
		m.fit = fitState{}
		if r.Fits {
			// The fit's own verdict: report.AlreadyFits, or, on a plan
			// something still blocks, that nothing here cures it.
			m.setStatus(report.FitVerdict(r))
		} else {
			m.setStatus("Nothing applied: no set of changes fits " + m.card.CreditWord(r.Balance) + ".")
		}
		return
	}
	chosen := m.chosenChanges()
	if len(chosen) == 0 {
		m.fit = fitState{}
		m.setStatus("Nothing applied: no change was chosen.")
		return
	}
	sub := *r
	sub.Changes = chosen
	m.push(snapshot{whole: m.project, what: "fit to budget"})
	m.lastEdit = editKey{}
	m.project = sub.Apply(m.project)
	m.fit = fitState{}
	m.changed()
	if m.quote != nil {
		m.setStatus("Applied " + pricing.Plural(int64(len(chosen)), "change") + ": " + m.quote.Premium.Grouped() + " of " +
			max(m.quote.Balance, 0).Grouped() + " used. u undoes.")
	}
}

// fitPrompt is the status line while the proposal is open.
func (m *Model) fitPrompt() string {
	r := m.fit.res
	switch {
	case m.fit.pending || r == nil:
		return "Fitting the month…  esc closes"
	case r.Fits && len(r.Changes) > 0:
		n := m.chosenCount()
		return "space in/out · k keep · enter applies " + pricing.Plural(int64(n), "change") + " (u undoes) · esc closes"
	}
	return "enter or esc closes"
}

// renderFit draws the proposal in the body: totals before → after, the
// premium value kept, then the changes (scrolled) or what would make it fit.
func (m *Model) renderFit(w, h int) []string {
	s := &m.styles
	r := m.fit.res
	if m.fit.pending || r == nil {
		return []string{" " + s.Heading.Render("Fit to budget"), "", " " + s.Muted.Render("Fitting the month to its balance…")}
	}
	out := m.fitHead(w)
	if len(r.Changes) == 0 {
		return out
	}

	// The changes, as many as the layout shows; the last body row says which are shown.
	out = append(out, "")
	const idxW, saveW, lostW, markW = 4, 9, 9, 4
	showLost := w >= wideWidth
	rest := w - 2 - markW - idxW - saveW - 3
	if showLost {
		rest -= lostW + 1
	}
	// Each column as wide as its content where the width allows; otherwise
	// the change keeps at least 55% of what there is.
	videoW, changeW := max(m.fit.nameW, width("Video")), max(m.fit.changeW, width("Change"))
	if videoW+changeW > rest {
		changeW = max(min(changeW, rest-min(videoW, rest*45/100)), 10)
		videoW = max(rest-changeW, 10)
	}
	head := "  " + fit("", markW) + right("#", idxW) + " " + fit("Video", videoW) + " " + fit("Change", changeW) + " " + right("Saves", saveW)
	if showLost {
		head += " " + right("Min lost", lostW)
	}
	out = append(out, s.Muted.Render(head))
	rows, offset := m.layout.fit.rows.h, m.layout.fit.offset
	for i := offset; i < len(r.Changes) && i < offset+rows; i++ {
		ch := &r.Changes[i]
		change := report.FitChangeLabel(ch)
		mark := "[x] "
		if i < len(m.fit.off) && m.fit.off[i] {
			mark = "[ ] "
		}
		cur := "  "
		if i == m.fit.cursor {
			cur = "> "
		}
		line := right(itoa(int64(i)+1), idxW) + " " + fit(ch.VideoName, videoW) + " " + fit(change, changeW) + " "
		saves := right(ch.Saves.Grouped(), saveW)
		lost := ""
		if showLost {
			lost = " " + right(report.PremiumMinutes(ch.ValueLost), lostW)
		}
		if i == m.fit.cursor {
			out = append(out, s.Selected.Render(cur+mark+line+saves+lost))
		} else {
			out = append(out, cur+mark+line+s.Good.Render(saves)+lost)
		}
	}
	foot := m.fitChosenLine()
	if len(r.Changes) > rows {
		foot += " · changes " + pricing.Count(offset+1) + "–" + pricing.Count(min(len(r.Changes), offset+rows)) +
			" of " + pricing.Count(len(r.Changes))
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	out = append(out, " "+s.Muted.Render(clip(foot, w-1)))
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// fitChosenLine is the summary under the changes: what the chosen ones save
// and whether they bring the month within the balance, as priced by the card.
func (m *Model) fitChosenLine() string {
	r := m.fit.res
	if m.fit.pricing {
		return "Pricing the chosen changes…"
	}
	balance := max(r.Balance, 0)
	line := "Chosen save " + m.card.CreditWord(r.Before-m.fit.chosen) + ": " + m.fit.chosen.Grouped() + " of " + balance.Grouped()
	if m.fit.chosenFits {
		return line + ", fits"
	}
	return line + ", " + (m.fit.chosen - balance).Grouped() + " over"
}

// fitHead is the proposal above its changes: the totals, the verdict, what
// would cover a shortfall and what stays blocked. The layout counts its lines
// to place the changes under it.
func (m *Model) fitHead(w int) []string {
	s := &m.styles
	r := m.fit.res
	c := m.card
	out := []string{" " + s.Heading.Render(clip("Fit to budget on "+r.Plan.Name+", balance "+c.CreditWord(r.Balance), w-1)), ""}
	const numW = 8
	out = append(out,
		" "+fit("As planned", 15)+right(r.Before.Grouped(), numW)+"  "+clipStyle(s, r.FitsBefore, report.FitBalance(r, r.Before)),
		" "+fit("After changes", 15)+right(r.After.Grouped(), numW)+"  "+clipStyle(s, r.Fits, report.FitBalance(r, r.After)),
		" "+s.Muted.Render(clip(report.FitValueKept(r), w-1)))
	for _, l := range wrap(report.FitVerdict(r), w-1) {
		out = append(out, " "+clipStyle(s, r.Fits, l))
	}
	if note := report.FitApproximateNote(r); note != "" {
		for _, l := range wrap(note, w-1) {
			out = append(out, " "+s.Muted.Render(l))
		}
	}
	if !r.Fits {
		out = append(out, "", " "+s.Heading.Render(report.FitToCover(r)))
		for _, remedy := range report.FitRemedies(r) {
			for _, l := range wrap(remedy, w-3) {
				out = append(out, "   "+l)
			}
		}
	}
	if len(m.fit.keep) > 0 {
		for _, l := range wrap("Kept: "+m.keptText()+" (K forgets)", w-1) {
			out = append(out, " "+s.Muted.Render(l))
		}
	}
	if len(r.Blocked) > 0 {
		out = append(out, "", " "+s.Bad.Render(clip(report.FitStillBlocked(r), w-1)))
		for _, b := range r.Blocked {
			out = append(out, "   "+clip(b, w-3))
		}
	}
	return out
}

// wrap breaks a sentence into lines of at most w cells.
func wrap(text string, w int) []string {
	if w < 10 {
		w = 10
	}
	if width(text) <= w {
		return []string{text}
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case width(line)+1+width(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
	}
	if line != "" {
		out = append(out, line)
	}
	for i := range out {
		out[i] = clip(out[i], w)
	}
	return out
}

// keptText names the locked choices in file order: "4K in “Client promo”,
// re-renders of “Demo”".
func (m *Model) keptText() string {
	locks := make([]fitLock, 0, len(m.fit.keep))
	for l := range m.fit.keep {
		locks = append(locks, l)
	}
	slices.SortFunc(locks, func(a, b fitLock) int {
		if a.video != b.video {
			return a.video - b.video
		}
		return int(a.slot) - int(b.slot)
	})
	parts := make([]string, 0, len(locks))
	for _, l := range locks {
		ch := m.fit.keep[l]
		if ch.Rerenders {
			parts = append(parts, itoa(int64(ch.RerendersFrom))+" re-renders of “"+ch.VideoName+"”")
		} else {
			parts = append(parts, ch.From.Name+" in “"+ch.VideoName+"”")
		}
	}
	return strings.Join(parts, ", ")
}
