package main

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/ui"
)

// The planner's balance prompt reads a balance as `--balance` does and refuses
// a bad one with the same message (less the flag's dashes), staying open: the
// binary's own words are compared with what the planner shows for each text.
func TestBalancePromptSaysWhatTheFlagSays(t *testing.T) {
	card, err := loadCard("")
	if err != nil {
		t.Fatal(err)
	}
	project, _, err := loadProject("examples/creator-month.toml", card)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"150abc", "1,500", "-5", "0.25", "1e3", "12..5"} {
		r := creditplan(t, "quote", "--balance", text, "examples/creator-month.toml")
		r.want(t, 2)
		line, _, _ := strings.Cut(r.stderr, "\n")
		_, flagMsg, ok := strings.Cut(line, ": --balance ")
		if !ok {
			t.Fatalf("--balance %q: no message in %q", text, r.stderr)
		}
		m := ui.New(ui.Options{Card: card, Project: project.Clone()})
		m.Update(tea.WindowSizeMsg{Width: 320, Height: 30})
		for _, k := range append([]string{"B"}, strings.Split(text, "")...) {
			m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
		}
		m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		shown := ansi.Strip(m.View().Content)
		if want := "✗ balance " + flagMsg; !strings.Contains(shown, want) {
			t.Fatalf("--balance %q says %q; the planner shows:\n%s", text, flagMsg, shown)
		}
		if !strings.Contains(shown, "Starting balance (empty = the plan's credits): > "+text) {
			t.Fatalf("%q: the prompt closed", text)
		}
	}
}
