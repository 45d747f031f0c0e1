package pricing

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
	// Drafts is how many of Renders are review drafts (drafts.go); on the
	// resolution line, whose drafts render at another resolution, DraftAt is
	// that resolution and DraftCredits their part of Credits.
	Drafts       int
	DraftAt      *Feature
	DraftCredits Credits
}

// Total is what the line costs over count copies of the video, saturating
// rather than wrapping (see maxAmount).
func (l Line) Total(count int) Credits { return times(l.Credits, int64(count)) }

// Premium reports whether the line spends credits.
func (l Line) Premium() bool { return l.Feature.Premium }

// Quantity describes what the line charges for: "2m30s × 2 languages × 2 renders".
func (l Line) Quantity() string {
	var buf [64]byte
	return string(l.AppendQuantity(buf[:0]))
}

// AppendQuantity appends the line's quantity as Quantity writes it.
func (l Line) AppendQuantity(dst []byte) []byte {
	start := len(dst)
	switch l.Feature.Unit {
	case PerMinute, PerSecond:
		dst = AppendLength(dst, l.BilledSeconds)
	case PerLanguageMinute:
		dst = AppendPlural(append(AppendLength(dst, l.BilledSeconds), " × "...), l.Languages, "language")
	case PerVideo:
		dst = append(dst, "1 video"...)
	case PerClip:
		dst = AppendPlural(dst, l.Units, "clip")
	case PerGeneration:
		dst = AppendPlural(dst, l.Units, "generation")
	}
	if l.Renders > 1 {
		if len(dst) > start {
			dst = append(dst, " × "...)
		}
		dst = AppendPlural(dst, l.Renders, "render")
	}
	return l.appendDrafts(dst)
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
// The rules it applies each have their file: rounding.go (billing increments,
// the card's precision), minimum.go, rerender.go.
func (c *RateCard) charge(f *Feature, v *Video) Line {
	l := Line{Slot: f.Slot, Feature: f, Renders: renders(f, v), Languages: 1, Units: 1}
	var num, den int64 = int64(f.Rate), 1
	switch f.Unit {
	case PerMinute, PerSecond, PerLanguageMinute:
		l.BilledSeconds = billedSeconds(f, v.Seconds)
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
	one := atLeastMinimum(f, c.roundUpCredits(num, den))
	l.Credits = Credits(satMul(satMul(one, int64(l.Languages)), int64(l.Renders)))
	if v.Drafts > 0 {
		c.chargeDrafts(&l, f, v)
	}
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

// pickIndices looks up, once, the feature index of each active slot of a video
// (-1 for an inactive slot or an id the card does not know).
func (c *RateCard) pickIndices(v *Video) (idx [NumSlots]int) {
	for s := Slot(0); s < NumSlots; s++ {
		idx[s] = c.pickIndex(v, s)
	}
	return idx
}
