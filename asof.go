package main

import (
	"flag"
	"strings"

	"creditplan/pricing"
)

// asOfFlag registers --as-of: the day whose rates a command prices on.
func asOfFlag(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.asOf, "as-of", "", "price on the rates in force on `DATE` (YYYY-MM-DD; default: today)")
}

// asOf is the day a command prices on: --as-of when given, else today
// ((*app).today). It is the one place the command line decides it; every
// command that loads a card goes through cardOn.
func (a *app) asOf(c *command, o *options) (pricing.Date, error) {
	if s := strings.TrimSpace(o.asOf); s != "" {
		d, err := pricing.ParseDate(s)
		if err != nil {
			return pricing.Date{}, usagef(c, "--as-of: %v", err)
		}
		return d, nil
	}
	return a.today(c)
}

// cardOn is card with the rows in force on the command's as-of day. A day
// before every row of the card is a usage error: it names the first date.
func (a *app) cardOn(c *command, o *options, card *pricing.RateCard) (*pricing.RateCard, error) {
	day, err := a.asOf(c, o)
	if err != nil {
		return nil, err
	}
	on, err := card.On(day)
	if err != nil {
		return nil, usagef(c, "%v", err)
	}
	return on, nil
}
