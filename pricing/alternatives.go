package pricing

import "slices"

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
func (c *RateCard) alternatives(dst []Alternative, plan *Plan, idx int, v *Video, lines []Line) []Alternative {
	if v.Count <= 0 {
		return dst
	}
	start := len(dst)
	for _, l := range lines {
		f := l.Feature
		if !f.Premium || f.Alternative == "" {
			continue
		}
		step, ok := c.firstStep(plan, f)
		if !ok {
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
	perm := make([]int32, len(alts))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, func(a, b int32) int {
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
	out := make([]Alternative, len(alts))
	for i, j := range perm {
		out[i] = alts[j]
	}
	return out
}
