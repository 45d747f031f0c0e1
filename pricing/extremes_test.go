package pricing

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestExtremeMonthsNeverPanicOrTurnNegative pushes months at the edge of every
// loader limit (24-hour videos, 10,000 copies, 1,000 clips, 100 re-renders,
// 10,000 seats, volumes up to ×100) through every planner on every plan. Amounts
// saturate rather than wrap, so nothing may panic, no total may go negative, and
// fitting may never raise what the month spends.
func TestExtremeMonthsNeverPanicOrTurnNegative(t *testing.T) {
	c := defaultCard(t)
	deadline := time.Now().Add(20 * time.Second)
	for seed := range uint64(60) {
		if time.Now().After(deadline) {
			break // a slow machine still checks the seeds it reached
		}
		r := rand.New(rand.NewPCG(seed, 99))
		p := randomProject(r, c)
		q, err := c.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		if q.Premium < 0 || q.Short < 0 || q.Remaining < 0 || q.Cost < 0 || q.TopUp.Cost < 0 {
			t.Fatalf("seed %d: negative quote: premium %d short %d remaining %d cost %d", seed, q.Premium, q.Short, q.Remaining, q.Cost)
		}
		cmp := c.Compare(p)
		for _, o := range cmp.Options {
			if o.Total < 0 || o.MonthlyTotal < 0 || o.AnnualTotal < 0 || o.PerMinute < 0 || o.Short < 0 {
				t.Fatalf("seed %d: negative comparison for %s: %+v", seed, o.Plan.ID, o)
			}
		}
		rs := c.RightSize(p)
		for _, o := range rs.Options {
			if o.Total < 0 || o.Price < 0 {
				t.Fatalf("seed %d: negative right-size cost for %s", seed, o.Plan.ID)
			}
		}
		for i := range c.Plans {
			plan := &c.Plans[i]
			f := c.Fit(p, plan, plan.Credits)
			if f.After < 0 || f.After > f.Before {
				t.Fatalf("seed %d, %s: fit went from %d to %d", seed, plan.ID, f.Before, f.After)
			}
			for _, b := range []Billing{Monthly, Annual} {
				y := c.Year(p, plan, b)
				if y.Cost < 0 || y.Used < 0 || y.Expired < 0 || y.Granted < 0 || y.Bought < 0 {
					t.Fatalf("seed %d, %s %s: negative year: %+v", seed, plan.ID, b.Key(), y.YearRun)
				}
			}
		}
	}
}

// TestAbsurdRatesSaturateInsteadOfWrapping: a card may charge a trillion credits a
// second (a typo, or a hostile file). Every product then hits the ceiling and
// stays there: totals are absurd but positive, and fit and year still work.
func TestAbsurdRatesSaturateInsteadOfWrapping(t *testing.T) {
	c := mustCard(t, 0, starterPlan+`
[[features]]
id = "absurd"
name = "Absurd avatar"
slot = "avatar"
premium = true
rate = 4000000000000
unit = "second"
rerender = true
alternative = "basic-avatar"
`)
	v := c.NewVideo("Long")
	v.Picks[SlotAvatar] = "absurd"
	v.Seconds = MaxVideoSeconds
	v.Count = MaxCount
	v.Rerenders = MaxRerenders
	p := &Project{Plan: "starter", Seats: 1, Videos: []Video{v, v}}
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if q.Premium != Credits(maxAmount) || q.Short <= 0 || q.Fits {
		t.Fatalf("want the month saturated at %d and short, got premium %d short %d", maxAmount, q.Premium, q.Short)
	}
	if cmp := c.Compare(p); cmp.Premium != Credits(maxAmount) {
		t.Fatalf("compare premium %d, want saturated %d", cmp.Premium, maxAmount)
	}
	plan, _ := c.Plan("starter")
	f := c.Fit(p, plan, plan.Credits)
	if f.Before != q.Premium {
		t.Fatalf("fit says the month as planned spends %d; the quote says %d", f.Before, q.Premium)
	}
	if f.After < 0 || f.After > f.Before || !f.Fits {
		t.Fatalf("fit: before %d after %d fits %v; switching to the included avatar must fit", f.Before, f.After, f.Fits)
	}
	y := c.Year(p, plan, Monthly)
	if y.Cost < 0 || y.Used < 0 || y.Expired < 0 {
		t.Fatalf("negative year: %+v", y.YearRun)
	}
}
