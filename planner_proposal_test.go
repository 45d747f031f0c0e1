package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creditplan/pricing"
	"creditplan/ui"
)

// e on the Plans, Year and Scenarios screens writes the proposal through the
// planner's Options.Proposal: the month's file as `creditplan proposal
// --format md` writes it, inputs embedded, so verify says "matches".
func TestPlannerProposalVerifies(t *testing.T) {
	saved := version
	version = testVersion
	defer func() { version = saved }()
	var got ui.Options
	var out, errb bytes.Buffer
	a := &app{stdout: &out, stderr: &errb, interactive: func() bool { return true },
		runPlanner: func(o ui.Options) error { got = o; return nil },
		getenv: func(k string) string {
			if k == "CREDITPLAN_TODAY" {
				return testToday
			}
			return ""
		}}
	if code := a.run([]string{"examples/sales-demo.toml"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got.Proposal == nil {
		t.Fatal("the planner gets no Proposal: e cannot write one")
	}
	doc, err := got.Proposal(got.Path, got.Source)
	if err != nil {
		t.Fatal(err)
	}
	// The same document the proposal command writes for the same file.
	want, errs, code := runProposalApp(t, "proposal", "--format", "md", "examples/sales-demo.toml")
	if code != 0 {
		t.Fatalf("proposal: exit %d: %s", code, errs)
	}
	if string(doc) != want {
		t.Fatalf("the planner's proposal is not the proposal command's:\n%s\nwant:\n%s", doc, want)
	}
	in, err := pricing.ParseProposalInputs(doc)
	if err != nil || in.Format != "md" {
		t.Fatalf("its inputs: %+v, %v", in, err)
	}
	path := filepath.Join(t.TempDir(), "sales-demo.proposal.md")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	vout, verrs, code := runProposalApp(t, "verify", path)
	if code != 0 || !strings.Contains(vout, ": matches:") {
		t.Fatalf("verify: exit %d: %s%s", code, vout, verrs)
	}
}

// --as-of reaches the planner as a card whose rates' day is not today's, so
// its header notes it (ui's AsOfNote); without it there is no note.
func TestPlannerRatesDayNote(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{{[]string{"--as-of", "2026-03-01", "examples/sales-demo.toml"}, "rates as of 2026-03-01"}, {[]string{"examples/sales-demo.toml"}, ""}} {
		var got ui.Options
		var errb bytes.Buffer
		a := &app{stdout: &bytes.Buffer{}, stderr: &errb, interactive: func() bool { return true },
			runPlanner: func(o ui.Options) error { got = o; return nil },
			getenv: func(k string) string {
				if k == "CREDITPLAN_TODAY" {
					return testToday
				}
				return ""
			}}
		if code := a.run(c.args); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errb.String())
		}
		if note := got.Card.AsOfNote(got.Today); note != c.want {
			t.Errorf("%v: the planner's card notes %q, want %q", c.args, note, c.want)
		}
	}
}
