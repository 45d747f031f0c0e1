package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// The proposal command: the month as a document to send after the call,
// with what it was computed from embedded so verify can recompute it.

var proposalCommand = &command{
	name:     "proposal",
	synopsis: "proposal [flags] PROJECT.toml",
	summary:  "a proposal to send: HTML, Markdown, CSV or JSON",
	usage: `Usage: creditplan proposal [--format html|md|csv|json] [--out FILE] [--rates FILE] [--pricing FILE] [--plan ID] [--billing B] PROJECT.toml

Writes a proposal for the project's month: the proposed plan and why (the
cheapest way to make the month, unless --plan or --billing says otherwise),
what each plan gives (credits, about how many minutes of each premium feature
they buy, max length, resolution, seats, watermark), what the month and its
year cost on each plan and billing, the proposed plan's year on both
billings, the project's scenarios side by side, the customer and until when
the proposal is valid, the negotiated prices (--pricing, or the project's
pricing = "FILE") against the card's, footnotes for every estimate, and the
rate card with its date and sources. It ends with the line
"An estimate, not a contract: prices from CARD as of DATE."

HTML (the default) is one self-contained file with a cost chart and a print
stylesheet for A4 and Letter; no script, nothing fetched. Every format embeds
what the proposal was computed from (creditplan's version, the card and its
SHA-256, the negotiated pricing and its SHA-256, the project without its
internal notes) so that 'creditplan verify FILE' can recompute it later.

The date is today's, or CREDITPLAN_TODAY (YYYY-MM-DD) when set.
Without --out the proposal goes to standard output; --out writes it through a
temporary file, so a failure never leaves half a file.

Flags:
`,
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.format, "format", "html", "proposal `format`: html, md, csv or json")
		fs.StringVar(&o.out, "out", "", "write the proposal to `FILE` instead of standard output")
		ratesFlag(fs, o)
		pricingFlag(fs, o)
		planFlag(fs, o, "propose plan `ID` instead of the cheapest that makes the month")
		fs.StringVar(&o.billing, "billing", "", "`billing` to propose, monthly or annual (default: the cheapest)")
	},
	batch: true,
	run:   runProposal,
}

// proposalRequest is everything a proposal is rendered from: the inputs it
// embeds, and the card read from them.
type proposalRequest struct {
	in   pricing.ProposalInputs
	card *pricing.RateCard
	// projectName is what errors call the project.
	projectName string
}

func runProposal(a *app, c *command, o *options, args []string) error {
	format, err := report.ParseProposalFormat(o.format)
	if err != nil {
		return usagef(c, "--format: %v", err)
	}
	var billing *pricing.Billing
	if o.billing != "" {
		b, err := pricing.ParseBilling(o.billing)
		if err != nil {
			return usagef(c, "--%v", err)
		}
		billing = &b
	}
	path, err := oneProject(c, a.stdinDefault(args))
	if err != nil {
		return err
	}
	doc, warnings, err := a.makeProposal(c, o.rates, o.plan, o, billing, format, func() ([]byte, string, error) {
		return a.readProjectSource(path)
	})
	if err != nil {
		return err
	}
	// Warnings (a valid_until already past, a price below the discount
	// band) are the salesperson's, not the customer's: stderr.
	for _, w := range warnings {
		fmt.Fprintf(a.stderr, "%s: warning: %s\n", c.fullName(), pricing.Printable(w))
	}
	if o.out == "" {
		_, err := a.stdout.Write(doc)
		return writeOut(err)
	}
	return a.writeOutFile(o.out, doc)
}

// makeProposal prices the project readProject gives on the card of rates
// (the built-in one for "") with its negotiated pricing laid over, and
// renders the proposal in format with its inputs embedded: what `creditplan
// proposal` writes, and what e writes in the planner (plannerProposal).
// warnings are the salesperson's, not the customer's.
func (a *app) makeProposal(c *command, rates, plan string, o *options, billing *pricing.Billing, format report.ProposalFormat, readProject func() ([]byte, string, error)) (doc []byte, warnings []string, err error) {
	today, err := a.today(c)
	if err != nil {
		return nil, nil, err
	}
	req := &proposalRequest{}
	cardSrc, origin, err := a.readCardSource(rates)
	if err != nil {
		return nil, nil, err
	}
	if req.card, err = pricing.ParseRateCard(origin, cardSrc); err != nil {
		return nil, nil, err
	}
	// The rows in force today, as proposal() prices them.
	if req.card, err = req.card.On(today); err != nil {
		return nil, nil, err
	}
	if plan != "" {
		if err := choosePlan(c, req.card, plan); err != nil {
			return nil, nil, err
		}
	}
	src, path, err := readProject()
	if err != nil {
		return nil, nil, fmt.Errorf("project: %w", err)
	}
	req.projectName = path
	p, err := pricing.ParseProject(path, src, req.card)
	if err != nil {
		return nil, nil, err
	}
	var overlay struct {
		name, sha string
		src       []byte
	}
	if ov := overlayPath(o, path, p); ov != "" {
		if overlay.src, err = a.readOverlaySource(ov); err != nil {
			return nil, nil, fmt.Errorf("pricing: %w", err)
		}
		// Laid over once under its own name, so its problems name the file.
		if _, _, err := req.card.LoadOverlay(ov, overlay.src); err != nil {
			return nil, nil, err
		}
		overlay.name, overlay.sha = filepath.Base(ov), pricing.SHA256Hex(overlay.src)
	}
	embedded, err := pricing.ProposalProject(src)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	req.in = pricing.ProposalInputs{
		Version: version, Format: format.String(), PreparedOn: today.String(), Plan: plan,
		CardName: req.card.Name, CardAsOf: req.card.AsOf, CardSHA256: pricing.SHA256Hex(cardSrc),
		Card: cardSrc, Project: embedded,
		OverlayName: overlay.name, OverlaySHA256: overlay.sha, Overlay: overlay.src,
	}
	if billing != nil {
		req.in.Billing = billing.Key()
	}
	prop, err := req.proposal()
	if err != nil {
		return nil, nil, err
	}
	doc, err = report.RenderProposal(prop, format, req.in)
	if err != nil {
		return nil, nil, err
	}
	return doc, prop.Card.Sales.Warnings, nil
}

// render prices the request's project and writes the proposal with its
// inputs embedded.
func (r *proposalRequest) render(format report.ProposalFormat) ([]byte, error) {
	prop, err := r.proposal()
	if err != nil {
		return nil, err
	}
	return report.RenderProposal(prop, format, r.in)
}

// proposal prices the request's embedded project on its card, with its
// negotiated pricing laid over and its customer and day carried
// (ForCustomer).
func (r *proposalRequest) proposal() (*pricing.Proposal, error) {
	// A proposal is priced on the rates in force the day it is prepared:
	// that day is embedded, so verify recomputes it on the same rows.
	day, err := pricing.ParseDate(r.in.PreparedOn)
	if err != nil {
		return nil, fmt.Errorf("prepared-on %q: %w", r.in.PreparedOn, err)
	}
	card, err := r.card.On(day)
	if err != nil {
		return nil, err
	}
	if len(r.in.Overlay) > 0 {
		if card, _, err = card.LoadOverlay(r.in.OverlayName, r.in.Overlay); err != nil {
			return nil, err
		}
	}
	p, err := pricing.ParseProject(r.projectName, r.in.Project, card)
	if err != nil {
		return nil, err
	}
	card = card.ForCustomer(p, day)
	opts := pricing.ProposalOptions{Plan: r.in.Plan, PreparedOn: r.in.PreparedOn, Version: r.in.Version}
	if r.in.Billing != "" {
		b, err := pricing.ParseBilling(r.in.Billing)
		if err != nil {
			return nil, err
		}
		opts.Billing = &b
	}
	return card.Proposal(p, opts)
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, renamed over path only once it is whole: a failure leaves the
// previous file (or none), never half a proposal.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("writing output: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing output: %w", err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// plannerProposal is the planner's Options.Proposal: the month's file (its
// bytes as a save would write them) as the Markdown proposal `creditplan
// proposal --format md` writes, on the card of rates and the negotiated
// pricing o or the project names. It reads the card and overlay when
// called, in the planner's command.
func (a *app) plannerProposal(c *command, o *options, rates string) func(path string, src []byte) ([]byte, error) {
	return func(path string, src []byte) ([]byte, error) {
		name := path
		if name == "" {
			name = "the month"
		}
		doc, _, err := a.makeProposal(c, rates, "", o, nil, report.ProposalMarkdown, func() ([]byte, string, error) {
			return src, name, nil
		})
		return doc, err
	}
}
