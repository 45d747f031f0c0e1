package pricing

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// SchemaVersion is the rate-card schema this build reads.
const SchemaVersion = 1

var (
	cardTopKeys   = []string{"card", "defaults", "plans", "features", "one_time"}
	cardKeys      = []string{"name", "vendor", "currency", "as_of", "schema", "credit_name", "credit_name_plural", "precision", "sources", "max_discount", "words_per_minute", "failed_renders", "words_per_minute_by_language"}
	planKeys      = []string{"id", "name", "monthly_price", "annual_price", "credits", "included_seats", "extra_seat_price", "max_length", "max_resolution", "watermark", "videos_per_month", "features", "rollover", "credits_expire_days", "annual_upfront", "topups", "estimated", "why", "effective"}
	topUpKeys     = []string{"id", "name", "credits", "price", "lasts_days", "estimated", "why"}
	featureKeys   = []string{"id", "name", "slot", "premium", "rate", "unit", "increment", "minimum", "rerender", "alternative", "alternative_reason", "weight", "height", "estimated", "why", "effective", "words_per_minute", "provides", "rerender_rate"}
	maxCardCounts = 500 // plans or features: far above any real card, bounds the work on hostile input
	// maxTopUps bounds a plan's packs: the cheapest mix of packs for a shortfall
	// is searched over every pack, for every plan a comparison or a year tries,
	// so a card with thousands would make every quote slow. Real plans sell one to three.
	maxTopUps = 20
)

// ParseRateCard reads a rate card. name is what errors call the file. Every
// problem is reported at once, with its line and column; on error no card is returned.
func ParseRateCard(name string, src []byte) (*RateCard, error) {
	tree, err := decodeTOML(name, src, cardSource)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, src: src}
	d.refuseUnsafeText(tree)
	root := d.table(tree)
	card := &RateCard{Origin: name}
	// Until a valid precision is read, amounts are read at the most the format
	// holds: a bad or missing precision is then the one problem, not every rate.
	card.Precision = 3

	if ct := root.sub("card", true); ct != nil {
		card.Name = ct.str("name", true)
		card.Vendor = ct.str("vendor", false)
		card.Currency = strings.ToUpper(ct.str("currency", true))
		if card.Currency != "" && (len(card.Currency) != 3 || strings.Trim(card.Currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
			d.addf("card.currency", "must be a three-letter currency code like \"USD\", not %q", card.Currency)
		}
		card.AsOf = readDate(ct, "as_of")
		card.Schema = int(ct.integer("schema", true, SchemaVersion, 1, 1000))
		if card.Schema != SchemaVersion {
			d.addf("card.schema", "schema %d is not supported; this build reads schema %d", card.Schema, SchemaVersion)
		}
		card.CreditName = ct.str("credit_name", false)
		if card.CreditName == "" {
			card.CreditName = "credit"
		}
		card.CreditNamePlural = ct.str("credit_name_plural", false)
		if card.CreditNamePlural == "" {
			card.CreditNamePlural = card.CreditName + "s"
		}
		if n := ct.integer("precision", false, -1, 0, 3); n >= 0 {
			card.Precision = int(n)
		} else if _, given := ct.get("precision"); !given {
			card.Precision = 0
		}
		card.Sources = ct.strings("sources")
		card.MaxDiscount = readMaxDiscount(ct)
		card.FailedRenders = readFailedRenders(ct)
		card.WordsPerMinute = readWordsPerMinute(ct)
		card.LanguagePace = readLanguagePaces(ct)
		ct.finish(cardKeys)
	}

	featureTables := root.tables("features")
	if len(featureTables) == 0 && !root.given("features") {
		root.missingf("features", "the card has no [[features]]")
	}
	if len(featureTables) > maxCardCounts {
		d.addf("features", "too many features (%d); at most %d", len(featureTables), maxCardCounts)
		featureTables = featureTables[:maxCardCounts]
		d.idsUnread = true
	}
	if n, _ := tableCount(root, "features"); n != len(featureTables) || n == 0 {
		d.idsUnread = true // some feature was not read: no reference is "unknown"
	}
	card.featureIndex = make(map[string]int, len(featureTables))
	featureRows := map[rowKey]int{} // one row per id and date (effective.go)
	for i := range featureTables {
		ft := &featureTables[i]
		f := readFeature(ft, card.Precision)
		if f.ID == "" || d.refused[ft.keyPath("id")] {
			d.idsUnread = true
			f.ID = ""
		} else {
			if j, dup := featureRows[rowKey{f.ID, f.Effective}]; dup {
				rowSeen(d, "feature", f.ID, f.Effective, fmt.Sprintf("features[%d]", j), fmt.Sprintf("features[%d]", i))
			} else if featureRows[rowKey{f.ID, f.Effective}] = i; !card.has(f.ID) {
				card.featureIndex[f.ID] = i
			}
		}
		card.Features = append(card.Features, f)
	}
	for i := range card.Features {
		if s := card.Features[i].Slot; s < NumSlots {
			card.slotOptions[s] = append(card.slotOptions[s], i)
		}
	}
	checkAlternatives(d, card)

	if dt := root.sub("defaults", true); dt != nil {
		for s := Slot(0); s < NumSlots; s++ {
			id := dt.str(s.Key(), len(card.slotOptions[s]) > 0)
			if id == "" {
				continue
			}
			if card.checkSlotFeature(d, dt.keyPath(s.Key()), s, id) {
				card.Defaults[s] = id
			}
		}
		dt.finish(slotKeys[:])
	}

	planTables := root.tables("plans")
	if len(planTables) == 0 && !root.given("plans") {
		root.missingf("plans", "the card has no [[plans]]")
	}
	if len(planTables) > maxCardCounts {
		d.addf("plans", "too many plans (%d); at most %d", len(planTables), maxCardCounts)
		planTables = planTables[:maxCardCounts]
	}
	card.planIndex = make(map[string]int, len(planTables))
	planRows := map[rowKey]int{}
	for i := range planTables {
		pt := &planTables[i]
		p := readPlan(card, pt)
		if p.ID != "" {
			if j, dup := planRows[rowKey{p.ID, p.Effective}]; dup {
				rowSeen(d, "plan", p.ID, p.Effective, fmt.Sprintf("plans[%d]", j), fmt.Sprintf("plans[%d]", i))
			} else if planRows[rowKey{p.ID, p.Effective}] = i; !card.hasPlan(p.ID) {
				card.planIndex[p.ID] = i
			}
		}
		card.Plans = append(card.Plans, p)
	}
	readOneTimeCharges(d, root, card)
	root.finish(cardTopKeys)
	if len(d.problems) == 0 {
		card = settleDatedRows(d, card)
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return card, nil
}

// tableCount is how many entries the array at key holds, tables or not.
func tableCount(t *table, key string) (int, bool) {
	switch a := t.m[key].(type) {
	case []map[string]any:
		return len(a), true
	case []any:
		return len(a), true
	}
	return 0, false
}

func readDate(t *table, key string) string {
	v, ok := t.get(key)
	if !ok {
		t.d.addf(t.path(), "missing required key %q", key)
		return ""
	}
	switch x := v.(type) {
	case time.Time:
		// The decoder marks what a TOML date-time held by its zone's name:
		// only a plain date (2026-01-06) is a date; 12:30:00 is a time of day
		// (on 0000-01-01) and 2026-01-06T12:30:00 a moment.
		if name, _ := x.Zone(); name != "date-local" {
			what, written := "a date and time", x.Format(time.RFC3339)
			switch name {
			case "time-local":
				what, written = "a time of day", x.Format("15:04:05")
			case "datetime-local":
				written = x.Format("2006-01-02T15:04:05")
			}
			t.d.addf(t.keyPath(key), "must be a date like 2026-01-06, not %s (%s)", what, written)
			return ""
		}
		return x.Format("2006-01-02")
	case string:
		if _, err := time.Parse("2006-01-02", x); err != nil {
			t.d.addf(t.keyPath(key), "must be a date like 2026-01-06, not %q", x)
			return ""
		}
		return x
	default:
		t.d.addf(t.keyPath(key), "must be a date like 2026-01-06, not %s", typeName(v))
		return ""
	}
}

func readFeature(t *table, precision int) Feature {
	f := Feature{
		ID:   t.str("id", true),
		Name: t.str("name", true),
	}
	checkID(t, "id", f.ID)
	// A feature whose slot cannot be read fills no slot (NumSlots) while the
	// card loads, so nothing is checked against a slot it was never given:
	// the card fails on the slot alone.
	f.Slot = NumSlots
	if slot := t.str("slot", true); slot != "" {
		if t.d.oneOf(t.keyPath("slot"), "slot", slot, slotKeys[:]) {
			f.Slot, _ = SlotByKey(slot)
		}
	}
	f.Premium = t.boolean("premium")
	_, premiumRead := t.m["premium"].(bool)
	f.Rate, _ = t.credits("rate", true, precision)
	if unit := t.str("unit", true); unit != "" {
		if t.d.oneOf(t.keyPath("unit"), "unit", unit, unitKeys[:]) {
			for i, k := range unitKeys {
				if k == unit {
					f.Unit = Unit(i)
				}
			}
		}
	}
	f.IncrementSeconds = 1
	if inc, ok := t.optionalText("increment", "to charge by the second"); ok {
		sec, err := ParseLength(inc)
		if err != nil {
			t.d.addf(t.keyPath("increment"), "%v", err)
		} else if !f.Unit.IsTime() {
			t.d.addf(t.keyPath("increment"), "an increment applies only to time units (minute, second, language_minute), not %q", f.Unit.Key())
		} else {
			f.IncrementSeconds = sec
		}
	}
	f.Minimum, _ = t.credits("minimum", false, precision)
	f.Rerender = t.boolean("rerender")
	readRerenderRate(t, &f, precision)
	f.Alternative = t.str("alternative", false)
	f.AlternativeReason = t.str("alternative_reason", false)
	if f.AlternativeReason != "" && !t.given("alternative") {
		t.d.addf(t.keyPath("alternative_reason"), "a reason without an alternative; add alternative = \"<feature id>\"")
	}
	f.Weight = int(t.integer("weight", false, 1, 0, 1000))
	if f.Weight == 0 {
		f.Weight = 1
	}
	f.Height = int(t.integer("height", false, 0, 0, 100000))
	if f.Slot == SlotResolution && f.Height == 0 && f.ID != "" && !t.given("height") {
		t.missingf("height", "resolution feature %q needs a height (720, 1080, 2160)", f.ID)
	}
	if f.Slot != SlotResolution && f.Slot < NumSlots && f.Height != 0 {
		t.d.addf(t.keyPath("height"), "height applies only to resolution features")
	}
	if !f.Premium && (!t.given("premium") || premiumRead) && (f.Rate != 0 || f.Minimum != 0) {
		t.d.addf(t.keyPath("rate"), "feature %q is included (premium = false) but has a rate; included features spend no credits", f.ID)
	}
	f.Effective = readEffective(t)
	f.WordsPerMinute = readVoicePace(t, f.Slot)
	readProvides(t, &f)
	f.Marks = readMarks(t, featureKeys)
	t.finish(featureKeys)
	return f
}

func checkID(t *table, key, id string) {
	if id == "" {
		return
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			t.d.addf(t.keyPath(key), "id %q may use only lower-case letters, digits, '-', '_' and '.'", id)
			return
		}
	}
}

// checkSlotFeature reports an id that names no feature, or one for another slot,
// listing the valid choices for the slot.
func (c *RateCard) checkSlotFeature(d *decoder, path string, s Slot, id string) bool {
	i, ok := c.featureIndex[id]
	if !ok {
		if why := c.NotInForce("feature", id); why != "" {
			d.addf(path, "%s", why)
		} else if !d.idsUnread {
			d.oneOf(path, s.Key()+" feature", id, c.OptionIDs(s))
		}
		return false
	}
	switch fs := c.Features[i].Slot; {
	case fs >= NumSlots:
		return false // its slot is the problem, reported where it is written
	case fs != s:
		d.addf(path, "feature %q fills the %s slot, not %s; %s", id, fs.Key(), s.Key(), choices(s.Key()+" feature", c.OptionIDs(s)))
		return false
	}
	return true
}

// checkAlternatives makes sure every alternative exists, fills the same slot,
// and that following alternatives never comes back round (a cycle).
func checkAlternatives(d *decoder, c *RateCard) {
	for i := range c.Features {
		f := &c.Features[i]
		if f.Alternative == "" || f.Slot >= NumSlots {
			continue
		}
		path := fmt.Sprintf("features[%d].alternative", i)
		if f.Alternative == f.ID {
			d.addf(path, "feature %q names itself as its alternative", f.ID)
			continue
		}
		if !c.checkSlotFeature(d, path, f.Slot, f.Alternative) {
			continue
		}
	}
	reported := map[string]bool{}
	for i := range c.Features {
		seen := []string{c.Features[i].ID}
		cur := &c.Features[i]
		for steps := 0; cur.Alternative != "" && steps <= len(c.Features); steps++ {
			j, ok := c.featureIndex[cur.Alternative]
			if !ok || cur.Alternative == cur.ID {
				break
			}
			cur = &c.Features[j]
			if cur.ID == c.Features[i].ID {
				cycle := append(seen, cur.ID)
				key := minID(seen)
				if !reported[key] {
					reported[key] = true
					d.addf(fmt.Sprintf("features[%d].alternative", i), "alternatives form a cycle: %s", strings.Join(cycle, " -> "))
				}
				break
			}
			if contains(seen, cur.ID) {
				break // a cycle further on; it is reported from one of its own members
			}
			seen = append(seen, cur.ID)
		}
	}
}

func minID(ids []string) string {
	s := append([]string(nil), ids...)
	sort.Strings(s)
	return s[0]
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// featureIDs lists the card's feature ids in card order, each once.
func (c *RateCard) featureIDs() []string {
	ids := make([]string, 0, len(c.Features))
	for i := range c.Features {
		if j, ok := c.featureIndex[c.Features[i].ID]; ok && j == i {
			ids = append(ids, c.Features[i].ID)
		}
	}
	return ids
}

func readPlan(c *RateCard, t *table) Plan {
	d := t.d
	p := Plan{ID: t.str("id", true), Name: t.str("name", true)}
	checkID(t, "id", p.ID)
	// What was written decides, not what could be read: a price with too many
	// decimals is reported as that, never also as missing.
	hasMonthly, hasAnnual := t.given("monthly_price"), t.given("annual_price")
	p.MonthlyPrice, _ = t.money("monthly_price", false)
	p.AnnualPrice, _ = t.money("annual_price", false)
	if !hasMonthly && !hasAnnual {
		p.ContactSales = true
	} else if !hasAnnual {
		p.AnnualPrice = p.MonthlyPrice
	} else if !hasMonthly {
		d.addf(t.path(), "plan %q has an annual_price but no monthly_price", p.ID)
	}
	p.Credits, _ = t.credits("credits", true, c.Precision)
	p.IncludedSeats = int(t.integer("included_seats", false, 1, 1, 100000))
	p.SeatPrice, p.ExtraSeats = t.money("extra_seat_price", false)
	if ml, ok := t.optionalText("max_length", "for no limit"); ok {
		sec, err := ParseLength(ml)
		if err != nil {
			d.addf(t.keyPath("max_length"), "%v", err)
		}
		p.MaxSeconds = sec
	}
	if mr := t.str("max_resolution", false); mr != "" {
		if c.checkSlotFeature(d, t.keyPath("max_resolution"), SlotResolution, mr) {
			f, _ := c.Feature(mr)
			p.MaxHeight = f.Height
		}
	}
	p.Watermark = t.boolean("watermark")
	p.VideosPerMonth = int(t.integer("videos_per_month", false, 0, 0, 1_000_000))
	p.offers = make([]bool, len(c.Features))
	if v, ok := t.m["features"]; ok && v != nil {
		ids := t.strings("features") // reports what is not a list of strings
		list, isList := v.([]any)
		// A list that could not be read in full is already reported; checking
		// what it offers would only add a follow-on "must offer" problem.
		readable := isList && len(ids) == len(list)
		for i, e := range list {
			id, _ := e.(string)
			if j, ok := c.featureIndex[id]; ok {
				p.offers[j] = true
				continue
			}
			readable = false
			if _, isText := e.(string); isText && !d.idsUnread {
				d.oneOf(fmt.Sprintf("%s[%d]", t.keyPath("features"), i), "feature", id, c.featureIDs())
			}
		}
		// A plan must offer the default of every slot, or a fresh video could not be made on it.
		for s := Slot(0); s < NumSlots && readable; s++ {
			if def := c.Defaults[s]; def != "" {
				if j, ok := c.featureIndex[def]; ok && !p.offers[j] {
					d.addf(t.keyPath("features"), "plan %q must offer %q, the card's default %s", p.ID, def, s.Key())
				}
			}
		}
	} else {
		for i := range p.offers {
			p.offers[i] = true
		}
	}
	if r := t.str("rollover", false); r != "" {
		if d.oneOf(t.keyPath("rollover"), "rollover rule", r, rolloverKeys) {
			for i, k := range rolloverKeys {
				if k == r {
					p.Rollover = Rollover(i)
				}
			}
		}
	}
	p.ExpiresDays = int(t.integer("credits_expire_days", false, 30, 1, 3660))
	p.AnnualUpfront = t.boolean("annual_upfront")
	topups := t.tables("topups")
	if len(topups) > maxTopUps {
		d.addf(t.keyPath("topups"), "too many top-ups (%d); a plan may sell at most %d", len(topups), maxTopUps)
		topups = topups[:maxTopUps]
	}
	ids := map[string]bool{}
	for i := range topups {
		tt := &topups[i]
		tu := TopUp{ID: tt.str("id", true), Name: tt.str("name", false)}
		checkID(tt, "id", tu.ID)
		if ids[tu.ID] && tu.ID != "" {
			d.addf(tt.keyPath("id"), "duplicate top-up id %q in plan %q", tu.ID, p.ID)
		}
		ids[tu.ID] = true
		if tu.Name == "" {
			tu.Name = tu.ID
		}
		var creditsOK bool
		tu.Credits, creditsOK = tt.credits("credits", true, c.Precision)
		if creditsOK && tu.Credits == 0 {
			d.addf(tt.keyPath("credits"), "a top-up must add credits")
		}
		tu.Price, _ = tt.money("price", true)
		tu.LastsDays = int(tt.integer("lasts_days", false, 0, 0, 3660))
		tu.Marks = readMarks(tt, topUpKeys)
		tt.finish(topUpKeys)
		p.TopUps = append(p.TopUps, tu)
	}
	p.Effective = readEffective(t)
	p.Marks = readMarks(t, planKeys)
	t.finish(planKeys)
	return p
}

// readMaxDiscount reads the card's discount band, max_discount = "20%": a
// percentage above 0 and below 100%; 0 when the card sets none.
func readMaxDiscount(t *table) int64 {
	s, ok := t.optionalText("max_discount", "for no discount band")
	if !ok {
		return 0
	}
	d, err := ParseDiscount(s)
	switch {
	case err != nil:
		t.d.addf(t.keyPath("max_discount"), "%v", err)
	case d.IsAmount:
		t.d.addf(t.keyPath("max_discount"), "must be a percentage like \"20%%\", not an amount (%q)", s)
	case d.Percent == 0:
		t.d.addf(t.keyPath("max_discount"), "a band of 0%% would need approval for every discount; leave max_discount out for none")
	default:
		return d.Percent
	}
	return 0
}
