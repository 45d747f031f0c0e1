package pricing

import (
	"fmt"
	"math/big"
	"math/bits"
)

// BreakEven is where the next plan up becomes cheaper than staying on a plan
// and buying top-ups.
type BreakEven struct {
	// Lower is the plan with the lower price, Upper its neighbour above it.
	Lower, Upper *Plan
	Billing      Billing
	// Credits is the usage (premium credits a month) above which Upper costs
	// less than Lower with top-ups: up to Credits, Lower (topped up) costs no
	// more than Upper; just above it, Upper is cheaper.
	Credits Credits
	// LowerRunsOut is set when the reason is that Lower sells no top-ups, so
	// above its own credits it cannot make the month at all.
	LowerRunsOut bool
	// Never is set when Upper never costs less, at any usage up to ScannedTo.
	// ScannedTo is the range stated (four times the larger plan's credits, and
	// twenty of the largest pack past them) when "never" is proven for every
	// usage; it is less only when the search ran out of jumps (breakEvenJumps),
	// and then no usage up to it has Upper cheaper.
	Never     bool
	ScannedTo Credits
	// Terms is Credits in the month's own terms: "70 minutes of Avatar IV".
	Terms string
}

// Text is the break-even as a sentence: "Pro becomes cheaper than Creator +
// top-ups above 70 minutes of Avatar IV a month (1,400 premium credits)".
func (b *BreakEven) Text(c *RateCard) string {
	switch {
	case b.Never:
		return fmt.Sprintf("%s never costs less than %s, up to %s a month", b.Upper.Name, b.Lower.Name, c.CreditWord(b.ScannedTo))
	case b.LowerRunsOut:
		return fmt.Sprintf("%s is needed above %s a month (%s): %s sells no top-ups",
			b.Upper.Name, b.Terms, c.CreditWord(b.Credits), b.Lower.Name)
	}
	return fmt.Sprintf("%s becomes cheaper than %s + top-ups above %s a month (%s)",
		b.Upper.Name, b.Lower.Name, b.Terms, c.CreditWord(b.Credits))
}

// planCost is what a month using `use` credits costs on a plan under a billing,
// topped up as needed; ok is false when the plan is short and sells no top-up.
func (c *RateCard) planCost(p *Project, plan *Plan, b Billing, use Credits) (Money, bool) {
	cost := c.monthCost(plan, p, b)
	if short := use - plan.Credits; short > 0 {
		t, ok := plan.CheapestTopUp(short)
		if !ok {
			return 0, false
		}
		cost = plus(cost, t.Cost)
	}
	return cost, true
}

// Break-even, exactly.
//
// On a plan, the month's cost as a function of its usage u is a staircase: the
// plan's price up to its credits K, then price + T(u - K), where T is the
// cheapest top-up (see topup.go) and never falls as the shortfall grows. The
// break-even of a lower and an upper plan is the least usage at which the
// upper one costs strictly less. It is found by jumping, not by walking the
// steps one by one:
//
//   - at usage u, if upper costs less, u is the answer; if upper cannot make u
//     at all (no top-ups), it never will at any higher usage: never;
//   - otherwise upper costs at least lower's cost at u, and at every higher
//     usage, since costs only rise, so no crossing can come before lower's cost
//     first exceeds upper's current one: the usage K + B + 1, where B is the
//     most lower's top-ups buy for that money (a binary search over T). Jump
//     there and look again.
//
// Each jump raises lower's cost past upper's, so jumps are few when the plans'
// prices per credit differ. When both sell top-ups, their best prices per credit
// bound the costs by lines, which prove "never" (upper never cheaper per credit,
// and past the point where the lines cannot cross) or let the search jump
// straight to where the lines first allow a crossing. Upper is also never
// cheaper when it costs no less, has no more credits, and each of its packs is
// matched on lower by one at least as big for no more money. The jumps a month's
// break-evens may take are bounded (breakEvenJumps, shared by the pairs); a
// pair that runs out of them reports Never with ScannedTo the usage up to which
// no crossing exists, which is then exact but not the whole range.
const breakEvenJumps = 1024

// breakEven finds the least usage at which upper costs less than lower with
// top-ups (see above). jumps is the budget it may spend; it returns what is left.
func (c *RateCard) breakEven(p *Project, lower, upper *Plan, b Billing, jumps int) (BreakEven, int) {
	be := BreakEven{Lower: lower, Upper: upper, Billing: b}
	// The range "never" is stated over when it is proven for every usage: four
	// times the larger plan's credits and at least twenty of the largest pack
	// past it, as people read it.
	var pack Credits
	for _, pl := range []*Plan{lower, upper} {
		for _, t := range pl.TopUps {
			pack = max(pack, t.Credits)
		}
	}
	top := max(lower.Credits, upper.Credits)
	shown := max(times(top, 4), plus(top, times(pack, 20)), WholeCredits(100))
	be.ScannedTo = shown
	never := func(to Credits) (BreakEven, int) {
		be.Never, be.ScannedTo = true, to
		return be, jumps
	}
	lp, up := c.monthCost(lower, p, b), c.monthCost(upper, p, b)
	if up >= lp && upper.Credits <= lower.Credits && packsMatched(upper, lower) {
		return never(shown)
	}
	lines := c.costLines(lower, upper, lp, up)
	use := Credits(0)
	for jumps > 0 {
		jumps--
		lc, lok := c.planCost(p, lower, b, use)
		uc, uok := c.planCost(p, upper, b, use)
		if uok && (!lok || uc < lc) {
			be.Credits = use - 1
			be.LowerRunsOut = !lok
			return be, jumps
		}
		if !uok {
			return never(shown) // upper sells no top-ups and is past its credits
		}
		// Both make `use` and upper costs at least as much: jump to where lower
		// first costs more than upper does now.
		next := Credits(maxAmount)
		if budget := uc - lp; len(lower.TopUps) == 0 {
			next = plus(lower.Credits, 1)
		} else if budget >= 0 {
			next = plus(plus(lower.Credits, maxCovered(lower, budget)), 1)
		}
		if lines.ok && use >= lines.from {
			if lines.neverAfter >= 0 && use > lines.neverAfter {
				return never(max(shown, use))
			}
			next = max(next, lines.notBefore)
		}
		if next <= use {
			next = use + 1
		}
		if next >= Credits(maxAmount) {
			return never(max(shown, use))
		}
		use = next
	}
	be.Never, be.ScannedTo = true, use-1
	return be, jumps
}

// packsMatched reports whether each of upper's packs is matched on lower by one
// with at least its credits for at most its price, so lower's cheapest top-up
// never costs more than upper's for the same shortfall.
func packsMatched(upper, lower *Plan) bool {
	for _, u := range upper.TopUps {
		ok := false
		for _, l := range lower.TopUps {
			if l.Credits >= u.Credits && l.Price <= u.Price {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// costLines bounds both plans' costs by lines once usage is past both plans'
// credits (from): upper costs at least its price + rU·(u - KU), lower at most
// its price + rL·(u - KL) + the price of its best pack, where rU and rL are the
// best prices per credit of their packs. A crossing at u then needs
// (rL - rU)·u > A, A = up - lp + rL·KL - rU·KU - pack. So no crossing comes
// before notBefore when rL > rU, and none after neverAfter (>= 0) otherwise.
type costBounds struct {
	ok                          bool
	from, notBefore, neverAfter Credits
}

func (c *RateCard) costLines(lower, upper *Plan, lp, up Money) costBounds {
	lb, lok := bestPack(lower)
	ub, uok := bestPack(upper)
	if !lok || !uok {
		return costBounds{}
	}
	rl := new(big.Rat).SetFrac(big.NewInt(int64(lb.Price)), big.NewInt(int64(lb.Credits)))
	ru := new(big.Rat).SetFrac(big.NewInt(int64(ub.Price)), big.NewInt(int64(ub.Credits)))
	a := new(big.Rat).SetInt64(int64(up) - int64(lp) - int64(lb.Price))
	a.Add(a, new(big.Rat).Mul(rl, new(big.Rat).SetInt64(int64(lower.Credits))))
	a.Sub(a, new(big.Rat).Mul(ru, new(big.Rat).SetInt64(int64(upper.Credits))))
	cb := costBounds{ok: true, from: max(lower.Credits, upper.Credits), neverAfter: -1}
	diff := new(big.Rat).Sub(rl, ru)
	switch diff.Sign() {
	case 1: // crossing needs u > A / (rL - rU)
		cb.notBefore = ratFloorCredits(new(big.Rat).Quo(a, diff))
	case -1: // crossing needs u < A / (rL - rU) = -A / (rU - rL)
		cb.neverAfter = max(ratFloorCredits(new(big.Rat).Quo(a, diff)), 0)
	default: // parallel lines: a crossing needs A < 0
		if a.Sign() >= 0 {
			cb.neverAfter = 0
		}
	}
	return cb
}

// ratFloorCredits is floor(r) as Credits, clamped to [0, maxAmount].
func ratFloorCredits(r *big.Rat) Credits {
	q := new(big.Int).Div(r.Num(), r.Denom()) // Euclidean division: floor for a positive denominator
	switch {
	case q.Sign() < 0:
		return 0
	case q.Cmp(big.NewInt(maxAmount)) > 0:
		return Credits(maxAmount)
	}
	return Credits(q.Int64())
}

// bestPack is the plan's pack with the lowest price per credit.
func bestPack(plan *Plan) (*TopUp, bool) {
	var best *TopUp
	for i := range plan.TopUps {
		t := &plan.TopUps[i]
		if t.Credits > 0 && (best == nil || ratioLess(t, best)) {
			best = t
		}
	}
	return best, best != nil
}

// maxCovered is the largest shortfall the plan's cheapest top-up covers for at
// most budget: T only rises with the shortfall, so a binary search finds it in
// 62 steps.
func maxCovered(plan *Plan, budget Money) Credits {
	lo, hi := Credits(0), Credits(maxAmount)
	if t, ok := plan.CheapestTopUp(hi); ok && t.Cost <= budget {
		return hi
	}
	for lo+1 < hi { // T(lo) <= budget < T(hi)
		mid := lo + (hi-lo)/2
		if t, ok := plan.CheapestTopUp(mid); ok && t.Cost <= budget {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// UsageTerms writes a number of credits in the month's own terms: minutes of
// its dominant per-minute (or per-second) feature, language-minutes of a
// per-language-minute one, or videos, clips or generations; plain credits when
// there is no premium feature. Amounts are rounded up to a tenth, so "above 70.3
// minutes" is never below the credits it stands for.
func (c *RateCard) UsageTerms(f *Feature, credits Credits) string {
	if f == nil || f.Rate <= 0 {
		return c.CreditWord(credits)
	}
	// tenths of the unit: credits / rate × 10, rounded up (in 128 bits: a
	// saturated month times ten does not fit in 64).
	den := uint64(f.Rate)
	var word string
	switch f.Unit {
	case PerMinute:
		word = "minute"
	case PerSecond:
		den *= 60 // seconds to minutes
		word = "minute"
	case PerLanguageMinute:
		word = "language-minute"
	case PerVideo:
		word = "video"
	case PerClip:
		word = "clip"
	case PerGeneration:
		word = "generation"
	}
	tenths := int64(0)
	if credits > 0 {
		hi, lo := bits.Mul64(uint64(credits), 10)
		if hi >= den {
			tenths = maxAmount
		} else {
			q, rem := bits.Div64(hi, lo, den)
			if rem != 0 {
				q++
			}
			tenths = int64(min(q, uint64(maxAmount)))
		}
	}
	amount := formatFixed(tenths, 1, true)
	if tenths != 10 {
		word += "s"
	}
	if f.Unit == PerVideo {
		return amount + " " + word + " with " + f.Name
	}
	return amount + " " + word + " of " + f.Name
}
