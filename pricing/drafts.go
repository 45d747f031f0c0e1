package pricing

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

// checkDrafts refuses drafts the project's plan cannot render: a plan with a
// single resolution has no cheaper one to draft at, and a draft at or above
// the video's own resolution is a re-render, not a draft.
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
		at := "videos[" + itoa(i) + "]."
		offered := card.offeredResolutions(plan)
		if len(offered) < 2 {
			d.addf(at+"drafts", "%s renders at a single resolution, so a draft cannot be cheaper than the final render; use rerenders for renders at full resolution", plan.Name)
			continue
		}
		final, okF := card.Feature(v.Picks[SlotResolution])
		draft := card.DraftFeature(plan, v)
		if draft == nil || !okF {
			continue
		}
		if v.DraftResolution != "" && !card.Offers(plan, draft.ID) {
			d.addf(at+"draft_resolution", "%s does not offer %s; %s", plan.Name, draft.Name, choices("draft resolution", featureIDsOf(offered)))
			continue
		}
		if draft.ID == final.ID || draft.Height >= final.Height {
			key := "draft_resolution"
			if v.DraftResolution == "" {
				key = "drafts"
			}
			d.addf(at+key, "drafts at %s are not below the video's %s; a draft is rendered at a lower resolution (use rerenders for renders at full resolution)", draft.Name, final.Name)
		}
	}
}

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

// DraftFeature is the resolution a video's drafts are rendered at on a plan:
// its draft_resolution, or else the cheapest resolution the plan offers (the
// lowest rate; the lowest height among equals). nil when the plan offers none.
func (c *RateCard) DraftFeature(plan *Plan, v *Video) *Feature {
	if v.DraftResolution != "" {
		f, _ := c.Feature(v.DraftResolution)
		return f
	}
	var best *Feature
	for _, f := range c.offeredResolutions(plan) {
		if best == nil || f.cheaperDraft(best) {
			best = f
		}
	}
	return best
}

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
