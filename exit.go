package main

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Exit codes, as the README documents them.
const (
	exitOK          = 0
	exitInvalid     = 1 // a file is missing or wrong, or output could not be written
	exitUsage       = 2 // the command line itself is wrong
	exitInterrupted = 130
)

// exitError ends a run with its code. A command returns one when the code is
// not simply "invalid input": a usage error (msg, then a pointer to cmd's
// -h), or a code whose explanation the command has already printed (msg
// empty). Every other error is invalid input (exit 1); see exitCode.
type exitError struct {
	code int
	msg  string
	// cmd is the command whose usage a usage message points to.
	cmd *command
}

func (e *exitError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.msg
}

// usagef is a mistake on cmd's command line (exit 2), explained by msg and
// cmd's -h.
func usagef(cmd *command, format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...), cmd: cmd}
}

// exitWith ends the run with code, its reason already printed.
func exitWith(code int) error { return &exitError{code: code} }

// exitCode prints what err has left to say and turns it into the process's
// exit code; it is the one place an error becomes a code. An interrupt (ctrl+c
// in the planner, which Bubble Tea returns as tea.ErrInterrupted) is 130, as
// shells report a process stopped by SIGINT.
func (a *app) exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return exitInterrupted
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			name := ee.cmd.fullName()
			fmt.Fprintf(a.stderr, "%s: %s\nRun '%s -h' for usage.\n", name, ee.msg, name)
		}
		return ee.code
	}
	if ps, ok := pricing.AsProblems(err); ok {
		a.printProblems(ps)
		return exitInvalid
	}
	fmt.Fprintf(a.stderr, "creditplan: %v\n", err)
	return exitInvalid
}

// printProblems prints a loader's problems, one file:line:col line each.
func (a *app) printProblems(ps pricing.Problems) {
	for _, p := range ps {
		fmt.Fprintln(a.stderr, p.String())
	}
}

// writeOut reports a failed write (a closed pipe, a full disk) as an error.
func writeOut(err error) error {
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
