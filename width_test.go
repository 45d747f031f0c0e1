package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// widthExamples are the example months with the cards they are priced on.
var widthExamples = [][]string{
	{"examples/creator-month.toml"},
	{"examples/agency-month.toml"},
	{"examples/sales-demo.toml"},
	{"examples/seasonal-creator.toml"},
	{"--rates", "examples/heygen-2026-credits.toml", "examples/heygen-2026/month.toml"},
	{"--rates", "examples/fluxnote-flat.toml", "examples/fluxnote/month.toml"},
}

// runWith runs one command line in-process with COLUMNS and no terminal.
func runWith(t *testing.T, columns string, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "COLUMNS" {
			return columns
		}
		return ""
	}}
	code := a.run(args)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, errb.String())
	}
	return out.String(), code
}

// TestEveryOutputFitsItsWidth: every example in every command's text and
// Markdown fits the page, at 40, 60, 80 and 120 columns: no line is wider,
// except a Markdown heading or table row (a break would end it). JSON and
// CSV are for programs and never wrap: they are the same at every width.
func TestEveryOutputFitsItsWidth(t *testing.T) {
	for _, ex := range widthExamples {
		for _, cmd := range []string{"quote", "compare", "fit", "year"} {
			for _, format := range []string{"text", "markdown", "json", "csv"} {
				args := append([]string{cmd, "--format", format}, ex...)
				wide, _ := runWith(t, "", append(args, "--width", "10000")...)
				for _, w := range []int{40, 60, 80, 120} {
					out, _ := runWith(t, "", append(args, "--width", strconv.Itoa(w))...)
					if format == "json" || format == "csv" {
						if out != wide {
							t.Errorf("%v at %d columns differs from a wide page", args, w)
						}
						continue
					}
					for i, l := range strings.Split(out, "\n") {
						if format == "markdown" && (strings.HasPrefix(l, "#") || strings.HasPrefix(l, "|")) {
							continue
						}
						if lw := ansi.StringWidth(l); lw > w {
							t.Errorf("%v at %d columns: line %d is %d wide: %q", args, w, i+1, lw, l)
						}
					}
				}
			}
		}
	}
}

// TestPageWidthComesFromFlagColumnsTerminal: --width, else COLUMNS, else the
// terminal's width, else 80; a --width below 40 or not a number is a usage
// error, and a narrower COLUMNS or terminal is laid out at 40.
func TestPageWidthComesFromFlagColumnsTerminal(t *testing.T) {
	for _, c := range []struct {
		width, columns string
		term, want     int
	}{
		{"", "", 0, 80},
		{"", "", 132, 132},
		{"", "100", 132, 100},
		{"", "abc", 132, 132},
		{"", "20", 0, 40},
		{"", "", 30, 40},
		{"50", "100", 132, 50},
	} {
		a := &app{getenv: func(string) string { return c.columns }, termWidth: func() int { return c.term }}
		got, err := quoteCommand.pageWidth(a, &options{width: c.width})
		if err != nil || got != c.want {
			t.Errorf("--width %q, COLUMNS %q, terminal %d: %d, %v; want %d", c.width, c.columns, c.term, got, err, c.want)
		}
	}
	for _, bad := range []string{"39", "0", "-5", "wide", "80.5"} {
		var errb bytes.Buffer
		a := &app{stdout: &bytes.Buffer{}, stderr: &errb, getenv: func(string) string { return "" }}
		if code := a.run([]string{"quote", "--width", bad, "examples/creator-month.toml"}); code != exitUsage {
			t.Errorf("--width %s: exit %d, want 2", bad, code)
		}
		if !strings.Contains(errb.String(), "--width") {
			t.Errorf("--width %s: %q", bad, errb.String())
		}
	}
}
