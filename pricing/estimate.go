package pricing

import (
	"fmt"
	"strings"
)

// Estimate is one number of the card that rests on an assumption, not on a
// published source: what it is ("Enterprise credits: 5,000 premium
// credits") and why it is only an estimate. Outputs mark such numbers and
// footnote them, so a placeholder is never presented as a fact.
type Estimate struct {
	What string
	Why  string
}

// EstimateMark is what text outputs put beside an estimated number, and
// before its footnote.
const EstimateMark = "≈"

// Marks is a row's estimate marks: the card's estimated = [...] keys of a
// plan, a top-up or a feature, and its why = "...".
type Marks struct {
	Fields []string
	Why    string
}

// Has reports whether the row marks field as an estimate.
func (m Marks) Has(field string) bool { return contains(m.Fields, field) }

// Mark is " ≈" when the row marks any of the fields as an estimate, else
// "": what an output puts beside a number that rests on them.
func (m Marks) Mark(fields ...string) string {
	for _, f := range fields {
		if m.Has(f) {
			return " " + EstimateMark
		}
	}
	return ""
}

// RateMark is " ≈" when the feature's rate (its rate, increment, minimum, or that it is premium at all)
// is an estimate, else "": outputs put it after the rate's text.
func (f *Feature) RateMark() string { return f.Marks.Mark("rate", "increment", "minimum", "premium") }

// PriceMark is " ≈" when the plan's price on this billing is an estimate.
func (p *Plan) PriceMark(b Billing) string { return p.Marks.Mark(b.priceKey()) }

// priceKey is the card key of a plan's price on this billing.
func (b Billing) priceKey() string {
	if b == Annual {
		return "annual_price"
	}
	return "monthly_price"
}

// Any reports whether the row marks anything.
func (m Marks) Any() bool { return len(m.Fields) > 0 }

// readMarks reads estimated and why on a row whose keys are valid: each
// estimated key must be one of the row's fields and written in it, and a why
// must go with them (and they with a why), so a mark always has its footnote.
func readMarks(t *table, valid []string) Marks {
	var m Marks
	if !t.given("estimated") && !t.given("why") {
		return m
	}
	fields := t.strings("estimated")
	m.Why = strings.TrimSpace(t.str("why", false))
	seen := map[string]bool{}
	for i, f := range fields {
		path := fmt.Sprintf("%s[%d]", t.keyPath("estimated"), i)
		switch {
		case !contains(markable(valid), f):
			names := markable(valid)
			hint := DidYouMean(f, names)
			t.d.addf(path, "%q is not a number of this row that can be an estimate%s; choose from: %s", f, hint, strings.Join(names, ", "))
		case !t.given(f):
			t.d.addf(path, "%q is marked as an estimate but this row does not set it", f)
		case seen[f]:
			t.d.addf(path, "%q is marked twice", f)
		default:
			seen[f] = true
			m.Fields = append(m.Fields, f)
		}
	}
	if t.given("estimated") && len(fields) == 0 {
		if _, isList := t.m["estimated"].([]any); isList {
			t.d.addf(t.keyPath("estimated"), "an empty list marks nothing; leave estimated out")
		}
	}
	if t.given("estimated") && m.Why == "" && !t.given("why") {
		t.missingf("why", "estimated needs a why = \"...\": the footnote that says what the estimate rests on")
	} else if t.given("why") && m.Why == "" {
		if _, isText := t.m["why"].(string); isText {
			t.d.addf(t.keyPath("why"), "must not be empty")
		}
	}
	if t.given("why") && !t.given("estimated") {
		t.d.addf(t.keyPath("why"), "a why without estimated = [...]; name the numbers it explains")
	}
	return m
}

// unmarkable are the keys that hold no number to estimate: names, lists of
// other rows, the marks themselves.
var unmarkable = []string{"id", "name", "estimated", "why", "topups", "features", "alternative", "alternative_reason", "slot"}

// markable is a row's keys an estimate mark may name.
func markable(valid []string) []string {
	out := make([]string, 0, len(valid))
	for _, k := range valid {
		if !contains(unmarkable, k) {
			out = append(out, k)
		}
	}
	return out
}

// Estimates lists every estimate of the card, plans (and their top-ups)
// first, then features, in card order.
func (c *RateCard) Estimates() []Estimate {
	var out []Estimate
	for i := range c.Plans {
		out = c.appendPlanEstimates(out, &c.Plans[i])
	}
	for i := range c.Features {
		out = c.appendFeatureEstimates(out, &c.Features[i])
	}
	return out
}

// EstimatesFor lists the estimates a document about these plans and this
// month rests on: the plans' own, and those of the features the month uses.
// A nil project stands for no month (the plans alone).
func (c *RateCard) EstimatesFor(plans []*Plan, p *Project) []Estimate {
	var out []Estimate
	for _, pl := range plans {
		out = c.appendPlanEstimates(out, pl)
	}
	if p == nil {
		return out
	}
	used := make([]bool, len(c.Features))
	for i := range p.Videos {
		v := &p.Videos[i]
		for s := Slot(0); s < NumSlots; s++ {
			if j, ok := c.featureIndex[v.Picks[s]]; ok && v.active(s) {
				used[j] = true
			}
		}
	}
	for i := range c.Features {
		if used[i] {
			out = c.appendFeatureEstimates(out, &c.Features[i])
		}
	}
	return out
}

// One estimate a row: "Enterprise: credits 5,000 premium credits, included
// seats 5 seats", with the row's why.
func (c *RateCard) appendPlanEstimates(out []Estimate, p *Plan) []Estimate {
	if p.Marks.Any() {
		out = append(out, Estimate{What: p.Name + ": " + markedValues(p.Marks, func(f string) string { return c.planValue(p, f) }), Why: p.Marks.Why})
	}
	for i := range p.TopUps {
		tu := &p.TopUps[i]
		if tu.Marks.Any() {
			out = append(out, Estimate{What: p.Name + "'s " + tu.Name + ": " + markedValues(tu.Marks, func(f string) string { return c.topUpValue(tu, f) }), Why: tu.Marks.Why})
		}
	}
	return out
}

func (c *RateCard) appendFeatureEstimates(out []Estimate, f *Feature) []Estimate {
	if f.Marks.Any() {
		out = append(out, Estimate{What: f.Name + ": " + markedValues(f.Marks, func(k string) string { return c.featureValue(f, k) }), Why: f.Marks.Why})
	}
	return out
}

// markedValues words a row's marked fields with their values: "credits
// 5,000 premium credits, rollover until_renewal".
func markedValues(m Marks, value func(string) string) string {
	parts := make([]string, len(m.Fields))
	for i, f := range m.Fields {
		parts[i] = strings.TrimSpace(fieldLabel(f) + " " + value(f))
	}
	return strings.Join(parts, ", ")
}

// fieldLabel words a card key for people: "extra_seat_price" -> "extra seat price".
func fieldLabel(key string) string {
	switch key {
	case "premium":
		return "" // its value says it: "included (spends no credits)"
	case "credits_expire_days":
		return "credit lifetime"
	case "lasts_days":
		return "lifetime"
	case "max_length":
		return "maximum length"
	}
	return strings.ReplaceAll(key, "_", " ")
}

func (c *RateCard) planValue(p *Plan, key string) string {
	if p.ContactSales && (key == "monthly_price" || key == "annual_price" || key == "extra_seat_price") {
		return "(" + ContactSales + ")"
	}
	switch key {
	case "effective":
		return "from " + p.Effective.String()
	case "monthly_price":
		return c.Money(p.MonthlyPrice) + " a month"
	case "annual_price":
		return c.Money(p.AnnualPrice) + " a month billed annually"
	case "credits":
		return c.CreditWord(p.Credits)
	case "included_seats":
		return Plural(p.IncludedSeats, "seat")
	case "extra_seat_price":
		return c.Money(p.SeatPrice) + " a seat"
	case "max_length":
		if p.MaxSeconds == 0 {
			return "no limit"
		}
		return FormatLength(p.MaxSeconds)
	case "max_resolution":
		return c.ResolutionName(p.MaxHeight)
	case "watermark", "annual_upfront":
		b := p.Watermark
		if key == "annual_upfront" {
			b = p.AnnualUpfront
		}
		return yesNoWord(b)
	case "videos_per_month":
		return Count(p.VideosPerMonth)
	case "rollover":
		return rolloverKeys[p.Rollover]
	case "credits_expire_days":
		return Plural(p.ExpiresDays, "day")
	}
	return "as the card says"
}

func (c *RateCard) topUpValue(t *TopUp, key string) string {
	switch key {
	case "credits":
		return c.CreditWord(t.Credits)
	case "price":
		return c.Money(t.Price)
	case "lasts_days":
		if t.LastsDays == 0 {
			return "until used"
		}
		return Plural(t.LastsDays, "day")
	}
	return "as the card says"
}

func (c *RateCard) featureValue(f *Feature, key string) string {
	switch key {
	case "rate":
		return f.Rate.String() + " / " + f.Unit.Label()
	case "minimum":
		return c.CreditWord(f.Minimum)
	case "increment":
		return FormatLength(f.IncrementSeconds)
	case "premium":
		if f.Premium {
			return "premium (spends credits)"
		}
		return "included (spends no credits)"
	case "rerender":
		return yesNoWord(f.Rerender)
	case "effective":
		return "from " + f.Effective.String()
	case "rerender_rate":
		return f.RerenderRate.String() + " / " + f.Unit.Label()
	case "weight":
		return itoa(f.Weight)
	case "height":
		return itoa(f.Height)
	case "unit":
		return f.Unit.Key()
	}
	return "as the card says"
}

func yesNoWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
