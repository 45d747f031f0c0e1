package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// The fast width must agree with ansi.StringWidth on everything the screens draw,
// or columns drift and lines spill past the edge.
func TestWidthAgreesWithANSI(t *testing.T) {
	st := NewStyles(true)
	for _, s := range []string{
		"", "abc", "‹ Avatar IV ›", st.Premium.Render("Premium") + " 20 / min", "\x1b[1;38;2;1;2;3mhé\x1b[m",
		"日本語の動画", "★ x • y ✗ 4K", "a\tb", "Café ☕ launch", "[███▓▓░░]", "Use Avatar III… ⌫ ← →",
	} {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi says %d", s, got, want)
		}
		for _, w := range []int{0, 1, 5, 40} {
			if f := fit(s, w); ansi.StringWidth(f) != w {
				t.Errorf("fit(%q, %d) is %d wide", s, w, ansi.StringWidth(f))
			}
		}
	}
}

func TestPercentAndBarUseIntegers(t *testing.T) {
	if got := percent(1, 8); got != "12.5%" {
		t.Fatalf("1/8 = %s", got)
	}
	if got := percent(pricing.WholeCredits(2), pricing.WholeCredits(3)); got != "66.7%" {
		t.Fatalf("2/3 = %s", got)
	}
	if got := percent(5, 0); got != "–" {
		t.Fatalf("share of nothing = %s", got)
	}
	for _, c := range []struct {
		part, whole int64
		w, want     int
	}{{0, 10, 10, 0}, {5, 10, 10, 5}, {10, 10, 10, 10}, {20, 10, 10, 10}, {1, 3, 10, 3}, {2, 3, 10, 7}, {1, 0, 10, 0}} {
		if got := bar(c.part, c.whole, c.w); got != c.want {
			t.Errorf("bar(%d/%d, %d) = %d, want %d", c.part, c.whole, c.w, got, c.want)
		}
	}
}
