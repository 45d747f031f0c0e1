package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// options are the flags of every command; each command registers the ones it
// takes (command.flags) from the helpers below, so a flag means the same and
// reads the same everywhere.
type options struct {
	rates, plan, balance, format, billing string
	// width is --width as typed; "" when not given.
	width string
	// hasBalance is set when --balance was given: --balance "" is given, and
	// wrong, not the same as leaving it out.
	hasBalance bool
	// budget is --budget as typed; hasBudget is set when it was given.
	budget    string
	hasBudget bool
	version   bool
	// pricing is --pricing: a negotiated pricing overlay's file.
	pricing string
	// out is the proposal's --out FILE.
	out string
	// present is the planner's --present: open in presentation mode.
	present bool
	// asOf is --as-of as typed: the day whose rates are priced (asof.go).
	asOf string
	// serve is creditplan serve's flags (serve.go).
	serve *serveConfig
}

func ratesFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.rates, "rates", "", "read the rate card from `FILE` instead of the built-in plans.toml")
}

// planFlag registers --plan; usage says what the command does with the plan.
func planFlag(fs *flag.FlagSet, o *options, usage string) {
	fs.StringVar(&o.plan, "plan", "", usage)
}

func balanceFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.balance, "balance", "", "credits left in the cycle, `N`, with at most the card's decimals (default: the project's balance, or the plan's credits)")
}

func budgetFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.budget, "budget", "", "the month's budget in money, `AMOUNT` in the card's currency with at most its decimals (default: the project's budget, or none)")
}

func formatFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json, markdown or csv")
}

func widthFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.width, "width", "", "fit text and Markdown to `N` columns, at least 40 (default: $COLUMNS, the terminal's width, or 80)")
}

func billingFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.billing, "billing", "", "`billing` to simulate, monthly or annual (default: the project's); both are compared")
}

func versionFlag(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
}

// flagSet builds c's flag set. Its errors are returned, not printed, so every
// usage error reads the same way; its usage is c's, then the flags.
func (c *command) flagSet() (*flag.FlagSet, *options) {
	o := &options{format: "text"}
	fs := flag.NewFlagSet(c.fullName(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if c.flags != nil {
		c.flags(fs, o)
	}
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), c.usage)
		fs.PrintDefaults()
	}
	return fs, o
}

// parseArgs parses flags wherever they stand among the arguments, since users
// type `creditplan quote month.toml --format json`, and returns the
// positional arguments. After a bare "--" every argument is positional, even
// one starting with "-". It returns flag.ErrHelp for -h, or a usage error.
func (c *command) parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef(c, "%v%s", err, flagHint(fs, err))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// outputFormat reads --format.
func (c *command) outputFormat(o *options) (report.Format, error) {
	f, err := report.ParseFormat(o.format)
	if err != nil {
		return f, usagef(c, "--format: %v", err)
	}
	return f, nil
}

// pageWidth is how wide text and Markdown are laid out: --width, else
// COLUMNS, else the terminal's width, else 80; never below report.MinWidth.
// --width that is not a whole number of at least report.MinWidth is a usage
// error; a COLUMNS or terminal narrower than that lays out for MinWidth.
func (c *command) pageWidth(a *app, o *options) (int, error) {
	if o.width != "" {
		n, err := strconv.Atoi(strings.TrimSpace(o.width))
		if err != nil || n < report.MinWidth {
			return 0, usagef(c, "--width %q: give a number of columns, at least %d", o.width, report.MinWidth)
		}
		return n, nil
	}
	if n, err := strconv.Atoi(strings.TrimSpace(a.env("COLUMNS"))); err == nil && n > 0 {
		return max(n, report.MinWidth), nil
	}
	if a.termWidth != nil {
		if n := a.termWidth(); n > 0 {
			return max(n, report.MinWidth), nil
		}
	}
	return defaultWidth, nil
}

// defaultWidth is the page's width when neither COLUMNS nor a terminal says.
const defaultWidth = 80

// billing reads --billing: "" keeps the project's billing (set is false).
func (c *command) billing(o *options) (b pricing.Billing, set bool, err error) {
	if o.billing == "" {
		return pricing.Monthly, false, nil
	}
	b, err = pricing.ParseBilling(o.billing)
	if err != nil {
		return pricing.Monthly, false, usagef(c, "--%v", err)
	}
	return b, true, nil
}

// flagHint names the flag an undefined one most likely meant: the flag
// package says only "flag provided but not defined: -colour".
func flagHint(fs *flag.FlagSet, err error) string {
	const undefined = "flag provided but not defined: "
	name, ok := strings.CutPrefix(err.Error(), undefined)
	if !ok {
		return ""
	}
	name = strings.TrimLeft(name, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if c := pricing.Closest(name, names); c != "" {
		return fmt.Sprintf(" (did you mean --%s?)", c)
	}
	return ""
}
