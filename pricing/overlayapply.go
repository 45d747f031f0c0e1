package pricing

import "fmt"

// CustomPricing is what an overlay changed on a card: the badge's file name,
// each change as list price → this customer's, and the warnings a salesperson
// must see (a price below the card's discount band).
type CustomPricing struct {
	// File is the overlay file's base name, printable (BadgeName).
	File string
	// Path is the overlay's file as it was named, for messages.
	Path     string
	Changes  []PriceChange
	Warnings []string
}

// PriceChange is one number an overlay changed: what it is ("Pro monthly
// price"), the card's list value and this customer's, as people read them.
type PriceChange struct {
	What, List, Yours string
}

// Badge is the line every output carries for negotiated pricing:
// "custom pricing: acme-pricing.toml"; "" for list prices.
func (cp *CustomPricing) Badge() string {
	if cp == nil {
		return ""
	}
	return "custom pricing: " + cp.File
}

// WithOverlay lays the overlay over the card: a new card with the
// customer's prices, the changes it made, or every problem of the overlay
// against this card (each at its file:line:col). On error no card is
// returned: an overlay is applied whole or not at all. c is never changed.
func (c *RateCard) WithOverlay(o *Overlay) (*RateCard, []PriceChange, error) {
	if o == nil {
		return c, nil, nil
	}
	d := &decoder{file: o.File, src: o.src}
	nc := c.applyOverlay(d, o)
	if err := d.err(); err != nil {
		return nil, nil, err
	}
	return nc, nc.Custom.Changes, nil
}

// applyOverlay builds the overlaid card, reporting problems into d; the card
// it returns is only to be used when d has none.
func (c *RateCard) applyOverlay(d *decoder, o *Overlay) *RateCard {
	if o.Card != "" && o.Card != c.Name {
		d.addf("overlay.card", "this overlay was negotiated on the card %s, not on %s (the card in use, %s); use --rates with its card",
			quoteName(o.Card), quoteName(c.Name), c.Origin)
	}
	if o.AsOf != "" && o.AsOf != c.AsOf {
		d.addf("overlay.as_of", "this overlay was negotiated on the card as of %s, but the card in use (%s) is as of %s", o.AsOf, quoteName(c.Name), c.AsOf)
	}
	nc := *c
	nc.Plans = make([]Plan, len(c.Plans))
	for i := range c.Plans {
		nc.Plans[i] = c.Plans[i]
		nc.Plans[i].TopUps = append([]TopUp(nil), c.Plans[i].TopUps...)
	}
	nc.Features = append([]Feature(nil), c.Features...)
	cp := &CustomPricing{File: BadgeName(o.File), Path: o.File}
	nc.Custom = cp

	byPlan := map[string]*PlanOverlay{}
	for i := range o.Plans {
		po := &o.Plans[i]
		if _, ok := c.planIndex[po.ID]; !ok {
			d.oneOf(po.path, "plan", po.ID, c.PlanIDs())
			continue
		}
		byPlan[po.ID] = po
	}
	byFeature := map[string]*FeatureOverlay{}
	for i := range o.Features {
		fo := &o.Features[i]
		if _, ok := c.featureIndex[fo.ID]; !ok {
			d.oneOf(fo.path, "feature", fo.ID, c.featureIDs())
			continue
		}
		byFeature[fo.ID] = fo
	}
	// Card order, so the changes read as the card does.
	for i := range nc.Plans {
		if po := byPlan[nc.Plans[i].ID]; po != nil {
			nc.overlayPlan(d, &nc.Plans[i], po, cp)
		}
	}
	for i := range nc.Features {
		if fo := byFeature[nc.Features[i].ID]; fo != nil {
			nc.overlayFeature(d, &nc.Features[i], fo, cp)
		}
	}
	return &nc
}

// checkPrecision reports credits with more decimals than the card allows.
func (c *RateCard) checkPrecision(d *decoder, path string, v Credits) bool {
	step := int64(1)
	for range 3 - c.Precision {
		step *= 10
	}
	if int64(v)%step != 0 {
		d.addf(path, "%s has more decimals than this card allows (%s)", v.String(), decimalCount(c.Precision))
		return false
	}
	return true
}

func (c *RateCard) overlayPlan(d *decoder, p *Plan, po *PlanOverlay, cp *CustomPricing) {
	key := func(k string) string { return po.path + "." + k }
	list := *p
	listPriced := !p.ContactSales
	if po.Credits != nil && c.checkPrecision(d, key("credits"), *po.Credits) {
		p.Credits = *po.Credits
		p.Marks = p.Marks.without("credits")
	}
	if po.SeatPrice != nil {
		if !p.ExtraSeats {
			d.addf(key("extra_seat_price"), "%s sells no extra seats on the card, so an overlay cannot price them", p.Name)
		} else {
			p.SeatPrice = *po.SeatPrice
			p.Marks = p.Marks.without("extra_seat_price")
		}
	}
	switch {
	case po.AnnualPrice != nil && po.MonthlyPrice == nil && p.ContactSales:
		d.addf(key("annual_price"), "%s has no public price; give its monthly_price too", p.Name)
	case po.MonthlyPrice != nil || po.AnnualPrice != nil:
		if po.MonthlyPrice != nil {
			p.MonthlyPrice = *po.MonthlyPrice
			p.Marks = p.Marks.without("monthly_price")
			if p.ContactSales && po.AnnualPrice == nil {
				p.AnnualPrice = p.MonthlyPrice
			}
		}
		if po.AnnualPrice != nil {
			p.AnnualPrice = *po.AnnualPrice
			p.Marks = p.Marks.without("annual_price")
		}
		p.ContactSales = false
	}
	var discNote string
	if po.Discount != nil {
		disc := *po.Discount
		switch {
		case p.ContactSales:
			d.addf(key("discount"), "%s has no public price to discount; give its monthly_price", p.Name)
		case disc.IsAmount && disc.Currency != "" && disc.Currency != c.Currency:
			d.addf(key("discount"), "discount %s is in %s, but the card's prices are in %s", disc, disc.Currency, c.Currency)
		default:
			disc.Currency = c.Currency
			ok := true
			for _, price := range []*Money{&p.MonthlyPrice, &p.AnnualPrice} {
				if *price == 0 && !disc.IsAmount {
					continue
				}
				v, err := ApplyDiscount(*price, disc)
				if err != nil {
					if ok {
						d.addf(key("discount"), "%s: %v", p.Name, err)
					}
					ok = false
					continue
				}
				*price = v
			}
			discNote = " (" + disc.String() + " off)"
		}
	}
	who := p.Name + " "
	if !listPriced {
		if !p.ContactSales {
			cp.add(who+"monthly price", ContactSales, c.Money(p.MonthlyPrice)+discNote)
			cp.add(who+"annual price", ContactSales, c.Money(p.AnnualPrice)+discNote)
		}
	} else {
		cp.add(who+"monthly price"+discNote, c.Money(list.MonthlyPrice), c.Money(p.MonthlyPrice))
		cp.add(who+"annual price"+discNote, c.Money(list.AnnualPrice), c.Money(p.AnnualPrice))
		if c.MaxDiscount > 0 {
			for _, pr := range [...]struct {
				what        string
				list, yours Money
			}{{"monthly", list.MonthlyPrice, p.MonthlyPrice}, {"annual", list.AnnualPrice, p.AnnualPrice}} {
				if r := Reduction(pr.list, pr.yours); r > c.MaxDiscount {
					cp.Warnings = append(cp.Warnings, fmt.Sprintf("%s %s price %s is %s below list (%s): above the %s band: needs approval",
						p.Name, pr.what, c.Money(pr.yours), FormatPercent(r), c.Money(pr.list), FormatPercent(c.MaxDiscount)))
				}
			}
		}
	}
	cp.add(who+"credits", c.CreditWord(list.Credits), c.CreditWord(p.Credits))
	if p.ExtraSeats {
		cp.add(who+"extra seat price", c.Money(list.SeatPrice), c.Money(p.SeatPrice))
	}
	for _, to := range po.TopUps {
		j := -1
		ids := make([]string, len(p.TopUps))
		for k := range p.TopUps {
			ids[k] = p.TopUps[k].ID
			if p.TopUps[k].ID == to.ID {
				j = k
			}
		}
		if j < 0 {
			if len(ids) == 0 {
				d.addf(to.path, "%s sells no top-ups on the card, so an overlay cannot price %q", p.Name, to.ID)
			} else {
				d.oneOf(to.path, "top-up of "+p.Name, to.ID, ids)
			}
			continue
		}
		tu := &p.TopUps[j]
		was := *tu
		if to.Credits != nil && c.checkPrecision(d, to.path+".credits", *to.Credits) {
			if *to.Credits == 0 {
				d.addf(to.path+".credits", "a top-up must add credits")
			}
			tu.Credits = *to.Credits
			tu.Marks = tu.Marks.without("credits")
		}
		if to.Price != nil {
			tu.Price = *to.Price
			tu.Marks = tu.Marks.without("price")
		}
		pack := p.Name + "'s " + tu.Name + " "
		cp.add(pack+"credits", c.CreditWord(was.Credits), c.CreditWord(tu.Credits))
		cp.add(pack+"price", c.Money(was.Price), c.Money(tu.Price))
	}
}

func (c *RateCard) overlayFeature(d *decoder, f *Feature, fo *FeatureOverlay, cp *CustomPricing) {
	was := *f
	for _, k := range []struct {
		key string
		v   *Credits
		to  *Credits
	}{{"rate", fo.Rate, &f.Rate}, {"minimum", fo.Minimum, &f.Minimum}} {
		if k.v == nil {
			continue
		}
		path := fo.path + "." + k.key
		if !f.Premium {
			d.addf(path, "%s is included (premium = false) and spends no credits; an overlay cannot give it a %s", f.Name, k.key)
			continue
		}
		if c.checkPrecision(d, path, *k.v) {
			*k.to = *k.v
			f.Marks = f.Marks.without(k.key)
		}
	}
	unit := " / " + f.Unit.Label()
	cp.add(f.Name+" rate", was.Rate.String()+unit, f.Rate.String()+unit)
	cp.add(f.Name+" minimum", c.CreditWord(was.Minimum), c.CreditWord(f.Minimum))
}

// add records a change when the customer's value differs from the list's.
func (cp *CustomPricing) add(what, list, yours string) {
	if list == yours {
		return
	}
	cp.Changes = append(cp.Changes, PriceChange{What: what, List: list, Yours: yours})
}

// without is m with field no longer marked: a negotiated number is the
// contract's, not an estimate. A row left with nothing marked loses its why.
func (m Marks) without(field string) Marks {
	if !m.Has(field) {
		return m
	}
	out := Marks{Why: m.Why}
	for _, f := range m.Fields {
		if f != field {
			out.Fields = append(out.Fields, f)
		}
	}
	if len(out.Fields) == 0 {
		out.Why = ""
	}
	return out
}

// Line words a change for text: "Pro monthly price: $99.00 → $84.15".
func (pc PriceChange) Line() string {
	return pc.What + ": " + pc.List + " \u2192 " + pc.Yours
}
