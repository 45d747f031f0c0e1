package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// fitState is the open fit-to-budget proposal. Fitting a long month takes far
// more than a key may spend in Update, so it runs in a command; rev is the project revision the proposal was asked for, and a result
// for any other revision is dropped.
type fitState struct {
	open    bool // the proposal is shown and takes the keys
	rev     int
	pending bool
	res     *pricing.FitResult
}

// fitDoneMsg carries the fitter's answer for the project at revision rev.
type fitDoneMsg struct {
	rev int
	res *pricing.FitResult
	err error
}

// startFit opens the proposal and fits a copy of the month in a command, so
// edits made meanwhile can neither race with it nor be applied from it.
func (m *Model) startFit() tea.Cmd {
	m.fit = fitState{open: true, rev: m.version, pending: true}
	card, p, rev := m.card, m.project.Clone(), m.version
	return func() tea.Msg {
		r, err := card.FitProject(p)
		return fitDoneMsg{rev: rev, res: r, err: err}
	}
}

// fitDone shows a result if it is for the proposal still open and the project
// as it is now; anything else is stale and dropped.
func (m *Model) fitDone(msg fitDoneMsg) {
	if !m.fit.open || !m.fit.pending || msg.rev != m.fit.rev || msg.rev != m.version {
		return
	}
	if msg.err != nil {
		m.fit = fitState{}
		m.setError(msg.err)
		return
	}
	m.fit.pending, m.fit.res = false, msg.res
}

// fitKey answers keys while the proposal is open: enter or f applies it, esc
// closes it, ↑/↓ scroll its changes, q and ctrl+c close it and quit as usual.
func (m *Model) fitKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Prompt
	l := &m.layout.fit // the changes shown: the keys scroll them
	switch {
	case key.Matches(msg, k.Apply):
		m.applyFit()
	case key.Matches(msg, k.Cancel):
		m.fit = fitState{}
		m.setStatus("Fit closed; nothing changed.")
	case key.Matches(msg, k.ScrollUp):
		l.offset = max(0, l.offset-m.fitStep(msg))
	case key.Matches(msg, k.ScrollDown):
		if r := m.fit.res; r != nil {
			l.offset = max(0, min(len(r.Changes)-l.rows.h, l.offset+m.fitStep(msg)))
		}
	case key.Matches(msg, m.keys.Global.Quit):
		m.fit = fitState{}
		return m.handleKey(msg)
	}
	return nil
}

func (m *Model) fitStep(msg tea.KeyPressMsg) int {
	if key.Matches(msg, m.keys.Prompt.PageUp, m.keys.Prompt.PageDown) {
		return max(m.layout.fit.rows.h-1, 1)
	}
	return 1
}

// applyFit makes every proposed change at once, as one undo step.
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
	m.push(snapshot{whole: m.project, what: "fit to budget"})
	m.lastEdit = editKey{}
	m.project = r.Apply(m.project)
	m.fit = fitState{}
	m.changed()
	if m.quote != nil {
		m.setStatus("Applied " + pricing.Plural(int64(len(r.Changes)), "change") + ": " + m.quote.Premium.Grouped() + " of " +
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
		return "enter applies " + pricing.Plural(int64(len(r.Changes)), "change") + " (u undoes) · esc closes"
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
	const idxW, saveW, lostW = 4, 9, 9
	showLost := w >= wideWidth
	rest := w - 2 - idxW - saveW - 3
	if showLost {
		rest -= lostW + 1
	}
	changeW := min(max(rest*55/100, 20), 44)
	videoW := max(rest-changeW, 10)
	head := "  " + right("#", idxW) + " " + fit("Video", videoW) + " " + fit("Change", changeW) + " " + right("Saves", saveW)
	if showLost {
		head += " " + right("Min lost", lostW)
	}
	out = append(out, s.Muted.Render(head))
	rows, offset := m.layout.fit.rows.h, m.layout.fit.offset
	for i := offset; i < len(r.Changes) && i < offset+rows; i++ {
		ch := &r.Changes[i]
		change := "re-renders " + itoa(int64(ch.RerendersFrom)) + " → " + itoa(int64(ch.RerendersTo))
		if !ch.Rerenders {
			change = ch.From.Name + " → " + ch.To.Name
		}
		line := "  " + right(itoa(int64(i)+1), idxW) + " " + fit(ch.VideoName, videoW) + " " + fit(change, changeW) + " " +
			s.Good.Render(right(ch.Saves.Grouped(), saveW))
		if showLost {
			line += " " + right(report.PremiumMinutes(ch.ValueLost), lostW)
		}
		out = append(out, line)
	}
	foot := "Saves " + m.card.CreditWord(r.Before-r.After) + " in all"
	if len(r.Changes) > rows {
		foot += " · changes " + pricing.Count(offset+1) + "–" + pricing.Count(min(len(r.Changes), offset+rows)) +
			" of " + pricing.Count(len(r.Changes)) + " (↑/↓ scroll)"
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
