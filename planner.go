package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"creditplan/pricing"
	"creditplan/ui"
)

// plannerCommand is the command without a name: the interactive planner on a
// project, a new file, or an empty month.
var plannerCommand = &command{
	synopsis: "[--rates FILE] [--plan ID] [PROJECT.toml]",
	summary:  "open the interactive planner",
	flags: func(fs *flag.FlagSet, o *options) {
		ratesManyFlag(fs, o)
		fxFlag(fs, o)
		asOfFlag(fs, o)
		pricingFlag(fs, o)
		planFlag(fs, o, "open the month on plan `ID` instead of the project's plan")
		presentFlag(fs, o)
		versionFlag(fs, o)
	},
	// Several cards are the vendor switch's (V) and the vendors side by side (v).
	manyRates: true,
	run:       runPlanner,
}

// plannerHelp follows the overview in the planner's -h.
const plannerHelp = `
The planner opens the project (or an empty month with one draft video). It needs
a terminal; to price a month in a script, use creditplan quote PROJECT.toml.

Flags of the planner:
`

// runPlanner opens the interactive planner. Its interrupt (ctrl+c) comes back
// as tea.ErrInterrupted, which exitCode turns into 130.
func runPlanner(a *app, c *command, o *options, pos []string) error {
	if o.version {
		fmt.Fprintf(a.stdout, "creditplan %s\n", version)
		return nil
	}
	path := ""
	switch {
	case len(pos) == 1 && !looksLikeFile(pos[0]):
		return unknownCommand(c, pos[0])
	case len(pos) == 1:
		path = pos[0]
	case len(pos) > 1:
		if !looksLikeFile(pos[0]) {
			return unknownCommand(c, pos[0])
		}
		return usagef(c, "the planner opens one PROJECT.toml at a time, got %d", len(pos))
	}
	if !a.interactive() {
		fmt.Fprintln(a.stderr, "creditplan: the interactive planner needs a terminal (stdin and stdout are not both terminals).")
		fmt.Fprintln(a.stderr, "To price a month without one, run: creditplan quote PROJECT.toml")
		fmt.Fprintln(a.stderr, "(or creditplan compare PROJECT.toml; see creditplan --help).")
		return exitWith(exitUsage)
	}
	// With several --rates the planner opens on the first card; the others
	// are the vendor switch's (plannerVendors).
	files := plannerRates(o)
	if o.fx != "" && len(files) < 2 {
		return usagef(c, "--fx converts between vendors' cards; give --rates once for each card (creditplan --rates A --rates B --fx FILE PROJECT.toml)")
	}
	first := ""
	if len(files) > 0 {
		first = files[0]
	}
	card, err := loadCard(first)
	if err != nil {
		return err
	}
	if card, err = a.cardOn(c, o, card); err != nil {
		return err
	}
	if o.plan != "" {
		if err := choosePlan(c, card, o.plan); err != nil {
			return err
		}
	}
	opts := ui.Options{Card: card, Path: path, Present: o.present}
	opts.Proposal = a.plannerProposal(c, o, first)
	// A file that does not exist yet is a new month the first save creates
	// there (a link to nowhere too: the save writes its target). A big month
	// is read by the planner itself, in the background, so its first frame
	// shows at once; a small one is read here, so its mistakes are reported
	// before the planner takes the terminal.
	info, statErr := os.Stat(path)
	switch {
	case path == "":
	case errors.Is(statErr, os.ErrNotExist):
		opts.NewFile = true
	case statErr == nil && info.Size() >= backgroundLoadBytes:
		opts.Read = func() ([]byte, time.Time, error) {
			src, info, err := readProjectFile(path)
			if err != nil {
				return nil, time.Time{}, fmt.Errorf("project: %w", err)
			}
			return src, info.ModTime(), nil
		}
		opts.Plan = o.plan
	default:
		opts.Project, opts.Source, opts.ModTime, err = loadProjectSource(path, card)
		if err != nil {
			return err
		}
	}
	if err := a.plannerPricing(c, o, &opts); err != nil {
		return err
	}
	if len(files) > 1 {
		if err := a.plannerVendors(c, o, files[1:], &opts); err != nil {
			return err
		}
	}
	if o.plan != "" && opts.Read == nil {
		if opts.Project == nil {
			opts.Project = card.NewProject(o.plan)
		}
		opts.Project.Plan = o.plan
	}
	return a.runPlanner(opts)
}

// presentFlag registers the planner's --present.
func presentFlag(fs *flag.FlagSet, o *options) {
	fs.BoolVar(&o.present, "present", false, "open in presentation mode for a shared screen: no notes or file paths, a high-contrast theme, "+
		"and changes shown but not made to the project until A applies them (ctrl+p toggles it)")
}

// backgroundLoadBytes is the project size from which the planner reads the
// file in the background: about 1,500 videos, whose reading and checking
// would otherwise hold the first frame back noticeably.
const backgroundLoadBytes = 100 << 10

// looksLikeFile tells a mistyped command ("qoute") from a project path: a path
// ends in .toml or names a file that exists.
func looksLikeFile(s string) bool {
	if strings.HasSuffix(strings.ToLower(s), ".toml") || strings.ContainsAny(s, `/\`) {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

// plannerPricing lays the pricing overlay (--pricing, or the project's
// pricing = "FILE") over the planner's card and gives it today's date and
// the customer, as every other command does. A month read in the background
// gets the same step as Options.Prepare, run once the month is parsed: its
// own pricing key and [customer] are known only then.
func (a *app) plannerPricing(c *command, o *options, opts *ui.Options) error {
	today, err := a.today(c)
	if err != nil {
		return err
	}
	opts.Today = today
	base, path := opts.Card, opts.Path
	prepare := func(p *pricing.Project) (*pricing.RateCard, []string, error) {
		card, err := applyPricing(base, overlayPath(o, path, p))
		if err != nil {
			return nil, nil, err
		}
		card = card.ForCustomer(p, today)
		return card, card.Sales.Warnings, nil
	}
	if opts.Read != nil {
		opts.Prepare = prepare
		// Until the month is read, the header shows --pricing's badge, if any.
		p := &pricing.Project{}
		opts.PricingFile = overlayPath(o, path, nil)
		card, _, err := prepare(p)
		if err != nil {
			return err
		}
		opts.Card = card
		return nil
	}
	opts.PricingFile = overlayPath(o, path, opts.Project)
	opts.Card, opts.Warnings, err = prepare(opts.Project)
	return err
}

// plannerRates is every --rates the planner was given, in order.
func plannerRates(o *options) []string { return o.RatesFiles() }

// plannerVendors reads the other vendors' cards (--rates after the first),
// each on the as-of day and carrying the customer and today's stamp; the
// project's negotiated pricing stays on the first card, which it names.
// Every card's problems are reported at once, before the planner starts.
func (a *app) plannerVendors(c *command, o *options, files []string, opts *ui.Options) error {
	cards := []*pricing.RateCard{opts.Card}
	var all pricing.Problems
	for _, f := range files {
		card, err := loadCard(f)
		if err == nil {
			card, err = a.cardOn(c, o, card)
		}
		if err != nil {
			ps, ok := pricing.AsProblems(err)
			if !ok {
				return err
			}
			all = append(all, ps...)
			continue
		}
		cards = append(cards, card.ForCustomer(opts.Project, opts.Today))
	}
	if len(all) > 0 {
		return all
	}
	opts.Cards = cards
	if o.fx != "" {
		fx, err := readFX(o.fx)
		if err != nil {
			return err
		}
		// The rates in force on the day the comparison is prepared.
		opts.FX = fx.On(opts.Today)
	}
	return nil
}
