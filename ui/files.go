package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Saving never destroys anything:
//
//   - a save edits the file the month was read from (pricing.EditProject), so
//     the user's comments, blank lines and key order stay;
//   - it replaces the file only with a complete new one (a temporary file beside
//     it, synced, renamed over it), so a save killed at any moment leaves the
//     old file or the new, never half of one; a temporary file a killed save
//     left is removed by the next save;
//   - before writing, it compares the file's bytes with those it last read or
//     wrote, and asks when someone else changed them, when the file is
//     read-only, or when a new name is already taken;
//   - saves run one at a time: a save asked for while one runs follows it, so
//     the planner's own writes are never mistaken for someone else's.
//
// All file work happens in commands; Update only starts them and reads their results.

// diskState is what the planner knows of its file: the bytes last read from or
// written to it (nil when no file is known there) and the month they hold, each
// video with its ID.
type diskState struct {
	data    []byte
	project *pricing.Project
}

// saveJob is one save, prepared in Update and carried out by saveCmd.
type saveJob struct {
	path    string           // the user's name for the file
	project *pricing.Project // the month to write, a copy
	base    diskState        // the file the month was read from, edited to make the new one
	expect  []byte           // the bytes the planner believes are at path
	hasFile bool             // whether it believes a file is there at all
	version int
	force   bool     // the user answered yes to a question about this file
	box     *sandbox // a server session's folder, nil for the file system
}

// questionKind says what a yes to a question does.
type questionKind int

const (
	askSave questionKind = iota
	askExport
)

// question waits for y or n in the status line.
type question struct {
	kind questionKind
	path string
	text string
	data []byte // the export to write, for askExport
	what string // what the export holds ("the quote"), for askExport
}

// Messages that file commands send back to Update.
type (
	savedMsg struct {
		path    string
		data    []byte
		project *pricing.Project
		version int
		created bool // no file was there before
		kept    bool // the file's layout was kept
		hadBase bool
	}
	questionMsg struct{ q question }
	exportedMsg struct {
		path string
		what string // what it holds: "the quote", "the plans comparison"
		data []byte
	}
	fileErrMsg struct{ err error }
	saveErrMsg struct{ err error }
)

// save writes the month to its file, asking for a path the first time (a
// prompt whose suggested name the first character typed replaces).
func (m *Model) save() tea.Cmd {
	if m.path == "" {
		m.openTextPrompt(promptSaveAs, "Save as: ", "enter saves · esc cancels", "month.toml", "month.toml")
		return nil
	}
	return m.saveTo(m.path, false)
}

// savePath is the file a name typed at "Save as" means: month.toml for none,
// and .toml added to a name without an extension.
func savePath(typed string) string {
	p := strings.TrimSpace(typed)
	if p == "" {
		return "month.toml"
	}
	if filepath.Ext(p) == "" && !strings.HasSuffix(p, string(filepath.Separator)) && !strings.HasSuffix(p, "/") {
		p += ".toml"
	}
	return p
}

func samePath(a, b string) bool { return a != "" && filepath.Clean(a) == filepath.Clean(b) }

// assignIDs gives every video of p no file holds yet (or a copy carrying
// another's ID) an ID of its own, so the next save can find its table in the file.
func (m *Model) assignIDs(p *pricing.Project) {
	seen := make(map[int]bool, len(p.Videos))
	for i := range p.Videos {
		v := &p.Videos[i]
		if v.ID == 0 || seen[v.ID] {
			m.nextID++
			v.ID = m.nextID
		}
		seen[v.ID] = true
	}
}

// saveTo starts a save of the month as it is now to path. While another save
// runs it only notes that one more is wanted: saves run one at a time.
func (m *Model) saveTo(path string, force bool) tea.Cmd {
	if m.saving {
		m.saveAgain, m.saveAgainPath = true, path
		m.setStatus(m.pathSay("Saving "+path+"… (the latest changes are saved right after)", "Saving… (the latest changes are saved right after)"))
		return nil
	}
	// While presenting, a view shown is not the project: the project is saved as it is.
	project, version := m.project, m.version
	if r := m.present.real; r != nil {
		project, version = r.project, m.present.realVersion
	}
	m.assignIDs(project)
	job := saveJob{path: path, project: project.Clone(), base: m.disk, version: version, force: force, box: m.serve.box}
	if samePath(path, m.path) {
		job.expect, job.hasFile = m.disk.data, m.disk.data != nil
	}
	m.saving = true
	m.setStatus(m.pathSay("Saving "+path+"…", "Saving…"))
	return saveCmd(job, m.card)
}

// saveCmd carries out a save: edit, check, write.
func saveCmd(job saveJob, card *pricing.RateCard) tea.Cmd {
	return func() tea.Msg {
		if err := card.CheckOnOwnPlan(job.project); err != nil {
			return saveErrMsg{fmt.Errorf("cannot save %s: %w (the file on disk is unchanged)", job.path, err)}
		}
		data, kept := pricing.EditProject(job.base.data, job.base.project, job.project, card)
		target, st, err := job.box.resolve(job.path)
		if err != nil {
			return saveErrMsg{fmt.Errorf("cannot save %s: %w", job.path, err)}
		}
		if !job.force {
			if text, err := conflict(job, target, st); err != nil {
				return saveErrMsg{fmt.Errorf("cannot save %s: %w", job.path, err)}
			} else if text != "" {
				return questionMsg{question{kind: askSave, path: job.path, text: text}}
			}
		}
		if err := job.box.write(target, st, data); err != nil {
			return saveErrMsg{fmt.Errorf("cannot save %s: %w (the file on disk is unchanged)", job.path, err)}
		}
		return savedMsg{path: job.path, data: data, project: job.project, version: job.version,
			created: st == nil, kept: kept, hadBase: job.base.data != nil}
	}
}

// conflict says why the file at target must not be replaced without asking:
// it is not the file the planner last read or wrote (compared byte for byte,
// not by modification time, which cp -p and rsync -t keep), or it is read-only.
func conflict(job saveJob, target string, st fs.FileInfo) (string, error) {
	if st == nil {
		return "", nil // nothing there: nothing to lose
	}
	name := filepath.Base(job.path)
	var why []string
	switch {
	case !job.hasFile:
		why = append(why, name+" already exists; overwrite it")
	case st.Size() != int64(len(job.expect)):
		why = append(why, name+" changed on disk since it was read or saved here; overwrite it")
	default:
		// Read no more than the file should hold, and never a FIFO or device.
		now, err := job.box.read(target, len(job.expect))
		if err != nil {
			return "", plainErr(err)
		}
		if !bytes.Equal(now, job.expect) {
			why = append(why, name+" changed on disk since it was read or saved here; overwrite it")
		}
	}
	if job.box.readOnly(target, st) {
		if len(why) == 0 {
			why = append(why, name+" is read-only; replace it anyway")
		} else {
			why[0] += " (it is read-only)"
		}
	}
	if len(why) == 0 {
		return "", nil
	}
	return why[0] + "?", nil
}

// maxLinks bounds how many symbolic links a save follows to reach its file.
const maxLinks = 40

// resolveTarget follows symbolic links from path to the file a save replaces
// (so the link stays a link and its target gets the new content) and checks it
// can be one: not a directory, not a device or pipe, in a folder that exists.
// st is nil when no file is there yet.
func resolveTarget(path string) (target string, st fs.FileInfo, err error) {
	target = path
	for range maxLinks {
		st, err = os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			dir := filepath.Dir(target)
			switch ds, err := os.Stat(dir); {
			case errors.Is(err, fs.ErrNotExist):
				return "", nil, fmt.Errorf("the folder %s does not exist", dir)
			case err != nil:
				return "", nil, plainErr(err)
			case !ds.IsDir():
				return "", nil, fmt.Errorf("%s is not a folder", dir)
			}
			return target, nil, nil
		}
		if err != nil {
			return "", nil, plainErr(err)
		}
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(target)
			if err != nil {
				return "", nil, plainErr(err)
			}
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(target), link)
			}
			target = link
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

// plainErr drops the path from an operating-system error, so a message names
// the user's file and never a temporary one.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// tempInfix names the temporary files a save writes beside its file:
// .NAME.creditplan-tmp-PID-RANDOM, so the next save can find one a killed save left.
const tempInfix = ".creditplan-tmp-"

// staleTempAge is the age past which a temporary file is removed even when the
// process that wrote it may still run (its number reused).
const staleTempAge = time.Hour

// removeStaleTemps removes the temporary files that saves of base killed
// before they finished left in dir: those of a process that is gone, of this
// one, or older than staleTempAge.
func removeStaleTemps(dir, base string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + tempInfix
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !e.Type().IsRegular() {
			continue
		}
		pidText, _, _ := strings.Cut(name[len(prefix):], "-")
		pid, err := strconv.Atoi(pidText)
		stale := err != nil || pid == os.Getpid() || !processAlive(pid)
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleTempAge {
			stale = true
		}
		if stale {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// writeFileAtomic writes data beside target in a temporary file with target's
// mode, owner and group, syncs it and renames it over target, so a failure or
// a kill at any step leaves the previous file as it was. st is target's
// information, nil for a new file.
func writeFileAtomic(target string, st fs.FileInfo, data []byte) error {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	perm := fs.FileMode(0o644)
	if st != nil {
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+tempInfix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return plainErr(err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return plainErr(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if st != nil {
		if err := keepOwner(tmp, st); err != nil {
			return fail(err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return plainErr(err)
	}
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		return plainErr(err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: make the rename itself durable
		d.Close()
	}
	return nil
}

// saved takes a finished save's result.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	m.path = msg.path
	m.disk = diskState{data: msg.data, project: msg.project}
	m.savedVersion = msg.version
	status := "Saved " + msg.path + "."
	switch {
	case msg.created:
		status = "Saved " + msg.path + " (a new file)."
	case msg.hadBase && !msg.kept:
		status = "Saved " + msg.path + "; its layout could not be kept, so it was written in full."
	}
	if m.present.on {
		status = "Saved."
		if m.present.real != nil {
			status = "Saved the project as it was; what is shown is not applied (A applies it)."
		}
	}
	m.setStatus(status)
	if m.saveAgain {
		m.saveAgain = false
		if m.Dirty() || !samePath(m.saveAgainPath, m.path) {
			return m.saveTo(m.saveAgainPath, false)
		}
	}
	return nil
}

// saveFailed takes a save's error.
func (m *Model) saveFailed(err error) {
	m.saving, m.saveAgain = false, false
	m.setError(err)
}

// ask puts a question in the queue; the first waiting one shows in the status line.
func (m *Model) ask(q question) {
	if q.kind == askSave {
		m.saving, m.saveAgain = false, false
	}
	m.questions = append(m.questions, q)
	m.showQuestion()
}

// showQuestion turns to the first waiting question once no prompt or editor is open.
func (m *Model) showQuestion() {
	if len(m.questions) > 0 && m.idle() {
		m.prompt = &prompt{kind: promptQuestion, question: m.questions[0].text, options: "(y/n)"}
	}
}

// answerKey takes a key while a question waits: y does it, n or esc does not;
// any other key means no as well, says so, and then does what it does, so no
// key is lost behind a question.
func (m *Model) answerKey(msg tea.KeyPressMsg) tea.Cmd {
	q := m.questions[0]
	m.questions = m.questions[1:]
	m.prompt = nil
	notDone := m.pathSay("Not saved; "+q.path+" on disk is unchanged (ctrl+s asks again).", "Not saved; the file is unchanged (ctrl+s asks again).")
	if q.kind == askExport {
		notDone = m.pathSay("Not exported; "+q.path+" is unchanged (e asks again).", "Not exported; the file is unchanged (e asks again).")
	}
	switch {
	case key.Matches(msg, m.keys.Prompt.Yes):
		var cmd tea.Cmd
		if q.kind == askExport {
			cmd = m.writeExport(q.path, q.what, q.data)
		} else {
			cmd = m.saveTo(q.path, true)
		}
		m.showQuestion()
		return cmd
	case key.Matches(msg, m.keys.Prompt.No):
		m.setStatus(notDone)
		m.showQuestion()
		return nil
	}
	// Every other waiting question is answered no too: the user moved on.
	m.questions = nil
	cmd := m.handleKey(msg)
	if m.status == "" {
		m.setStatus(notDone)
	}
	return cmd
}

// exportPath is where `e` writes what a screen shows, named for what it holds
// (kind: quote, plans, year, scenarios): beside the project file as
// <base>.<kind>.md, or month.<kind>.md in the working directory for an
// unsaved month.
func exportPath(projectPath, kind string) string {
	if projectPath == "" {
		return "month." + kind + ".md"
	}
	base := filepath.Base(projectPath)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return filepath.Join(filepath.Dir(projectPath), base+"."+kind+".md")
}

// writeExportFile writes an export rendered in Update (what says what it
// holds) in a command, asking first before replacing a file there that is
// not the export this planner last wrote.
func (m *Model) writeExportFile(path, what string, data []byte) tea.Cmd {
	return m.writeExportFileFrom(path, what, func() ([]byte, error) { return data, nil })
}

// writeExportFileFrom is writeExportFile of an export render makes in the
// command (one that reads files, like the proposal's card).
func (m *Model) writeExportFileFrom(path, what string, render func() ([]byte, error)) tea.Cmd {
	var mine []byte
	if samePath(path, m.exported.path) {
		mine = m.exported.data
	} else if data, ok := m.exported.mine[filepath.Clean(path)]; ok {
		mine = data
	}
	m.setStatus(m.pathSay("Exporting "+what+" to "+path+"…", "Exporting "+what+"…"))
	box := m.serve.box
	return func() tea.Msg {
		data, err := render()
		if err != nil {
			return fileErrMsg{err}
		}
		target, st, err := box.resolve(path)
		if err != nil {
			return fileErrMsg{fmt.Errorf("cannot export to %s: %w", path, err)}
		}
		if st != nil {
			now, err := box.read(target, len(mine))
			if err != nil || mine == nil || !bytes.Equal(now, mine) {
				return questionMsg{question{kind: askExport, path: path, what: what, data: data, text: filepath.Base(path) + " already exists; overwrite it"}}
			}
		}
		return writeExportNow(box, path, what, target, st, data)
	}
}

// writeExport writes an export the user agreed to.
func (m *Model) writeExport(path, what string, data []byte) tea.Cmd {
	m.setStatus(m.pathSay("Exporting "+what+" to "+path+"…", "Exporting "+what+"…"))
	box := m.serve.box
	return func() tea.Msg {
		target, st, err := box.resolve(path)
		if err != nil {
			return fileErrMsg{fmt.Errorf("cannot export to %s: %w", path, err)}
		}
		return writeExportNow(box, path, what, target, st, data)
	}
}

func writeExportNow(box *sandbox, path, what, target string, st fs.FileInfo, data []byte) tea.Msg {
	if err := box.write(target, st, data); err != nil {
		return fileErrMsg{fmt.Errorf("cannot export to %s: %w", path, err)}
	}
	return exportedMsg{path: path, what: what, data: data}
}
