package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// servedModel opens a copy of an example in a server session's folder.
func servedModel(t *testing.T, example string, share ShareHook) (*Model, string) {
	t.Helper()
	card := loadCard(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "month.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	p, err := pricing.ParseProject("month.toml", src, card)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Card: card, Project: p, Path: "month.toml", Source: src, Serve: &ServeOptions{Root: root, Share: share}})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m, dir
}

// runQuit is run, reporting whether the commands ended in a quit.
func runQuit(m *Model, cmd tea.Cmd) (quit bool) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quit = true
		case savedMsg, saveErrMsg, questionMsg, exportedMsg, fileErrMsg, fitDoneMsg, rightSizedMsg, yearDoneMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return quit
}

func TestServedSaveStaysInTheFolder(t *testing.T) {
	m, dir := servedModel(t, "creator-month.toml", nil)
	outside := filepath.Join(filepath.Dir(dir), "outside.toml")
	os.WriteFile(outside, []byte("x"), 0o644)
	os.Symlink(outside, filepath.Join(dir, "link.toml"))
	os.Symlink("../outside.toml", filepath.Join(dir, "rel.toml"))
	press(m, "a")
	for _, name := range []string{"../escape.toml", "/tmp/abs.toml", "link.toml", "rel.toml"} {
		run(m, m.saveTo(name, true))
		if !m.statusErr || !strings.Contains(m.status, "outside your folder") {
			t.Errorf("saving to %s: %q", name, m.status)
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "x" {
		t.Error("a save wrote out of the folder")
	}
	run(m, m.save())
	if m.statusErr || m.Dirty() {
		t.Fatalf("the save in the folder failed: %q", m.status)
	}
	readBack(t, m, filepath.Join(dir, "month.toml"))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), tempInfix) {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
}

func TestServedShutdownSavesThenQuits(t *testing.T) {
	m, dir := servedModel(t, "creator-month.toml", nil)
	before, _ := os.ReadFile(filepath.Join(dir, "month.toml"))
	press(m, "a")
	_, cmd := m.Update(ShutdownMsg{})
	if !runQuit(m, cmd) {
		t.Fatalf("the planner did not quit after the server stopped: %q", m.status)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "month.toml"))
	if string(before) == string(after) || m.Dirty() {
		t.Errorf("the unsaved change was not saved (status %q)", m.status)
	}
}

func TestServedRatesUpdate(t *testing.T) {
	m, _ := servedModel(t, "creator-month.toml", nil)
	card2 := *m.card
	card2.Name = "New rates"
	m.Update(RatesMsg{Card: &card2})
	mustContain(t, screen(m), "rates updated: ctrl+r reloads")
	press(m, "ctrl+r")
	if m.card != &card2 || !strings.Contains(screen(m), "New rates") {
		t.Errorf("ctrl+r did not move the month to the new card:\n%s", screen(m))
	}
}

// fakeShare records what a presenter publishes.
type fakeShare struct{ states []Shared }

func (f *fakeShare) StartShare() (string, error) { return "ssh -p 1 watch-abc@host", nil }
func (f *fakeShare) StopShare()                  {}
func (f *fakeShare) Publish(s Shared)            { f.states = append(f.states, s) }

func TestViewerFollowsAndChangesNothing(t *testing.T) {
	fs := &fakeShare{}
	m, _ := servedModel(t, "creator-month.toml", fs)
	_, cmd := m.Update(keyMsg("ctrl+o"))
	run(m, cmd)
	m.Update(cmd())
	if m.serve.sharing == "" || len(fs.states) == 0 {
		t.Fatalf("ctrl+o did not start a share: %q", m.status)
	}
	press(m, "3")
	st := fs.states[len(fs.states)-1]
	states := make(chan Shared, 1)
	states <- st
	v := New(Options{Card: st.Card, Serve: &ServeOptions{Watch: func() (Shared, bool) {
		s, ok := <-states
		return s, ok
	}}})
	v.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	v.Update(v.waitShared()())
	if v.screen != ScreenPlans || len(v.project.Videos) != len(m.project.Videos) {
		t.Fatalf("the viewer does not show the presenter's screen and month")
	}
	mustContain(t, screen(v), "read-only")
	before := len(v.project.Videos)
	for _, k := range []string{"2", "a", "x", "p", "b", "ctrl+s", "e", "ctrl+o", "f"} {
		if _, cmd := v.Update(keyMsg(k)); cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("%s quit the viewer", k)
			}
		}
	}
	if v.screen != ScreenPlans || len(v.project.Videos) != before || v.Dirty() {
		t.Error("a viewer's key changed what it shows")
	}
	if _, cmd := v.Update(keyMsg("q")); cmd == nil {
		t.Error("q does not leave")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Error("q does not leave")
	}
	close(states)
	if _, cmd := v.Update(v.waitShared()()); cmd == nil {
		t.Error("the viewer does not leave when the share ends")
	}
}

func TestSaveUnsavedKeepsAQuitWithoutSaving(t *testing.T) {
	m, dir := servedModel(t, "creator-month.toml", nil)
	before, _ := os.ReadFile(filepath.Join(dir, "month.toml"))
	press(m, "a", "q", "y")
	if path, err := m.SaveUnsaved(); path != "" || err != nil {
		t.Errorf("a month quit without saving was saved: %q %v", path, err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "month.toml")); string(after) != string(before) {
		t.Error("the file changed")
	}
	m2, dir2 := servedModel(t, "creator-month.toml", nil)
	press(m2, "a")
	if path, err := m2.SaveUnsaved(); path != "month.toml" || err != nil || m2.Dirty() {
		t.Errorf("SaveUnsaved: %q %v", path, err)
	}
	readBack(t, m2, filepath.Join(dir2, "month.toml"))
}
