package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// TestFollowMePicture keeps docs/pictures/follow-me.svg true: a presenter's
// planner at 100x30 sharing its screen, and the customer's read-only view of
// it at 80x24, both drawn from the server's real sessions. Regenerate with
// docs/pictures/make.sh (or go test -run TestFollowMePicture -update).
func TestFollowMePicture(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.linePort = 23234; c.publicHost = "sales.example.com" })
	ts.s.shares.code = func() (string, error) { return "k7m2q9xwab", nil }
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	os.WriteFile(filepath.Join(home, "creator-month.toml"), []byte(readExample(t, "creator-month.toml")), 0o644)
	presenter := ts.terminal(ts.client(), 100, 30, "creator-month.toml")
	presenter.waitFor("2 Month")
	presenter.press("3")
	presenter.waitFor("Cheapest way to make this month:")
	presenter.press("ctrl+o")
	presenter.waitFor("watch-k7m2q9xwab")
	vc, err := ts.dial(watchPrefix + "k7m2q9xwab")
	if err != nil {
		t.Fatal(err)
	}
	defer vc.Close()
	viewer := openTerminal(t, vc, 80, 24, "")
	viewer.waitFor("read-only")
	viewer.waitFor("3 Plans")
	presenter.waitFor("1 viewer watching")
	left, right := presenter.settled(), viewer.settled()
	got := sideBySide(svg(left, darkBackground, darkForeground), svg(right, darkBackground, darkForeground), len(left[0]), len(left), len(right[0]), len(right))
	path := filepath.Join("docs", "pictures", "follow-me.svg")
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
		t.Fatalf("%s no longer matches the server's sessions; regenerate it with docs/pictures/make.sh\n%s", path, firstDifference(string(want), got))
	}
}

// sideBySide puts two screens' SVGs in one picture, the presenter's on the
// left and the viewer's on the right, each titled.
func sideBySide(a, b string, aw, ah, bw, bh int) string {
	const gap, title = 24.0, 26.0
	wa, ha := 2*pad+float64(aw)*cellW, 2*pad+float64(ah)*cellH
	wb, hb := 2*pad+float64(bw)*cellW, 2*pad+float64(bh)*cellH
	w, h := wa+gap+wb, title+max(ha, hb)
	var s strings.Builder
	fmt.Fprintf(&s, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"'JetBrains Mono','DejaVu Sans Mono',Menlo,Consolas,monospace\" font-size=\"%d\">\n",
		num(w), num(h), num(w), num(h), fontSize)
	fmt.Fprintf(&s, "<text x=\"4\" y=\"18\" fill=\"#555555\">the presenter (100x30): ctrl+o shared the screen</text>\n")
	fmt.Fprintf(&s, "<text x=\"%s\" y=\"18\" fill=\"#555555\">the customer (80x24): ssh -p 23234 watch-k7m2q9xwab@sales.example.com</text>\n", num(wa+gap+4))
	fmt.Fprintf(&s, "<svg x=\"0\" y=\"%s\" width=\"%s\" height=\"%s\">\n%s</svg>\n", num(title), num(wa), num(ha), inner(a))
	fmt.Fprintf(&s, "<svg x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\">\n%s</svg>\n", num(wa+gap), num(title), num(wb), num(hb), inner(b))
	s.WriteString("</svg>\n")
	return s.String()
}

// inner is an SVG's content without its own <svg> element.
func inner(svg string) string {
	svg = svg[strings.Index(svg, "\n")+1:]
	return strings.TrimSuffix(svg, "</svg>\n")
}

// cells is a copy of the session's screen, taken between two chunks of output.
func (tm *sshTerm) cells() [][]uv.Cell {
	tm.frame.Lock()
	defer tm.frame.Unlock()
	w, h := tm.vt.Width(), tm.vt.Height()
	rows := make([][]uv.Cell, h)
	for y := range h {
		rows[y] = make([]uv.Cell, w)
		for x := range w {
			if c := tm.vt.CellAt(x, y); c != nil {
				rows[y][x] = *c
			} else {
				rows[y][x] = uv.EmptyCell
			}
		}
	}
	return rows
}

// settled waits until the screen has not changed for a while and returns it.
func (tm *sshTerm) settled() [][]uv.Cell {
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
