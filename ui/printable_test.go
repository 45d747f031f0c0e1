package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// hostile is a name that would drive a terminal if it reached one raw: an OSC 8
// hyperlink, an OSC 0 window title, a C1 CSI (as a rune and as a lone byte), a
// clear-screen, right-to-left override and isolate, and line breaks.
const hostile = "A\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\" +
	"\x1b]0;pwned\x07\u009b31m\x9b2J\x1b[2J\u202eevil\u2066x\u2069\r\n# injected\tz\x7f"

// hostileModel is a realistic month with every name a person reads (card,
// credit unit, plan, pack, feature, reason, video) made hostile, built in code
// so the loaders' own refusal does not stand in the way.
func hostileModel(t *testing.T, w, h int) *Model {
	t.Helper()
	c := loadCard(t)
	c.Name, c.Vendor, c.Origin = "Card "+hostile, "Vendor "+hostile, "Origin "+hostile
	c.CreditName, c.CreditNamePlural = "credit "+hostile, "credits "+hostile
	for i := range c.Plans {
		p := &c.Plans[i]
		p.Name += hostile
		for j := range p.TopUps {
			p.TopUps[j].Name += hostile
		}
	}
	for i := range c.Features {
		c.Features[i].Name += hostile
		if c.Features[i].AlternativeReason != "" {
			c.Features[i].AlternativeReason += hostile
		}
	}
	for i := range c.OneTime {
		c.OneTime[i].Name += hostile
	}
	p := fullMonth(c)
	for i := range p.Videos {
		p.Videos[i].Name = "Video " + hostile
	}
	p.OneTime = []pricing.OneTimeNeed{{ID: "studio-avatar", Month: 2}}
	m := New(Options{Card: c, Project: p})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// requireTerminalSafe fails when a frame holds anything but text, newlines and
// the SGR colour codes of the planner's styles, or a line wider than the
// terminal.
func requireTerminalSafe(t *testing.T, what, frame string, w int) {
	t.Helper()
	for i := 0; i < len(frame); {
		if frame[i] == 0x1b {
			n := sgrLen(frame[i:])
			if n == 0 {
				t.Fatalf("%s: raw escape sequence at %d: %q", what, i, frame[i:min(len(frame), i+20)])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(frame[i:])
		if r == utf8.RuneError && size <= 1 || r != '\n' && pricing.UnsafeRune(r) {
			t.Fatalf("%s: raw %q at %d: ...%q...", what, frame[i:i+size], i, frame[max(0, i-30):min(len(frame), i+30)])
		}
		i += size
	}
	for n, line := range strings.Split(frame, "\n") {
		if lw := ansi.StringWidth(line); lw > w {
			t.Errorf("%s: line %d is %d cells on a %d-cell terminal: %q", what, n+1, lw, w, ansi.Strip(line))
		}
	}
}

// TestEveryScreenNeutralisesNames: with every name hostile, no screen, overlay,
// question or status line of the planner writes a control character, escape
// sequence (other than its own colours) or bidirectional override to the
// terminal, no line overflows the terminal, and the names are shown escaped.
func TestEveryScreenNeutralisesNames(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, keys := range [][]string{
			{"1"}, {"1", "down", "down", "down"}, {"1", "down", "down", "down", "down", "down", "down"},
			{"1", "]"}, {"1", "]", "]"}, {"1", "c"}, {"1", "x"}, {"1", "d"}, {"1", "a"},
			{"2"}, {"2", "down", "down"}, {"2", "f"}, {"2", "f", "enter"}, {"2", "p"}, {"2", "p", "p"},
			{"3"}, {"3", "down"}, {"3", "down", "enter"}, {"3", "down", "down", "down"},
			{"4"}, {"4", "b"}, {"4", "down", "right"},
			{"?"}, {"a", "q"}, {"B"}, {"ctrl+s"},
			{"2", "O"}, {"2", "O", "ctrl+u", "enter"}, {"2", "O", "x", "enter"},
		} {
			m := hostileModel(t, sz[0], sz[1])
			pressSettle(m, keys...)
			what := strings.Join(keys, " ") + " at " + itoa(int64(sz[0])) + "x" + itoa(int64(sz[1]))
			requireTerminalSafe(t, what, m.View().Content, sz[0])
		}
	}
	// The one-time prompt's answer names the charge in the status line.
	m := hostileModel(t, 80, 24)
	pressSettle(m, "2", "O")
	m.input.SetValue("photo-avatar-training 3")
	pressSettle(m, "enter")
	if !strings.Contains(m.status, "Photo avatar training") {
		t.Fatalf("status %q", m.status)
	}
	requireTerminalSafe(t, "one-time status", m.View().Content, 80)
	m = hostileModel(t, 120, 40)
	pressSettle(m, "1")
	if s := screen(m); !strings.Contains(s, `\x1b]8;;https://evil.example/`) {
		t.Errorf("the escaped names are not shown:\n%s", s)
	}
}

// TestPrintableKeepsStylesAndEscapesTheRest: the planner's own SGR codes pass,
// everything else that could drive a terminal is escaped, clean text is
// returned as it is.
func TestPrintableKeepsStylesAndEscapesTheRest(t *testing.T) {
	for in, want := range map[string]string{
		"plain × text":                     "plain × text",
		"\x1b[1;38;2;164;140;255mHi\x1b[m": "\x1b[1;38;2;164;140;255mHi\x1b[m",
		"a\x1b]0;title\x07b":               `a\x1b]0;title\ab`,
		"a\x1b[2Jb":                        `a\x1b[2Jb`,
		"\u009b31m\x9b":                    `\u009b31m\x9b`,
		"x\u202ey\nz\t":                    `x\u202ey\nz\t`,
		"\x1b[":                            `\x1b[`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
	if got := fit("ab\x1b]0;t\x07", 14); got != `ab\x1b]0;t\a  ` {
		t.Errorf("fit measures before escaping: %q", got)
	}
}
