package pricing

import (
	"cmp"
	"slices"
)

// Alternative is a cheaper choice for one slot of one video, and what it saves.
type Alternative struct {
	// Video is the index of the video in the project; VideoName its name.
	Video     int
	VideoName string
	Slot      Slot
	From, To  *Feature
	// Saves is what the change saves over the month (all copies); Each, per copy.
	Saves  Credits
	Each   Credits
	Reason string
}

// Text is the suggestion as a person reads it: "Use Avatar III instead of Avatar IV: saves 40 premium credits".
func (a Alternative) Text(c *RateCard) string {
	return string(a.AppendText(make([]byte, 0, 64), c))
}

// AppendText appends the suggestion as Text writes it.
func (a Alternative) AppendText(dst []byte, c *RateCard) []byte {
	dst = append(append(dst, "Use "...), a.To.Name...)
	dst = append(append(dst, " instead of "...), a.From.Name...)
	return c.AppendCreditWord(append(dst, ": saves "...), a.Saves)
}

// alternatives lists, for one video, every premium line with a cheaper step
// down its alternative chain: the first step the plan can use (see chain.go),
// when it saves credits, largest saving first. A video made zero times this
// month saves nothing by changing, so it offers none.
func (c *RateCard) alternatives(dst []Alternative, steps []planStep, idx int, v *Video, lines []Line) []Alternative {
	if v.Count <= 0 {
		return dst
	}
	start := len(dst)
	for _, l := range lines {
		f := l.Feature
		if !f.Premium || f.Alternative == "" {
			continue
		}
		step := steps[c.featureIndex[f.ID]]
		if !step.ok {
			continue
		}
		to := &c.Features[step.feature]
		alt := c.charge(to, v)
		if alt.Credits >= l.Credits {
			continue
		}
		each := minus(l.Credits, alt.Credits)
		dst = append(dst, Alternative{
			Video: idx, VideoName: v.Name, Slot: f.Slot, From: f, To: to,
			Each: each, Saves: times(each, int64(v.Count)), Reason: step.reason,
		})
	}
	sortAlternatives(dst[start:])
	return dst
}

// planStep is a feature's first step down its chain on one plan (firstStep),
// ok false when there is none or the feature offers no alternative.
type planStep struct {
	chainStep
	ok bool
}

// planSteps is every feature's first step on the plan, indexed like Features:
// worked out once a quote rather than once a line, and compared between two
// plans to tell which videos' alternatives a new plan changes.
func (c *RateCard) planSteps(plan *Plan) []planStep {
	out := make([]planStep, len(c.Features))
	for i := range c.Features {
		if f := &c.Features[i]; f.Premium && f.Alternative != "" {
			out[i].chainStep, out[i].ok = c.firstStep(plan, f)
		}
	}
	return out
}

func sortAlternatives(a []Alternative) {
	// Insertion sort: a video has at most a handful; the month list is sorted by sortByte.
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && lessAlt(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func lessAlt(a, b Alternative) bool {
	if a.Saves != b.Saves {
		return a.Saves > b.Saves
	}
	if a.Video != b.Video {
		return a.Video < b.Video
	}
	return a.Slot < b.Slot
}

// mergeAlternatives replaces video i's entries in a month list already sorted
// largest saving first with fresh (sorted the same way), in one linear pass.
func mergeAlternatives(month []Alternative, i int, fresh []Alternative) []Alternative {
	out := make([]Alternative, 0, len(month)+len(fresh))
	k := 0
	for j := range month {
		if month[j].Video == i {
			continue
		}
		for k < len(fresh) && lessAlt(fresh[k], month[j]) {
			out = append(out, fresh[k])
			k++
		}
		out = append(out, month[j])
	}
	return append(out, fresh[k:]...)
}

// sortedAlternatives orders a month's alternatives, largest saving first. It sorts
// a permutation of small indices rather than the structs themselves, which carry
// pointers and strings and are slow to swap by the tens of thousands.
func sortedAlternatives(alts []Alternative) []Alternative {
	perm := sortedOrder(alts)
	out := make([]Alternative, len(alts))
	for i, j := range perm {
		out[i] = alts[j]
	}
	return out
}

// sortedOrder is the order of alts largest saving first, as indices into alts.
// A month has at most one alternative a video and slot, so the order is total
// and an unstable sort (faster than a stable one by the tens of thousands)
// gives the one answer.
func sortedOrder(alts []Alternative) []int32 {
	perm := make([]int32, len(alts))
	if inVideoOrder(alts) {
		orderBySaves(alts, perm)
		return perm
	}
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		x, y := &alts[a], &alts[b]
		switch {
		case x.Saves != y.Saves:
			if x.Saves > y.Saves {
				return -1
			}
			return 1
		case x.Video != y.Video:
			return x.Video - y.Video
		default:
			return int(x.Slot) - int(y.Slot)
		}
	})
	return perm
}

// inVideoOrder reports whether alts come video by video, each video's in its
// own order (sortAlternatives), as a quote gathers them: the month order is
// then theirs with the savings sorted, largest first, ties kept in place.
func inVideoOrder(alts []Alternative) bool {
	for i := 1; i < len(alts); i++ {
		a, b := &alts[i-1], &alts[i]
		if a.Video > b.Video || a.Video == b.Video && !lessAlt(*a, *b) {
			return false
		}
	}
	return true
}

// orderBySaves fills perm with the order of alts (inVideoOrder) by saving,
// largest first, ties in their place: a month repeats a few savings over
// thousands of videos, so the alternatives are counted by saving and placed,
// and only the distinct savings are sorted.
func orderBySaves(alts []Alternative, perm []int32) {
	at := make(map[Credits]int32) // a saving's count, then where its run starts
	var distinct []Credits
	for i := range alts {
		s := alts[i].Saves
		n, seen := at[s]
		if !seen {
			distinct = append(distinct, s)
		}
		at[s] = n + 1
	}
	slices.SortFunc(distinct, func(a, b Credits) int { return cmp.Compare(b, a) })
	next := int32(0)
	for _, s := range distinct {
		n := at[s]
		at[s] = next
		next += n
	}
	for i := range alts {
		s := alts[i].Saves
		perm[at[s]] = int32(i)
		at[s]++
	}
}
