package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// Screen is one of the planner's five screens.
type Screen int

// The screens, in tab order.
const (
	ScreenVideo Screen = iota
	ScreenMonth
	ScreenPlans
	ScreenYear
	ScreenScenarios
	numScreens
)

var screenTitles = [numScreens]string{"Video", "Month", "Plans", "Year", "Scenarios"}

// The smallest terminal the planner draws in, and the width from which panels sit side by side.
const (
	MinWidth   = 60
	MinHeight  = 16
	wideWidth  = 100
	bodyTop    = 3 // header, tabs, rule
	chromeRows = 5 // those three plus the status and help lines
	maxUndo    = 500
)

// Model is the planner's one root model: it owns the project, its cached quote,
// the focus, the screens and every message's routing.
type Model struct {
	card    *pricing.RateCard
	project *pricing.Project
	path    string

	// disk is what the file at path held when last read or written; saving and
	// saveAgain say a save runs and another is wanted after it (saves run one at
	// a time); nextID numbers videos for round-trip saving; exported is the
	// last export written, and mine every export written (by clean path),
	// which e may replace without asking.
	disk          diskState
	saving        bool
	saveAgain     bool
	saveAgainPath string
	nextID        int
	exported      struct {
		path string
		data []byte
		mine map[string][]byte
	}

	// version names the project's content: every change gives it a new one (bump),
	// undo and redo give back the one they restore. savedVersion is the version
	// last written, so a save that lands after further edits does not clear the
	// unsaved mark, and undoing back to the saved month does.
	version      int
	savedVersion int
	lastVersion  int // the last version handed out

	// quote and cmp are recomputed in Update whenever the project changes, never in
	// View. cmp is computed only while the Plans screen shows, as it prices every plan.
	quote        *pricing.Quote
	cmp          *pricing.Comparison
	runsOutVideo int // index of the video whose copies no longer fit, -1 when the month fits
	// cure is pricing.Cures of the month, set with the quote (cureMonth).
	cure *pricing.Cure

	screen Screen
	// prompt is the question the status line asks, if any; it takes the keys
	// while open. Questions from file commands wait in questions, the first
	// one shown once nothing else is open.
	prompt *prompt
	width  int
	height int
	isDark bool
	styles Styles
	keys   KeyMap
	help   help.Model
	input  textinput.Model

	status    string
	statusErr bool

	// sel is the current video: selected on the Month screen, edited on the Video screen.
	sel   int
	video videoPanel
	plans plansPanel
	year  yearPanel
	// scen is the Scenarios screen; yearPlans the Year screen's several
	// plans side by side (o).
	scen      scenariosPanel
	yearPlans yearPlansState
	// vend is the vendor switch (V) and the vendors side by side (v).
	vend vendorState

	// Work too slow for Update runs in commands; each result carries the
	// project revision (version) it was computed for, and one computed for an
	// older revision is dropped. fit is the open fit proposal; rs the Plans
	// screen's right-sizing, wanted only while that screen shows.
	fit    fitState
	rs     *pricing.RightSize
	rsRev  int
	rsBusy bool

	undo     []snapshot
	redo     []snapshot // what undo took back, newest last; a new change clears it
	lastEdit editKey

	// inputFresh: the input holds a value it was opened with, shown selected, and
	// the first character typed replaces it (←/→ and ⌫ edit it instead).
	inputFresh bool
	// quitAfterSave: the quit question was answered "save and quit".
	quitAfterSave bool

	// Questions waiting for y or n ("overwrite?"), the first one shown.
	questions []question

	// load is the month being read in a command, nil once it is open;
	// loadErr the error that stopped it, which Run returns.
	load    *loadState
	loadErr error
	loadCmd tea.Cmd

	// layout is where everything goes on screen, worked out in Update (see
	// generateLayout); View and the mouse read it.
	layout uiLayout

	// present is presentation mode (ui/present.go).
	present presentState
	// warnings are Options.Warnings: shown once the month opens, never
	// while presenting (a discount band is internal).
	warnings []string
	// serve is a server session's part (ui/serve.go): its folder, share and
	// viewer; zero outside `creditplan serve`.
	serve serveState
	// today is Options.Today: the header notes rates priced on another day
	// (AsOfNote).
	today pricing.Date
	// proposal is Options.Proposal (ui/export.go's exportProposal).
	proposal func(path string, src []byte) ([]byte, error)
}

// editKey names the field a run of typing went into, so typing "120" is one undo step.
type editKey struct {
	video int
	field field
	month int // 1-12 for a run of volume changes on the Year screen
	ok    bool
}

// New builds the planner for a card and a project (nil starts an empty month with
// one draft video). It prices the month once, so the first frame has its numbers.
func New(opts Options) *Model {
	m := &Model{
		card:     opts.Card,
		project:  opts.Project,
		path:     opts.Path,
		isDark:   true,
		keys:     DefaultKeyMap(),
		help:     help.New(),
		input:    textinput.New(),
		proposal: opts.Proposal,
		today:    opts.Today,
	}
	if opts.Read != nil {
		// An empty month stands in until the load installs the real one.
		m.project = &pricing.Project{Plan: m.card.StartPlan(), Seats: 1}
		m.load = newLoadState(opts.Path)
		m.loadCmd = startLoad(opts.Path, m.card, opts.Read, opts.Plan, opts.Prepare)
		m.screen = ScreenMonth
	}
	if m.project == nil {
		// A new month starts on the card's first plan with credits to plan against.
		m.project = m.card.NewProject(m.card.StartPlan())
	}
	for i := range m.project.Videos {
		m.project.Videos[i].ID = i + 1
	}
	for i := range m.project.Scenarios {
		m.project.Scenarios[i].ID = i + 1 // a save edits each scenario's own table
	}
	m.nextID = len(m.project.Videos)
	if opts.Source != nil {
		m.disk = diskState{data: opts.Source, project: m.project.Clone()}
	}
	if opts.NewFile && m.path != "" {
		if opts.Present {
			m.setStatus("A new month; ctrl+s saves it.")
		} else {
			m.setStatus(filepath.Base(m.path) + " is a new file; ctrl+s creates it.")
		}
	}
	m.video.rows = formRows(m.card)
	m.video.valueW, m.video.tagW = formWidths(m.card)
	m.useVendors(opts.Cards, opts.FX)
	m.input.SetVirtualCursor(true)
	m.applyFieldKeys()
	m.useServe(opts.Serve)
	m.applyStyles()
	m.warnings = opts.Warnings
	if len(m.warnings) > 0 && !opts.Present && m.status == "" {
		m.setError(errorText("⚠ " + strings.Join(m.warnings, "; ")))
	}
	if opts.Present {
		m.startPresenting()
		if m.load != nil {
			m.load.name = m.monthName()
		}
	}
	if len(m.project.Videos) > 1 {
		m.screen = ScreenMonth
	}
	if m.load == nil {
		m.reprice()
	}
	return m
}

// Init asks the terminal for its background colour (until it answers the
// planner draws for dark) and starts reading the month when Options.Read is set.
func (m *Model) Init() tea.Cmd {
	if m.serve.viewer {
		return tea.Batch(tea.RequestBackgroundColor, m.waitShared())
	}
	if m.loadCmd != nil {
		return tea.Batch(tea.RequestBackgroundColor, m.loadCmd)
	}
	return tea.RequestBackgroundColor
}

// applyFieldKeys hands the KeyMap's field keys to the text input, which
// matches them, so the help lists the keys that edit text.
func (m *Model) applyFieldKeys() {
	f, k := &m.keys.Field, &m.input.KeyMap
	k.CharacterBackward, k.CharacterForward = f.Left, f.Right
	k.LineStart, k.LineEnd = f.Start, f.End
	k.DeleteCharacterBackward, k.DeleteBeforeCursor, k.DeleteAfterCursor = f.Erase, f.EraseToStart, f.EraseToEnd
	k.DeleteWordBackward, k.Paste = f.EraseWord, f.Paste
}

func (m *Model) applyStyles() {
	if m.present.on {
		m.styles = NewPresentStyles(m.isDark)
		m.help.Styles = presentHelpStyles(m.isDark)
		m.input.SetStyles(presentInputStyles(m.isDark))
	} else {
		m.styles = NewStyles(m.isDark)
		m.help.Styles = helpStyles(m.isDark)
		m.input.SetStyles(inputStyles(m.isDark))
	}
	m.help.ShortSeparator = " · "
}

// Project returns the month being planned (for tests and the caller).
func (m *Model) Project() *pricing.Project { return m.project }

// Quote returns the cached quote of the month as shown on screen.
func (m *Model) Quote() *pricing.Quote { return m.quote }

// Dirty reports whether the month has changes not yet saved. A view shown
// while presenting is not a change: the project is what it was before it.
func (m *Model) Dirty() bool {
	if m.present.real != nil {
		return m.present.realVersion != m.savedVersion
	}
	return m.version != m.savedVersion
}

// reprice recomputes the quote after any change (videos added, removed or
// reordered included). It and the two below are the only places that price.
func (m *Model) reprice() { m.useQuote(m.card.Quote(m.project)) }

// repriceVideo reprices the month after a change to video i alone.
// pricing.Requote reuses the other videos' prices and returns exactly what a full
// Quote would, so a key that edits one video of a long month stays cheap.
func (m *Model) repriceVideo(i int) {
	if m.quote == nil || i < 0 {
		m.reprice()
		return
	}
	m.useQuote(m.card.Requote(m.quote, m.project, i))
}

// repriceList reprices after s's list change: an insert or a removal prices
// at most the one new video (pricing.RequoteInsert, RequoteRemove), so adding or
// deleting a video of the largest month stays cheap; a swap prices in full.
func (m *Model) repriceList(op listOp, i int) {
	if m.quote == nil {
		m.reprice()
		return
	}
	switch op {
	case listInsert:
		m.useQuote(m.card.RequoteInsert(m.quote, m.project, i))
	case listRemove:
		m.useQuote(m.card.RequoteRemove(m.quote, m.project, i))
	default:
		m.reprice()
	}
}

// repriceSettings reprices after a change to the month's plan, billing or
// balance alone: no video's price moves (a new plan is noticed by Requote,
// which then prices the month in full).
func (m *Model) repriceSettings() {
	if m.quote == nil {
		m.reprice()
		return
	}
	m.useQuote(m.card.Requote(m.quote, m.project, pricing.NoVideoChanged))
}

// useQuote takes a fresh quote (or the error that stopped one) and updates
// what follows from it.
func (m *Model) useQuote(q *pricing.Quote, err error) {
	if err != nil {
		m.quote = nil
		m.setError(err)
	} else {
		m.quote = q
	}
	m.cureMonth()
	m.cmp = nil
	m.ensureCompare()
	m.ensureYear()
	m.ensureScenarios()
	m.ensureYearPlans()
	m.runsOutVideo = -1
	if q != nil && q.RunsOutAt > 0 {
		var copies int64
		for i := range m.project.Videos {
			copies += int64(m.project.Videos[i].Count)
			if copies >= q.RunsOutAt {
				m.runsOutVideo = i
				break
			}
		}
	}
	m.clampSelection()
}

// ensureCompare prices every plan when the Plans screen is about to show.
func (m *Model) ensureCompare() {
	if m.cmp == nil && m.screen == ScreenPlans {
		if m.quote != nil {
			// The month is priced: compare the plans from its quote, pricing no video again.
			m.cmp = m.card.CompareQuote(m.quote, m.project)
		} else {
			m.cmp = m.card.Compare(m.project)
		}
	}
}

func (m *Model) clampSelection() {
	n := len(m.project.Videos)
	if m.sel >= n {
		m.sel = n - 1
	}
	if m.sel < 0 {
		m.sel = 0
	}
	m.video.clamp(m.fieldCount())
	if len(m.card.Plans) > 0 {
		m.plans.sel = max(0, min(m.plans.sel, len(m.card.Plans)-1))
	}
}

// currentVideo returns the video being edited, or nil in an empty month.
func (m *Model) currentVideo() *pricing.Video {
	if m.sel < 0 || m.sel >= len(m.project.Videos) {
		return nil
	}
	return &m.project.Videos[m.sel]
}

func (m *Model) currentAlternatives() []pricing.Alternative {
	if m.quote == nil || m.sel >= len(m.quote.Videos) || m.cheaperHidden() {
		return nil
	}
	return m.quote.Videos[m.sel].Alternatives
}

func (m *Model) fieldCount() int { return len(m.video.rows) + len(m.currentAlternatives()) }

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false }
func (m *Model) setError(err error) { m.status, m.statusErr = err.Error(), true }

func (m *Model) setSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.help.SetWidth(max(m.width-1, 0))
	m.input.SetWidth(max(m.width/3, 1))
}

func (m *Model) bodyHeight() int { return max(m.height-chromeRows, 0) }

func (m *Model) setScreen(s Screen) {
	m.screen = (s + numScreens) % numScreens
	m.ensureCompare()
	m.ensureYear()
	m.ensureScenarios()
	m.ensureYearPlans()
	if m.screen == ScreenPlans {
		if _, ok := m.card.Plan(m.project.Plan); ok {
			for i := range m.card.Plans {
				if m.card.Plans[i].ID == m.project.Plan {
					m.plans.sel = i
				}
			}
		}
	}
}

// Update routes every message: sizes, colours, keys, mouse, and the results of
// file and pricing commands; then it starts any pricing the screen now needs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.settleView()
	if stop := m.stopped(); stop != nil {
		cmd = tea.Batch(cmd, stop)
	}
	m.publish()
	m.showQuestion()
	m.updateLayout()
	// A field being edited is as wide as the form's value column, so what is
	// typed is not cut short there; a prompt takes a third of the line.
	if m.video.editing {
		m.input.SetWidth(max(m.layout.formValueW-width(m.input.Prompt)-1, 1))
	} else {
		m.input.SetWidth(max(m.width/3, 1))
	}
	if bg := m.background(); bg != nil {
		return m, tea.Batch(cmd, bg)
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := m.serveMsg(msg); ok {
		return cmd
	}
	if m.loading() {
		switch msg.(type) {
		case tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg:
			return nil // nothing to paste into or click on yet
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return nil
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.applyStyles()
		return nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		switch {
		case m.takesText():
			return m.updateInput(msg)
		case m.idle() && !m.help.ShowAll && !m.tooSmall():
			return m.paste(msg)
		}
		return nil
	case tea.MouseClickMsg:
		m.video.run = editKey{}
		m.handleClick(msg.Mouse())
		return nil
	case tea.MouseWheelMsg:
		m.video.run = editKey{}
		m.handleWheel(msg.Mouse())
		return nil
	case savedMsg:
		cmd := m.saved(msg)
		if m.quitAfterSave && !m.saving {
			m.quitAfterSave = false
			if !m.Dirty() {
				return tea.Quit
			}
			m.setStatus(m.scrubPaths("Saved " + msg.path + ", but not the changes made since; not quitting."))
		}
		return cmd
	case saveErrMsg:
		m.quitAfterSave = false
		m.saveFailed(msg.err)
		return nil
	case questionMsg:
		m.ask(msg.q)
		return nil
	case exportedMsg:
		m.exported.path, m.exported.data = msg.path, msg.data
		if m.exported.mine == nil {
			m.exported.mine = map[string][]byte{}
		}
		m.exported.mine[filepath.Clean(msg.path)] = msg.data
		m.setStatus(exportedStatus(msg, m.present.on))
		return nil
	case fileErrMsg:
		m.quitAfterSave = false
		m.setError(msg.err)
		return nil
	case fitDoneMsg:
		m.fitDone(msg)
		return nil
	case rightSizedMsg:
		m.rsBusy = false
		if msg.rev == m.version {
			m.rs, m.rsRev = msg.rs, msg.rev
		}
		return nil
	case yearDoneMsg:
		m.yearDone(msg)
		return nil
	case scenariosDoneMsg:
		m.scenariosDone(msg)
		return nil
	case yearPlansDoneMsg:
		m.yearPlansDone(msg)
		return nil
	case vendorsDoneMsg:
		m.vendorsDone(msg)
		return nil
	case vendorSwitchedMsg:
		m.vendorSwitched(msg)
		return nil
	case loadStep:
		return m.loadProgress(msg)
	case loadedMsg:
		m.loaded(msg)
		return nil
	case loadFailedMsg:
		return m.loadFailed(msg)
	}
	if m.loading() {
		return nil
	}
	if m.takesText() {
		return m.updateInput(msg)
	}
	return nil
}

// updateInput types into the open field or prompt. A value the input was opened
// with is replaced by the first character typed or pasted, as a selected value
// is in any form; keys that move or erase edit it instead.
func (m *Model) updateInput(msg tea.Msg) tea.Cmd {
	if m.inputFresh {
		switch msg := msg.(type) {
		case tea.PasteMsg:
			m.input.SetValue("")
		case tea.KeyPressMsg:
			if typed(msg) {
				m.input.SetValue("")
			}
		}
		m.inputFresh = false
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.video.editing {
		m.applyTextField()
	}
	if m.input.Value() != before && m.prompt != nil {
		m.prompt.err = ""
	}
	return cmd
}

// editorKey answers a key while a Video screen text field is edited; done is
// false when the key, having closed the field, goes on to do what it does
// outside it (tab, ↑ and ↓ move on, as in any form).
func (m *Model) editorKey(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	k := &m.keys.Video
	switch {
	case key.Matches(msg, k.Keep), key.Matches(msg, k.MoveOn):
		if m.video.editErr != "" {
			// Text that does not read is never committed, in part or in full:
			// the field stays open with its error until it is fixed or esc reverts.
			return nil, true
		}
		m.finishEdit(false)
		return nil, key.Matches(msg, k.Keep)
	case key.Matches(msg, k.Revert):
		m.finishEdit(true)
		return nil, true
	case key.Matches(msg, k.Jump):
		// As tab does: keep the text, then go to the field alt+letter names.
		if m.video.editErr != "" {
			return nil, true
		}
		m.finishEdit(false)
		return nil, false
	}
	return m.updateInput(msg), true
}

// screenHelp is the key map as the current screen's help lists it.
func (m *Model) screenHelp() ScreenHelp {
	return ScreenHelp{Keys: &m.keys, Screen: m.screen, Holder: m.keyHolder(), Presenting: m.present.on, Proposal: m.proposal != nil}
}

// typed reports whether a key types a character (a letter, digit, space or
// symbol, with no ctrl or alt).
func typed(msg tea.KeyPressMsg) bool {
	return msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0
}

// inputView is the open input as drawn: a value still to be replaced shows selected.
func (m *Model) inputView() string {
	if m.inputFresh && m.input.Value() != "" {
		return m.input.Prompt + m.styles.Selected.Render(m.input.Value())
	}
	return m.input.View()
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	g := &m.keys.Global
	run := m.video.run
	m.video.run = editKey{} // a run of digits ends at any other key
	switch {
	case m.tooSmall():
		return m.smallKey(msg)
	case m.loading():
		return m.loadingKey(msg)
	case m.prompt != nil:
		return m.promptKey(msg)
	case m.fit.open:
		return m.fitKey(msg)
	case m.video.editing:
		if cmd, done := m.editorKey(msg); done {
			return cmd
		}
	}
	if m.help.ShowAll {
		return m.helpKey(msg)
	}

	m.status, m.statusErr = "", false
	// A character typed on a text row of the Video screen starts editing that
	// row with it, so a word typed there never runs the keys its letters name.
	if m.typesIntoRow(msg) {
		m.startEdit(m.fieldAt(m.video.focus))
		return m.updateInput(msg)
	}
	if cmd, ok := m.serveKey(msg); ok {
		return cmd
	}
	if cmd, ok := m.vendorKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, g.Quit):
		if m.Dirty() {
			m.askQuit()
			return nil
		}
		return tea.Quit
	case key.Matches(msg, g.Help):
		m.help.ShowAll, m.layout.help.offset = true, 0
		return nil
	case key.Matches(msg, g.NextScreen):
		m.setScreen(m.screen + 1)
		return nil
	case key.Matches(msg, g.PrevScreen):
		m.setScreen(m.screen - 1)
		return nil
	case key.Matches(msg, g.Save):
		return m.save()
	case key.Matches(msg, g.Export):
		return m.export()
	case key.Matches(msg, g.Undo):
		m.undoLast()
		return nil
	case key.Matches(msg, g.Redo):
		m.redoLast()
		return nil
	case key.Matches(msg, g.CyclePlan):
		m.cyclePlan(1)
		return nil
	case key.Matches(msg, g.PrevPlan):
		m.cyclePlan(-1)
		return nil
	case key.Matches(msg, g.Billing):
		m.toggleBilling()
		return nil
	case key.Matches(msg, g.Balance):
		m.askBalance()
		return nil
	case key.Matches(msg, g.Budget):
		m.askBudget()
		return nil
	case key.Matches(msg, g.Fit):
		return m.startFit()
	case key.Matches(msg, g.NewScenario):
		m.askScenarioName()
		return nil
	case key.Matches(msg, g.Present):
		m.togglePresent()
		return nil
	case key.Matches(msg, g.ApplyView):
		m.applyView()
		return nil
	case key.Matches(msg, g.Cheaper):
		m.toggleCheaper()
		return nil
	}
	// Digits type into a number field on the Video screen; elsewhere they pick a screen.
	if !(m.screen == ScreenVideo && m.fieldAt(m.video.focus).isNumber()) {
		switch {
		case key.Matches(msg, g.GoVideo):
			m.setScreen(ScreenVideo)
			return nil
		case key.Matches(msg, g.GoMonth):
			m.setScreen(ScreenMonth)
			return nil
		case key.Matches(msg, g.GoPlans):
			m.setScreen(ScreenPlans)
			return nil
		case key.Matches(msg, g.GoYear):
			m.setScreen(ScreenYear)
			return nil
		case key.Matches(msg, g.GoScenarios):
			m.setScreen(ScreenScenarios)
			return nil
		}
	}
	switch m.screen {
	case ScreenVideo:
		return m.videoKey(msg, run)
	case ScreenMonth:
		return m.monthKey(msg)
	case ScreenYear:
		return m.yearKey(msg)
	case ScreenScenarios:
		return m.scenariosKey(msg)
	default:
		return m.plansKey(msg)
	}
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// smallKey answers keys while the terminal is too small to show the planner:
// only quitting acts, as the screen says, so nothing changes unseen.
func (m *Model) smallKey(msg tea.KeyPressMsg) tea.Cmd {
	asking := m.promptIs(promptQuit)
	switch {
	case asking && key.Matches(msg, m.keys.Prompt.Yes):
		return tea.Quit
	case asking && key.Matches(msg, m.keys.Prompt.No):
		m.closePrompt()
	case !asking && key.Matches(msg, m.keys.Global.Quit):
		// What is open is closed as esc would close it; then quit as q does.
		switch {
		case m.video.editing:
			m.finishEdit(true)
		case m.promptIs(promptQuestion):
			m.questions = nil
		case m.fit.open:
			m.fit = fitState{}
		}
		m.closePrompt()
		m.inputFresh, m.quitAfterSave = false, false
		m.input.Blur()
		if m.Dirty() {
			m.askQuit()
			return nil
		}
		return tea.Quit
	}
	return nil
}

// typesIntoRow reports whether msg types a character while a text row of the
// Video screen has focus (? still opens the help).
func (m *Model) typesIntoRow(msg tea.KeyPressMsg) bool {
	return m.screen == ScreenVideo && m.currentVideo() != nil && m.fieldAt(m.video.focus).isText() && typed(msg) && !key.Matches(msg, m.keys.Global.Help)
}

// helpKey answers keys while the full help is open: it is modal, so only ? and
// esc (close) and the scrolling keys act; nothing behind it changes.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Prompt
	page := max(m.bodyHeight()-1, 1)
	switch {
	case key.Matches(msg, k.Close):
		m.help.ShowAll, m.layout.help.offset = false, 0
		m.setStatus("")
	case key.Matches(msg, k.Up):
		m.scrollHelp(-1)
	case key.Matches(msg, k.Down):
		m.scrollHelp(1)
	case key.Matches(msg, k.PageUp):
		m.scrollHelp(-page)
	case key.Matches(msg, k.PageDown):
		m.scrollHelp(page)
	case key.Matches(msg, k.Home):
		m.layout.help.offset = 0
	case key.Matches(msg, k.End):
		m.scrollHelp(1 << 20)
	default:
		m.setStatus("The help is open: ? or esc closes it, ↑/↓ scroll it.")
	}
	return nil
}

func (m *Model) scrollHelp(d int) {
	most := max(len(m.helpBody(m.width))-m.bodyHeight(), 0)
	m.layout.help.offset = max(0, min(most, m.layout.help.offset+d))
}

// helpBody is the full help for the current screen: its groups in as many
// columns as fit, a page tall, then the typing rule on the Video screen; one
// column (which scrolls) when narrow, so no key is cut off.
func (m *Model) helpBody(w int) []string {
	s := &m.styles
	title := "Keys on the " + screenTitles[m.screen] + " screen"
	if m.loading() {
		title = "Keys while " + m.load.name + " opens"
	}
	body := []string{clip(" "+s.Heading.Render(title)+s.Muted.Render("  (? or esc closes · ↑/↓ scroll)"), w), ""}
	var blocks [][]string
	for _, g := range m.screenHelp().Groups() {
		blocks = append(blocks, m.helpBlock(g))
	}
	// A page is the body less the title, its blank line and the "more" line.
	body = append(body, arrangeBlocks(blocks, w-1, max(m.bodyHeight()-3, 4))...)
	if m.screen == ScreenVideo && !m.loading() {
		body = append(body, " "+s.Heading.Render("Typing on the Video screen"))
		for _, l := range wrap(typingRule, max(w-2, 20)) {
			body = append(body, " "+s.Muted.Render(l))
		}
	}
	return body
}

// helpBlock is one group of the full help: its title, then a key per line.
func (m *Model) helpBlock(g HelpGroup) []string {
	s := &m.styles
	kw := 0
	for _, b := range g.Keys {
		kw = max(kw, width(b.Help().Key))
	}
	out := []string{" " + s.Heading.Render(g.Title)}
	for _, b := range g.Keys {
		h := b.Help()
		out = append(out, " "+s.HelpKey.Render(h.Key)+strings.Repeat(" ", kw-width(h.Key))+"  "+s.HelpDesc.Render(h.Desc))
	}
	return out
}

// arrangeBlocks lays the help's groups out in order: stacked in columns at
// most a page (h rows) tall, the columns side by side while they fit in w
// cells, the next ones in a band below; so a wide help shows in one page and
// a narrow one is a single column.
func arrangeBlocks(blocks [][]string, w, h int) []string {
	var cols [][]string
	var cur []string
	for _, b := range blocks {
		if len(cur) > 0 && len(cur)+1+len(b) > h {
			cols, cur = append(cols, cur), nil
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		cur = append(cur, b...)
	}
	if len(cur) > 0 {
		cols = append(cols, cur)
	}
	const gap = 3
	var out []string
	for len(cols) > 0 {
		n, used := 1, blockWidth(cols[0])
		for n < len(cols) && used+gap+blockWidth(cols[n]) <= w {
			used += gap + blockWidth(cols[n])
			n++
		}
		band := cols[:n]
		cols = cols[n:]
		rows := 0
		for _, c := range band {
			rows = max(rows, len(c))
		}
		for y := range rows {
			var b strings.Builder
			for c, col := range band {
				l := ""
				if y < len(col) {
					l = col[y]
				}
				if c < len(band)-1 {
					l += strings.Repeat(" ", blockWidth(col)-width(l)+gap)
				}
				b.WriteString(l)
			}
			out = append(out, clip(strings.TrimRight(b.String(), " "), w+1))
		}
		out = append(out, "")
	}
	return out
}

func blockWidth(lines []string) int {
	n := 0
	for _, l := range lines {
		n = max(n, width(l))
	}
	return n
}

// typingRule is how typing works on the Video screen, as the help says it.
const typingRule = "Typing on a text row (Name, Length, Languages) edits it: the first character replaces the value, " +
	"enter edits it as it is; there q and the other letters (a, d, x too) type, ? still opens this help. " +
	"On a number row the first digit replaces the number and more digits add to it. " +
	"A choice row changes with ←/→; enter explains. A field that does not read stays open with its error; esc reverts it. " +
	"alt and a field's initial go to that field from any row (alt+l: Length, again for Look, Languages)."

// View draws the whole screen. It only reads the cached quote and lays out text.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "creditplan"
	return v
}

func (m *Model) render() string {
	if m.width == 0 && m.height == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		msg := fmt.Sprintf("creditplan needs at least %dx%d; this terminal is %dx%d. q quits.", MinWidth, MinHeight, m.width, m.height)
		if m.promptIs(promptQuit) {
			msg = smallQuitQuestion
		}
		lines := strings.Split(ansi.Wordwrap(msg, max(m.width, 1), ""), "\n")
		if len(lines) > max(m.height, 1) {
			lines = lines[:max(m.height, 1)]
		}
		for i := range lines {
			lines[i] = clip(lines[i], m.width)
		}
		return strings.Join(lines, "\n")
	}
	w := m.width
	lines := make([]string, 0, m.height)
	lines = append(lines, fit(m.headerLine(), w), fit(m.tabsLine(), w), m.ruleLine(w))
	bh := m.bodyHeight()
	var body []string
	switch {
	case m.loading() && !m.help.ShowAll:
		body = m.renderLoading(w)
	case m.fit.open:
		body = m.renderFit(w, bh)
	case m.help.ShowAll:
		body = m.helpBody(w)
		body = body[min(m.layout.help.offset, len(body)):]
		if len(body) > bh && bh > 1 {
			// The last row says the help goes on, so no key hides below it.
			more := len(body) - (bh - 1)
			body = append(body[:bh-1:bh-1], " "+m.styles.Muted.Render("↓ "+pricing.Plural(more, "more line")+" (↓/pgdn)"))
		}
	default:
		switch m.screen {
		case ScreenVideo:
			body = m.renderVideo(w, bh)
		case ScreenMonth:
			body = m.renderMonth(w, bh)
		case ScreenYear:
			body = m.renderYear(w, bh)
		case ScreenScenarios:
			body = m.renderScenarios(w, bh)
		default:
			if m.vend.on && m.multiVendor() {
				body = m.renderVendors(w, bh)
			} else {
				body = m.renderPlans(w, bh)
			}
		}
	}
	for i := 0; i < bh; i++ {
		s := ""
		if i < len(body) {
			s = body[i]
		}
		lines = append(lines, fit(s, w))
	}
	lines = append(lines, fit(m.statusLine(), w), m.shortHelpLine(w))
	// Trailing blanks are dropped: the renderer clears what a line leaves
	// undrawn, and every cell it need not parse and compare shortens the
	// time from a key to the frame on screen.
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	if m.present.on {
		for i, l := range lines {
			lines[i] = m.presentText(l)
		}
	}
	return strings.Join(lines, "\n")
}

// shortHelpLine is the footer's key help, as the layout last rendered it.
func (m *Model) shortHelpLine(w int) string {
	if m.serve.viewer {
		return m.viewerFooter(w)
	}
	if m.layout.footer == "" || m.layout.footerFor != m.footerKey(w) {
		return m.renderFooter(w) // a View before any Update
	}
	return m.layout.footer
}

// footerKey is what the footer's key help depends on.
func (m *Model) footerKey(w int) helpLineKey {
	return helpLineKey{screen: m.screen, holder: m.keyHolder(), width: w, dark: m.isDark, present: m.present.on}
}

// renderFooter is the key help for what holds the keys, cut to the width.
func (m *Model) renderFooter(w int) string {
	return fit(" "+m.help.ShortHelpView(m.screenHelp().ShortHelp()), w)
}

// keyHolder is what takes the keys now, in the order handleKey asks.
func (m *Model) keyHolder() Holder {
	switch {
	case m.promptIs(promptQuit):
		return HoldQuit
	case m.promptIs(promptQuestion):
		return HoldQuestion
	case m.prompt != nil:
		return HoldTextPrompt
	case m.loading() && m.help.ShowAll:
		return HoldLoadingHelp
	case m.loading():
		return HoldLoading
	case m.fit.open:
		return HoldFit
	case m.video.editing:
		return HoldEditing
	case m.help.ShowAll:
		return HoldHelp
	case m.screen == ScreenVideo && m.currentVideo() != nil && m.fieldAt(m.video.focus).isText():
		return HoldTextRow
	}
	return HoldScreen
}

func (m *Model) fileLabel() string {
	if m.serve.viewer && m.serve.file != "" {
		return m.serve.file
	}
	name := filepath.Base(m.path)
	if m.path == "" {
		name = "new month"
	}
	if m.Dirty() {
		name += "*"
	}
	return name
}

// headerLine is the header: see header.go.
func (m *Model) headerLine() string { return m.header() }

// tabSpans gives each tab's title and its columns on the tab line, for drawing and clicks.
func tabSpans() [numScreens]struct {
	title      string
	start, end int
} {
	var out [numScreens]struct {
		title      string
		start, end int
	}
	x := 1
	for i := range numScreens {
		t := " " + itoa(int64(i)+1) + " " + screenTitles[i] + " "
		out[i].title, out[i].start, out[i].end = t, x, x+len(t)
		x += len(t) + 1
	}
	return out
}

func (m *Model) tabsLine() string {
	s := &m.styles
	var b strings.Builder
	b.WriteByte(' ')
	for i, t := range tabSpans() {
		if Screen(i) == m.screen {
			b.WriteString(s.ActiveTab.Render(t.title))
		} else {
			b.WriteString(s.Tab.Render(t.title))
		}
		b.WriteByte(' ')
	}
	left := b.String()
	// The plan and billing go first when the line is narrow, then the words
	// around the credits; a shortfall is said as long as anything is.
	for _, summary := range m.summaries() {
		if gap := m.width - width(left) - width(summary) - 1; gap >= 1 {
			return left + strings.Repeat(" ", gap) + summary + " "
		}
	}
	return left
}

// summaries are the month at a glance on the tab line, shown on every
// screen, fullest first: with the plan and billing, then the credits used
// of the balance and the shortfall in fewer and fewer words, down to the
// shortfall alone (or the credits used, when the month fits).
func (m *Model) summaries() []string {
	q := m.quote
	if q == nil {
		return nil
	}
	s := &m.styles
	head := s.Muted.Render(q.Plan.Name + " · " + q.Billing.Key() + " · ")
	used, bal := q.Premium.Grouped(), max(q.Balance, 0).Grouped()
	full := used + " of " + bal + " used"
	if q.Fits {
		return []string{head + s.Good.Render(full), s.Good.Render(full), s.Good.Render(used + "/" + bal + " used")}
	}
	short := q.Short.Grouped() + " short"
	return []string{
		head + s.Bad.Render(full+" · "+short),
		s.Bad.Render(full + " · " + short),
		s.Bad.Render(used + "/" + bal + " used · " + short),
		s.Bad.Render(used + "/" + bal + " · " + short),
		s.Bad.Render(short),
	}
}

func (m *Model) statusLine() string {
	s := &m.styles
	switch {
	case m.prompt != nil:
		// The question, not the latest status: a message arriving while it
		// waits must not hide it.
		return m.promptLine()
	case m.fit.open:
		return " " + s.Prompt.Render(m.fitPrompt())
	case m.video.editing:
		if m.video.editErr != "" {
			return " " + s.Error.Render("✗ "+m.video.editErr) + s.Muted.Render(" · esc reverts")
		}
		return " " + s.Muted.Render("enter keeps · esc reverts")
	}
	if m.status != "" {
		if m.statusErr {
			return " " + s.Error.Render(m.scrubPaths(m.status))
		}
		return " " + s.Status.Render(m.scrubPaths(m.status))
	}
	if standing := m.serveStatus(); standing != "" {
		return " " + s.Status.Render(standing)
	}
	if m.quote != nil {
		return " " + s.Muted.Render("Month: "+m.quote.Message())
	}
	if m.loading() {
		return " " + s.Muted.Render(m.loadLine())
	}
	return ""
}
