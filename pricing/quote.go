package pricing

// VideoQuote is one video's price in a month: its breakdown for one copy, its
// total over all copies, and the cheaper alternatives for its premium lines.
type VideoQuote struct {
	Index int
	Video *Video
	Lines []Line
	// Each is what one copy spends; Credits is Each times the video's count.
	Each         Credits
	Credits      Credits
	Alternatives []Alternative

	// picks is the feature index of each active slot, -1 if none, kept for
	// Requote; int16 holds any card's (maxCardCounts), and a 100,000-video
	// quote is then smaller by a quarter.
	picks packedPicks
}

// Quote is a month priced against one plan and a balance: where the month
// stands on the plan (the embedded Standing, so q.Fits, q.Short, q.TopUp,
// q.Blocked and q.Cost read directly), each video's price, and what follows.
type Quote struct {
	Card *RateCard
	// Standing holds the plan, the billing and the balance (the credits
	// available before the month is made) the month is priced against; its
	// Premium is every credit the month spends.
	Standing
	Videos []VideoQuote
	// RunsOutAt is the 1-based number of the video copy, in file order, that no
	// longer fits in the balance; 0 when the month fits. Copies is how many copies there are.
	RunsOutAt int64
	Copies    int64
	// FinishedSeconds is the total length of every finished copy.
	FinishedSeconds int64
	// Alternatives holds every video's alternatives, largest saving first.
	Alternatives []Alternative
	// Upgrade is the cheapest other plan whose own credits cover the month, or nil.
	Upgrade *Plan

	usage *monthUsage // what the plans' limits read, for Requote and CompareQuote
}

// Quote prices the project's month against its plan. The balance is the project's
// when it gives one, otherwise the plan's credits for a fresh cycle.
func (c *RateCard) Quote(p *Project) (*Quote, error) {
	q, plan, err := c.startQuote(p)
	if err != nil {
		return nil, err
	}
	q.Videos = make([]VideoQuote, len(p.Videos))
	// One backing array each for every video's lines and alternatives, sized
	// exactly from the picks first: a big month is then a handful of
	// allocations, not thousands, and holds no spare capacity.
	nLines, nAlts := 0, 0
	for i := range p.Videos {
		v := &p.Videos[i]
		idx := c.pickIndices(v)
		q.Videos[i].picks = packPicks(&idx)
		for _, fi := range idx {
			if fi < 0 {
				continue
			}
			nLines++
			if f := &c.Features[fi]; f.Premium && f.Alternative != "" && v.Count > 0 {
				nAlts++ // at most one alternative a premium line (alternatives)
			}
		}
	}
	lines := make([]Line, 0, nLines)
	alts := make([]Alternative, 0, nAlts)
	steps := c.planSteps(plan)
	for i := range p.Videos {
		lines, alts = c.pricePicks(&q.Videos[i], lines, alts, steps, i, &p.Videos[i], q.Videos[i].picks.unpack())
	}
	q.Alternatives = sortedAlternatives(alts)
	c.finishQuote(q, plan, p, nil)
	return q, nil
}

// NoVideoChanged tells Requote that only the month's settings changed.
const NoVideoChanged = -1

// Requote prices the project again after only video i changed (its length,
// count, picks, languages, clips, generations or re-renders), reusing prev for
// every other video: a key that edits one video of a 1,000-video month then costs
// a fraction of a full Quote. With i = NoVideoChanged only the month's settings
// changed (billing, balance, seats, watermark), which move no video's price, so
// every video is reused and only the totals are worked out again. It returns
// exactly what Quote(p) would. A new plan with NoVideoChanged keeps every
// video's lines (rates are the card's) and chooses the alternatives again for
// what the plan offers. When prev cannot be reused (another number of videos, or
// a new plan together with a changed video) it quotes the month in full.
func (c *RateCard) Requote(prev *Quote, p *Project, i int) (*Quote, error) {
	q, plan, err := c.startQuote(p)
	if err != nil {
		return nil, err
	}
	if prev == nil || prev.Card != c || len(prev.Videos) != len(p.Videos) ||
		i < NoVideoChanged || i >= len(p.Videos) || (prev.Plan != plan && i != NoVideoChanged) {
		return c.Quote(p)
	}
	// prev's videos point into p's when p is the project prev priced, not a
	// copy of it: then every entry but a changed video's stands as it is.
	same := len(p.Videos) == 0 || prev.Videos[0].Video == &p.Videos[0]
	if same && i == NoVideoChanged && (prev.Plan == plan || !c.stepsMoved(prev.Plan, plan)) {
		// No entry changes (a new plan changes a video's alternatives only
		// through a step it moves): the quote shares prev's, which are never
		// changed once made.
		q.Videos = prev.Videos
	} else {
		q.Videos = make([]VideoQuote, len(p.Videos))
		copy(q.Videos, prev.Videos)
		if !same {
			for j := range q.Videos {
				q.Videos[j].Video = &p.Videos[j]
			}
		}
	}
	switch {
	case prev.Plan != plan:
		q.Alternatives = c.realternatives(q, prev, plan, p)
	case i == NoVideoChanged:
		q.Alternatives = prev.Alternatives // quotes are never changed once made, so sharing is safe
	default:
		_, fresh := c.priceVideo(&q.Videos[i], nil, nil, c.planSteps(plan), i, &p.Videos[i])
		q.Alternatives = mergeAlternatives(prev.Alternatives, i, fresh)
	}
	var u *monthUsage
	if i == NoVideoChanged {
		u = prev.usage // no video changed, so neither did what the plans' limits read
	}
	c.finishQuote(q, plan, p, u)
	return q, nil
}

// stepsMoved reports whether some feature's first step down its chain
// (planSteps) differs between the two plans.
func (c *RateCard) stepsMoved(was, now *Plan) bool {
	a, b := c.planSteps(was), c.planSteps(now)
	for fi := range a {
		if a[fi] != b[fi] {
			return true
		}
	}
	return false
}

// realternatives chooses the alternatives again for a new plan with no video
// changed: a video's alternatives depend on the plan only through the first
// step down each of its features' chains (planSteps), so only the videos with
// a feature whose step the new plan moves get new alternatives, for those
// lines only, and the month list keeps every other entry in its order.
func (c *RateCard) realternatives(q, prev *Quote, plan *Plan, p *Project) []Alternative {
	was, now := c.planSteps(prev.Plan), c.planSteps(plan)
	moved := make([]bool, len(now))
	anyMoved := false
	for fi := range now {
		if now[fi] != was[fi] {
			moved[fi], anyMoved = true, true
		}
	}
	if !anyMoved {
		return prev.Alternatives
	}
	// Only a moved feature's lines get new alternatives: every other entry, in
	// the month list and in each video's, stands as it was.
	onlyMoved := make([]planStep, len(now))
	var movedFeatures []*Feature
	gains := false // some moved feature has a step on the new plan
	for fi := range now {
		if moved[fi] {
			onlyMoved[fi] = now[fi]
			movedFeatures = append(movedFeatures, &c.Features[fi])
			gains = gains || now[fi].ok
		}
	}
	isMoved := func(f *Feature) bool {
		for _, m := range movedFeatures {
			if m == f {
				return true
			}
		}
		return false
	}
	movedLines := func(vq *VideoQuote) int {
		n := 0
		for _, fi := range vq.picks {
			if fi >= 0 && moved[fi] {
				n++
			}
		}
		return n
	}
	touches := func(vq *VideoQuote) bool { return movedLines(vq) > 0 }
	bound, listBound := 0, 0 // at most one alternative a moved line (alternatives)
	for j := range q.Videos {
		if n := movedLines(&q.Videos[j]); n > 0 {
			bound += n
			listBound += n + len(q.Videos[j].Alternatives)
		}
	}
	fresh := make([]Alternative, 0, bound)
	lists := make([]Alternative, 0, listBound)
	for j := range q.Videos {
		vq := &q.Videos[j]
		if !touches(vq) {
			continue
		}
		start := len(fresh)
		if gains {
			fresh = c.alternatives(fresh, onlyMoved, j, &p.Videos[j], vq.Lines)
		}
		from := len(lists)
		for _, a := range vq.Alternatives {
			if !isMoved(a.From) {
				lists = append(lists, a)
			}
		}
		lists = append(lists, fresh[start:]...)
		vq.Alternatives = lists[from:len(lists):len(lists)]
		sortAlternatives(vq.Alternatives)
		if len(vq.Alternatives) == 0 {
			vq.Alternatives = nil
		}
	}
	order := sortedOrder(fresh)
	out := make([]Alternative, 0, len(prev.Alternatives)+len(fresh))
	k := 0
	for _, a := range prev.Alternatives {
		if isMoved(a.From) {
			continue
		}
		for k < len(order) && lessAlt(fresh[order[k]], a) {
			out = append(out, fresh[order[k]])
			k++
		}
		out = append(out, a)
	}
	for ; k < len(order); k++ {
		out = append(out, fresh[order[k]])
	}
	return out
}

// RequoteInsert prices the project again after a video was inserted at index i
// (p has one video more than prev priced, and its videos from i+1 on are
// prev's from i on, unchanged), pricing only the new video and reusing prev for
// every other one, their alternatives renumbered. It returns exactly what
// Quote(p) would; when prev cannot be reused (another card or plan, another
// number of videos) it quotes the month in full.
func (c *RateCard) RequoteInsert(prev *Quote, p *Project, i int) (*Quote, error) {
	q, plan, err := c.startQuote(p)
	if err != nil {
		return nil, err
	}
	if prev == nil || prev.Card != c || prev.Plan != plan || len(p.Videos) != len(prev.Videos)+1 || i < 0 || i >= len(p.Videos) {
		return c.Quote(p)
	}
	q.Videos = make([]VideoQuote, len(p.Videos))
	copy(q.Videos[:i], prev.Videos[:i])
	copy(q.Videos[i+1:], prev.Videos[i:])
	_, fresh := c.priceVideo(&q.Videos[i], nil, nil, c.planSteps(plan), i, &p.Videos[i])
	renumber(q, p, i+1)
	q.Alternatives = shiftAlternatives(prev.Alternatives, -1, i, 1, fresh)
	c.finishQuote(q, plan, p, nil)
	return q, nil
}

// RequoteRemove prices the project again after prev's video i was removed (p
// has one video fewer, and its videos from i on are prev's from i+1 on,
// unchanged), reusing prev for every video, their alternatives renumbered. It
// returns exactly what Quote(p) would; when prev cannot be reused it quotes the
// month in full.
func (c *RateCard) RequoteRemove(prev *Quote, p *Project, i int) (*Quote, error) {
	q, plan, err := c.startQuote(p)
	if err != nil {
		return nil, err
	}
	if prev == nil || prev.Card != c || prev.Plan != plan || len(p.Videos)+1 != len(prev.Videos) || i < 0 || i >= len(prev.Videos) {
		return c.Quote(p)
	}
	q.Videos = make([]VideoQuote, len(p.Videos))
	copy(q.Videos[:i], prev.Videos[:i])
	copy(q.Videos[i:], prev.Videos[i+1:])
	renumber(q, p, i)
	q.Alternatives = shiftAlternatives(prev.Alternatives, i, i+1, -1, nil)
	c.finishQuote(q, plan, p, nil)
	return q, nil
}

// renumber points q's videos at p's and gives the videos from index `from` on
// their new index, in themselves and in their alternatives. The alternatives
// are copied into one new backing array: prev's are shared and never changed.
func renumber(q *Quote, p *Project, from int) {
	n := 0
	for j := from; j < len(q.Videos); j++ {
		n += len(q.Videos[j].Alternatives)
	}
	backing := make([]Alternative, 0, n)
	for j := range q.Videos {
		vq := &q.Videos[j]
		vq.Video = &p.Videos[j]
		if j < from {
			continue
		}
		vq.Index = j
		if len(vq.Alternatives) == 0 {
			continue
		}
		start := len(backing)
		for _, a := range vq.Alternatives {
			a.Video = j
			backing = append(backing, a)
		}
		vq.Alternatives = backing[start:len(backing):len(backing)]
	}
}

// shiftAlternatives is a month list sorted largest saving first with video
// drop's entries left out, the entries of videos from `from` on moved by delta,
// and fresh (sorted the same way) merged in. Moving every later video by the same
// amount keeps the list's order, so one linear pass does.
func shiftAlternatives(month []Alternative, drop, from, delta int, fresh []Alternative) []Alternative {
	out := make([]Alternative, 0, len(month)+len(fresh))
	k := 0
	for _, a := range month {
		if a.Video == drop {
			continue
		}
		if a.Video >= from {
			a.Video += delta
		}
		for k < len(fresh) && lessAlt(fresh[k], a) {
			out = append(out, fresh[k])
			k++
		}
		out = append(out, a)
	}
	return append(out, fresh[k:]...)
}

// startQuote finds the plan and the balance a quote starts from.
func (c *RateCard) startQuote(p *Project) (*Quote, *Plan, error) {
	plan, err := c.projectPlan(p)
	if err != nil {
		return nil, nil, err
	}
	return &Quote{Card: c, Standing: Standing{Plan: plan, Billing: p.Billing, Balance: p.BalanceOn(plan)}}, plan, nil
}

// priceVideo fills vq with video i's lines, total and alternatives, appending
// them to the given backing slices, which it returns.
func (c *RateCard) priceVideo(vq *VideoQuote, lines []Line, alts []Alternative, steps []planStep, i int, v *Video) ([]Line, []Alternative) {
	return c.pricePicks(vq, lines, alts, steps, i, v, c.pickIndices(v))
}

// pricePicks is priceVideo for a video whose picks (pickIndices) are known.
func (c *RateCard) pricePicks(vq *VideoQuote, lines []Line, alts []Alternative, steps []planStep, i int, v *Video, idx [NumSlots]int) ([]Line, []Alternative) {
	start := len(lines)
	for _, fi := range idx {
		if fi >= 0 {
			lines = append(lines, c.charge(&c.Features[fi], v))
		}
	}
	vl := lines[start:len(lines):len(lines)]
	var each Credits
	for _, l := range vl {
		each = plus(each, l.Credits)
	}
	altStart := len(alts)
	alts = c.alternatives(alts, steps, i, v, vl)
	*vq = VideoQuote{
		Index: i, Video: v, Lines: vl, Each: each,
		Credits:      copiesOf(each, v.Count),
		Alternatives: alts[altStart:len(alts):len(alts)],
		picks:        packPicks(&idx),
	}
	if len(vq.Alternatives) == 0 {
		vq.Alternatives = nil // the same whether priced alone (Requote) or with the month
	}
	return lines, alts
}

// finishQuote adds up the priced videos and works out what follows from the
// totals: fit, shortfall, where credits run out, top-up, upgrade, limits, cost.
// The month's usage is gathered on the way unless u, already gathered from
// the same videos, is given.
func (c *RateCard) finishQuote(q *Quote, plan *Plan, p *Project, u *monthUsage) {
	fresh := u == nil
	if fresh {
		u = c.newUsage()
	}
	// One-time credits are spent before any video is made: a setup comes first.
	oneTime := c.oneTimeCredits(plan, p)
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := &p.Videos[i]
		if fresh {
			idx := vq.picks.unpack()
			u.add(c, i, v, &idx)
		}
		if q.RunsOutAt == 0 && v.Count > 0 && satAdd(satAdd(int64(oneTime), int64(q.Premium)), int64(vq.Credits)) > int64(q.Balance) {
			// The copy that tips over: how many copies of this video still fit, plus one.
			fitting := int64(0)
			if vq.Each > 0 {
				// An overdrawn balance fits no copies, not a negative number of them.
				fitting = max(int64((q.Balance-oneTime-q.Premium)/vq.Each), 0)
			}
			q.RunsOutAt = q.Copies + fitting + 1
		}
		q.Premium = plus(q.Premium, vq.Credits)
		q.Copies += int64(v.Count)
		q.FinishedSeconds += int64(v.Seconds) * int64(v.Count)
	}
	q.usage = u
	videos := q.Premium
	q.Standing = c.standing(plan, p, u, videos, q.Balance)
	if !q.Fits {
		q.Upgrade = c.cheapestCovering(p, u, videos, plan)
	}
}

// packedPicks is a video's feature indices (pickIndices) in int16s.
type packedPicks [NumSlots]int16

func packPicks(idx *[NumSlots]int) packedPicks {
	var p packedPicks
	for s, fi := range idx {
		p[s] = int16(fi)
	}
	return p
}

func (p *packedPicks) unpack() [NumSlots]int {
	var idx [NumSlots]int
	for s, fi := range p {
		idx[s] = int(fi)
	}
	return idx
}
