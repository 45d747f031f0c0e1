package main

import (
	"fmt"

	"creditplan/pricing"
	"creditplan/pricing/report"
	"creditplan/sourcefile"
)

// compareVendors is compare with --rates given more than once: the project's
// month priced on each card, side by side, and the cheapest vendor. Every
// card's problems are printed at once, as a loader's are; a card that cannot
// be read prices nothing.
func compareVendors(a *app, c *command, o *options, pos []string) error {
	format, err := c.outputFormat(o)
	if err != nil {
		return err
	}
	width, err := c.pageWidth(a, o)
	if err != nil {
		return err
	}
	path, err := oneProject(c, a.stdinDefault(pos))
	if err != nil {
		return err
	}
	if o.hasBudget {
		return usagef(c, "--budget is money in one card's currency; compare vendors without it, or compare one card's plans with it")
	}
	day, err := a.asOf(c, o)
	if err != nil {
		return err
	}
	cards, err := a.readCards(o.ratesFiles)
	if err != nil {
		return err
	}
	for i := range cards {
		if cards[i], err = a.cardOn(c, o, cards[i]); err != nil {
			return err
		}
	}
	var fx *pricing.FX
	if o.fx != "" {
		if fx, err = readFX(o.fx); err != nil {
			return err
		}
		// The rates in force on the day the cards are priced on.
		fx = fx.On(day)
	}
	months, err := a.cardMonths(c, o, path, cards)
	if err != nil {
		return err
	}
	vc, err := pricing.CompareVendors(months, fx)
	if err != nil {
		return err
	}
	return writeOut(report.WriteVendors(&report.Page{W: a.stdout, Width: width}, vc, format))
}

// readCards reads every card named, in order; the problems of all of them
// are returned together.
func (a *app) readCards(paths []string) ([]*pricing.RateCard, error) {
	cards := make([]*pricing.RateCard, 0, len(paths))
	var all pricing.Problems
	for _, p := range paths {
		card, err := a.readCard(p)
		if err != nil {
			ps, ok := pricing.AsProblems(err)
			if !ok {
				return nil, err
			}
			all = append(all, ps...)
			continue
		}
		cards = append(cards, card)
	}
	if len(all) > 0 {
		return nil, all
	}
	return cards, nil
}

// readFX reads --fx: a regular file within the exchange-rate file's limit.
func readFX(path string) (*pricing.FX, error) {
	src, _, err := sourcefile.Read(path, pricing.MaxFXBytes)
	if err != nil {
		return nil, fmt.Errorf("exchange rates: %w", err)
	}
	return pricing.ParseFX(path, src)
}

// cardMonths reads the project against every card (ParseProjectAcross): a
// card's own ids first, then capabilities, then ids carried from another
// card. The built-in card is read with them when not given, first, so a
// project written for it carries to the others; it is not compared unless
// given.
func (a *app) cardMonths(c *command, o *options, path string, cards []*pricing.RateCard) ([]pricing.CardMonth, error) {
	src, name, err := a.readProjectSource(path)
	if err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	across := cards
	extra := 0
	if !hasBuiltIn(cards) {
		builtIn, err := a.readCard("")
		if err != nil {
			return nil, err
		}
		if builtIn, err = a.cardOn(c, o, builtIn); err != nil {
			return nil, err
		}
		across, extra = append([]*pricing.RateCard{builtIn}, cards...), 1
	}
	s, done := a.projectSources(path)
	defer done()
	months, err := pricing.ParseProjectAcrossFrom(name, src, across, s)
	if err != nil {
		return nil, err
	}
	return a.forCustomers(c, o, path, months[extra:])
}

// hasBuiltIn reports whether the built-in card is among the cards (given as
// --rates "").
func hasBuiltIn(cards []*pricing.RateCard) bool {
	for _, c := range cards {
		if c.Origin == defaultCardOrigin {
			return true
		}
	}
	return false
}

// projectSources is where a project's script files are read: the project's
// folder, in a session the user's.
func (a *app) projectSources(path string) (pricing.ProjectSources, func()) {
	if a.session == nil {
		return projectFolder(path)
	}
	return folderIn(a.session.root, path)
}

// forCustomers lays the project's negotiated pricing over the card it names
// (an overlay is for one card; the others keep their list prices) and
// carries the customer and today's date to every card, for the stamps. An
// overlay no card matches is the error the first card gives.
func (a *app) forCustomers(c *command, o *options, path string, months []pricing.CardMonth) ([]pricing.CardMonth, error) {
	today, err := a.today(c)
	if err != nil {
		return nil, err
	}
	var ov *pricing.Overlay
	ovPath := ""
	if len(months) > 0 {
		ovPath = overlayPath(o, path, months[0].Project)
	}
	if ovPath != "" {
		src, err := a.readOverlaySource(ovPath)
		if err != nil {
			return nil, fmt.Errorf("pricing: %w", err)
		}
		if ov, err = pricing.ParseOverlay(ovPath, src); err != nil {
			return nil, err
		}
	}
	matched := false
	for i := range months {
		m := &months[i]
		if ov != nil && (ov.Card == "" || ov.Card == m.Card.Name) && (ov.AsOf == "" || ov.AsOf == m.Card.AsOf) {
			if m.Card, err = a.applyPricing(m.Card, ovPath); err != nil {
				return nil, err
			}
			matched = true
		}
		m.Card = m.Card.ForCustomer(m.Project, today)
		for _, w := range m.Card.Sales.Warnings {
			fmt.Fprintf(a.stderr, "%s: warning: %s\n", c.fullName(), pricing.Printable(w))
		}
	}
	if ov != nil && !matched {
		_, err := a.applyPricing(months[0].Card, ovPath)
		if err == nil {
			err = fmt.Errorf("pricing: %s is for none of the cards compared", pricing.Printable(ovPath))
		}
		return nil, err
	}
	return months, nil
}

// checkFX is check for an exchange-rate file: "ok" with its rates, or its
// problems; it reports whether the file is bad.
func (a *app) checkFX(path string, src []byte, say func(string, ...any)) bool {
	fx, err := pricing.ParseFX(path, src)
	if err != nil {
		a.reportBad(err)
		return true
	}
	say("ok  %s (exchange rates, %s)\n", path, pricing.Plural(len(fx.Rates), "rate"))
	return false
}
