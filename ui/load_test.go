package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// loadingModel is a planner opening src in the background at w x h, before
// any of the load has run.
func loadingModel(tb testing.TB, src []byte, w, h int) (*Model, tea.Cmd) {
	tb.Helper()
	read := func() ([]byte, time.Time, error) { return src, time.Time{}, nil }
	m := New(Options{Card: loadCard(tb), Path: "dir/big-month.toml", Read: read})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, m.loadCmd
}

// runLoad runs the load command and every step after it, as the program would.
func runLoad(m *Model, cmd tea.Cmd) tea.Cmd {
	for cmd != nil {
		_, cmd = m.Update(cmd())
		if !m.loading() {
			return cmd
		}
	}
	return nil
}

// The first frame of a big month is the header, the file's name and a bar of
// the videos read, before any of it is decoded; the month shows priced, as
// pricing prices it, once the load lands.
func TestABigMonthOpensWithAProgressBarThenPriced(t *testing.T) {
	card := loadCard(t)
	src := pricing.EncodeProject(bigMonth(card, 3000), card)
	m, cmd := loadingModel(t, src, 80, 24)
	s := screen(m)
	for _, want := range []string{"creditplan", "big-month.toml", "Opening big-month.toml", "0%", "? help", "q quit"} {
		mustContain(t, s, want)
	}
	if m.Quote() != nil {
		t.Fatal("a quote before the month is read")
	}
	first := cmd()
	step, ok := first.(loadStep)
	if !ok || step.videos != 3000 {
		t.Fatalf("first message %T %+v; want the count of 3,000 videos", first, first)
	}
	m.Update(step)
	mustContain(t, screen(m), "Reading 3,000 videos from big-month.toml")
	runLoad(m, nextLoadMsg(step.next))
	if m.loading() {
		t.Fatal("still loading after the last step")
	}
	requirePriced(t, m)
	if m.screen != ScreenMonth || m.Dirty() || len(m.project.Videos) != 3000 {
		t.Fatalf("screen %v dirty %v videos %d", m.screen, m.Dirty(), len(m.project.Videos))
	}
	mustContain(t, screen(m), "Video 3")
}

// While the month is read, q quits at once (nothing has changed), ? opens the
// help and closes it, and any other key only says what is happening.
func TestKeysWhileLoading(t *testing.T) {
	card := loadCard(t)
	src := pricing.EncodeProject(bigMonth(card, 10), card)
	for _, quit := range []string{"q", "ctrl+c"} {
		m, _ := loadingModel(t, src, 80, 24)
		if cmd := press(m, quit); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s while loading does not quit", quit)
		}
	}
	m, cmd := loadingModel(t, src, 80, 24)
	press(m, "x", "a", "2", "p")
	if m.Dirty() || m.screen != ScreenMonth || !m.loading() {
		t.Fatalf("a key changed the month while loading: dirty %v screen %v", m.Dirty(), m.screen)
	}
	mustContain(t, screen(m), "The keys work once it is open")
	press(m, "?")
	if !m.help.ShowAll {
		t.Fatal("? does not open the help while loading")
	}
	mustContain(t, screen(m), "?/esc close · q quit")
	if c := press(m, "q"); c == nil || c() != tea.Quit() {
		t.Fatal("q does not quit from the help while loading")
	}
	runLoad(m, cmd)
	press(m, "esc")
	if m.help.ShowAll || m.loading() {
		t.Fatal("esc does not close the help once loaded")
	}
	requirePriced(t, m)
}

// A month that does not read ends the planner with the error, which Run
// returns to the command line, as a month read before starting would.
func TestALoadThatFailsEndsThePlanner(t *testing.T) {
	for _, c := range []struct {
		name string
		read func() ([]byte, time.Time, error)
		want string
	}{
		{"unreadable", func() ([]byte, time.Time, error) { return nil, time.Time{}, errors.New("project: permission denied") }, "permission denied"},
		{"invalid", func() ([]byte, time.Time, error) { return []byte("plan = \"nope\"\n"), time.Time{}, nil }, "unknown plan"},
	} {
		m := New(Options{Card: loadCard(t), Path: "bad.toml", Read: c.read})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		msg := m.loadCmd()
		for {
			if step, ok := msg.(loadStep); ok {
				m.Update(step)
				msg = nextLoadMsg(step.next)()
				continue
			}
			break
		}
		_, cmd := m.Update(msg)
		if cmd == nil || cmd() != tea.Quit() || m.loadErr == nil || !strings.Contains(m.loadErr.Error(), c.want) {
			t.Errorf("%s: quit %v, error %v", c.name, cmd != nil, m.loadErr)
		}
	}
}

// --plan opens a loaded month on another plan.
func TestALoadedMonthOpensOnThePlanAsked(t *testing.T) {
	card := loadCard(t)
	src := pricing.EncodeProject(bigMonth(card, 5), card)
	read := func() ([]byte, time.Time, error) { return src, time.Time{}, nil }
	m := New(Options{Card: card, Path: "m.toml", Read: read, Plan: "pro"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	runLoad(m, m.loadCmd)
	if m.project.Plan != "pro" || requirePriced(t, m).Plan.ID != "pro" {
		t.Fatalf("plan %q", m.project.Plan)
	}
}
