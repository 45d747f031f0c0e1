package pricing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Fitting a month to a budget.
//
// The fitter chooses, for every video and slot, whether to keep the feature or
// switch to a feature further down its chain of card alternatives (Avatar IV ->
// Avatar III, 4K -> 1080p), and, when the project allows it, how many re-renders
// to keep (0 up to the planned number). All copies of a video change together.
//
// Among the choices whose month costs no more than the balance it picks the one
// that keeps the most premium value, where
//
//	premium value = Σ over videos, over active slots whose chosen feature is premium:
//	                video length in seconds × languages (language-minute features only)
//	                × the feature's Weight × the video's count
//
// that is, weighted premium seconds ("premium minutes kept" × 60). A per-video,
// per-clip or per-generation feature counts the video's length, so keeping a 4K
// upscale on a 2-minute video is worth as much as keeping 2 minutes of an avatar of
// the same weight. Re-renders carry no premium value of their own (they add no
// finished minute), so a second measure breaks ties before credits do: re-renders
// kept (Σ re-renders × count). The full order, best first, is:
//
//  1. most premium value kept;
//  2. most re-renders kept (cutting re-renders is the first saving, but never a
//     gratuitous one);
//  3. fewest credits spent;
//  4. fewest changes (a slot switched counts one, re-renders cut counts one).
//
// The answer is exact: a multiple-choice knapsack (pricing/internal/knapsack)
// whose groups are the month's choices (fitoptions.go builds them), solved by
// dynamic programming over credits (fitsolve.go weighs the order above into
// one value per option); the changes and their savings are worked out from the
// chosen options (fitexplain.go).

// FitChange is one substitution the fitter proposes for a video.
type FitChange struct {
	// Video is the index of the video in the project; VideoName its name.
	Video     int
	VideoName string
	// Rerenders is set when the change cuts re-renders (RerendersFrom ->
	// RerendersTo); otherwise the change switches Slot from From to To.
	Rerenders     bool
	RerendersFrom int
	RerendersTo   int
	Slot          Slot
	From, To      *Feature
	// Saves is what the change saves over the month (all copies). Re-render cuts
	// are priced with the video's features as planned and feature switches at the
	// re-render count chosen, so the savings add up exactly to Before - After.
	Saves Credits
	// ValueLost is the premium value (weighted premium seconds, all copies) the
	// change gives up.
	ValueLost int64
	// Reason is the card's one-line reason for the alternative (feature switches).
	Reason string
	// Draft is set when the change renders the video's re-renders as review
	// drafts at a cheaper resolution instead (fitdrafts.go); Rerenders is set
	// too, RerendersFrom → RerendersTo the re-renders before and after, as the
	// change locks and unlocks the same choice as a re-render cut.
	Draft *DraftOption
}

// Text is the change as a person reads it: "Use Avatar III instead of Avatar IV
// in “Weekly explainer”: saves 120 premium credits".
func (ch FitChange) Text(c *RateCard) string {
	if ch.Draft != nil {
		return fmt.Sprintf("Render %s at %s instead of re-rendering in %s in %s: saves %s",
			Plural(ch.Draft.Drafts, "review draft"), ch.Draft.At.Name, ch.Draft.Final.Name, quoteName(ch.VideoName), c.CreditWord(ch.Saves))
	}
	if ch.Rerenders {
		return fmt.Sprintf("Cut re-renders of %s from %d to %d: saves %s",
			quoteName(ch.VideoName), ch.RerendersFrom, ch.RerendersTo, c.CreditWord(ch.Saves))
	}
	return fmt.Sprintf("Use %s instead of %s in %s: saves %s",
		ch.To.Name, ch.From.Name, quoteName(ch.VideoName), c.CreditWord(ch.Saves))
}

// FitResult is the fitter's answer for a month, a plan and a balance.
type FitResult struct {
	Card *RateCard
	Plan *Plan
	// Billing is the project's billing, under which Upgrade was chosen.
	Billing Billing
	// Balance is the budget the month was fitted to.
	Balance Credits
	// Before and After are the month's premium credits as planned and with every
	// change applied.
	Before, After Credits
	// ValueBefore and ValueKept are the premium value (weighted premium seconds)
	// as planned and after the changes; ValueLost is their difference.
	ValueBefore, ValueKept, ValueLost int64
	// FitsBefore is set when the month already fitted; Fits when it fits after
	// the changes.
	FitsBefore bool
	Fits       bool
	// Changes lists the substitutions by saving, largest first, so the change
	// that matters most reads first; equal savings keep file order (by video,
	// and within a video a re-render cut first, then slots in slot order).
	Changes []FitChange
	// When nothing fits even with every substitution, Changes holds every
	// substitution (the least the month can spend, keeping the most value at that
	// price), Short is what is still missing, TopUp the cheapest top-up covering
	// it (CanTopUp false when the plan sells none), and Upgrade the cheapest other
	// priced plan, under the project's billing and not blocked, whose own credits
	// make the month fit with its substitutions; nil when there is none.
	Short    Credits
	TopUp    TopUpPurchase
	CanTopUp bool
	Upgrade  *Plan
	// Blocked lists what still rules the plan out once the changes are made: a
	// video longer than the plan allows, a feature it lacks with no alternative
	// it offers. Credits fitting (Fits) does not make the month possible on its own.
	Blocked []string
	// Exact is false only for months too large to solve exactly within the
	// fitter's budgets; ApproximateReason says which budget, and every other
	// promise (never above the balance when a fit exists, never more credits)
	// still holds.
	Exact bool
	// ApproximateReason is zero when Exact is set, otherwise why not.
	ApproximateReason FitApproximation
	// Money is the fit to the project's budget in money (fitmoney.go) this
	// result was chosen by, or nil for a month without a budget.
	Money *MoneyFit
}

// FitApproximation says why a fit is not exact: a set of reasons, zero for none.
type FitApproximation uint8

const (
	// FitTableTooLarge: the exact table would need more than the fitter's
	// memory or work budget (fitTableBytes, fitTableWork), so the choice was
	// made greedily, by least value lost per credit saved.
	FitTableTooLarge FitApproximation = 1 << iota
	// FitOptionsThinned: some video whose re-renders may be cut had more
	// combinations of re-render counts and features than the month's budget
	// for them (fitComboWork), so the answer is the best over an evenly spread
	// subset of its choices, or it kept its planned re-renders.
	FitOptionsThinned
)

// String names the reasons: "table too large", "options thinned", both joined
// by " and ", or "" when there are none.
func (a FitApproximation) String() string {
	var out []string
	if a&FitTableTooLarge != 0 {
		out = append(out, "table too large")
	}
	if a&FitOptionsThinned != 0 {
		out = append(out, "options thinned")
	}
	return strings.Join(out, " and ")
}

// PremiumValue is the premium value of one copy of a video as planned: its
// length in seconds × languages (language-minute features only) × weight, summed
// over its active premium slots. See the comment at the top of fit.go.
func (c *RateCard) PremiumValue(v *Video) int64 {
	var total int64
	for s := Slot(0); s < NumSlots; s++ {
		if f := c.featureFor(v, s); f != nil {
			total = plus(total, featureValue(f, v))
		}
	}
	return total
}

// MonthPremiumValue is the premium value of every copy of every video.
func (c *RateCard) MonthPremiumValue(p *Project) int64 {
	var total int64
	for i := range p.Videos {
		total = plus(total, times(c.PremiumValue(&p.Videos[i]), int64(p.Videos[i].Count)))
	}
	return total
}

// featureValue is what keeping f on one copy of v is worth.
func featureValue(f *Feature, v *Video) int64 {
	if !f.Premium {
		return 0
	}
	w := int64(max(f.Weight, 1)) // 0 in a hand-built card means the default, 1
	val := satMul(int64(v.Seconds), w)
	if f.Unit == PerLanguageMinute {
		val = satMul(val, int64(len(v.Languages)))
	}
	return val
}

// FitProject fits the project's month to its own plan and balance, as Quote
// prices it: the project's balance when it gives one, otherwise the plan's
// credits for a fresh cycle.
func (c *RateCard) FitProject(p *Project) (*FitResult, error) {
	return c.FitProjectKeeping(p, nil)
}

// FitProjectKeeping is FitProject with the choices keep locks left as planned
// (see FitKeeping).
func (c *RateCard) FitProjectKeeping(p *Project, keep FitKeep) (*FitResult, error) {
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil, fmt.Errorf("unknown plan %q; choose one of: %v", p.Plan, c.PlanIDs())
	}
	balance := plan.Credits
	if p.HasBalance {
		balance = p.Balance
	}
	if p.HasBudget {
		if mf := c.FitMoney(p, plan, balance, p.Budget, keep); mf != nil {
			mf.Fit.Money = mf
			return mf.Fit, nil
		}
	}
	return c.FitKeeping(p, plan, balance, keep), nil
}

// Fit finds the substitutions that bring the month's premium credits within the
// balance while keeping the most premium value (see the comment at the top of
// fit.go for the exact order). Only alternatives the plan can use are proposed;
// re-renders are cut only when p.AllowFewerRerenders is set. p is not modified;
// Apply makes the changes on a copy.
func (c *RateCard) Fit(p *Project, plan *Plan, balance Credits) *FitResult {
	return c.FitKeeping(p, plan, balance, nil)
}

// FitKeep says which of the month's choices a fit must leave as planned:
// keep(v, s) for slot s of video v, and keep(v, NumSlots) for the video's
// re-render count. A nil FitKeep keeps nothing.
type FitKeep func(video int, s Slot) bool

// kept is keep(v, s), false for a nil keep.
func (keep FitKeep) kept(v int, s Slot) bool { return keep != nil && keep(v, s) }

// FitKeeping is Fit with some choices locked by the person ("keep 4K"): a kept
// slot keeps its planned feature and a kept re-render count stays, even when
// the plan cannot use the feature (Blocked then says so), and the rest is
// fitted as Fit would, best by the same order among what is left free. The
// upgrade it names, when nothing fits, respects the same locks.
func (c *RateCard) FitKeeping(p *Project, plan *Plan, balance Credits, keep FitKeep) *FitResult {
	r := c.fitKeeping(p, plan, balance, keep)
	if plan == nil {
		return r
	}
	return c.withDrafts(p, plan, balance, keep, r)
}

// fitKeeping is FitKeeping without review drafts (fitdrafts.go): the
// substitutions alone.
func (c *RateCard) fitKeeping(p *Project, plan *Plan, balance Credits, keep FitKeep) *FitResult {
	budget := max(balance, 0)
	m := c.buildFit(p, plan, keep)
	// One-time credits of the month are a fixed line: no substitution changes them.
	var oneTime Credits
	if plan != nil {
		oneTime = c.oneTimeCredits(plan, p)
		m.fixed, m.current = plus(m.fixed, oneTime), plus(m.current, oneTime)
	}
	r := &FitResult{Card: c, Plan: plan, Billing: p.Billing, Balance: balance, Exact: true}
	r.Before = m.current
	r.ValueBefore = m.valueBefore
	r.FitsBefore = r.Before <= budget

	avail := minus(budget, m.fixed)
	var choice []int
	switch {
	case avail < m.minSum:
		// Nothing fits: every group takes its cheapest option. The order per group
		// (cost, then value...) is separable, so per-group choice is optimal.
		choice = m.each(cheaperFirst)
	case avail >= m.maxSum:
		// The budget binds nothing: each group keeps its best option.
		choice = m.each(compareOptions)
	default:
		choice, r.ApproximateReason = m.solve(avail)
		r.Exact = r.ApproximateReason == 0
	}
	c.explain(p, m, choice, r)
	// By saving, largest first; the sort is stable, so ties keep file order.
	slices.SortStableFunc(r.Changes, func(a, b FitChange) int { return cmp.Compare(b.Saves, a.Saves) })
	// The month as changed is priced afresh rather than trusted as Before minus
	// the savings: the two agree to the credit, except that on absurd cards whose
	// amounts saturate only the fresh price stays meaningful.
	var u *monthUsage
	r.After, u = c.tallyChanges(p, r.Changes)
	r.After = plus(r.After, oneTime)
	r.Fits = r.After <= budget
	if plan != nil {
		r.Blocked = c.blocked(plan, p, u)
	}
	if !r.Fits && plan != nil {
		r.Short = minus(r.After, budget)
		r.TopUp, r.CanTopUp = plan.CheapestTopUp(r.Short)
		r.Upgrade = c.fitUpgrade(p, plan, keep)
	} else if !r.Fits {
		r.Short = minus(r.After, budget)
	}
	return r
}

// tallyChanges adds up p's month as the changes would make it, and its usage,
// without copying the month: Apply's copy of a 100,000-video month is tens of
// megabytes built only to be added up. Each changed video is changed on a copy
// of its own, in the changes' order, as Apply changes it; names, seats and the
// watermark, which the limits also read, are the month's own.
func (c *RateCard) tallyChanges(p *Project, changes []FitChange) (Credits, *monthUsage) {
	order := make([]int32, 0, len(changes))
	for k, ch := range changes {
		if ch.Video >= 0 && ch.Video < len(p.Videos) {
			order = append(order, int32(k))
		}
	}
	slices.SortStableFunc(order, func(a, b int32) int { return changes[a].Video - changes[b].Video })
	u := c.newUsage()
	var total Credits
	k := 0
	for i := range p.Videos {
		v := &p.Videos[i]
		if k < len(order) && changes[order[k]].Video == i {
			changed := *v // Languages is shared and only read
			for ; k < len(order) && changes[order[k]].Video == i; k++ {
				changes[order[k]].applyTo(&changed)
			}
			v = &changed
		}
		idx := c.pickIndices(v)
		u.add(c, i, v, &idx)
		total = plus(total, copiesOf(c.copyCredits(v, &idx, nil), v.Count))
	}
	return total, u
}

// applyTo makes the change on v.
func (ch *FitChange) applyTo(v *Video) {
	if ch.Draft != nil {
		*v = ch.Draft.Apply(*v)
	} else if ch.Rerenders {
		v.Rerenders = ch.RerendersTo
	} else if ch.To != nil {
		v.Picks[ch.Slot] = ch.To.ID
	}
}

// Apply returns a copy of p with the changes made; p itself is left untouched,
// so a planner can keep it for undo. Changes naming a video p does not have are
// skipped.
func (r *FitResult) Apply(p *Project) *Project {
	q := p.Clone()
	for _, ch := range r.Changes {
		if ch.Video < 0 || ch.Video >= len(q.Videos) {
			continue
		}
		ch.applyTo(&q.Videos[ch.Video])
	}
	return q
}
