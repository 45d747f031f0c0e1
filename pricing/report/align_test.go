package report

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestNarrowWidthAgreesWithTheTerminal: every rune the fast count accepts is
// as wide as ansi.StringWidth says, alone and between ASCII letters, so the
// shortcut can never misalign a table.
func TestNarrowWidthAgreesWithTheTerminal(t *testing.T) {
	accepted := 0
	for r := rune(0); r < 0x2250; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			n, ok := narrowWidth(s)
			if !ok {
				continue
			}
			accepted++
			if want := ansi.StringWidth(s); n != want {
				t.Errorf("narrowWidth(%q) = %d, terminal width %d", s, n, want)
			}
		}
	}
	if accepted < 3*(0x300-0x20-0x21-1+0x18+0xa) {
		t.Errorf("the fast count accepted only %d strings", accepted)
	}
	for s, want := range map[string]int{
		"2m30s × 2 languages":    19,
		"Café":                   4,
		"Avatar IV → Avatar III": 22,
		"20 / min ≈":             10,
		"“Intro” … – x":          13,
		"e\u0301":                1, // e + combining acute: one cell, found by the slow path
		"日本":                     4,
	} {
		if got := width(s); got != want {
			t.Errorf("width(%q) = %d, want %d", s, got, want)
		}
	}
	if _, ok := narrowWidth("e\u0301"); ok {
		t.Error("a combining mark must go to the grapheme walk")
	}
}
