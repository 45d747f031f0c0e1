package pricing

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
)

// Drafts and previews.
//
// Creators render review drafts before the final video, at a low resolution
// (the seed guide: "generate it in 720p resolution instead of 1080p or 4K"),
// and check timing in the vendor's preview, which costs nothing. A video may
// plan drafts = N at draft_resolution (a resolution feature; by default the
// cheapest the plan offers): each draft is one more render of the video, at
// that resolution, before its final render.

// MaxDrafts is the most review drafts one video may plan: more than 20 is a
// sign of a typo, not of a review.
const MaxDrafts = 20

// readDraftKeys reads a video's drafts and draft_resolution.
func readDraftKeys(card *RateCard, t *table, has uint32, v *Video) {
	if has&bitDrafts != 0 {
		v.Drafts = int(t.integer("drafts", false, 0, 0, MaxDrafts))
	}
	if has&bitDraftResolution == 0 {
		return
	}
	id := t.str("draft_resolution", false)
	if id == "" {
		return
	}
	if !card.checkSlotFeature(t.d, t.keyPath("draft_resolution"), SlotResolution, id) {
		return
	}
	if f, ok := card.Feature(id); ok {
		v.DraftResolution = f.ID
	}
	if v.Drafts == 0 && has&bitDrafts == 0 {
		t.d.addf(t.keyPath("draft_resolution"), "a draft resolution without drafts; add drafts = N (the review drafts rendered at it)")
	}
}

// checkDrafts refuses drafts the project's plan cannot render (DraftProblem),
// at the key that asks for them.
func checkDrafts(card *RateCard, d *decoder, p *Project) {
	plan, ok := card.Plan(p.Plan)
	if !ok {
		return
	}
	for i := range p.Videos {
		v := &p.Videos[i]
		if v.Drafts == 0 {
			continue
		}
		if why := card.DraftProblem(plan, v); why != "" {
			key := "drafts"
			if v.DraftResolution != "" && card.offeredCount(plan) >= 2 {
				key = "draft_resolution"
			}
			d.addf("videos["+itoa(i)+"]."+key, "%s", why)
		}
	}
}

// draftsBlocked says why the plan cannot render the review drafts the month
// plans, once for the first video it cannot draft and how many more: the
// project's own plan refuses them when the file is read (checkDrafts), and
// every other plan a comparison prices is blocked by them rather than priced
// as if the drafts could be rendered.
func (c *RateCard) draftsBlocked(plan *Plan, p *Project, drafted []int) []string {
	first, why, more := -1, "", 0
	for _, i := range drafted {
		if w := c.DraftProblem(plan, &p.Videos[i]); w != "" {
			if first < 0 {
				first, why = i, w
			} else {
				more++
			}
		}
	}
	if first < 0 {
		return nil
	}
	where := quoteName(p.Videos[first].Name)
	if more > 0 {
		where += " and " + strconv.Itoa(more) + " more"
	}
	return []string{"review drafts of " + where + ": " + why}
}

// DraftProblem says why the plan cannot render the video's drafts, or "": a
// plan with a single resolution has no cheaper one to draft at, and a draft
// at or above the video's own resolution is a re-render, not a draft.
func (c *RateCard) DraftProblem(plan *Plan, v *Video) string {
	if v.Drafts == 0 {
		return ""
	}
	offered := c.offeredResolutions(plan)
	if len(offered) < 2 {
		return plan.Name + " renders at a single resolution, so a draft cannot be cheaper than the final render; use rerenders for renders at full resolution"
	}
	final, okF := c.Feature(v.Picks[SlotResolution])
	draft := c.draftFeature(v)
	if draft == nil || !okF {
		return ""
	}
	switch {
	case c.Unavailable(plan, draft) != "":
		return plan.Name + " cannot draft at " + draft.Name + " (" + c.Unavailable(plan, draft) + "); " +
			choices("draft_resolution", featureIDsOf(offered))
	case draft.ID == final.ID || draft.Height >= final.Height:
		return "drafts at " + draft.Name + " are not below the video's " + final.Name + "; a draft is rendered at a lower resolution (use rerenders for renders at full resolution)"
	case draft.Premium && (!final.Premium || draft.Rate > final.Rate):
		return "drafts at " + draft.Name + " cost more a render than the video's " + final.Name + "; draft at a cheaper resolution"
	}
	return ""
}

// offeredCount is how many resolutions the plan can render.
func (c *RateCard) offeredCount(plan *Plan) int { return len(c.offeredResolutions(plan)) }

// offeredResolutions lists the resolution features the plan offers and can
// render (within its highest resolution), in card order.
func (c *RateCard) offeredResolutions(plan *Plan) []*Feature {
	var out []*Feature
	for _, f := range c.Options(SlotResolution) {
		if c.Unavailable(plan, f) == "" {
			out = append(out, f)
		}
	}
	return out
}

// DraftFeature is the resolution a video's drafts render at (drafts.go's
// rule): its draft_resolution, or else the card's cheapest resolution; nil
// for a card without resolutions.
func (c *RateCard) DraftFeature(v *Video) *Feature { return c.draftFeature(v) }

// cheaperDraft orders resolutions for a draft: included before premium, then
// the lower rate, then the lower height.
func (f *Feature) cheaperDraft(g *Feature) bool {
	fr, gr := f.Rate, g.Rate
	if !f.Premium {
		fr = 0
	}
	if !g.Premium {
		gr = 0
	}
	if fr != gr {
		return fr < gr
	}
	return f.Height < g.Height
}

func featureIDsOf(fs []*Feature) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	return out
}

// draftRenders is how many more times a feature is charged for a video's
// drafts: each draft is one more render, so a feature charged again on every
// re-render is charged on every draft too. The resolution is the exception:
// drafts render at their own (chargeDrafts).
func draftRenders(f *Feature, v *Video) int {
	if v.Drafts > 0 && f.Rerender && f.Slot != SlotResolution {
		return v.Drafts
	}
	return 0
}

// chargeDrafts adds a video's drafts to its line for feature f. On the
// resolution line they are rendered at the draft resolution: the first draft
// is that resolution's first render and each further one a re-render of it,
// so a resolution charged once however often it renders is charged once for
// all drafts. 2 drafts at an included 720p cost 0; at a 720p of 2 a render
// that charges again, 2 × 2 = 4.
func (c *RateCard) chargeDrafts(l *Line, f *Feature, v *Video) {
	if f.Slot != SlotResolution {
		l.Drafts = draftRenders(f, v)
		return
	}
	d := c.draftFeature(v)
	if d == nil {
		return
	}
	l.Drafts, l.DraftAt = v.Drafts, d
	if d.Premium {
		w := Video{Seconds: v.Seconds, Count: 1, Rerenders: v.Drafts - 1}
		l.DraftCredits = c.charge(d, &w).Credits
		l.Credits = plus(l.Credits, l.DraftCredits)
	}
}

// draftFeature is the resolution a video's drafts render at: its
// draft_resolution, or else the card's cheapest resolution (DraftFeature
// checks, when the project is read, that its plan offers it).
func (c *RateCard) draftFeature(v *Video) *Feature {
	if v.DraftResolution != "" {
		f, _ := c.Feature(v.DraftResolution)
		return f
	}
	var best *Feature
	for _, i := range c.slotOptions[SlotResolution] {
		if f := &c.Features[i]; best == nil || f.cheaperDraft(best) {
			best = f
		}
	}
	return best
}

// appendDrafts appends what of a line is drafts: "(2 drafts)" after the
// renders, or on the resolution line "+ 2 drafts at 720p".
func (l Line) appendDrafts(dst []byte) []byte {
	switch {
	case l.Drafts == 0:
		return dst
	case l.DraftAt != nil:
		dst = AppendPlural(append(dst, " + "...), l.Drafts, "draft")
		return append(append(dst, " at "...), l.DraftAt.Name...)
	}
	return append(AppendPlural(append(dst, " ("...), l.Drafts, "draft"), ')')
}

// writeDraftKeys writes a video's drafts as EncodeProject does.
func writeDraftKeys(line func(key, value string), v *Video) {
	if v.Drafts > 0 {
		line("drafts", strconv.Itoa(v.Drafts))
		if v.DraftResolution != "" {
			line("draft_resolution", tomlQuote(v.DraftResolution))
		}
	}
}

// editDraftKeys records a change to a video's drafts, keeping the file's
// other lines; no drafts takes the draft resolution with them.
func editDraftKeys(t *tableEditor, s, e *Video) {
	if s.Drafts != e.Drafts {
		if e.Drafts > 0 {
			t.set("drafts", strconv.Itoa(e.Drafts))
		} else {
			t.remove("drafts")
		}
	}
	switch {
	case e.Drafts == 0 || e.DraftResolution == "":
		t.remove("draft_resolution")
	case s.DraftResolution != e.DraftResolution:
		t.set("draft_resolution", tomlQuote(e.DraftResolution))
	}
}

// PreviewsFree is what every quote with drafts says of previews: the
// vendor's preview window costs nothing (the seed guide: "a low-resolution
// preview with the AI voiceover without consuming any credits").
const PreviewsFree = "previews are free"

// DraftCost is what a video's review drafts spend, against rendering them as
// re-renders at the video's own resolution.
type DraftCost struct {
	Drafts    int
	At, Final *Feature
	// Cost is what the drafts spend over every copy; FullCost what as many
	// re-renders at Final would; Saves the difference (never below 0).
	Cost, FullCost, Saves Credits
}

// DraftCost reports a video's drafts, or false for a video without any.
// Each draft is a render, so it costs what the video's re-rendered features
// charge, but at the draft resolution: 2 drafts of a 2 m Avatar Pro video
// (20 a minute, re-rendered) at an included 720p instead of a 4K at 10 a
// render cost 2 × 40 = 80, against 2 × (40 + 10) = 100 re-rendering in 4K.
func (c *RateCard) DraftCost(v *Video) (DraftCost, bool) {
	if v.Drafts <= 0 {
		return DraftCost{}, false
	}
	d := DraftCost{Drafts: v.Drafts, At: c.draftFeature(v)}
	d.Final, _ = c.Feature(v.Picks[SlotResolution])
	none := *v
	none.Drafts = 0
	full := none
	full.Rerenders += v.Drafts
	base := c.VideoCredits(&none)
	n := int64(max(v.Count, 0))
	d.Cost = times(minus(c.VideoCredits(v), base), n)
	d.FullCost = times(minus(c.VideoCredits(&full), base), n)
	if d.FullCost > d.Cost {
		d.Saves = minus(d.FullCost, d.Cost)
	}
	return d, true
}

// Sentence says what the drafts cost: "2 review drafts at 720p: 80 premium
// credits, against 100 re-rendering in 4K (saves 20); previews are free", or,
// when neither drafts nor re-renders would spend anything, that they spend
// nothing and why.
func (d DraftCost) Sentence(c *RateCard) string {
	out := Plural(d.Drafts, "review draft")
	if d.At != nil {
		out += " at " + d.At.Name
	}
	if d.Cost == 0 && d.FullCost == 0 {
		// "0, against 0 re-rendering" says nothing: say why it is free.
		return out + ": spends no " + c.CreditNamePlural + " (nothing in the video charges again on a render); " + PreviewsFree
	}
	out += ": " + c.CreditWord(d.Cost)
	if d.Final != nil {
		out += ", against " + d.FullCost.Grouped() + " re-rendering in " + d.Final.Name
		if d.Saves > 0 {
			out += " (saves " + d.Saves.Grouped() + ")"
		}
	}
	return out + "; " + PreviewsFree
}

// DraftOption is a cheaper way to review a video: its re-renders at full
// resolution rendered instead as review drafts at a lower one, before the
// final render.
type DraftOption struct {
	Video     int
	VideoName string
	// Drafts is how many re-renders become drafts, at At instead of Final.
	Drafts    int
	At, Final *Feature
	// Saves is what the change saves over every copy.
	Saves Credits
}

// Text is the option as a person reads it: "Render 2 review drafts at 720p
// instead of re-rendering in 4K: saves 20 premium credits".
func (o DraftOption) Text(c *RateCard) string {
	return "Render " + Plural(o.Drafts, "review draft") + " at " + o.At.Name + " instead of re-rendering in " +
		o.Final.Name + ": saves " + c.CreditWord(o.Saves)
}

// Apply returns the video with the option taken.
func (o DraftOption) Apply(v Video) Video {
	v.Rerenders -= o.Drafts
	v.Drafts += o.Drafts
	return v
}

// DraftOptions lists, largest saving first, every video of the month whose
// re-renders would cost less as review drafts on the plan: a video whose own
// resolution charges for every render, and a cheaper resolution the plan
// offers below it. Its drafts render where its drafts already do
// (draftFeature), which must be one the plan can use.
func (c *RateCard) DraftOptions(p *Project, plan *Plan) []DraftOption {
	return c.draftOptions(len(p.Videos), func(i int) *Video { return &p.Videos[i] }, plan)
}

// DraftOptions is the quote's month's DraftOptions on its plan.
func (q *Quote) DraftOptions() []DraftOption {
	return q.Card.draftOptions(len(q.Videos), func(i int) *Video { return q.Videos[i].Video }, q.Plan)
}

func (c *RateCard) draftOptions(n int, video func(int) *Video, plan *Plan) []DraftOption {
	var out []DraftOption
	for i := range n {
		if o, ok := c.DraftOption(video(i), plan); ok {
			o.Video = i
			out = append(out, o)
		}
	}
	// Largest saving first, then in the month's order.
	slices.SortStableFunc(out, func(a, b DraftOption) int { return cmp.Compare(b.Saves, a.Saves) })
	return out
}

// DraftOption is the video's draft option on the plan (see DraftOptions), or
// false when drafting would save nothing. Its Video is 0: the caller knows
// which video it asked about.
func (c *RateCard) DraftOption(v *Video, plan *Plan) (DraftOption, bool) {
	if v.Rerenders <= 0 || v.Count <= 0 || v.Drafts >= MaxDrafts {
		return DraftOption{}, false
	}
	final, ok := c.Feature(v.Picks[SlotResolution])
	if !ok || !final.Premium || !final.Rerender {
		return DraftOption{}, false
	}
	at := c.draftFeature(v)
	if at == nil || at.Height >= final.Height || (plan != nil && c.Unavailable(plan, at) != "") {
		return DraftOption{}, false
	}
	o := DraftOption{VideoName: v.Name, Drafts: min(v.Rerenders, MaxDrafts-v.Drafts), At: at, Final: final}
	w := o.Apply(*v)
	o.Saves = times(minus(c.VideoCredits(v), c.VideoCredits(&w)), int64(v.Count))
	return o, o.Saves > 0
}

// CheckDraftsRenderable reports, as an error, review drafts the project's own
// plan cannot render (DraftProblem): such a file is refused when read, so the
// planner, which can switch a month to any plan, says so instead of saving it.
func (c *RateCard) CheckDraftsRenderable(p *Project) error {
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil
	}
	for i := range p.Videos {
		if why := c.DraftProblem(plan, &p.Videos[i]); why != "" {
			return fmt.Errorf("review drafts of %s: %s", quoteName(p.Videos[i].Name), why)
		}
	}
	return nil
}
