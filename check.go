package main

import (
	"flag"
	"fmt"

	"creditplan/pricing"
)

var checkCommand = &command{
	name:     "check",
	synopsis: "check   [flags] FILE...",
	summary:  "validate rate cards and projects",
	usage: `Usage: creditplan check [--rates FILE] [--pricing FILE] FILE...

Validates rate cards and project files and prints every problem as
file:line:col. A file whose TOML has a top-level [card] table is checked as a
rate card; one with a top-level [overlay] table as a pricing overlay of the
--rates card; any other file as a project against the --rates card
(default: the built-in plans.toml), with the pricing overlay it names
(or --pricing).
Exit 1 if any file has a problem.

Flags:
`,
	flags: func(fs *flag.FlagSet, o *options) {
		ratesFlag(fs, o)
		asOfFlag(fs, o)
		pricingFlag(fs, o)
	},
	batch: true,
	run:   runCheck,
}

// runCheck validates each file as a rate card or a project (as
// pricing.SourceIsRateCard tells them apart) and reports them all.
func runCheck(a *app, c *command, o *options, files []string) error {
	files = a.stdinDefault(files)
	if len(files) == 0 {
		return usagef(c, "name at least one rate card or project FILE to check")
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
	// An overlay is checked once, however many projects name it (--pricing
	// is every project's).
	pricingChecked := map[string]bool{}
	for _, path := range files {
		src, name, err := a.readChecked(path)
		path = name
		if err != nil {
			fmt.Fprintf(a.stderr, "creditplan check: %v\n", err)
			bad++
			continue
		}
		if pricing.SourceIsRateCard(src) {
			rc, err := pricing.ParseRateCard(path, src)
			if err != nil {
				a.reportBad(err)
				bad++
				continue
			}
			say("ok  %s (rate card %q, %s, %s)\n", path, rc.Name, pricing.Plural(len(rc.Plans), "plan"), pricing.Plural(len(rc.Features), "feature"))
			continue
		}
		overlay := pricing.SourceIsOverlay(src)
		if !cardLoaded {
			card, cardErr = a.readCard(o.rates)
			if cardErr == nil {
				card, cardErr = a.cardOn(c, o, card)
			}
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
		if overlay {
			oc, _, err := card.LoadOverlay(path, src)
			if err != nil {
				a.reportBad(err)
				bad++
				continue
			}
			say("ok  %s (pricing overlay of %q, %s)\n", path, card.Name, pricing.Plural(len(oc.Custom.Changes), "change"))
			for _, w := range oc.Custom.Warnings {
				fmt.Fprintf(a.stderr, "creditplan check: warning: %s: %s\n", pricing.Printable(path), pricing.Printable(w))
			}
			continue
		}
		p, err := a.parseProject(path, src, card)
		if err != nil {
			a.reportBad(err)
			bad++
			continue
		}
		// The project's own pricing = "FILE" is checked with it: a quote
		// of the project would read it.
		if op := overlayPath(o, path, p); op != "" && !pricingChecked[op] {
			pricingChecked[op] = true
			if _, err := a.applyPricing(card, op); err != nil {
				a.reportBad(err)
				bad++
				continue
			}
		}
		what := pricing.Plural(len(p.Videos), "video")
		if len(p.Scenarios) > 0 {
			what += ", " + pricing.Plural(len(p.Scenarios), "scenario")
		}
		say("ok  %s (project, %s)\n", path, what)
	}
	if bad > 0 {
		verb := "have"
		if bad == 1 {
			verb = "has"
		}
		fmt.Fprintf(a.stderr, "creditplan check: %s of %s %s problems\n", pricing.Count(bad), pricing.Plural(len(files), "file"), verb)
		return exitWith(exitInvalid)
	}
	return writeOut(writeErr)
}

// reportBad prints a loader's problems, one per line.
func (a *app) reportBad(err error) {
	if ps, ok := pricing.AsProblems(err); ok {
		a.printProblems(ps)
		return
	}
	fmt.Fprintf(a.stderr, "creditplan check: %v\n", err)
}
