package pricing

import (
	"fmt"
	"strings"
)

// OneTimeCharge is something a card charges once rather than every cycle: a
// custom Studio Avatar's setup fee, a photo avatar's training. It is paid in
// money (Price) or spent from the month's credits (Credits), never both, in
// the month a project says it falls in.
type OneTimeCharge struct {
	ID   string
	Name string
	// Price is what the charge costs in the card's currency; 0 when it is
	// charged in credits.
	Price Money
	// Credits is what the charge spends from the month's credits; 0 when it
	// is charged in money.
	Credits Credits
	// Plans lists the ids of the plans that offer the charge; empty means
	// every plan does.
	Plans []string
	// Included lists the ids of the plans whose price covers the charge: it
	// costs nothing there. An included plan offers it too.
	Included []string
	// Sources names where the figure comes from (URLs or short names).
	Sources []string
	// Marks names the charge's numbers that are estimates (estimated, why).
	Marks Marks
}

// InCredits reports whether the charge spends credits rather than money.
func (o *OneTimeCharge) InCredits() bool { return o.Credits > 0 }

// OfferedOn reports whether the plan with this id can have the charge.
func (o *OneTimeCharge) OfferedOn(planID string) bool {
	return len(o.Plans) == 0 || contains(o.Plans, planID) || contains(o.Included, planID)
}

// IncludedOn reports whether the plan's price covers the charge.
func (o *OneTimeCharge) IncludedOn(planID string) bool { return contains(o.Included, planID) }

// AmountMark is " ≈" when the charge's price or credits are an estimate.
func (o *OneTimeCharge) AmountMark() string { return o.Marks.Mark("price", "credits") }

// OneTime returns the card's one-time charge with this id.
func (c *RateCard) OneTimeCharge(id string) (*OneTimeCharge, bool) {
	for i := range c.OneTime {
		if c.OneTime[i].ID == id {
			return &c.OneTime[i], true
		}
	}
	return nil, false
}

// OneTimeIDs lists the ids of the card's one-time charges, in card order.
func (c *RateCard) OneTimeIDs() []string {
	ids := make([]string, len(c.OneTime))
	for i := range c.OneTime {
		ids[i] = c.OneTime[i].ID
	}
	return ids
}

// OneTimeNeed is a one-time charge a project pays: the charge's id and the
// month of the year it falls in (1 is the month quoted).
type OneTimeNeed struct {
	ID    string
	Month int
}

var (
	oneTimeKeys     = []string{"id", "name", "price", "credits", "plans", "included", "sources", "estimated", "why"}
	oneTimeNeedKeys = []string{"id", "month"}
)

// maxOneTime bounds a card's one-time charges and a project's needs of
// them: each is looked up by id, and real cards list one to three.
const maxOneTime = 100

// readOneTimeCharges reads the card's [[one_time]] tables, after its plans,
// so the plans each names are checked to exist.
func readOneTimeCharges(d *decoder, root *table, c *RateCard) {
	tables := root.tables("one_time")
	if len(tables) > maxOneTime {
		d.addf("one_time", "too many one-time charges (%d); at most %d", len(tables), maxOneTime)
		tables = tables[:maxOneTime]
	}
	seen := map[string]int{}
	for i := range tables {
		t := &tables[i]
		o := OneTimeCharge{ID: t.str("id", true), Name: t.str("name", true)}
		checkID(t, "id", o.ID)
		if j, dup := seen[o.ID]; dup && o.ID != "" {
			d.addf(t.keyPath("id"), "duplicate one-time charge id %q (first used by one_time[%d])", o.ID, j)
		} else if o.ID != "" {
			seen[o.ID] = i
		}
		hasPrice, hasCredits := t.given("price"), t.given("credits")
		switch {
		case hasPrice && hasCredits:
			d.addf(t.keyPath("credits"), "a one-time charge is paid in money (price) or in credits (credits), not both")
		case !hasPrice && !hasCredits:
			t.missingf("price", "one-time charge %q needs a price (money) or credits", o.ID)
		case hasPrice:
			var ok bool
			if o.Price, ok = t.money("price", false); ok && o.Price == 0 {
				d.addf(t.keyPath("price"), "a one-time charge of 0 charges nothing; leave it out, or list the plans that include it (included)")
			}
		default:
			var ok bool
			if o.Credits, ok = t.credits("credits", false, c.Precision); ok && o.Credits == 0 {
				d.addf(t.keyPath("credits"), "a one-time charge of 0 credits charges nothing; leave it out, or list the plans that include it (included)")
			}
		}
		o.Plans = readPlanList(t, c, "plans")
		o.Included = readPlanList(t, c, "included")
		for _, id := range o.Included {
			if len(o.Plans) > 0 && !contains(o.Plans, id) {
				d.addf(t.keyPath("included"), "plan %q includes the charge but is not among its plans; add it to plans", id)
			}
		}
		o.Sources = t.strings("sources")
		o.Marks = readMarks(t, oneTimeKeys)
		t.finish(oneTimeKeys)
		c.OneTime = append(c.OneTime, o)
	}
}

// readPlanList reads a list of plan ids, each one the card has.
func readPlanList(t *table, c *RateCard, key string) []string {
	ids := t.strings(key)
	seen := map[string]bool{}
	out := ids[:0]
	for i, id := range ids {
		path := fmt.Sprintf("%s[%d]", t.keyPath(key), i)
		if _, ok := c.Plan(id); !ok {
			t.d.oneOf(path, "plan", id, c.PlanIDs())
			continue
		}
		if seen[id] {
			t.d.addf(path, "plan %q is listed twice", id)
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

// readOneTimeNeeds reads a project's [[one_time]] tables: each names a charge
// of the card the project's plan offers, once, and the month it falls in.
func readOneTimeNeeds(d *decoder, root *table, card *RateCard, planID string, carried *carriedMonth) []OneTimeNeed {
	if carried != nil && carried.hasOneTime {
		return carriedNeeds(carried.oneTime)
	}
	tables := root.tables("one_time")
	if len(tables) > maxOneTime {
		d.addf("one_time", "too many one-time charges (%d); at most %d", len(tables), maxOneTime)
		tables = tables[:maxOneTime]
	}
	var out []OneTimeNeed
	seen := map[string]bool{}
	for i := range tables {
		t := &tables[i]
		n := OneTimeNeed{ID: t.str("id", true)}
		n.Month = int(t.integer("month", false, 1, 1, 12))
		t.finish(oneTimeNeedKeys)
		if n.ID == "" {
			continue
		}
		path := t.keyPath("id")
		o, ok := card.OneTimeCharge(n.ID)
		switch {
		case !ok && len(card.OneTime) == 0:
			d.addf(path, "unknown one-time charge %q; this card has no one-time charges", n.ID)
			continue
		case !ok:
			d.oneOf(path, "one-time charge", n.ID, card.OneTimeIDs())
			continue
		case seen[n.ID]:
			d.addf(path, "one-time charge %q is named twice; a charge is paid once", n.ID)
			continue
		}
		if plan, known := card.Plan(planID); known && !o.OfferedOn(planID) {
			d.addf(path, "%s is not offered on %s; %s", o.Name, plan.Name, o.offeredText(card))
			continue
		}
		seen[n.ID] = true
		out = append(out, n)
	}
	return out
}

// offeredText says which plans offer the charge: "plans that offer it: Pro, Business".
func (o *OneTimeCharge) offeredText(c *RateCard) string {
	var names []string
	for i := range c.Plans {
		if o.OfferedOn(c.Plans[i].ID) {
			names = append(names, c.Plans[i].Name)
		}
	}
	if len(names) == 0 {
		return "no plan of the card offers it"
	}
	return "plans that offer it: " + strings.Join(names, ", ")
}

// writeOneTimeNeeds writes a project's [[one_time]] tables as ParseProject
// reads them; month 1, the default, is left out.
func writeOneTimeNeeds(b *strings.Builder, needs []OneTimeNeed) {
	for _, n := range needs {
		b.WriteString("\n[[one_time]]\nid = " + tomlQuote(n.ID) + "\n")
		if n.Month != 1 {
			b.WriteString("month = " + itoa(n.Month) + "\n")
		}
	}
}

// OneTimeLine is one one-time charge as a month on a plan pays it.
type OneTimeLine struct {
	Charge *OneTimeCharge
	// Month is the month of the year it falls in (1 is the month quoted).
	Month int
	// Included is set when the plan's price covers it; Price and Credits are
	// then 0. Otherwise one of them is what it costs: money paid apart from
	// the subscription, or credits spent from the month's.
	Included bool
	Price    Money
	Credits  Credits
}

// OneTimeIn lists the project's one-time charges that fall in month (1-12)
// on the plan, in the project's order. A charge the plan does not offer, or
// the card does not have, is not listed: it blocks the plan (oneTimeBlocked).
func (c *RateCard) OneTimeIn(p *Project, plan *Plan, month int) []OneTimeLine {
	var out []OneTimeLine
	for _, n := range p.OneTime {
		if n.Month != month {
			continue
		}
		o, ok := c.OneTimeCharge(n.ID)
		if !ok || !o.OfferedOn(plan.ID) {
			continue
		}
		l := OneTimeLine{Charge: o, Month: n.Month}
		if o.IncludedOn(plan.ID) {
			l.Included = true
		} else {
			l.Price, l.Credits = o.Price, o.Credits
		}
		out = append(out, l)
	}
	return out
}

// oneTimeLater lists the project's one-time charges on the plan that fall
// after the month quoted, month by month.
func (c *RateCard) oneTimeLater(p *Project, plan *Plan) []OneTimeLine {
	var out []OneTimeLine
	for m := 2; m <= 12; m++ {
		out = append(out, c.OneTimeIn(p, plan, m)...)
	}
	return out
}

// LaterText is a later month's charge as a quote mentions it, its month
// first: "Custom Studio Avatar setup in month 2: $1,500.00 ≈, paid once".
func (l OneTimeLine) LaterText(c *RateCard, plan *Plan) string {
	return l.Charge.Name + " in month " + itoa(l.Month) + strings.TrimPrefix(l.Text(c, plan), l.Charge.Name)
}

// oneTimeTotals is what the lines cost in money and spend in credits.
func oneTimeTotals(lines []OneTimeLine) (Money, Credits) {
	var m Money
	var cr Credits
	for _, l := range lines {
		m = plus(m, l.Price)
		cr = plus(cr, l.Credits)
	}
	return m, cr
}

// oneTimeCredits is what the project's one-time charges of the quoted month
// spend on the plan.
func (c *RateCard) oneTimeCredits(plan *Plan, p *Project) Credits {
	if len(p.OneTime) == 0 {
		return 0
	}
	_, cr := oneTimeTotals(c.OneTimeIn(p, plan, 1))
	return cr
}

// oneTimeBlocked says, for each one-time charge the project needs that the
// plan cannot have, why: no credits or money buy a charge a plan does not sell.
func (c *RateCard) oneTimeBlocked(plan *Plan, p *Project) []string {
	var out []string
	for _, n := range p.OneTime {
		o, ok := c.OneTimeCharge(n.ID)
		switch {
		case !ok:
			out = append(out, c.Name+" has no one-time charge "+quoteName(n.ID))
		case !o.OfferedOn(plan.ID):
			out = append(out, o.Name+" (one-time) is not offered on "+plan.Name)
		}
	}
	return out
}

// OneTimeNote is the sentence a cost or a cost per minute carries when the
// month has one-time charges: "plus one-time $1,500.00 ≈ (Custom Studio
// Avatar setup)", "" when it has none in money.
func (s *Standing) OneTimeNote(c *RateCard) string {
	if s.OneTimeCost == 0 {
		return ""
	}
	var names []string
	mark := ""
	for _, l := range s.OneTime {
		if l.Price > 0 {
			names = append(names, l.Charge.Name)
			if l.Charge.AmountMark() != "" {
				mark = " " + EstimateMark
			}
		}
	}
	return "plus one-time " + c.Money(s.OneTimeCost) + mark + " (" + strings.Join(names, ", ") + ")"
}

// WithOneTime is the month's cost with its one-time charges in money: Cost
// plus OneTimeCost.
func (s *Standing) WithOneTime() Money { return plus(s.Cost, s.OneTimeCost) }

// Text is the line as outputs list it: "Custom Studio Avatar setup: $1,500.00 ≈
// (one-time)", "Photo avatar training: 20 premium credits ≈ from the month's
// credits", "...: included in Pro".
func (l OneTimeLine) Text(c *RateCard, plan *Plan) string {
	o := l.Charge
	switch {
	case l.Included:
		return o.Name + ": included in " + plan.Name
	case l.Credits > 0:
		return o.Name + ": " + c.CreditWord(l.Credits) + o.AmountMark() + " from the month's credits"
	}
	return o.Name + ": " + c.Money(l.Price) + o.AmountMark() + ", paid once"
}

// oneTimeMonth puts the project's one-time charges of the wallet month wm in
// it: their credits are spent that month on top of its videos (a setup is
// not made more or less often by the month's volume), their money is paid
// that month. It runs after the month's subscription is due and before any
// top-up is bought, so a top-up covers the charge's credits too.
func (c *RateCard) oneTimeMonth(p *Project, plan *Plan, wm *WalletMonth, run *YearRun) {
	wm.OneTime = c.OneTimeIn(p, plan, wm.Month)
	m, cr := oneTimeTotals(wm.OneTime)
	wm.Need = plus(wm.Need, cr)
	if plan.ContactSales {
		return // no cost is shown for a plan without a public price
	}
	wm.OneTimeCost = m
	wm.Cost = plus(wm.Cost, m)
	run.OneTime = plus(run.OneTime, m)
}

// CheckOneTimeOffered reports, as an error, a one-time charge the project
// pays that its plan does not offer: such a file is refused when read, so
// the planner, which can switch a month to any plan, says so instead of
// saving it.
func (c *RateCard) CheckOneTimeOffered(p *Project) error {
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil
	}
	for _, n := range p.OneTime {
		if o, ok := c.OneTimeCharge(n.ID); ok && !o.OfferedOn(plan.ID) {
			return fmt.Errorf("%s does not offer %s (one-time), which this month pays; %s", plan.Name, o.Name, o.offeredText(c))
		}
	}
	return nil
}

// carryOneTime sets a carried month's one-time charges apart, in cm: the
// project's own card reports their problems; on another card a charge it
// lacks or does not offer blocks its plans (oneTimeBlocked) rather than
// failing the read, so the vendor comparison says why.
func carryOneTime(t map[string]any, cm *carriedMonth) {
	if v, ok := t["one_time"]; ok {
		delete(t, "one_time")
		cm.oneTime, cm.hasOneTime = v, true
	}
}

// carriedNeeds reads carried one-time charges without reporting: what is
// wrong in them is reported by the reading against the project's own card.
func carriedNeeds(v any) []OneTimeNeed {
	var tables []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		tables = a
	case []any:
		for _, e := range a {
			if m, ok := e.(map[string]any); ok {
				tables = append(tables, m)
			}
		}
	}
	var out []OneTimeNeed
	for i, m := range tables {
		if i == maxOneTime {
			break
		}
		id, _ := m["id"].(string)
		month, ok := m["month"].(int64)
		if !ok || month < 1 || month > 12 {
			month = 1
		}
		if id != "" {
			out = append(out, OneTimeNeed{ID: id, Month: int(month)})
		}
	}
	return out
}

// oneTimeWhy are the sentences a proposal adds for the month's one-time
// charges on the proposed plan, each in its month: the monthly figures
// leave them out, the year's include them.
func (c *RateCard) oneTimeWhy(p *Project, plan *Plan) []string {
	if plan == nil || len(p.OneTime) == 0 {
		return nil
	}
	var out []string
	for m := 1; m <= 12; m++ {
		for _, l := range c.OneTimeIn(p, plan, m) {
			s := "One-time, month " + itoa(m) + ": " + l.Text(c, plan)
			if !l.Included && l.Charge.AmountMark() != "" {
				s += " (" + l.Charge.Marks.Why + ")"
			}
			out = append(out, s+".")
		}
	}
	if len(out) > 0 {
		out = append(out, "The monthly costs leave one-time charges out; the year's include them.")
	}
	return out
}
