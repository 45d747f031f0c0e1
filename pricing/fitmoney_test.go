package pricing

import (
	"strings"
	"testing"
)

// moneyFitCard has one plan, Starter: $29 a month, 200 credits, a pack of
// 100 credits for $5; and a photo training of 20 credits.
const moneyFitCard = `
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
credits = 200
  [[plans.topups]]
  id = "pack100"
  name = "Pack 100"
  credits = 100
  price = 5

[[one_time]]
id = "photo-training"
name = "Photo avatar training"
credits = 20
`

// moneyFitMonth is two Avatar Pro videos: "Long", 15 min (900 s × 20/60 =
// 300 credits, 900 premium seconds), and "Short", 5 min (100 credits, 300
// premium seconds): 400 credits against Starter's 200.
func moneyFitMonth(c *RateCard, budget string) *Project {
	p := c.NewProject("starter")
	p.Videos = []Video{
		video(c, "Long", 900, map[string]string{"avatar": "avatar-pro"}),
		video(c, "Short", 300, map[string]string{"avatar": "avatar-pro"}),
	}
	p.Budget, p.HasBudget = usd(budget), true
	return p
}

func TestFitToMoneyKeepsTheMonthWhenTheTopUpIsAffordable(t *testing.T) {
	c := mustCard(t, 1, moneyFitCard+premiumFeatures)
	// Short 200 credits: 2 × Pack 100 = $10; $29 + $10 = $39 within $40,
	// $1.00 under; nothing is given up.
	r, err := c.FitProject(moneyFitMonth(c, "40"))
	if err != nil {
		t.Fatal(err)
	}
	mf := r.Money
	if mf == nil || !mf.KeptAsPlanned || mf.Total != usd("39") || mf.Under != usd("1") || len(r.Changes) != 0 {
		t.Fatalf("money fit %+v, %d changes", mf, len(r.Changes))
	}
	if got := mf.Sentence(c); got != "The month as planned fits the budget with 2 × Pack 100 (200 premium credits, $10.00): $39.00, $1.00 under the $40.00 budget." {
		t.Errorf("sentence %q", got)
	}
}

func TestFitToMoneyMixesATopUpAndCheaperOptions(t *testing.T) {
	c := mustCard(t, 1, moneyFitCard+premiumFeatures)
	// $35: $6 left after the plan buys one pack (100 credits): 300 credits
	// keep "Long" (300) and switch "Short" (900 premium seconds kept),
	// where 200 credits keep only "Short" (300). The top-up wins: $29 + $5
	// = $34, $1.00 under.
	r, _ := c.FitProject(moneyFitMonth(c, "35"))
	mf := r.Money
	if mf.KeptAsPlanned || mf.Total != usd("34") || len(mf.TopUp.Packs) != 1 || mf.TopUp.Packs[0].Count != 1 {
		t.Fatalf("money fit total %v, top-up %+v", mf.Total, mf.TopUp)
	}
	if len(r.Changes) != 1 || r.Changes[0].VideoName != "Short" || r.After != cr("300") || r.Balance != cr("300") || !r.Fits {
		t.Errorf("changes %+v, after %s, balance %s", r.Changes, r.After, r.Balance)
	}
	// $30: $1 left buys no pack: the month is fitted to 200 credits, keeping
	// "Short": $29.00, $1.00 under.
	r, _ = c.FitProject(moneyFitMonth(c, "30"))
	if mf := r.Money; mf.Total != usd("29") || len(mf.TopUp.Packs) != 0 || r.After != cr("100") {
		t.Errorf("$30: total %v, top-up %+v, after %s", mf.Total, mf.TopUp, r.After)
	}
	if got := r.Money.Sentence(c); got != "Cheaper options instead of a top-up: $29.00, $1.00 under the $30.00 budget." {
		t.Errorf("sentence %q", got)
	}
}

func TestFitToMoneyTakesNoTopUpThatKeepsNothingMore(t *testing.T) {
	c := mustCard(t, 1, moneyFitCard+premiumFeatures)
	p := moneyFitMonth(c, "35")
	p.OneTime = []OneTimeNeed{{"photo-training", 1}}
	// The training's 20 credits come first. One pack: 300 - 20 = 280 for
	// the videos, which keeps "Short" only (100); without it 180, which
	// keeps "Short" too. The same value for $5 less: no top-up, $29.00.
	r, _ := c.FitProject(p)
	mf := r.Money
	if len(mf.TopUp.Packs) != 0 || mf.Total != usd("29") || r.After != cr("120") || !r.Fits {
		t.Errorf("total %v, top-up %+v, after %s (fits %v)", mf.Total, mf.TopUp, r.After, r.Fits)
	}
}

func TestFitToMoneyOverBudgetWhateverIsCut(t *testing.T) {
	c := mustCard(t, 1, moneyFitCard+premiumFeatures)
	// $20 is below the plan's $29: cheaper options only, $9.00 over.
	r, _ := c.FitProject(moneyFitMonth(c, "20"))
	if mf := r.Money; mf.Within || mf.Over != usd("9") || mf.Total != usd("29") {
		t.Errorf("over %v, total %v", mf.Over, mf.Total)
	}
	// Without a budget the fit is the credits' alone.
	p := moneyFitMonth(c, "20")
	p.HasBudget = false
	if r, _ := c.FitProject(p); r.Money != nil {
		t.Error("a fit without a budget has a money fit")
	}
}

func TestFitToMoneySaysWhenThePlanAloneIsOverTheBudget(t *testing.T) {
	c := mustCard(t, 1, moneyFitCard+`
[[plans]]
id = "pro"
name = "Pro"
monthly_price = 99
credits = 2000
`+premiumFeatures)
	p := moneyFitMonth(c, "60")
	p.Plan = "pro"
	// Pro's $99 is $39 over $60 whatever the videos; Starter makes the month
	// as planned for $29 + 2 × $5 = $39 (monthly first on a tie with annual).
	r, _ := c.FitProject(p)
	mf := r.Money
	if !mf.PlanOver || mf.WithinPlans == nil || mf.WithinPlans.Plan.ID != "starter" || len(r.Changes) != 0 {
		t.Fatalf("money fit %+v, %d changes", mf, len(r.Changes))
	}
	want := "Pro alone costs $99.00, $39.00 over the $60.00 budget: no change to the videos brings it under. " +
		"Within it: Starter, billed monthly, + 2 × Pack 100 (200 premium credits, $10.00): $39.00 a month."
	if got := mf.Sentence(c); got != want {
		t.Errorf("sentence\n got %q\nwant %q", got, want)
	}
	// $30: no plan makes the month as planned within it.
	p.Budget = usd("30")
	r, _ = c.FitProject(p)
	if got := r.Money.Sentence(c); r.Money.WithinPlans != nil || !strings.HasSuffix(got, "No plan makes the month as planned within it.") {
		t.Errorf("$30: %q", got)
	}
}
