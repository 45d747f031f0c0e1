package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creditplan/pricing"
)

// TestCapabilitiesDocIsTheVocabulary: docs/capabilities.md's table has a row
// for every capability the program reads, with its slot and title, and no
// other, so the page cannot drift from capability.go.
func TestCapabilitiesDocIsTheVocabulary(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("docs", "capabilities.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows[strings.Trim(cells[0], "`")] = cells
	}
	card, err := pricing.ParseRateCard("plans.toml", defaultCard)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pricing.Capabilities() {
		cells, ok := rows[string(c)]
		if !ok {
			t.Errorf("docs/capabilities.md has no row for %s", c)
			continue
		}
		slot, _ := c.Slot()
		if len(cells) < 3 || cells[1] != slot.Key() || cells[2] != pricing.CapabilityTitle(c) {
			t.Errorf("row %v; want slot %q, title %q", cells, slot.Key(), pricing.CapabilityTitle(c))
		}
		// The last column lists the built-in card's features that provide it.
		var want []string
		for _, f := range card.Features {
			if f.Provides == c {
				want = append(want, "`"+f.ID+"`")
			}
		}
		if got, w := cells[len(cells)-1], strings.Join(want, ", "); w != "" && got != w || w == "" && !strings.HasPrefix(got, "none") {
			t.Errorf("%s: the built-in card's column says %q; plans.toml has %q", c, got, w)
		}
		delete(rows, string(c))
	}
	for c := range rows {
		t.Errorf("docs/capabilities.md names %q, which the program does not know", c)
	}
}
