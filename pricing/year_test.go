package pricing

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// yearCardTOML has one premium feature that costs 10 credits per video, so a
// month of n videos needs 10n credits, and one plan per rollover rule, all with
// 100 credits a cycle at $10 a month or $8 a month billed annually.
const yearCardTOML = `[card]
name = "Year test card"
currency = "USD"
as_of = 2026-01-06
schema = 1
precision = 1

[defaults]
avatar = "premium-avatar"
look = "look"
voice = "voice"
resolution = "1080p"
translation = "dub"
broll = "stock"
agent = "studio"
script = "own"

[[features]]
id = "premium-avatar"
name = "Premium avatar"
slot = "avatar"
premium = true
rate = 10
unit = "video"

[[features]]
id = "look"
name = "Look"
slot = "look"
rate = 0
unit = "video"

[[features]]
id = "voice"
name = "Voice"
slot = "voice"
rate = 0
unit = "minute"

[[features]]
id = "1080p"
name = "1080p"
slot = "resolution"
rate = 0
unit = "video"
height = 1080

[[features]]
id = "dub"
name = "Dub"
slot = "translation"
rate = 0
unit = "language_minute"

[[features]]
id = "stock"
name = "Stock"
slot = "broll"
rate = 0
unit = "clip"

[[features]]
id = "studio"
name = "Studio"
slot = "agent"
rate = 0
unit = "minute"

[[features]]
id = "own"
name = "Own"
slot = "script"
rate = 0
unit = "generation"

[[plans]]
id = "lapse"
name = "Lapse"
monthly_price = 10
annual_price = 8
credits = 100
rollover = "none"
  [[plans.topups]]
  id = "pack"
  name = "Pack 50"
  credits = 50
  price = 5
  lasts_days = 60

[[plans]]
id = "roll"
name = "Roll"
monthly_price = 10
annual_price = 8
credits = 100
rollover = "next_cycle"

[[plans]]
id = "renew"
name = "Renew"
monthly_price = 10
annual_price = 8
credits = 100
rollover = "until_renewal"

[[plans]]
id = "upfront"
name = "Upfront"
monthly_price = 10
annual_price = 8
credits = 100
rollover = "none"
annual_upfront = true

[[plans]]
id = "sales"
name = "Sales"
credits = 100
`

func yearCard(t testing.TB) *RateCard {
	t.Helper()
	c, err := ParseRateCard("year-card.toml", []byte(yearCardTOML))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// yearMonth is a project of n videos (10n credits a month) with the given
// monthly volumes (nil for the month as planned every month).
func yearMonth(c *RateCard, n int, volume ...float64) *Project {
	v := c.NewVideo("Weekly")
	v.Count = n
	p := &Project{Seats: 1, Videos: []Video{v}}
	for _, x := range volume {
		p.Volume = append(p.Volume, int64(x*1000+0.5))
	}
	return p
}

// monthsOf lists one measure of every month, for comparing with a hand table.
func monthsOf(run *YearRun, f func(*WalletMonth) Credits) []Credits {
	out := make([]Credits, 12)
	for i := range run.Months {
		out[i] = f(&run.Months[i])
	}
	return out
}

func wholes(ns ...int64) []Credits {
	out := make([]Credits, len(ns))
	for i, n := range ns {
		out[i] = WholeCredits(n)
	}
	return out
}

func repeat(n int64, times int) []int64 {
	out := make([]int64, times)
	for i := range out {
		out[i] = n
	}
	return out
}

func sameCredits(t *testing.T, what string, got, want []Credits) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s:\n got  %v\n want %v", what, got, want)
	}
}

// TestYearNoRolloverExpiresEveryMonth: "none" loses what a month leaves.
//
// 6 videos = 60 credits a month against 100 granted: each month uses 60 and 40
// expire; 480 wasted over the year, nothing carried. Monthly billing costs
// 12 × $10 = $120, annual 12 × $8 = $96 paid in month 1: annual cheaper by $24.
func TestYearNoRolloverExpiresEveryMonth(t *testing.T) {
	c := yearCard(t)
	r := c.Year(yearMonth(c, 6), planOf(t, c, "lapse"), Monthly)
	sameCredits(t, "used", monthsOf(&r.YearRun, func(m *WalletMonth) Credits { return m.Used }), wholes(repeat(60, 12)...))
	sameCredits(t, "expired", monthsOf(&r.YearRun, func(m *WalletMonth) Credits { return m.Expired }), wholes(repeat(40, 12)...))
	if r.Expired != WholeCredits(480) || r.Closing != 0 || r.MonthsShort != 0 {
		t.Fatalf("totals %+v", r.YearRun)
	}
	if r.Monthly.Cost != 120*MoneyScale || r.Annual.Cost != 96*MoneyScale || r.Cheaper != Annual || r.CheaperBy != 24*MoneyScale {
		t.Fatalf("costs: monthly %d annual %d cheaper %v by %d", r.Monthly.Cost, r.Annual.Cost, r.Cheaper, r.CheaperBy)
	}
	if r.Annual.Months[0].Cost != 96*MoneyScale || r.Annual.Months[1].Cost != 0 || r.Monthly.Months[5].Cost != 10*MoneyScale {
		t.Fatal("annual billing pays the year in month 1; monthly pays every month")
	}
}

// TestYearNextCycleLastsOneMoreMonth: "next_cycle" carries credits one month.
//
// 60 a month, 100 granted, oldest spent first:
//
//	month 1: 0 + 100, use 60         -> carry 40 (month 1's, good to month 2)
//	month 2: 40 + 100, use 40 + 20   -> carry 80 (month 2's, good to month 3)
//	month 3: 80 + 100, use 60 of m2  -> m2's last 20 expire, carry 100 (m3's)
//	month 4+: 100 + 100, use 60 of the older 100 -> 40 expire, carry 100
//
// Expired: 0, 0, 20, then 40 × 9 = 380; 100 carried out of the year.
func TestYearNextCycleLastsOneMoreMonth(t *testing.T) {
	c := yearCard(t)
	r := c.Year(yearMonth(c, 6), planOf(t, c, "roll"), Monthly)
	sameCredits(t, "expired", monthsOf(&r.YearRun, func(m *WalletMonth) Credits { return m.Expired }),
		wholes(append([]int64{0, 0, 20}, repeat(40, 9)...)...))
	sameCredits(t, "closing", monthsOf(&r.YearRun, func(m *WalletMonth) Credits { return m.Closing }),
		wholes(append([]int64{40, 80}, repeat(100, 10)...)...))
	if r.Expired != WholeCredits(380) || r.Closing != WholeCredits(100) || r.Used != WholeCredits(720) {
		t.Fatalf("totals %+v", r.YearRun)
	}
}

// TestYearUntilRenewal: credits last until the subscription renews, which is
// monthly under monthly billing and yearly under annual billing.
//
// The seed's pattern: 12 videos (120 credits) one month, none the next.
// Monthly billing (renews monthly, so like "none"): odd months get 100, need
// 120, 20 short; even months need nothing and 100 expire. 6 × 20 = 120 short,
// 600 wasted.
// Annual billing (renews at year end): month 1 is 20 short (nothing saved yet);
// after that the unused credits pile up: closing 0, 100, 80, 180, 160, 260,
// 240, 340, 320, 420, 400, and month 12's 500 expire at renewal.
// Annual leaves less short (20 against 120), so it is the better billing here.
func TestYearUntilRenewal(t *testing.T) {
	c := yearCard(t)
	p := yearMonth(c, 12, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0)
	r := c.Year(p, planOf(t, c, "renew"), Annual)
	if r.Monthly.Short != WholeCredits(120) || r.Monthly.Expired != WholeCredits(600) || r.Monthly.MonthsShort != 6 {
		t.Fatalf("monthly %+v", r.Monthly)
	}
	sameCredits(t, "annual closing", monthsOf(r.Annual, func(m *WalletMonth) Credits { return m.Closing }),
		wholes(0, 100, 80, 180, 160, 260, 240, 340, 320, 420, 400, 0))
	sameCredits(t, "annual expired", monthsOf(r.Annual, func(m *WalletMonth) Credits { return m.Expired }),
		wholes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 500))
	if r.Annual.Short != WholeCredits(20) || r.Annual.MonthsShort != 1 || r.Cheaper != Annual || r.Billing != Annual {
		t.Fatalf("annual %+v, cheaper %v", r.Annual, r.Cheaper)
	}
	if r.Months[0].Short != WholeCredits(20) {
		t.Fatal("the embedded run must be the billing asked for (annual)")
	}
}

// TestYearAnnualUpfront: annual billing on an upfront plan grants 1,200 in month
// 1, good for the year ("none" with a yearly cycle). The same alternating 120/0
// pattern (720 needed) never runs short; 480 expire at the end of month 12.
// Monthly billing on the same plan gets 100 a month and is short 20 in every
// busy month.
func TestYearAnnualUpfront(t *testing.T) {
	c := yearCard(t)
	p := yearMonth(c, 12, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0)
	r := c.Year(p, planOf(t, c, "upfront"), Annual)
	granted := monthsOf(r.Annual, func(m *WalletMonth) Credits { return m.Granted })
	sameCredits(t, "granted", granted, wholes(1200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
	if r.Annual.Short != 0 || r.Annual.Expired != WholeCredits(480) || r.Annual.Months[11].Expired != WholeCredits(480) || r.Annual.Used != WholeCredits(720) {
		t.Fatalf("annual %+v", r.Annual)
	}
	if r.Monthly.Short != WholeCredits(120) {
		t.Fatalf("monthly short %s", r.Monthly.Short)
	}
}

// TestYearBuysTopUpsThatExpire: a short month buys the cheapest top-up; its
// credits last ceil(60/30) = 2 months and are spent after the month's grant
// only when they expire later.
//
// 10 videos (100 credits), volumes 1.3, 0.5, then 1:
//
//	month 1: need 130, 100 granted: 30 short -> buy Pack 50 ($5), good to month 2.
//	         Spend the grant (expires sooner) then 30 of the pack: 20 carried.
//	month 2: need 50: the pack's 20 and the grant's 100 both end this month;
//	         the older pack goes first, then 30 of the grant: 70 expire.
//	months 3-12: need 100 = the grant.
//
// Year: 1,180 used, 70 expired, 50 bought, $125 monthly ($120 + $5), $101
// annual ($96 + $5).
func TestYearBuysTopUpsThatExpire(t *testing.T) {
	c := yearCard(t)
	p := yearMonth(c, 10, 1.3, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	r := c.Year(p, planOf(t, c, "lapse"), Monthly)
	m1, m2 := r.Months[0], r.Months[1]
	if m1.Bought != WholeCredits(50) || m1.Closing != WholeCredits(20) || m1.Cost != 15*MoneyScale || len(m1.TopUp.Packs) != 1 {
		t.Fatalf("month 1 %+v", m1)
	}
	if m2.Used != WholeCredits(50) || m2.Expired != WholeCredits(70) || m2.Closing != 0 {
		t.Fatalf("month 2 %+v", m2)
	}
	if r.Used != WholeCredits(1180) || r.Expired != WholeCredits(70) || r.Bought != WholeCredits(50) || r.MonthsToppedUp != 1 || r.MonthsShort != 0 {
		t.Fatalf("year %+v", r.YearRun)
	}
	if r.Monthly.Cost != 125*MoneyScale || r.Annual.Cost != 101*MoneyScale {
		t.Fatalf("costs %d %d", r.Monthly.Cost, r.Annual.Cost)
	}
}

// TestYearVolumeRoundsUpToCardPrecision: a month is scaled exactly and rounded
// up once, to the card's precision: 10.5 credits × 1.5 = 15.75 -> 15.8 at one
// decimal, 16 at none; 100 × 0.333 = 33.3 exactly.
func TestYearVolumeRoundsUpToCardPrecision(t *testing.T) {
	for _, tc := range []struct {
		precision int
		month     Credits
		volume    int64
		want      Credits
	}{
		{1, 10_500, 1500, 15_800},
		{0, 10_500, 1500, 16_000},
		{3, 10_500, 1500, 15_750},
		{1, 100_000, 333, 33_300},
		{1, 100_000, 0, 0},
	} {
		c := &RateCard{Precision: tc.precision}
		if got := c.scaleCredits(tc.month, tc.volume); got != tc.want {
			t.Errorf("precision %d: %s × %d/1000 = %s, want %s", tc.precision, tc.month, tc.volume, got, tc.want)
		}
	}
}

// TestYearContactSalesHasNoCost: a plan without a public price is simulated for
// its credits but never costs $0 by accident: the result says contact sales.
func TestYearContactSalesHasNoCost(t *testing.T) {
	c := yearCard(t)
	r := c.Year(yearMonth(c, 6), planOf(t, c, "sales"), Monthly)
	if !r.ContactSales || r.Used != WholeCredits(720) {
		t.Fatalf("%+v", r)
	}
}

// TestYearConservesCredits is the conservation property: for random plans
// (every rollover rule, upfront or not, top-ups of random size and life or none)
// and random volumes, every month opening + granted + bought = used + expired +
// closing, closing is the next opening, used + short = need, a month is short
// only when no top-up is sold, and the year's totals are the months' sums.
func TestYearConservesCredits(t *testing.T) {
	for seed := range uint64(500) {
		rng := rand.New(rand.NewPCG(seed, 5))
		c := &RateCard{Precision: rng.IntN(4)}
		plan := &Plan{
			MonthlyPrice:  Money(rng.Int64N(100)) * MoneyScale,
			AnnualPrice:   Money(rng.Int64N(100)) * MoneyScale,
			Credits:       Credits(rng.Int64N(500_000)),
			IncludedSeats: 1,
			Rollover:      Rollover(rng.IntN(3)),
			AnnualUpfront: rng.IntN(2) == 0,
		}
		for range rng.IntN(3) {
			plan.TopUps = append(plan.TopUps, TopUp{
				Name: "pack", Credits: Credits(1 + rng.Int64N(200_000)),
				Price: Money(rng.Int64N(50)) * MoneyScale, LastsDays: rng.IntN(4) * 45,
			})
		}
		p := &Project{Seats: 1}
		if rng.IntN(4) > 0 {
			for range 12 {
				p.Volume = append(p.Volume, rng.Int64N(3000))
			}
		}
		month := Credits(rng.Int64N(800_000))
		for _, billing := range []Billing{Monthly, Annual} {
			run := c.simulateYear(p, plan, billing, month)
			var sum YearRun
			opening := Credits(0)
			for i, m := range run.Months {
				if m.Opening != opening {
					t.Fatalf("seed %d %s month %d: opening %s, last closing %s", seed, billing.Key(), i+1, m.Opening, opening)
				}
				if m.Opening+m.Granted+m.Bought != m.Used+m.Expired+m.Closing {
					t.Fatalf("seed %d %s month %d: %s + %s + %s != %s + %s + %s", seed, billing.Key(), i+1,
						m.Opening, m.Granted, m.Bought, m.Used, m.Expired, m.Closing)
				}
				if m.Used+m.Short != m.Need || (m.Short > 0 && len(plan.TopUps) > 0) || m.Used < 0 || m.Expired < 0 {
					t.Fatalf("seed %d %s month %d: need %s used %s short %s", seed, billing.Key(), i+1, m.Need, m.Used, m.Short)
				}
				opening = m.Closing
				sum.Granted += m.Granted
				sum.Bought += m.Bought
				sum.Used += m.Used
				sum.Expired += m.Expired
				sum.Short += m.Short
				sum.Cost += m.Cost
			}
			if sum.Granted != run.Granted || sum.Bought != run.Bought || sum.Used != run.Used || sum.Expired != run.Expired ||
				sum.Short != run.Short || sum.Cost != run.Cost || run.Closing != opening {
				t.Fatalf("seed %d %s: totals %+v do not add up to the months %+v", seed, billing.Key(), run, sum)
			}
			if run.Granted+run.Bought != run.Used+run.Expired+run.Closing {
				t.Fatalf("seed %d %s: the year does not conserve credits", seed, billing.Key())
			}
		}
	}
}

// TestYearProjectUnknownPlanIsAnError: a project naming no plan of the card gets
// an error listing the valid ids, never a panic.
func TestYearProjectUnknownPlanIsAnError(t *testing.T) {
	c := yearCard(t)
	p := yearMonth(c, 1)
	p.Plan = "nope"
	if _, err := c.YearProject(p); err == nil || !strings.Contains(err.Error(), "lapse") {
		t.Fatalf("err = %v", err)
	}
	if _, err := c.FitProject(p); err == nil {
		t.Fatal("FitProject must reject an unknown plan too")
	}
}
