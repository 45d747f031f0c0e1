package pricing

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestCheapestTopUpMatchesExhaustiveSearch checks the exact two-kind search
// against every mix counted out, on random packs with awkward sizes and prices
// (near-equal prices per credit, coprime sizes), for random needs.
func TestCheapestTopUpMatchesExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 3000 {
		var p Plan
		for k := range 1 + rng.IntN(3) {
			p.TopUps = append(p.TopUps, TopUp{ID: string(rune('a' + k)), Credits: Credits(1 + rng.Int64N(60)), Price: Money(1 + rng.Int64N(100))})
		}
		need := Credits(1 + rng.Int64N(400))
		buy, ok := p.CheapestTopUp(need)
		if !ok {
			t.Fatalf("trial %d: none", trial)
		}
		bestCost, bestCredits := Money(-1), Credits(0)
		for i := range p.TopUps {
			for j := range p.TopUps {
				a, b := p.TopUps[i], p.TopUps[j]
				for x := int64(0); x <= int64(need)+1; x++ {
					for y := int64(0); y <= int64(need)+1; y++ {
						if i == j && y > 0 {
							break
						}
						got := a.Credits*Credits(x) + b.Credits*Credits(y)
						if got < need {
							continue
						}
						cost := a.Price*Money(x) + b.Price*Money(y)
						if bestCost < 0 || cost < bestCost || (cost == bestCost && got < bestCredits) {
							bestCost, bestCredits = cost, got
						}
						break // more y only buys more
					}
				}
			}
		}
		var sumCost Money
		var sumCredits Credits
		for _, pc := range buy.Packs {
			sumCost += pc.TopUp.Price * Money(pc.Count)
			sumCredits += pc.TopUp.Credits * Credits(pc.Count)
		}
		if buy.Cost != bestCost || buy.Credits != bestCredits || sumCost != buy.Cost || sumCredits != buy.Credits {
			t.Fatalf("trial %d: packs %+v need %d: bought %d for %d (packs say %d for %d), exhaustive %d for %d",
				trial, p.TopUps, need, buy.Credits, buy.Cost, sumCredits, sumCost, bestCredits, bestCost)
		}
	}
}

// TestLeastMultipleIn checks the Euclid-like search against counting.
func TestLeastMultipleIn(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		m := 1 + rng.Int64N(200)
		a := rng.Int64N(m)
		lo := rng.Int64N(m)
		hi := lo + rng.Int64N(m-lo)
		want := int64(-1)
		for x := range 2 * m {
			if r := a * x % m; lo <= r && r <= hi {
				want = x
				break
			}
		}
		if got := leastMultipleIn(a, m, lo, hi); got != want {
			t.Fatalf("a=%d m=%d [%d,%d]: got %d, want %d", a, m, lo, hi, got, want)
		}
	}
}

// TestCheapestTopUpIsFastOnHostilePacks: twenty packs of huge, coprime,
// near-equal sizes and a shortfall near the ceiling. The old search counted
// packs one by one (up to 10,000 per pair, and stopped there, inexact); this one
// is bounded by the number of packs.
func TestCheapestTopUpIsFastOnHostilePacks(t *testing.T) {
	var p Plan
	for k := range 20 {
		c := Credits(1<<51 - 1 - int64(k)*977)
		p.TopUps = append(p.TopUps, TopUp{ID: string(rune('a' + k)), Credits: c, Price: Money(int64(c)/3 + int64(k))})
	}
	p.TopUps = append(p.TopUps[:19], TopUp{ID: "tiny", Credits: 7, Price: 1})
	start := time.Now()
	for n := range 50 {
		buy, ok := p.CheapestTopUp(Credits(1<<60 + int64(n)*123_457))
		if !ok || buy.Credits < Credits(1<<60) || buy.Cost <= 0 {
			t.Fatalf("need %d: %+v", n, buy)
		}
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("50 hostile top-ups took %v", d)
	}
}
