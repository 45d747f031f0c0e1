package pricing

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzDatedRows: a card with effective dates, rerender_rate and
// failed_renders either loads or is refused with positioned problems; a
// loaded card is a whole card on every day around its dates (one row per
// id, none effective after the day), prices a month on each, and lists its
// scheduled changes without failing.
func FuzzDatedRows(f *testing.F) {
	f.Add([]byte(fmt.Sprintf(baseCard, 0) + datedRows))
	f.Add([]byte(strings.Replace(fmt.Sprintf(baseCard, 1), "precision = 1\n", "precision = 1\nfailed_renders = \"failed renders are refunded only for technical faults\"\n", 1) + starterPlan + rerenderRateFeature[len(starterPlan):]))
	f.Add([]byte(fmt.Sprintf(baseCard, 0) + starterPlan + "effective = 2026-02-01\n" + starterPlan + "effective = 2026-02-01\n"))
	f.Add([]byte(fmt.Sprintf(baseCard, 0) + starterPlan + "effective = 2026-02-30\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseRateCard("fuzz.toml", data)
		if err != nil {
			if c != nil {
				t.Fatal("a card with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", data, err)
			return
		}
		days := []Date{{Year: 1999, Month: 1, Day: 1}, {Year: 2100, Month: 1, Day: 1}}
		for _, d := range c.EffectiveDates() {
			days = append(days, d.AddDays(-1), d)
		}
		if len(days) > 6 {
			days = days[:6] // bounds the work: a card may carry hundreds of dates
		}
		for _, day := range days {
			on, err := c.On(day)
			if err != nil {
				continue // before every row: refused, which is the promise
			}
			seen := map[string]bool{}
			for i := range on.Features {
				fe := &on.Features[i]
				if seen["f"+fe.ID] {
					t.Fatalf("%s: feature %q twice", day, fe.ID)
				}
				seen["f"+fe.ID] = true
				if day.Before(fe.Effective) {
					t.Fatalf("%s: feature %q effective %s is in force", day, fe.ID, fe.Effective)
				}
			}
			for i := range on.Plans {
				if seen["p"+on.Plans[i].ID] {
					t.Fatalf("%s: plan %q twice", day, on.Plans[i].ID)
				}
				seen["p"+on.Plans[i].ID] = true
			}
			if len(on.Plans) == 0 {
				continue
			}
			p := &Project{Seats: 1, Plan: on.Plans[0].ID}
			for i := range min(len(on.Features), 20) {
				fe := &on.Features[i]
				v := on.NewVideo("v")
				v.Picks[fe.Slot] = fe.ID
				v.Seconds, v.Count, v.Rerenders = 61, 2, 2
				p.Videos = append(p.Videos, v)
			}
			checkQuote(t, on, p)
			for _, ch := range c.ScheduledChanges(day, day.AddDays(400)) {
				if ch.Sentence == "" || ch.On.Before(day) {
					t.Fatalf("a scheduled change %+v from %s", ch, day)
				}
			}
		}
	})
}
