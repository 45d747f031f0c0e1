package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/sourcefile"
)

// readSource reads a file outside a server's folder.
var readSource = sourcefile.Read

// The planner as `creditplan serve` runs it, one per SSH session: its files
// confined to the user's folder, told when the company's rate card changes
// and when the server stops, and able to share its screen with viewers who
// watch it read-only (follow-me demos).

// ServeOptions are what a server session adds to Options.
type ServeOptions struct {
	// Root confines every file the planner reads or writes (save, save as,
	// export) to one folder: a path that leaves it (.., an absolute path, a
	// symbolic link out of it) is refused with a message. Paths are relative
	// to it.
	Root *os.Root
	// Share, when set, lets ctrl+o start and end a follow-me share.
	Share ShareHook
	// Watch, when set, makes the planner a read-only viewer of a share: it
	// blocks until the presenter's next state, and returns false once the
	// share has ended (the viewer then quits). Every key but q is ignored.
	Watch func() (Shared, bool)
	// UnsavedName is the file a month never saved is written to when the
	// server stops ("" for unsaved-month.toml).
	UnsavedName string
}

// ShareHook is the server's side of a follow-me share. StartShare runs in a
// command; StopShare and Publish are called from Update and must not block.
type ShareHook interface {
	// StartShare opens a share and returns the line a viewer runs
	// (ssh -p PORT watch-CODE@HOST).
	StartShare() (line string, err error)
	// StopShare ends the share: its code stops working and viewers leave.
	StopShare()
	// Publish hands the viewers the presenter's latest state.
	Publish(Shared)
}

// Shared is what a viewer is shown of the presenter's planner: the month and
// where the presenter is in it, never an open prompt. Project is a copy no
// one changes after it is published.
type Shared struct {
	Card    *pricing.RateCard
	Project *pricing.Project
	// Version changes whenever Project does.
	Version int
	// File is the header's file label (name, * when unsaved).
	File   string
	Screen Screen
	// Sel is the current video, Focus the Video screen's row, PlanRow and
	// YearRow the Plans and Year screens' selected rows.
	Sel, Focus, PlanRow, YearRow int
}

// RatesMsg tells a running planner that the server loaded a new rate card:
// the status line says so, and ctrl+r switches the month to it. A viewer
// ignores it (it follows the presenter's card).
type RatesMsg struct {
	Card *pricing.RateCard
}

// ViewersMsg tells a presenter how many viewers watch its share now.
type ViewersMsg struct{ Watching int }

// ShutdownMsg tells a running planner that the server is stopping: a save
// under way finishes, unsaved changes are saved, then the planner quits.
type ShutdownMsg struct{}

// serveState is a server session's part of the Model.
type serveState struct {
	on     bool
	box    *sandbox
	share  ShareHook
	watch  func() (Shared, bool)
	viewer bool
	// sharing is the line viewers run while a share is open ("" when none);
	// starting is set while StartShare runs.
	sharing  string
	starting bool
	watching int
	// published is the last copy of the month handed to viewers, and the
	// version it is of.
	published        *pricing.Project
	publishedVersion int
	publishedCard    *pricing.RateCard
	// newCard is a rate card the server loaded that the month is not on yet.
	newCard *pricing.RateCard
	// stopping: the server is stopping; quit once no save runs.
	stopping    bool
	unsavedName string
	// discarded: the user quit without saving, on purpose.
	discarded bool
	// file is the presenter's file label, in a viewer; followed is set once
	// it shows the presenter's month.
	file     string
	followed bool
}

// Messages of server sessions.
type (
	shareStartedMsg struct {
		line string
		err  error
	}
	sharedMsg struct {
		st Shared
		ok bool
	}
)

// useServe installs a server session's options in a new Model.
func (m *Model) useServe(o *ServeOptions) {
	if o == nil {
		return
	}
	m.serve.on = true
	if o.Root != nil {
		m.serve.box = &sandbox{root: o.Root}
	}
	m.serve.share, m.serve.watch = o.Share, o.Watch
	m.serve.viewer = o.Watch != nil
	m.serve.unsavedName = o.UnsavedName
	if m.serve.unsavedName == "" {
		m.serve.unsavedName = "unsaved-month.toml"
	}
	m.keys.Global.Reload.SetEnabled(!m.serve.viewer)
	m.keys.Global.Share.SetEnabled(m.serve.share != nil && !m.serve.viewer)
}

// waitShared waits in a command for the presenter's next state.
func (m *Model) waitShared() tea.Cmd {
	watch := m.serve.watch
	return func() tea.Msg {
		st, ok := watch()
		return sharedMsg{st: st, ok: ok}
	}
}

// serveMsg handles the messages only a server session gets; ok is false for
// any other message.
func (m *Model) serveMsg(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if m.serve.viewer {
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			// Read-only: q (and ctrl+c) leave, every other key is ignored.
			if key.Matches(msg, m.keys.Global.Quit) {
				return tea.Quit, true
			}
			return nil, true
		case tea.PasteMsg, tea.MouseClickMsg, tea.MouseWheelMsg, RatesMsg, ShutdownMsg:
			if _, stop := msg.(ShutdownMsg); stop {
				return tea.Quit, true
			}
			return nil, true
		case sharedMsg:
			if !msg.ok {
				return tea.Quit, true
			}
			m.follow(msg.st)
			return m.waitShared(), true
		}
		return nil, false
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		// y to "quit without saving?": the changes are dropped on purpose,
		// and SaveUnsaved leaves them so. The key goes on to quit.
		if m.promptIs(promptQuit) && key.Matches(msg, m.keys.Prompt.Yes) {
			m.serve.discarded = true
		}
		return nil, false
	case RatesMsg:
		if msg.Card == nil || msg.Card == m.card {
			return nil, true
		}
		m.serve.newCard = msg.Card
		return nil, true
	case ShutdownMsg:
		return m.stop(), true
	case ViewersMsg:
		if m.serve.sharing != "" {
			m.serve.watching = max(msg.Watching, 0)
		}
		return nil, true
	case shareStartedMsg:
		m.serve.starting = false
		if msg.err != nil {
			m.setError(fmt.Errorf("cannot share: %w", msg.err))
			return nil, true
		}
		m.serve.sharing, m.serve.watching = msg.line, 0
		m.serve.published = nil
		m.setStatus("") // the standing line shows the share, and who watches
		return nil, true
	}
	return nil, false
}

// serveKey answers ctrl+o (share) and ctrl+r (new rates); ok is false for
// any other key.
func (m *Model) serveKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	g := &m.keys.Global
	switch {
	case key.Matches(msg, g.Share):
		switch {
		case m.serve.sharing != "":
			m.serve.share.StopShare()
			m.serve.sharing = ""
			m.setStatus("The share has ended; its code no longer works.")
		case !m.serve.starting:
			m.serve.starting = true
			m.setStatus("Starting a share…")
			share := m.serve.share
			return func() tea.Msg {
				line, err := share.StartShare()
				return shareStartedMsg{line: line, err: err}
			}, true
		}
		return nil, true
	case key.Matches(msg, g.Reload):
		if m.serve.newCard == nil {
			m.setStatus("The month is on the server's latest rates (" + m.card.Name + ", as of " + m.card.AsOf + ").")
			return nil, true
		}
		m.useCard(m.serve.newCard)
		m.serve.newCard = nil
		m.setStatus("Now on the new rates: " + m.card.Name + ", as of " + m.card.AsOf + ".")
		return nil, true
	}
	return nil, false
}

// useCard puts the month on another rate card and prices it again.
func (m *Model) useCard(c *pricing.RateCard) {
	m.card = c
	m.video.rows = formRows(c)
	m.video.valueW, m.video.tagW = formWidths(c)
	m.fit = fitState{}
	m.rs, m.rsBusy = nil, false
	m.year.res, m.year.err, m.year.busy = nil, nil, false
	m.reprice()
}

// stop answers the server stopping: a save under way finishes, unsaved
// changes are saved (a month never saved to UnsavedName), then quit.
func (m *Model) stop() tea.Cmd {
	m.serve.stopping = true
	m.prompt, m.questions, m.help.ShowAll = nil, nil, false
	if m.video.editing {
		m.finishEdit(false)
	}
	if m.serve.sharing != "" {
		m.serve.share.StopShare()
		m.serve.sharing = ""
	}
	if m.saving {
		m.setStatus("The server is stopping: finishing the save, then closing.")
		return nil
	}
	if m.Dirty() && !m.loading() {
		path := m.path
		if path == "" {
			path = m.serve.unsavedName
		}
		m.setStatus("The server is stopping: saving " + path + ", then closing.")
		return m.saveTo(path, false)
	}
	return tea.Quit
}

// SaveUnsaved writes the month's unsaved changes at once, as ctrl+s would
// without asking (a month never saved goes to UnsavedName). The server calls
// it when a session's planner has ended without saving: its client gone or
// timed out. It returns the file written ("" when nothing was unsaved); a
// file someone else changed meanwhile is not replaced (the error says so).
func (m *Model) SaveUnsaved() (path string, err error) {
	if m.serve.viewer || m.serve.discarded || m.loading() || !m.Dirty() {
		return "", nil
	}
	path = m.path
	if path == "" {
		path = m.serve.unsavedName
	}
	m.saving, m.saveAgain = false, false
	cmd := m.saveTo(path, false)
	if cmd == nil {
		return path, errors.New("the save did not start")
	}
	switch msg := cmd().(type) {
	case savedMsg:
		m.saved(msg)
		return path, nil
	case saveErrMsg:
		return path, msg.err
	case questionMsg:
		return path, errors.New(msg.q.text)
	}
	return path, errors.New("the save did not finish")
}

// stopped quits a stopping planner once no save runs.
func (m *Model) stopped() tea.Cmd {
	if m.serve.stopping && !m.saving {
		return tea.Quit
	}
	return nil
}

// publish hands viewers the presenter's state after every Update while a
// share is open; the month is copied only when it changed.
func (m *Model) publish() {
	if m.serve.sharing == "" || m.serve.viewer || m.loading() {
		return
	}
	if m.serve.published == nil || m.serve.publishedVersion != m.version || m.serve.publishedCard != m.card {
		m.serve.published = m.project.Clone()
		m.serve.publishedVersion = m.version
		m.serve.publishedCard = m.card
	}
	m.serve.share.Publish(Shared{
		Card: m.card, Project: m.serve.published, Version: m.version, File: m.fileLabel(),
		Screen: m.screen, Sel: m.sel, Focus: m.video.focus, PlanRow: m.plans.sel, YearRow: m.year.sel,
	})
}

// follow shows the presenter's state in a viewer.
func (m *Model) follow(st Shared) {
	if st.Card == nil || st.Project == nil {
		return
	}
	m.serve.file = st.File
	if st.Card != m.card {
		m.card = st.Card
		m.video.rows = formRows(st.Card)
		m.video.valueW, m.video.tagW = formWidths(st.Card)
		m.project = nil
	}
	if !m.serve.followed || m.project == nil || st.Version != m.version {
		m.serve.followed = true
		m.project = st.Project.Clone()
		m.version, m.savedVersion = st.Version, st.Version
		m.rs, m.year.res, m.year.err = nil, nil, nil
		m.reprice()
	}
	m.setScreen(st.Screen)
	m.sel, m.video.focus, m.plans.sel, m.year.sel = st.Sel, st.Focus, st.PlanRow, st.YearRow
	m.clampSelection()
}

// serveStatus is the status line's standing message in a server session
// ("" for none): a viewer's, an open share's, or new rates waiting.
func (m *Model) serveStatus() string {
	switch {
	case m.serve.viewer:
		return "Watching a follow-me demo, read-only · q leaves"
	case m.serve.sharing != "" && m.serve.watching > 0:
		return "Sharing: " + m.serve.sharing + " · " + pricing.Plural(m.serve.watching, "viewer") + " watching · ctrl+o ends it"
	case m.serve.sharing != "":
		return "Sharing: " + m.serve.sharing + " · ctrl+o ends it"
	case m.serve.newCard != nil:
		return "rates updated: ctrl+r reloads (" + m.serve.newCard.Name + ", as of " + m.serve.newCard.AsOf + ")"
	}
	return ""
}

// viewerFooter is a viewer's key help: q alone acts.
func (m *Model) viewerFooter(w int) string {
	return fit(" "+m.help.ShortHelpView([]key.Binding{relabel(m.keys.Global.Quit, "q", "leave (every other key is ignored)")}), w)
}

// ErrOutsideFolder is why a path out of a server user's folder is refused.
var ErrOutsideFolder = errors.New("it is outside your folder (paths with .., absolute paths and links out of it are refused)")

// sandbox is a server session's folder: every file operation of a save or an
// export goes through it instead of the operating system's paths. A nil
// *sandbox is the ordinary file system.
type sandbox struct{ root *os.Root }

// local checks that path names something in the folder by its name alone.
func (b *sandbox) local(path string) error {
	if !filepath.IsLocal(path) {
		return ErrOutsideFolder
	}
	return nil
}

// plain is plainErr, with os.Root's refusals said as ErrOutsideFolder.
func (b *sandbox) plain(err error) error {
	err = plainErr(err)
	if err != nil && err.Error() == "path escapes from parent" {
		return ErrOutsideFolder
	}
	return err
}

// resolve is resolveTarget inside the folder: links are followed while they
// stay in it; an absolute link, or one leading out, is refused.
func (b *sandbox) resolve(path string) (target string, st fs.FileInfo, err error) {
	if b == nil {
		return resolveTarget(path)
	}
	if err := b.local(path); err != nil {
		return "", nil, err
	}
	target = filepath.Clean(path)
	for range maxLinks {
		st, err = b.root.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			dir := filepath.Dir(target)
			switch ds, err := b.root.Stat(dir); {
			case errors.Is(err, fs.ErrNotExist):
				return "", nil, fmt.Errorf("the folder %s does not exist", dir)
			case err != nil:
				return "", nil, b.plain(err)
			case !ds.IsDir():
				return "", nil, fmt.Errorf("%s is not a folder", dir)
			}
			return target, nil, nil
		}
		if err != nil {
			return "", nil, b.plain(err)
		}
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			link, err := b.root.Readlink(target)
			if err != nil {
				return "", nil, b.plain(err)
			}
			if filepath.IsAbs(link) {
				return "", nil, ErrOutsideFolder
			}
			target = filepath.Join(filepath.Dir(target), link)
			if !filepath.IsLocal(target) {
				return "", nil, ErrOutsideFolder
			}
			continue
		case st.IsDir():
			return "", nil, errors.New("it is a directory")
		case !st.Mode().IsRegular():
			return "", nil, errors.New("it is not a regular file")
		}
		return target, st, nil
	}
	return "", nil, fmt.Errorf("more than %d symbolic links lead to it", maxLinks)
}

// readOnly is readOnly by the file's mode bits in the folder (the server
// writes its users' files itself).
func (b *sandbox) readOnly(target string, st fs.FileInfo) bool {
	if b == nil {
		return readOnly(target, st)
	}
	return st.Mode().Perm()&0o200 == 0
}

// read reads at most limit+1 bytes of the regular file at target.
func (b *sandbox) read(target string, limit int) ([]byte, error) {
	if b == nil {
		src, _, err := readSource(target, limit)
		return src, err
	}
	src, _, err := ReadInRoot(b.root, target, limit)
	return src, err
}

// ReadInRoot reads the regular file at path in root, at most limit+1 bytes
// (as sourcefile.Read does outside one), without waiting on a named pipe.
func ReadInRoot(root *os.Root, path string, limit int) ([]byte, fs.FileInfo, error) {
	if !filepath.IsLocal(path) {
		return nil, nil, ErrOutsideFolder
	}
	f, err := root.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, (*sandbox)(nil).plain(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, plainErr(err)
	}
	if !info.Mode().IsRegular() {
		return nil, info, errors.New("it is not a regular file")
	}
	src, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	return src, info, plainErr(err)
}

// write replaces target with data as writeFileAtomic does: a temporary file
// beside it in the folder, synced, renamed over it.
func (b *sandbox) write(target string, st fs.FileInfo, data []byte) error {
	if b == nil {
		return writeFileAtomic(target, st, data)
	}
	perm := fs.FileMode(0o644)
	if st != nil {
		perm = st.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	var tmp *os.File
	var name string
	for i := range 100 {
		name = filepath.Join(dir, "."+base+tempInfix+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(i))
		f, err := b.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return b.plain(err)
		}
		tmp = f
		break
	}
	if tmp == nil {
		return errors.New("no temporary name is free beside it")
	}
	fail := func(err error) error {
		tmp.Close()
		b.root.Remove(name)
		return b.plain(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		b.root.Remove(name)
		return b.plain(err)
	}
	if err := b.root.Rename(name, target); err != nil {
		b.root.Remove(name)
		return b.plain(err)
	}
	return nil
}
