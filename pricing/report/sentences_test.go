package report

import (
	"os"
	"strings"
	"testing"

	"creditplan/pricing"
)

// sentencesCard is the default card, read here so the test stands alone.
func sentencesCard(t *testing.T) *pricing.RateCard {
	t.Helper()
	src, err := os.ReadFile("../../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFitVerdictAgreesWithItsNumberOfChanges(t *testing.T) {
	plan := &pricing.Plan{Name: "Creator"}
	one := []pricing.FitChange{{}}
	two := []pricing.FitChange{{}, {}}
	for _, c := range []struct {
		r    pricing.FitResult
		want string
	}{
		{pricing.FitResult{Plan: plan, Fits: true, Changes: one, ValueBefore: 10, ValueKept: 9}, "1 change brings the month within the balance, keeping 90%"},
		{pricing.FitResult{Plan: plan, Fits: true, Changes: two, ValueBefore: 10, ValueKept: 5}, "2 changes bring the month within the balance, keeping 50%"},
		{pricing.FitResult{Plan: plan, Fits: true, FitsBefore: true, Changes: one}, "1 change replaces choices Creator cannot make."},
		{pricing.FitResult{Plan: plan, Fits: true, FitsBefore: true, Changes: two}, "2 changes replace choices Creator cannot make."},
	} {
		if got := FitVerdict(&c.r); !strings.Contains(got, c.want) {
			t.Errorf("got %q, want it to say %q", got, c.want)
		}
	}
}

func TestMonthFitsOrRunsOut(t *testing.T) {
	card := sentencesCard(t)
	p := card.NewProject(card.StartPlan())
	q, err := card.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Fits || RunsOut(q) != "" {
		t.Fatalf("a new month fits and never runs out: %q", RunsOut(q))
	}
	if got := MonthFits(q); !strings.HasPrefix(got, "The month's one video fits: ") || !strings.HasSuffix(got, " to spare.") {
		t.Fatalf("MonthFits: %q", got)
	}
}

func TestReadBalanceRefusesWhatBalanceRefuses(t *testing.T) {
	card := sentencesCard(t)
	if c, err := ReadBalance(card, "150"); err != nil || c != pricing.WholeCredits(150) {
		t.Fatalf("150: %v %v", c, err)
	}
	_, err := ReadBalance(card, "1,500")
	if err == nil || !strings.Contains(err.Error(), "give credits like 200 or 12.5") {
		t.Fatalf("1,500 is refused with an example: %v", err)
	}
	_, want := card.ParseBalance("0.25")
	if _, err := ReadBalance(card, "0.25"); err == nil || want == nil || !strings.Contains(err.Error(), want.Error()) {
		t.Fatalf("0.25 is refused by the card's decimals: %v (card: %v)", err, want)
	}
}

func TestPlanStandingSaysContactSales(t *testing.T) {
	card := sentencesCard(t)
	o := &pricing.PlanOption{Plan: &pricing.Plan{Name: "Enterprise", ContactSales: true}}
	if got := PlanStanding(card, o); got != "Enterprise: no public price; "+pricing.ContactSales+"." {
		t.Fatalf("%q", got)
	}
}
