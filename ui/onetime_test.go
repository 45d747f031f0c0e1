package ui

import (
	"os"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// O on the Month screen edits the month's one-time charges: a refusal keeps
// the prompt open with the reason; an answer is one undo step, marks the
// month unsaved, moves the charge on the Year screen, and saves in place.
func TestOneTimePrompt(t *testing.T) {
	m, path, src := openFile(t, "studio-avatar-month.toml")
	press(m, "tab", "2", "O")
	if !m.promptIs(promptOneTime) || m.input.Value() != "photo-avatar-training, studio-avatar 2" {
		t.Fatalf("prompt %v holding %q", m.prompt, m.input.Value())
	}
	m.input.SetValue("")
	typeText(m, "studio-avatar 13")
	press(m, "enter")
	if !m.promptIs(promptOneTime) || !strings.Contains(screen(m), "the month must be 1-12") {
		t.Fatalf("a month 13 was taken:\n%s", screen(m))
	}
	m.input.SetValue("")
	typeText(m, "Custom Studio Avatar setup 3")
	press(m, "enter")
	if m.prompt != nil {
		t.Fatalf("still asking: %q", m.prompt.err)
	}
	if want := []pricing.OneTimeNeed{{ID: "studio-avatar", Month: 3}}; !slices.Equal(m.Project().OneTime, want) || !m.Dirty() {
		t.Fatalf("one-time %v (dirty %v), want %v", m.Project().OneTime, m.Dirty(), want)
	}
	// The Month screen says the charge is paid later, and the Year screen in its month.
	pressSettle(m)
	mustContain(t, screen(m), "Later: Custom Studio Avatar setup in month 3")
	press(m, "4")
	pressSettle(m)
	mustContain(t, screen(m), "Month 3, one-time: Custom Studio Avatar setup")
	press(m, "u")
	if len(m.Project().OneTime) != 2 || m.Dirty() {
		t.Fatalf("undo: %v (dirty %v)", m.Project().OneTime, m.Dirty())
	}
	press(m, "ctrl+y", "2")
	run(m, press(m, "ctrl+s"))
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(src), "[[one_time]]\nid = \"photo-avatar-training\" # month 1, the month quoted\n\n", "", 1)
	want = strings.Replace(want, "month = 2\n", "month = 3\n", 1)
	if string(got) != want {
		t.Fatalf("saved:\n%s\nwant:\n%s", got, want)
	}
}

// On a plan that does not offer a charge, or a card with none, O says so.
func TestOneTimePromptRefusals(t *testing.T) {
	m := newModel(t, loadCard(t).NewProject("free"), 100, 30)
	press(m, "tab", "2", "O")
	m.input.SetValue("")
	typeText(m, "studio-avatar")
	press(m, "enter")
	mustContain(t, screen(m), "not offered on Free")
	if len(m.Project().OneTime) != 0 {
		t.Fatalf("taken: %v", m.Project().OneTime)
	}
	c := loadCard(t)
	c.OneTime = nil
	m = New(Options{Card: c, Project: c.NewProject("creator")})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(m, "tab", "2", "O")
	if m.prompt != nil || !strings.Contains(m.status, "lists no one-time charges") {
		t.Fatalf("prompt %v, status %q", m.prompt, m.status)
	}
}
