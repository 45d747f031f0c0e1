package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
	"creditplan/ui"
)

// Exit codes, as the README documents them.
const (
	exitOK          = 0
	exitInvalid     = 1 // a file is missing or wrong, or output could not be written
	exitUsage       = 2 // the command line itself is wrong
	exitInterrupted = 130
)

// app is one run of the command line, with its streams and its two contacts
// with the terminal made replaceable so tests can drive every path in-process.
type app struct {
	stdout, stderr io.Writer
	// interactive reports whether the planner can run (stdin and stdout are terminals).
	interactive func() bool
	// runPlanner starts the interactive planner and blocks until it quits.
	runPlanner func(ui.Options) error
}

// usageError is a mistake on the command line (exit 2). cmd names the command
// whose -h explains the fix.
type usageError struct {
	cmd string
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

const rootUsage = `creditplan plans the cost of AI-video credit plans before you spend a credit.

Usage:
  creditplan [--rates FILE] [--plan ID] [PROJECT.toml]   open the interactive planner
  creditplan quote   [flags] PROJECT.toml                price a month on one plan
  creditplan compare [flags] PROJECT.toml                price a month on every plan, and right-size it
  creditplan fit     [flags] PROJECT.toml                fit a balance, keeping the most premium value
  creditplan year    [flags] PROJECT.toml                the credit wallet over 12 months, monthly vs annual
  creditplan check   [--rates FILE] FILE...              validate rate cards and projects
  creditplan help [COMMAND]                              show help (also -h on each command)
  creditplan --version                                   print the version

Without --rates the rate card built into creditplan (plans.toml) is used.
Flags may come before or after the project file.

Exit codes: 0 done, 1 invalid input (every problem is printed as file:line:col),
2 usage error, 130 interrupted.
`

var commandUsage = map[string]string{
	"quote": `Usage: creditplan quote [--rates FILE] [--plan ID] [--balance N] [--format F] PROJECT.toml

Prices the project's month on its plan (or --plan): every video's lines and
cheaper alternatives, the month's total, the upfront message, and when the
balance is short, the cheapest top-up and the cheapest plan upgrade.

Flags:
`,
	"compare": `Usage: creditplan compare [--rates FILE] [--format F] PROJECT.toml

Prices the project's month on every plan of the card, each with a fresh cycle of
its own credits: fits, credits used, remaining or short, top-ups, the month's cost
on monthly and annual billing, cost per finished minute, why a plan is blocked,
and the recommended plan (the cheapest one that can make the month).

After the plans: the cheapest way to make the month over every plan and both
billings (plan, extra seats and top-ups), and the break-even usage between
neighbouring plans ("Pro becomes cheaper than Creator + top-ups above 70
minutes of Avatar IV a month"). JSON adds a right_size object; CSV adds the
columns cheapest_billing, cheapest_month_cost and cheapest_overall.

Flags:
`,
	"fit": `Usage: creditplan fit [--rates FILE] [--plan ID] [--balance N] [--format F] PROJECT.toml

Fits the month to a balance: the substitutions from the card's cheaper
alternatives (Avatar IV -> Avatar III, lip-sync -> dubbing, 4K -> 1080p...)
that bring it within the balance while keeping the most premium value (premium
minutes weighted by the card's weight), each with its saving; fewer re-renders
only when the project sets allow_fewer_rerenders = true. A choice the plan cannot make (4K on a 1080p
plan) is always switched; what no switch can cure is listed as still blocking.
When nothing fits, the top-up or plan that would.

Flags:
`,
	"year": `Usage: creditplan year [--rates FILE] [--plan ID] [--billing B] [--format F] PROJECT.toml

Plays the month through a year on its plan: each month's need (scaled by the
project's volume = [12 multipliers]), credits granted, top-ups bought, used,
expired unused and carried, shortfalls and cost; then the year's totals on
monthly and on annual billing, and which billing is cheaper for this pattern.

Flags:
`,
	"check": `Usage: creditplan check [--rates FILE] FILE...

Validates rate cards and project files and prints every problem as
file:line:col. A file whose TOML has a top-level [card] table is checked as a
rate card; any other file is checked as a project against the --rates card
(default: the built-in plans.toml). Exit 1 if any file has a problem.

Flags:
`,
	"planner": rootUsage + `
The planner opens the project (or an empty month with one draft video). It needs
a terminal; to price a month in a script, use creditplan quote PROJECT.toml.

Flags of the planner:
`,
}

// run executes one command line and returns the process's exit code.
func (a *app) run(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "quote":
			relaxGC()
			return a.finish("quote", a.quote(args[1:]))
		case "compare":
			relaxGC()
			return a.finish("compare", a.compare(args[1:]))
		case "fit":
			relaxGC()
			return a.finish("fit", a.fit(args[1:]))
		case "year":
			relaxGC()
			return a.finish("year", a.year(args[1:]))
		case "check":
			relaxGC()
			return a.finish("check", a.check(args[1:]))
		case "help":
			return a.help(args[1:])
		}
	}
	return a.finish("", a.planner(args))
}

// batchHeapLimit is the heap past which a batch command collects garbage as
// often as it must, whatever the GC percentage says.
const batchHeapLimit = 512 << 20

// batchGCPercent lets a batch command's heap grow to five times what was live
// after the last collection before collecting again. Decoding a month's TOML
// allocates a tree that is garbage moments later; at Go's default (100) a
// 10,000-video quote spent a fifth of its time collecting it. Measured on that
// month (median of 80 interleaved runs against tomlfloor): default 1.32x the
// floor, 400 1.15x, collector off 1.18x, so a plain percentage does as well as
// switching the collector off, with less memory (43 MB against 54).
const batchGCPercent = 400

// relaxGC sets a batch command's (quote, compare, fit, year, check) garbage
// collection: batchGCPercent, with batchHeapLimit as the bound, so even the
// largest month allowed (100,000 videos) peaks near the limit, not at five
// times its live heap.
func relaxGC() {
	debug.SetMemoryLimit(batchHeapLimit)
	debug.SetGCPercent(batchGCPercent)
}

// finish turns a command's error into its message and exit code.
func (a *app) finish(cmd string, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		name := "creditplan"
		if ue.cmd != "" {
			name += " " + ue.cmd
		}
		fmt.Fprintf(a.stderr, "%s: %s\nRun '%s -h' for usage.\n", name, ue.msg, name)
		return exitUsage
	}
	var su *silentUsage
	if errors.As(err, &su) {
		return exitUsage
	}
	if errors.Is(err, errInterrupted) {
		return exitInterrupted
	}
	if errors.Is(err, errReported) {
		return exitInvalid
	}
	if ps, ok := pricing.AsProblems(err); ok {
		a.printProblems(ps)
		return exitInvalid
	}
	fmt.Fprintf(a.stderr, "creditplan: %v\n", err)
	return exitInvalid
}

// errReported means the problems were already printed (check prints each
// file's as it goes); only the exit code is left to set.
var errReported = errors.New("problems reported")

// errInterrupted means the user interrupted the planner (ctrl+c at the terminal).
var errInterrupted = errors.New("interrupted")

func (a *app) printProblems(ps pricing.Problems) {
	for _, p := range ps {
		fmt.Fprintln(a.stderr, p.String())
	}
}

// help prints the overview, or one command's usage.
func (a *app) help(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(a.stdout, rootUsage)
		return exitOK
	}
	if _, ok := commandUsage[args[0]]; !ok || args[0] == "planner" {
		return a.finish("", usagef("", "no help for %q; commands are %s", args[0], commandList))
	}
	fs, _ := a.commandFlags(args[0])
	fs.SetOutput(a.stdout)
	fs.Usage()
	return exitOK
}

// commandList names the commands for "unknown command" and "no help" messages.
const commandList = "quote, compare, fit, year, check, help"

// commonFlags are the flags the commands share; a command registers the ones it takes.
type commonFlags struct {
	rates, plan, balance, format, billing string
	version                               bool
}

// commandFlags builds a command's flag set. Its errors are returned, not
// printed, so every usage error reads the same way.
func (a *app) commandFlags(cmd string) (*flag.FlagSet, *commonFlags) {
	f := &commonFlags{format: "text"}
	name := "creditplan"
	if cmd != "planner" {
		name += " " + cmd
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.rates, "rates", "", "read the rate card from `FILE` instead of the built-in plans.toml")
	switch cmd {
	case "quote", "fit":
		planUsage := map[string]string{
			"quote": "quote on plan `ID` instead of the project's plan",
			"fit":   "fit the month to plan `ID` (its credits and features) instead of the project's plan",
		}[cmd]
		fs.StringVar(&f.plan, "plan", "", planUsage)
		fs.StringVar(&f.balance, "balance", "", "credits left in the cycle, `N`, with at most the card's decimals (default: the project's balance, or the plan's credits)")
		fs.StringVar(&f.format, "format", "text", "output `format`: text, json, markdown or csv")
	case "year":
		fs.StringVar(&f.plan, "plan", "", "simulate plan `ID` instead of the project's plan")
		fs.StringVar(&f.billing, "billing", "", "`billing` to simulate, monthly or annual (default: the project's); both are compared")
		fs.StringVar(&f.format, "format", "text", "output `format`: text, json, markdown or csv")
	case "compare":
		fs.StringVar(&f.format, "format", "text", "output `format`: text, json, markdown or csv")
	case "planner":
		fs.StringVar(&f.plan, "plan", "", "open the month on plan `ID` instead of the project's plan")
		fs.BoolVar(&f.version, "version", false, "print the version and exit")
	}
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), commandUsage[cmd])
		fs.PrintDefaults()
	}
	return fs, f
}

// parseArgs parses flags wherever they stand among the arguments, since users
// type `creditplan quote month.toml --format json`. It returns the positional
// arguments, or a usage error; for -h it prints the usage and returns errHelp.
func (a *app) parseArgs(cmd string, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(a.stdout)
				fs.Usage()
				return nil, errHelp
			}
			return nil, usagef(cmdName(cmd), "%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// After a bare "--" every argument is positional, even one starting with "-".
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// errHelp means help was asked for and printed: exit 0.
var errHelp = errors.New("help printed")

func cmdName(cmd string) string {
	if cmd == "planner" {
		return ""
	}
	return cmd
}

// loadCard reads the rate card at path, or the embedded one when path is "".
func loadCard(path string) (*pricing.RateCard, error) {
	if path == "" {
		return pricing.ParseRateCard(defaultCardOrigin, defaultCard)
	}
	src, err := readCardFile(path)
	if err != nil {
		return nil, fmt.Errorf("rate card: %w", err)
	}
	return pricing.ParseRateCard(path, src)
}

// loadProject reads a project file against the card, and when it was last
// modified.
func loadProject(path string, card *pricing.RateCard) (*pricing.Project, time.Time, error) {
	p, _, mod, err := loadProjectSource(path, card)
	return p, mod, err
}

// loadProjectSource is loadProject that also returns the bytes it read: the
// planner's save edits them, keeping the file's layout, and compares them with
// the file to tell whether someone changed it since.
func loadProjectSource(path string, card *pricing.RateCard) (*pricing.Project, []byte, time.Time, error) {
	src, info, err := readProjectFile(path)
	if err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("project: %w", err)
	}
	p, err := pricing.ParseProject(path, src, card)
	return p, src, info.ModTime(), err
}

// choosePlan checks a --plan id against the card: a usage error lists the valid ids.
func choosePlan(cmd string, card *pricing.RateCard, id string) error {
	if _, ok := card.Plan(id); !ok {
		return usagef(cmd, "unknown plan %q; choose one of: %s", id, strings.Join(card.PlanIDs(), ", "))
	}
	return nil
}

// oneProject checks that exactly one project file was named.
func oneProject(cmd string, pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", usagef(cmd, "missing the PROJECT.toml file to price")
	case 1:
		return pos[0], nil
	}
	return "", usagef(cmd, "one PROJECT.toml at a time, got %d: %s", len(pos), strings.Join(pos, " "))
}

// monthRequest is what quote, fit and year read before computing: the output
// format, the card, and the project with --plan and --balance applied.
type monthRequest struct {
	format  report.Format
	card    *pricing.RateCard
	project *pricing.Project
}

// parseBilling reads --billing: "" keeps the project's billing.
func parseBilling(cmd, text string) (b pricing.Billing, set bool, err error) {
	if text == "" {
		return pricing.Monthly, false, nil
	}
	b, err = pricing.ParseBilling(text)
	if err != nil {
		return pricing.Monthly, false, usagef(cmd, "--%v", err)
	}
	return b, true, nil
}

// readMonth parses a month command's arguments and loads its files. Mistakes on
// the command line are found before any file is read, except those that need
// the card (an unknown --plan, a --balance with more decimals than the card's
// credits have).
func (a *app) readMonth(cmd string, args []string) (*monthRequest, error) {
	fs, f := a.commandFlags(cmd)
	pos, err := a.parseArgs(cmd, fs, args)
	if err != nil {
		return nil, err
	}
	req := &monthRequest{}
	if req.format, err = report.ParseFormat(f.format); err != nil {
		return nil, usagef(cmd, "--format: %v", err)
	}
	billing, setBilling, err := parseBilling(cmd, f.billing)
	if err != nil {
		return nil, err
	}
	path, err := oneProject(cmd, pos)
	if err != nil {
		return nil, err
	}
	// --balance "" is given, and wrong, not the same as leaving it out.
	hasBalance := false
	fs.Visit(func(fl *flag.Flag) { hasBalance = hasBalance || fl.Name == "balance" })
	if hasBalance {
		if _, err := pricing.ParseCredits(f.balance); err != nil {
			return nil, balanceError(cmd, f.balance, err)
		}
	}
	if req.card, err = loadCard(f.rates); err != nil {
		return nil, err
	}
	var balance pricing.Credits
	if hasBalance {
		// The syntax is known good here, so the error names the card's decimals.
		if balance, err = req.card.ParseBalance(f.balance); err != nil {
			return nil, usagef(cmd, "--balance %q: %v", f.balance, err)
		}
	}
	if f.plan != "" {
		if err := choosePlan(cmd, req.card, f.plan); err != nil {
			return nil, err
		}
	}
	if req.project, _, err = loadProject(path, req.card); err != nil {
		return nil, err
	}
	if f.plan != "" {
		req.project.Plan = f.plan
	}
	if hasBalance {
		req.project.Balance, req.project.HasBalance = balance, true
	}
	if setBilling {
		req.project.Billing = billing
	}
	return req, nil
}

// balanceError is a bad --balance, with an example of a good one.
func balanceError(cmd, text string, err error) error {
	return usagef(cmd, "--balance %q: %v (give credits like 200 or 12.5)", text, err)
}

// quote prints the month priced on one plan.
func (a *app) quote(args []string) error {
	req, err := a.readMonth("quote", args)
	if err != nil {
		return helpIsFine(err)
	}
	q, err := req.card.Quote(req.project)
	if err != nil {
		return err
	}
	return writeOut(report.WriteQuote(a.stdout, q, req.format))
}

// fit prints the substitutions that bring the month within its balance.
func (a *app) fit(args []string) error {
	req, err := a.readMonth("fit", args)
	if err != nil {
		return helpIsFine(err)
	}
	r, err := req.card.FitProject(req.project)
	if err != nil {
		return err
	}
	return writeOut(report.WriteFit(a.stdout, r, req.format))
}

// year prints the credit wallet over twelve months of the project.
func (a *app) year(args []string) error {
	req, err := a.readMonth("year", args)
	if err != nil {
		return helpIsFine(err)
	}
	y, err := req.card.YearProject(req.project)
	if err != nil {
		return err
	}
	return writeOut(report.WriteYear(a.stdout, y, req.format))
}

// compare prints the month priced on every plan, then the cheapest way to make
// it and where neighbouring plans break even.
func (a *app) compare(args []string) error {
	fs, f := a.commandFlags("compare")
	pos, err := a.parseArgs("compare", fs, args)
	if err != nil {
		return helpIsFine(err)
	}
	format, err := report.ParseFormat(f.format)
	if err != nil {
		return usagef("compare", "--format: %v", err)
	}
	path, err := oneProject("compare", pos)
	if err != nil {
		return err
	}
	card, err := loadCard(f.rates)
	if err != nil {
		return err
	}
	p, _, err := loadProject(path, card)
	if err != nil {
		return err
	}
	return writeOut(report.WriteComparison(a.stdout, card.Compare(p), card.RightSize(p), format))
}

// check validates each file as a rate card or a project and reports them all.
func (a *app) check(args []string) error {
	fs, f := a.commandFlags("check")
	files, err := a.parseArgs("check", fs, args)
	if err != nil {
		return helpIsFine(err)
	}
	if len(files) == 0 {
		return usagef("check", "name at least one rate card or project FILE to check")
	}
	// The card projects are checked against is loaded only if a project needs it,
	// so checking a broken --rates file on its own still reports its problems.
	var card *pricing.RateCard
	var cardErr error
	cardLoaded := false
	bad := 0
	// A write that fails (a full disk, a closed pipe) fails the check, as it
	// fails every other command.
	var writeErr error
	say := func(format string, args ...any) {
		if _, err := fmt.Fprintf(a.stdout, format, args...); err != nil && writeErr == nil {
			writeErr = err
		}
	}
	for _, path := range files {
		src, err := readCheckedFile(path)
		if err != nil {
			fmt.Fprintf(a.stderr, "creditplan check: %v\n", err)
			bad++
			continue
		}
		if pricing.SourceIsRateCard(src) {
			c, err := pricing.ParseRateCard(path, src)
			if err != nil {
				a.reportBad(err)
				bad++
				continue
			}
			say("ok  %s (rate card %q, %s, %s)\n", path, c.Name, plural(len(c.Plans), "plan"), plural(len(c.Features), "feature"))
			continue
		}
		if !cardLoaded {
			card, cardErr = loadCard(f.rates)
			cardLoaded = true
			if cardErr != nil {
				a.reportBad(cardErr)
			}
		}
		if cardErr != nil {
			fmt.Fprintf(a.stderr, "creditplan check: %s not checked: the rate card has problems\n", path)
			bad++
			continue
		}
		p, err := pricing.ParseProject(path, src, card)
		if err != nil {
			a.reportBad(err)
			bad++
			continue
		}
		say("ok  %s (project, %s)\n", path, plural(len(p.Videos), "video"))
	}
	if bad > 0 {
		verb := "have"
		if bad == 1 {
			verb = "has"
		}
		fmt.Fprintf(a.stderr, "creditplan check: %d of %s %s problems\n", bad, plural(len(files), "file"), verb)
		return errReported
	}
	return writeOut(writeErr)
}

// plural words a count with its noun: "1 video", "2 videos".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// reportBad prints a loader's problems, one per line.
func (a *app) reportBad(err error) {
	if ps, ok := pricing.AsProblems(err); ok {
		a.printProblems(ps)
		return
	}
	fmt.Fprintf(a.stderr, "creditplan check: %v\n", err)
}

// planner opens the interactive planner.
func (a *app) planner(args []string) error {
	fs, f := a.commandFlags("planner")
	pos, err := a.parseArgs("planner", fs, args)
	if err != nil {
		return helpIsFine(err)
	}
	if f.version {
		fmt.Fprintf(a.stdout, "creditplan %s\n", version)
		return nil
	}
	path := ""
	switch {
	case len(pos) == 1 && !looksLikeFile(pos[0]):
		return usagef("", "unknown command %q; commands are %s", pos[0], commandList)
	case len(pos) == 1:
		path = pos[0]
	case len(pos) > 1:
		if !looksLikeFile(pos[0]) {
			return usagef("", "unknown command %q; commands are %s", pos[0], commandList)
		}
		return usagef("", "the planner opens one PROJECT.toml at a time, got %d", len(pos))
	}
	if !a.interactive() {
		fmt.Fprintln(a.stderr, "creditplan: the interactive planner needs a terminal (stdin and stdout are not both terminals).")
		fmt.Fprintln(a.stderr, "To price a month without one, run: creditplan quote PROJECT.toml")
		fmt.Fprintln(a.stderr, "(or creditplan compare PROJECT.toml; see creditplan --help).")
		return &silentUsage{}
	}
	card, err := loadCard(f.rates)
	if err != nil {
		return err
	}
	if f.plan != "" {
		if err := choosePlan("", card, f.plan); err != nil {
			return err
		}
	}
	opts := ui.Options{Card: card, Path: path}
	// A file that does not exist yet is a new month the first save creates
	// there (a link to nowhere too: the save writes its target).
	if _, statErr := os.Stat(path); path != "" && errors.Is(statErr, os.ErrNotExist) {
		opts.NewFile = true
	} else if path != "" {
		opts.Project, opts.Source, opts.ModTime, err = loadProjectSource(path, card)
		if err != nil {
			return err
		}
	}
	if f.plan != "" {
		if opts.Project == nil {
			opts.Project = card.NewProject(f.plan)
		}
		opts.Project.Plan = f.plan
	}
	err = a.runPlanner(opts)
	if errors.Is(err, tea.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

// silentUsage is a usage error whose explanation is already printed.
type silentUsage struct{}

func (*silentUsage) Error() string { return "usage" }

// looksLikeFile tells a mistyped command ("qoute") from a project path: a path
// ends in .toml or names a file that exists.
func looksLikeFile(s string) bool {
	if strings.HasSuffix(strings.ToLower(s), ".toml") || strings.ContainsAny(s, `/\`) {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

// helpIsFine turns "help was printed" into success and passes other errors on.
func helpIsFine(err error) error {
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// writeOut reports a failed write (a closed pipe, a full disk) as an error.
func writeOut(err error) error {
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
