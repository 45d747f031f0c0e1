package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"creditplan/pricing"
)

// binary is the real creditplan, built once for the end-to-end tests.
var binary string

// TestMain builds the binary into a temporary directory (never inside the
// tree) and removes it after the tests.
func TestMain(m *testing.M) {
	os.Exit(runWithBinary(m))
}

func runWithBinary(m *testing.M) int {
	dir, err := os.MkdirTemp("", "creditplan-e2e-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "temporary directory for the binary: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "creditplan")
	// Every output is stamped with the day it is prepared: the tests fix it.
	os.Setenv(testTodayEnv, testToday)
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building creditplan: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// terminal is the planner running in a pseudo-terminal, with a VT screen of
// what it drew. The emulator is charmbracelet/x/vt: it answers the planner's
// queries (background colour, cursor position, modes) through the pty, so the
// planner sees a real terminal of the chosen background.
type terminal struct {
	t   *testing.T
	cmd *exec.Cmd
	pty *os.File
	vt  *vt.SafeEmulator
	// frame is held while a chunk of output is written to the screen and
	// while the screen is read, so a reader sees whole chunks, never half a
	// write; the emulator's own lock covers one call only.
	frame sync.Mutex
	done  chan struct{}
}

// Backgrounds the emulator reports when asked (OSC 11): the planner picks its
// theme from the answer. They are also the pictures' default colours.
var (
	darkBackground  = color.RGBA{0x1a, 0x1b, 0x26, 0xff}
	darkForeground  = color.RGBA{0xc0, 0xca, 0xf5, 0xff}
	lightBackground = color.RGBA{0xff, 0xff, 0xff, 0xff}
	lightForeground = color.RGBA{0x1f, 0x23, 0x28, 0xff}
)

// session says how a terminal is opened: its size, its background, and the
// directory the planner runs in ("" for the test's own).
type session struct {
	cols, rows int
	light      bool
	dir        string
	env        []string // more of the planner's environment (CREDITPLAN_TODAY=...)
}

func startTerminal(t *testing.T, cols, rows int, args ...string) *terminal {
	t.Helper()
	return startSession(t, session{cols: cols, rows: rows}, args...)
}

func startSession(t *testing.T, s session, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = s.dir
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor"), s.env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(s.cols), Rows: uint16(s.rows)})
	if err != nil {
		// In CI the end-to-end proof must run, not quietly skip.
		if os.Getenv("CI") != "" {
			t.Fatalf("cannot open a pseudo-terminal: %v", err)
		}
		t.Skipf("cannot open a pseudo-terminal: %v", err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, vt: vt.NewSafeEmulator(s.cols, s.rows), done: make(chan struct{})}
	// Set before the first byte arrives, so the embedded emulator's unlocked
	// setters race with nothing.
	if s.light {
		term.vt.SetDefaultBackgroundColor(lightBackground)
		term.vt.SetDefaultForegroundColor(lightForeground)
	} else {
		term.vt.SetDefaultBackgroundColor(darkBackground)
		term.vt.SetDefaultForegroundColor(darkForeground)
	}
	// The emulator's answers go back to the planner as its input. This
	// goroutine ends with the test binary: closing the emulator while Read
	// waits would race on its closed flag.
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := term.vt.Read(buf)
			if n > 0 {
				if _, werr := f.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		defer close(term.done)
		buf := make([]byte, 64*1024)
		for {
			n, err := f.Read(buf)
			if n > 0 {
				term.frame.Lock()
				term.vt.Write(buf[:n])
				term.frame.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	})
	return term
}

// cells is a copy of the screen, row by row, taken between two chunks of output.
func (tm *terminal) cells() [][]uv.Cell {
	tm.frame.Lock()
	defer tm.frame.Unlock()
	w, h := tm.vt.Width(), tm.vt.Height()
	rows := make([][]uv.Cell, h)
	for y := range h {
		rows[y] = make([]uv.Cell, w)
		for x := range w {
			if c := tm.vt.CellAt(x, y); c != nil {
				rows[y][x] = *c
			} else {
				rows[y][x] = uv.EmptyCell
			}
		}
	}
	return rows
}

// screenText is the text of the cells: one line per row, wide characters once.
func screenText(rows [][]uv.Cell) string {
	var b strings.Builder
	for y, row := range rows {
		if y > 0 {
			b.WriteByte('\n')
		}
		for _, c := range row {
			switch {
			case c.Width == 0:
				// The second half of a wide character.
			case c.Content == "":
				b.WriteByte(' ')
			default:
				b.WriteString(c.Content)
			}
		}
	}
	return b.String()
}

func (tm *terminal) screen() string {
	return screenText(tm.cells())
}

// waitFor waits until the screen shows text, and returns the screen.
func (tm *terminal) waitFor(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// press types keys as a person would: one at a time, letting the screen catch up.
func (tm *terminal) press(keys ...string) {
	tm.t.Helper()
	seq := map[string]string{"enter": "\r", "down": "\x1b[B", "up": "\x1b[A", "right": "\x1b[C", "left": "\x1b[D", "ctrl+s": "\x13", "tab": "\t", "esc": "\x1b"}
	for _, k := range keys {
		b, ok := seq[k]
		if !ok {
			b = k
		}
		if _, err := tm.pty.Write([]byte(b)); err != nil {
			tm.t.Fatal(err)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// TestPlannerEndToEnd is a new user's session with the real binary: open a month,
// change a video's avatar and watch the upfront message change, apply a cheaper
// option, save, quit, and check that `creditplan quote` agrees with the screen.
func TestPlannerEndToEnd(t *testing.T) {
	src, err := os.ReadFile("examples/creator-month.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "month.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", plansTOMLForTest(t))
	if err != nil {
		t.Fatal(err)
	}
	project, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	short := 1 // the example's second video, "Short", made with Avatar III
	if project.Videos[short].Picks[pricing.SlotAvatar] != "avatar-iii" {
		t.Fatalf("example changed: %+v", project.Videos[short])
	}
	q, _ := card.Quote(project)
	before := q.VideoMessage(short)
	changed := project.Clone()
	changed.Videos[short].Picks[pricing.SlotAvatar] = "avatar-iv"
	q2, _ := card.Quote(changed)
	after := q2.VideoMessage(short)
	if before == after {
		t.Fatal("the change must move the message")
	}

	tm := startTerminal(t, 80, 24, path)
	tm.waitFor("used")
	tm.press("down", "enter") // Month screen: select "Short", open it
	tm.waitFor("Video 2 of 2")
	tm.waitFor(before)
	tm.press("down", "down", "down") // name, length, count, then the avatar row
	tm.waitFor("› Avatar        ‹ Avatar III ›")
	tm.press("right")
	s := tm.waitFor(after)
	if !strings.Contains(s, "‹ Avatar IV ›") || !strings.Contains(s, "Premium") {
		t.Fatalf("Avatar IV should show with its Premium label:\n%s", s)
	}

	// The biggest saving on the first video: c applies it.
	tm.press("[")
	tm.waitFor("Video 1 of 2")
	tm.press("c")
	tm.waitFor("Applied: Use Avatar III instead of Avatar IV")

	tm.press("ctrl+s")
	tm.waitFor("Saved ")
	tm.press("2")
	// "remaining" shows on the Video screen too: wait for the Month's message.
	s = tm.waitFor("Month: This will use")
	// "286 of 300 used" when the month fits, "286/200 used · 86 short" when not.
	used := regexp.MustCompile(`([0-9.,]+)(?: of |/)([0-9.,]+) used`).FindStringSubmatch(s)
	if used == nil {
		t.Fatalf("no totals on screen:\n%s", s)
	}
	msg := regexp.MustCompile(`Month: (This will use .*\.)`).FindStringSubmatch(s)
	if msg == nil {
		t.Fatalf("no month message on screen:\n%s", s)
	}
	tm.press("q")
	select {
	case <-tm.done:
	case <-time.After(5 * time.Second):
		t.Fatalf("q did not quit a saved month:\n%s", tm.screen())
	}

	out, err := exec.Command(binary, "quote", "--format", "json", path).Output()
	if err != nil {
		t.Fatalf("creditplan quote on the saved file: %v", err)
	}
	var got struct {
		Balance json.Number `json:"balance"`
		Premium json.Number `json:"premium_credits"`
		Message string      `json:"message"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	noComma := func(s string) string { return strings.ReplaceAll(s, ",", "") }
	if got.Premium.String() != noComma(used[1]) || got.Balance.String() != noComma(used[2]) {
		t.Fatalf("screen said %s of %s used; quote says %s of %s", used[1], used[2], got.Premium, got.Balance)
	}
	if strings.TrimSpace(msg[1]) != got.Message {
		t.Fatalf("screen: %q\nquote:  %q", msg[1], got.Message)
	}
	// And the totals are those of the two edits, priced independently.
	final := changed.Clone()
	final.Videos[0].Picks[pricing.SlotAvatar] = "avatar-iii"
	qf, _ := card.Quote(final)
	if got.Message != qf.Message() {
		t.Fatalf("saved month quotes %q; the edits should give %q", got.Message, qf.Message())
	}
}

// TestPlannerFitEndToEnd fits the month in the real planner and checks the
// screen against `creditplan fit --format json`: f shows the proposal, enter
// applies it, and the tab line's totals are the command's after-total. Then u
// gives the month back, ←/→ on Month change a count, and the Plans and Year
// screens show the right-sizing and the wallet.
func TestPlannerFitEndToEnd(t *testing.T) {
	src, err := os.ReadFile("examples/creator-month.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "month.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(binary, "fit", "--format", "json", path).Output()
	if err != nil {
		t.Fatalf("creditplan fit: %v", err)
	}
	var fit struct {
		Balance json.Number `json:"balance"`
		Before  json.Number `json:"premium_credits_before"`
		After   json.Number `json:"premium_credits"`
		Fits    bool        `json:"fits"`
		Changes []struct {
			Video string `json:"video"`
		} `json:"changes"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&fit); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !fit.Fits || len(fit.Changes) == 0 || fit.Before == fit.After {
		t.Fatalf("the example is meant to need changes to fit: %s", out)
	}
	totals := regexp.MustCompile(`([0-9.,]+)(?: of |/)([0-9.,]+) used`)
	noComma := func(s string) string { return strings.ReplaceAll(s, ",", "") }
	usedOnScreen := func(s string) (string, string) {
		t.Helper()
		m := totals.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("no totals on screen:\n%s", s)
		}
		return noComma(m[1]), noComma(m[2])
	}

	tm := startTerminal(t, 80, 24, path)
	s := tm.waitFor("used")
	if used, _ := usedOnScreen(s); used != fit.Before.String() {
		t.Fatalf("before fitting the screen says %s used; fit says %s", used, fit.Before)
	}
	tm.press("f")
	s = tm.waitFor("After changes")
	if !strings.Contains(s, "Fit to budget on Creator") || !strings.Contains(s, fit.Changes[0].Video) {
		t.Fatalf("the proposal names the plan and the changes:\n%s", s)
	}
	tm.press("enter")
	s = tm.waitFor("Applied ")
	used, balance := usedOnScreen(s)
	if used != fit.After.String() || balance != fit.Balance.String() {
		t.Fatalf("after f, enter the screen says %s of %s used; creditplan fit says %s of %s", used, balance, fit.After, fit.Balance)
	}
	tm.press("u")
	s = tm.waitFor("Undid: fit to budget")
	if used, _ := usedOnScreen(s); used != fit.Before.String() {
		t.Fatalf("u gives back %s used, want %s", used, fit.Before)
	}

	// ←/→ on Month change the selected video's count (Weekly explainer: 4).
	tm.press("right")
	tm.waitFor("Weekly explainer                  5")
	tm.press("left", "left")
	tm.waitFor("Weekly explainer                  3")

	tm.press("3")
	tm.waitFor("Cheapest way to make this month:")
	tm.press("4")
	s = tm.waitFor("Year on Creator")
	if !strings.Contains(s, "Credits wasted") && !strings.Contains(s, "Wasted") {
		t.Fatalf("the Year screen shows the waste:\n%s", s)
	}
}

func plansTOMLForTest(t *testing.T) []byte {
	b, err := os.ReadFile("plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// copyExample puts a copy of an example in a fresh directory and returns its path and bytes.
func copyExample(t *testing.T, name string) (string, []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("examples", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "month.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, src
}

// quit ends the planner and waits for it.
func (tm *terminal) quit() {
	tm.t.Helper()
	tm.press("q")
	select {
	case <-tm.done:
	case <-time.After(5 * time.Second):
		tm.t.Fatalf("q did not quit:\n%s", tm.screen())
	}
}

// Ten (→, ctrl+s) pairs typed at once: the planner's own saves never ask
// "changed on disk", nothing waits invisibly, and the file holds the last
// count with only that line changed. (Before saves ran one at a time, 7 of 8
// tries ended stuck in a hidden "overwrite? (y/n)".)
func TestPlannerQuickSavesEndToEnd(t *testing.T) {
	card, err := pricing.ParseRateCard("plans.toml", plansTOMLForTest(t))
	if err != nil {
		t.Fatal(err)
	}
	for try := range 3 {
		path, src := copyExample(t, "creator-month.toml")
		orig, err := pricing.ParseProject(path, src, card)
		if err != nil {
			t.Fatal(err)
		}
		tm := startTerminal(t, 100, 30, path)
		tm.waitFor("used")
		if _, err := tm.pty.Write([]byte(strings.Repeat("\x1b[C\x13", 10))); err != nil {
			t.Fatal(err)
		}
		want := orig.Videos[0].Count + 10
		deadline := time.Now().Add(10 * time.Second)
		for {
			got, _ := os.ReadFile(path)
			p, err := pricing.ParseProject(path, got, card)
			s := tm.screen()
			if strings.Contains(s, "overwrite") || strings.Contains(s, "(y/n)") {
				t.Fatalf("try %d: the planner asked about its own save:\n%s", try, s)
			}
			if err == nil && p.Videos[0].Count == want && strings.Contains(s, "Saved") && !strings.Contains(s, "month.toml*") {
				if gone, added := changedLines(src, got); gone != 1 || added != 1 {
					t.Fatalf("try %d: one count changed, but %d lines went and %d came:\n%s", try, gone, added, got)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("try %d: count %v (want %d) and the screen:\n%s", try, p, want, s)
			}
			time.Sleep(20 * time.Millisecond)
		}
		tm.quit()
	}
}

// changedLines counts the lines a and b differ in, line by line (for edits
// that add and remove no line).
func changedLines(a, b []byte) (gone, added int) {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		return len(la), len(lb)
	}
	for i := range la {
		if la[i] != lb[i] {
			gone, added = gone+1, added+1
		}
	}
	return gone, added
}

// bigMonth is creator-month.toml with n more videos, each with a comment, so a
// save has a few hundred kilobytes to write.
func bigMonth(t *testing.T, n int) []byte {
	src, err := os.ReadFile("examples/creator-month.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(src)
	for i := range n {
		fmt.Fprintf(&b, "\n# video %d of the batch\n[[videos]]\nname = \"Batch %d\"\ncount = %d\nlength = \"%ds\"   # short\n", i, i, i%7, 20+i%200)
	}
	return []byte(b.String())
}

// SIGKILL the real binary mid-save, again and again: the file is always
// whole, byte for byte the old content or the new; and the next save that
// finishes removes the temporary files the killed ones left.
func TestPlannerKilledMidSaveLeavesTheFileWhole(t *testing.T) {
	card, err := pricing.ParseRateCard("plans.toml", plansTOMLForTest(t))
	if err != nil {
		t.Fatal(err)
	}
	oldBytes := bigMonth(t, 4000)
	saved, err := pricing.ParseProject("big.toml", oldBytes, card)
	if err != nil {
		t.Fatal(err)
	}
	for i := range saved.Videos {
		saved.Videos[i].ID = i + 1 // as the planner numbers the videos it opens
	}
	edited := saved.Clone()
	edited.Videos[0].Count++
	newBytes, kept := pricing.EditProject(oldBytes, saved, edited, card)
	if !kept {
		t.Fatal("the big month's layout must be kept")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "month.toml")
	temps := func() []string {
		entries, _ := os.ReadDir(dir)
		var out []string
		for _, e := range entries {
			if e.Name() != "month.toml" {
				out = append(out, e.Name())
			}
		}
		return out
	}
	seen := map[string]bool{} // temporary files earlier kills left
	newTemp := func() bool {
		for _, n := range temps() {
			if !seen[n] {
				return true
			}
		}
		return false
	}
	// One save to the end, to learn how long one takes.
	start := func() *terminal {
		if err := os.WriteFile(path, oldBytes, 0o644); err != nil {
			t.Fatal(err)
		}
		tm := startTerminal(t, 100, 30, path)
		tm.waitFor("used")
		tm.press("right")
		tm.waitFor("month.toml*")
		return tm
	}
	tm := start()
	began := time.Now()
	tm.press("ctrl+s")
	tm.waitFor("Saved")
	full := time.Since(began)
	tm.quit()

	const rounds = 30
	midWrite := 0
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for round := range rounds {
		tm := start()
		if _, err := tm.pty.Write([]byte("\x13")); err != nil {
			t.Fatal(err)
		}
		if round%2 == 0 {
			// Any moment of the save...
			time.Sleep(time.Duration(r.Int64N(int64(full) + 1)))
		} else {
			// ...or while the new file is being written beside the old.
			deadline := time.Now().Add(5 * time.Second)
			for !newTemp() && time.Now().Before(deadline) {
				time.Sleep(50 * time.Microsecond)
			}
			if round%4 == 1 {
				time.Sleep(time.Duration(r.Int64N(int64(300 * time.Microsecond))))
			}
		}
		tm.cmd.Process.Kill()
		tm.cmd.Wait()
		if newTemp() {
			midWrite++ // killed after the new file was begun, before it replaced the old
		}
		for _, n := range temps() {
			seen[n] = true
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, oldBytes) && !bytes.Equal(got, newBytes) {
			_, perr := pricing.ParseProject(path, got, card)
			t.Fatalf("round %d: the file is neither the old nor the new content (%d bytes; parse: %v)", round, len(got), perr)
		}
	}
	t.Logf("%d rounds, %d killed while the new file was being written; a full save took %v", rounds, midWrite, full)
	if midWrite == 0 {
		t.Fatal("no kill landed mid-write: the test proved nothing")
	}
	// The next save that finishes cleans up after the killed ones.
	tm = start()
	tm.press("ctrl+s")
	tm.waitFor("Saved")
	tm.quit()
	if left := temps(); len(left) > 0 {
		t.Fatalf("temporary files left after a finished save: %v", left)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, newBytes) {
		t.Fatal("the finished save writes the new content")
	}
}

// On a light terminal the planner picks its light theme: it asks the
// terminal for its background (OSC 11), and the emulator answers white. The
// title and the selected video are then drawn in colours that read on white
// (4.5:1, WCAG AA), and differ from the dark theme's.
func TestPlannerLightBackgroundEndToEnd(t *testing.T) {
	path, _ := copyExample(t, "creator-month.toml")
	colours := func(light bool) (title, video uv.Cell, bg color.Color) {
		tm := startSession(t, session{cols: 80, rows: 24, light: light}, path)
		tm.waitFor("Weekly explainer")
		rows := tm.settled()
		title, ok := findCell(rows, "creditplan")
		if !ok {
			t.Fatalf("no title on screen:\n%s", screenText(rows))
		}
		video, ok = findCell(rows, "Weekly explainer")
		if !ok {
			t.Fatalf("no video on screen:\n%s", screenText(rows))
		}
		tm.quit()
		if light {
			return title, video, lightBackground
		}
		return title, video, darkBackground
	}
	darkTitle, _, _ := colours(false)
	title, video, bg := colours(true)
	if title.Style.Fg == nil || darkTitle.Style.Fg == nil || hex(title.Style.Fg) == hex(darkTitle.Style.Fg) {
		t.Fatalf("the title has the same colour on both backgrounds (%v): the light theme was not picked", title.Style.Fg)
	}
	for _, c := range []struct {
		what string
		cell uv.Cell
	}{{"title", title}, {"selected video", video}} {
		fg, cbg := textColours(c.cell, lightForeground, bg)
		if r := contrast(fg, cbg); r < 4.5 {
			t.Errorf("the %s is %s on %s on a light terminal: contrast %.1f:1, want 4.5:1", c.what, hex(fg), hex(cbg), r)
		}
	}
}

// At 80x24 every screen, the fit proposal and the help fit the terminal: the
// header stays on the first row and the key bar on the last.
func TestPlannerScreensFit80x24EndToEnd(t *testing.T) {
	path, _ := copyExample(t, "creator-month.toml")
	tm := startTerminal(t, 80, 24, path)
	tm.waitFor("used")
	for _, step := range []struct{ key, shows string }{
		{"2", "Weekly explainer"},
		{"3", "Cheapest way to make this month:"},
		{"4", "Year on Creator"},
		{"f", "After changes"},
		{"esc", "Year on Creator"},
		{"?", "Keys on the"},
		{"esc", "Year on Creator"},
		{"1", "Video 1 of 2"}, // last: typing on Video goes into its fields
	} {
		tm.press(step.key)
		tm.waitFor(step.shows)
		rows := tm.settled()
		lines := strings.Split(screenText(rows), "\n")
		if !strings.Contains(lines[0], "creditplan") {
			t.Errorf("after %q the header left the first row:\n%s", step.key, screenText(rows))
		}
		if strings.TrimSpace(lines[len(lines)-1]) == "" {
			t.Errorf("after %q the last row is empty (no key bar):\n%s", step.key, screenText(rows))
		}
	}
}

// findCell is the first cell of text on the screen.
func findCell(rows [][]uv.Cell, text string) (uv.Cell, bool) {
	for _, row := range rows {
		var line strings.Builder
		starts := make([]int, 0, len(row)) // byte offset of each cell
		for _, c := range row {
			starts = append(starts, line.Len())
			line.WriteString(c.Content)
		}
		if i := strings.Index(line.String(), text); i >= 0 {
			for x, s := range starts {
				if s == i {
					return row[x], true
				}
			}
		}
	}
	return uv.Cell{}, false
}

// textColours is the cell's text and background colours, reverse video applied.
func textColours(c uv.Cell, fg, bg color.Color) (color.Color, color.Color) {
	if c.Style.Fg != nil {
		fg = c.Style.Fg
	}
	if c.Style.Bg != nil {
		bg = c.Style.Bg
	}
	if c.Style.Attrs&uv.AttrReverse != 0 {
		fg, bg = bg, fg
	}
	return fg, bg
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// The creator's one-time charges, through the real binary: O on the Month
// screen, a refusal shown with the prompt still open, an answer saved with
// ctrl+s into the file's own [[one_time]] tables, comments kept, and the
// Year screen putting the charge in its month.
func TestPlannerOneTimeChargesEndToEnd(t *testing.T) {
	path, src := copyExample(t, "studio-avatar-month.toml")
	tm := startTerminal(t, 100, 30, path)
	tm.waitFor("used")
	tm.press("tab", "2", "O")
	tm.waitFor("One-time charges")
	if _, err := tm.pty.Write([]byte("\x15studio-avatar 13\r")); err != nil { // ctrl+u, then the answer
		t.Fatal(err)
	}
	tm.waitFor("the month must be 1-12")
	if _, err := tm.pty.Write([]byte("\x15studio-avatar 6\r")); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("Later: Custom Studio Avatar setup in month 6")
	tm.press("ctrl+s")
	tm.waitFor("Saved")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(src), "[[one_time]]\nid = \"photo-avatar-training\" # month 1, the month quoted\n\n", "", 1)
	want = strings.Replace(want, "month = 2\n", "month = 6\n", 1)
	if string(got) != want {
		t.Fatalf("saved:\n%s\nwant:\n%s", got, want)
	}
	tm.press("4")
	tm.waitFor("Month 6, one-time: Custom Studio Avatar setup")
	tm.quit()
}
