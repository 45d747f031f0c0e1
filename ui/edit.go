package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// snapshot is what one undo step restores: one video (most edits touch one), the
// month's header (plan, billing, balance, volume per month), a video put back
// into or taken out of the list or two videos swapped (add, duplicate, delete,
// move: a long month is never copied for them), or the whole project (fit to
// budget).
type snapshot struct {
	whole  *pricing.Project
	header *header
	list   listOp
	index  int
	other  int // the second video of a swap
	video  pricing.Video
	sel    int
	what   string
	// version is the project's version when the snapshot was taken: restoring the
	// snapshot restores it, so undoing back to the saved month clears the unsaved mark.
	version int
}

// listOp is how a snapshot changes the list of videos back: it inserts video
// at index, removes the video at index, or swaps the videos at index and other.
type listOp int

const (
	listNone listOp = iota
	listInsert
	listRemove
	listSwap
)

type header struct {
	plan        string
	billing     pricing.Billing
	balance     pricing.Credits
	hasBalance  bool
	seats       int
	watermarkOK bool
	fewerRe     bool
	volume      []int64 // nil when the project has none
	budget      pricing.Money
	hasBudget   bool
	oneTime     []pricing.OneTimeNeed // nil when the month pays none
}

// headerOf copies what a header snapshot restores.
func headerOf(p *pricing.Project) *header {
	var vol []int64
	if p.Volume != nil {
		vol = append([]int64(nil), p.Volume...)
	}
	return &header{p.Plan, p.Billing, p.Balance, p.HasBalance, p.Seats, p.WatermarkOK, p.AllowFewerRerenders, vol, p.Budget, p.HasBudget,
		slices.Clone(p.OneTime)}
}

// push records the undo step for a new change, which makes any redo stale.
func (m *Model) push(s snapshot) {
	m.beginView() // while presenting, the first change starts a view
	s.sel, s.version = m.sel, m.version
	m.undo = pushBounded(m.undo, s)
	m.redo = nil // a new change: what was undone cannot be redone
}

func pushBounded(stack []snapshot, s snapshot) []snapshot {
	if len(stack) == maxUndo {
		copy(stack, stack[1:])
		stack = stack[:maxUndo-1]
	}
	return append(stack, s)
}

// bump gives the project a new version after a change. Versions are never
// reused: a version names one content of the month, so a save, a fit or a year
// computed for a version is right whenever the project holds that version again
// (after undo or redo), and never for anything else.
func (m *Model) bump() {
	m.lastVersion++
	m.version = m.lastVersion
}

// changed records that the project changed and reprices it.
func (m *Model) changed() {
	m.bump()
	m.reprice()
}

// editVideo changes the current video in place, with one undo step per change, or
// one per run of typing into the same field when coalesce names that field.
func (m *Model) editVideo(what string, coalesce field, apply func(v *pricing.Video)) {
	v := m.currentVideo()
	if v == nil {
		return
	}
	ek := editKey{video: m.sel, field: coalesce, ok: coalesce != noField}
	if !ek.ok || ek != m.lastEdit {
		m.push(snapshot{index: m.sel, video: v.Clone(), what: what})
	}
	m.lastEdit = ek
	apply(v)
	m.card.ApplyScript(v) // a new voice or word count: the length follows
	m.bump()
	// A run of typing that ends where it began is the version it began at.
	if n := len(m.undo); ek.ok && n > 0 && m.undo[n-1].index == m.sel && m.undo[n-1].whole == nil &&
		m.undo[n-1].header == nil && m.undo[n-1].list == listNone && sameVideo(*v, m.undo[n-1].video) {
		m.version = m.undo[n-1].version
	}
	m.repriceVideo(m.sel)
}

// editHeader changes the plan, billing or balance, undoably.
func (m *Model) editHeader(what string, apply func(p *pricing.Project)) {
	p := m.project
	m.push(snapshot{header: headerOf(p), what: what})
	m.lastEdit = editKey{}
	apply(p)
	m.bump()
	m.repriceSettings()
}

// editList changes the list of videos by op (at i, and j for a swap), with
// the undo step that changes it back.
func (m *Model) editList(what string, op listOp, i, j int, v pricing.Video) {
	m.push(snapshot{what: what})
	s := &m.undo[len(m.undo)-1]
	inverse := m.applyList(snapshot{list: op, index: i, other: j, video: v})
	s.list, s.index, s.other, s.video = inverse.list, inverse.index, inverse.other, inverse.video
	m.lastEdit = editKey{}
	m.bump()
	m.repriceList(op, i)
}

// applyList makes the list change s names and returns the one that undoes it.
func (m *Model) applyList(s snapshot) snapshot {
	p := m.project
	switch s.list {
	case listInsert:
		p.Videos = append(p.Videos, pricing.Video{})
		copy(p.Videos[s.index+1:], p.Videos[s.index:])
		p.Videos[s.index] = s.video.Clone()
		return snapshot{list: listRemove, index: s.index}
	case listRemove:
		gone := p.Videos[s.index]
		copy(p.Videos[s.index:], p.Videos[s.index+1:])
		p.Videos[len(p.Videos)-1] = pricing.Video{}
		p.Videos = p.Videos[:len(p.Videos)-1]
		return snapshot{list: listInsert, index: s.index, video: gone}
	case listSwap:
		p.Videos[s.index], p.Videos[s.other] = p.Videos[s.other], p.Videos[s.index]
		return snapshot{list: listSwap, index: s.index, other: s.other}
	}
	return snapshot{}
}

func (m *Model) undoLast() {
	if len(m.undo) == 0 {
		m.setStatus("Nothing to undo.")
		return
	}
	s := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	m.redo = pushBounded(m.redo, m.restore(s))
	m.setStatus("Undid: " + s.what + ". ctrl+y redoes.")
}

// redoLast makes again the change the last undo took back.
func (m *Model) redoLast() {
	if len(m.redo) == 0 {
		m.setStatus("Nothing to redo.")
		return
	}
	m.beginView() // a redo while presenting is shown, as any change is
	s := m.redo[len(m.redo)-1]
	m.redo = m.redo[:len(m.redo)-1]
	m.undo = pushBounded(m.undo, m.restore(s))
	m.setStatus("Redid: " + s.what + ".")
}

// restore puts back what s holds, with its version and selection, and returns
// the snapshot that takes the month back to where it was (for redo or undo).
func (m *Model) restore(s snapshot) snapshot {
	back := snapshot{index: s.index, sel: m.sel, what: s.what, version: m.version}
	m.lastEdit = editKey{}
	switch {
	case s.list != listNone:
		inv := m.applyList(s)
		back.list, back.index, back.other, back.video = inv.list, inv.index, inv.other, inv.video
	case s.whole != nil:
		back.whole = m.project
		m.project = s.whole
	case s.header != nil:
		back.header = headerOf(m.project)
		h := s.header
		m.project.Plan, m.project.Billing, m.project.Balance, m.project.HasBalance = h.plan, h.billing, h.balance, h.hasBalance
		m.project.Seats, m.project.WatermarkOK, m.project.AllowFewerRerenders = h.seats, h.watermarkOK, h.fewerRe
		m.project.Volume = h.volume
		m.project.Budget, m.project.HasBudget = h.budget, h.hasBudget
		m.project.OneTime = h.oneTime
	default:
		if s.index < len(m.project.Videos) {
			back.video = m.project.Videos[s.index].Clone()
			m.project.Videos[s.index] = s.video.Clone()
		}
	}
	m.sel = s.sel
	m.version = s.version
	switch {
	case s.header != nil:
		m.repriceSettings()
	case s.whole == nil && s.list == listNone:
		m.repriceVideo(s.index)
	case s.list != listNone:
		m.repriceList(s.list, s.index)
	default:
		m.reprice()
	}
	return back
}

// cyclePlan makes the month's plan the card's next one (d = 1, p) or the
// previous one (d = −1, P), wrapping round.
func (m *Model) cyclePlan(d int) {
	n := len(m.card.Plans)
	if n == 0 {
		return
	}
	next := 0
	if d < 0 {
		next = n - 1
	}
	for i := range m.card.Plans {
		if m.card.Plans[i].ID == m.project.Plan {
			next = ((i+d)%n + n) % n
		}
	}
	m.setPlan(m.card.Plans[next].ID)
}

// stepSeats adds d to the month's seats, never below 1 nor above the project
// file's limit.
func (m *Model) stepSeats(d int) {
	next := max(1, min(pricing.MaxSeats, m.project.Seats+d))
	if next == m.project.Seats {
		m.setStatus("The month already has " + pricing.Plural(int64(next), "seat") + ".")
		return
	}
	m.editHeader("seats change", func(p *pricing.Project) { p.Seats = next })
	m.setStatus("The month now has " + pricing.Plural(int64(next), "seat") + ".")
}

// toggleWatermark says whether a watermark on the videos is acceptable
// (watermark_ok): a plan that adds one is ruled out unless it is.
func (m *Model) toggleWatermark() {
	m.editHeader("watermark change", func(p *pricing.Project) { p.WatermarkOK = !p.WatermarkOK })
	if m.project.WatermarkOK {
		m.setStatus("A watermark is acceptable: plans that add one are no longer ruled out.")
	} else {
		m.setStatus("A watermark is not acceptable: plans that add one are ruled out.")
	}
}

// toggleFewerRerenders says whether fit may propose fewer re-renders
// (allow_fewer_rerenders).
func (m *Model) toggleFewerRerenders() {
	m.editHeader("re-render setting change", func(p *pricing.Project) { p.AllowFewerRerenders = !p.AllowFewerRerenders })
	if m.project.AllowFewerRerenders {
		m.setStatus("Fit may now propose fewer re-renders.")
	} else {
		m.setStatus("Fit keeps every re-render.")
	}
}

func (m *Model) setPlan(id string) {
	if id == m.project.Plan {
		return
	}
	m.editHeader("plan change", func(p *pricing.Project) { p.Plan = id })
	if m.quote != nil {
		m.setStatus("The month's plan is now " + m.quote.Plan.Name + ".")
	}
}

// setBilling makes the month's billing b (←/→ on the Plans screen).
func (m *Model) setBilling(b pricing.Billing) {
	if m.project.Billing == b {
		m.setStatus("Billing is already " + b.Key() + ".")
		return
	}
	m.editHeader("billing change", func(p *pricing.Project) { p.Billing = b })
	m.setStatus("Billing is now " + b.Key() + ".")
}

// stepCount adds d to the selected video's count (←/→ on the Month screen),
// never below 0 nor above the project file's limit. A run of steps on one video
// is one undo step, as typing a count on the Video screen is.
func (m *Model) stepCount(d int) {
	v := m.currentVideo()
	if v == nil {
		return
	}
	next := max(0, min(pricing.MaxCount, v.Count+d))
	if next == v.Count {
		m.setStatus(v.Name + " is already made " + itoa(int64(next)) + " times this month.")
		return
	}
	m.editVideo(fieldLabels[fieldCount]+" change", fieldCount, func(v *pricing.Video) { v.Count = next })
}

func (m *Model) toggleBilling() {
	m.editHeader("billing change", func(p *pricing.Project) {
		if p.Billing == pricing.Annual {
			p.Billing = pricing.Monthly
		} else {
			p.Billing = pricing.Annual
		}
	})
	m.setStatus("Billing is now " + m.project.Billing.Key() + ".")
}

func (m *Model) askBalance() {
	value := ""
	if m.project.HasBalance {
		value = m.project.Balance.String()
	}
	m.openTextPrompt(promptBalance, "Starting balance (empty = the plan's credits): ", "", "plan's credits", value)
}

// setBalance reads the starting balance typed by the user: empty means the plan's
// full cycle; otherwise the same text `--balance` takes, read by the same rule
// (pricing.ParseCredits, then the card's decimals), refused with the same message.
// Nothing typed is changed first: "1,500" is refused, not read as 1500.
func (m *Model) setBalance(text string) error {
	if strings.TrimSpace(text) == "" {
		m.editHeader("balance change", func(p *pricing.Project) { p.HasBalance, p.Balance = false, 0 })
		m.setStatus("Balance is the plan's credits.")
		return nil
	}
	c, err := m.card.ReadBalance(text)
	if err != nil {
		return err
	}
	m.editHeader("balance change", func(p *pricing.Project) { p.HasBalance, p.Balance = true, c })
	m.setStatus("Starting balance set to " + m.card.CreditWord(c) + ".")
	return nil
}

func (m *Model) submitPrompt() tea.Cmd {
	value := m.input.Value()
	switch m.prompt.kind {
	case promptBalance:
		if err := m.setBalance(value); err != nil {
			m.prompt.err = err.Error()
			return nil // stay in the prompt, the error beside it, so the user can fix the number
		}
		m.closePrompt()
	case promptBudget:
		if err := m.setBudget(value); err != nil {
			m.prompt.err = err.Error()
			return nil
		}
		m.closePrompt()
	case promptOneTime:
		if err := m.setOneTime(value); err != nil {
			m.prompt.err = err.Error()
			return nil
		}
		m.closePrompt()
	case promptSaveAs:
		m.closePrompt()
		return m.saveTo(savePath(value), false)
	case promptScenarioName:
		if err := m.saveScenario(value); err != nil {
			m.prompt.err = err.Error()
			return nil
		}
		m.closePrompt()
	}
	return nil
}

// Month-screen edits on the list of videos.

func (m *Model) addVideo() {
	name := "Video " + itoa(int64(len(m.project.Videos))+1)
	m.editList("add video", listInsert, len(m.project.Videos), 0, m.card.NewVideo(name))
	m.sel = len(m.project.Videos) - 1
	if m.screen == ScreenVideo {
		m.setStatus("Added " + name + ".")
	} else {
		m.setStatus("Added " + name + ". enter edits it.")
	}
}

func (m *Model) duplicateVideo() {
	if m.currentVideo() == nil {
		return
	}
	i := m.sel
	c := m.project.Videos[i].Clone()
	c.Name += " (copy)"
	m.editList("duplicate", listInsert, i+1, 0, c)
	m.sel = i + 1
	m.setStatus("Duplicated.")
}

func (m *Model) deleteVideo() {
	v := m.currentVideo()
	if v == nil {
		return
	}
	i, name := m.sel, v.Name
	m.editList("delete "+name, listRemove, i, 0, pricing.Video{})
	m.setStatus("Deleted " + name + ". u brings it back.")
}

func (m *Model) moveVideo(d int) {
	i, j := m.sel, m.sel+d
	if m.currentVideo() == nil || j < 0 || j >= len(m.project.Videos) {
		return
	}
	m.editList("move", listSwap, i, j, pricing.Video{})
	m.sel = j
}
