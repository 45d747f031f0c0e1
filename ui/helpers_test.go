package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// plansPath is the default card, resolved when the tests start so that a test
// may change directory.
var plansPath, _ = filepath.Abs("../plans.toml")

// loadCard reads the default rate card the binary embeds.
func loadCard(tb testing.TB) *pricing.RateCard {
	tb.Helper()
	src, err := os.ReadFile(plansPath)
	if err != nil {
		tb.Fatal(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		tb.Fatal(err)
	}
	return card
}

// fullMonth is a realistic creator's month on Creator: weekly explainers with
// Avatar IV and lip-sync, shorts with AI scripts, a 4K launch video with Sora
// b-roll and a re-render, agent promos and customer stories with AI looks.
func fullMonth(card *pricing.RateCard) *pricing.Project {
	p := card.NewProject("creator")
	p.Videos = nil
	v := card.NewVideo("Weekly explainer")
	v.Count, v.Seconds = 4, 150
	v.Picks[pricing.SlotAvatar] = "avatar-iv"
	v.Picks[pricing.SlotTranslation] = "lipsync"
	v.Languages = []string{"es", "de"}
	p.Videos = append(p.Videos, v)

	v = card.NewVideo("Product short")
	v.Count, v.Seconds, v.ScriptGenerations = 6, 45, 2
	p.Videos = append(p.Videos, v)

	v = card.NewVideo("Launch video")
	v.Count, v.Seconds, v.Rerenders, v.BRollClips = 1, 240, 1, 6
	v.Picks[pricing.SlotAvatar] = "avatar-iv"
	v.Picks[pricing.SlotResolution] = "4k"
	v.Picks[pricing.SlotBRoll] = "sora-2"
	p.Videos = append(p.Videos, v)

	v = card.NewVideo("Agent promo")
	v.Count, v.Seconds = 2, 90
	v.Picks[pricing.SlotAgent] = "video-agent"
	p.Videos = append(p.Videos, v)

	v = card.NewVideo("Customer story")
	v.Count, v.Seconds = 2, 180
	v.Picks[pricing.SlotLook] = "ai-look"
	v.Picks[pricing.SlotVoice] = "voice-clone"
	p.Videos = append(p.Videos, v)
	return p
}

func newModel(tb testing.TB, p *pricing.Project, w, h int) *Model {
	tb.Helper()
	m := New(Options{Card: loadCard(tb), Project: p})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// keyMsg turns a key name as the help shows it into the message a terminal sends.
func keyMsg(s string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter":      {Code: tea.KeyEnter},
		"esc":        {Code: tea.KeyEscape},
		"tab":        {Code: tea.KeyTab},
		"shift+tab":  {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":         {Code: tea.KeyUp},
		"down":       {Code: tea.KeyDown},
		"left":       {Code: tea.KeyLeft},
		"right":      {Code: tea.KeyRight},
		"shift+up":   {Code: tea.KeyUp, Mod: tea.ModShift},
		"shift+down": {Code: tea.KeyDown, Mod: tea.ModShift},
		"backspace":  {Code: tea.KeyBackspace},
		"delete":     {Code: tea.KeyDelete},
		"pgup":       {Code: tea.KeyPgUp},
		"pgdown":     {Code: tea.KeyPgDown},
		"home":       {Code: tea.KeyHome},
		"end":        {Code: tea.KeyEnd},
		"ctrl+s":     {Code: 's', Mod: tea.ModCtrl},
		"ctrl+c":     {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+z":     {Code: 'z', Mod: tea.ModCtrl},
		"ctrl+y":     {Code: 'y', Mod: tea.ModCtrl},
	}
	if k, ok := special[s]; ok {
		return k
	}
	if l, ok := strings.CutPrefix(s, "ctrl+"); ok && len(l) == 1 {
		return tea.KeyPressMsg{Code: rune(l[0]), Mod: tea.ModCtrl}
	}
	if l, ok := strings.CutPrefix(s, "alt+"); ok && l != "" {
		return tea.KeyPressMsg{Code: []rune(l)[0], Mod: tea.ModAlt}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// press sends keys one by one and returns the last command.
func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = m.Update(keyMsg(k))
	}
	return cmd
}

// typeText sends each character of s as a key press.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is what the user sees, without colours.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// requirePriced checks that the model's cached quote is exactly pricing's quote
// of the model's own project: the screens can never disagree with `quote`.
func requirePriced(tb testing.TB, m *Model) *pricing.Quote {
	tb.Helper()
	want, err := m.card.Quote(m.project)
	if err != nil {
		tb.Fatal(err)
	}
	got := m.Quote()
	if got == nil {
		tb.Fatal("model has no quote")
	}
	if got.Premium != want.Premium || got.Remaining != want.Remaining || got.Short != want.Short ||
		got.Fits != want.Fits || got.Cost != want.Cost || got.Plan.ID != want.Plan.ID || len(got.Videos) != len(want.Videos) {
		tb.Fatalf("cached quote %v/%v/%v differs from pricing's %v/%v/%v", got.Premium, got.Remaining, got.Short, want.Premium, want.Remaining, want.Short)
	}
	for i := range want.Videos {
		if got.Videos[i].Credits != want.Videos[i].Credits {
			tb.Fatalf("video %d: cached %v, pricing %v", i, got.Videos[i].Credits, want.Videos[i].Credits)
		}
	}
	return want
}

func mustContain(tb testing.TB, s, sub string) {
	tb.Helper()
	if !strings.Contains(s, sub) {
		tb.Fatalf("screen lacks %q:\n%s", sub, s)
	}
}

// settle runs the pricing commands an Update returned, as the program would, and
// feeds their messages back until none is left. Other messages (a quit, a
// background-colour query) are dropped; callers never pass file commands.
func settle(m *Model, cmd tea.Cmd) {
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
		case fitDoneMsg, rightSizedMsg, yearDoneMsg, scenariosDoneMsg, yearPlansDoneMsg, vendorsDoneMsg, vendorSwitchedMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// pressSettle sends keys one by one, running the pricing each one starts before
// the next, as a person typing slower than the pricing would see it.
func pressSettle(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		settle(m, cmd)
	}
}

// holder names what takes the keys, for test failures.
func holder(m *Model) string {
	switch {
	case m.prompt != nil:
		return "prompt " + itoa(int64(m.prompt.kind)) + " " + m.prompt.question
	case m.fit.open:
		return "fit proposal"
	case m.video.editing:
		return "field editor"
	case m.help.ShowAll:
		return "help"
	}
	return "screens"
}

// promptErr is why the open prompt refused its text, if it did.
func promptErr(m *Model) string {
	if m.prompt == nil {
		return ""
	}
	return m.prompt.err
}

// closeAll closes whatever is open, as if it had never opened.
func closeAll(m *Model) {
	m.prompt, m.fit, m.video.editing = nil, fitState{}, false
	m.help.ShowAll = false
}
