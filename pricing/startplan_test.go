package pricing

import "testing"

func TestStartPlanIsTheFirstPricedPlanWithCredits(t *testing.T) {
	c := defaultCard(t)
	// The default card lists Free (no premium credits) first.
	if c.Plans[0].Credits != 0 {
		t.Fatalf("card changed: %s has %v credits", c.Plans[0].ID, c.Plans[0].Credits)
	}
	want := ""
	for _, p := range c.Plans {
		if p.Credits > 0 && !p.ContactSales {
			want = p.ID
			break
		}
	}
	if got := c.StartPlan(); got != want || got == "" {
		t.Fatalf("StartPlan = %q, want %q", got, want)
	}
	// A card whose plans grant nothing starts on its first plan.
	d := *c
	d.Plans = []Plan{{ID: "a"}, {ID: "b"}}
	if got := d.StartPlan(); got != "a" {
		t.Fatalf("StartPlan = %q, want a", got)
	}
	d.Plans = nil
	if got := d.StartPlan(); got != "" {
		t.Fatalf("StartPlan of no plans = %q", got)
	}
}
