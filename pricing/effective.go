package pricing

import (
	"fmt"
	"sort"
	"strings"
)

// Dated rows (issue 11 §3). A [[plans]] or [[features]] row may carry
// effective = 2026-03-01: the day its numbers take over from the id's
// earlier row. The rule, for each id, on a day D:
//
//   - the dated row with the latest effective date on or before D is in force;
//   - when no dated row has started, the id's undated row is (at most one per
//     id: the default, in force from the beginning);
//   - an id with only dated rows starts on its first date: before it the id
//     is not on the card at all, and naming it is an error that says when it
//     starts.
//
// Two rows of one id on one date, or two undated rows, are an error naming
// both rows. Every row of one feature id fills the same slot. Every era of
// the card (from each effective date, and before the first if any row is
// undated) must be a whole card: its slot defaults in force. The card
// ParseRateCard returns holds the rows in force on its as_of date; On picks
// another day's.

// cardRows keeps every row of a card with dated rows as written, so On can
// pick another day's. A card without dated rows has none (nil).
type cardRows struct {
	features []Feature
	plans    []Plan
	// featureAt is the first row of each feature id: plans' offers are
	// indexed by these rows while the card loads.
	featureAt map[string]int
	planAt    map[string]int
	// where is each dated row's position, "file:line:col", for messages
	// written after the card has loaded.
	featureWhere []string
	planWhere    []string
	// dates are the distinct effective dates, earliest first; undated is set
	// when some row has none.
	dates   []Date
	undated bool
}

// rowKey is one id on one date (the zero Date: undated).
type rowKey struct {
	id string
	on Date
}

// readEffective reads a row's effective date; the zero Date when it has none.
func readEffective(t *table) Date {
	if !t.given("effective") {
		return Date{}
	}
	s := readDate(t, "effective")
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		t.d.addf(t.keyPath("effective"), "%v", err)
		return Date{}
	}
	return d
}

// rowSeen reports a second row of one id on one date (or a second undated
// row) at the second row, naming the first and its line. kind is "feature"
// or "plan"; first and path are the two rows' paths ("features[1]").
func rowSeen(d *decoder, kind, id string, on Date, first, path string) {
	if on.IsZero() {
		d.addAlso(path+".id", first+".id", "duplicate %s id %q (first used by %s); that row, at %s, is undated too: give every row but the id's default an effective date", kind, id, first, alsoMark)
		return
	}
	d.addAlso(path+".effective", first+".effective", "%s %q has two rows effective %s (%s, %s, and this one); one id has one row a date", kind, id, on, first, alsoMark)
}

// hasDatedRows reports whether any feature or plan row carries a date.
func hasDatedRows(c *RateCard) bool {
	for i := range c.Features {
		if !c.Features[i].Effective.IsZero() {
			return true
		}
	}
	for i := range c.Plans {
		if !c.Plans[i].Effective.IsZero() {
			return true
		}
	}
	return false
}

// settleDatedRows turns a card read with every row into the card in force
// on its as_of date, keeping the rows for On. It checks what only dated rows
// can get wrong: a feature id whose rows fill different slots, and an era
// whose defaults are not in force. Problems go to d; the card is then not used.
func settleDatedRows(d *decoder, c *RateCard) *RateCard {
	if !hasDatedRows(c) {
		return c
	}
	r := &cardRows{
		features:  c.Features,
		plans:     c.Plans,
		featureAt: c.featureIndex,
		planAt:    c.planIndex,
	}
	var paths []string
	for i := range c.Features {
		paths = append(paths, fmt.Sprintf("features[%d]", i))
	}
	for i := range c.Plans {
		paths = append(paths, fmt.Sprintf("plans[%d]", i))
	}
	loc := locate(string(d.src), wantPaths(paths))
	at := func(path string) string {
		p := loc.find(path)
		return fmt.Sprintf("%s:%d:%d", d.file, p.line, p.col)
	}
	seen := map[Date]bool{}
	note := func(on Date) {
		if on.IsZero() {
			r.undated = true
		} else if !seen[on] {
			seen[on] = true
			r.dates = append(r.dates, on)
		}
	}
	for i := range c.Features {
		f := &c.Features[i]
		note(f.Effective)
		r.featureWhere = append(r.featureWhere, at(fmt.Sprintf("features[%d]", i)))
		if j, ok := c.featureIndex[f.ID]; ok && j != i && f.Slot != c.Features[j].Slot && f.Slot < NumSlots && c.Features[j].Slot < NumSlots {
			d.addf(fmt.Sprintf("features[%d].slot", i), "feature %q fills the %s slot here but %s in features[%d]; every row of one id fills one slot", f.ID, f.Slot.Key(), c.Features[j].Slot.Key(), j)
		}
	}
	for i := range c.Plans {
		note(c.Plans[i].Effective)
		r.planWhere = append(r.planWhere, at(fmt.Sprintf("plans[%d]", i)))
	}
	sort.Slice(r.dates, func(i, j int) bool { return r.dates[i].Before(r.dates[j]) })
	if len(d.problems) > 0 {
		return c
	}
	eras := r.dates
	if r.undated {
		eras = append([]Date{{}}, r.dates...)
	}
	for _, on := range eras {
		if _, missing := r.build(c, on); len(missing) > 0 {
			for _, m := range missing {
				d.addf("defaults."+m.slot.Key(), "%s", m.sentence)
			}
			return c
		}
	}
	asOf, _ := ParseDate(c.AsOf)
	out, missing := r.build(c, asOf)
	if out == nil {
		d.addf("card.as_of", "the card's as_of %s is before every row (the first is effective %s); nothing is in force on the day the card was read", asOf, r.dates[0])
		return c
	}
	if len(missing) > 0 {
		for _, m := range missing {
			d.addf("defaults."+m.slot.Key(), "%s", m.sentence)
		}
	}
	return out
}

// missingDefault is a slot whose default has no row in force on a day.
type missingDefault struct {
	slot     Slot
	sentence string
}

// inForce picks, for each id in first-row order, the row in force on day
// (the zero Date: only undated rows); -1 for none.
func inForce[T any](rows []T, id func(*T) string, eff func(*T) Date, first map[string]int, day Date) []int {
	best := map[string]int{}
	for i := range rows {
		row := &rows[i]
		e := eff(row)
		if !e.IsZero() && (day.IsZero() || day.Before(e)) {
			continue
		}
		k := id(row)
		j, ok := best[k]
		if !ok {
			best[k] = i
			continue
		}
		if e.IsZero() {
			continue // a dated row in force beats the default
		}
		if je := eff(&rows[j]); je.IsZero() || je.Before(e) {
			best[k] = i
		}
	}
	out := make([]int, 0, len(best))
	for i := range rows {
		k := id(&rows[i])
		if first[k] == i {
			if j, ok := best[k]; ok {
				out = append(out, j)
			}
		}
	}
	return out
}

func featureID(f *Feature) string  { return f.ID }
func featureEff(f *Feature) Date   { return f.Effective }
func planID(p *Plan) string        { return p.ID }
func planEff(p *Plan) Date         { return p.Effective }
func (r *cardRows) earliest() Date { return r.dates[0] }

// build is base with the rows in force on day; nil when day is before every
// row. missing lists the slot defaults with no row in force then.
func (r *cardRows) build(base *RateCard, day Date) (*RateCard, []missingDefault) {
	fs := inForce(r.features, featureID, featureEff, r.featureAt, day)
	ps := inForce(r.plans, planID, planEff, r.planAt, day)
	if len(fs) == 0 && len(ps) == 0 {
		return nil, nil
	}
	c := *base
	c.rows = r
	c.RatesAsOf = day
	c.Features = make([]Feature, len(fs))
	c.featureIndex = make(map[string]int, len(fs))
	c.slotOptions = [NumSlots][]int{}
	for k, i := range fs {
		c.Features[k] = r.features[i]
		c.featureIndex[r.features[i].ID] = k
	}
	for k := range c.Features {
		f := &c.Features[k]
		if _, ok := c.featureIndex[f.Alternative]; f.Alternative != "" && !ok {
			f.Alternative, f.AlternativeReason = "", ""
		}
		if f.Slot < NumSlots {
			c.slotOptions[f.Slot] = append(c.slotOptions[f.Slot], k)
		}
	}
	c.Plans = make([]Plan, len(ps))
	c.planIndex = make(map[string]int, len(ps))
	for k, i := range ps {
		p := r.plans[i]
		offers := make([]bool, len(c.Features))
		for j := range c.Features {
			if at, ok := r.featureAt[c.Features[j].ID]; ok && at < len(p.offers) {
				offers[j] = p.offers[at]
			}
		}
		p.offers = offers
		c.Plans[k] = p
		c.planIndex[p.ID] = k
	}
	var missing []missingDefault
	for s := Slot(0); s < NumSlots; s++ {
		id := c.Defaults[s]
		if id == "" {
			continue
		}
		if _, ok := c.featureIndex[id]; !ok {
			missing = append(missing, missingDefault{s, fmt.Sprintf("the default %s %q has no row in force %s%s", s.Key(), id, onDay(day), r.startsNote("feature", id))})
		}
	}
	return &c, missing
}

// onDay names a day in a sentence: "on 2026-03-01", or "before the first
// effective date" for the undated era.
func onDay(day Date) string {
	if day.IsZero() {
		return "before the first effective date"
	}
	return "on " + day.String()
}

// startsNote says when an id not in force starts: " (its first row is
// effective 2026-03-01, plans.toml:40:1)"; "" for an id with no dated row.
func (r *cardRows) startsNote(kind, id string) string {
	if r == nil {
		return ""
	}
	first, where := r.firstDate(kind, id)
	if first.IsZero() {
		return ""
	}
	return fmt.Sprintf(" (its first row is effective %s, %s)", first, where)
}

// firstDate is the earliest effective date of an id's rows and where that row is.
func (r *cardRows) firstDate(kind, id string) (Date, string) {
	var first Date
	var where string
	pick := func(e Date, w string) {
		if !e.IsZero() && (first.IsZero() || e.Before(first)) {
			first, where = e, w
		}
	}
	if kind == "feature" {
		for i := range r.features {
			if r.features[i].ID == id {
				pick(r.features[i].Effective, r.featureWhere[i])
			}
		}
	} else {
		for i := range r.plans {
			if r.plans[i].ID == id {
				pick(r.plans[i].Effective, r.planWhere[i])
			}
		}
	}
	return first, where
}

// On returns the card in force on day: for each plan and feature id, its
// latest row effective on or before day, else its undated row. A card
// without dated rows is the same card, with RatesAsOf set. On is for the
// card as loaded: an overlay or a customer is laid over its result.
// An error when day is before every row of the card, or when a slot's
// default has no row in force on day.
func (c *RateCard) On(day Date) (*RateCard, error) {
	if c.rows == nil {
		out := *c
		out.RatesAsOf = day
		return &out, nil
	}
	out, missing := c.rows.build(c, day)
	if out == nil {
		return nil, fmt.Errorf("%s: --as-of %s is before every row of the card (the first is effective %s)", c.Origin, day, c.rows.earliest())
	}
	if len(missing) > 0 {
		msgs := make([]string, len(missing))
		for i, m := range missing {
			msgs[i] = m.sentence
		}
		return nil, fmt.Errorf("%s: rates as of %s: %s", c.Origin, day, strings.Join(msgs, "; "))
	}
	return out, nil
}

// NotInForce says why an id a project or --plan names is missing from this
// card although another of its days has it: "plan \"pro\" is not in force on
// 2026-01-15 (its first row is effective 2026-02-01, plans.toml:40:1)"; ""
// when the card has no row of the id at all, or has it in force. kind is
// "feature" or "plan".
func (c *RateCard) NotInForce(kind, id string) string {
	if c.rows == nil {
		return ""
	}
	switch kind {
	case "feature":
		if _, ok := c.rows.featureAt[id]; !ok {
			return ""
		}
		if _, ok := c.featureIndex[id]; ok {
			return ""
		}
	case "plan":
		if _, ok := c.rows.planAt[id]; !ok {
			return ""
		}
		if _, ok := c.planIndex[id]; ok {
			return ""
		}
	default:
		return ""
	}
	return fmt.Sprintf("%s %q is not in force %s%s; give a later --as-of", kind, id, onDay(c.RatesAsOf), c.rows.startsNote(kind, id))
}

// HasDatedRows reports whether the card has rows with an effective date.
func (c *RateCard) HasDatedRows() bool { return c.rows != nil }
