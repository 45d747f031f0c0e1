package pricing

// Explaining a fit: the chosen options as changes a person reads, each with
// what it saves and the value it gives up, and the plan to upgrade to when
// nothing fits.

// explain turns the chosen options into changes, each with its saving and the
// value it gives up, and fills the result's totals. A video's groups are
// consecutive (buildFit makes them video by video), so the changes come out by
// video in file order.
func (c *RateCard) explain(p *Project, m *fitModel, choice []int, r *FitResult) {
	r.After = r.Before
	r.ValueKept = r.ValueBefore
	n := 0
	for gi, k := range choice {
		n += int(m.groups[gi].opts[k].changes)
	}
	if n > 0 {
		r.Changes = make([]FitChange, 0, n)
	}
	for gi := 0; gi < len(m.groups); {
		vi := m.groups[gi].video
		v := &p.Videos[vi]
		var picks [NumSlots]int16
		for s := range picks {
			picks[s] = -1
		}
		rerenders := v.Rerenders
		for ; gi < len(m.groups) && m.groups[gi].video == vi; gi++ {
			o := &m.groups[gi].opts[choice[gi]]
			for s, fi := range o.feat {
				if fi >= 0 {
					picks[s] = fi
				}
			}
			if int(o.rerend) != v.Rerenders {
				rerenders = int(o.rerend)
			}
		}
		c.explainVideo(vi, v, &m.picks[vi], &picks, rerenders, r)
	}
	r.ValueLost = minus(r.ValueBefore, r.ValueKept)
}

// explainVideo adds the changes of one video: its re-render cut first, then
// its slots in slot order.
func (c *RateCard) explainVideo(vi int, v *Video, planned, picks *[NumSlots]int16, rerenders int, r *FitResult) {
	count := Credits(v.Count)
	w := *v
	w.Rerenders = rerenders
	if rerenders != v.Rerenders {
		var saves Credits
		for s := Slot(0); s < NumSlots; s++ {
			if planned[s] >= 0 {
				f := &c.Features[planned[s]]
				saves = plus(saves, times(minus(c.charge(f, v).Credits, c.charge(f, &w).Credits), int64(count)))
			}
		}
		r.Changes = append(r.Changes, FitChange{
			Video: vi, VideoName: v.Name, Rerenders: true,
			RerendersFrom: v.Rerenders, RerendersTo: rerenders, Saves: saves,
		})
		r.After = minus(r.After, saves)
	}
	for s := Slot(0); s < NumSlots; s++ {
		if picks[s] < 0 || planned[s] < 0 {
			continue
		}
		from, to := &c.Features[planned[s]], &c.Features[picks[s]]
		if to == from {
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

// fitUpgrade finds the cheapest other plan with a public price, under the
// project's billing, that the month (with that plan's own substitutions) fits
// and that nothing blocks once those substitutions are made.
func (c *RateCard) fitUpgrade(p *Project, not *Plan, keep FitKeep) *Plan {
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
		m := c.buildFit(p, pl, keep)
		if m.fixed+m.minSum > pl.Credits {
			continue
		}
		least := &FitResult{Before: m.current}
		c.explain(p, m, m.each(cheaperFirst), least)
		if _, u := c.tallyChanges(p, least.Changes); len(c.blocked(pl, p, u)) > 0 {
			continue
		}
		best, bestCost = pl, cost
	}
	return best
}
