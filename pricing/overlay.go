package pricing

import (
	"path"
	"sort"
	"strings"
)

// Overlay is a customer's negotiated pricing over a rate card, read from its
// own TOML file (docs/pricing-overlay.md): it names the card it was
// negotiated on, and may change only what that card has: plan prices,
// credits, the extra seat price, packs, feature rates, and a discount per
// plan. ParseOverlay reads it; (*RateCard).WithOverlay lays it over a card.
type Overlay struct {
	// File is what messages and the badge call the overlay's file.
	File string
	// Card and AsOf name the card the overlay was negotiated on: its name
	// and/or its as-of date (at least one).
	Card string
	AsOf string
	// Plans and Features are the changes, in the file's id order.
	Plans    []PlanOverlay
	Features []FeatureOverlay

	src []byte
}

// PlanOverlay is one [plans.ID] table of an overlay: each set field replaces
// the card's; a discount then comes off the plan's prices.
type PlanOverlay struct {
	ID                        string
	MonthlyPrice, AnnualPrice *Money
	SeatPrice                 *Money
	// Credits holds thousandths as read (3 decimals); the card's precision
	// is checked when it is laid over a card.
	Credits  *Credits
	Discount *Discount
	TopUps   []TopUpOverlay
	path     string
}

// TopUpOverlay is one [plans.ID.topups.PACK] table: a pack's new credits or price.
type TopUpOverlay struct {
	ID      string
	Credits *Credits
	Price   *Money
	path    string
}

// FeatureOverlay is one [features.ID] table: a feature's new rate or minimum.
type FeatureOverlay struct {
	ID            string
	Rate, Minimum *Credits
	path          string
}

var (
	overlayTopKeys     = []string{"overlay", "plans", "features"}
	overlayHeadKeys    = []string{"card", "as_of"}
	overlayPlanKeys    = []string{"monthly_price", "annual_price", "credits", "extra_seat_price", "discount", "topups"}
	overlayTopUpKeys   = []string{"credits", "price"}
	overlayFeatureKeys = []string{"rate", "minimum"}
)

// SourceIsOverlay reports whether src is a pricing overlay (it has a
// top-level [overlay] table), so check can tell one from a project.
func SourceIsOverlay(src []byte) bool {
	if !strings.Contains(string(src), "overlay") {
		return false
	}
	s := newSourceScan("", src, sourceKind{maxBytes: len(src), maxValues: len(src) + 1})
	s.run()
	return s.rootOverlay
}

// ParseOverlay reads an overlay file on its own: its TOML, its keys and the
// type of every value. Whether its ids and numbers fit a card is for
// WithOverlay, or LoadOverlay, which checks both at once.
func ParseOverlay(name string, src []byte) (*Overlay, error) {
	tree, err := decodeTOML(name, src, overlaySource)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, src: src}
	o := readOverlay(d, tree)
	if err := d.err(); err != nil {
		return nil, err
	}
	return o, nil
}

// LoadOverlay reads the overlay file and lays it over c: every problem, of
// the file or against the card, is reported at once, and on any of them no
// card is returned.
func (c *RateCard) LoadOverlay(name string, src []byte) (*RateCard, *Overlay, error) {
	tree, err := decodeTOML(name, src, overlaySource)
	if err != nil {
		return nil, nil, err
	}
	d := &decoder{file: name, src: src}
	o := readOverlay(d, tree)
	nc := c.applyOverlay(d, o)
	if err := d.err(); err != nil {
		return nil, nil, err
	}
	return nc, o, nil
}

// BadgeName is what the "custom pricing: FILE" badge calls an overlay file:
// its base name, made printable.
func BadgeName(file string) string {
	b := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if b == "." || b == "/" {
		b = file
	}
	return Printable(b)
}

func readOverlay(d *decoder, tree map[string]any) *Overlay {
	d.refuseUnsafeText(tree)
	root := d.table(tree)
	o := &Overlay{File: d.file, src: d.src}
	if h := root.sub("overlay", true); h != nil {
		o.Card = strings.TrimSpace(h.str("card", false))
		if h.given("as_of") {
			o.AsOf = readDate(h, "as_of")
		}
		if !h.given("card") && !h.given("as_of") {
			h.missingf("card", "an overlay must name the card it was negotiated on: card = \"NAME\" and/or as_of = DATE")
		}
		h.finish(overlayHeadKeys)
	}
	if pt := root.sub("plans", false); pt != nil {
		for _, id := range sortedKeys(pt.m) {
			t := pt.sub(id, false)
			if t == nil {
				continue
			}
			o.Plans = append(o.Plans, readPlanOverlay(t, id))
		}
	}
	if ft := root.sub("features", false); ft != nil {
		for _, id := range sortedKeys(ft.m) {
			t := ft.sub(id, false)
			if t == nil {
				continue
			}
			f := FeatureOverlay{ID: id, path: t.path()}
			f.Rate = optCredits(t, "rate")
			f.Minimum = optCredits(t, "minimum")
			t.finish(overlayFeatureKeys)
			if len(t.m) == 0 {
				d.addf(t.path(), "changes nothing; give rate or minimum, or leave the table out")
			}
			o.Features = append(o.Features, f)
		}
	}
	root.finish(overlayTopKeys)
	return o
}

func readPlanOverlay(t *table, id string) PlanOverlay {
	p := PlanOverlay{ID: id, path: t.path()}
	p.MonthlyPrice = optMoney(t, "monthly_price")
	p.AnnualPrice = optMoney(t, "annual_price")
	p.SeatPrice = optMoney(t, "extra_seat_price")
	p.Credits = optCredits(t, "credits")
	if s, ok := t.optionalText("discount", "for no discount"); ok {
		if disc, err := ParseDiscount(s); err != nil {
			t.d.addf(t.keyPath("discount"), "%v", err)
		} else {
			p.Discount = &disc
		}
	}
	if tt := t.sub("topups", false); tt != nil {
		for _, pack := range sortedKeys(tt.m) {
			pt := tt.sub(pack, false)
			if pt == nil {
				continue
			}
			tu := TopUpOverlay{ID: pack, path: pt.path()}
			tu.Credits = optCredits(pt, "credits")
			tu.Price = optMoney(pt, "price")
			pt.finish(overlayTopUpKeys)
			if len(pt.m) == 0 {
				t.d.addf(pt.path(), "changes nothing; give credits or price, or leave the table out")
			}
			p.TopUps = append(p.TopUps, tu)
		}
	}
	t.finish(overlayPlanKeys)
	if len(t.m) == 0 {
		t.d.addf(t.path(), "changes nothing; give a price, credits, extra_seat_price, discount or topups, or leave the table out")
	}
	return p
}

func optMoney(t *table, key string) *Money {
	if m, ok := t.money(key, false); ok {
		return &m
	}
	return nil
}

// optCredits reads credits at the most decimals the format holds; the card's
// own precision is checked against the card.
func optCredits(t *table, key string) *Credits {
	if c, ok := t.credits(key, false, 3); ok {
		return &c
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
