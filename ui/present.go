package ui

import (
	"path/filepath"
	"strings"

	"creditplan/pricing"
)

// Presentation mode is the planner as a salesperson shows it on a shared
// screen or a projector (creditplan --present, or ctrl+p):
//
//   - nothing internal shows: no notes, no file paths (the header names the
//     customer or the month instead of the file; a status line that would carry
//     a path says "saved" without it), no assumption prose (only the estimate
//     marks);
//   - the projector theme (presentPalette): every colour it draws reads at
//     7:1 or more on its background, and nothing is dim or faint;
//   - a visible "presenting" badge in the header;
//   - what is changed while presenting (plan, billing, seats, and any other
//     change too) is a view: it re-prices what is shown but never marks the
//     project unsaved. A applies the view to the project (then it is a change
//     like any other: undoable, unsaved until saved). Leaving presentation
//     mode with a view not applied drops it, so the project is as it was, and
//     the status line says so;
//   - C shows or hides the cheaper options (shown at first).
//
// A view is the project as shown while real holds the project as it was when
// the first change of the view was made: the planner's usual machinery (undo,
// versions, the cached quote, year and fit) works on the shown month, and
// only Dirty and saving look at real.
type presentState struct {
	on bool
	// hideCheaper: C hid the cheaper options.
	hideCheaper bool
	// real is the project as it was before the view's first change, nil
	// when what is shown is the project itself; realVersion is its version.
	real        *projectState
	realVersion int
}

// projectState is what dropping a view puts back: the project, its undo
// and redo stacks, and the selected video.
type projectState struct {
	project    *pricing.Project
	undo, redo []snapshot
	sel        int
}

// Presenting reports whether the planner is in presentation mode.
func (m *Model) Presenting() bool { return m.present.on }

// Viewing reports whether presentation mode shows changes not applied to the project.
func (m *Model) Viewing() bool { return m.present.real != nil }

// beginView starts a view at the first change made while presenting: the
// project as it is now, with its undo and redo, is kept aside until A
// applies what is shown or leaving presentation mode drops it.
func (m *Model) beginView() {
	if !m.present.on || m.present.real != nil {
		return
	}
	m.present.real = &projectState{
		project: m.project.Clone(),
		undo:    append([]snapshot(nil), m.undo...),
		redo:    append([]snapshot(nil), m.redo...),
		sel:     m.sel,
	}
	m.present.realVersion = m.version
}

// settleView ends a view whose every change was undone: what is shown is
// the project again (its version names the same content).
func (m *Model) settleView() {
	if m.present.real != nil && m.version == m.present.realVersion {
		m.present.real = nil
	}
}

// applyView makes what presentation mode shows the project (A): the view's
// steps become the project's, each undoable, and the project is unsaved.
func (m *Model) applyView() {
	switch {
	case !m.present.on:
		m.setStatus("A applies what presentation mode shows; ctrl+p starts presenting.")
	case m.present.real == nil:
		m.setStatus("Nothing to apply: the project is as shown.")
	default:
		m.present.real = nil
		m.setStatus("Applied what is shown to the project: unsaved until ctrl+s; u undoes it step by step.")
	}
}

// dropView puts the project back as it was before the view, with its undo,
// redo and selection. It reports whether there was a view to drop.
func (m *Model) dropView() bool {
	r := m.present.real
	if r == nil {
		return false
	}
	m.present.real = nil
	m.project = r.project
	m.version = m.present.realVersion
	m.undo, m.redo = r.undo, r.redo
	m.sel = r.sel
	m.lastEdit, m.video.run = editKey{}, editKey{}
	m.fit = fitState{}
	m.reprice()
	return true
}

// togglePresent enters or leaves presentation mode (ctrl+p).
func (m *Model) togglePresent() {
	if !m.present.on {
		m.startPresenting()
		m.setStatus("Presenting: changes are shown, not saved, until A applies them · C hides cheaper options · ctrl+p ends.")
		return
	}
	dropped := m.dropView()
	m.present.on = false
	m.lastEdit, m.video.run = editKey{}, editKey{}
	m.applyStyles()
	if dropped {
		m.setStatus("Presentation ended. The changes shown were not applied: the project is as it was before presenting.")
	} else {
		m.setStatus("Presentation ended.")
	}
}

// startPresenting turns presentation mode on, with its theme; a run of
// typing or steps before it ends, so the first change is the view's own.
func (m *Model) startPresenting() {
	m.present.on = true
	m.lastEdit, m.video.run = editKey{}, editKey{}
	m.applyStyles()
}

// toggleCheaper shows or hides the cheaper options while presenting (C).
func (m *Model) toggleCheaper() {
	if !m.present.on {
		m.setStatus("C shows or hides the cheaper options while presenting; ctrl+p starts presenting.")
		return
	}
	m.present.hideCheaper = !m.present.hideCheaper
	m.video.clamp(m.fieldCount())
	if m.present.hideCheaper {
		m.setStatus("Hidden (C shows them again).")
	} else {
		m.setStatus("Cheaper options shown (C hides them).")
	}
}

// cheaperHidden reports whether the cheaper options are hidden now.
func (m *Model) cheaperHidden() bool { return m.present.on && m.present.hideCheaper }

// monthName is what presentation mode calls the month instead of its file:
// the file's name without its folder or extension, or "new month".
func (m *Model) monthName() string {
	if m.path == "" {
		return "new month"
	}
	base := filepath.Base(m.path)
	if name := strings.TrimSuffix(base, filepath.Ext(base)); name != "" {
		return name
	}
	return base
}

// scrubPaths takes every path the planner knows out of a status text while
// presenting: the project's path, its folder and its name, and the export's.
// The messages are written so this is rarely needed (see presentStatus); it
// makes sure a message from the operating system never shows one.
func (m *Model) scrubPaths(s string) string {
	if !m.present.on {
		return s
	}
	var paths []string
	known := []string{m.path, m.exported.path}
	for _, q := range m.questions {
		known = append(known, q.path)
	}
	for _, p := range known {
		if p == "" {
			continue
		}
		if abs, err := filepath.Abs(p); err == nil {
			paths = append(paths, abs, filepath.Dir(abs))
		}
		paths = append(paths, p, filepath.Base(p))
		if d := filepath.Dir(p); d != "." && d != string(filepath.Separator) {
			paths = append(paths, d)
		}
	}
	// Longest first, so a path is taken out whole before a part of it.
	for i := 1; i < len(paths); i++ {
		for j := i; j > 0 && len(paths[j]) > len(paths[j-1]); j-- {
			paths[j], paths[j-1] = paths[j-1], paths[j]
		}
	}
	for _, p := range paths {
		if len(p) > 1 {
			s = strings.ReplaceAll(s, p, "the file")
		}
	}
	return s
}

// presentBadge is the header's sign that presentation mode is on.
const presentBadge = " ▶ presenting "

// pathSay is withPath, or withoutPath while presenting: a status line that
// names a file says the same there without it.
func (m *Model) pathSay(withPath, withoutPath string) string {
	if m.present.on {
		return withoutPath
	}
	return withPath
}

// presentText draws a line's unstyled text in the projector theme's text
// colour: each reset goes back to it rather than to the terminal's own
// colour, so every cell on screen is one of the theme's checked pairs.
func (m *Model) presentText(line string) string {
	base := m.styles.Value
	if line == "" || base.pre == "" {
		return line
	}
	line = strings.ReplaceAll(line, "\x1b[0m", "\x1b[m")
	return base.pre + strings.ReplaceAll(line, "\x1b[m", "\x1b[m"+base.pre) + "\x1b[m"
}
