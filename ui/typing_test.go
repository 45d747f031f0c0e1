package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// The rule these tests hold the planner to: it never changes what a user typed
// without saying so, and a key never acts behind what the screen shows.

// focusField puts the Video screen's focus on f of video i.
func focusField(m *Model, i int, f field) {
	m.selectVideo(i)
	m.setScreen(ScreenVideo)
	m.video.focus = int(f)
	m.updateLayout() // as Update does after every message
}

func TestFirstDigitReplacesANumberFurtherDigitsAppend(t *testing.T) {
	card := loadCard(t)
	for _, f := range []field{fieldCount, fieldClips, fieldGenerations, fieldRerenders} {
		m := newModel(t, fullMonth(card), 120, 40)
		v := &m.Project().Videos[2] // Launch video: count 1, 6 clips, 1 re-render
		v.ScriptGenerations = 1
		m.reprice()
		focusField(m, 2, f)
		press(m, "4")
		if n, _ := f.number(v); n != 4 {
			t.Fatalf("%s: the first digit replaces the value: got %d, want 4", fieldLabels[f], n)
		}
		press(m, "2")
		if n, _ := f.number(v); n != 42 && f != fieldRerenders {
			t.Fatalf("%s: a second digit is typed after the first: got %d, want 42", fieldLabels[f], n)
		}
		// Leaving the field ends the run: coming back, a digit replaces again.
		press(m, "down", "up", "3")
		if n, _ := f.number(v); n != 3 {
			t.Fatalf("%s: after moving away and back a digit replaces: got %d, want 3", fieldLabels[f], n)
		}
		// ←/→ also end the run.
		press(m, "right", "7")
		if n, _ := f.number(v); n != 7 {
			t.Fatalf("%s: after → a digit replaces: got %d, want 7", fieldLabels[f], n)
		}
		requirePriced(t, m)
		if m.screen != ScreenVideo {
			t.Fatalf("%s: digits switched the screen", fieldLabels[f])
		}
	}
}

func TestTypingTheSameNumberAgainIsNoChange(t *testing.T) {
	m := newModel(t, nil, 80, 24) // a new month: count 1
	focusField(m, 0, fieldCount)
	press(m, "1")
	if c := m.Project().Videos[0].Count; c != 1 || m.Dirty() {
		t.Fatalf("typing 1 over 1: count %d, unsaved %v", c, m.Dirty())
	}
}

func TestBalancePromptReplacesAndRefusesLikeTheFlag(t *testing.T) {
	card := loadCard(t)
	p := fullMonth(card)
	p.HasBalance, p.Balance = true, pricing.WholeCredits(150)
	m := newModel(t, p, 320, 30)
	press(m, "B")
	mustContain(t, screen(m), "Starting balance (empty = the plan's credits): > 150")
	typeText(m, "320")
	if got := m.input.Value(); got != "320" {
		t.Fatalf("typing into the prompt opened on 150 gives %q, want 320 (the value replaced)", got)
	}
	press(m, "enter")
	if !m.idle() || m.Project().Balance != pricing.WholeCredits(320) {
		t.Fatalf("320 is a balance: holding %v, balance %v", holder(m), m.Project().Balance)
	}
	for _, text := range []string{"150abc", "1,500", "-5", "0.25", "1e3"} {
		press(m, "B")
		typeText(m, text)
		press(m, "enter")
		if !m.promptIs(promptBalance) {
			t.Fatalf("%q: the prompt closed on a balance that does not read", text)
		}
		// The message is --balance's (cli.go balanceError and readMonth), less the flag's dashes.
		want := `balance "` + text + `": `
		if _, err := pricing.ParseCredits(text); err != nil {
			want += err.Error() + " (give credits like 200 or 12.5)"
		} else {
			_, err := card.ParseBalance(text)
			want += err.Error()
		}
		mustContain(t, screen(m), "✗ "+want)
		if m.Project().Balance != pricing.WholeCredits(320) {
			t.Fatalf("%q changed the balance to %v", text, m.Project().Balance)
		}
		press(m, "esc")
	}
}

func TestSavePromptReplacesTheSuggestedName(t *testing.T) {
	m := newModel(t, nil, 80, 24)
	focusField(m, 0, fieldCount)
	press(m, "5", "ctrl+s")
	if !m.promptIs(promptSaveAs) || m.input.Value() != "month.toml" {
		t.Fatalf("a first save asks for a path, suggesting month.toml: %v %q", holder(m), m.input.Value())
	}
	typeText(m, "june.toml")
	if got := m.input.Value(); got != "june.toml" {
		t.Fatalf("typing a name gives %q, want june.toml", got)
	}
	press(m, "esc")
}

func TestInvalidLengthOrLanguagesStayOpenAndEscRestores(t *testing.T) {
	card := loadCard(t)
	for _, c := range []struct {
		f    field
		text string
		err  func() error
	}{
		{fieldLength, "3m99s", func() error { _, err := pricing.ParseLength("3m99s"); return err }},
		{fieldLanguages, "es, es", func() error { _, err := pricing.ParseLanguages("es, es"); return err }},
		{fieldLanguages, "Spanish, es", func() error { _, err := pricing.ParseLanguages("Spanish, es"); return err }},
		{fieldLanguages, "es, Spanglish", func() error { _, err := pricing.ParseLanguages("es, Spanglish"); return err }},
		{fieldName, " ", func() error { return errorText("a video needs a name") }},
	} {
		m := newModel(t, fullMonth(card), 120, 40)
		before := m.Project().Videos[0].Clone()
		focusField(m, 0, c.f)
		press(m, "enter")
		m.input.SetValue("")
		typeText(m, c.text)
		for _, k := range []string{"enter", "tab", "down", "up"} {
			press(m, k)
			if !m.video.editing {
				t.Fatalf("%q: %s closed the editor on text that does not read", c.text, k)
			}
		}
		want := c.err()
		if want == nil {
			t.Fatalf("%q reads", c.text)
		}
		mustContain(t, screen(m), "✗ "+want.Error())
		press(m, "esc")
		if !m.idle() || !sameVideo(m.Project().Videos[0], before) {
			t.Fatalf("%q: esc restores the video from before editing: %+v", c.text, m.Project().Videos[0])
		}
		if m.Dirty() || len(m.undo) != 0 {
			t.Fatalf("%q: a reverted edit leaves the month unchanged (unsaved %v, %d undo steps)", c.text, m.Dirty(), len(m.undo))
		}
		requirePriced(t, m)
	}
}

func TestLanguagesAreTagsAndNamesInThePlanner(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	focusField(m, 0, fieldLanguages)
	press(m, "enter")
	m.input.SetValue("")
	typeText(m, "Spanish, pt_br")
	press(m, "enter")
	if got := strings.Join(m.Project().Videos[0].Languages, "|"); got != "es|pt-BR" || !m.idle() {
		t.Fatalf("languages %q (holding %v), want the tags es|pt-BR", got, holder(m))
	}
	mustContain(t, screen(m), "es, pt-BR")
	requirePriced(t, m)
}

func TestHelpIsModal(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 16) // the help is taller: it scrolls
	before := pricing.EncodeProject(m.Project(), card)
	press(m, "?")
	for _, k := range []string{"x", "p", "b", "a", "d", "K", "left", "right", "tab", "1", "3", "u", "e", "f", "B", "enter", "q", "ctrl+c"} {
		if cmd := press(m, k); cmd != nil {
			if _, isQuit := cmd().(tea.QuitMsg); isQuit {
				t.Fatalf("%s behind the help quit", k)
			}
		}
		if !m.help.ShowAll || m.screen != ScreenMonth || !m.idle() {
			t.Fatalf("%s behind the help acted: help %v, screen %v, holding %v", k, m.help.ShowAll, m.screen, holder(m))
		}
	}
	m.Update(tea.MouseClickMsg{X: tabSpans()[2].start + 1, Y: 1, Button: tea.MouseLeft})
	if string(pricing.EncodeProject(m.Project(), card)) != string(before) || m.screen != ScreenMonth || m.Dirty() {
		t.Fatal("a key or click behind the help changed the month or the screen")
	}
	mustContain(t, screen(m), "? or esc closes")
	top := screen(m)
	press(m, "down")
	if screen(m) == top || !strings.Contains(screen(m), "? or esc closes") && !strings.Contains(screen(m), "up") {
		t.Fatal("↓ scrolls the help")
	}
	press(m, "esc")
	if m.help.ShowAll {
		t.Fatal("esc closes the help")
	}
	press(m, "x")
	if len(m.Project().Videos) != 4 {
		t.Fatal("with the help closed x deletes")
	}
}

func TestAWordTypedOnATextRowNeverRunsCommands(t *testing.T) {
	card := loadCard(t)
	for _, f := range []field{fieldName, fieldLength, fieldLanguages} {
		m := newModel(t, fullMonth(card), 120, 40)
		focusField(m, 1, f)
		plan, before := m.Project().Plan, m.Project().Videos[1].Clone()
		for _, r := range "pe1qbf?x" {
			cmd := press(m, string(r))
			if r == '?' {
				break // ? still opens the help (checked below)
			}
			if cmd != nil {
				if _, ok := cmd().(tea.QuitMsg); ok {
					t.Fatalf("%s: %q quit", fieldLabels[f], r)
				}
			}
			if !m.video.editing {
				t.Fatalf("%s: %q did not type into the row (holding %v)", fieldLabels[f], r, holder(m))
			}
		}
		if m.Project().Plan != plan || m.screen != ScreenVideo || m.project.Billing != pricing.Monthly || !m.video.editing {
			t.Fatalf("%s: typing changed plan %q, screen %v, billing %v, holding %v", fieldLabels[f], m.Project().Plan, m.screen, m.project.Billing, holder(m))
		}
		if got := m.input.Value(); got != "pe1qbf?" {
			t.Fatalf("%s: the row holds %q, want what was typed", fieldLabels[f], got)
		}
		press(m, "esc")
		if !sameVideo(m.Project().Videos[1], before) {
			t.Fatalf("%s: esc restores the row", fieldLabels[f])
		}
		press(m, "?")
		if !m.help.ShowAll {
			t.Fatalf("%s: ? opens the help from a text row", fieldLabels[f])
		}
	}
	// A new month opens on the Name row: a name typed there is the name.
	m := newModel(t, nil, 80, 24)
	typeText(m, "Pe1 launch")
	press(m, "enter")
	if got := m.Project().Videos[0].Name; got != "Pe1 launch" || m.Project().Plan != "creator" {
		t.Fatalf("name %q, plan %q", got, m.Project().Plan)
	}
}

func TestEnterOnAChoiceRowSaysHowToChangeIt(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	focusField(m, 0, fieldAvatar)
	press(m, "enter")
	if !m.idle() || !strings.Contains(m.status, "←/→") {
		t.Fatalf("enter on a choice row: holding %v, status %q", holder(m), m.status)
	}
	mustContain(t, screen(m), "Avatar is a choice: ←/→ pick another option")
	focusField(m, 0, fieldCount)
	press(m, "enter")
	mustContain(t, screen(m), "This month is a number")
}

func TestUndoToTheSavedMonthClearsTheUnsavedMarkAndRedo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "june.toml")
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	m.path = path
	runSave(t, m, press(m, "ctrl+s"))
	if m.Dirty() {
		t.Fatal("saved")
	}
	focusField(m, 0, fieldCount)
	press(m, "9")
	if !m.Dirty() || !strings.Contains(screen(m), "june.toml*") {
		t.Fatal("an edit marks the month unsaved")
	}
	press(m, "ctrl+z")
	if m.Dirty() || m.Project().Videos[0].Count != 4 {
		t.Fatalf("undoing back to the saved month: unsaved %v, count %d", m.Dirty(), m.Project().Videos[0].Count)
	}
	if strings.Contains(screen(m), "june.toml*") {
		t.Fatal("the header still marks the month unsaved")
	}
	press(m, "ctrl+y")
	if !m.Dirty() || m.Project().Videos[0].Count != 9 {
		t.Fatalf("ctrl+y redoes: unsaved %v, count %d", m.Dirty(), m.Project().Videos[0].Count)
	}
	requirePriced(t, m)
	press(m, "ctrl+z")
	// A text edit that is reverted is no change: the redo stays.
	focusField(m, 0, fieldName)
	press(m, "enter", "esc")
	press(m, "ctrl+y")
	if m.Project().Videos[0].Count != 9 {
		t.Fatal("a reverted edit cleared the redo")
	}
	// A new change after undo clears the redo.
	press(m, "ctrl+z")
	focusField(m, 0, fieldCount)
	press(m, "right")
	press(m, "ctrl+y")
	if m.Project().Videos[0].Count != 5 || m.status != "Nothing to redo." {
		t.Fatalf("a new edit clears redo: count %d, status %q", m.Project().Videos[0].Count, m.status)
	}
	// Header and whole-month changes undo to the saved month too.
	press(m, "ctrl+z", "tab", "p", "x", "b") // tab: from Video to Month
	if !m.Dirty() {
		t.Fatal("edited")
	}
	press(m, "ctrl+z", "ctrl+z", "ctrl+z")
	if m.Dirty() {
		t.Fatal("three undos return to the saved month")
	}
	press(m, "ctrl+y", "ctrl+y", "ctrl+y")
	if m.Project().Plan != "pro" || len(m.Project().Videos) != 4 || m.Project().Billing != pricing.Annual {
		t.Fatalf("redo brings back plan, delete and billing: %q %d %v", m.Project().Plan, len(m.Project().Videos), m.Project().Billing)
	}
	requirePriced(t, m)
}

// runSave runs a save command as the program would and feeds its answer back.
func runSave(t *testing.T, m *Model, cmd tea.Cmd) tea.Cmd {
	t.Helper()
	if cmd == nil {
		t.Fatal("no save command")
	}
	_, next := m.Update(cmd())
	return next
}

func TestQuitQuestionOffersSaveAndQuit(t *testing.T) {
	dir := t.TempDir()
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	m.path = filepath.Join(dir, "june.toml")
	press(m, "p", "q")
	mustContain(t, screen(m), "s: save and quit")
	next := runSave(t, m, press(m, "s"))
	if !isQuit(next) {
		t.Fatal("s saves, then quits once the save succeeded")
	}
	data, err := os.ReadFile(m.path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := pricing.ParseProject("june.toml", data, card)
	if err != nil || back.Plan != "pro" {
		t.Fatalf("the saved file holds the change: %v %v", back, err)
	}

	// A month never saved asks where first; then it quits.
	m = newModel(t, nil, 120, 40)
	focusField(m, 0, fieldCount)
	press(m, "3", "q", "s")
	if !m.promptIs(promptSaveAs) {
		t.Fatalf("s on a month never saved asks for a path: holding %v", holder(m))
	}
	typeText(m, filepath.Join(dir, "new.toml"))
	cmd := press(m, "enter")
	if !isQuit(runSave(t, m, cmd)) {
		t.Fatal("saved to the path given, then quit")
	}

	// A save that fails does not quit.
	m = newModel(t, fullMonth(card), 120, 40)
	m.path = filepath.Join(dir, "missing", "june.toml")
	press(m, "p", "q")
	if next := runSave(t, m, press(m, "s")); isQuit(next) || !m.statusErr {
		t.Fatalf("a failed save must not quit: status %q", m.status)
	}
}

func TestTooSmallTerminalKeysActOnlyToQuit(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 59, 16)
	before := string(pricing.EncodeProject(m.Project(), card))
	press(m, "x", "p", "b", "a", "tab", "1", "u")
	if string(pricing.EncodeProject(m.Project(), card)) != before || m.screen != ScreenMonth {
		t.Fatal("a key changed the month behind the too-small message")
	}
	if !isQuit(press(m, "q")) {
		t.Fatal("q quits")
	}
}

// View only reads the model: drawing the Video form (narrow and wide, scrolled),
// the Month table and the help changes nothing that Update keeps.
func TestViewWritesNothing(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{80, 18}, {120, 24}} {
		for _, keys := range [][]string{{"1", "end"}, {"1", "down", "down", "down"}, {"2", "end"}, {"2", "?"}, {"1", "enter"}} {
			m := newModel(t, bigMonth(card, 40), sz[0], sz[1])
			press(m, keys...)
			before := *m
			_ = m.View()
			if !reflect.DeepEqual(before, *m) {
				t.Fatalf("%dx%d after %q: View changed the model", sz[0], sz[1], keys)
			}
		}
	}
}

// Pasted text follows the typing rule: into a text row or a number, or refused
// with a reason; never dropped unseen.
func TestPasteGoesWhereTypingWould(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	focusField(m, 0, fieldName)
	m.Update(tea.PasteMsg{Content: "Pasted name"})
	press(m, "enter")
	if got := m.Project().Videos[0].Name; got != "Pasted name" {
		t.Fatalf("a paste on the Name row replaces it: %q", got)
	}
	focusField(m, 0, fieldCount)
	m.Update(tea.PasteMsg{Content: "12"})
	if c := m.Project().Videos[0].Count; c != 12 {
		t.Fatalf("a number pasted on a number row: %d", c)
	}
	m.Update(tea.PasteMsg{Content: "12abc"})
	if c := m.Project().Videos[0].Count; c != 12 || !m.statusErr || !strings.Contains(m.status, `"12abc" is not one`) {
		t.Fatalf("a bad paste is refused with a reason: %d %q", c, m.status)
	}
	focusField(m, 0, fieldAvatar)
	m.Update(tea.PasteMsg{Content: "x"})
	if !m.statusErr {
		t.Fatal("a paste on a choice row says nothing takes it")
	}
}
