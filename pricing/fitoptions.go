package pricing

import (
	"cmp"
	"slices"
)

// A month's choices as knapsack groups: a video's options for one slot (the
// slot's chain of alternatives on the plan), or, for a video whose re-renders
// may be cut, its re-render count together with the slots whose price depends
// on it. Dominated options are pruned, so every group is a chain; videos with
// too many combinations are thinned within a budget for the month.

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
	// so the answer is the best over a subset of them.
	thinned bool
	// jointVideos counts the videos whose re-renders may be cut, which share
	// the month's budget for combining choices (fitComboWork).
	jointVideos int
	chains      [][]int16   // per feature index, its chain on the plan (chainOf)
	arena       []fitOption // the block alloc carves options from
	// picks is, per video, each slot's feature index as planned, -1 for an
	// inactive slot; valueBefore the month's premium value as planned.
	picks       [][NumSlots]int16
	valueBefore int64
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

// buildFit cuts the month into groups. A slot keep locks has only its planned
// feature, so it is a fixed line; a video whose re-renders keep locks has its
// re-render count fixed, as without allow_fewer_rerenders.
func (c *RateCard) buildFit(p *Project, plan *Plan, keep FitKeep) *fitModel {
	m := &fitModel{chains: make([][]int16, len(c.Features)), picks: make([][NumSlots]int16, len(p.Videos))}
	// One pass looks every pick up once (explain reads them again) and sizes
	// the groups: a month of 100,000 videos would otherwise grow the slice a
	// few dozen times.
	groups := 0
	for i := range p.Videos {
		v := &p.Videos[i]
		value := int64(0)
		for s := Slot(0); s < NumSlots; s++ {
			fi := c.pickIndex(v, s)
			m.picks[i][s] = int16(fi)
			if fi >= 0 && c.Features[fi].Premium {
				groups++
				value = plus(value, featureValue(&c.Features[fi], v))
			}
		}
		if v.Count <= 0 {
			continue
		}
		m.valueBefore = plus(m.valueBefore, times(value, int64(v.Count)))
		if p.AllowFewerRerenders && v.Rerenders > 0 && !keep.kept(i, NumSlots) {
			m.jointVideos++
			groups++
		}
	}
	m.groups = make([]fitGroup, 0, groups)
	for vi := range p.Videos {
		v := &p.Videos[vi]
		if v.Count <= 0 {
			continue
		}
		count := Credits(v.Count)
		var chains, joint [NumSlots][]int16
		current := &m.picks[vi]
		cutRerenders := false
		mayCut := p.AllowFewerRerenders && v.Rerenders > 0 && !keep.kept(vi, NumSlots)
		for s := Slot(0); s < NumSlots; s++ {
			fi := int(current[s])
			if fi < 0 {
				continue
			}
			f := &c.Features[fi]
			m.current = plus(m.current, times(c.charge(f, v).Credits, int64(count)))
			if keep.kept(vi, s) {
				chains[s] = []int16{current[s]}
			} else {
				chains[s] = m.chainOf(c, plan, fi)
			}
			if mayCut {
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
			if len(ch) == 1 && ch[0] == current[s] {
				// Nothing to choose: the line is fixed.
				f := &c.Features[ch[0]]
				m.fixed = plus(m.fixed, times(c.charge(f, v).Credits, int64(count)))
				m.fixedValue = plus(m.fixedValue, times(featureValue(f, v), int64(v.Count)))
				continue
			}
			opts := m.alloc(len(ch))
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
				if fi != current[s] {
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

// alloc returns room for n options, carved from a shared block so that a
// month of many small groups does not allocate each one.
func (m *fitModel) alloc(n int) []fitOption {
	if cap(m.arena)-len(m.arena) < n {
		m.arena = make([]fitOption, 0, max(n, 4096))
	}
	at := len(m.arena)
	m.arena = m.arena[:at+n]
	return m.arena[at : at : at+n]
}

// chainOf is c.chain(plan, f) for feature index fi, worked out once per
// feature for the month.
func (m *fitModel) chainOf(c *RateCard, plan *Plan, fi int) []int16 {
	if m.chains[fi] == nil {
		m.chains[fi] = c.chain(plan, &c.Features[fi])
	}
	return m.chains[fi]
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
		if c := cheaperFirst(&a, &b); c != 0 {
			return c
		}
		if a.rerend != b.rerend {
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

// compareOptions is the fitter's order on options, and on whole months (see
// the comment at the top of fit.go): negative when a is better. More premium
// value, then more re-renders kept, then fewer credits, then fewer changes.
// Every other order in the fitter is this one, or this one after cost.
func compareOptions(a, b *fitOption) int {
	if a.value != b.value {
		return cmp.Compare(b.value, a.value)
	}
	if a.kept != b.kept {
		return cmp.Compare(b.kept, a.kept)
	}
	if a.cost != b.cost {
		return cmp.Compare(a.cost, b.cost)
	}
	return cmp.Compare(a.changes, b.changes)
}

// cheaperFirst orders options when nothing fits: fewest credits first, then
// by compareOptions.
func cheaperFirst(a, b *fitOption) int {
	if a.cost != b.cost {
		return cmp.Compare(a.cost, b.cost)
	}
	return compareOptions(a, b)
}

// each picks every group's first option by order (separable orders only).
func (m *fitModel) each(order func(a, b *fitOption) int) []int {
	choice := make([]int, len(m.groups))
	for gi := range m.groups {
		g := &m.groups[gi]
		best := 0
		for k := 1; k < len(g.opts); k++ {
			if order(&g.opts[k], &g.opts[best]) < 0 {
				best = k
			}
		}
		choice[gi] = best
	}
	return choice
}
