package pricing

import (
	"fmt"
	"math/bits"
	"sort"
)

// SizeOption is one way to get the month made: a plan under a billing, topped
// up if its credits fall short.
type SizeOption struct {
	Plan    *Plan
	Billing Billing
	// Price is one month of the plan under the billing, extra seats included.
	Price Money
	// TopUp is the cheapest top-up covering what the plan's credits miss.
	TopUp TopUpPurchase
	// Total is Price plus the top-up: what the month costs this way.
	Total Money
}

// Text describes the option: "Creator, billed annually, + 1 × Add-on 300
// (300 premium credits, $15.00): $39.00 a month".
func (o *SizeOption) Text(c *RateCard) string {
	s := o.Plan.Name + ", billed " + billedWord(o.Billing)
	if len(o.TopUp.Packs) > 0 {
		s += ", + " + o.TopUp.Describe(c)
	}
	return s + ": " + c.Money(o.Total) + " a month"
}

func billedWord(b Billing) string {
	if b == Annual {
		return "annually"
	}
	return "monthly"
}

// BlockedPlan is a plan that cannot make the month at any price, and why.
type BlockedPlan struct {
	Plan    *Plan
	Reasons []string
}

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

// RightSize is the cheapest way to get a month made and where the plans cross.
type RightSize struct {
	Card    *RateCard
	Billing Billing // the project's billing, which the break-evens use
	// Premium is what the month spends.
	Premium Credits
	// Options is every plan × billing that can make the month, cheapest first
	// (ties: monthly before annual, which commits to less, then card order).
	// Best is Options[0], or nil when no priced plan can make the month.
	Options []SizeOption
	Best    *SizeOption
	// ContactSales lists plans without a public price: noted, never priced.
	ContactSales []*Plan
	// Blocked lists the priced plans that cannot make the month and why.
	Blocked []BlockedPlan
	// Dominant is the premium feature spending the most credits in the month
	// (nil when nothing premium is used); DominantCredits what it spends.
	Dominant        *Feature
	DominantCredits Credits
	// BreakEvens compares each usable plan with the next one up by price under
	// the project's billing.
	BreakEvens []BreakEven
}

// RightSize finds the cheapest way to make the project's month over every plan
// and both billings (plan price, extra seats and the cheapest top-up for what
// its credits miss), and the break-even usage between neighbouring plans.
func (c *RateCard) RightSize(p *Project) *RightSize {
	rs := &RightSize{Card: c, Billing: p.Billing}
	byFeature := map[*Feature]Credits{}
	for i := range p.Videos {
		v := &p.Videos[i]
		for s := Slot(0); s < NumSlots; s++ {
			if f := c.featureFor(v, s); f != nil && f.Premium {
				cr := times(c.charge(f, v).Credits, int64(v.Count))
				byFeature[f] = plus(byFeature[f], cr)
				rs.Premium = plus(rs.Premium, cr)
			}
		}
	}
	for i := range c.Features {
		f := &c.Features[i]
		if cr := byFeature[f]; cr > rs.DominantCredits {
			rs.Dominant, rs.DominantCredits = f, cr
		}
	}

	var usable []*Plan
	for i := range c.Plans {
		plan := &c.Plans[i]
		if plan.ContactSales {
			rs.ContactSales = append(rs.ContactSales, plan)
			continue
		}
		reasons := c.Blocked(plan, p)
		var top TopUpPurchase
		if short := minus(rs.Premium, plan.Credits); short > 0 {
			var ok bool
			if top, ok = plan.CheapestTopUp(short); !ok {
				reasons = append(reasons, "short "+c.CreditWord(short)+" and "+plan.Name+" sells no top-ups")
			}
		}
		if len(reasons) > 0 {
			rs.Blocked = append(rs.Blocked, BlockedPlan{Plan: plan, Reasons: reasons})
		} else {
			for _, b := range []Billing{Monthly, Annual} {
				price := c.monthCost(plan, p, b)
				rs.Options = append(rs.Options, SizeOption{Plan: plan, Billing: b, Price: price, TopUp: top, Total: plus(price, top.Cost)})
			}
		}
		// Break-evens vary the usage, so a plan short of credits today still
		// takes part; only what usage cannot change rules a plan out.
		if len(c.Blocked(plan, p)) == 0 {
			usable = append(usable, plan)
		}
	}
	sort.SliceStable(rs.Options, func(i, j int) bool {
		a, b := &rs.Options[i], &rs.Options[j]
		if a.Total != b.Total {
			return a.Total < b.Total
		}
		return a.Billing < b.Billing
	})
	if len(rs.Options) > 0 {
		rs.Best = &rs.Options[0]
	}

	sort.SliceStable(usable, func(i, j int) bool {
		return c.monthCost(usable[i], p, p.Billing) < c.monthCost(usable[j], p, p.Billing)
	})
	for i := 0; i+1 < len(usable); i++ {
		be := c.breakEven(p, usable[i], usable[i+1], p.Billing)
		be.Terms = c.UsageTerms(rs.Dominant, be.Credits)
		rs.BreakEvens = append(rs.BreakEvens, be)
	}
	return rs
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
		cost += t.Cost
	}
	return cost, true
}

// nextChange is the least usage above `use` at which the plan's cost (topped up)
// can change: its credits plus one milli-credit, then one milli-credit past
// whatever the cheapest top-up for the current shortfall covers. Between two
// such points the cost is constant, because the cheapest top-up's cost only
// grows with the shortfall and the purchase for a shortfall also covers every
// smaller one.
func nextChange(plan *Plan, use Credits) Credits {
	if use < plan.Credits+1 {
		return plan.Credits + 1
	}
	t, ok := plan.CheapestTopUp(use - plan.Credits)
	if !ok {
		return -1 // no top-ups: nothing changes any more (the plan cannot make it)
	}
	return plan.Credits + t.Credits + 1
}

// breakEvenSteps bounds the scan: a real card has a few packs, so the crossing,
// if any, comes within a few dozen steps.
const breakEvenSteps = 10_000

// breakEven finds the least usage at which upper costs less than lower with
// top-ups, scanning the points where either cost changes. It looks up to a
// bound past both plans' credits (four times the larger, and at least twenty of
// the largest pack past it) and reports Never when the crossing is not there.
func (c *RateCard) breakEven(p *Project, lower, upper *Plan, b Billing) BreakEven {
	be := BreakEven{Lower: lower, Upper: upper, Billing: b}
	var pack Credits
	for _, pl := range []*Plan{lower, upper} {
		for _, t := range pl.TopUps {
			pack = max(pack, t.Credits)
		}
	}
	top := max(lower.Credits, upper.Credits)
	be.ScannedTo = max(4*top, top+20*pack, WholeCredits(100))
	use := Credits(0)
	for range breakEvenSteps {
		lc, lok := c.planCost(p, lower, b, use)
		uc, uok := c.planCost(p, upper, b, use)
		if uok && (!lok || uc < lc) {
			be.Credits = use - 1
			be.LowerRunsOut = !lok
			return be
		}
		if !uok && !lok {
			break
		}
		next := nextChange(lower, use)
		if n := nextChange(upper, use); next < 0 || (n >= 0 && n < next) {
			next = n
		}
		if next < 0 || next > be.ScannedTo {
			break
		}
		use = next
	}
	be.Never = true
	return be
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
