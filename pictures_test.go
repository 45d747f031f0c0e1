package main

import (
	"flag"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// -update rewrites docs/pictures/*.svg from the planner. The flag is shared
// with any golden package linked into these tests, which defines it first.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite docs/pictures/*.svg from the planner")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// picture is one screen of the README: the real planner, opened on an example
// in a terminal of the given size and background, after the given keys.
type picture struct {
	name       string   // docs/pictures/<name>.svg
	example    string   // under examples/
	cols, rows int      // terminal size
	light      bool     // light background (the planner picks its light theme)
	keys       []string // typed after the first frame, one at a time
	until      string   // text on the screen when it is ready
	args       []string // the planner's flags, before the example
	also       []string // more files of examples/ it reads (a pricing overlay)
}

var pictures = []picture{
	{name: "month", example: "agency-month.toml", cols: 100, rows: 30, keys: []string{"2"}, until: "remaining"},
	{name: "video", example: "creator-month.toml", cols: 100, rows: 30, keys: []string{"1"}, until: "Video 1 of 2"},
	{name: "plans", example: "creator-month.toml", cols: 100, rows: 30, keys: []string{"3"}, until: "Cheapest way to make this month:"},
	{name: "year", example: "seasonal-creator.toml", cols: 100, rows: 30, keys: []string{"4"}, until: "Year on"},
	{name: "fit", example: "creator-month.toml", cols: 100, rows: 30, keys: []string{"f"}, until: "After changes"},
	{name: "help", example: "creator-month.toml", cols: 100, rows: 30, keys: []string{"?"}, until: "close"},
	{name: "month-light", example: "creator-month.toml", cols: 100, rows: 30, light: true, keys: []string{"2"}, until: "remaining"},
	{name: "creators", example: "creator-launch.toml", cols: 120, rows: 38, also: []string{"scripts/launch.md"}, keys: []string{"1"}, until: "Video 1 of 2"},
	{name: "present", example: "sales-demo.toml", cols: 100, rows: 30, args: []string{"--present"}, also: []string{"acme-pricing.toml"}, keys: []string{"3"}, until: "Cheapest way to make this month:"},
}

// TestPictures keeps the README's pictures true: each is the real binary's
// screen, drawn as SVG from the emulator's cells. When the planner changes,
// regenerate them all with docs/pictures/make.sh (go test -run TestPictures -update).
func TestPictures(t *testing.T) {
	for _, p := range pictures {
		t.Run(p.name, func(t *testing.T) {
			got := shoot(t, p)
			path := filepath.Join("docs", "pictures", p.name+".svg")
			if updating() {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (make it with docs/pictures/make.sh)", err)
			}
			if string(want) != got {
				// Keep the new picture where a reviewer can open it beside the old.
				seen := filepath.Join(os.TempDir(), "creditplan-pictures", p.name+".svg")
				if err := os.MkdirAll(filepath.Dir(seen), 0o755); err == nil {
					os.WriteFile(seen, []byte(got), 0o644)
				}
				t.Fatalf("%s no longer matches the planner (now: %s); regenerate the pictures with docs/pictures/make.sh\n%s",
					path, seen, firstDifference(string(want), got))
			}
		})
	}
}

// shoot runs the planner for one picture and returns its screen as SVG.
func shoot(t *testing.T, p picture) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("examples", p.example))
	if err != nil {
		t.Fatal(err)
	}
	// Run beside a copy, so the header shows the example's name, not a temporary path.
	if err := os.WriteFile(filepath.Join(dir, p.example), src, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range p.also {
		b, err := os.ReadFile(filepath.Join("examples", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A fixed day, so a quote's stamp reads the same in every run.
	tm := startSession(t, session{cols: p.cols, rows: p.rows, light: p.light, dir: dir, env: []string{"CREDITPLAN_TODAY=2026-12-03"}}, append(append([]string(nil), p.args...), p.example)...)
	tm.waitFor("used")
	tm.press(p.keys...)
	tm.waitFor(p.until)
	rows := tm.settled()
	bg, fg := darkBackground, darkForeground
	if p.light {
		bg, fg = lightBackground, lightForeground
	}
	t.Logf("%s:\n%s", p.name, screenText(rows))
	return svg(rows, bg, fg)
}

// settled waits until the screen has not changed for a while (the planner
// redraws after it learns the background) and returns it.
func (tm *terminal) settled() [][]uv.Cell {
	tm.t.Helper()
	last := tm.cells()
	lastKey := cellsKey(last)
	stableSince := time.Now()
	deadline := time.Now().Add(10 * time.Second)
	for time.Since(stableSince) < 300*time.Millisecond {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never settled:\n%s", screenText(last))
		}
		time.Sleep(20 * time.Millisecond)
		now := tm.cells()
		if k := cellsKey(now); k != lastKey {
			last, lastKey, stableSince = now, k, time.Now()
		}
	}
	return last
}

func cellsKey(rows [][]uv.Cell) string {
	var b strings.Builder
	for _, row := range rows {
		for _, c := range row {
			b.WriteString(c.Content)
			b.WriteString(c.Style.String())
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// The picture's grid: a 14px monospace font, 0.6em wide cells, 1.3em lines.
const (
	fontSize = 14
	cellW    = 8.4
	cellH    = 18.2
	pad      = 12
)

// svg draws the cells: one rectangle per run of a background colour and one
// text per run of a style, a row per line, so a change reads well in a diff.
// Each text is stretched to its cells, so columns line up in any monospace font.
func svg(rows [][]uv.Cell, bg, fg color.Color) string {
	h := len(rows)
	w := 0
	if h > 0 {
		w = len(rows[0])
	}
	var b strings.Builder
	width, height := 2*pad+float64(w)*cellW, 2*pad+float64(h)*cellH
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"'JetBrains Mono','DejaVu Sans Mono',Menlo,Consolas,monospace\" font-size=\"%d\">\n",
		num(width), num(height), num(width), num(height), fontSize)
	fmt.Fprintf(&b, "<rect width=\"100%%\" height=\"100%%\" rx=\"6\" fill=\"%s\"/>\n", hex(bg))
	b.WriteString("<g shape-rendering=\"crispEdges\">\n")
	for y, row := range rows {
		for x := 0; x < len(row); {
			cbg := lookOf(row[x], bg, fg).bg
			end := x + 1
			for end < len(row) && lookOf(row[end], bg, fg).bg == cbg {
				end++
			}
			if cbg != hex(bg) {
				fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n",
					num(pad+float64(x)*cellW), num(pad+float64(y)*cellH), num(float64(end-x)*cellW), num(cellH), cbg)
			}
			x = end
		}
	}
	b.WriteString("</g>\n<g xml:space=\"preserve\">\n")
	for y, row := range rows {
		baseline := pad + float64(y)*cellH + cellH*0.75
		for x := 0; x < len(row); {
			st := lookOf(row[x], bg, fg)
			end := x + 1
			var text strings.Builder
			text.WriteString(glyph(row[x]))
			for end < len(row) && (row[end].Width == 0 || lookOf(row[end], bg, fg).text() == st.text()) {
				text.WriteString(glyph(row[end]))
				end++
			}
			s := strings.TrimRight(text.String(), " ")
			if strings.TrimSpace(s) != "" || st.underline {
				cells := end - x
				if !st.underline {
					cells -= len(text.String()) - len(s) // trailing spaces are one byte a cell
				}
				fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" textLength=\"%s\" lengthAdjust=\"spacingAndGlyphs\"%s>%s</text>\n",
					num(pad+float64(x)*cellW), num(baseline), num(float64(cells)*cellW), st.text(), escapeXML(s))
			}
			x = end
		}
	}
	b.WriteString("</g>\n</svg>\n")
	return b.String()
}

// look is how one cell is painted.
type look struct {
	fg, bg                               string
	bold, faint, italic, underline, strk bool
}

// text is the SVG attributes of the look's text.
func (l look) text() string {
	s := fmt.Sprintf(" fill=\"%s\"", l.fg)
	if l.bold {
		s += " font-weight=\"bold\""
	}
	if l.faint {
		s += " fill-opacity=\"0.6\""
	}
	if l.italic {
		s += " font-style=\"italic\""
	}
	switch {
	case l.underline && l.strk:
		s += " text-decoration=\"underline line-through\""
	case l.underline:
		s += " text-decoration=\"underline\""
	case l.strk:
		s += " text-decoration=\"line-through\""
	}
	return s
}

// lookOf is how cell c is painted on a terminal of default colours bg and fg.
func lookOf(c uv.Cell, bg, fg color.Color) look {
	l := look{fg: hex(fg), bg: hex(bg)}
	if c.Style.Fg != nil {
		l.fg = hex(c.Style.Fg)
	}
	if c.Style.Bg != nil {
		l.bg = hex(c.Style.Bg)
	}
	a := c.Style.Attrs
	if a&uv.AttrReverse != 0 {
		l.fg, l.bg = l.bg, l.fg
	}
	l.bold = a&uv.AttrBold != 0
	l.faint = a&uv.AttrFaint != 0
	l.italic = a&uv.AttrItalic != 0
	l.strk = a&uv.AttrStrikethrough != 0
	l.underline = c.Style.Underline != uv.UnderlineNone
	return l
}

// glyph is what a cell shows: a blank for a drawn cell without content, and
// nothing for the second half of a wide character.
func glyph(c uv.Cell) string {
	if c.Content == "" && c.Width > 0 {
		return " "
	}
	return c.Content
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

func escapeXML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace(s)
}

// firstDifference shows the first line two pictures differ on.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\nwas: %s\nnow: %s", i+1, a, b)
		}
	}
	return "they differ"
}
