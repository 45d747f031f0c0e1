package pricing

import (
	"strings"
	"testing"
)

// TestFitProposesDrafts: a video re-rendered in 4K is fitted by rendering
// its re-render as a review draft at 720p, which gives up no premium value,
// even in a month that fits; a locked re-render count, or a month whose
// re-renders the fitter may cut, gets no draft.
func TestFitProposesDrafts(t *testing.T) {
	c := defaultCard(t)
	p := c.NewProject("pro")
	p.Videos = nil
	v := c.NewVideo("Teaser")
	v.Count, v.Seconds, v.Rerenders = 3, 30, 1
	v.Picks[SlotResolution] = "4k"
	p.Videos = append(p.Videos, v)
	pro := planOf(t, c, "pro")
	// 4K is 10 credits a render: the final and the re-render, 20 a copy, 60
	// for three. As a draft at 720p (included) the second render is free:
	// 10 a copy, 30 for three, so the draft saves 30.
	r := c.Fit(p, pro, pro.Credits)
	if r.Before != cr("60") || r.After != cr("30") || len(r.Changes) != 1 || r.ValueLost != 0 {
		t.Fatalf("before %s after %s, %d changes, value lost %d: %v", r.Before, r.After, len(r.Changes), r.ValueLost, fitDescribe(c, r))
	}
	ch := r.Changes[0]
	if ch.Draft == nil || ch.Draft.Drafts != 1 || ch.Saves != cr("30") || ch.To.ID != "720p" || ch.From.ID != "4k" {
		t.Fatalf("change %+v", ch)
	}
	if want := "Render 1 review draft at 720p instead of re-rendering in 4K in “Teaser”: saves 30 premium credits"; ch.Text(c) != want {
		t.Errorf("text %q, want %q", ch.Text(c), want)
	}
	q := r.Apply(p)
	if got := q.Videos[0]; got.Rerenders != 0 || got.Drafts != 1 || got.Picks[SlotResolution] != "4k" {
		t.Errorf("applied: %d re-renders, %d drafts, final %s", got.Rerenders, got.Drafts, got.Picks[SlotResolution])
	}
	// The re-render count kept: no draft.
	locked := c.FitKeeping(p, pro, pro.Credits, func(_ int, s Slot) bool { return s == NumSlots })
	for _, ch := range locked.Changes {
		if ch.Draft != nil {
			t.Errorf("a locked re-render count was drafted: %s", ch.Text(c))
		}
	}
	// Re-renders the fitter may cut are cut, not drafted.
	p.AllowFewerRerenders = true
	for _, ch := range c.Fit(p, pro, cr("30")).Changes {
		if ch.Draft != nil || !strings.Contains(ch.Text(c), "re-render") {
			t.Errorf("allow_fewer_rerenders: %s", ch.Text(c))
		}
	}
}
