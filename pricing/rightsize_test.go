package pricing

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// avatarIVMonth is a month on the default card: n minutes of Avatar IV in one
// video (20 credits a minute), on the given plan and billing.
func avatarIVMonth(c *RateCard, minutes int, plan string, b Billing) *Project {
	v := c.NewVideo("Explainer")
	v.Seconds = minutes * 60
	v.Picks[SlotAvatar] = "avatar-iv"
	return &Project{Plan: plan, Billing: b, Seats: 1, Videos: []Video{v}}
}

// TestRightSizeCheapestWayToMakeTheMonth, on the default card, 15 minutes of
// Avatar IV = 300 credits:
//
//	Creator  200 credits, short 100: one Add-on 300 ($15)  -> $29 + $15 = $44 monthly, $24 + $15 = $39 annual
//	Pro      2,000 credits                                 -> $99 monthly, $79 annual
//	Business 1,000 credits                                 -> $149 monthly, $119 annual
//	Free     blocked (watermark; 0 credits and no top-ups)
//	Enterprise: contact sales, noted, not priced
//
// Cheapest: Creator billed annually with one add-on, $39 a month.
func TestRightSizeCheapestWayToMakeTheMonth(t *testing.T) {
	c := heygenCard(t)
	rs := c.RightSize(avatarIVMonth(c, 15, "creator", Monthly))
	if rs.Premium != WholeCredits(300) {
		t.Fatalf("premium %s", rs.Premium)
	}
	var got []string
	for _, o := range rs.Options {
		got = append(got, o.Plan.ID+"/"+o.Billing.Key()+"="+c.Money(o.Total))
	}
	want := "creator/annual=$39.00 creator/monthly=$44.00 pro/annual=$79.00 pro/monthly=$99.00 business/annual=$119.00 business/monthly=$149.00"
	if strings.Join(got, " ") != want {
		t.Fatalf("options\n got  %s\n want %s", strings.Join(got, " "), want)
	}
	if rs.Best == nil || rs.Best.Text(c) != "Creator, billed annually, + 1 × Add-on 300 (300 premium credits, $15.00): $39.00 a month" {
		t.Fatalf("best: %v", rs.Best)
	}
	if len(rs.ContactSales) != 1 || rs.ContactSales[0].ID != "enterprise" {
		t.Fatalf("contact sales %v", rs.ContactSales)
	}
	if len(rs.Blocked) != 1 || rs.Blocked[0].Plan.ID != "free" {
		t.Fatalf("blocked %v", rs.Blocked)
	}
	if rs.Dominant == nil || rs.Dominant.ID != "avatar-iv" || rs.DominantCredits != WholeCredits(300) {
		t.Fatalf("dominant %v", rs.Dominant)
	}
}

// TestRightSizeBreakEvenInMinutesOfAvatarIV derives the default card's
// break-evens by hand. Neighbours by monthly price: Creator $29, Pro $99,
// Business $149 (Free is blocked by its watermark, Enterprise has no price).
//
// Creator -> Pro, monthly: Creator with k Add-on 300 packs ($15 each) costs
// $29 + 15k and covers 200 + 300k credits; it first costs more than Pro's $99
// when 15k > 70, k = 5, i.e. once usage passes 200 + 4 × 300 = 1,400 credits.
// The month's dominant premium feature is Avatar IV at 20 credits a minute:
// 1,400 / 20 = 70 minutes. (A 3,600 pack at $150 never helps below that.)
//
// Annual billing: $24 + 15k > $79 when k = 4: above 200 + 3 × 300 = 1,100
// credits = 55 minutes.
//
// Pro -> Business: Business costs $50 more and has 1,000 fewer credits; with
// the same packs it is never cheaper.
func TestRightSizeBreakEvenInMinutesOfAvatarIV(t *testing.T) {
	c := heygenCard(t)
	rs := c.RightSize(avatarIVMonth(c, 15, "creator", Monthly))
	if len(rs.BreakEvens) != 2 {
		t.Fatalf("break-evens %+v", rs.BreakEvens)
	}
	be := rs.BreakEvens[0]
	if be.Lower.ID != "creator" || be.Upper.ID != "pro" || be.Credits != WholeCredits(1400) || be.Never {
		t.Fatalf("creator/pro %+v", be)
	}
	if got := be.Text(c); got != "Pro becomes cheaper than Creator + top-ups above 70 minutes of Avatar IV a month (1,400 premium credits)" {
		t.Fatalf("text %q", got)
	}
	if be := rs.BreakEvens[1]; be.Lower.ID != "pro" || be.Upper.ID != "business" || !be.Never {
		t.Fatalf("pro/business %+v", be)
	}

	rs = c.RightSize(avatarIVMonth(c, 15, "creator", Annual))
	if be := rs.BreakEvens[0]; be.Credits != WholeCredits(1100) || be.Terms != "55 minutes of Avatar IV" {
		t.Fatalf("annual creator/pro %+v", be)
	}
}

// TestRightSizeBreakEvenWhenLowerSellsNoTopUps uses the fit test card: Small
// ($10, 50 credits, no top-ups), Mid ($29, 200, Pack 100 at $10), Big ($99,
// 2,000, same pack). The month uses Avatar V (40 a minute) for 2 minutes = 80
// credits, which Small cannot make.
//
// Small -> Mid: Small cannot go above its 50 credits: Mid is needed above 50
// (1.25 minutes of Avatar V, shown rounded up to 1.3).
// Mid -> Big: $29 + 10k > $99 when k = 8: above 200 + 7 × 100 = 900 credits =
// 22.5 minutes of Avatar V.
func TestRightSizeBreakEvenWhenLowerSellsNoTopUps(t *testing.T) {
	c := fitCard(t)
	v := c.NewVideo("Short")
	v.Seconds = 120
	v.Picks[SlotAvatar] = "av5"
	rs := c.RightSize(&Project{Plan: "mid", Seats: 1, Videos: []Video{v}})
	if len(rs.BreakEvens) != 2 {
		t.Fatalf("%+v", rs.BreakEvens)
	}
	a, b := rs.BreakEvens[0], rs.BreakEvens[1]
	if a.Lower.ID != "small" || !a.LowerRunsOut || a.Credits != WholeCredits(50) || a.Terms != "1.3 minutes of Avatar V" {
		t.Fatalf("small/mid %+v", a)
	}
	if got := a.Text(c); got != "Mid is needed above 1.3 minutes of Avatar V a month (50 premium credits): Small sells no top-ups" {
		t.Fatalf("text %q", got)
	}
	if b.Lower.ID != "mid" || b.Credits != WholeCredits(900) || b.Terms != "22.5 minutes of Avatar V" {
		t.Fatalf("mid/big %+v", b)
	}
	if rs.Best == nil || rs.Best.Plan.ID != "mid" || rs.Best.Billing != Annual {
		t.Fatalf("best %+v", rs.Best)
	}
}

// TestBreakEvenIsTheFirstCrossing checks the definition directly on random
// usages: at the break-even the lower plan (topped up) costs no more than the
// upper one, and one milli-credit above it the upper one is cheaper; and no
// usage below it has the upper plan cheaper.
func TestBreakEvenIsTheFirstCrossing(t *testing.T) {
	c := heygenCard(t)
	p := avatarIVMonth(c, 15, "creator", Monthly)
	rs := c.RightSize(p)
	for _, be := range rs.BreakEvens {
		if be.Never {
			continue
		}
		lc, _ := c.planCost(p, be.Lower, be.Billing, be.Credits)
		uc, _ := c.planCost(p, be.Upper, be.Billing, be.Credits)
		lc1, _ := c.planCost(p, be.Lower, be.Billing, be.Credits+1)
		uc1, _ := c.planCost(p, be.Upper, be.Billing, be.Credits+1)
		if lc > uc || uc1 >= lc1 {
			t.Fatalf("%s/%s at %s: %d vs %d, just above %d vs %d", be.Lower.ID, be.Upper.ID, be.Credits, lc, uc, lc1, uc1)
		}
		for use := Credits(0); use < be.Credits; use += 7_919 { // a prime stride in milli-credits
			lc, _ := c.planCost(p, be.Lower, be.Billing, use)
			uc, _ := c.planCost(p, be.Upper, be.Billing, use)
			if uc < lc {
				t.Fatalf("%s is already cheaper than %s at %s", be.Upper.ID, be.Lower.ID, use)
			}
		}
	}
}

// TestUsageTermsUnits: credits in each unit's own words.
func TestUsageTermsUnits(t *testing.T) {
	c := heygenCard(t)
	f := func(id string) *Feature { x, _ := c.Feature(id); return x }
	for _, tc := range []struct {
		f    *Feature
		cr   Credits
		want string
	}{
		{f("avatar-iv"), WholeCredits(20), "1 minute of Avatar IV"},
		{f("avatar-iv"), WholeCredits(1405), "70.3 minutes of Avatar IV"},
		{f("lipsync"), WholeCredits(50), "10 language-minutes of Lip-sync translation"},
		{f("4k"), WholeCredits(30), "3 videos with 4K"},
		{f("sora-2"), WholeCredits(140), "14 clips of Sora 2 b-roll"},
		{nil, WholeCredits(140), "140 premium credits"},
	} {
		if got := c.UsageTerms(tc.f, tc.cr); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.cr, got, tc.want)
		}
	}
}

// TestBreakEvenMatchesAScanOfEveryUsage: on random small plans (prices, credits
// and packs of a few milli-credits, so every usage can be tried), the break-even
// is the first usage at which the upper plan costs less, found by trying every
// milli-credit; Never only when there is none in the scanned range.
func TestBreakEvenMatchesAScanOfEveryUsage(t *testing.T) {
	c := heygenCard(t)
	p := &Project{Seats: 1}
	rng := rand.New(rand.NewPCG(5, 8))
	randomPlan := func() *Plan {
		pl := &Plan{MonthlyPrice: Money(rng.Int64N(400)), Credits: Credits(rng.Int64N(300))}
		for k := range rng.IntN(3) {
			pl.TopUps = append(pl.TopUps, TopUp{ID: string(rune('a' + k)), Credits: Credits(1 + rng.Int64N(40)), Price: Money(1 + rng.Int64N(60))})
		}
		return pl
	}
	const limit = 6000
	for trial := range 2000 {
		lower, upper := randomPlan(), randomPlan()
		be, _ := c.breakEven(p, lower, upper, Monthly, breakEvenJumps)
		first := Credits(-1)
		for u := Credits(0); u <= limit; u++ {
			lc, lok := c.planCost(p, lower, Monthly, u)
			uc, uok := c.planCost(p, upper, Monthly, u)
			if uok && (!lok || uc < lc) {
				first = u
				break
			}
		}
		switch {
		case first >= 0 && (be.Never || be.Credits != first-1):
			t.Fatalf("trial %d: lower %+v upper %+v: break-even %+v, scan finds upper cheaper first at %d", trial, lower, upper, be, first)
		case first < 0 && !be.Never && be.Credits < limit:
			t.Fatalf("trial %d: lower %+v upper %+v: break-even %+v, scan finds none up to %d", trial, lower, upper, be, limit)
		}
	}
}

// TestBreakEvenWithSmallPacksIsExactAndFast is the case: a lower plan
// selling one-credit packs ($0.10, and a worse 7-credit one) against an upper
// plan at $1,900 whose own 4,000 credits and a 100,000-credit pack for a cent
// cover everything. Lower costs $0.10 a credit past its 100, so it first costs
// more than $1,900.01 at 19,001 credits short: the break-even is 19,100
// credits. The old scan, one pack at a time, gave up after 10,000 steps and
// said "never"; each step also searched 10,000 pack mixes.
func TestBreakEvenWithSmallPacksIsExactAndFast(t *testing.T) {
	c := mustCard(t, 0, starterPlan+`
[[plans]]
id = "small"
name = "Small"
monthly_price = 0
credits = 100
  [[plans.topups]]
  id = "one"
  credits = 1
  price = 0.10
  [[plans.topups]]
  id = "seven"
  credits = 7
  price = 0.75

[[plans]]
id = "large"
name = "Large"
monthly_price = 1900
credits = 4000
  [[plans.topups]]
  id = "bulk"
  credits = 100000
  price = 0.01
`)
	small, large := planOf(t, c, "small"), planOf(t, c, "large")
	p := &Project{Plan: "small", Seats: 1}
	start := time.Now()
	be, _ := c.breakEven(p, small, large, Monthly, breakEvenJumps)
	if be.Never || be.Credits != WholeCredits(19_100) {
		t.Fatalf("break-even %+v, want 19,100 credits", be)
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Errorf("took %v", d)
	}
}
