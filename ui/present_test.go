package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// presenting opens a copy of an example in presentation mode, as
// `creditplan --present FILE` does, in a folder whose name would show if a
// path reached the screen.
func presenting(t *testing.T, example string, w, h int) (*Model, string, []byte) {
	t.Helper()
	card := loadCard(t)
	src, err := os.ReadFile(filepath.Join("..", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "secret-folder")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "customer-file.toml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	m := New(salesOptions(t, card, p, path, src, true))
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, path, src
}

// salesDay is the day the tests prepare their quotes on.
var salesDay = pricing.Date{Year: 2026, Month: 12, Day: 3}

// salesOptions are the options the planner command gives a customer's
// project: its pricing overlay laid over the card (from examples/, as the
// project names it), the customer and the day carried for the stamp, and
// the warnings.
func salesOptions(t *testing.T, card *pricing.RateCard, p *pricing.Project, path string, src []byte, present bool) Options {
	t.Helper()
	pricingFile := ""
	if p != nil && p.PricingFile != "" {
		pricingFile = filepath.Join(filepath.Dir(path), p.PricingFile)
		osrc, err := os.ReadFile(filepath.Join("..", "examples", p.PricingFile))
		if err != nil {
			t.Fatal(err)
		}
		card, _, err = card.LoadOverlay(pricingFile, osrc)
		if err != nil {
			t.Fatal(err)
		}
	}
	card = card.ForCustomer(p, salesDay)
	return Options{Card: card, Project: p, Path: path, Source: src, Present: present, Today: salesDay,
		PricingFile: pricingFile, Warnings: card.Sales.Warnings}
}

// A billing switch, a plan change and a seat change while presenting re-price
// what is shown and never mark the project unsaved.
func TestPresentChangesAreAView(t *testing.T) {
	for _, keys := range [][]string{{"b"}, {"p"}, {"P"}, {"2", "s"}, {"3", "right"}, {"3", "down", "enter"}, {"b", "p", "2", "s", "s"}} {
		m, _, _ := presenting(t, "sales-demo.toml", 100, 30)
		before := m.Project().Clone()
		pressSettle(m, keys...)
		if m.Dirty() {
			t.Errorf("%v while presenting marked the project unsaved", keys)
		}
		if !m.Viewing() {
			t.Errorf("%v while presenting shows no view", keys)
		}
		shown := m.Project()
		if shown.Plan == before.Plan && shown.Billing == before.Billing && shown.Seats == before.Seats {
			t.Errorf("%v changed nothing shown", keys)
		}
		// What is shown is priced as shown.
		requirePriced(t, m)
		if strings.Contains(strings.Split(screen(m), "\n")[0], "*") {
			t.Errorf("%v: the header marks the project unsaved:\n%s", keys, screen(m))
		}
	}
}

// A applies the view: then it is a change, unsaved and undoable; undoing it
// brings the project back to the saved month.
func TestPresentApplyMakesTheViewAChange(t *testing.T) {
	m, _, _ := presenting(t, "sales-demo.toml", 100, 30)
	pressSettle(m, "b")
	if m.Dirty() {
		t.Fatal("b while presenting marked the project unsaved")
	}
	pressSettle(m, "A")
	if !m.Dirty() || m.Viewing() {
		t.Fatalf("A did not make the view the project's change (dirty %v, viewing %v)", m.Dirty(), m.Viewing())
	}
	if m.Project().Billing != pricing.Annual {
		t.Fatal("A lost the billing shown")
	}
	mustContain(t, m.statusLine(), "unsaved until ctrl+s")
	pressSettle(m, "u")
	if m.Dirty() || m.Project().Billing != pricing.Monthly {
		t.Fatalf("u after A: dirty %v, billing %v; want the saved month", m.Dirty(), m.Project().Billing)
	}
	// Outside presentation mode A says what it is for and changes nothing.
	m2 := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m2, "A")
	if m2.Dirty() || !strings.Contains(m2.status, "ctrl+p") {
		t.Fatalf("A outside presentation mode: dirty %v, status %q", m2.Dirty(), m2.status)
	}
}

// Leaving presentation mode with a view not applied keeps the project as it
// was, and the status line says so.
func TestPresentLeavingDropsTheView(t *testing.T) {
	m, _, _ := presenting(t, "sales-demo.toml", 100, 30)
	before := m.Project().Clone()
	pressSettle(m, "b", "p", "2", "s", "a")
	if m.Dirty() {
		t.Fatal("changes while presenting marked the project unsaved")
	}
	pressSettle(m, "ctrl+p")
	if m.Presenting() || m.Viewing() || m.Dirty() {
		t.Fatalf("after ctrl+p: presenting %v, viewing %v, dirty %v", m.Presenting(), m.Viewing(), m.Dirty())
	}
	p := m.Project()
	if p.Plan != before.Plan || p.Billing != before.Billing || p.Seats != before.Seats || len(p.Videos) != len(before.Videos) {
		t.Fatalf("the project is not as it was: %+v", p)
	}
	mustContain(t, m.statusLine(), "not applied")
	requirePriced(t, m)
	// u has nothing of the view to take back.
	pressSettle(m, "u")
	if m.status != "Nothing to undo." {
		t.Fatalf("the dropped view left undo steps: %q", m.status)
	}
}

// Undoing every step of a view shows the project again; redoing one shows
// the view again, still without marking the project unsaved.
func TestPresentUndoWithinAView(t *testing.T) {
	m, _, _ := presenting(t, "sales-demo.toml", 100, 30)
	pressSettle(m, "b", "u")
	if m.Viewing() || m.Dirty() || m.Project().Billing != pricing.Monthly {
		t.Fatalf("b then u: viewing %v, dirty %v, billing %v", m.Viewing(), m.Dirty(), m.Project().Billing)
	}
	pressSettle(m, "ctrl+y")
	if !m.Viewing() || m.Dirty() || m.Project().Billing != pricing.Annual {
		t.Fatalf("redo while presenting: viewing %v, dirty %v, billing %v", m.Viewing(), m.Dirty(), m.Project().Billing)
	}
}

// A save while a view shows writes the project as it was, not the view; a
// project changed before presenting is still unsaved, and saving it clears that.
func TestPresentSaveWritesTheProjectNotTheView(t *testing.T) {
	m, path, src := presenting(t, "sales-demo.toml", 100, 30)
	pressSettle(m, "ctrl+p", "2", "a", "ctrl+p") // a real change, then present
	if !m.Dirty() {
		t.Fatal("adding a video did not mark the project unsaved")
	}
	pressSettle(m, "b")
	run(m, press(m, "ctrl+s"))
	if m.Dirty() {
		t.Fatalf("saving did not clear the unsaved mark: %q", m.status)
	}
	got := readBack(t, m, path)
	if got.Billing != pricing.Monthly {
		t.Fatal("the save wrote the billing shown, not the project's")
	}
	orig, _ := pricing.ParseProject(path, src, m.card)
	if len(got.Videos) != len(orig.Videos)+1 {
		t.Fatal("the save lost the change made before presenting")
	}
	if st := m.statusLine(); strings.Contains(st, path) || strings.Contains(st, "customer-file") {
		t.Fatalf("the status names the file: %q", st)
	}
	mustContain(t, m.statusLine(), "not applied")
	// Quitting with only a view shown asks nothing and writes nothing.
	after, _ := os.ReadFile(path)
	if cmd := press(m, "q"); m.prompt != nil || cmd == nil {
		t.Fatalf("q with only a view shown asked: %v", holder(m))
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q with only a view shown did not quit")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, after) {
		t.Fatal("quitting wrote the file")
	}
}

// No path reaches the screen while presenting: not the project's folder, its
// file name or the export's, on any screen, in the status line after a save
// or an export, or in the quit question.
func TestPresentShowsNoPath(t *testing.T) {
	m, path, _ := presenting(t, "sales-demo.toml", 120, 40)
	forbidden := []string{path, filepath.Dir(path), "secret-folder", "customer-file.toml", ".toml", ".md"}
	check := func(what string) {
		t.Helper()
		s := screen(m)
		for _, f := range forbidden {
			if strings.Contains(s, f) {
				t.Fatalf("%s: the screen shows %q:\n%s", what, f, s)
			}
		}
	}
	for _, k := range []string{"2", "3", "4", "5", "1", "?"} {
		pressSettle(m, k)
		check("screen " + k)
	}
	pressSettle(m, "esc", "tab", "a") // the Video screen's Name row would take "2" as typing
	run(m, press(m, "ctrl+s"))
	check("after a save")
	mustContain(t, m.statusLine(), "Saved")
	for _, k := range []string{"3", "4", "5", "2"} {
		pressSettle(m, k)
		run(m, press(m, "e"))
		check("after e on screen " + k)
		mustContain(t, m.statusLine(), "Exported")
	}
	// An export that exists already is asked about without its name.
	pressSettle(m, "3")
	if err := os.WriteFile(exportPath(path, "plans"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(m, press(m, "e"))
	check("the overwrite question")
	pressSettle(m, "n", "A", "q")
	check("the quit question")
	mustContain(t, screen(m), "Unsaved changes to customer-file.")
	if !m.Presenting() {
		t.Fatal("presentation mode ended by itself")
	}
	mustContain(t, screen(m), "presenting")
}

// C hides and shows the cheaper options while presenting: the Video
// screen's list, its rows and c; shown at first.
func TestPresentCheaperOptions(t *testing.T) {
	m, _, _ := presenting(t, "sales-demo.toml", 120, 40)
	pressSettle(m, "1", "down", "down", "down") // a choice row: letters are keys there
	if len(m.currentAlternatives()) == 0 {
		t.Fatal("the example's first video has no cheaper option to hide")
	}
	mustContain(t, screen(m), "Cheaper options")
	rows := m.fieldCount()
	pressSettle(m, "C")
	if strings.Contains(screen(m), "Cheaper options") || strings.Contains(screen(m), "instead of") {
		t.Fatalf("C did not hide the cheaper options:\n%s", screen(m))
	}
	if m.fieldCount() != len(m.video.rows) || m.fieldCount() >= rows {
		t.Fatal("hidden cheaper options can still be moved to")
	}
	pressSettle(m, "c")
	if m.Viewing() {
		t.Fatal("c applied a hidden cheaper option")
	}
	pressSettle(m, "2")
	if strings.Contains(screen(m), "Cheaper options") {
		t.Fatalf("the Month screen still points to the hidden cheaper options:\n%s", screen(m))
	}
	pressSettle(m, "1", "C")
	mustContain(t, screen(m), "Cheaper options")
	if m.Viewing() {
		t.Fatal("C changed the month")
	}
	// Outside presentation mode C changes nothing and says what it is for.
	m2 := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m2, "2", "C")
	if !strings.Contains(m2.status, "while presenting") {
		t.Fatalf("C outside presentation mode: %q", m2.status)
	}
}

// ctrl+p toggles presentation mode and its badge and theme; the project is untouched.
func TestPresentToggle(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	normal := m.View().Content
	pressSettle(m, "ctrl+p")
	if !m.Presenting() {
		t.Fatal("ctrl+p did not start presenting")
	}
	mustContain(t, screen(m), "presenting")
	if m.styles != NewPresentStyles(m.isDark) {
		t.Fatal("presenting does not draw with the projector theme")
	}
	pressSettle(m, "ctrl+p")
	if m.Presenting() || strings.Contains(screen(m), "▶ presenting") || m.styles != NewStyles(m.isDark) {
		t.Fatal("ctrl+p again did not end presenting")
	}
	if m.Dirty() {
		t.Fatal("presenting and back changed the project")
	}
	if a, b := strings.Split(normal, "\n"), strings.Split(m.View().Content, "\n"); strings.Join(a[:len(a)-2], "\n") != strings.Join(b[:len(b)-2], "\n") {
		t.Fatal("presenting and back changed the screen above the status line")
	}
}

// The projector theme: every foreground/background pair it draws (each
// style's colour on the terminal's background, or on its own background
// for the selected row, the active tab and the badge) has WCAG contrast of
// at least 7:1, on light and on dark backgrounds alike, bars and rules
// included; no style is faint or dim. The golden file lists every pair.
func TestPresentThemeContrast(t *testing.T) {
	var report strings.Builder
	for _, bg := range []struct {
		name    string
		isDark  bool
		r, g, b int
	}{
		{"white", false, 0xFF, 0xFF, 0xFF}, {"light grey", false, 0xF2, 0xF2, 0xF2},
		{"dark", true, 0x1E, 0x1E, 0x1E}, {"dark blue", true, 0x1A, 0x1B, 0x26}, {"one dark", true, 0x28, 0x2C, 0x34}, {"black", true, 0, 0, 0},
	} {
		fmt.Fprintf(&report, "%s background #%02X%02X%02X\n", bg.name, bg.r, bg.g, bg.b)
		for _, sty := range presentDrawnStyles(bg.isDark) {
			codes := readSGR(sty.pre)
			fg, back := "default", "default"
			var fgLum, bgLum float64 = -1, luminance(bg.r, bg.g, bg.b)
			if c := codes.fg; c != nil {
				fg, fgLum = fmt.Sprintf("#%02X%02X%02X", c[0], c[1], c[2]), luminance(c[0], c[1], c[2])
			}
			if c := codes.bg; c != nil {
				back, bgLum = fmt.Sprintf("#%02X%02X%02X", c[0], c[1], c[2]), luminance(c[0], c[1], c[2])
			}
			if fgLum < 0 {
				t.Errorf("%s on %s: the terminal's own text colour, which the theme cannot vouch for", sty.name, bg.name)
				continue
			}
			if codes.faint || codes.reverse {
				t.Errorf("%s is faint or reversed", sty.name)
			}
			c := contrast(fgLum, bgLum)
			fmt.Fprintf(&report, "  %-26s fg %-8s bg %-8s %5.2f:1\n", sty.name, fg, back, c)
			if c < 7 {
				t.Errorf("%s on %s: contrast %.2f:1, below 7:1", sty.name, bg.name, c)
			}
		}
	}
	golden.RequireEqual(t, report.String())
}

// sgrCodes is what a style's SGR sequences set: 24-bit colours, faint, reverse.
type sgrCodes struct {
	fg, bg         []int
	faint, reverse bool
}

// sgrSeq finds each SGR sequence's parameters.
var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// readSGR reads every parameter of a style's SGR sequences, colours with
// their sub-parameters (38;2;R;G;B, 38;5;N), so a colour's 2 is never
// taken for faint and a background set in the same sequence is found.
func readSGR(pre string) sgrCodes {
	var out sgrCodes
	for _, seq := range sgrSeq.FindAllStringSubmatch(pre, -1) {
		var ps []int
		for _, f := range strings.Split(seq[1], ";") {
			n, _ := strconv.Atoi(f)
			ps = append(ps, n)
		}
		for i := 0; i < len(ps); i++ {
			switch p := ps[i]; {
			case (p == 38 || p == 48) && i+1 < len(ps) && ps[i+1] == 2 && i+4 < len(ps):
				c := []int{ps[i+2], ps[i+3], ps[i+4]}
				if p == 38 {
					out.fg = c
				} else {
					out.bg = c
				}
				i += 4
			case (p == 38 || p == 48) && i+1 < len(ps) && ps[i+1] == 5:
				i += 2
			case p == 2:
				out.faint = true
			case p == 7:
				out.reverse = true
			}
		}
	}
	return out
}

// presentDrawnStyles is every style presentation mode draws with: its
// Styles and those it gives the key help and the text input.
func presentDrawnStyles(isDark bool) []namedStyle {
	var out []namedStyle
	st := reflect.ValueOf(NewPresentStyles(isDark))
	for i := 0; i < st.NumField(); i++ {
		out = append(out, namedStyle{st.Type().Field(i).Name, st.Field(i).Interface().(Style).pre})
	}
	lip := func(prefix string, v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			if ls, ok := v.Field(i).Interface().(lipgloss.Style); ok {
				out = append(out, namedStyle{prefix + v.Type().Field(i).Name, paint(ls).pre})
			}
		}
	}
	lip("help.", reflect.ValueOf(presentHelpStyles(isDark)))
	in := presentInputStyles(isDark)
	lip("input.Focused.", reflect.ValueOf(in.Focused))
	lip("input.Blurred.", reflect.ValueOf(in.Blurred))
	return out
}

// Presenting, the planner draws the key help and the input with the
// projector theme's styles, which the contrast test reads, on both backgrounds.
func TestPresentUsesTheCheckedStyles(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m, "ctrl+p")
	for _, msg := range []tea.Msg{tea.BackgroundColorMsg{Color: color.Black}, lightBackground} {
		m.Update(msg)
		if m.styles != NewPresentStyles(m.isDark) || !reflect.DeepEqual(m.help.Styles, presentHelpStyles(m.isDark)) ||
			!reflect.DeepEqual(m.input.Styles(), presentInputStyles(m.isDark)) {
			t.Errorf("dark %v: presenting draws with styles the contrast test does not check", m.isDark)
		}
	}
}

// TestPresentScreens pins presentation mode as the customer sees it, on
// every screen at 80x24 and 120x40: the badge, the month's name in place of
// its file, and the projector theme's colours (TestPresentScreensInColour).
func TestPresentScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range []struct {
			name string
			keys []string
		}{
			{"video", []string{"1", "down", "down", "down"}},
			{"month", []string{"2"}},
			{"plans", []string{"3"}},
			{"year", []string{"4"}},
			{"plans_annual_view", []string{"3", "right", "down"}},
			{"video_cheaper_hidden", []string{"1", "down", "down", "down", "C"}},
			{"scenarios", []string{"5"}},
		} {
			t.Run(sc.name+"_"+itoa(int64(sz[0]))+"x"+itoa(int64(sz[1])), func(t *testing.T) {
				m, _, _ := presenting(t, "sales-demo.toml", sz[0], sz[1])
				pressSettle(m, sc.keys...)
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// TestPresentScreensInColour pins presentation mode's colours on both
// backgrounds, so a change to the projector theme shows as a golden change.
func TestPresentScreensInColour(t *testing.T) {
	for _, bg := range []struct {
		name string
		msg  tea.Msg
	}{{"dark", tea.BackgroundColorMsg{Color: color.Black}}, {"light", lightBackground}} {
		for _, sc := range []struct {
			name string
			keys []string
		}{{"month", []string{"2"}}, {"plans", []string{"3"}}} {
			t.Run(sc.name+"_"+bg.name, func(t *testing.T) {
				m, _, _ := presenting(t, "sales-demo.toml", 80, 24)
				m.Update(bg.msg)
				pressSettle(m, sc.keys...)
				golden.RequireEqual(t, m.View().Content)
			})
		}
	}
}

// TestPresentKeyStorm throws thousands of random keys and sizes at a month
// being presented, every key but A (apply) and ctrl+p (leave) among them:
// the project is never marked unsaved, whatever was shown, and leaving
// presentation mode gives back the project exactly as it was opened.
func TestPresentKeyStorm(t *testing.T) {
	keys := []string{
		"up", "down", "left", "right", "enter", "esc", "tab", "shift+tab", "backspace", "delete",
		"pgup", "pgdown", "home", "end", "shift+up", "shift+down", "ctrl+z", "ctrl+y",
		"1", "2", "3", "4", "0", "9", "a", "d", "x", "u", "p", "P", "b", "B", "c", "C", "?", "[", "]",
		"J", "K", "j", "k", "n", "y", "s", "S", "w", "r", "f", "h", "l", "m", ",", " ",
		"alt+l", "alt+a", "ctrl+u", "ctrl+w",
	}
	card := loadCard(t)
	for seed := uint64(1); seed <= 2; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		orig := fullMonth(card)
		m := New(Options{Card: card, Project: orig.Clone(), Present: true})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		for i := 0; i < 1500; i++ {
			if r.IntN(40) == 0 {
				m.Update(tea.WindowSizeMsg{Width: 40 + r.IntN(160), Height: 10 + r.IntN(50)})
				continue
			}
			_, cmd := m.Update(keyMsg(keys[r.IntN(len(keys))]))
			settleSoon(m, cmd) // pricing only: saves, exports and quits are never started
			if m.Dirty() {
				t.Fatalf("seed %d, key %d: the project is marked unsaved while only shown", seed, i)
			}
		}
		requirePriced(t, m)
		closeAll(m)
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		pressSettle(m, "ctrl+p")
		if m.Presenting() || m.Viewing() || m.Dirty() {
			t.Fatalf("seed %d: after ctrl+p presenting %v, viewing %v, dirty %v", seed, m.Presenting(), m.Viewing(), m.Dirty())
		}
		got := m.Project().Clone()
		for i := range got.Videos {
			got.Videos[i].ID = 0
		}
		if !reflect.DeepEqual(got, orig) {
			t.Fatalf("seed %d: leaving presentation mode did not give the project back as it was:\n%+v\nwant\n%+v", seed, got, orig)
		}
		requirePriced(t, m)
	}
}

// settleSoon is settle for a storm: a command that does not answer within
// a moment (the text input's cursor blink waits half a second) is dropped,
// as a stale answer would be.
func settleSoon(m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(20 * time.Millisecond):
			continue
		}
		switch msg := msg.(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case fitDoneMsg, rightSizedMsg, yearDoneMsg:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// The header shows who the month is for and on what terms: the customer,
// the custom-pricing badge with its file, the prepared and valid dates; when
// narrow, the card gives way first and the customer and badge stay. While
// presenting, the badge names no file.
func TestHeaderShowsCustomerPricingAndStamp(t *testing.T) {
	card := loadCard(t)
	src, err := os.ReadFile(filepath.Join("..", "examples", "sales-demo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sales-demo.toml")
	p, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	m := New(salesOptions(t, card, p, path, src, false))
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 30})
	head := strings.Split(screen(m), "\n")[0]
	for _, want := range []string{"Dana Reyes, Acme Corp", "custom pricing: acme-pricing.toml", "prepared 2026-12-03, valid until 2027-01-02", "sales-demo.toml", "HeyGen"} {
		if !strings.Contains(head, want) {
			t.Errorf("the header at 160 columns lacks %q:\n%s", want, head)
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	head = strings.Split(screen(m), "\n")[0]
	for _, want := range []string{"Dana Reyes, Acme Corp", "custom pricing", "sales-demo.toml"} {
		if !strings.Contains(head, want) {
			t.Errorf("the header at 80 columns lacks %q:\n%s", want, head)
		}
	}
	pressSettle(m, "ctrl+p")
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	head = strings.Split(screen(m), "\n")[0]
	if !strings.Contains(head, "custom pricing") || strings.Contains(head, ".toml") || !strings.Contains(head, "Dana Reyes, Acme Corp") {
		t.Errorf("presenting, the header shows a file or lacks the customer and badge:\n%s", head)
	}
	// An expired quote is a warning: in the header, in the warning colour, and
	// on the status line when the month opens (never while presenting).
	p2, _ := pricing.ParseProject(path, src, card)
	p2.Customer.ValidDays, p2.Customer.ValidUntil = 0, pricing.Date{Year: 2026, Month: 11, Day: 30}
	m2 := New(salesOptions(t, card, p2, path, src, false))
	m2.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	head = strings.Split(m2.View().Content, "\n")[0]
	if !strings.Contains(head, m2.styles.Bad.Render("expired 2026-11-30")) {
		t.Errorf("an expired quote is not a warning in the header:\n%q", head)
	}
	if !m2.statusErr || !strings.Contains(m2.status, "expired") {
		t.Errorf("the status line does not warn of the expired quote: %q", m2.status)
	}
	m3 := New(salesOptions(t, card, p2, path, src, true))
	m3.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if strings.Contains(m3.statusLine(), "valid_until") {
		t.Errorf("presenting, the status line shows an internal warning: %q", m3.statusLine())
	}
}

// The customer's notes are internal: the Month screen shows them in normal
// mode, and no screen, help or size shows them while presenting.
func TestNotesNeverShownWhilePresenting(t *testing.T) {
	const note = "Renewal in March"
	m, _, _ := presenting(t, "sales-demo.toml", 120, 40)
	if !strings.Contains(m.Project().Customer.Notes, note) {
		t.Fatalf("the example's notes changed: %q", m.Project().Customer.Notes)
	}
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, k := range []string{"2", "3", "4", "5", "1", "?", "esc", "tab", "f", "esc"} {
			pressSettle(m, k)
			if strings.Contains(screen(m), note) || strings.Contains(screen(m), "Notes") {
				t.Fatalf("%dx%d after %q: the notes show while presenting:\n%s", sz[0], sz[1], k, screen(m))
			}
		}
	}
	pressSettle(m, "ctrl+p", "2")
	mustContain(t, screen(m), "Notes (internal) Renewal in March")
	pressSettle(m, "ctrl+p")
	if strings.Contains(screen(m), note) {
		t.Fatal("the notes stayed on screen once presenting began again")
	}
}

// The Plans screen lists the negotiated prices, list → the customer's: with
// the overlay's file normally, without it while presenting.
func TestPlansListCustomPricing(t *testing.T) {
	m, _, _ := presenting(t, "sales-demo.toml", 200, 60)
	pressSettle(m, "3")
	s := screen(m)
	mustContain(t, s, "Your pricing")
	mustContain(t, s, "$99.00 → $84.15")
	if strings.Contains(s, "acme-pricing") {
		t.Fatalf("presenting, the Plans screen names the overlay's file:\n%s", s)
	}
	pressSettle(m, "ctrl+p")
	s = screen(m)
	mustContain(t, s, "Custom pricing: acme-pricing.toml")
	mustContain(t, s, "$99.00 → $84.15")
}

// The stamp shows in full at the top of the screen at 80 and 120 columns,
// normal and presenting, light and dark, with the customer and the badge on
// the header line: on the header when it has the room, else at the right
// end of the rule under the tabs. The tab line still says the shortfall.
func TestStampFitsTheHeaderAt80Columns(t *testing.T) {
	card := loadCard(t)
	src, err := os.ReadFile(filepath.Join("..", "examples", "sales-demo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sales-demo.toml")
	p, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	const stamp = "prepared 2026-12-03, valid until 2027-01-02"
	for _, present := range []bool{false, true} {
		for _, bg := range []tea.BackgroundColorMsg{{Color: color.Black}, lightBackground} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				m := New(salesOptions(t, card, p.Clone(), path, src, present))
				m.Update(bg)
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				lines := strings.Split(screen(m), "\n")
				top := strings.Join(lines[:3], "\n")
				say := fmt.Sprintf("%dx%d presenting %v light %v", size[0], size[1], present, bg == lightBackground)
				if !strings.Contains(lines[0], "Dana Reyes, Acme Corp") || !strings.Contains(lines[0], "custom pricing") {
					t.Errorf("%s: the header lacks the customer or the badge:\n%s", say, top)
				}
				if strings.Count(top, stamp) != 1 {
					t.Errorf("%s: the stamp is not shown once in full:\n%s", say, top)
				}
				if !strings.Contains(lines[1], "84 short") {
					t.Errorf("%s: the tab line lacks the shortfall:\n%s", say, top)
				}
				// The customer's pricing file is named at the top of the screen,
				// on the rule when the header has no room; never while presenting.
				if named := strings.Count(top, "acme-pricing.toml"); present && named != 0 || !present && named != 1 {
					t.Errorf("%s: the pricing file is named %d times:\n%s", say, named, top)
				}
				for i, l := range lines[:3] {
					if w := width(l); w > size[0] {
						t.Errorf("%s: line %d is %d wide", say, i+1, w)
					}
				}
			}
		}
	}
}
