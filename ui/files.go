package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// Messages that file commands send back to Update.
type (
	savedMsg struct {
		path    string
		modTime time.Time
		version int
	}
	// saveConflictMsg asks before overwriting a file that is not the one we last
	// read or wrote.
	saveConflictMsg struct {
		path     string
		data     []byte
		version  int
		question string
	}
	exportedMsg struct{ path string }
	fileErrMsg  struct{ err error }
)

// save writes the month to its file, asking for a path the first time.
func (m *Model) save() tea.Cmd {
	if m.path == "" {
		m.mode = modeSavePath
		m.input.Reset()
		m.input.Placeholder = "month.toml"
		m.input.SetValue("month.toml")
		m.input.CursorEnd()
		m.input.Focus()
		return nil
	}
	return m.saveTo(m.path, m.modTime)
}

// modTimeFor is the modification time we know for path: the opened file's, or
// zero for any other path (so an existing file there is not overwritten silently).
func (m *Model) modTimeFor(path string) time.Time {
	if path == m.path {
		return m.modTime
	}
	return time.Time{}
}

// saveTo encodes the month now (so later edits do not leak into this save) and
// hands the writing to a command.
func (m *Model) saveTo(path string, known time.Time) tea.Cmd {
	data := pricing.EncodeProject(m.project, m.card)
	m.setStatus("Saving " + path + "…")
	return saveCmd(path, data, m.version, known, false)
}

// saveCmd writes data to path unless the file there changed since `known` (then it
// asks first). force skips that check, after the user said yes.
func saveCmd(path string, data []byte, version int, known time.Time, force bool) tea.Cmd {
	return func() tea.Msg {
		if !force {
			st, err := os.Stat(path)
			switch {
			case err == nil && known.IsZero():
				return saveConflictMsg{path, data, version, filepath.Base(path) + " already exists; overwrite it? (y/n)"}
			case err == nil && !st.ModTime().Equal(known):
				return saveConflictMsg{path, data, version, filepath.Base(path) + " changed on disk since it was opened; overwrite? (y/n)"}
			case err != nil && !errors.Is(err, fs.ErrNotExist):
				return fileErrMsg{fmt.Errorf("cannot save %s: %w", path, err)}
			}
		}
		mod, err := writeFileAtomic(path, data)
		if err != nil {
			return fileErrMsg{fmt.Errorf("cannot save %s: %w (the previous file is untouched)", path, err)}
		}
		return savedMsg{path: path, modTime: mod, version: version}
	}
}

// writeFileAtomic writes data beside path in a temporary file, syncs it and renames
// it over path, so a failure at any step leaves the previous file as it was.
func writeFileAtomic(path string, data []byte) (time.Time, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	perm := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return time.Time{}, err
	}
	name := tmp.Name()
	fail := func(err error) (time.Time, error) {
		tmp.Close()
		os.Remove(name)
		return time.Time{}, err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return time.Time{}, err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return time.Time{}, err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: make the rename itself durable
		d.Close()
	}
	st, err := os.Stat(path)
	if err != nil {
		return time.Time{}, err
	}
	return st.ModTime(), nil
}

// exportPath is where `e` writes the Markdown quote: beside the project file as
// <base>.quote.md, or month.quote.md in the working directory for an unsaved month.
func exportPath(projectPath string) string {
	if projectPath == "" {
		return "month.quote.md"
	}
	base := filepath.Base(projectPath)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return filepath.Join(filepath.Dir(projectPath), base+".quote.md")
}

// export renders the quote as Markdown here (it is pure and reads the live quote)
// and writes it in a command.
func (m *Model) export() tea.Cmd {
	if m.quote == nil {
		m.setError(errors.New("nothing to export: the month cannot be priced"))
		return nil
	}
	var buf bytes.Buffer
	if err := report.WriteQuote(&buf, m.quote, report.Markdown); err != nil {
		m.setError(fmt.Errorf("export failed: %w", err))
		return nil
	}
	path := exportPath(m.path)
	data := buf.Bytes()
	m.setStatus("Exporting to " + path + "…")
	return func() tea.Msg {
		if _, err := writeFileAtomic(path, data); err != nil {
			return fileErrMsg{fmt.Errorf("cannot export to %s: %w", path, err)}
		}
		return exportedMsg{path}
	}
}
