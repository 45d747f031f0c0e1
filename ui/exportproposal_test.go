package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"creditplan/pricing"
)

// With Options.Proposal, e on the Plans, Year and Scenarios screens writes
// the proposal the hook renders from the month as its file would hold it
// (changes not saved yet included) to <base>.proposal.md; Month keeps the
// quote; a proposal that cannot be made is an error, and no file.
func TestExportProposal(t *testing.T) {
	m, path, _ := openFile(t, "sales-demo.toml")
	dir := filepath.Dir(path)
	card := m.card
	var calls int
	var gotPath string
	var gotSrc []byte
	m.proposal = func(p string, src []byte) ([]byte, error) {
		calls++
		gotPath, gotSrc = p, src
		return []byte("proposal " + strconv.Itoa(calls) + "\n"), nil
	}
	out := filepath.Join(dir, "month.proposal.md")
	for i, keys := range [][]string{{"3"}, {"4", "b"}, {"5"}} {
		pressSettle(m, keys...)
		run(m, press(m, "e"))
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("%v: %v (status %q)", keys, err, m.status)
		}
		if want := "proposal " + strconv.Itoa(i+1) + "\n"; string(got) != want || calls != i+1 {
			t.Fatalf("%v: month.proposal.md holds %q after %d calls, want %q", keys, got, calls, want)
		}
		if gotPath != path || !strings.Contains(m.status, "the proposal") || !strings.Contains(m.status, "month.proposal.md") {
			t.Fatalf("%v: hook got path %q; status %q", keys, gotPath, m.status)
		}
		// The bytes are the month as shown: after b on the Year screen, its billing.
		p, err := pricing.ParseProject(path, gotSrc, card)
		if err != nil {
			t.Fatalf("%v: the hook got a file that does not read back: %v", keys, err)
		}
		if p.Billing != m.project.Billing || p.Plan != m.project.Plan || len(p.Videos) != len(m.project.Videos) {
			t.Fatalf("%v: the hook got a month that is not the one shown: %+v", keys, p)
		}
	}
	// The Month screen keeps exporting the quote.
	pressSettle(m, "2")
	run(m, press(m, "e"))
	if calls != 3 {
		t.Fatalf("e on the Month screen made a proposal")
	}
	if _, err := os.Stat(filepath.Join(dir, "month.quote.md")); err != nil {
		t.Fatalf("e on the Month screen wrote no quote: %v", err)
	}
	// A proposal that cannot be made says why, and leaves the last one.
	m.proposal = func(string, []byte) ([]byte, error) { return nil, errors.New("rate card: no such file") }
	pressSettle(m, "3")
	run(m, press(m, "e"))
	if !m.statusErr || !strings.Contains(m.status, "rate card: no such file") {
		t.Fatalf("a failed proposal's status: %q", m.status)
	}
	if got, _ := os.ReadFile(out); string(got) != "proposal 3\n" {
		t.Fatalf("a failed proposal changed the file: %q", got)
	}
}

// The full help names what e writes: the proposal where it does.
func TestExportHelpNamesTheProposal(t *testing.T) {
	for _, c := range []struct {
		s        Screen
		proposal bool
		want     string
	}{{ScreenPlans, true, "export proposal"}, {ScreenYear, true, "export proposal"}, {ScreenScenarios, true, "export proposal"},
		{ScreenMonth, true, "export quote"}, {ScreenPlans, false, "export plans"}} {
		if got := exportHelp(c.s, c.proposal); got != c.want {
			t.Errorf("exportHelp(%v, %v) = %q, want %q", c.s, c.proposal, got, c.want)
		}
	}
}
