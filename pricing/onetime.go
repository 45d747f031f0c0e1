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
func readOneTimeNeeds(d *decoder, root *table, card *RateCard, planID string) []OneTimeNeed {
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
