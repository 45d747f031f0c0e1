package pricing

import (
	"fmt"
	"math/bits"
)

// The cheapest top-up.
//
// A plan short of credits buys top-up packs: any number of one kind, or of two
// kinds mixed. CheapestTopUp finds the mix of at most two kinds that covers the
// shortfall for the least money, ties going to fewer credits bought, then to the
// earlier packs on the card. It is exact, and its work is bounded by the number
// of packs (at most 20 a plan), never by the credits involved:
//
//   - one kind a: ceil(need / a.credits) packs;
//   - two kinds: call a the one with the lower price per credit (either when
//     equal) and b the other. With y packs of b, x = ceil((need - y·b.credits) /
//     a.credits) packs of a are needed, and the credits bought overshoot the need
//     by ρ(y) = (y·b.credits - need) mod a.credits. Money spent is
//     (a.price·need + y·Δ + a.price·ρ(y)) / a.credits with Δ = b.price·a.credits -
//     a.price·b.credits >= 0, so a y is worth looking at only when ρ(y) is lower
//     than at every smaller y (a "record"). The records fall in runs of a fixed
//     step in y and a fixed drop in ρ, a new run starting only when ρ falls
//     below the drop, as in Euclid's algorithm; along a run the money is
//     linear, so only the ends of each run are priced. Each run's step comes from
//     leastMultipleIn, itself Euclid-like, so a pair costs O(log² credits).
//     (y never needs to reach a.credits / gcd: that many b packs are replaced by
//     a packs buying the same credits for no more money.)
//
// CheapestTopUp reports false when the plan sells no top-ups or nothing is short.
func (p *Plan) CheapestTopUp(need Credits) (TopUpPurchase, bool) {
	if need <= 0 || len(p.TopUps) == 0 {
		return TopUpPurchase{}, false
	}
	var best TopUpPurchase
	found := false
	consider := func(t TopUpPurchase) {
		if !found || t.Cost < best.Cost || (t.Cost == best.Cost && t.Credits < best.Credits) {
			best, found = t, true
		}
	}
	for i := range p.TopUps {
		a := &p.TopUps[i]
		if a.Credits <= 0 {
			continue
		}
		n := ceilDiv(int64(need), int64(a.Credits))
		consider(TopUpPurchase{Packs: []PackCount{{a, n}}, Credits: times(a.Credits, n), Cost: times(a.Price, n)})
	}
	for i := range p.TopUps {
		for j := i + 1; j < len(p.TopUps); j++ {
			if t, ok := cheapestMix(&p.TopUps[i], &p.TopUps[j], need); ok {
				consider(t)
			}
		}
	}
	return best, found
}

// cheapestMix is the cheapest purchase of at least one of each of two packs
// (listed in card order) covering need; false when no mix beats buying one kind
// alone by the rule above, or a pack is empty.
func cheapestMix(first, second *TopUp, need Credits) (TopUpPurchase, bool) {
	if first.Credits <= 0 || second.Credits <= 0 {
		return TopUpPurchase{}, false
	}
	a, b := first, second
	// a has the lower (or equal) price per credit: a.price/a.credits <= b.price/b.credits.
	if ratioLess(b, a) {
		a, b = b, a
	}
	ca, cb, n := int64(a.Credits), int64(b.Credits), int64(need)
	// y runs over 1..limit: fewer than ca/g packs of b, and fewer than need/cb (so
	// that some a is still needed: otherwise it is b alone, priced already).
	limit := min(ca/gcd(ca, cb)-1, ceilDiv(n, cb)-1)
	if limit < 1 {
		return TopUpPurchase{}, false
	}
	var best TopUpPurchase
	found := false
	try := func(y int64) {
		x := ceilDiv(n-y*cb, ca) // y·cb < need, so no overflow and x >= 1
		t := TopUpPurchase{
			Credits: plus(times(a.Credits, x), times(b.Credits, y)),
			Cost:    plus(times(a.Price, x), times(b.Price, y)),
		}
		if first == a {
			t.Packs = []PackCount{{a, x}, {b, y}}
		} else {
			t.Packs = []PackCount{{b, y}, {a, x}}
		}
		if !found || t.Cost < best.Cost || (t.Cost == best.Cost && t.Credits < best.Credits) {
			best, found = t, true
		}
	}
	// The records of ρ(y) = (cb·y + rho0) mod ca from y = 1 on.
	rho0 := (ca - n%ca) % ca // ρ(0)
	y := int64(1)
	rho := mulAddMod(cb, y, rho0, ca)
	try(y)
	for range 4 * 64 { // runs shrink as Euclid's remainders do; this bound is never reached
		if rho == 0 || y >= limit {
			break
		}
		// The next record: the least step d with (cb·d) mod ca >= ca - rho.
		d := leastMultipleIn(cb%ca, ca, ca-rho, ca-1)
		if d < 0 || d > limit-y {
			break
		}
		drop := ca - mulAddMod(cb, d, 0, ca)
		// The run: steps of d while rho stays >= drop (and y within limit).
		steps := min(rho/drop, (limit-y)/d)
		if steps < 1 {
			break
		}
		if steps > 1 {
			try(y + d) // the run's first record, for a cost that is not linear under saturation
		}
		y += steps * d
		rho -= steps * drop
		try(y)
	}
	return best, found
}

// ratioLess reports whether a costs strictly less per credit than b:
// a.price·b.credits < b.price·a.credits, in 128 bits.
func ratioLess(a, b *TopUp) bool {
	lh, ll := bits.Mul64(uint64(max(a.Price, 0)), uint64(b.Credits))
	rh, rl := bits.Mul64(uint64(max(b.Price, 0)), uint64(a.Credits))
	return lh < rh || (lh == rh && ll < rl)
}

// mulAddMod is (a·x + c) mod m for non-negative a, x, c and positive m, in 128 bits.
func mulAddMod(a, x, c, m int64) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(x))
	lo, carry := bits.Add64(lo, uint64(c), 0)
	hi += carry
	_, r := bits.Div64(hi%uint64(m), lo, uint64(m))
	return int64(r)
}

// leastMultipleIn is the least x >= 0 with lo <= (a·x) mod m <= hi, or -1 when
// there is none (0 <= a < m, 0 <= lo <= hi < m). It recurses as Euclid's
// algorithm does, on (m mod a, a), so it takes O(log m) steps: when no multiple
// of a lies in [lo, hi] directly, the wraps y past m that work are those with
// (m·y) mod a in [(-hi) mod a, (-lo) mod a], and x is then ceil((lo + m·y) / a).
func leastMultipleIn(a, m, lo, hi int64) int64 {
	if lo == 0 {
		return 0
	}
	if a == 0 {
		return -1
	}
	if x := ceilDiv(lo, a); satMul(a, x) <= hi {
		return x
	}
	y := leastMultipleIn(m%a, a, (a-hi%a)%a, (a-lo%a)%a)
	if y < 0 {
		return -1
	}
	// x = ceil((lo + m·y) / a), in 128 bits.
	h, l := bits.Mul64(uint64(m), uint64(y))
	l, carry := bits.Add64(l, uint64(lo), 0)
	h += carry
	if h >= uint64(a) {
		return -1 // beyond any count worth buying
	}
	q, r := bits.Div64(h, l, uint64(a))
	if r != 0 {
		q++
	}
	if q > uint64(maxAmount) {
		return -1
	}
	return int64(q)
}

// PackCount is how many of one top-up pack to buy.
type PackCount struct {
	TopUp *TopUp
	Count int64
}

// TopUpPurchase is a set of top-up packs: what they add and what they cost.
type TopUpPurchase struct {
	Packs   []PackCount
	Credits Credits
	Cost    Money
}

// Describe writes the purchase for people: "2 × Add-on 300 (600 credits, $30.00)".
func (t TopUpPurchase) Describe(c *RateCard) string {
	if len(t.Packs) == 0 {
		return "none"
	}
	s := ""
	for i, pc := range t.Packs {
		if i > 0 {
			s += " + "
		}
		s += Count(pc.Count) + " × " + pc.TopUp.Name
	}
	return s + fmt.Sprintf(" (%s, %s)", c.CreditWord(t.Credits), c.Money(t.Cost))
}
