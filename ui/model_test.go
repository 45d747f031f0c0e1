package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestNewMonthStartsWithOneDraftVideo(t *testing.T) {
	m := newModel(t, nil, 80, 24)
	if n := len(m.Project().Videos); n != 1 {
		t.Fatalf("%d videos, want one draft", n)
	}
	if m.screen != ScreenVideo {
		t.Fatalf("a one-video month opens on the Video screen, got %v", m.screen)
	}
	q := requirePriced(t, m)
	mustContain(t, screen(m), q.VideoMessage(0))
	if m.Dirty() {
		t.Fatal("an untouched new month has nothing to save")
	}
}

func TestTabShiftTabAndNumbersSwitchScreens(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	if m.screen != ScreenMonth {
		t.Fatalf("a month of several videos opens on Month, got %v", m.screen)
	}
	press(m, "tab")
	if m.screen != ScreenPlans {
		t.Fatalf("tab from Month: %v", m.screen)
	}
	press(m, "tab")
	if m.screen != ScreenYear {
		t.Fatalf("tab from Plans: %v", m.screen)
	}
	press(m, "tab")
	if m.screen != ScreenScenarios {
		t.Fatalf("tab from Year: %v", m.screen)
	}
	press(m, "tab")
	if m.screen != ScreenVideo {
		t.Fatalf("tab wraps to Video: %v", m.screen)
	}
	press(m, "shift+tab")
	if m.screen != ScreenScenarios {
		t.Fatalf("shift+tab from Video wraps to Scenarios: %v", m.screen)
	}
	// On the Video screen digits pick a screen from a choice row; on a text row
	// they type into it (TestTypingOnATextRowEditsIt).
	m.video.focus = int(fieldAvatar)
	for _, c := range []struct {
		key  string
		want Screen
	}{{"1", ScreenVideo}, {"2", ScreenMonth}, {"3", ScreenPlans}, {"4", ScreenYear}, {"2", ScreenMonth},
		// ←/→ edit on Month, Plans and Year (count, billing, volume): they never switch screens.
		{"left", ScreenMonth}, {"right", ScreenMonth}, {"3", ScreenPlans}, {"right", ScreenPlans}, {"left", ScreenPlans},
		{"4", ScreenYear}, {"right", ScreenYear}, {"left", ScreenYear}} {
		press(m, c.key)
		if m.screen != c.want {
			t.Fatalf("key %s: %v", c.key, m.screen)
		}
	}
}

func TestClickOnTabTitleSwitchesScreen(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	for i, span := range tabSpans() {
		m.Update(tea.MouseClickMsg{X: span.start + 1, Y: 1, Button: tea.MouseLeft})
		if m.screen != Screen(i) {
			t.Fatalf("click on %q: screen %v", span.title, m.screen)
		}
		// The title really is drawn where the click lands.
		line := strings.Split(screen(m), "\n")[1]
		if !strings.Contains(line[span.start:], strings.TrimSpace(span.title)) {
			t.Fatalf("tab %q not drawn at column %d: %q", span.title, span.start, line)
		}
	}
}

// The seed's promise: changing the avatar changes the upfront message at once.
func TestRightArrowOnAvatarRepricesAndShowsNewMessage(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	press(m, "down", "enter") // Product short, Avatar III
	if m.screen != ScreenVideo || m.sel != 1 {
		t.Fatalf("enter should open video 2 on the Video screen: %v %d", m.screen, m.sel)
	}
	before := m.Quote().VideoMessage(1)
	press(m, "down", "down", "down") // name, length, count, avatar
	if field(m.video.focus) != fieldAvatar {
		t.Fatalf("focus on %v, want avatar", field(m.video.focus))
	}
	press(m, "right")
	if got := m.Project().Videos[1].Picks[pricing.SlotAvatar]; got != "avatar-iv" {
		t.Fatalf("right from Avatar III picks %q, want the next option avatar-iv", got)
	}
	q := requirePriced(t, m)
	after := q.VideoMessage(1)
	if after == before {
		t.Fatalf("message did not change: %q", after)
	}
	// 45 s of Avatar IV at 20 a minute, in 3 s steps: 15 credits a copy; with two
	// script drafts at 0.5, 16 a copy, and 6 copies make 96.
	if q.Videos[1].Lines[0].Credits != pricing.WholeCredits(15) || q.Videos[1].Credits != pricing.WholeCredits(96) {
		t.Fatalf("avatar line %v, video %v; want 15 and 96", q.Videos[1].Lines[0].Credits, q.Videos[1].Credits)
	}
	mustContain(t, screen(m), after)
	press(m, "left")
	if got := m.Project().Videos[1].Picks[pricing.SlotAvatar]; got != "avatar-iii" {
		t.Fatalf("left goes back to avatar-iii, got %q", got)
	}
	requirePriced(t, m)
}

func TestUnavailableOptionIsShownBlockedWithReason(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, card.NewProject("creator"), 120, 40)
	press(m, "1", "down", "down", "down", "down", "down", "down") // resolution
	if field(m.video.focus) != fieldResolution {
		t.Fatalf("focus %v", field(m.video.focus))
	}
	press(m, "right") // 1080p -> 4k
	if got := m.Project().Videos[0].Picks[pricing.SlotResolution]; got != "4k" {
		t.Fatalf("pick %q, want 4k", got)
	}
	s := screen(m)
	mustContain(t, s, "✗ 4K: Creator renders at most 1080p")
	mustContain(t, s, "Premium")
	if !m.statusErr {
		t.Fatal("choosing an option the plan does not offer should say so on the status line")
	}
}

func TestDigitsAndBackspaceEditCountAsOneUndoStep(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	press(m, "enter", "down", "down") // Weekly explainer, count field
	if field(m.video.focus) != fieldCount {
		t.Fatalf("focus %v", field(m.video.focus))
	}
	press(m, "backspace", "1", "2")
	if c := m.Project().Videos[0].Count; c != 12 {
		t.Fatalf("4, backspace, 1, 2 gives %d, want 12", c)
	}
	if m.screen != ScreenVideo {
		t.Fatal("digits on a number field must not switch screens")
	}
	requirePriced(t, m)
	press(m, "right")
	if c := m.Project().Videos[0].Count; c != 13 {
		t.Fatalf("right adds one: %d", c)
	}
	press(m, "u")
	if c := m.Project().Videos[0].Count; c != 4 {
		t.Fatalf("one undo reverts the whole run of typing: %d, want 4", c)
	}
	requirePriced(t, m)
	// A count above the project file's limit is refused, not silently wrapped.
	press(m, "1", "0", "0", "0", "0", "0")
	if c := m.Project().Videos[0].Count; c != 4000 {
		// 4 then 4,0,0,0 ... the sixth digit would make 400,000 > MaxCount.
		if c > pricing.MaxCount {
			t.Fatalf("count %d exceeds %d", c, pricing.MaxCount)
		}
	}
	if m.Project().Videos[0].Count > pricing.MaxCount || !m.statusErr {
		t.Fatalf("count %d; status %q", m.Project().Videos[0].Count, m.status)
	}
}

func TestInvalidLengthShowsErrorAndKeepsLastValid(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	press(m, "down", "enter", "down") // Product short (45s), length field
	press(m, "enter")
	if !m.video.editing {
		t.Fatal("enter on a text field edits it")
	}
	m.input.SetValue("")
	typeText(m, "2m75s")
	// "2" and "2m" were valid (two minutes); "2m7", "2m75" and "2m75s" are not.
	if s := m.Project().Videos[1].Seconds; s != 120 {
		t.Fatalf("seconds %d, want the last valid 120", s)
	}
	_, err := pricing.ParseLength("2m75s")
	mustContain(t, screen(m), "✗ "+err.Error())
	requirePriced(t, m)
	press(m, "esc")
	if s := m.Project().Videos[1].Seconds; s != 45 {
		t.Fatalf("esc reverts to 45 s, got %d", s)
	}
	if len(m.undo) != 0 {
		t.Fatalf("a reverted edit leaves no undo step, have %d", len(m.undo))
	}
	press(m, "enter")
	m.input.SetValue("")
	typeText(m, "1:30")
	press(m, "enter")
	if s := m.Project().Videos[1].Seconds; s != 90 || !m.idle() {
		t.Fatalf("1:30 commits 90 s, got %d (holding %v)", s, holder(m))
	}
	press(m, "ctrl+z") // on a text row u types; ctrl+z undoes everywhere
	if s := m.Project().Videos[1].Seconds; s != 45 {
		t.Fatalf("undo restores 45 s, got %d", s)
	}
	requirePriced(t, m)
}

func TestNameAndLanguagesAreEditedAsText(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	press(m, "enter", "enter") // Weekly explainer, edit name
	m.input.SetValue("")
	typeText(m, "Tuesday tip")
	press(m, "enter")
	if n := m.Project().Videos[0].Name; n != "Tuesday tip" {
		t.Fatalf("name %q", n)
	}
	for range int(fieldLanguages) {
		press(m, "down")
	}
	press(m, "enter")
	m.input.SetValue("")
	typeText(m, "es, de, fr")
	press(m, "enter")
	v := m.Project().Videos[0]
	if strings.Join(v.Languages, "|") != "es|de|fr" {
		t.Fatalf("languages %q", v.Languages)
	}
	q := requirePriced(t, m)
	// Lip-sync: 2m30s is five 30 s steps at 5 a minute = 12.5 per language, three languages.
	for _, l := range q.Videos[0].Lines {
		if l.Slot == pricing.SlotTranslation && l.Credits != 37500 {
			t.Fatalf("lip-sync for 3 languages = %v, want 37.5", l.Credits)
		}
	}
	press(m, "enter")
	m.input.SetValue("")
	typeText(m, "es, ES")
	// "es," was the last valid list ("es, E" names no language); "es, ES" repeats one.
	if strings.Join(m.Project().Videos[0].Languages, "|") != "es" {
		t.Fatalf("a duplicate language keeps the last valid list, got %q", m.Project().Videos[0].Languages)
	}
	mustContain(t, screen(m), "listed twice")
	press(m, "esc")
	if strings.Join(m.Project().Videos[0].Languages, "|") != "es|de|fr" {
		t.Fatalf("esc restores the list from before, got %q", m.Project().Videos[0].Languages)
	}
}

func TestCheaperOptionAppliesWithEnterAndUndoes(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	press(m, "enter") // Weekly explainer
	alts := m.Quote().Videos[0].Alternatives
	if len(alts) != 2 {
		t.Fatalf("Avatar IV and lip-sync each have an alternative; got %d", len(alts))
	}
	before := m.Quote().Premium
	press(m, "end") // the last row is the last cheaper option
	if m.video.focus != len(m.video.rows)+1 {
		t.Fatalf("focus %d", m.video.focus)
	}
	second := alts[1]
	mustContain(t, screen(m), "› "+second.Text(card)[:30])
	press(m, "enter")
	if got := m.Project().Videos[0].Picks[second.Slot]; got != second.To.ID {
		t.Fatalf("pick %q, want %q", got, second.To.ID)
	}
	q := requirePriced(t, m)
	if q.Premium != before-second.Saves {
		t.Fatalf("premium %v, want %v - %v", q.Premium, before, second.Saves)
	}
	press(m, "u")
	if requirePriced(t, m).Premium != before {
		t.Fatal("undo brings the month back")
	}
	// c applies the biggest saving.
	press(m, "c")
	if got := m.Project().Videos[0].Picks[alts[0].Slot]; got != alts[0].To.ID {
		t.Fatalf("c applied %q, want %q", got, alts[0].To.ID)
	}
	if requirePriced(t, m).Premium != before-alts[0].Saves {
		t.Fatal("c saves what the option says")
	}
}

func TestBracketsMoveBetweenVideos(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	press(m, "1")
	m.video.focus = int(fieldAvatar) // on a text row [ and ] type
	press(m, "]", "]")
	if m.sel != 2 {
		t.Fatalf("sel %d", m.sel)
	}
	mustContain(t, screen(m), "Video 3 of 5")
	press(m, "[")
	if m.sel != 1 {
		t.Fatalf("sel %d", m.sel)
	}
}

func TestMonthAddDuplicateDeleteReorderUndo(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	orig := m.Project().Clone()
	press(m, "a")
	if n := len(m.Project().Videos); n != 6 || m.sel != 5 {
		t.Fatalf("a: %d videos, sel %d", n, m.sel)
	}
	press(m, "home", "d")
	p := m.Project()
	if len(p.Videos) != 7 || p.Videos[1].Name != "Weekly explainer (copy)" || m.sel != 1 {
		t.Fatalf("d: %d videos, second %q, sel %d", len(p.Videos), p.Videos[1].Name, m.sel)
	}
	requirePriced(t, m)
	press(m, "x")
	if len(m.Project().Videos) != 6 {
		t.Fatalf("x: %d videos", len(m.Project().Videos))
	}
	press(m, "delete")
	if len(m.Project().Videos) != 5 || m.Project().Videos[1].Name != "Launch video" {
		t.Fatalf("delete removed the wrong video: %q", m.Project().Videos[1].Name)
	}
	press(m, "u")
	if m.Project().Videos[1].Name != "Product short" {
		t.Fatalf("undo of delete: %q", m.Project().Videos[1].Name)
	}
	press(m, "J")
	if m.Project().Videos[2].Name != "Product short" || m.sel != 2 {
		t.Fatalf("J moves down: %q sel %d", m.Project().Videos[2].Name, m.sel)
	}
	press(m, "shift+up", "K")
	if m.Project().Videos[0].Name != "Product short" || m.sel != 0 {
		t.Fatalf("K moves up: %q sel %d", m.Project().Videos[0].Name, m.sel)
	}
	press(m, "shift+down")
	if m.Project().Videos[1].Name != "Product short" {
		t.Fatalf("shift+down: %q", m.Project().Videos[1].Name)
	}
	for len(m.undo) > 0 {
		press(m, "ctrl+z")
	}
	got := pricing.EncodeProject(m.Project(), card)
	if !bytes.Equal(got, pricing.EncodeProject(orig, card)) {
		t.Fatalf("undoing everything gives back the month:\n%s", got)
	}
	requirePriced(t, m)
	press(m, "u")
	mustContain(t, m.status, "Nothing to undo")
}

func TestMonthShowsWhereCreditsRunOut(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	q := requirePriced(t, m)
	if q.Fits {
		t.Fatal("the full month is meant to be short on Creator")
	}
	s := screen(m)
	mustContain(t, s, "Credits run out at video "+itoa(q.RunsOutAt)+" of "+itoa(q.Copies))
	mustContain(t, s, q.Premium.Grouped()+" used")
	mustContain(t, s, q.Short.Grouped()+" short")
}

func TestMonthSelectionMovesAndEnterEdits(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	press(m, "down", "down", "up", "j")
	if m.sel != 2 {
		t.Fatalf("sel %d", m.sel)
	}
	press(m, "end")
	if m.sel != 4 {
		t.Fatalf("end: %d", m.sel)
	}
	press(m, "pgup")
	if m.sel != 0 {
		t.Fatalf("pgup: %d", m.sel)
	}
	press(m, "pgdown", "k", "enter")
	if m.screen != ScreenVideo || m.sel != 3 {
		t.Fatalf("enter: screen %v sel %d", m.screen, m.sel)
	}
	mustContain(t, screen(m), "Agent promo")
}

func TestPlanBillingAndBalanceKeys(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	press(m, "p")
	if m.Project().Plan != "pro" {
		t.Fatalf("p after creator: %q", m.Project().Plan)
	}
	q := requirePriced(t, m)
	if q.Balance != pricing.WholeCredits(2000) {
		t.Fatalf("Pro's balance %v", q.Balance)
	}
	press(m, "b")
	if m.Project().Billing != pricing.Annual {
		t.Fatal("b switches to annual")
	}
	if requirePriced(t, m).Cost != pricing.Money(79*pricing.MoneyScale) {
		t.Fatalf("Pro annual costs $79 a month, got %v", m.Quote().Cost)
	}
	press(m, "B")
	if !m.promptIs(promptBalance) {
		t.Fatal("B asks for the balance")
	}
	typeText(m, "abc")
	press(m, "enter")
	if !m.promptIs(promptBalance) || promptErr(m) == "" {
		t.Fatalf("a bad balance keeps the prompt open with an error: %v %q", holder(m), promptErr(m))
	}
	m.input.SetValue("")
	typeText(m, "0.25")
	press(m, "enter")
	_, wantErr := card.ParseBalance("0.25") // the planner and quote --balance share one rule and one message
	if !m.promptIs(promptBalance) || wantErr == nil || !strings.Contains(promptErr(m), wantErr.Error()) {
		t.Fatalf("0.25 has more decimals than the card's 1: error %q, pricing says %v", promptErr(m), wantErr)
	}
	m.input.SetValue("")
	typeText(m, "150")
	press(m, "enter")
	if !m.Project().HasBalance || m.Project().Balance != pricing.WholeCredits(150) || !m.idle() {
		t.Fatalf("balance %v %v", m.Project().HasBalance, m.Project().Balance)
	}
	mustContain(t, screen(m), "Balance 150")
	press(m, "B")
	m.input.SetValue("")
	press(m, "enter")
	if m.Project().HasBalance {
		t.Fatal("an empty balance goes back to the plan's credits")
	}
	press(m, "u", "u", "u", "u")
	if m.Project().Plan != "creator" || m.Project().Billing != pricing.Monthly || m.Project().HasBalance {
		t.Fatalf("undo restores header: %+v", m.Project())
	}
	requirePriced(t, m)
}

func TestPlansScreenComparesAndEnterChoosesPlan(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	press(m, "3")
	want := card.Compare(m.Project())
	if m.cmp == nil || m.cmp.Premium != want.Premium || m.cmp.Recommended != want.Recommended {
		t.Fatal("Plans shows pricing's comparison")
	}
	s := screen(m)
	for _, o := range want.Options {
		if o.Plan.ContactSales {
			mustContain(t, s, "contact sales")
			continue
		}
		mustContain(t, s, card.Money(o.MonthlyTotal))
		mustContain(t, s, card.Money(o.AnnualTotal))
	}
	if m.plans.sel != 1 {
		t.Fatalf("Plans opens on the month's plan (Creator, row 2), got %d", m.plans.sel)
	}
	press(m, "down", "enter")
	if m.Project().Plan != "pro" {
		t.Fatalf("enter chose %q", m.Project().Plan)
	}
	requirePriced(t, m)
	if m.cmp == nil {
		t.Fatal("the comparison is recomputed after a change while Plans shows")
	}
	m.Update(tea.MouseClickMsg{X: 5, Y: bodyTop + plansHeadRows + 3, Button: tea.MouseLeft})
	if m.plans.sel != 3 {
		t.Fatalf("click on the fourth plan row: %d", m.plans.sel)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.plans.sel != 2 {
		t.Fatalf("wheel up: %d", m.plans.sel)
	}
}

func TestQuitAsksOnlyWithUnsavedChanges(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	if !isQuit(press(m, "q")) {
		t.Fatal("q quits at once when nothing changed")
	}
	m = newModel(t, fullMonth(loadCard(t)), 80, 24)
	press(m, "a")
	if cmd := press(m, "ctrl+c"); cmd != nil || !m.promptIs(promptQuit) {
		t.Fatal("with unsaved changes ctrl+c asks first")
	}
	mustContain(t, screen(m), "Quit without saving? (y/n · s: save and quit)")
	press(m, "n")
	if !m.idle() {
		t.Fatal("n stays")
	}
	press(m, "q")
	if !isQuit(press(m, "y")) {
		t.Fatal("y quits")
	}
}

func TestHelpToggles(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	press(m, "?")
	if !m.help.ShowAll {
		t.Fatal("? opens the full help")
	}
	mustContain(t, screen(m), "duplicate")
	press(m, "esc")
	if m.help.ShowAll {
		t.Fatal("esc closes it")
	}
}

func TestSaveAsksForPathThenWritesAParsableFile(t *testing.T) {
	card := loadCard(t)
	dir := t.TempDir()
	m := newModel(t, nil, 80, 24)
	press(m, "down", "down", "1", "1") // count 11
	if !m.Dirty() {
		t.Fatal("an edit marks the month unsaved")
	}
	mustContain(t, screen(m), "new month*")
	press(m, "ctrl+s")
	if !m.promptIs(promptSaveAs) || m.input.Value() != "month.toml" {
		t.Fatalf("first save asks for a path, default month.toml: %v %q", holder(m), m.input.Value())
	}
	path := filepath.Join(dir, "plan.toml")
	m.input.SetValue(path)
	cmd := press(m, "enter")
	if cmd == nil {
		t.Fatal("enter starts the save")
	}
	m.Update(cmd())
	if m.Dirty() || m.path != path {
		t.Fatalf("after save: dirty %v, path %q, status %q", m.Dirty(), m.path, m.status)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := card.Quote(m.Project())
	got, _ := card.Quote(back)
	if back.Videos[0].Count != 11 || got.Premium != want.Premium {
		t.Fatalf("saved file reads back differently: count %d", back.Videos[0].Count)
	}
	mustContain(t, screen(m), "plan.toml")
	// Saving again to the same file does not ask: we wrote it.
	cmd = press(m, "ctrl+s")
	if msg, ok := cmd().(savedMsg); !ok {
		t.Fatalf("second save: %#v", msg)
	}
}

func TestSaveDoesNotOverwriteAFileChangedOnDisk(t *testing.T) {
	card := loadCard(t)
	path := filepath.Join(t.TempDir(), "month.toml")
	orig := pricing.EncodeProject(fullMonth(card), card)
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	m := New(Options{Card: card, Project: fullMonth(card), Path: path, ModTime: st.ModTime(), Source: orig})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "a")
	// Someone else edits the file.
	other := append(append([]byte(nil), orig...), []byte("\n# edited elsewhere\n")...)
	if err := os.WriteFile(path, other, 0o644); err != nil {
		t.Fatal(err)
	}
	later := st.ModTime().Add(2 * time.Second)
	os.Chtimes(path, later, later)
	m.Update(press(m, "ctrl+s")())
	if !m.promptIs(promptQuestion) {
		t.Fatalf("holding %v, status %q", holder(m), m.status)
	}
	mustContain(t, screen(m), "changed on disk")
	press(m, "n")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, other) {
		t.Fatal("n must leave the other edit alone")
	}
	m.Update(press(m, "ctrl+s")())
	cmd := press(m, "y")
	m.Update(cmd())
	if m.Dirty() {
		t.Fatalf("y saves: %q", m.status)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, pricing.EncodeProject(m.Project(), card)) {
		t.Fatal("the file holds the month after y")
	}
}

func TestFailedSaveShowsErrorAndKeepsPreviousFile(t *testing.T) {
	card := loadCard(t)
	dir := t.TempDir()
	// Renaming over a directory fails after the temp file is written: the worst moment.
	target := filepath.Join(dir, "month.toml")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(target)
	m := New(Options{Card: card, Project: fullMonth(card), Path: target, ModTime: st.ModTime()})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "a")
	m.Update(press(m, "ctrl+s")())
	if !m.statusErr || !strings.Contains(m.status, "cannot save") {
		t.Fatalf("status %q", m.status)
	}
	mustContain(t, screen(m), "cannot save")
	if !m.Dirty() {
		t.Fatal("a failed save leaves the month unsaved")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the temp file must be cleaned up: %v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "keep")); string(b) != "x" {
		t.Fatal("previous content damaged")
	}
	// A directory that does not exist fails cleanly too.
	m.path = filepath.Join(dir, "missing", "month.toml")
	m.Update(press(m, "ctrl+s")())
	if !m.statusErr {
		t.Fatalf("status %q", m.status)
	}
}

func TestExportWritesMarkdownOrReportsWhy(t *testing.T) {
	card := loadCard(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "creator.toml")
	m := New(Options{Card: card, Project: fullMonth(card), Path: path})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var want bytes.Buffer
	werr := report.WriteQuoteCures(&want, m.Quote(), m.cure, report.Markdown)
	cmd := press(m, "e")
	if werr != nil {
		// The report package cannot write Markdown yet: the planner must say so, not crash.
		if cmd != nil || !m.statusErr || !strings.Contains(m.status, "export failed") {
			t.Fatalf("cmd %v status %q", cmd != nil, m.status)
		}
		mustContain(t, screen(m), "export failed")
		return
	}
	m.Update(cmd())
	got, err := os.ReadFile(filepath.Join(dir, "creator.quote.md"))
	if err != nil {
		t.Fatalf("%v (status %q)", err, m.status)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatal("export writes report.WriteQuote's Markdown")
	}
	if exportPath("", "quote") != "month.quote.md" {
		t.Fatal("an unsaved month exports to month.quote.md")
	}
}

func TestMonthMouseClickAndWheel(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	m.Update(tea.MouseClickMsg{X: 10, Y: bodyTop + monthHeadRows + 2, Button: tea.MouseLeft})
	if m.sel != 2 {
		t.Fatalf("click on the third row: sel %d", m.sel)
	}
	line := strings.Split(screen(m), "\n")[bodyTop+monthHeadRows+2]
	mustContain(t, line, "› ")
	mustContain(t, line, "Launch video")
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.sel != 4 {
		t.Fatalf("wheel down moves by 3, clamped: %d", m.sel)
	}
	press(m, "1")
	_ = screen(m) // the program draws before the next click arrives
	m.Update(tea.MouseClickMsg{X: 10, Y: bodyTop + 1 + 3, Button: tea.MouseLeft})
	if field(m.video.focus) != fieldAvatar {
		t.Fatalf("click on the avatar row: %v", field(m.video.focus))
	}
}

func TestLongMonthScrollsAndDrawsOnlyVisibleRows(t *testing.T) {
	card := loadCard(t)
	p := bigMonth(card, 1000)
	m := newModel(t, p, 80, 24)
	press(m, "end")
	s := screen(m)
	mustContain(t, s, "Video 1000")
	if strings.Contains(s, "Video 1 ") {
		t.Fatal("the first row should have scrolled away")
	}
	mustContain(t, s, "rows ")
	if lines := strings.Count(s, "\n") + 1; lines != 24 {
		t.Fatalf("%d lines, want 24", lines)
	}
}

func TestTooSmallTerminalSaysHowBig(t *testing.T) {
	m := newModel(t, nil, 59, 16)
	mustContain(t, strings.ReplaceAll(screen(m), "\n", " "), "creditplan needs at least 60x16; this terminal is 59x16")
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {60, 15}, {1, 300}, {300, 1}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		_ = screen(m)
	}
	if !isQuit(press(m, "q")) {
		t.Fatal("q still quits when too small")
	}
}

func TestBackgroundColourSwitchesToLight(t *testing.T) {
	m := newModel(t, nil, 80, 24)
	if !m.isDark {
		t.Fatal("dark until the terminal answers")
	}
	dark := m.View().Content
	m.Update(tea.BackgroundColorMsg{Color: whiteColor{}})
	if m.isDark {
		t.Fatal("a white background is light")
	}
	if m.View().Content == dark {
		t.Fatal("light styles differ from dark ones")
	}
	if init := m.Init(); init == nil {
		t.Fatal("Init asks for the background colour")
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func bigMonth(card *pricing.RateCard, n int) *pricing.Project {
	p := card.NewProject("creator")
	p.Videos = nil
	for i := range n {
		v := card.NewVideo("Video " + itoa(int64(i)+1))
		v.Seconds = 60 + i%120
		if i%3 == 0 {
			v.Picks[pricing.SlotAvatar] = "avatar-iv"
		}
		if i%5 == 0 {
			v.Languages = []string{"es", "de"}
			v.Picks[pricing.SlotTranslation] = "lipsync"
		}
		p.Videos = append(p.Videos, v)
	}
	return p
}

// The help promises "← −1, → +1" on the Month screen: ←/→ change the selected
// video's count, a run of them is one undo step, and the count never goes below 0.
func TestMonthLeftRightStepCountAsOneUndoStep(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	before := m.Quote().Premium
	each := m.Quote().Videos[0].Each
	press(m, "right", "right")
	if c := m.Project().Videos[0].Count; c != 6 || m.screen != ScreenMonth {
		t.Fatalf("→→ on a count of 4: %d on %v, want 6 on Month", c, m.screen)
	}
	// Two more copies of the weekly explainer cost two more copies' credits.
	if q := requirePriced(t, m); q.Premium != before+2*each {
		t.Fatalf("premium %v, want %v + 2 × %v", q.Premium, before, each)
	}
	mustContain(t, screen(m), "     6 ")
	for range 8 {
		press(m, "left")
	}
	if c := m.Project().Videos[0].Count; c != 0 {
		t.Fatalf("eight ← from 6 stop at 0, got %d", c)
	}
	mustContain(t, m.status, "already made 0 times")
	if len(m.undo) != 1 {
		t.Fatalf("a run of ←/→ on one video is one undo step, have %d", len(m.undo))
	}
	press(m, "down", "h") // another video, h as ←: a new step
	if c := m.Project().Videos[1].Count; c != 5 || len(m.undo) != 2 {
		t.Fatalf("h on Product short: count %d, %d undo steps", c, len(m.undo))
	}
	press(m, "u", "u")
	if m.Project().Videos[0].Count != 4 || m.Project().Videos[1].Count != 6 {
		t.Fatalf("undo restores 4 and 6: %d %d", m.Project().Videos[0].Count, m.Project().Videos[1].Count)
	}
	if requirePriced(t, m).Premium != before {
		t.Fatal("undo brings the month's credits back")
	}
}

// On Plans the Monthly column sits left of Annual: ← picks monthly billing, →
// annual, each an undoable change, and neither switches screens.
func TestPlansLeftRightPickBilling(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m, "3", "right")
	if m.Project().Billing != pricing.Annual || m.screen != ScreenPlans {
		t.Fatalf("→ on Plans: %v on %v", m.Project().Billing, m.screen)
	}
	if m.cmp == nil || m.cmp.Billing != pricing.Annual {
		t.Fatal("the comparison follows the billing")
	}
	n := len(m.undo)
	press(m, "l")
	if len(m.undo) != n || !strings.Contains(m.status, "already annual") {
		t.Fatalf("→ on annual changes nothing and says so: %q", m.status)
	}
	press(m, "left")
	if m.Project().Billing != pricing.Monthly {
		t.Fatal("← picks monthly")
	}
	press(m, "u")
	if m.Project().Billing != pricing.Annual {
		t.Fatal("undo of ← gives annual back")
	}
	press(m, "u")
	if m.Project().Billing != pricing.Monthly {
		t.Fatal("undo of → gives monthly back")
	}
	requirePriced(t, m)
}

func TestHelpListsTheNewKeysPerScreen(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	for _, c := range []struct {
		screen string
		want   []string
	}{
		{"2", []string{"count −1/+1", "seats +1/−1", "fit to budget"}},
		{"3", []string{"monthly billing", "annual billing"}},
		{"4", []string{"month's volume −0.1", "month's volume +0.1", "several plans side by side"}},
		{"5", []string{"apply to the month", "delete scenario", "save as a scenario"}},
	} {
		pressSettle(m, c.screen, "?")
		for _, w := range c.want {
			mustContain(t, screen(m), w)
		}
		mustContain(t, screen(m), "go to a screen")
		press(m, "esc")
	}
}

// A choice the card has no option for is no row of the Video form: a card
// without agents shows no Agent row, and the rows below it keep working.
func TestTheFormHidesSlotsTheCardLacks(t *testing.T) {
	src, err := os.ReadFile(plansPath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "agent = \"studio\"\n", "", 1)
	for _, id := range []string{"studio", "agent-essential", "video-agent"} {
		text = strings.NewReplacer(`"`+id+`", `, "", `, "`+id+`"`, "").Replace(text)
	}
	var kept []string
	for _, block := range strings.Split(text, "\n[[features]]\n") {
		if !strings.Contains(block, "\nslot = \"agent\"\n") {
			kept = append(kept, block)
		}
	}
	card, err := pricing.ParseRateCard("no-agents.toml", []byte(strings.Join(kept, "\n[[features]]\n")))
	if err != nil {
		t.Skipf("a card without agents does not load (%v); the slot is required", err)
	}
	m := New(Options{Card: card})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	s := screen(m)
	if strings.Contains(s, "  Agent ") {
		t.Fatalf("the form shows an Agent row for a card without agents:\n%s", s)
	}
	mustContain(t, s, "Re-renders")
	press(m, "end")
	for m.fieldAt(m.video.focus) == noField && m.video.focus > 0 {
		press(m, "up")
	}
	if f := m.fieldAt(m.video.focus); f != fieldDrafts {
		t.Fatalf("the last row is %v, want Drafts", f)
	}
}

// At 80x24 the help's first page lists every key of the screen and of every
// screen; at every size, scrolling it to the end shows every key it has
// (one column when narrow), each with what it does.
func TestHelpShowsEveryKey(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {100, 30}, {120, 40}, {200, 60}} {
		for sc := range numScreens {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			m.setScreen(sc)
			m.video.focus = int(fieldAvatar) // not a text row, where ? would type
			press(m, "?")
			groups := m.screenHelp().Groups()
			first := screen(m)
			seen := first
			for range 20 {
				press(m, "pgdown")
				seen += screen(m)
			}
			for gi, g := range groups {
				for _, b := range g.Keys {
					h := b.Help()
					line := h.Key + " "
					if !strings.Contains(seen, line) || !strings.Contains(seen, h.Desc) {
						t.Errorf("%dx%d %s: the help never shows %q %q", sz[0], sz[1], screenTitles[sc], h.Key, h.Desc)
					}
					if sz == [2]int{80, 24} && gi < 2 && !strings.Contains(first, h.Desc) {
						t.Errorf("80x24 %s: %q %q is not on the help's first page", screenTitles[sc], h.Key, h.Desc)
					}
				}
			}
		}
	}
}

// The key bar starts with ? help and quit on every screen at every size (ctrl+c
// where q types), and ctrl+s save from 80 columns; under a question, a typed
// answer, the fit proposal, the help or a field being edited it lists the keys
// that answer there, not the screen's.
func TestTheKeyBarShowsWhatActs(t *testing.T) {
	card := loadCard(t)
	footer := func(m *Model) string {
		lines := strings.Split(screen(m), "\n")
		return lines[len(lines)-1]
	}
	for _, w := range []int{60, 80, 100, 120, 200} {
		for sc := range numScreens {
			m := newModel(t, fullMonth(card), w, 24)
			m.setScreen(sc)
			m.Update(tea.WindowSizeMsg{Width: w, Height: 24})
			f := footer(m)
			quit := "q quit"
			if m.keyHolder() == HoldTextRow {
				quit = "ctrl+c quit"
			}
			if !strings.HasPrefix(f, " ? help · "+quit) || (w >= 80 && !strings.Contains(f, "ctrl+s save")) {
				t.Errorf("%d columns, %s: key bar %q", w, screenTitles[sc], f)
			}
		}
	}
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		name string
		keys []string
		want string
	}{
		{"quit question", []string{"2", "a", "q"}, " y quit without saving · s save and quit · n/esc stay"},
		{"balance prompt", []string{"2", "B"}, " enter done · esc cancel · ctrl+u erase to the start"},
		{"fit proposal", []string{"2", "f"}, " enter apply · esc close, change nothing"},
		{"help", []string{"2", "?"}, " ↑/↓ scroll"},
		{"field editor", []string{"1", "home", "enter"}, " enter keep · esc revert"},
	} {
		m := newModel(t, fullMonth(card), 80, 24)
		pressSettle(m, c.keys...)
		if f := footer(m); !strings.HasPrefix(f, c.want) || strings.Contains(f, "? help") {
			t.Errorf("%s: key bar %q, want it to start %q", c.name, f, c.want)
		}
	}
}
