package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/ui"
)

// openPlanner starts the planner on opts at 120x40 and runs its commands
// (the background load's included) until the month is priced.
func openPlanner(t *testing.T, opts ui.Options) *ui.Model {
	t.Helper()
	m := ui.New(opts)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	queue := []tea.Cmd{m.Init()}
	for steps := 0; len(queue) > 0 && m.Quote() == nil; steps++ {
		if steps > 100 {
			t.Fatal("the month never opened")
		}
		cmd := queue[0]
		queue = queue[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

// A project of 100 KiB or more is read in the background, and still honours
// its own pricing = "FILE" and [customer] exactly as the same month read
// before the planner starts: the same badge, customer, stamp, warnings and
// prices.
func TestABigMonthHonoursItsPricingAndCustomer(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("examples/sales-demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	overlay, err := os.ReadFile("examples/acme-pricing.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "acme-pricing.toml"), overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.toml")
	big := filepath.Join(dir, "large.toml")
	pad := strings.Repeat("# "+strings.Repeat("padding ", 12)+"\n", (backgroundLoadBytes/100)+10)
	if err := os.WriteFile(small, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, append(append([]byte{}, src...), pad...), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(big); st.Size() < backgroundLoadBytes {
		t.Fatalf("the big project is only %d bytes", st.Size())
	}

	so, code, stderr := plannerOptions(t, nil, small)
	if code != 0 {
		t.Fatalf("small: exit %d: %s", code, stderr)
	}
	bo, code, stderr := plannerOptions(t, nil, big)
	if code != 0 {
		t.Fatalf("big: exit %d: %s", code, stderr)
	}
	if so.Read != nil || bo.Read == nil || bo.Prepare == nil {
		t.Fatalf("small read in the background %v; big %v with prepare %v", so.Read != nil, bo.Read != nil, bo.Prepare != nil)
	}
	sm, bm := openPlanner(t, so), openPlanner(t, bo)
	sq, bq := sm.Quote(), bm.Quote()
	if sq == nil || bq == nil {
		t.Fatalf("quotes: small %v, big %v", sq != nil, bq != nil)
	}
	if sq.Cost != bq.Cost || sq.Plan.ID != bq.Plan.ID || sq.Premium != bq.Premium {
		t.Errorf("the big month is priced %v on %s (%v credits); the small %v on %s (%v)",
			bq.Cost, bq.Plan.ID, bq.Premium, sq.Cost, sq.Plan.ID, sq.Premium)
	}
	header := func(m *ui.Model) string {
		lines := strings.SplitN(ansi.Strip(m.View().Content), "\n", 4)
		return strings.ReplaceAll(strings.Join(lines[:3], "\n"), "large.toml", "small.toml")
	}
	sh, bh := header(sm), header(bm)
	for _, want := range []string{"Dana Reyes", "custom pricing: acme-pricing.toml", "prepared 2026-12-03, valid until 2027-01-02"} {
		if !strings.Contains(sh, want) {
			t.Errorf("the small month's header lacks %q: %q", want, sh)
		}
	}
	if sh != bh {
		t.Errorf("headers differ:\nsmall %q\nbig   %q", sh, bh)
	}
}
