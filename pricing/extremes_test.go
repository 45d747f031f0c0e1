package pricing

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
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

// absurdCard charges ten billion credits a second for an avatar whose
// alternative is free, and sells a plan whose extra seats cost $46 billion a
// month: every sum and product of the months below reaches maxAmount.
func absurdCard(t testing.TB) *RateCard {
	return mustCard(t, 0, `
[[plans]]
id = "huge"
name = "Huge"
monthly_price = 450000000000
annual_price = 450000000000
credits = 200
extra_seat_price = 46116860185
  [[plans.topups]]
  id = "pack"
  name = "Pack"
  credits = 100
  price = 10

[[features]]
id = "absurd"
name = "Absurd avatar"
slot = "avatar"
premium = true
rate = 10000000000
unit = "second"
rerender = true
alternative = "basic-avatar"
alternative_reason = "the basic avatar is free"
`)
}

// TestSavingsAndTotalsSaturate: a saving, a line total over all copies and a
// month's cost never wrap round to a negative number (today's "saves
// --9,223,372,036,854,775.-808"): they stop at the ceiling and keep their sign.
func TestSavingsAndTotalsSaturate(t *testing.T) {
	c := absurdCard(t)
	v := c.NewVideo("Long")
	v.Picks[SlotAvatar] = "absurd"
	v.Seconds, v.Count, v.Rerenders = MaxVideoSeconds, 2, MaxRerenders
	p := &Project{Plan: "huge", Seats: 1, Videos: []Video{v}}
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Alternatives) != 1 {
		t.Fatalf("alternatives %+v", q.Alternatives)
	}
	a := q.Alternatives[0]
	if a.Saves != Credits(maxAmount) || a.Each <= 0 {
		t.Errorf("saves %d (each %d), want the ceiling %d", a.Saves, a.Each, maxAmount)
	}
	if txt := a.Text(c); strings.Contains(txt, "--") || strings.Contains(txt, ".-") || !strings.Contains(txt, "saves 4,611,686,018,427,387.904") {
		t.Errorf("text %q", txt)
	}
	for _, l := range q.Videos[0].Lines {
		if l.Total(v.Count) < 0 || l.Total(v.Count) < l.Credits {
			t.Errorf("line %s: total %d for %d each", l.Feature.ID, l.Total(v.Count), l.Credits)
		}
	}
	if got := q.BalanceBefore(0); got > q.Balance {
		t.Errorf("balance before the video %d above the balance %d", got, q.Balance)
	}
	fit := c.Fit(p, &c.Plans[0], 0)
	for _, ch := range fit.Changes {
		if ch.Saves < 0 || strings.Contains(ch.Text(c), "--") {
			t.Errorf("fit change %q saves %d", ch.Text(c), ch.Saves)
		}
	}
}

// TestYearOfHugeMonthsSaturates: 10,000 seats at $46 billion each make a month
// of about $461 trillion, the ceiling. Twelve of them are not $120.00 (today's
// wrap): the year's cost stays at the ceiling, in both billings.
func TestYearOfHugeMonthsSaturates(t *testing.T) {
	c := absurdCard(t)
	v := c.NewVideo("Short")
	v.Seconds = 60
	p := &Project{Plan: "huge", Seats: MaxSeats, Videos: []Video{v}}
	plan := &c.Plans[0]
	month := c.monthCost(plan, p, Monthly)
	if month != Money(maxAmount) {
		t.Fatalf("month %s, want the ceiling", c.Money(month))
	}
	y := c.Year(p, plan, Monthly)
	for _, run := range []*YearRun{y.Monthly, y.Annual} {
		if run.Cost < month || run.Subscription < month {
			t.Errorf("%s: year costs %s, less than one month's %s", run.Billing.Key(), c.Money(run.Cost), c.Money(month))
		}
		for _, m := range run.Months {
			if m.Cost < 0 {
				t.Errorf("%s month %d costs %s", run.Billing.Key(), m.Month, c.Money(m.Cost))
			}
		}
	}
	if y.CheaperBy < 0 {
		t.Errorf("cheaper by %s", c.Money(y.CheaperBy))
	}
	cmp := c.Compare(p)
	if o := cmp.Options[0]; o.Total < 0 || o.PerMinute < 0 || o.PerMinute < o.Total {
		t.Errorf("compare: total %s, per minute %s", c.Money(o.Total), c.Money(o.PerMinute))
	}
}

// TestExtremeAmountsFormatAsNumbers: every int64, the ceiling and the most
// negative included, prints as one sign and plain digits, so text never reads
// "--9,223..." and JSON numbers always parse.
func TestExtremeAmountsFormatAsNumbers(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{Credits(maxAmount).Grouped(), "4,611,686,018,427,387.904"},
		{Credits(maxAmount).String(), "4611686018427387.904"},
		{Credits(math.MinInt64).String(), "-9223372036854775.808"},
		{Credits(math.MaxInt64).Grouped(), "9,223,372,036,854,775.807"},
		{Money(maxAmount).Format("USD"), "$461,168,601,842,738.79"},
		{Money(math.MinInt64).Format("USD"), "-$922,337,203,685,477.58"},
		{Money(math.MinInt64).Plain(), "-922337203685477.58"},
		{Money(-5).Plain(), "0.00"},
		{Money(-50).Plain(), "-0.01"},
		{Money(50).Format("EUR"), "€0.01"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, v := range []int64{math.MinInt64, -maxAmount, -1, 0, 1, maxAmount, math.MaxInt64} {
		var x any
		if err := json.Unmarshal([]byte(Credits(v).String()), &x); err != nil {
			t.Errorf("%d prints %q, not a JSON number: %v", v, Credits(v).String(), err)
		}
	}
}

// TestSaturatingHelpers: sums, differences and products stop at ±maxAmount.
func TestSaturatingHelpers(t *testing.T) {
	const top = maxAmount
	for _, tc := range []struct {
		name      string
		got, want int64
	}{
		{"plus top", int64(plus(Credits(top), 1)), top},
		{"plus bottom", int64(plus(Credits(-top), -1)), -top},
		{"plus max int", int64(plus(Credits(math.MaxInt64), math.MaxInt64)), top},
		{"minus", int64(minus(Credits(-top), Credits(top))), -top},
		{"minus min int", int64(minus(Credits(0), math.MinInt64)), top},
		{"minus plain", int64(minus(Money(5), 7)), -2},
		{"times", int64(times(Credits(top/2+1), 2)), top},
		{"times negative", int64(times(Credits(math.MinInt64), 2)), -top},
		{"satSub", satSub(3, 5), -2},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, tc.got, tc.want)
		}
	}
}
