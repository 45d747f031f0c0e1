package pricing

import (
	"sort"
	"strings"
)

// Reading [[scenarios]] from a project file; what a scenario means is in
// scenario.go.

var (
	scenarioKeys     = []string{"name", "plan", "billing", "seats", "balance", "substitute", "volume"}
	substitutionKeys = []string{"from", "to"}
)

// readScenarios reads every [[scenarios]] table of a project, each problem
// reported where it is written. More than MaxScenarios is the one problem
// reported about them: such a file was made by a program gone wrong, and
// what is wrong inside its tables would bury that.
func readScenarios(card *RateCard, d *decoder, root *table) []Scenario {
	tables := root.tables("scenarios")
	if len(tables) > MaxScenarios {
		d.addf("scenarios", "too many scenarios (%s); a project may hold at most %d", Count(len(tables)), MaxScenarios)
		return nil
	}
	if len(tables) == 0 {
		return nil
	}
	out := make([]Scenario, 0, len(tables))
	first := make(map[string]int, len(tables)) // folded name -> index of the scenario that used it first
	for i := range tables {
		t := &tables[i]
		s := readScenario(card, t)
		if name := strings.TrimSpace(s.Name); name != "" {
			key := strings.ToLower(name)
			if j, dup := first[key]; dup {
				d.addf(t.keyPath("name"), "duplicate scenario name %q (first used by scenarios[%d]); give each scenario its own name", s.Name, j)
			} else {
				first[key] = t.index
			}
		}
		out = append(out, s)
	}
	return out
}

func readScenario(card *RateCard, t *table) Scenario {
	d := t.d
	s := Scenario{Name: t.str("name", true)}
	if raw, ok := t.get("plan"); ok {
		if id, isText := raw.(string); isText {
			if d.oneOf(t.keyPath("plan"), "plan", id, card.PlanIDs()) {
				s.Plan = id
			}
		} else {
			t.str("plan", false) // says what type it must be
		}
	}
	if t.given("billing") {
		if text := t.str("billing", false); text != "" || isString(t.m["billing"]) {
			if b, err := ParseBilling(text); err == nil {
				s.Billing = &b
			} else {
				d.oneOf(t.keyPath("billing"), "billing", text, BillingKeys)
			}
		}
	}
	if t.given("seats") {
		n := int(t.integer("seats", false, 0, 1, MaxSeats))
		if n >= 1 {
			s.Seats = &n
		}
	}
	if bal, ok := t.credits("balance", false, card.Precision); ok {
		s.Balance = &bal
	}
	if raw, ok := t.get("substitute"); ok {
		s.Substitute = readSubstitutions(card, t, raw)
	}
	if raw, ok := t.get("volume"); ok {
		s.Volume = readScenarioVolume(d, t.keyPath("volume"), raw)
	}
	t.finish(scenarioKeys)
	return s
}

func isString(v any) bool {
	_, ok := v.(string)
	return ok
}

// readSubstitutions reads substitute = { "avatar-iv" = "avatar-iii" } or a
// list of { from = "...", to = "..." }.
func readSubstitutions(card *RateCard, t *table, raw any) []Substitution {
	d := t.d
	path := t.keyPath("substitute")
	var subs []Substitution
	var at []string // each substitution's key path, for its problems
	switch x := raw.(type) {
	case map[string]any:
		froms := make([]string, 0, len(x))
		for k := range x {
			froms = append(froms, k)
		}
		// Map order is random; the scenario keeps the file's ids in a stable order.
		sort.Strings(froms)
		for _, from := range froms {
			p := path + "." + from
			to, ok := x[from].(string)
			if !ok {
				d.addf(p, "must be the id of the feature to use instead, not %s", typeName(x[from]))
				continue
			}
			subs = append(subs, Substitution{From: from, To: to})
			at = append(at, p)
		}
	case []map[string]any, []any:
		for _, st := range t.tables("substitute") {
			sub := Substitution{From: st.str("from", true), To: st.str("to", true)}
			st.finish(substitutionKeys)
			if sub.From == "" || sub.To == "" {
				continue
			}
			subs = append(subs, sub)
			at = append(at, st.path())
		}
	default:
		d.addf(path, `must be a table like { "avatar-iv" = "avatar-iii" } or a list of { from = "...", to = "..." }, not %s`, typeName(raw))
		return nil
	}
	out := subs[:0]
	seen := make(map[string]int, len(subs))
	for i, sub := range subs {
		if checkSubstitution(card, d, at[i], sub) {
			if j, dup := seen[sub.From]; dup {
				d.addf(at[i], "%q is substituted twice (first at %s); give each feature one substitute", sub.From, at[j])
				continue
			}
			seen[sub.From] = i
			out = append(out, sub)
		}
	}
	// Substitutions apply at once, so their order means nothing; kept by the
	// feature they replace, either spelling reads to the same scenario.
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// checkSubstitution reports a substitution of an unknown feature, by an
// unknown one, of a feature by itself, or across slots (a voice cannot stand
// in for an avatar).
func checkSubstitution(card *RateCard, d *decoder, path string, sub Substitution) bool {
	fi, ok := card.featureIndex[sub.From]
	if !ok {
		d.oneOf(path, "feature", sub.From, card.featureIDs())
		return false
	}
	from := &card.Features[fi]
	ti, ok := card.featureIndex[sub.To]
	if !ok {
		if from.Slot < NumSlots {
			d.oneOf(path, from.Slot.Key()+" feature", sub.To, card.OptionIDs(from.Slot))
		} else {
			d.oneOf(path, "feature", sub.To, card.featureIDs())
		}
		return false
	}
	to := &card.Features[ti]
	if to.Slot != from.Slot {
		d.addf(path, "%q fills the %s slot and %q the %s slot; a substitute must fill the same slot (%s)",
			sub.From, from.Slot.Key(), sub.To, to.Slot.Key(), choices(from.Slot.Key()+" feature", card.OptionIDs(from.Slot)))
		return false
	}
	if sub.From == sub.To {
		d.addf(path, "substitutes %q for itself; remove it or name another %s feature", sub.From, from.Slot.Key())
		return false
	}
	return true
}

// readScenarioVolume reads a scenario's volume factor: 1.5, or "1.5", as the
// year's multipliers are written (thousandths, above 0, at most 100).
func readScenarioVolume(d *decoder, path string, raw any) int64 {
	var v int64
	switch x := raw.(type) {
	case string:
		val, decimals, err := parseDecimal(strings.TrimSpace(x), 3)
		if err != nil {
			if decimals > 3 {
				d.addf(path, "%q has %s; a multiplier allows 3", x, decimalCount(decimals))
			} else {
				d.addf(path, "must be a multiplier like 1.5 or \"1.5\", not %q", x)
			}
			return 0
		}
		v = val
	case int64, float64:
		val, ok := d.decimalValue(path, raw, 3, 3, "multiplier")
		if !ok {
			return 0
		}
		v = val
	default:
		d.addf(path, "must be a multiplier like 1.5 or \"1.5\", not %s", typeName(raw))
		return 0
	}
	switch {
	case v == 0:
		d.addf(path, "must be above 0; leave volume out for the month as planned")
		return 0
	case v > MaxVolume:
		d.addf(path, "multiplier above %s is not a plausible month", VolumeText(MaxVolume))
		return 0
	}
	return v
}
