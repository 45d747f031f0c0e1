package pricing

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"unsafe"
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
// The answer is exact: a multiple-choice knapsack solved by dynamic programming
// over credits in units of the greatest common divisor of every option's cost and
// the capacity. The capacity is the smaller of "credits available above each
// choice's cheapest option" (packing) and "credits that must be saved" (covering),
// so a month slightly over budget or a small balance both solve fast.

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
}

// Text is the change as a person reads it: "Use Avatar III instead of Avatar IV
// in “Weekly explainer”: saves 120 premium credits".
func (ch FitChange) Text(c *RateCard) string {
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
	// Changes lists the substitutions, by video in file order; within a video,
	// a re-render cut comes first, then slots in slot order.
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
	// fitter's budgets (fitTableBytes of table, fitTableWork cell updates, or a
	// video whose combined choices exceed fitGroupOptions); a greedy choice by
	// least value lost per credit saved, or the best over a spread subset of the
	// choices, is used then, and every other promise (never above the balance
	// when a fit exists, never more credits) still holds.
	Exact bool
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
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil, fmt.Errorf("unknown plan %q; choose one of: %v", p.Plan, c.PlanIDs())
	}
	balance := plan.Credits
	if p.HasBalance {
		balance = p.Balance
	}
	return c.Fit(p, plan, balance), nil
}

// Fit finds the substitutions that bring the month's premium credits within the
// balance while keeping the most premium value (see the comment at the top of
// fit.go for the exact order). Only alternatives the plan can use are proposed;
// re-renders are cut only when p.AllowFewerRerenders is set. p is not modified;
// Apply makes the changes on a copy.
func (c *RateCard) Fit(p *Project, plan *Plan, balance Credits) *FitResult {
	budget := max(balance, 0)
	m := c.buildFit(p, plan)
	r := &FitResult{Card: c, Plan: plan, Billing: p.Billing, Balance: balance, Exact: true}
	r.Before = m.current
	r.ValueBefore = c.MonthPremiumValue(p)
	r.FitsBefore = r.Before <= budget

	avail := minus(budget, m.fixed)
	var choice []int
	switch {
	case avail < m.minSum:
		// Nothing fits: every group takes its cheapest option. The order per group
		// (cost, then value...) is separable, so per-group choice is optimal.
		choice = m.each(func(a, b *fitOption) bool { return cheaperFirst(a, b) })
	case avail >= m.maxSum:
		// The budget binds nothing: each group keeps its best option.
		choice = m.each(func(a, b *fitOption) bool { return betterAlone(a, b) })
	default:
		choice, r.Exact = m.solve(avail)
	}
	c.explain(p, m, choice, r)
	// The month as changed is priced afresh rather than trusted as Before minus
	// the savings: the two agree to the credit, except that on absurd cards whose
	// amounts saturate only the fresh price stays meaningful.
	applied := r.Apply(p)
	r.After = c.monthCredits(applied)
	r.Fits = r.After <= budget
	if plan != nil {
		r.Blocked = c.Blocked(plan, applied)
	}
	if !r.Fits && plan != nil {
		r.Short = minus(r.After, budget)
		r.TopUp, r.CanTopUp = plan.CheapestTopUp(r.Short)
		r.Upgrade = c.fitUpgrade(p, plan)
	} else if !r.Fits {
		r.Short = minus(r.After, budget)
	}
	return r
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
		v := &q.Videos[ch.Video]
		if ch.Rerenders {
			v.Rerenders = ch.RerendersTo
		} else if ch.To != nil {
			v.Picks[ch.Slot] = ch.To.ID
		}
	}
	return q
}

// fitOption is one way to make a group: a feature for one slot, or, for a video
// whose re-renders may be cut, a re-render count with a feature for every slot.
type fitOption struct {
	cost    Credits // over all copies
	value   int64   // premium value over all copies
	kept    int64   // re-renders kept over all copies
	changes int32
	rerend  int32
	feat    [NumSlots]int16 // feature index per slot; -1 for slots the group leaves alone
}

// fitGroup is one multiple-choice item: exactly one of its options is taken.
type fitGroup struct {
	video    int
	opts     []fitOption
	min, max Credits
}

// fitModel is a month cut into groups, plus what no choice can change.
type fitModel struct {
	groups []fitGroup
	// fixed is the credits of premium lines nothing can change; current the
	// month as planned; minSum and maxSum the groups' cheapest and dearest totals.
	fixed, current, minSum, maxSum Credits
	fixedValue                     int64
	// thinned is set when some video's choices were cut down (see comboPlan),
	// so the answer is the best over a subset of them; comboWork is the work
	// spent so far on combining big videos.
	thinned bool
	// jointVideos counts the videos whose re-renders may be cut, which share
	// the month's budget for combining choices (fitComboWork).
	jointVideos int
	chains      [][]int16 // per feature index, its chain on the plan (chainOf)
}

// chain lists the feature indexes a slot can take on the plan: the current
// pick first, then each step down the card's alternative chain that the plan
// can use (the rule in chain.go, the same Quote follows). When the plan cannot
// use the current pick itself (4K on a 1080p plan) and the chain offers
// something it can, the current pick is left out: a fit must not keep a choice
// that blocks the plan.
func (c *RateCard) chain(plan *Plan, f *Feature) []int16 {
	out := []int16{int16(c.featureIndex[f.ID])}
	for _, st := range c.chainSteps(plan, f) {
		out = append(out, int16(st.feature))
	}
	if plan != nil && len(out) > 1 && c.Unavailable(plan, f) != "" {
		out = out[1:]
	}
	return out
}

func (c *RateCard) buildFit(p *Project, plan *Plan) *fitModel {
	m := &fitModel{}
	if p.AllowFewerRerenders {
		for i := range p.Videos {
			if p.Videos[i].Count > 0 && p.Videos[i].Rerenders > 0 {
				m.jointVideos++
			}
		}
	}
	for vi := range p.Videos {
		v := &p.Videos[vi]
		if v.Count <= 0 {
			continue
		}
		count := Credits(v.Count)
		var chains, joint [NumSlots][]int16
		cutRerenders := false
		for s := Slot(0); s < NumSlots; s++ {
			f := c.featureFor(v, s)
			if f == nil {
				continue
			}
			m.current = plus(m.current, times(c.charge(f, v).Credits, int64(count)))
			chains[s] = m.chainOf(c, plan, f)
			if p.AllowFewerRerenders && v.Rerenders > 0 {
				for _, fi := range chains[s] {
					if c.Features[fi].Rerender && c.Features[fi].Premium {
						// This slot's price depends on the re-render count: it is
						// chosen together with it. Other slots stay groups of their own.
						joint[s], chains[s] = chains[s], nil
						cutRerenders = true
						break
					}
				}
			}
		}
		if cutRerenders {
			rs, k, ok := m.comboPlan(v, &joint)
			if ok {
				opts, exact := c.videoOptions(v, joint, rs, k)
				m.thinned = m.thinned || !exact
				m.add(fitGroup{video: vi, opts: opts})
			} else {
				// Over the month's budget for combinations: this video keeps its
				// re-renders, and its slots are chosen one by one as without
				// allow_fewer_rerenders.
				m.thinned = true
				for s := range joint {
					if joint[s] != nil {
						chains[s] = joint[s]
					}
				}
			}
		}
		for s := Slot(0); s < NumSlots; s++ {
			ch := chains[s]
			if ch == nil {
				continue
			}
			current := int16(c.pickIndex(v, s))
			opts := make([]fitOption, 0, len(ch))
			for _, fi := range ch {
				f := &c.Features[fi]
				// Re-renders kept (kept) stay 0: they do not vary inside a slot
				// group, and counting them per slot would count a video's many times.
				o := fitOption{
					cost:   times(c.charge(f, v).Credits, int64(count)),
					value:  times(featureValue(f, v), int64(v.Count)),
					rerend: int32(v.Rerenders),
				}
				for i := range o.feat {
					o.feat[i] = -1
				}
				o.feat[s] = fi
				if fi != current {
					o.changes = 1
				}
				opts = append(opts, o)
			}
			opts = pruneOptions(opts)
			if len(opts) == 1 && opts[0].changes == 0 {
				m.fixed = plus(m.fixed, opts[0].cost)
				m.fixedValue = plus(m.fixedValue, opts[0].value)
				continue
			}
			m.add(fitGroup{video: vi, opts: opts})
		}
	}
	return m
}

// chainOf is c.chain(plan, f), worked out once per feature for the month.
func (m *fitModel) chainOf(c *RateCard, plan *Plan, f *Feature) []int16 {
	i := c.featureIndex[f.ID]
	if m.chains == nil {
		m.chains = make([][]int16, len(c.Features))
	}
	if m.chains[i] == nil {
		m.chains[i] = c.chain(plan, f)
	}
	return m.chains[i]
}

func (m *fitModel) add(g fitGroup) {
	g.min, g.max = g.opts[0].cost, g.opts[0].cost
	for _, o := range g.opts {
		g.min = min(g.min, o.cost)
		g.max = max(g.max, o.cost)
	}
	m.minSum = plus(m.minSum, g.min)
	m.maxSum = plus(m.maxSum, g.max)
	m.groups = append(m.groups, g)
}

// Combining a video's slots with its re-render count multiplies their choices,
// so the month has a budget for it: fitComboWork partial options built, shared
// evenly by the videos whose re-renders may be cut. A video whose combinations
// fit its share is combined exactly. A bigger one is combined over at most
// fitSpreadRerenders re-render counts (0, the planned count and an even spread
// between), keeping as many options of each partial front as its share allows
// (at most fitThinOptions, at least 2); a video whose share does not even allow
// that keeps its planned re-renders. Each of these marks the fit approximate.
// Building a month's options so costs about fitComboWork, whatever its numbers.
const (
	fitComboWork       = 1 << 22
	fitSpreadRerenders = 17
	fitThinOptions     = 32
)

// comboPlan chooses the re-render counts and the thinning bound for video v's
// combined group within its share of the month's budget, or reports false when
// the share cannot pay even for the smallest combination.
func (m *fitModel) comboPlan(v *Video, joint *[NumSlots][]int16) (rs []int, k int, ok bool) {
	share := int64(fitComboWork / max(m.jointVideos, 1))
	// Exactly: every re-render count, every partial front whole. A front is
	// never larger than the product of the chains so far.
	exact, prefix := int64(0), int64(1)
	for _, ch := range joint {
		if ch != nil {
			prefix = satMul(prefix, int64(len(ch)))
			exact = satAdd(exact, prefix)
		}
	}
	exact = satMul(exact, int64(v.Rerenders)+1)
	if exact <= share && prefix <= fitGroupOptions {
		for r := v.Rerenders; r >= 0; r-- {
			rs = append(rs, r)
		}
		return rs, fitGroupOptions, true
	}
	n := min(v.Rerenders+1, fitSpreadRerenders)
	for i := range n {
		r := v.Rerenders - i*v.Rerenders/max(n-1, 1)
		if len(rs) == 0 || rs[len(rs)-1] != r {
			rs = append(rs, r)
		}
	}
	links := int64(0)
	for _, ch := range joint {
		links = satAdd(links, int64(len(ch)))
	}
	per := satMul(links, int64(len(rs))) // work per option kept of each front
	k = int(min(share/max(per, 1), fitThinOptions))
	m.thinned = true
	if k < 2 {
		return nil, 0, false
	}
	return rs, k, true
}

// videoOptions lists the non-dominated ways to make a video whose re-renders may
// be cut, over the slots in joint: for each re-render count in rs, the
// non-dominated choices of those slots at that count, each partial front kept to
// at most k options. exact is false when a front had to be thinned.
func (c *RateCard) videoOptions(v *Video, joint [NumSlots][]int16, rs []int, k int) (opts []fitOption, exact bool) {
	var all []fitOption
	cut := false
	w := *v
	count := int64(v.Count)
	for _, r := range rs {
		w.Rerenders = r
		base := fitOption{rerend: int32(r), kept: satMul(int64(r), count)}
		for i := range base.feat {
			base.feat[i] = -1
		}
		if r != v.Rerenders {
			base.changes = 1
		}
		front := []fitOption{base}
		for s := Slot(0); s < NumSlots; s++ {
			ch := joint[s]
			if ch == nil {
				continue
			}
			current := int16(c.pickIndex(v, s))
			next := make([]fitOption, 0, len(front)*len(ch))
			for _, fi := range ch {
				f := &c.Features[fi]
				cost := times(c.charge(f, &w).Credits, count)
				value := times(featureValue(f, &w), count)
				for _, o := range front {
					n := o
					n.cost = plus(n.cost, cost)
					n.value = plus(n.value, value)
					n.feat[s] = fi
					if fi != current {
						n.changes++
					}
					next = append(next, n)
				}
			}
			front, cut = thinTo(pruneOptions(next), k, cut)
		}
		all = append(all, front...)
		if len(all) > 4*k {
			all, cut = thinTo(pruneOptions(all), k, cut)
		}
	}
	all, cut = thinTo(pruneOptions(all), min(k, fitGroupOptions), cut)
	return all, !cut
}

func thinTo(opts []fitOption, k int, cut bool) ([]fitOption, bool) {
	out, dropped := thin(opts, k)
	return out, cut || dropped
}

// pruneOptions drops every option another option dominates, and sorts the
// rest by cost. The fitter's order is lexicographic (value, then re-renders
// kept, then credits, then changes), so option k dominates option o when k costs
// no more and is at least as good by that order: swapping k in for o keeps any
// month within its budget and never makes it worse, so the exact answer
// survives. What is left is a chain: costs rise strictly and so does (value,
// re-renders kept), so a group never has more options than distinct costs.
func pruneOptions(opts []fitOption) []fitOption {
	// A total order (the features chosen break the last ties), so the unstable
	// sort gives the same answer every time.
	slices.SortFunc(opts, func(a, b fitOption) int {
		switch {
		case a.cost != b.cost:
			return cmp.Compare(a.cost, b.cost)
		case a.value != b.value:
			return cmp.Compare(b.value, a.value)
		case a.kept != b.kept:
			return cmp.Compare(b.kept, a.kept)
		case a.changes != b.changes:
			return cmp.Compare(a.changes, b.changes)
		case a.rerend != b.rerend:
			return cmp.Compare(b.rerend, a.rerend)
		}
		return slices.Compare(a.feat[:], b.feat[:])
	})
	out := opts[:0]
	for _, o := range opts {
		if n := len(out); n > 0 {
			k := &out[n-1] // the best option costing no more than o
			if k.value > o.value || (k.value == o.value && k.kept >= o.kept) {
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

// fitGroupOptions bounds the options of one combined group (see comboPlan). A
// group thinned to k keeps an evenly spread subset of its chain, always its
// cheapest and its best option, so "nothing fits" and "the budget binds
// nothing" are still answered exactly.
const fitGroupOptions = 512

// thin keeps at most k of a pruned chain, evenly spread, the first (cheapest)
// and last (best) among them. It reports whether it dropped any.
func thin(opts []fitOption, k int) ([]fitOption, bool) {
	n := len(opts)
	if n <= k || k < 2 {
		return opts, false
	}
	out := make([]fitOption, 0, k)
	for i := range k {
		out = append(out, opts[i*(n-1)/(k-1)])
	}
	return out, true
}

// betterAlone orders two options of one group when the budget binds nothing:
// more value, more re-renders kept, fewer credits, fewer changes.
func betterAlone(a, b *fitOption) bool {
	if a.value != b.value {
		return a.value > b.value
	}
	if a.kept != b.kept {
		return a.kept > b.kept
	}
	if a.cost != b.cost {
		return a.cost < b.cost
	}
	return a.changes < b.changes
}

// cheaperFirst orders options when nothing fits: fewest credits first, then as betterAlone.
func cheaperFirst(a, b *fitOption) bool {
	if a.cost != b.cost {
		return a.cost < b.cost
	}
	return betterAlone(a, b)
}

// each picks every group's best option by a separable order.
func (m *fitModel) each(better func(a, b *fitOption) bool) []int {
	choice := make([]int, len(m.groups))
	for gi := range m.groups {
		g := &m.groups[gi]
		best := 0
		for k := 1; k < len(g.opts); k++ {
			if better(&g.opts[k], &g.opts[best]) {
				best = k
			}
		}
		choice[gi] = best
	}
	return choice
}

// fitCell is the best partial month found for one table entry: its value,
// re-renders kept, relative credits spent (in units) and changes.
type fitCell struct {
	value, kept, spent int64
	changes            int32
	ok                 bool
}

func (a *fitCell) better(b *fitCell) bool {
	if !b.ok {
		return true
	}
	if a.value != b.value {
		return a.value > b.value
	}
	if a.kept != b.kept {
		return a.kept > b.kept
	}
	if a.spent != b.spent {
		return a.spent < b.spent
	}
	return a.changes < b.changes
}

// The exact table is sized before anything is allocated, and refused (the
// month is then fitted greedily and marked approximate) when it would need more
// than fitTableBytes of memory or more than fitTableWork cell updates:
//
//	bytes = entries × groups × (1 or 2 bytes of picks) + 2 rows × entries × cell
//	work  = entries × Σ options per group
//
// where entries is the capacity in gcd units plus one and cell is 8 bytes (one
// score) or the wide cell when scores could overflow. So no number in a project
// (a balance, a count, a length) can make the fitter allocate more than
// fitTableBytes or loop more than fitTableWork times; together they keep a fit
// within about a second and 200 MB on one core.
const (
	fitTableBytes = 128 << 20
	fitTableWork  = 1 << 28
)

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// solve is the exact multiple-choice knapsack for a budget that binds:
// minSum <= avail < maxSum. It returns each group's option index.
func (m *fitModel) solve(avail Credits) ([]int, bool) {
	capacity := int64(avail - m.minSum) // packing: spend at most this above the cheapest
	need := int64(m.maxSum - avail)     // covering: save at least this below the dearest
	unit := int64(0)
	for _, g := range m.groups {
		for _, o := range g.opts {
			unit = gcd(unit, int64(o.cost-g.min))
		}
	}
	covering := need < capacity
	if covering {
		unit = gcd(unit, need)
	} else {
		unit = gcd(unit, capacity)
	}
	if unit == 0 {
		unit = 1
	}
	size := capacity / unit
	if covering {
		size = need / unit
	}
	sc, scored := m.scales(unit)
	if !m.tableFits(size, scored) {
		return m.greedy(avail), false
	}
	if scored {
		return m.tableScored(size, unit, covering, sc), !m.thinned
	}
	return m.tableWide(size, unit, covering), !m.thinned
}

// tableFits reports whether the exact table for `size` fits the memory and work
// budgets (fitTableBytes, fitTableWork), computed without overflow.
func (m *fitModel) tableFits(size int64, scored bool) bool {
	entries := satAdd(size, 1)
	pick, opts := int64(1), int64(0)
	for _, g := range m.groups {
		if len(g.opts) > 1<<16 {
			return false
		}
		if len(g.opts) > 256 {
			pick = 2
		}
		opts = satAdd(opts, int64(len(g.opts)))
	}
	cell := int64(8)
	if !scored {
		cell = int64(unsafe.Sizeof(fitCell{}))
	}
	bytes := satAdd(satMul(satMul(entries, int64(len(m.groups))), pick), satMul(entries, 2*cell))
	return bytes <= fitTableBytes && satMul(entries, opts) <= fitTableWork
}

// fitPicks remembers, for every group and table entry, which option the best
// entry took, so the choice can be walked back from the end.
type fitPicks struct {
	n   int
	p8  []uint8
	p16 []uint16
	// capPrev is, per group, the entry the covering table's last entry came
	// from: that entry has many possible predecessors, every other entry one.
	capPrev []int32
}

func (m *fitModel) newPicks(n int) *fitPicks {
	t := &fitPicks{n: n, capPrev: make([]int32, len(m.groups))}
	small := true
	for _, g := range m.groups {
		if len(g.opts) > 256 {
			small = false
		}
	}
	if small {
		t.p8 = make([]uint8, n*len(m.groups))
	} else {
		t.p16 = make([]uint16, n*len(m.groups))
	}
	return t
}

func (t *fitPicks) set(gi int, j int64, k int) {
	if t.p8 != nil {
		t.p8[gi*t.n+int(j)] = uint8(k)
	} else {
		t.p16[gi*t.n+int(j)] = uint16(k)
	}
}

func (t *fitPicks) get(gi int, j int64) int {
	if t.p8 != nil {
		return int(t.p8[gi*t.n+int(j)])
	}
	return int(t.p16[gi*t.n+int(j)])
}

// fitSteps is a group's options as table moves: how many entries each moves
// (spent above the cheapest when packing, saved below the dearest when
// covering) and how many units it spends above the cheapest.
func (m *fitModel) fitSteps(g *fitGroup, unit int64, covering bool, steps, spends []int64) ([]int64, []int64, int64) {
	steps, spends = steps[:0], spends[:0]
	top := int64(0)
	for _, o := range g.opts {
		sp := int64(o.cost-g.min) / unit
		st := sp
		if covering {
			st = int64(g.max-o.cost) / unit
		}
		steps = append(steps, st)
		spends = append(spends, sp)
		top = max(top, st)
	}
	return steps, spends, top
}

// table runs the dynamic programme. In packing mode entry i holds the best
// choice of the groups so far spending exactly i units above their cheapest
// options. In covering mode entry i holds the best choice saving exactly i units
// below their dearest options, with the last entry holding every choice saving
// at least `size` units. "Best" is the order at the top of this file. When that
// order fits in one int64 per entry (it does for any real month) the table holds
// scores; otherwise it holds the four measures side by side.
func (m *fitModel) table(size, unit int64, covering bool) []int {
	if sc, ok := m.scales(unit); ok {
		return m.tableScored(size, unit, covering, sc)
	}
	return m.tableWide(size, unit, covering)
}

// fitScales weigh the four measures into one score:
// value×A + kept×B − spent×D − changes, plus an offset that keeps every score of
// a reachable entry non-negative, so −1 can mark an empty entry.
type fitScales struct{ a, b, d, offset int64 }

// scales finds weights under which the score orders entries exactly as the
// measures do: each measure's whole range stays below the next one's weight.
// It reports false when the scores could overflow.
func (m *fitModel) scales(unit int64) (fitScales, bool) {
	var value, kept, spent, changes uint64
	for _, g := range m.groups {
		var v, k, c uint64
		for _, o := range g.opts {
			v = max(v, uint64(o.value))
			k = max(k, uint64(o.kept))
			c = max(c, uint64(o.changes))
		}
		value = satAddU(value, v)
		kept = satAddU(kept, k)
		changes = satAddU(changes, c)
		spent = satAddU(spent, uint64(g.max-g.min)/uint64(unit))
	}
	const limit = 1 << 62
	mul := func(x, y uint64) (uint64, bool) {
		hi, lo := bits.Mul64(x, y)
		return lo, hi == 0 && lo < limit
	}
	d := changes + 1
	b, ok1 := mul(spent+1, d)
	a, ok2 := mul(kept+1, b)
	top, ok3 := mul(value+1, a)
	if !ok1 || !ok2 || !ok3 || top >= limit {
		return fitScales{}, false
	}
	return fitScales{a: int64(a), b: int64(b), d: int64(d), offset: int64(spent*d + changes)}, true
}

// satAddU adds two unsigned measures, saturating at the top of the range, so
// an absurd month makes scales refuse rather than wrap.
func satAddU(a, b uint64) uint64 {
	if a > ^uint64(0)-b {
		return ^uint64(0)
	}
	return a + b
}

// emptyScore marks a table entry no choice reaches. It is so low that adding
// any option's score keeps it below every reachable entry (all >= 0), so the
// inner loop needs no test for it.
const emptyScore = -(1 << 62)

func (m *fitModel) tableScored(size, unit int64, covering bool, sc fitScales) []int {
	n := int(size) + 1
	cur := make([]int64, n)
	next := make([]int64, n)
	for i := range cur {
		cur[i] = emptyScore
	}
	cur[0] = sc.offset
	picks := m.newPicks(n)
	var steps, spends []int64
	deltas := make([]int64, 0, 16)
	reach := int64(0)
	for gi := range m.groups {
		g := &m.groups[gi]
		var top int64
		steps, spends, top = m.fitSteps(g, unit, covering, steps, spends)
		deltas = deltas[:0]
		for k := range g.opts {
			o := &g.opts[k]
			deltas = append(deltas, o.value*sc.a+o.kept*sc.b-spends[k]*sc.d-int64(o.changes))
		}
		newReach := min(reach+top, size)
		row := picks.n * gi
		// Every group has an option that moves no entry: its cheapest when packing,
		// its dearest when covering. It goes first, as a plain copy that needs no
		// comparison, since the rest of the row is still empty.
		zero := 0
		for k, st := range steps {
			if st == 0 {
				zero = k
				break
			}
		}
		d0 := deltas[zero]
		fused := -1
		if !covering && picks.p8 != nil {
			for k, st := range steps {
				if k != zero && st <= size {
					fused = k
					break
				}
			}
		}
		if fused >= 0 {
			// Packing with a second option: one pass takes the better of the
			// zero move and this option for every entry (two passes over the row
			// cost nearly twice as much; memory, not arithmetic, is the limit).
			fuse(cur, next, picks.p8[row:row+picks.n], reach, newReach, size, steps[fused], d0, deltas[fused], uint8(zero), uint8(fused))
		} else {
			for i, b := range cur[:reach+1] {
				next[i] = b + d0
			}
			for i := reach + 1; i <= newReach; i++ {
				next[i] = emptyScore
			}
			if covering && reach == size {
				picks.capPrev[gi] = int32(size) // the last entry's copy of itself
			}
			if zero != 0 {
				pk := picks.p8
				if pk == nil {
					for i := range reach + 1 {
						picks.p16[row+int(i)] = uint16(zero)
					}
				} else {
					for i := range pk[row : row+int(reach)+1] {
						pk[row+i] = uint8(zero)
					}
				}
			}
		}
		for k, st := range steps {
			if k == zero || k == fused {
				continue
			}
			d := deltas[k]
			// Entries whose move lands inside the table (below the last entry
			// when covering, since that one needs its predecessor kept)...
			last := min(reach, size-st)
			if covering {
				last = min(reach, size-st-1)
			}
			if last >= 0 {
				src := cur[:last+1]
				dst := next[st : st+last+1]
				if picks.p8 != nil {
					pk := picks.p8[row+int(st) : row+int(st)+len(src)]
					kk := uint8(k)
					// Equal lengths, stated, let the compiler drop the bounds checks.
					dst, pk := dst[:len(src)], pk[:len(src)]
					for i, b := range src {
						// Branch-free "keep the better": the comparison is a coin
						// toss for the CPU, and this loop is the fitter's whole cost.
						c, old := b+d, dst[i]
						mask := (old - c) >> 63 // all ones when c > old
						dst[i] = old ^ ((old ^ c) & mask)
						pk[i] ^= (pk[i] ^ kk) & uint8(mask)
					}
				} else {
					pk := picks.p16[row+int(st) : row+int(st)+len(src)]
					kk := uint16(k)
					dst, pk := dst[:len(src)], pk[:len(src)]
					for i, b := range src {
						c, old := b+d, dst[i]
						mask := (old - c) >> 63
						dst[i] = old ^ ((old ^ c) & mask)
						pk[i] ^= (pk[i] ^ kk) & uint16(mask)
					}
				}
			}
			// ...and, when covering, those that save all that is needed or more.
			if covering {
				for i := max(last+1, 0); i <= reach; i++ {
					b := cur[i]
					if b < 0 {
						continue
					}
					if c := b + d; c > next[size] {
						next[size] = c
						picks.set(gi, size, k)
						picks.capPrev[gi] = int32(i)
					}
				}
			}
		}
		reach = newReach
		cur, next = next, cur
	}
	end := size
	if !covering {
		end = -1
		for i := int64(0); i <= reach; i++ {
			if cur[i] >= 0 && (end < 0 || cur[i] > cur[end]) {
				end = i
			}
		}
	}
	return m.reconstruct(picks, end, size, unit, covering)
}

// fuse fills a packing row from the previous one with two options at once:
// the zero move (delta d0, pick z) and a move of st entries (delta d1, pick o).
// Entries that neither reaches are empty. Ties go to the zero move, as they
// would if the options were taken one after the other.
func fuse(cur, next []int64, pk []uint8, reach, newReach, size, st, d0, d1 int64, z, o uint8) {
	// Only the zero move reaches below st.
	for j := int64(0); j < st && j <= newReach; j++ {
		if j <= reach {
			next[j] = cur[j] + d0
		} else {
			next[j] = emptyScore
		}
		pk[j] = z
	}
	// Both moves reach st..reach.
	if hi := min(reach, size); st <= hi {
		n := hi - st + 1
		a, b := cur[st:st+n], cur[:n]
		dst, p := next[st:st+n], pk[st:st+n]
		dst, p = dst[:len(a)], p[:len(a)]
		b = b[:len(a)]
		for i := range a {
			x, y := a[i]+d0, b[i]+d1
			mask := (x - y) >> 63 // all ones when y > x
			dst[i] = x ^ ((x ^ y) & mask)
			p[i] = z ^ ((z ^ o) & uint8(mask))
		}
	}
	// Only the move of st reaches above reach; beyond reach+st nothing does
	// (yet: a longer option of the same group may fill it afterwards).
	for j := max(st, reach+1); j <= newReach; j++ {
		if j-st <= reach {
			next[j] = cur[j-st] + d1
			pk[j] = o
		} else {
			next[j] = emptyScore
		}
	}
}

func (m *fitModel) tableWide(size, unit int64, covering bool) []int {
	n := int(size) + 1
	cur := make([]fitCell, n)
	next := make([]fitCell, n)
	cur[0] = fitCell{ok: true}
	picks := m.newPicks(n)
	var steps, spends []int64
	reach := int64(0)
	for gi := range m.groups {
		g := &m.groups[gi]
		var top int64
		steps, spends, top = m.fitSteps(g, unit, covering, steps, spends)
		newReach := min(reach+top, size)
		for i := int64(0); i <= newReach; i++ {
			next[i].ok = false
		}
		for i := int64(0); i <= reach; i++ {
			base := &cur[i]
			if !base.ok {
				continue
			}
			for k := range g.opts {
				j := i + steps[k]
				if j > size {
					if !covering {
						continue
					}
					j = size
				}
				o := &g.opts[k]
				cand := fitCell{
					value:   base.value + o.value,
					kept:    base.kept + o.kept,
					spent:   base.spent + spends[k],
					changes: base.changes + o.changes,
					ok:      true,
				}
				if cand.better(&next[j]) {
					next[j] = cand
					picks.set(gi, j, k)
					if j == size {
						picks.capPrev[gi] = int32(i)
					}
				}
			}
		}
		reach = newReach
		cur, next = next, cur
	}
	end := size
	if !covering {
		end = -1
		for i := int64(0); i <= reach; i++ {
			if cur[i].ok && (end < 0 || cur[i].better(&cur[end])) {
				end = i
			}
		}
	}
	return m.reconstruct(picks, end, size, unit, covering)
}

// reconstruct walks the picks back from the table's best last entry.
func (m *fitModel) reconstruct(picks *fitPicks, end, size, unit int64, covering bool) []int {
	choice := make([]int, len(m.groups))
	at := end
	for gi := len(m.groups) - 1; gi >= 0; gi-- {
		g := &m.groups[gi]
		k := picks.get(gi, at)
		choice[gi] = k
		o := &g.opts[k]
		switch {
		case covering && at == size:
			at = int64(picks.capPrev[gi])
		case covering:
			at -= int64(g.max-o.cost) / unit
		default:
			at -= int64(o.cost-g.min) / unit
		}
	}
	return choice
}

// greedy fits a month too large for the exact table: every group starts at its
// best option and, while the month is over budget, the move with the least value
// lost per credit saved is taken. Moves go down each group's upper hull of
// (cost, value), where the next vertex down is always that group's cheapest
// loss per credit, so the whole descent costs O(options × log groups). It never
// stops above the budget, because the cheapest options together fit (avail >=
// minSum) and each group's cheapest option is on its hull.
func (m *fitModel) greedy(avail Credits) []int {
	choice := m.each(func(a, b *fitOption) bool { return betterAlone(a, b) })
	spent := Credits(0)
	for gi, k := range choice {
		spent = plus(spent, m.groups[gi].opts[k].cost)
	}
	hulls := make([][]int, len(m.groups))
	// A typed binary heap, filled at once and sifted in place: no move is boxed
	// into an interface, which on a month of 100,000 groups is most of the work.
	var h moveHeap
	for gi := range m.groups {
		hulls[gi] = m.groups[gi].hull()
		if mv, ok := m.hullMove(gi, hulls[gi], len(hulls[gi])-2); ok {
			h = append(h, mv)
		}
	}
	h.init()
	for spent > avail && len(h) > 0 {
		mv := h[0]
		g := &m.groups[mv.group]
		spent = minus(spent, minus(g.opts[choice[mv.group]].cost, g.opts[mv.to].cost))
		choice[mv.group] = mv.to
		if next, ok := m.hullMove(mv.group, hulls[mv.group], mv.at-1); ok {
			h[0] = next
		} else {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		h.down(0)
	}
	return choice
}

// hull is the upper hull of the group's options by (cost, value), as indices
// into opts from the cheapest to the best. opts is a pruned chain (sorted by
// cost, value rising), so its first and last options are on it.
func (g *fitGroup) hull() []int {
	var out []int
	for k := range g.opts {
		o := &g.opts[k]
		for len(out) >= 2 {
			a, b := &g.opts[out[len(out)-2]], &g.opts[out[len(out)-1]]
			// b is under the segment a-o (or on it): drop it. Compare slopes
			// (b-a) and (o-a) exactly in 128 bits.
			if !above(a, b, o) {
				out = out[:len(out)-1]
				continue
			}
			break
		}
		out = append(out, k)
	}
	return out
}

// above reports whether b lies strictly above the segment from a to o
// (a.cost < b.cost < o.cost): (b.v - a.v)(o.c - a.c) > (o.v - a.v)(b.c - a.c).
func above(a, b, o *fitOption) bool {
	bv, oc := uint64(max(b.value-a.value, 0)), uint64(o.cost-a.cost)
	ov, bc := uint64(max(o.value-a.value, 0)), uint64(b.cost-a.cost)
	lh, ll := bits.Mul64(bv, oc)
	rh, rl := bits.Mul64(ov, bc)
	return lh > rh || (lh == rh && ll > rl)
}

// fitMove is one step down a group's hull: from hull vertex at+1 to vertex at
// (option index to), losing `lost` value to save `saved` credits.
type fitMove struct {
	group, to, at int
	lost, saved   uint64
}

// hullMove is the move from hull vertex at+1 down to vertex at, if there is one.
func (m *fitModel) hullMove(gi int, hull []int, at int) (fitMove, bool) {
	if at < 0 || at+1 >= len(hull) {
		return fitMove{}, false
	}
	g := &m.groups[gi]
	cur, to := &g.opts[hull[at+1]], &g.opts[hull[at]]
	return fitMove{group: gi, to: hull[at], at: at, lost: uint64(max(cur.value-to.value, 0)), saved: uint64(max(cur.cost-to.cost, 0))}, true
}

// less compares lost/saved ratios exactly, in 128 bits.
func (a fitMove) less(b fitMove) bool {
	ah, al := bits.Mul64(a.lost, b.saved)
	bh, bl := bits.Mul64(b.lost, a.saved)
	if ah != bh {
		return ah < bh
	}
	if al != bl {
		return al < bl
	}
	return a.saved > b.saved
}

// moveHeap is a binary min-heap of moves by less.
type moveHeap []fitMove

func (h moveHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h moveHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		j := l
		if r := l + 1; r < len(h) && h[r].less(h[l]) {
			j = r
		}
		if !h[j].less(h[i]) {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}

// explain turns the chosen options into changes, each with its saving and the
// value it gives up, and fills the result's totals.
func (c *RateCard) explain(p *Project, m *fitModel, choice []int, r *FitResult) {
	type plan struct {
		picks     [NumSlots]int16
		rerenders int
		touched   bool
	}
	byVideo := map[int]*plan{}
	for gi, k := range choice {
		g := &m.groups[gi]
		o := &g.opts[k]
		pl := byVideo[g.video]
		if pl == nil {
			v := &p.Videos[g.video]
			pl = &plan{rerenders: v.Rerenders}
			for s := range pl.picks {
				pl.picks[s] = -1
			}
			byVideo[g.video] = pl
		}
		for s, fi := range o.feat {
			if fi >= 0 {
				pl.picks[s] = fi
			}
		}
		if int(o.rerend) != p.Videos[g.video].Rerenders {
			pl.rerenders = int(o.rerend)
		}
	}
	r.After = r.Before
	r.ValueKept = r.ValueBefore
	for vi := range p.Videos {
		pl := byVideo[vi]
		if pl == nil {
			continue
		}
		v := &p.Videos[vi]
		count := Credits(v.Count)
		w := *v
		w.Rerenders = pl.rerenders
		if pl.rerenders != v.Rerenders {
			var saves Credits
			for s := Slot(0); s < NumSlots; s++ {
				if f := c.featureFor(v, s); f != nil {
					saves = plus(saves, times(minus(c.charge(f, v).Credits, c.charge(f, &w).Credits), int64(count)))
				}
			}
			r.Changes = append(r.Changes, FitChange{
				Video: vi, VideoName: v.Name, Rerenders: true,
				RerendersFrom: v.Rerenders, RerendersTo: pl.rerenders, Saves: saves,
			})
			r.After = minus(r.After, saves)
		}
		for s := Slot(0); s < NumSlots; s++ {
			from := c.featureFor(v, s)
			if from == nil || pl.picks[s] < 0 {
				continue
			}
			to := &c.Features[pl.picks[s]]
			if to.ID == from.ID {
				continue
			}
			saves := times(minus(c.charge(from, &w).Credits, c.charge(to, &w).Credits), int64(count))
			lost := times(minus(featureValue(from, v), featureValue(to, v)), int64(v.Count))
			r.Changes = append(r.Changes, FitChange{
				Video: vi, VideoName: v.Name, Slot: s, From: from, To: to,
				Saves: saves, ValueLost: lost, Reason: c.chainReason(from, to),
			})
			r.After = minus(r.After, saves)
			r.ValueKept = minus(r.ValueKept, lost)
		}
	}
	r.ValueLost = minus(r.ValueBefore, r.ValueKept)
}

// fitUpgrade finds the cheapest other plan with a public price, under the
// project's billing, that the month (with that plan's own substitutions) fits
// and that nothing blocks once those substitutions are made.
func (c *RateCard) fitUpgrade(p *Project, not *Plan) *Plan {
	var best *Plan
	var bestCost Money
	for i := range c.Plans {
		pl := &c.Plans[i]
		if pl == not || pl.ContactSales {
			continue
		}
		cost := c.monthCost(pl, p, p.Billing)
		if best != nil && cost >= bestCost {
			continue
		}
		m := c.buildFit(p, pl)
		if m.fixed+m.minSum > pl.Credits {
			continue
		}
		least := &FitResult{Before: m.current}
		c.explain(p, m, m.each(func(a, b *fitOption) bool { return cheaperFirst(a, b) }), least)
		if len(c.Blocked(pl, least.Apply(p))) > 0 {
			continue
		}
		best, bestCost = pl, cost
	}
	return best
}
