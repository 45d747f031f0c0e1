package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"creditplan/pricing"
	"creditplan/sourcefile"
)

// todayEnv names the environment variable that fixes "today" (YYYY-MM-DD):
// the date every output is prepared on, so tests and reprints are
// deterministic. Without it the clock's local date is used.
const todayEnv = "CREDITPLAN_TODAY"

// today is the date outputs are prepared on: CREDITPLAN_TODAY when set,
// else the clock's. It is the one place the command line reads the date.
func (a *app) today(c *command) (pricing.Date, error) {
	if s := strings.TrimSpace(a.env(todayEnv)); s != "" {
		d, err := pricing.ParseDate(s)
		if err != nil {
			return pricing.Date{}, usagef(c, "%s: %v", todayEnv, err)
		}
		return d, nil
	}
	now := time.Now
	if a.now != nil {
		now = a.now
	}
	return pricing.DateOf(now()), nil
}

func pricingFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.pricing, "pricing", "", "lay the customer's negotiated pricing from `FILE` over the rate card (default: the project's pricing = \"FILE\")")
}

// overlayPath is the pricing overlay a command uses: --pricing as given, else
// the project's pricing = "FILE", relative to the project file's directory;
// "" for the card's list prices.
func overlayPath(o *options, projectPath string, p *pricing.Project) string {
	if o.pricing != "" {
		return o.pricing
	}
	if p == nil || p.PricingFile == "" {
		return ""
	}
	if filepath.IsAbs(p.PricingFile) {
		return p.PricingFile
	}
	return filepath.Join(filepath.Dir(projectPath), p.PricingFile)
}

// readOverlayFile reads a pricing overlay: a regular file within the
// overlay's size limit.
func readOverlayFile(path string) ([]byte, error) {
	src, _, err := sourcefile.Read(path, pricing.MaxOverlayBytes)
	return src, err
}

// applyPricing lays the overlay at path over the card ("" leaves the card's
// list prices). Every problem of the overlay is an error (exit 1) and no
// card is returned.
func applyPricing(card *pricing.RateCard, path string) (*pricing.RateCard, error) {
	if path == "" {
		return card, nil
	}
	src, err := readOverlayFile(path)
	if err != nil {
		return nil, fmt.Errorf("pricing: %w", err)
	}
	nc, _, err := card.LoadOverlay(path, src)
	if err != nil {
		return nil, err
	}
	return nc, nil
}

// forCustomer is the card an output is written from: the overlay (if any)
// laid over it, and the project's customer and today's date carried for the
// stamps. Its warnings (an expired valid_until, a price above the discount
// band) go to stderr: they are not errors.
func (a *app) forCustomer(c *command, o *options, card *pricing.RateCard, projectPath string, p *pricing.Project) (*pricing.RateCard, error) {
	today, err := a.today(c)
	if err != nil {
		return nil, err
	}
	card, err = applyPricing(card, overlayPath(o, projectPath, p))
	if err != nil {
		return nil, err
	}
	card = card.ForCustomer(p, today)
	for _, w := range card.Sales.Warnings {
		fmt.Fprintf(a.stderr, "%s: warning: %s\n", c.fullName(), pricing.Printable(w))
	}
	return card, nil
}
