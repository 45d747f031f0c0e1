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
	cards, err := a.readCards(o.ratesFiles)
	if err != nil {
		return err
	}
	var fx *pricing.FX
	if o.fx != "" {
		if fx, err = readFX(o.fx); err != nil {
			return err
		}
		// The rates in force on the day the comparison is prepared.
		day, err := a.today(c)
		if err != nil {
			return err
		}
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

// cardMonths reads the project once for each card: the month as that card
// prices it, with the customer's negotiated pricing laid over the card it
// was negotiated on.
func (a *app) cardMonths(c *command, o *options, path string, cards []*pricing.RateCard) ([]pricing.CardMonth, error) {
	src, name, err := a.readProjectSource(path)
	if err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	months := make([]pricing.CardMonth, 0, len(cards))
	var all pricing.Problems
	for _, card := range cards {
		p, err := pricing.ParseProject(name, src, card)
		if err != nil {
			ps, ok := pricing.AsProblems(err)
			if !ok {
				return nil, err
			}
			// Each card reads the project on its own: say which card a problem is on.
			for _, pr := range ps {
				pr.Msg = "on " + pricing.Printable(card.Name) + ": " + pr.Msg
				all = append(all, pr)
			}
			continue
		}
		months = append(months, pricing.CardMonth{Card: card, Project: p})
	}
	if len(all) > 0 {
		return nil, all
	}
	return a.forCustomers(c, o, path, months)
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
