package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// vendorCards are the default card and two vendors' example cards.
func vendorCards(tb testing.TB) []*pricing.RateCard {
	tb.Helper()
	cards := []*pricing.RateCard{loadCard(tb)}
	for _, f := range []string{"heygen-2026-credits.toml", "fluxnote-flat.toml"} {
		src, err := os.ReadFile(filepath.Join("..", "examples", f))
		if err != nil {
			tb.Fatal(err)
		}
		c, err := pricing.ParseRateCard(f, src)
		if err != nil {
			tb.Fatal(err)
		}
		cards = append(cards, c)
	}
	return cards
}

// vendorModel opens examples/creator-month.toml on the first of the cards,
// with all of them for the vendor switch.
func vendorModel(tb testing.TB, w, h int) *Model {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("..", "examples", "creator-month.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	return vendorModelOf(tb, src, w, h)
}

// plainMonth is a month every example card can make: one video on each
// card's defaults (two, so it opens on the Month screen).
const plainMonth = `plan = "creator"

[[videos]]
name = "Welcome"
length = "1m"

[[videos]]
name = "Thanks"
length = "30s"
`

// vendorModelOf opens the project src on the first of the cards.
func vendorModelOf(tb testing.TB, src []byte, w, h int) *Model {
	tb.Helper()
	cards := vendorCards(tb)
	p, err := pricing.ParseProject("creator-month.toml", src, cards[0])
	if err != nil {
		tb.Fatal(err)
	}
	m := New(Options{Card: cards[0], Cards: cards, Project: p, Path: filepath.Join(tb.TempDir(), "creator-month.toml"), Source: src})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// v on the Plans screen shows every vendor's card side by side, priced in a
// command: each vendor's cheapest plan or what blocks it, the verdict, and
// that credits are not compared; v again shows the plans.
func TestVendorsSideBySide(t *testing.T) {
	m := vendorModel(t, 120, 40)
	pressSettle(m, "3")
	cmd := press(m, "v")
	if cmd == nil {
		t.Fatal("v started no command: the comparison must not run in Update")
	}
	if m.vend.fresh {
		t.Fatal("the vendors were compared in Update")
	}
	settle(m, cmd)
	s := screen(m)
	for _, want := range []string{"Vendors side by side", "Credits are not comparable across vendors", "Cheapest vendor for this month"} {
		mustContain(t, s, want)
	}
	vc := m.vend.cmp
	if vc == nil || len(vc.Vendors) != 3 {
		t.Fatalf("comparison %+v", vc)
	}
	for i := range vc.Vendors {
		r := &vc.Vendors[i]
		if !strings.Contains(s, r.Card.Name) && !strings.Contains(s, "  "+r.Name()+" ") {
			t.Errorf("the screen names neither %q nor %q", r.Card.Name, r.Name())
		}
		if r.Best == nil {
			for _, why := range gapReasons(r.Gaps) {
				if len(r.Gaps) > 0 {
					mustContain(t, s, ": "+why)
				}
			}
		}
	}
	pressSettle(m, "v")
	if strings.Contains(screen(m), "Vendors side by side") {
		t.Fatal("v does not show the plans again")
	}
}

// A vendor that cannot make the month is said with its gaps, and the
// planner stays on its card.
func TestVendorSwitchRefusesAGap(t *testing.T) {
	m := vendorModel(t, 120, 40)
	from := m.card
	pressSettle(m, "V")
	if m.card != from || !m.statusErr || !strings.Contains(m.status, "cannot make this month: HeyGen's rate card prices no translation, so no lip-sync translation") {
		t.Fatalf("card %s, status %q", m.card.Name, m.status)
	}
	if m.Dirty() {
		t.Fatal("a refused switch marks the month unsaved")
	}
	// The next V goes on past the vendor that could not make it.
	pressSettle(m, "V")
	if m.card != from || !strings.Contains(m.status, "FluxNote cannot make this month") {
		t.Fatalf("the second V: card %s, status %q", m.card.Name, m.status)
	}
}

// V carries the month to the next vendor's card and prices it there, in a
// command; the header names the card; V again goes on round to the first.
func TestVendorSwitch(t *testing.T) {
	m := vendorModelOf(t, []byte(plainMonth), 120, 40)
	cards := m.vend.cards
	before := m.quote
	switched := 0
	for i := 1; i <= len(cards); i++ {
		from, want := m.card, cards[i%len(cards)]
		_, cmd := m.Update(keyMsg("V"))
		if m.card != from {
			t.Fatalf("V switched the card in Update: %s, was %s", m.card.Name, from.Name)
		}
		settle(m, cmd)
		if m.card != want {
			// A vendor that cannot make the month is said, and the planner stays.
			if !m.statusErr || !strings.Contains(m.status, "cannot make this month") {
				t.Fatalf("V to %s: card %s, status %q", want.Name, m.card.Name, m.status)
			}
			t.Fatalf("V to %s: %s", want.Name, m.status)
		}
		switched++
		if m.quote == nil {
			t.Fatalf("on %s: no quote (%s)", want.Name, m.status)
		}
		head := strings.Split(screen(m), "\n")[0]
		if !strings.Contains(head, want.Name) {
			t.Errorf("the header does not name %s: %q", want.Name, head)
		}
	}
	if switched < len(cards) {
		t.Fatalf("V switched %d times of %d", switched, len(cards))
	}
	if m.card != cards[0] || m.quote == nil || m.quote.Premium != before.Premium {
		t.Errorf("round the vendors and back: card %s, quote %v (was premium %v)", m.card.Name, m.quote != nil, before.Premium)
	}
}

// With one card, V and v do nothing and the help lists neither.
func TestOneCardHasNoVendorKeys(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 120, 40)
	pressSettle(m, "3", "v", "V")
	if m.vend.on || strings.Contains(screen(m), "Vendors side by side") {
		t.Fatal("the vendors show with one card")
	}
	pressSettle(m, "?")
	if strings.Contains(screen(m), "next vendor") {
		t.Fatal("the help lists V with one card")
	}
}

// The vendors side by side at 80x24 and wide.
func TestVendorScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m := vendorModel(t, size[0], size[1])
		pressSettle(m, "3", "v")
		t.Run(itoa(int64(size[0]))+"x"+itoa(int64(size[1])), func(t *testing.T) {
			golden.RequireEqual(t, screen(m))
		})
	}
}

// e exports what the screen shows: with the vendors side by side, the
// vendors comparison, as compare writes it.
func TestExportVendors(t *testing.T) {
	m := vendorModel(t, 120, 40)
	pressSettle(m, "3", "v")
	kind, what, data, err := m.exportContent()
	if err != nil || kind != "vendors" || what != "the vendors comparison" {
		t.Fatalf("export: %q %q %v", kind, what, err)
	}
	for _, want := range []string{pricing.CreditsNotComparable, m.vend.cmp.Verdict(), "HeyGen's rate card prices no translation, so no lip-sync translation"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the export lacks %q:\n%s", want, data)
		}
	}
	pressSettle(m, "v")
	if kind, _, _, err := m.exportContent(); err != nil || kind != "plans" {
		t.Fatalf("with the plans shown again e exports %q (%v)", kind, err)
	}
}

// At 80 columns the header still names the vendor the month is priced on.
func TestHeaderNamesTheVendorAt80Columns(t *testing.T) {
	m := vendorModelOf(t, []byte(plainMonth), 80, 24)
	pressSettle(m, "V")
	head := strings.Split(screen(m), "\n")[0]
	if !strings.Contains(head, vendorName(m.card)) || m.card == m.vend.cards[0] {
		t.Fatalf("after V the header at 80 columns: %q (card %s)", head, m.card.Name)
	}
}

// A month paying a one-time charge says, beside the vendors' months (which
// leave it out), what is paid once and that the verdict counts it.
func TestVendorsSayWhatIsPaidOnce(t *testing.T) {
	m := vendorModelOf(t, []byte(plainMonth+"\n[[one_time]]\nid = \"studio-avatar\"\n"), 120, 40)
	pressSettle(m, "3")
	settle(m, press(m, "v"))
	s := screen(m)
	mustContain(t, s, "One-time: $1,500.00 ≈ (Custom Studio Avatar setup), apart from the month's cost")
	mustContain(t, s, "$24.00 a month plus $1,500.00")
	mustContain(t, s, "≈ once, $1,524.00 ≈ this month.")
	mustContain(t, s, "the verdict counts it")
}
