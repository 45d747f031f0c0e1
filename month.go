package main

import (
	"flag"
	"strings"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// The month commands: each reads one project (with the card) and prints one
// document of package report.

var quoteCommand = &command{
	name:     "quote",
	synopsis: "quote   [flags] PROJECT.toml",
	summary:  "price a month on one plan",
	usage: `Usage: creditplan quote [--rates FILE] [--pricing FILE] [--plan ID] [--balance N] [--budget AMOUNT] [--format F] [--width N] PROJECT.toml

Prices the project's month on its plan (or --plan): every video's lines and
cheaper alternatives, the month's total, the upfront message, and when the
plan cannot make the month as it stands, what makes it, cheapest first: a
top-up (only when the shortfall is the plan's only problem) or another plan,
the same cures the planner offers. A plan that cannot make the month whatever
is bought is said first.

Flags:
`,
	flags: monthFlags("quote on plan `ID` instead of the project's plan", balanceFlag),
	batch: true,
	run: priceMonth(func(a *app, req *monthRequest) error {
		q, err := req.card.Quote(req.project)
		if err != nil {
			return err
		}
		// The cures come from pricing's one answer, the planner's Month
		// and Plans screens' too: CuresQuote reads the quote's totals and
		// runs no fitter (that is the fit command's), so a huge month costs
		// little more than its quote.
		cu, err := req.card.CuresQuote(q, req.project)
		if err != nil {
			return err
		}
		return writeOut(report.WriteQuoteCures(req.page(a), q, cu, req.format))
	}),
}

var compareCommand = &command{
	name:     "compare",
	synopsis: "compare [flags] PROJECT.toml",
	summary:  "price a month on every plan, and right-size it",
	usage: `Usage: creditplan compare [--rates FILE] [--pricing FILE] [--budget AMOUNT] [--format F] [--width N] PROJECT.toml

Prices the project's month on every plan of the card, each with a fresh cycle of
its own credits: fits, credits used, remaining or short, top-ups, the month's cost
on monthly and annual billing, cost per finished minute, why a plan is blocked,
and the recommended plan (the cheapest one that can make the month).

After the plans: the cheapest way to make the month over every plan and both
billings (plan, extra seats and top-ups), and the break-even usage between
neighbouring plans ("Pro becomes cheaper than Creator + top-ups above 70
minutes of Avatar IV a month"). JSON adds a right_size object; CSV adds the
columns cheapest_billing, cheapest_month_cost and cheapest_overall.

When the project holds [[scenarios]], they follow side by side: the month as
planned, then each scenario on its own plan and billing (credits, fits, the
month's cost on each billing, the month and the year on its billing). JSON adds
as_planned and scenarios; CSV adds a row for each, with the columns scenario,
billing and year_cost.

Flags:
`,
	flags: monthFlags("", nil),
	batch: true,
	run: priceMonth(func(a *app, req *monthRequest) error {
		card, p := req.card, req.project
		return writeOut(report.WriteComparisonScenarios(req.page(a), card.Compare(p), card.RightSize(p), card.SideBySide(p), req.format))
	}),
}

var fitCommand = &command{
	name:     "fit",
	synopsis: "fit     [flags] PROJECT.toml",
	summary:  "fit a balance, keeping the most premium value",
	usage: `Usage: creditplan fit [--rates FILE] [--pricing FILE] [--plan ID] [--balance N] [--budget AMOUNT] [--format F] [--width N] PROJECT.toml

Fits the month to a balance: the substitutions from the card's cheaper
alternatives (Avatar IV -> Avatar III, lip-sync -> dubbing, 4K -> 1080p...)
that bring it within the balance while keeping the most premium value (premium
minutes weighted by the card's weight), each with its saving; fewer re-renders
only when the project sets allow_fewer_rerenders = true. A choice the plan cannot make (4K on a 1080p
plan) is always switched; what no switch can cure is listed as still blocking.
When nothing fits, the top-up or plan that would.

Flags:
`,
	flags: monthFlags("fit the month to plan `ID` (its credits and features) instead of the project's plan", balanceFlag),
	batch: true,
	run: priceMonth(func(a *app, req *monthRequest) error {
		r, err := req.card.FitProject(req.project)
		if err != nil {
			return err
		}
		return writeOut(report.WriteFit(req.page(a), r, req.format))
	}),
}

var yearCommand = &command{
	name:     "year",
	synopsis: "year    [flags] PROJECT.toml",
	summary:  "the credit wallet over 12 months, monthly vs annual",
	usage: `Usage: creditplan year [--rates FILE] [--pricing FILE] [--plan ID] [--billing B] [--budget AMOUNT] [--format F] [--width N] PROJECT.toml

Plays the month through a year on its plan: each month's need (scaled by the
project's volume = [12 multipliers]), credits granted, top-ups bought, used,
expired unused and carried, shortfalls and cost; then the year's totals on
monthly and on annual billing, and which billing is cheaper for this pattern.

Flags:
`,
	flags: monthFlags("simulate plan `ID` instead of the project's plan", billingFlag),
	batch: true,
	run: priceMonth(func(a *app, req *monthRequest) error {
		y, err := req.card.YearProject(req.project)
		if err != nil {
			return err
		}
		// The year says first when the plan cannot make the month at all.
		blocked := req.card.Blocked(y.Plan, req.project)
		return writeOut(report.WriteYearBlocked(req.page(a), y, blocked, req.format))
	}),
}

// monthRequest is what a month command reads before computing: the output
// format, the card, and the project with --plan, --balance and --billing
// applied.
type monthRequest struct {
	format report.Format
	// width is the page's width for text and Markdown (pageWidth).
	width   int
	card    *pricing.RateCard
	project *pricing.Project
}

// readMonth checks a month command's flags and loads its files. Mistakes on
// the command line are found before any file is read, except those that need
// the card (an unknown --plan, a --balance with more decimals than the card's
// credits have). A flag the command does not take is left at its zero value.
func readMonth(a *app, c *command, o *options, pos []string) (*monthRequest, error) {
	req := &monthRequest{}
	var err error
	if req.format, err = c.outputFormat(o); err != nil {
		return nil, err
	}
	if req.width, err = c.pageWidth(a, o); err != nil {
		return nil, err
	}
	billing, setBilling, err := c.billing(o)
	if err != nil {
		return nil, err
	}
	path, err := oneProject(c, a.stdinDefault(pos))
	if err != nil {
		return nil, err
	}
	if o.hasBalance {
		if err := pricing.CheckBalance(o.balance); err != nil {
			return nil, usagef(c, "--%v", err)
		}
	}
	if o.hasBudget {
		if err := pricing.CheckBudget(o.budget); err != nil {
			return nil, usagef(c, "--%v", err)
		}
	}
	if req.card, err = a.readCard(o.rates); err != nil {
		return nil, err
	}
	if req.card, err = a.cardOn(c, o, req.card); err != nil {
		return nil, err
	}
	var budget pricing.Money
	if o.hasBudget {
		if budget, err = req.card.ReadBudget(o.budget); err != nil {
			return nil, usagef(c, "--%v", err)
		}
	}
	var balance pricing.Credits
	if o.hasBalance {
		// The syntax is known good here, so the error names the card's decimals.
		if balance, err = req.card.ReadBalance(o.balance); err != nil {
			return nil, usagef(c, "--%v", err)
		}
	}
	if o.plan != "" {
		if err := choosePlan(c, req.card, o.plan); err != nil {
			return nil, err
		}
	}
	if req.project, err = a.readProject(path, req.card); err != nil {
		return nil, err
	}
	if req.card, err = a.forCustomer(c, o, req.card, path, req.project); err != nil {
		return nil, err
	}
	if o.plan != "" {
		req.project.Plan = o.plan
	}
	if o.hasBalance {
		req.project.Balance, req.project.HasBalance = balance, true
	}
	if setBilling {
		req.project.Billing = billing
	}
	if o.hasBudget {
		req.project.Budget, req.project.HasBudget = budget, true
	}
	return req, nil
}

// page is stdout laid out for the request's width.
func (r *monthRequest) page(a *app) *report.Page { return &report.Page{W: a.stdout, Width: r.width} }

// choosePlan checks a --plan id against the card: a usage error lists the valid ids.
func choosePlan(c *command, card *pricing.RateCard, id string) error {
	if _, ok := card.Plan(id); !ok {
		if why := card.NotInForce("plan", id); why != "" {
			return usagef(c, "--plan: %s", why)
		}
		return usagef(c, "unknown plan %q%s; choose one of: %s", id, pricing.DidYouMean(id, card.PlanIDs()), strings.Join(card.PlanIDs(), ", "))
	}
	return nil
}

// oneProject checks that exactly one project file was named.
func oneProject(c *command, pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", usagef(c, "missing the PROJECT.toml file to price")
	case 1:
		return pos[0], nil
	}
	return "", usagef(c, "one PROJECT.toml at a time, got %d: %s", len(pos), strings.Join(pos, " "))
}

// monthFlags are the flags of a month command: --rates, --format and
// --width, --plan when planUsage says what it does to this command, and the
// command's own (--balance or --billing) when extra is given.
func monthFlags(planUsage string, extra func(*flag.FlagSet, *options)) func(*flag.FlagSet, *options) {
	return func(fs *flag.FlagSet, o *options) {
		ratesFlag(fs, o)
		asOfFlag(fs, o)
		pricingFlag(fs, o)
		if planUsage != "" {
			planFlag(fs, o, planUsage)
		}
		if extra != nil {
			extra(fs, o)
		}
		budgetFlag(fs, o)
		formatFlag(fs, o)
		widthFlag(fs, o)
	}
}

// priceMonth is a month command's run: its arguments and files read into a
// request (readMonth), then price prices the month and writes it.
func priceMonth(price func(a *app, req *monthRequest) error) func(a *app, c *command, o *options, args []string) error {
	return func(a *app, c *command, o *options, args []string) error {
		req, err := readMonth(a, c, o, args)
		if err != nil {
			return err
		}
		return price(a, req)
	}
}
