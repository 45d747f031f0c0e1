package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rogpeppe/go-internal/testscript"
)

// The command line's promises: one script per command (and one for help,
// usage errors and problems) in testdata/cli/*.txtar, each running the real
// binary (built by TestMain) as a user would. They use the hostile suite's
// commands (creditplan, exits N, ...; see hostile_test.go) and:
//
//	valid json|csv            the last creditplan's standard output parses
//	                          as one JSON document, or as CSV with every row
//	                          as wide as the header.
//	fits N                    no line of the last creditplan's standard
//	                          output is wider than N terminal cells.
//
// The interrupt (exit 130) needs a terminal and a person at ctrl+c; the
// planner's error mapping is proven in-process by TestPlannerErrorsMapToExitCodes.
func TestCLIPromises(t *testing.T) {
	cmds := maps.Clone(hostileCommands)
	cmds["valid"] = validOutput
	testscript.Run(t, testscript.Params{
		Dir:                filepath.Join("testdata", "cli"),
		RequireUniqueNames: true,
		Cmds:               cmds,
		Setup:              setToday,
	})
}

// testTodayEnv and testToday fix the day every output is prepared on, so
// the stamps ("prepared 2026-12-03, valid until 2027-01-02") are the same on
// every run.
const (
	testTodayEnv = "CREDITPLAN_TODAY"
	testToday    = "2026-12-03"
)

// setToday is the scripts' Setup: the day is fixed there as in TestMain.
func setToday(env *testscript.Env) error {
	env.Setenv(testTodayEnv, testToday)
	return nil
}

func fitsWidth(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: fits N")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	for i, l := range strings.Split(ts.ReadFile("stdout"), "\n") {
		if w := ansi.StringWidth(l); w > n {
			ts.Fatalf("line %d is %d cells wide, over %d: %q", i+1, w, n, l)
		}
	}
}

func validOutput(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: valid json|csv")
	}
	out := []byte(ts.ReadFile("stdout"))
	switch args[0] {
	case "json":
		dec := json.NewDecoder(bytes.NewReader(out))
		var v any
		if err := dec.Decode(&v); err != nil {
			ts.Fatalf("stdout is not JSON: %v", err)
		}
		if dec.More() {
			ts.Fatalf("stdout holds more than one JSON document")
		}
	case "csv":
		// encoding/csv refuses a row of another width than the first.
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			ts.Fatalf("stdout is not CSV: %v", err)
		}
		if len(rows) < 2 {
			ts.Fatalf("CSV has %d rows; want a header and at least one row", len(rows))
		}
	default:
		ts.Fatalf("usage: valid json|csv")
	}
}
