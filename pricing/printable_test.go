package pricing

import "testing"

func TestPrintableNeutralisesEveryTerminalControl(t *testing.T) {
	cases := map[string]string{
		"Creator":                       "Creator",
		"Créateur ✓":                    "Créateur ✓",
		"\x1b]8;;http://x\x07link":      `\x1b]8;;http://x\alink`,
		"\x1b]0;title\x07":              `\x1b]0;title\a`,
		"a\u202egnp.exe":                `a\u202egnp.exe`,
		"iso\u2066late\u2069":           `iso\u2066late\u2069`,
		"c1\u009bcsi":                   `c1\u009bcsi`,
		"two\nlines\ttab\x7f":           `two\nlines\ttab\x7f`,
		"bad\xffbyte":                   `bad\xffbyte`,
		"real \uFFFD replacement stays": "real \uFFFD replacement stays",
	}
	for in, want := range cases {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
		_, _, bad := FirstUnsafe(in)
		if bad != (in != want) {
			t.Errorf("FirstUnsafe(%q) says unsafe=%v", in, bad)
		}
	}
}

func TestPrintableOfSafeTextDoesNotAllocate(t *testing.T) {
	s := "Weekly explainer — Avatar IV"
	if n := testing.AllocsPerRun(100, func() { _ = Printable(s) }); n != 0 {
		t.Fatalf("Printable allocated %v times on safe text", n)
	}
}
