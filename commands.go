package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"creditplan/pricing"
	"creditplan/ui"
)

// app is one run of the command line, with its streams and its two contacts
// with the terminal made replaceable so tests can drive every path in-process.
type app struct {
	stdout, stderr io.Writer
	// interactive reports whether the planner can run (stdin and stdout are terminals).
	interactive func() bool
	// runPlanner starts the interactive planner and blocks until it quits.
	runPlanner func(ui.Options) error
	// termWidth is the width of the terminal stdout is, or 0 when it is none
	// (nil: none).
	termWidth func() int
	// getenv reads the environment (nil: os.Getenv).
	getenv func(string) string
	// now is the clock (nil: time.Now); CREDITPLAN_TODAY overrides it (today).
	now func() time.Time
	// session is set for a command run over SSH (serve_session.go).
	session *sessionFiles
}

// env reads an environment variable.
func (a *app) env(name string) string {
	if a.getenv == nil {
		return os.Getenv(name)
	}
	return a.getenv(name)
}

// command is one entry of the command line: its name, its line in the
// overview, its -h text, the flags it takes and what it runs. The planner is
// the command without a name (planner.go); every other is in commands.
type command struct {
	name string
	// synopsis is the overview's left column after "creditplan ", and
	// summary its right one.
	synopsis, summary string
	// usage is what -h prints before the flags.
	usage string
	// flags registers the command's flags; nil for none.
	flags func(*flag.FlagSet, *options)
	// rawArgs hands the arguments to run unparsed (help reads a command name,
	// and "help -h" names no command).
	rawArgs bool
	// batch marks a command that reads files, prints and exits: it runs with
	// relaxGC's garbage collection (gc.go).
	batch bool
	// run does the work: o holds the flags, args the positional arguments.
	run func(a *app, c *command, o *options, args []string) error
}

// fullName is how messages name the command: "creditplan quote", or
// "creditplan" for the planner.
func (c *command) fullName() string {
	if c == nil || c.name == "" {
		return "creditplan"
	}
	return "creditplan " + c.name
}

// commands lists the named commands in the overview's order. It is filled in
// init because help reads it, and the planner's usage (the overview) with it.
var commands []*command

func init() {
	commands = []*command{quoteCommand, compareCommand, fitCommand, yearCommand, checkCommand, proposalCommand, verifyCommand, serveCommand, helpCommand}
	plannerCommand.usage = overview() + plannerHelp
}

// lookup finds a named command; nil for any other word.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commandNames are the commands' names, in the table's order.
func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// commandList names the commands for "unknown command" and "no help" messages.
func commandList() string { return strings.Join(commandNames(), ", ") }

// unknownCommand is the usage error for a word that names no command, with
// the command it most likely meant.
func unknownCommand(c *command, word string) error {
	return usagef(c, "unknown command %q%s; commands are %s", word, pricing.DidYouMean(word, commandNames()), commandList())
}

// run executes one command line and returns the process's exit code: the
// first argument names a command, or the planner opens.
func (a *app) run(args []string) int {
	c := plannerCommand
	if len(args) > 0 {
		if named := lookup(args[0]); named != nil {
			c, args = named, args[1:]
		}
	}
	return a.exitCode(a.runCommand(c, args))
}

// runCommand parses c's flags and runs it; -h prints c's usage instead.
func (a *app) runCommand(c *command, args []string) error {
	if c.batch && a.session == nil {
		relaxGC()
	}
	if c.rawArgs {
		return c.run(a, c, nil, args)
	}
	fs, o := c.flagSet()
	pos, err := c.parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(a.stdout)
		fs.Usage()
		return nil
	}
	if err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) {
		o.hasBalance = o.hasBalance || f.Name == "balance"
		o.hasBudget = o.hasBudget || f.Name == "budget"
	})
	return c.run(a, c, o, pos)
}

// overview is `creditplan help`: every command's synopsis and summary, the
// exit codes.
func overview() string {
	var b strings.Builder
	b.WriteString("creditplan plans the cost of AI-video credit plans before you spend a credit.\n\nUsage:\n")
	line := func(left, right string) { fmt.Fprintf(&b, "  creditplan %-41s   %s\n", left, right) }
	line(plannerCommand.synopsis, plannerCommand.summary)
	for _, c := range commands {
		line(c.synopsis, c.summary)
	}
	line("--version", "print the version")
	b.WriteString(`
Without --rates the rate card built into creditplan (plans.toml) is used.
Flags may come before or after the project file.

Exit codes: 0 done, 1 invalid input (every problem is printed as file:line:col),
2 usage error, 130 interrupted.
`)
	return b.String()
}

var helpCommand = &command{
	name:     "help",
	synopsis: "help [COMMAND]",
	summary:  "show help (also -h on each command)",
	rawArgs:  true,
	run:      runHelp,
}

// runHelp prints the overview, or one command's usage.
func runHelp(a *app, c *command, _ *options, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.stdout, overview())
		return nil
	}
	named := lookup(args[0])
	if named == nil || named.rawArgs {
		return usagef(plannerCommand, "no help for %q%s; commands are %s", args[0], pricing.DidYouMean(args[0], commandNames()), commandList())
	}
	fs, _ := named.flagSet()
	fs.SetOutput(a.stdout)
	fs.Usage()
	return nil
}
