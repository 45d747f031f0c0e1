package pricing

import (
	"slices"
	"strconv"
	"strings"
)

// Writing [[scenarios]]: EncodeProject writes them after the videos, and
// EditProject edits them in place (projectedit.go).

// writeScenario writes one [[scenarios]] table, each line ended by nl.
func writeScenario(b *strings.Builder, s *Scenario, nl string) {
	line := func(key, value string) {
		b.WriteString(key)
		b.WriteString(" = ")
		b.WriteString(value)
		b.WriteString(nl)
	}
	b.WriteString("[[scenarios]]" + nl)
	line("name", tomlQuote(s.Name))
	if s.Plan != "" {
		line("plan", tomlQuote(s.Plan))
	}
	if s.Billing != nil {
		line("billing", strconv.Quote(s.Billing.Key()))
	}
	if s.Seats != nil {
		line("seats", strconv.Itoa(*s.Seats))
	}
	if s.Balance != nil {
		line("balance", s.Balance.String())
	}
	if len(s.Substitute) > 0 {
		line("substitute", substitutionsValue(s.Substitute))
	}
	if s.Volume > 0 {
		line("volume", VolumeText(s.Volume))
	}
}

// substitutionsValue writes substitutions as one inline table:
// { "avatar-iv" = "avatar-iii", "lipsync" = "dubbing" }.
func substitutionsValue(subs []Substitution) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i, s := range subs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(tomlQuote(s.From) + " = " + tomlQuote(s.To))
	}
	b.WriteString(" }")
	return b.String()
}

// sameScenarios reports whether two lists of scenarios say the same, in order.
func sameScenarios(a, b []Scenario) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameScenario(&a[i], &b[i]) {
			return false
		}
	}
	return true
}

// sameScenario compares every field but ID; substitutions are a set (they
// apply at once, so their order means nothing).
func sameScenario(a, b *Scenario) bool {
	return a.Name == b.Name && a.Plan == b.Plan && a.Volume == b.Volume &&
		samePtr(a.Billing, b.Billing) && samePtr(a.Seats, b.Seats) && samePtr(a.Balance, b.Balance) &&
		slices.Equal(sortedSubs(a.Substitute), sortedSubs(b.Substitute))
}

func samePtr[T comparable](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func sortedSubs(subs []Substitution) []Substitution {
	out := slices.Clone(subs)
	slices.SortFunc(out, func(x, y Substitution) int { return strings.Compare(x.From, y.From) })
	return out
}
