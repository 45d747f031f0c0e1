package ui

import (
	"bytes"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Loading a big month: reading, checking and pricing it takes as long as
// decoding its TOML, so it runs in a command while the planner shows its
// header and a progress bar at once. The command sends a message after each
// step; Update only copies what they carry, and installs the month, already
// priced, when the last one lands. Nothing of the month can be edited before
// then; q quits and ? opens the help.

// loadGCPercent is the garbage collector's percentage while a load runs,
// and loadSmallGCPercent while it reads a file smaller than the size from
// which the loader collects itself (pricing.CollectGarbageFrom).
const (
	loadGCPercent      = 400
	loadSmallGCPercent = 1600
)

// loadStage is how far the load has got.
type loadStage int

const (
	loadReading  loadStage = iota // reading the file
	loadChecking                  // decoding and checking its videos
	loadPricing                   // pricing the month
)

// loadState is a load under way; nil in the model once the month is installed.
type loadState struct {
	name   string // the file's base name, for the header and the progress line
	stage  loadStage
	videos int // the videos the file holds, counted once it is read
	read   int // the videos read and checked so far
}

// loadProgressMsg says a load step is done.
type loadProgressMsg struct {
	stage        loadStage
	videos, read int
}

// loadedMsg is the month read, checked and priced.
type loadedMsg struct {
	project *pricing.Project
	disk    *pricing.Project // a copy of project as the file holds it, for saving
	src     []byte
	quote   *pricing.Quote
	err     error // the quote's error: the month opens and says why it has no numbers
	// card is what the month is priced on (Options.Prepare's, else the
	// planner's own), with the warnings it brings.
	card     *pricing.RateCard
	warnings []string
}

// loadFailedMsg is a month that could not be read: the planner ends and Run
// returns the error, so the command line reports it as for any command.
type loadFailedMsg struct{ err error }

// startLoad is the command that loads the month: it starts the work and
// returns its first message; each message's handling waits for the next.
func startLoad(path string, card *pricing.RateCard, read func() ([]byte, time.Time, error), plan string, prepare prepareFunc) tea.Cmd {
	return func() tea.Msg { return nextLoadMsg(beginLoad(path, card, read, plan, prepare))() }
}

// prepareFunc is Options.Prepare.
type prepareFunc = func(p *pricing.Project) (*pricing.RateCard, []string, error)

// beginLoad starts loading the month and returns the channel its messages come on.
func beginLoad(path string, card *pricing.RateCard, read func() ([]byte, time.Time, error), plan string, prepare prepareFunc) <-chan tea.Msg {
	ch := make(chan tea.Msg, 4) // every message fits, so an abandoned load never blocks
	go loadMonth(ch, path, card, read, plan, prepare)
	return ch
}

// nextLoadMsg waits for the load's next message.
func nextLoadMsg(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg := <-ch
		if p, ok := msg.(loadProgressMsg); ok {
			return loadStep{p, ch}
		}
		return msg
	}
}

// loadStep is a progress message with the channel the rest comes on.
type loadStep struct {
	loadProgressMsg
	next <-chan tea.Msg
}

// loadMonth reads, checks and prices the month, sending a message after each step.
func loadMonth(ch chan<- tea.Msg, path string, card *pricing.RateCard, read func() ([]byte, time.Time, error), plan string, prepare prepareFunc) {
	// Decoding allocates a tree that is garbage moments later: the collector
	// waits for five times the live heap while the load runs, as it does for
	// the batch commands (gc.go), and returns to the planner's default after.
	defer debug.SetGCPercent(debug.SetGCPercent(loadGCPercent))
	src, _, err := read()
	if err != nil {
		ch <- loadFailedMsg{err}
		return
	}
	if len(src) < pricing.CollectGarbageFrom {
		// A file the loader does not collect after: its decoding garbage is
		// not collected mid-decode (the batch commands do the same, gc.go).
		debug.SetGCPercent(loadSmallGCPercent)
	}
	// The count is for the progress bar only; the decoder decides what the file holds.
	n := bytes.Count(src, []byte("[[videos]]"))
	ch <- loadProgressMsg{stage: loadChecking, videos: n}
	p, err := parseLoaded(path, src, card)
	if err != nil {
		ch <- loadFailedMsg{err}
		return
	}
	if plan != "" {
		p.Plan = plan
	}
	for i := range p.Videos {
		p.Videos[i].ID = i + 1
	}
	for i := range p.Scenarios {
		p.Scenarios[i].ID = i + 1 // a save edits each scenario's own table
	}
	// The month's own pricing and customer, as the caller lays them over a
	// month it reads itself: the project's pricing key is known only now.
	var warnings []string
	if prepare != nil {
		if card, warnings, err = prepare(p); err != nil {
			ch <- loadFailedMsg{err}
			return
		}
	}
	ch <- loadProgressMsg{stage: loadPricing, videos: len(p.Videos), read: len(p.Videos)}
	// The copy a save compares with is made while the month is priced.
	disk := make(chan *pricing.Project, 1)
	go func() { disk <- p.Clone() }()
	q, qerr := card.Quote(p)
	ch <- loadedMsg{project: p, disk: <-disk, src: src, quote: q, err: qerr, card: card, warnings: warnings}
}

// loading reports whether the month is still being read.
func (m *Model) loading() bool { return m.load != nil }

// loadProgress copies a step's figures into the model.
func (m *Model) loadProgress(msg loadStep) tea.Cmd {
	if m.load == nil {
		return nil
	}
	m.load.stage, m.load.videos, m.load.read = msg.stage, msg.videos, msg.read
	return nextLoadMsg(msg.next)
}

// loaded installs the month the load read and priced.
func (m *Model) loaded(msg loadedMsg) {
	if m.load == nil {
		return
	}
	m.load = nil
	if msg.card != nil && msg.card != m.card {
		for i, c := range m.vend.cards {
			if c == m.card {
				m.vend.cards[i] = msg.card // the vendor switch prices on it too
			}
		}
		m.card = msg.card
		m.video.rows = formRows(m.card)
		m.video.valueW, m.video.tagW = formWidths(m.card)
	}
	m.project = msg.project
	m.nextID = len(m.project.Videos)
	m.disk = diskState{data: msg.src, project: msg.disk}
	m.screen = ScreenVideo
	if len(m.project.Videos) > 1 {
		m.screen = ScreenMonth
	}
	m.useQuote(msg.quote, msg.err)
	if len(msg.warnings) > 0 {
		m.warnings = msg.warnings
		if !m.present.on {
			m.setError(errorText("⚠ " + strings.Join(m.warnings, "; ")))
		}
	}
	if m.help.ShowAll {
		m.layout.help.offset = 0
	}
}

// loadFailed ends the planner with the error that stopped the load.
func (m *Model) loadFailed(msg loadFailedMsg) tea.Cmd {
	m.load = nil
	m.loadErr = msg.err
	return tea.Quit
}

// loadingKey answers keys while the month is read: q quits (nothing is
// changed yet, so nothing is asked, even from the help), ? opens and closes
// the help; every other key says what is happening.
func (m *Model) loadingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Global.Quit):
		return tea.Quit // the help open over the load included: nothing is lost
	case m.help.ShowAll:
		return m.helpKey(msg)
	case key.Matches(msg, m.keys.Global.Help):
		m.help.ShowAll, m.layout.help.offset = true, 0
		return nil
	}
	m.setStatus(m.loadLine() + " The keys work once it is open; q quits.")
	return nil
}

// loadLine says how far the load has got.
func (m *Model) loadLine() string {
	l := m.load
	switch {
	case l == nil:
		return ""
	case l.stage == loadReading:
		return "Reading " + l.name + "…"
	case l.stage == loadChecking:
		return "Reading " + pricing.Plural(l.videos, "video") + " from " + l.name + "…"
	default:
		return "Pricing " + pricing.Plural(l.read, "video") + "…"
	}
}

// renderLoading is the body while the month is read: what is happening and a
// bar of the videos read.
func (m *Model) renderLoading(w int) []string {
	s := &m.styles
	l := m.load
	barW := max(min(w-12, 50), 10)
	filled := 0
	if l.videos > 0 {
		filled = min(barW, barW*l.read/l.videos)
	}
	pct := 0
	if l.videos > 0 {
		pct = min(100, 100*l.read/l.videos)
	}
	bar := s.BarFill.Render(strings.Repeat("█", filled)) + s.BarEmpty.Render(strings.Repeat("░", barW-filled))
	return []string{
		"",
		" " + s.Heading.Render("Opening "+l.name),
		"",
		" " + bar + " " + s.Value.Render(itoa(int64(pct))+"%"),
		" " + s.Muted.Render(clip(m.loadLine(), w-2)),
	}
}

// newLoadState is the load of the file at path.
func newLoadState(path string) *loadState { return &loadState{name: filepath.Base(path)} }
