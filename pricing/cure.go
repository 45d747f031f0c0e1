package pricing

import (
	"sort"
	"strings"
)

// The cure: what makes a month its plan cannot make.
//
// A month that does not fit its plan is either short (its credits do not
// cover it) or blocked (a limit rules the plan out whatever is bought: a video
// above the plan's maximum length or resolution, a feature the plan does not
// offer, a watermark, more videos or seats than it allows; or a shortfall on a
// plan that sells no top-ups). Every screen and command that offers a way out
// asks Cures, so the Month screen's fix, the Plans screen's recommendation and
// the quote's suggestion name the same plan:
//
//   - a top-up on the month's own plan is offered only when the shortfall is the
//     plan's only problem: no top-up makes 4K on a 1080p plan;
//   - every other plan that can make the month as planned is offered at its
//     cheapest billing, with the top-up its own fresh credits need, as
//     RightSize prices it;
//   - the options are ordered as RightSize orders them (cheapest first, ties
//     monthly before annual, then card order), and the recommended one is the
//     first, so on a fresh cycle it is RightSize's Best;
//   - substitutions (Fit) that bring the month within the plan's balance with
//     nothing left blocking are offered apart: they change the month rather
//     than make it as planned.

// CureKind is how a cure makes the month.
type CureKind int

const (
	// CureTopUp buys top-ups on the month's own plan.
	CureTopUp CureKind = iota
	// CurePlan moves the month to another plan.
	CurePlan
)

// CureOption is one way to make the month as planned.
type CureOption struct {
	Kind CureKind
	// Plan is the plan the month is made on (the month's own for CureTopUp);
	// Billing the billing this option is priced under, the plan's cheaper one.
	Plan    *Plan
	Billing Billing
	// TopUp is the cheapest top-up the option needs; empty when Plan's credits
	// cover the month.
	TopUp TopUpPurchase
	// Total is the month's cost this way: the plan under Billing, extra seats
	// and TopUp.
	Total Money
}

// Cure is the one answer to "what makes this month" on its plan.
type Cure struct {
	// Standing is the month on its own plan against its own balance, under its
	// billing, as Quote states it.
	Standing
	// Needed is set when the plan cannot make the month as it stands: it is
	// short or blocked (or both).
	Needed bool
	// PlanBlocked is set when nothing bought on the plan makes the month; Reasons
	// then says why, limits first (Standing.Blocked). Lead is the sentence to
	// say first.
	PlanBlocked bool
	Reasons     []string
	// Options are the ways to make the month as planned, cheapest first;
	// Recommended is Options[0], or nil when no priced plan can make it.
	Options     []CureOption
	Recommended *CureOption
	// Fit, when not nil, is substitutions on the month's own plan that bring it
	// within the balance with nothing left blocking; it changes the month.
	Fit *FitResult
}

// Lead is the sentence a blocked month is said with before anything else:
// "Creator cannot make this month: "Promo" needs 4K, above Creator's 1080p
// maximum." It is empty when the plan is not blocked (a shortfall a top-up
// covers is not a block).
func (cu *Cure) Lead() string {
	if !cu.PlanBlocked {
		return ""
	}
	return CannotMake(cu.Plan, cu.Reasons)
}

// CannotMake is the sentence Lead says, for any list of reasons a plan cannot
// make a month (a quote's, a fit's, a year's): one wording everywhere. It is ""
// when there are no reasons.
func CannotMake(plan *Plan, reasons []string) string {
	if len(reasons) == 0 {
		return ""
	}
	return plan.Name + " cannot make this month: " + strings.Join(reasons, "; ") + "."
}

// Cures works out what makes the project's month: whether its plan is blocked
// and by what, and the ways to make it, cheapest first (see the comment at the
// top of cure.go). A month that fits its plan needs no cure: Needed is false and
// there are no options.
func (c *RateCard) Cures(p *Project) (*Cure, error) {
	plan, err := c.projectPlan(p)
	if err != nil {
		return nil, err
	}
	u := c.newUsage()
	premium := c.monthTally(p, u, nil)
	cu := c.cures(p, u, c.standing(plan, p, u, premium, p.BalanceOn(plan)))
	if cu.Needed && !cu.Fits && len(cu.Limits()) == 0 {
		if r := c.Fit(p, plan, cu.Balance); r.Fits && len(r.Blocked) == 0 && len(r.Changes) > 0 {
			cu.Fit = r
		}
	}
	return cu, nil
}

// CuresQuote is Cures for a month already quoted, without the substitutions
// (Fit is nil): q is Quote(p) or what Requote returned for p. It reads q's
// standing and tally instead of walking the month again, and runs no fitter,
// so a screen can ask on every key of a large month; its Options and
// Recommended are Cures'. It falls back to Cures (less its Fit) when q is not
// of this card and month.
func (c *RateCard) CuresQuote(q *Quote, p *Project) (*Cure, error) {
	if q == nil || q.Card != c || q.usage == nil || len(q.Videos) != len(p.Videos) || q.Plan == nil || q.Plan.ID != p.Plan {
		cu, err := c.Cures(p)
		if cu != nil {
			cu.Fit = nil
		}
		return cu, err
	}
	return c.cures(p, q.usage, q.Standing), nil
}

// cures is Cures but for the substitutions, from the month's usage u and its
// standing s on its own plan.
func (c *RateCard) cures(p *Project, u *monthUsage, s Standing) *Cure {
	cu := &Cure{Standing: s}
	plan := s.Plan
	cu.Needed = !cu.Fits || len(cu.Blocked) > 0
	if !cu.Needed {
		return cu
	}
	cu.PlanBlocked = len(cu.Blocked) > 0
	cu.Reasons = cu.Blocked

	rs := &RightSize{Card: c, Billing: p.Billing, Premium: s.Premium}
	c.sizePlans(rs, p, u)
	seen := make([]bool, len(c.Plans))
	for i := range rs.Options {
		o := &rs.Options[i]
		k := c.planIndex[o.Plan.ID]
		if seen[k] {
			continue // a plan's cheaper billing comes first
		}
		seen[k] = true
		if o.Plan != plan {
			cu.Options = append(cu.Options, CureOption{Kind: CurePlan, Plan: o.Plan, Billing: o.Billing, TopUp: o.TopUp, Total: o.Total})
			continue
		}
		// The month's own plan: RightSize priced a fresh cycle; the top-up is
		// for the balance at hand, at the billing RightSize found cheaper.
		if cu.PlanBlocked || !cu.CanTopUp {
			continue
		}
		cu.Options = append(cu.Options, CureOption{Kind: CureTopUp, Plan: plan, Billing: o.Billing, TopUp: cu.TopUp, Total: cu.Total(o.Billing)})
	}
	// The balance at hand can make the month's own plan dearer or cheaper
	// than RightSize's fresh cycle, so the order is settled again the same way.
	sortCureOptions(cu.Options)
	if len(cu.Options) > 0 {
		cu.Recommended = &cu.Options[0]
	}
	return cu
}

// sortCureOptions orders options as RightSize orders its own (sizeLess).
func sortCureOptions(o []CureOption) {
	sort.SliceStable(o, func(i, j int) bool { return sizeLess(o[i].Total, o[i].Billing, o[j].Total, o[j].Billing) })
}
