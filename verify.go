package main

import (
	"bytes"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// The verify command: a proposal recomputed offline from what it embeds.

var verifyCommand = &command{
	name:     "verify",
	synopsis: "verify  [flags] PROPOSAL",
	summary:  "recompute a proposal: matches, or what changed",
	usage: `Usage: creditplan verify [--rates FILE] [--pricing FILE] PROPOSAL

Recomputes a proposal (any format 'creditplan proposal' writes) offline from
the project and card it embeds, and against the current card (the built-in
plans.toml, or --rates) with the negotiated pricing it embeds (or --pricing),
and answers "matches" (exit 0) or what changed (exit 1), each difference in
words: "Pro's monthly price was $99.00 in the card used, $89.00 now", then
what that changes in the proposal.

A proposal whose visible text or embedded inputs were edited after it was
made is named as tampered, with what no longer matches (exit 1). A file
that is not a proposal, or is truncated or damaged, is refused (exit 1).

Flags:
`,
	flags: func(fs *flag.FlagSet, o *options) {
		ratesFlag(fs, o)
		fs.StringVar(&o.pricing, "pricing", "", "lay the negotiated pricing from `FILE` over the current card instead of the pricing the proposal embeds")
	},
	batch: true,
	run:   runVerify,
}

func runVerify(a *app, c *command, o *options, args []string) error {
	args = a.stdinDefault(args)
	if len(args) != 1 {
		if len(args) == 0 {
			return usagef(c, "missing the PROPOSAL file to verify")
		}
		return usagef(c, "one PROPOSAL at a time, got %d", len(args))
	}
	path := args[0]
	doc, origin, err := a.readProposalSource(path)
	if err != nil {
		return fmt.Errorf("proposal: %w", err)
	}
	path = origin
	name := pricing.Printable(path)
	in, err := pricing.ParseProposalInputs(doc)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	format, err := report.ParseProposalFormat(in.Format)
	if err != nil {
		return fmt.Errorf("%s: its embedded inputs name an unknown format: %w", name, err)
	}
	tampered := pricing.ProposalTampering(doc, in)
	used, err := pricing.ParseRateCard("the card embedded in "+path, in.Card)
	if err != nil {
		tampered = append(tampered, "its embedded card does not read as a rate card")
		return a.tampered(name, tampered, nil, err)
	}
	req := &proposalRequest{in: *in, card: used, projectName: "the project embedded in " + path}
	again, err := req.render(format)
	if err != nil {
		tampered = append(tampered, "its embedded project does not price on its embedded card")
		return a.tampered(name, tampered, nil, err)
	}
	var change []pricing.LineChange
	if in.Version == version {
		if !bytes.Equal(again, doc) {
			if len(tampered) == 0 {
				tampered = append(tampered, "what it shows is not what its embedded inputs give")
			}
			change = pricing.DiffLines(doc, again)
		}
	} else if len(tampered) > 0 {
		change = pricing.DiffLines(doc, again)
	}
	if len(tampered) > 0 {
		return a.tampered(name, tampered, change, nil)
	}

	nowSrc, nowOrigin, err := a.readCardSource(o.rates)
	if err != nil {
		return err
	}
	if in.Version != version {
		defer fmt.Fprintf(a.stdout, "(It was made by creditplan %s, and this is %s: its figures were recomputed and its record of itself checked, its layout was not compared.)\n", in.Version, version)
	}
	nowIn := *in
	if o.pricing != "" {
		if nowIn.Overlay, err = a.readOverlaySource(o.pricing); err != nil {
			return fmt.Errorf("pricing: %w", err)
		}
		nowIn.OverlayName, nowIn.OverlaySHA256 = filepath.Base(o.pricing), pricing.SHA256Hex(nowIn.Overlay)
	}
	cardNow := "the current card (" + pricing.Printable(nowOrigin) + ")"
	cardUsed := pricing.Printable(used.Name) + " as of " + used.AsOf
	if pricing.SHA256Hex(nowSrc) == in.CardSHA256 && nowIn.OverlaySHA256 == in.OverlaySHA256 {
		fmt.Fprintf(a.stdout, "%s: matches: computed from %s, which is %s%s; recomputed, it gives the same proposal.\n",
			name, cardUsed, cardNow, overlayWords(in))
		return nil
	}
	now, err := pricing.ParseRateCard(nowOrigin, nowSrc)
	if err != nil {
		return err
	}
	then, err := req.proposal()
	if err != nil {
		return err
	}
	var cardChanges, changes []string
	if nowIn.OverlaySHA256 != in.OverlaySHA256 {
		cardChanges = append(cardChanges, "The negotiated pricing is not the one used: "+overlayName(in)+" then, "+overlayName(&nowIn)+" now")
	}
	// The cards' list prices; what they make of the customer's own prices
	// is in the proposal's changes (its "Your pricing" table).
	cardChanges = append(cardChanges, pricing.DiffCards(used, now)...)
	nowReq := &proposalRequest{in: nowIn, card: now, projectName: req.projectName}
	nowProp, err := nowReq.proposal()
	if err != nil {
		changes = append(changes, "the project no longer prices on the current card: "+pricing.Printable(err.Error()))
	} else {
		changes = report.ProposalChanges(then, nowProp)
	}
	if len(cardChanges) == 0 && len(changes) == 0 {
		fmt.Fprintf(a.stdout, "%s: matches: %s differs from the card used (%s) only in its layout or comments; recomputed, it gives the same proposal.\n",
			name, cardNow, cardUsed)
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: changed: %s is not the card used (%s%s).\n", name, cardNow, cardUsed, overlayWords(in))
	if len(cardChanges) > 0 {
		b.WriteString("What changed in the card:\n")
		for _, s := range cardChanges {
			b.WriteString("  - " + s + "\n")
		}
	}
	if len(changes) > 0 {
		b.WriteString("What that changes in the proposal:\n")
		for _, s := range changes {
			b.WriteString("  - " + s + "\n")
		}
	} else {
		b.WriteString("The proposal's figures are the same on the current card.\n")
	}
	fmt.Fprint(a.stdout, b.String())
	return exitWith(exitInvalid)
}

// overlayWords names the negotiated pricing a proposal was made with, for
// a sentence: " with the negotiated pricing of acme.toml", or "".
func overlayWords(in *pricing.ProposalInputs) string {
	if in.OverlaySHA256 == "" {
		return ""
	}
	return " with the negotiated pricing of " + overlayName(in)
}

// overlayName is an overlay's file name and the start of its SHA-256, or
// "none".
func overlayName(in *pricing.ProposalInputs) string {
	if in.OverlaySHA256 == "" {
		return "none"
	}
	return pricing.Printable(in.OverlayName) + " (" + in.OverlaySHA256[:12] + ")"
}

// tampered prints why a proposal is not as it was made, and what no longer
// matches, and ends the run with exit 1.
func (a *app) tampered(name string, why []string, change []pricing.LineChange, cause error) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: tampered: it is not as creditplan made it.\n", name)
	for _, w := range why {
		b.WriteString("  - " + w + "\n")
	}
	if cause != nil {
		b.WriteString("  " + strings.ReplaceAll(pricing.Printable(cause.Error()), `\n`, "\n  ") + "\n")
	}
	if len(change) > 0 {
		b.WriteString("What no longer matches:\n")
	}
	for _, ch := range change {
		fmt.Fprintf(&b, "  line %d\n", ch.Line)
		for _, l := range ch.Shown {
			b.WriteString("    shown:      " + l + "\n")
		}
		for _, l := range ch.Computed {
			b.WriteString("    recomputed: " + l + "\n")
		}
	}
	fmt.Fprint(a.stdout, b.String())
	return exitWith(exitInvalid)
}
