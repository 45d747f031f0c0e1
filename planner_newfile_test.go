package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"creditplan/ui"
)

// `creditplan june.toml` where june.toml does not exist opens an empty month
// that the first save writes there; an existing file comes with its bytes,
// which the planner's save edits in place.
func TestPlannerOpensAMissingFileAsANewMonth(t *testing.T) {
	var got ui.Options
	var out, errb bytes.Buffer
	a := &app{stdout: &out, stderr: &errb, interactive: func() bool { return true },
		runPlanner: func(o ui.Options) error { got = o; return nil }}
	path := filepath.Join(t.TempDir(), "june.toml")
	if code := a.run([]string{path}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !got.NewFile || got.Path != path || got.Project != nil || got.Source != nil {
		t.Fatalf("options: new %v path %q project %v", got.NewFile, got.Path, got.Project)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("opening must not create the file; saving does")
	}

	got = ui.Options{}
	if code := a.run([]string{"examples/sales-demo.toml"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	src, _ := os.ReadFile("examples/sales-demo.toml")
	if got.NewFile || !bytes.Equal(got.Source, src) || got.Project == nil {
		t.Fatalf("an existing file: new %v, %d bytes of source", got.NewFile, len(got.Source))
	}
}
