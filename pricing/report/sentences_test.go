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
	// Fields are set one by one: the result's struct may embed some of them.
	fitted := func(before bool, changes []pricing.FitChange, valueBefore, kept int64) *pricing.FitResult {
		r := &pricing.FitResult{}
		r.Plan, r.Fits, r.FitsBefore, r.Changes, r.ValueBefore, r.ValueKept = plan, true, before, changes, valueBefore, kept
		return r
	}
	for _, c := range []struct {
		r    *pricing.FitResult
		want string
	}{
		{fitted(false, one, 10, 9), "1 change brings the month within the balance, keeping 90%"},
		{fitted(false, two, 10, 5), "2 changes bring the month within the balance, keeping 50%"},
		{fitted(true, one, 0, 0), "1 change replaces choices Creator cannot make."},
		{fitted(true, two, 0, 0), "2 changes replace choices Creator cannot make."},
	} {
		if got := FitVerdict(c.r); !strings.Contains(got, c.want) {
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

func TestPlanStandingSaysContactSales(t *testing.T) {
	card := sentencesCard(t)
	o := &pricing.PlanOption{}
	o.Plan = &pricing.Plan{Name: "Enterprise", ContactSales: true}
	if got := PlanStanding(card, o); got != "Enterprise: no public price; "+pricing.ContactSales+"." {
		t.Fatalf("%q", got)
	}
}

// TestFitApproximateNoteSaysWhichBudget: an approximate fit says why, by its
// reason (the table over budget, the options thinned, or both), in text and
// in JSON's approximate_reason; an exact fit says nothing.
func TestFitApproximateNoteSaysWhichBudget(t *testing.T) {
	table := "over the fitter's memory and work budget"
	thinned := "too many combinations of re-renders and features"
	for _, c := range []struct {
		reason      pricing.FitApproximation
		has, hasNot string
	}{
		{pricing.FitTableTooLarge, table, thinned},
		{pricing.FitOptionsThinned, thinned, table},
		{pricing.FitTableTooLarge | pricing.FitOptionsThinned, table, ""},
	} {
		r := &pricing.FitResult{Card: sentencesCard(t), Plan: &pricing.Plan{Name: "Creator"}}
		r.ApproximateReason = c.reason
		got := FitApproximateNote(r)
		if !strings.HasPrefix(got, "Approximate: ") || !strings.Contains(got, c.has) ||
			(c.hasNot != "" && strings.Contains(got, c.hasNot)) {
			t.Errorf("%v: %q", c.reason, got)
		}
		if c.reason == pricing.FitTableTooLarge|pricing.FitOptionsThinned && !strings.Contains(got, thinned) {
			t.Errorf("both reasons: %q", got)
		}
		if j := fitJSON(r); j.ApproximateReason == nil || *j.ApproximateReason != c.reason.String() {
			t.Errorf("%v: approximate_reason %v", c.reason, j.ApproximateReason)
		}
	}
	exact := &pricing.FitResult{Exact: true}
	if got := FitApproximateNote(exact); got != "" {
		t.Errorf("exact fit: %q", got)
	}
}
