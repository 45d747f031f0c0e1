package pricing

import (
	"cmp"
	"slices"
)

// Review drafts in a fit.
//
// A video re-rendered at a resolution that charges every render costs less
// when those renders are review drafts at a cheaper resolution, its final
// render unchanged (drafts.go). That gives up no premium value, so a fit
// that does not otherwise fit also tries the month with every such video
// drafted, and proposes the drafts when that month fits better: it fits
// where the other does not, keeps more premium value, or spends less.

// withDrafts is r, the fit of p by substitutions alone, or the fit of p with
// its draft options taken first when that one is better.
func (c *RateCard) withDrafts(p *Project, plan *Plan, balance Credits, keep FitKeep, r *FitResult) *FitResult {
	drafts := c.fitDraftChanges(p, plan, keep)
	if len(drafts) == 0 {
		return r
	}
	drafted := p.Clone()
	for i := range drafts {
		drafts[i].applyTo(&drafted.Videos[drafts[i].Video])
	}
	d := c.fitKeeping(drafted, plan, balance, keep)
	// The drafts save against the month as planned, the substitutions against
	// the drafted month: together they add up to Before - After.
	d.Before, d.ValueBefore, d.FitsBefore = r.Before, r.ValueBefore, r.FitsBefore
	d.ValueLost = minus(d.ValueBefore, d.ValueKept)
	d.Changes = c.keepSavingDrafts(p, drafts, d.Changes)
	slices.SortStableFunc(d.Changes, func(a, b FitChange) int { return cmp.Compare(b.Saves, a.Saves) })
	if !betterFit(p, d, r) {
		return r
	}
	return d
}

// keepSavingDrafts joins the drafts to the substitutions chosen with them,
// less each draft that saves nothing once its video's resolution is switched
// too (4K to an included 1080p renders every re-render free): one change
// fewer for the same month. Its saving then belongs to the resolution's
// switch, which, priced on the drafted month, left it out.
func (c *RateCard) keepSavingDrafts(p *Project, drafts, subs []FitChange) []FitChange {
	byVideo := make(map[int][]int, len(drafts))
	for _, d := range drafts {
		byVideo[d.Video] = nil
	}
	for k := range subs {
		if _, ok := byVideo[subs[k].Video]; ok {
			byVideo[subs[k].Video] = append(byVideo[subs[k].Video], k)
		}
	}
	out := make([]FitChange, 0, len(drafts)+len(subs))
	for _, d := range drafts {
		v := p.Videos[d.Video]
		resolution := -1
		for _, k := range byVideo[d.Video] {
			subs[k].applyTo(&v)
			if !subs[k].Rerenders && subs[k].Slot == SlotResolution {
				resolution = k
			}
		}
		if drafted := d.Draft.Apply(v); resolution >= 0 && c.VideoCredits(&drafted) == c.VideoCredits(&v) {
			subs[resolution].Saves = plus(subs[resolution].Saves, d.Saves)
			continue
		}
		out = append(out, d)
	}
	return append(out, subs...)
}

// fitDraftChanges are the month's draft options on the plan as changes: each
// video whose every re-render can be a draft, and whose re-render count the
// person has not locked. A month that allows fewer re-renders has none: its
// re-renders are the fitter's to cut, and a video both cut and drafted is
// two answers to one choice.
func (c *RateCard) fitDraftChanges(p *Project, plan *Plan, keep FitKeep) []FitChange {
	if p.AllowFewerRerenders {
		return nil
	}
	var out []FitChange
	for _, o := range c.DraftOptions(p, plan) {
		v := &p.Videos[o.Video]
		if keep.kept(o.Video, NumSlots) || o.Drafts != v.Rerenders {
			continue
		}
		o := o
		out = append(out, FitChange{Video: o.Video, VideoName: v.Name, Rerenders: true, RerendersFrom: v.Rerenders,
			Slot: SlotResolution, From: o.Final, To: o.At, Saves: o.Saves, Draft: &o})
	}
	return out
}

// betterFit reports whether fit a of p is better than fit b by the fitter's
// order (fit.go): one that fits before one that does not, and when neither
// does, the cheaper; then the most premium value kept, the most renders kept
// (a re-render made a draft is a render kept), the fewest credits, the fewest
// changes.
func betterFit(p *Project, a, b *FitResult) bool {
	if a.Fits != b.Fits {
		return a.Fits
	}
	if !a.Fits && a.After != b.After {
		return a.After < b.After
	}
	if a.ValueKept != b.ValueKept {
		return a.ValueKept > b.ValueKept
	}
	if ka, kb := rendersCut(p, a), rendersCut(p, b); ka != kb {
		return ka < kb
	}
	if a.After != b.After {
		return a.After < b.After
	}
	return len(a.Changes) < len(b.Changes)
}

// rendersCut is how many renders the fit's re-render cuts give up over every
// copy; a draft gives up none.
func rendersCut(p *Project, r *FitResult) int64 {
	var n int64
	for _, ch := range r.Changes {
		if ch.Rerenders && ch.Draft == nil && ch.Video >= 0 && ch.Video < len(p.Videos) {
			n = plus(n, times(int64(ch.RerendersFrom-ch.RerendersTo), int64(p.Videos[ch.Video].Count)))
		}
	}
	return n
}
