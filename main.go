// Command creditplan plans the cost of AI-video credit plans before anyone
// spends a credit: an interactive planner, and the quote, compare and check
// commands that print the same numbers as text, JSON, Markdown or CSV.
//
// The root package only reads flags and files, turns errors into messages and
// exit codes, and hands bytes to package pricing; every rule lives there. The
// commands are one table (commands.go): each command's flags (flags.go), its
// run (month.go, check.go, planner.go), and one exit error type that becomes
// the exit code in one place (exit.go).
package main

import (
	_ "embed"
	"os"

	"github.com/charmbracelet/x/term"

	"creditplan/ui"
)

// defaultCard is the rate card used without --rates, embedded so the binary
// runs anywhere without its source tree.
//
//go:embed plans.toml
var defaultCard []byte

// defaultCardOrigin is what outputs and errors call the embedded card.
const defaultCardOrigin = "plans.toml (embedded)"

// version is the release; builds may set it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	a := &app{
		stdout:      os.Stdout,
		stderr:      os.Stderr,
		interactive: stdioIsTerminal,
		runPlanner:  ui.Run,
		termWidth:   stdoutWidth,
	}
	os.Exit(a.run(os.Args[1:]))
}

// stdoutWidth is the width of the terminal stdout is, or 0.
func stdoutWidth() int {
	if !term.IsTerminal(os.Stdout.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		return 0
	}
	return w
}

// stdioIsTerminal reports whether both stdin and stdout are terminals: the
// planner reads keys from one and draws on the other, and would hang or spray
// escape codes into a pipe otherwise.
func stdioIsTerminal() bool {
	return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd())
}
