package pricing

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortedOrderAgreesWithLessAlt: the month order, however sortedOrder
// finds it (by counting savings for a quote's video-by-video list, by
// comparison otherwise), is lessAlt's.
func TestSortedOrderAgreesWithLessAlt(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for round := range 300 {
		var alts []Alternative
		for v := range rng.IntN(60) {
			var mine []Alternative
			for s := range Slot(rng.IntN(4)) {
				mine = append(mine, Alternative{Video: v, Slot: s * 2, Saves: Credits(rng.IntN(1+round%20)) * CreditScale})
			}
			sortAlternatives(mine)
			alts = append(alts, mine...)
		}
		if round%3 == 0 {
			rng.Shuffle(len(alts), func(i, j int) { alts[i], alts[j] = alts[j], alts[i] })
		}
		want := slices.Clone(alts)
		slices.SortFunc(want, func(a, b Alternative) int {
			switch {
			case lessAlt(a, b):
				return -1
			case lessAlt(b, a):
				return 1
			}
			return 0
		})
		got := sortedAlternatives(alts)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: month order differs:\n got  %v\n want %v", round, got, want)
		}
	}
}
