package pricing

import (
	"fmt"
	"strings"
)

// Line is one feature's charge in a video's breakdown, for one copy of the video.
type Line struct {
	Slot    Slot
	Feature *Feature
	// BilledSeconds is the video's length rounded up to the feature's billing
	// increment (time units only).
	BilledSeconds int
	// Renders is how many times the feature is charged for one copy: 1, plus the
	// re-renders when the feature charges again on each.
	Renders int
	// Languages is how many target languages are charged (language units only).
	Languages int
	// Units counts clips or generations (per-clip and per-generation units).
	Units int
	// Credits is what the line costs for one copy of the video.
	Credits Credits
}

// Total is what the line costs over count copies of the video, saturating
// rather than wrapping (see maxAmount).
func (l Line) Total(count int) Credits { return times(l.Credits, int64(count)) }

// Premium reports whether the line spends credits.
func (l Line) Premium() bool { return l.Feature.Premium }

// Quantity describes what the line charges for: "2m30s × 2 languages × 2 renders".
func (l Line) Quantity() string {
	var parts []string
	switch l.Feature.Unit {
	case PerMinute, PerSecond:
		parts = append(parts, FormatLength(l.BilledSeconds))
	case PerLanguageMinute:
		parts = append(parts, FormatLength(l.BilledSeconds), plural(l.Languages, "language"))
	case PerVideo:
		parts = append(parts, "1 video")
	case PerClip:
		parts = append(parts, plural(l.Units, "clip"))
	case PerGeneration:
		parts = append(parts, plural(l.Units, "generation"))
	}
	if l.Renders > 1 {
		parts = append(parts, plural(l.Renders, "render"))
	}
	return strings.Join(parts, " × ")
}

// RateText describes a feature's rate: "20 / min, 3s increments", or "included".
func (f *Feature) RateText() string {
	if !f.Premium {
		return "included"
	}
	s := f.Rate.String() + " / " + f.Unit.Label()
	if f.Unit.IsTime() && f.IncrementSeconds > 1 {
		s += ", " + FormatLength(f.IncrementSeconds) + " increments"
	}
	if f.Minimum > 0 {
		s += ", min " + f.Minimum.String()
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// active reports whether a slot charges anything for this video: translation only
// with target languages, b-roll only with clips, script only with generations.
func (v *Video) active(s Slot) bool {
	switch s {
	case SlotTranslation:
		return len(v.Languages) > 0
	case SlotBRoll:
		return v.BRollClips > 0
	case SlotScript:
		return v.ScriptGenerations > 0
	}
	return true
}

// Active reports whether the slot takes part in this video's price.
func (v *Video) Active(s Slot) bool { return v.active(s) }

// charge prices one feature for one copy of a video. Each charge (one render,
// one language) is rounded up once, to the card's precision, and raised to the
// feature's minimum: that is where the vendor rounds, so that is where we do.
func (c *RateCard) charge(f *Feature, v *Video) Line {
	l := Line{Slot: f.Slot, Feature: f, Renders: 1, Languages: 1, Units: 1}
	if f.Rerender {
		l.Renders = 1 + v.Rerenders
	}
	var num, den int64 = int64(f.Rate), 1
	switch f.Unit {
	case PerMinute, PerSecond, PerLanguageMinute:
		inc := max(f.IncrementSeconds, 1)
		l.BilledSeconds = (v.Seconds + inc - 1) / inc * inc
		num = satMul(num, int64(l.BilledSeconds))
		if f.Unit != PerSecond {
			den = 60
		}
		if f.Unit == PerLanguageMinute {
			l.Languages = len(v.Languages)
		}
	case PerClip:
		l.Units = v.BRollClips
	case PerGeneration:
		l.Units = v.ScriptGenerations
	}
	num = satMul(num, int64(l.Units))
	if !f.Premium {
		l.Credits = 0
		return l
	}
	// Round up to the card's precision: step is one unit of the last allowed decimal.
	step := int64(CreditScale)
	for range c.Precision {
		step /= 10
	}
	one := satMul(ceilDiv(num, den*step), step)
	one = max(one, int64(f.Minimum))
	l.Credits = Credits(satMul(satMul(one, int64(l.Languages)), int64(l.Renders)))
	return l
}

// featureFor returns the feature a video picks for a slot, or nil when the slot is
// inactive or the id is unknown to this card.
func (c *RateCard) featureFor(v *Video, s Slot) *Feature {
	if i := c.pickIndex(v, s); i >= 0 {
		return &c.Features[i]
	}
	return nil
}

// pickIndex is featureFor as an index into Features, or -1, so callers that also
// need the plan's offer for the feature look its id up once.
func (c *RateCard) pickIndex(v *Video, s Slot) int {
	if !v.active(s) {
		return -1
	}
	i, ok := c.featureIndex[v.Picks[s]]
	if !ok {
		return -1
	}
	return i
}

// VideoCredits is what one copy of a video spends.
func (c *RateCard) VideoCredits(v *Video) Credits {
	var total Credits
	for s := Slot(0); s < NumSlots; s++ {
		if f := c.featureFor(v, s); f != nil && f.Premium {
			total = plus(total, c.charge(f, v).Credits)
		}
	}
	return total
}

// Lines is the breakdown of one copy of a video, one line per active slot, in slot order.
func (c *RateCard) Lines(v *Video) []Line {
	return c.appendLines(make([]Line, 0, NumSlots), v)
}

func (c *RateCard) appendLines(dst []Line, v *Video) []Line {
	for s := Slot(0); s < NumSlots; s++ {
		if f := c.featureFor(v, s); f != nil {
			dst = append(dst, c.charge(f, v))
		}
	}
	return dst
}

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
	return fmt.Sprintf("Use %s instead of %s: saves %s", a.To.Name, a.From.Name, c.CreditWord(a.Saves))
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

// UpfrontMessage is the sentence shown before spending: "This will use 50 premium
// credits (200 remaining)." where 200 is the balance before the action, or, when
// it does not fit, "This will use 80 premium credits (48 remaining): 32 short."
func (c *RateCard) UpfrontMessage(use, balance Credits) string {
	shown := max(balance, 0)
	msg := fmt.Sprintf("This will use %s (%s remaining)", c.CreditWord(use), shown.Grouped())
	if use > shown {
		return msg + fmt.Sprintf(": %s short.", minus(use, shown).Grouped())
	}
	return msg + "."
}
