package pricing

import "testing"

// TestFitReasonIsTheStepLandedOn: fitCard's avatar chain is Avatar V ->
// Avatar IV ("nearly as good") -> Avatar III ("unlimited"). Fitted to nothing,
// Avatar V goes all the way to Avatar III, and the reason given is Avatar
// III's ("unlimited"), not the first step's.
func TestFitReasonIsTheStepLandedOn(t *testing.T) {
	c := fitCard(t)
	v := c.NewVideo("Explainer")
	v.Seconds = 60
	v.Picks[SlotAvatar] = "av5"
	p := &Project{Plan: "big", Seats: 1, Videos: []Video{v}}
	r := c.Fit(p, planOf(t, c, "big"), 0)
	if len(r.Changes) != 1 || r.Changes[0].To.ID != "av3" {
		t.Fatalf("want one switch to av3, got %v", fitDescribe(c, r))
	}
	if got := r.Changes[0].Reason; got != "unlimited" {
		t.Errorf("Avatar V -> Avatar III gives reason %q, want Avatar III's %q", got, "unlimited")
	}
	// One step down, the reason is the first link's.
	r = c.Fit(p, planOf(t, c, "big"), WholeCredits(30))
	if len(r.Changes) != 1 || r.Changes[0].To.ID != "av4" || r.Changes[0].Reason != "nearly as good" {
		t.Errorf("Avatar V -> Avatar IV: %v (reason %q)", fitDescribe(c, r), r.Changes[0].Reason)
	}
	// On "mid", which lacks Avatar IV, quote offers Avatar III with its reason.
	p.Plan = "mid"
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Alternatives) != 1 || q.Alternatives[0].To.ID != "av3" || q.Alternatives[0].Reason != "unlimited" {
		t.Errorf("quote on mid: %+v", q.Alternatives)
	}
}

// TestVideoMadeZeroTimesOffersNoCheaperOption: a video with count 0 spends
// nothing this month, so switching it saves nothing and is not offered.
func TestVideoMadeZeroTimesOffersNoCheaperOption(t *testing.T) {
	c := fitCard(t)
	v := c.NewVideo("Parked")
	v.Seconds, v.Count = 60, 0
	v.Picks[SlotAvatar] = "av5"
	w := c.NewVideo("Made")
	w.Seconds = 60
	w.Picks[SlotAvatar] = "av4"
	p := &Project{Plan: "big", Seats: 1, Videos: []Video{v, w}}
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Videos[0].Alternatives) != 0 {
		t.Errorf("count 0 offers %+v", q.Videos[0].Alternatives)
	}
	for _, a := range q.Alternatives {
		if a.Video == 0 || a.Saves <= 0 {
			t.Errorf("month list offers %q saving %s", a.Text(c), a.Saves)
		}
	}
	if len(q.Alternatives) != 1 {
		t.Errorf("want the made video's one option, got %+v", q.Alternatives)
	}
	// Requote agrees with Quote.
	q2, err := c.Requote(q, p, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(q2.Alternatives) != 1 || len(q2.Videos[0].Alternatives) != 0 {
		t.Errorf("requote: %+v", q2.Alternatives)
	}
}
