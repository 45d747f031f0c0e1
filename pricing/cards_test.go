package pricing

import (
	"os"
	"strings"
	"testing"
)

// TestNewCardsCarryTheExamples: the example months written for the default
// card load across the Colossyan, D-ID and FluxNote cards (carried through
// the capabilities their features provide), each card pricing the month or
// naming what it cannot do, never failing to load.
func TestNewCardsCarryTheExamples(t *testing.T) {
	var cards []*RateCard
	for _, path := range []string{"../plans.toml", "../examples/colossyan-2026.toml", "../examples/d-id-studio-2026.toml", "../examples/fluxnote-flat.toml"} {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := ParseRateCard(path, src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if c, err = c.On(Date{Year: 2026, Month: 12, Day: 3}); err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	for _, month := range []string{"../examples/sales-demo.toml", "../examples/creator-month.toml"} {
		src, err := os.ReadFile(month)
		if err != nil {
			t.Fatal(err)
		}
		months, err := ParseProjectAcross(month, src, cards)
		if err != nil {
			t.Fatalf("%s: %v", month, err)
		}
		if len(months) != len(cards) {
			t.Fatalf("%s: %d months for %d cards", month, len(months), len(cards))
		}
		for _, m := range months {
			var gaps []string
			for _, g := range m.Gaps {
				gaps = append(gaps, g.Reason)
			}
			t.Logf("%s on %s: %d videos, gaps: %s", month, m.Card.Name, len(m.Project.Videos), strings.Join(gaps, "; "))
			// None of the three sells lip-sync translation: that is said, never priced at 0.
			if m.Card != cards[0] && !strings.Contains(strings.Join(gaps, "; "), "no lip-sync translation") {
				t.Errorf("%s on %s: no lip-sync gap (%q)", month, m.Card.Name, gaps)
			}
		}
	}
}
