package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// run carries out cmd as the program would (file and pricing commands, and
// the ones their results start), feeding each result back to the model.
func run(m *Model, cmd tea.Cmd) {
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
		case savedMsg, saveErrMsg, questionMsg, exportedMsg, fileErrMsg, fitDoneMsg, rightSizedMsg, yearDoneMsg, scenariosDoneMsg, yearPlansDoneMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// openFile opens a copy of an example as the planner does: the bytes read and the month they hold.
func openFile(t *testing.T, example string) (*Model, string, []byte) {
	t.Helper()
	card := loadCard(t)
	src, err := os.ReadFile(filepath.Join("..", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "month.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Card: card, Project: p, Path: path, Source: src})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m, path, src
}

func readBack(t *testing.T, m *Model, path string) *pricing.Project {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject(path, src, m.card)
	if err != nil {
		t.Fatalf("saved file does not load: %v\n%s", err, src)
	}
	return p
}

func changedLines(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		return -1
	}
	n := 0
	for i := range la {
		if la[i] != lb[i] {
			n++
		}
	}
	return n
}

// Opening an example, changing one count and saving changes exactly one line.
func TestSaveKeepsTheFileAndChangesOneLine(t *testing.T) {
	for _, ex := range []string{"creator-month.toml", "agency-month.toml", "sales-demo.toml"} {
		m, path, src := openFile(t, ex)
		press(m, "right") // Month screen: the first video's count +1
		run(m, press(m, "ctrl+s"))
		got, _ := os.ReadFile(path)
		if n := changedLines(src, got); n != 1 {
			t.Fatalf("%s: one count changed, %d lines of the file changed:\n%s", ex, n, got)
		}
		if m.Dirty() || !strings.Contains(m.status, "Saved") {
			t.Fatalf("%s: status %q", ex, m.status)
		}
		if !pricing.SameProject(readBack(t, m, path), m.Project()) {
			t.Fatalf("%s: the file does not hold the month on screen", ex)
		}
	}
}

// Ten quick (→, ctrl+s) pairs, the saves running after the keys as they do
// when typing outpaces the disk: no save mistakes the planner's own write for
// someone else's, and the last count is the one saved.
func TestQuickSavesNeverAskAboutTheirOwnWrites(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	want := m.Project().Videos[0].Count + 10
	var cmds []tea.Cmd
	for range 10 {
		press(m, "right")
		cmds = append(cmds, press(m, "ctrl+s"))
		// Let the first save finish while keys still come.
		if len(cmds) == 3 {
			run(m, cmds[0])
			cmds[0] = nil
		}
	}
	for _, c := range cmds {
		run(m, c)
	}
	if m.promptIs(promptQuestion) || len(m.questions) > 0 {
		t.Fatalf("the planner asked about its own save: %q", m.statusLine())
	}
	if m.Dirty() || readBack(t, m, path).Videos[0].Count != want {
		t.Fatalf("dirty %v, saved count %d, want %d (status %q)", m.Dirty(), readBack(t, m, path).Videos[0].Count, want, m.status)
	}
}

// someoneEdits changes the file behind the planner's back, keeping its
// modification time as cp -p and rsync -t do.
func someoneEdits(t *testing.T, path string) []byte {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	other := bytes.Replace(b, []byte("count = "), []byte("count = 1"), 1)
	if err := os.WriteFile(path, other, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	return other
}

func TestChangedOnDiskComparesTheBytesNotTheTime(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	press(m, "right")
	other := someoneEdits(t, path)
	run(m, press(m, "ctrl+s"))
	if !m.promptIs(promptQuestion) {
		t.Fatalf("a file changed on disk with its old time must be asked about; status %q", m.status)
	}
	mustContain(t, screen(m), "changed on disk")
	press(m, "n")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, other) {
		t.Fatal("n must leave the other edit alone")
	}
	run(m, press(m, "ctrl+s"))
	run(m, press(m, "y"))
	if m.Dirty() || !pricing.SameProject(readBack(t, m, path), m.Project()) {
		t.Fatalf("y saves: %q", m.status)
	}
}

// A question is never hidden by a later message, and a key other than y or n
// is not dropped: it answers no, which the status says, and then acts.
func TestAQuestionStaysInSightAndKeysAreNotLost(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	press(m, "right")
	someoneEdits(t, path)
	run(m, press(m, "ctrl+s"))
	if !m.promptIs(promptQuestion) {
		t.Fatalf("no question: %q", m.status)
	}
	// An export finishing meanwhile does not cover the question.
	m.Update(exportedMsg{path: "x.quote.md"})
	m.Update(fileErrMsg{err: os.ErrPermission})
	mustContain(t, screen(m), "changed on disk")
	mustContain(t, screen(m), "(y/n)")
	before := m.Project().Videos[0].Count
	press(m, "right")
	if m.promptIs(promptQuestion) || m.Project().Videos[0].Count != before+1 {
		t.Fatalf("→ during the question: holding %v, count %d, want %d", holder(m), m.Project().Videos[0].Count, before+1)
	}
	mustContain(t, screen(m), "Not saved")
}

func TestSaveThroughASymlinkWritesItsTargetKeepingModeAndOwner(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	dir := filepath.Dir(path)
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink("month.toml", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	owned := os.Geteuid() == 0
	if owned {
		if err := os.Chown(path, 1234, 5678); err != nil {
			t.Fatal(err)
		}
	}
	m.path = link
	press(m, "right")
	run(m, press(m, "ctrl+s"))
	if m.Dirty() {
		t.Fatalf("not saved: %q", m.status)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link must stay a link")
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o640 {
		t.Fatalf("holding %v, want 0640", st.Mode().Perm())
	}
	if sys := st.Sys().(*syscall.Stat_t); owned && (sys.Uid != 1234 || sys.Gid != 5678) {
		t.Fatalf("owner %d:%d, want 1234:5678", sys.Uid, sys.Gid)
	}
	if !pricing.SameProject(readBack(t, m, path), m.Project()) {
		t.Fatal("the target holds the month")
	}
}

func TestAReadOnlyFileIsNotReplacedWithoutAsking(t *testing.T) {
	m, path, src := openFile(t, "creator-month.toml")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	press(m, "right")
	run(m, press(m, "ctrl+s"))
	if !m.promptIs(promptQuestion) {
		t.Fatalf("a read-only file was replaced without a question: %q", m.status)
	}
	mustContain(t, screen(m), "read-only")
	press(m, "n")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, src) {
		t.Fatal("n keeps the file")
	}
	run(m, press(m, "ctrl+s"))
	run(m, press(m, "y"))
	if st, _ := os.Stat(path); m.Dirty() || st.Mode().Perm() != 0o444 {
		t.Fatalf("y replaces it, still read-only: dirty %v", m.Dirty())
	}
}

func TestSaveErrorsNameTheUsersFile(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	dir := filepath.Dir(path)
	press(m, "right")
	for _, tc := range []struct{ path, says string }{
		{dir, "is a directory"},
		{filepath.Join(dir, "missing", "m.toml"), "does not exist"},
	} {
		m.path = tc.path
		run(m, press(m, "ctrl+s"))
		if !m.statusErr || !strings.Contains(m.status, tc.path) || !strings.Contains(m.status, tc.says) || strings.Contains(m.status, tempInfix) {
			t.Fatalf("save to %s: status %q", tc.path, m.status)
		}
	}
	// A failing write names no temporary file either.
	err := writeFileAtomic(filepath.Join(dir, "missing", "m.toml"), nil, []byte("x"))
	if err == nil || strings.Contains(err.Error(), tempInfix) || strings.Contains(err.Error(), dir) {
		t.Fatalf("error %v", err)
	}
}

func TestSaveAsAddsTomlAndCleansUpAKilledSave(t *testing.T) {
	dir := t.TempDir()
	// A save killed earlier (by a process long gone) left its temporary file.
	stale := filepath.Join(dir, ".plan.toml"+tempInfix+"999999999-123")
	if err := os.WriteFile(stale, []byte("half a fi"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, nil, 80, 24)
	press(m, "ctrl+s")
	m.input.SetValue(filepath.Join(dir, "plan"))
	run(m, press(m, "enter"))
	want := filepath.Join(dir, "plan.toml")
	if m.path != want || m.Dirty() {
		t.Fatalf("path %q, status %q", m.path, m.status)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatal("the killed save's temporary file must be removed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("only plan.toml remains: %v", entries)
	}
}

func TestExportAsksBeforeOverwriting(t *testing.T) {
	m, path, _ := openFile(t, "creator-month.toml")
	out := exportPath(path, "quote")
	if err := os.WriteFile(out, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(m, press(m, "e"))
	if !m.promptIs(promptQuestion) {
		t.Fatalf("e replaced an existing file without asking: %q", m.status)
	}
	press(m, "n")
	if b, _ := os.ReadFile(out); string(b) != "my notes\n" {
		t.Fatal("n keeps it")
	}
	run(m, press(m, "e"))
	run(m, press(m, "y"))
	if b, _ := os.ReadFile(out); !strings.Contains(m.status, "Exported") || string(b) == "my notes\n" {
		t.Fatalf("y exports: %q", m.status)
	}
	// Its own export, unchanged, it replaces without asking.
	run(m, press(m, "e"))
	if m.promptIs(promptQuestion) || !strings.Contains(m.status, "Exported") {
		t.Fatalf("second export: %q", m.status)
	}
}

func TestANewFileOpensAnEmptyMonthThatSavesThere(t *testing.T) {
	card := loadCard(t)
	path := filepath.Join(t.TempDir(), "june.toml")
	m := New(Options{Card: card, Path: path, NewFile: true})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, screen(m), "new file")
	if m.Project().Plan != card.StartPlan() || len(m.Project().Videos) != 1 {
		t.Fatalf("plan %q, %d videos", m.Project().Plan, len(m.Project().Videos))
	}
	run(m, press(m, "ctrl+s"))
	if m.path != path || !strings.Contains(m.status, "new file") {
		t.Fatalf("status %q", m.status)
	}
	if !pricing.SameProject(readBack(t, m, path), m.Project()) {
		t.Fatal("june.toml holds the month")
	}
	// Someone creating june.toml first is asked about, not overwritten.
	other := filepath.Join(filepath.Dir(path), "july.toml")
	os.WriteFile(other, []byte("# mine\n"), 0o644)
	m2 := New(Options{Card: card, Path: other, NewFile: true})
	m2.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	run(m2, press(m2, "ctrl+s"))
	if !m2.promptIs(promptQuestion) || !strings.Contains(m2.statusLine(), "already exists") {
		t.Fatalf("status %q", m2.status)
	}
}

// Questions that arrive together wait in turn, and one arriving while a text
// field is being edited waits until the editor closes instead of taking its keys.
func TestQuestionsWaitTheirTurn(t *testing.T) {
	m, _, _ := openFile(t, "creator-month.toml")
	press(m, "1", "enter") // Video screen: edit the name
	if !m.video.editing {
		t.Fatalf("holding %v", holder(m))
	}
	m.Update(questionMsg{question{kind: askExport, path: "a.quote.md", text: "a.quote.md already exists; overwrite it"}})
	m.Update(questionMsg{question{kind: askSave, path: "b.toml", text: "b.toml already exists; overwrite it"}})
	if !m.video.editing {
		t.Fatal("a question must not close the editor")
	}
	typeText(m, "x")
	press(m, "enter")
	if !m.promptIs(promptQuestion) || !strings.Contains(screen(m), "a.quote.md already exists") {
		t.Fatalf("after the editor closes the first question shows: holding %v\n%s", holder(m), screen(m))
	}
	press(m, "n")
	if !m.promptIs(promptQuestion) || !strings.Contains(screen(m), "b.toml already exists") {
		t.Fatalf("then the second: holding %v", holder(m))
	}
	press(m, "n")
	if !m.idle() || !strings.Contains(m.status, "Not saved") {
		t.Fatalf("holding %v status %q", holder(m), m.status)
	}
}
