package pricing

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// checkCure proves the promises of a Cure for p: every option works, the top-up
// is offered only when the shortfall is the only problem, the order is
// RightSize's, and on a fresh cycle the recommendation is RightSize's Best.
func checkCure(t *testing.T, c *RateCard, name string, p *Project) *Cure {
	t.Helper()
	cu, err := c.Cures(p)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if cu.Needed != (!q.Fits || len(q.Blocked) > 0) {
		t.Errorf("%s: Needed %v, but the quote fits %v, blocked %q", name, cu.Needed, q.Fits, q.Blocked)
	}
	if cu.PlanBlocked != (len(q.Blocked) > 0) || (cu.Lead() != "") != cu.PlanBlocked {
		t.Errorf("%s: PlanBlocked %v, lead %q, but the quote is blocked by %q", name, cu.PlanBlocked, cu.Lead(), q.Blocked)
	}
	if !cu.Needed && (len(cu.Options) > 0 || cu.Fit != nil) {
		t.Errorf("%s: a month that fits is offered cures %+v", name, cu.Options)
	}
	if !sort.SliceIsSorted(cu.Options, func(i, j int) bool {
		return sizeLess(cu.Options[i].Total, cu.Options[i].Billing, cu.Options[j].Total, cu.Options[j].Billing)
	}) {
		t.Errorf("%s: options not cheapest first: %+v", name, cu.Options)
	}
	if (cu.Recommended == nil) != (len(cu.Options) == 0) || (cu.Recommended != nil && cu.Recommended != &cu.Options[0]) {
		t.Errorf("%s: Recommended is not the first option", name)
	}
	for _, o := range cu.Options {
		switch o.Kind {
		case CureTopUp:
			if o.Plan != q.Plan || len(q.Limits()) > 0 || !q.CanTopUp || q.Fits {
				t.Errorf("%s: a top-up offered for a month it cannot cure (blocked %q)", name, q.Blocked)
			}
			if o.TopUp.Credits < q.Short {
				t.Errorf("%s: top-up of %v does not cover %v short", name, o.TopUp.Credits, q.Short)
			}
		case CurePlan:
			moved := p.Clone()
			moved.Plan, moved.Billing, moved.HasBalance = o.Plan.ID, o.Billing, false
			mq, err := c.Quote(moved)
			if err != nil {
				t.Fatal(err)
			}
			if len(mq.Blocked) > 0 || mq.Cost != o.Total || mq.TopUp.Cost != o.TopUp.Cost {
				t.Errorf("%s: moving to %s billed %v does not make the month for %v: blocked %q, cost %v",
					name, o.Plan.ID, o.Billing, o.Total, mq.Blocked, mq.Cost)
			}
		}
	}
	if cu.Fit != nil {
		fq, err := c.Quote(cu.Fit.Apply(p))
		if err != nil {
			t.Fatal(err)
		}
		if !fq.Fits || len(fq.Blocked) > 0 {
			t.Errorf("%s: the fit cure leaves the month short %v or blocked %q", name, fq.Short, fq.Blocked)
		}
	}
	if cu.Needed && !p.HasBalance {
		rs := c.RightSize(p)
		switch {
		case rs.Best == nil:
			if cu.Recommended != nil {
				t.Errorf("%s: Cures recommends %s, RightSize nothing", name, cu.Recommended.Plan.ID)
			}
		case cu.Recommended == nil:
			if !cu.PlanBlocked && rs.Best.Plan == q.Plan && !q.CanTopUp {
				break
			}
			t.Errorf("%s: Cures recommends nothing, RightSize %s billed %v", name, rs.Best.Plan.ID, rs.Best.Billing)
		case cu.Recommended.Plan != rs.Best.Plan || cu.Recommended.Billing != rs.Best.Billing || cu.Recommended.Total != rs.Best.Total:
			t.Errorf("%s: Cures recommends %s billed %v for %v, RightSize %s billed %v for %v", name,
				cu.Recommended.Plan.ID, cu.Recommended.Billing, cu.Recommended.Total, rs.Best.Plan.ID, rs.Best.Billing, rs.Best.Total)
		}
	}
	return cu
}

func TestCuresOfTheExamples(t *testing.T) {
	c := defaultCard(t)
	for name, src := range exampleSources(t, c) {
		p, err := ParseProject(name, src, c)
		if err != nil {
			t.Fatal(err)
		}
		checkCure(t, c, name, p)
		// Every plan of the card, fresh and mid-cycle.
		for _, plan := range c.Plans {
			moved := p.Clone()
			moved.Plan = plan.ID
			checkCure(t, c, name+" on "+plan.ID, moved)
			moved.HasBalance, moved.Balance = true, 150
			checkCure(t, c, name+" on "+plan.ID+" with 150", moved)
		}
	}
}

func TestCuresOfABlockedMonthOfferNoTopUp(t *testing.T) {
	c := defaultCard(t)
	for _, tc := range []struct {
		name string
		v    Video
		lead string
	}{
		{"4K", video(c, "Promo", 150, map[string]string{"avatar": "avatar-iv", "resolution": "4k"}),
			`Creator cannot make this month: “Promo” needs 4K, above Creator's 1080p maximum.`},
		{"45 minutes", video(c, "Webinar", 45*60, map[string]string{"avatar": "avatar-iv"}),
			`Creator cannot make this month: “Webinar” is 45m, longer than Creator's 30m maximum.`},
	} {
		p := &Project{Plan: "creator", Seats: 1, Videos: []Video{tc.v, video(c, "Explainer", 20*60, map[string]string{"avatar": "avatar-iv"})}}
		cu := checkCure(t, c, tc.name, p)
		if !cu.PlanBlocked || cu.Lead() != tc.lead {
			t.Errorf("%s: lead %q, want %q", tc.name, cu.Lead(), tc.lead)
		}
		if cu.Short == 0 {
			t.Errorf("%s: the month should also be short on Creator, to prove the top-up is withheld", tc.name)
		}
		for _, o := range cu.Options {
			if o.Kind == CureTopUp || o.Plan.ID == "creator" {
				t.Errorf("%s: offered %+v on Creator", tc.name, o)
			}
		}
		if cu.Recommended == nil || cu.Recommended.Kind != CurePlan {
			t.Fatalf("%s: no plan recommended: %+v", tc.name, cu.Options)
		}
		if cu.Fit != nil {
			t.Errorf("%s: substitutions offered on a plan they cannot cure", tc.name)
		}
	}
}

func TestCuresOfAShortMonthOfferTheTopUp(t *testing.T) {
	c := defaultCard(t)
	p := &Project{Plan: "creator", Seats: 1, Videos: []Video{video(c, "Explainer", 20*60, map[string]string{"avatar": "avatar-iv"})}}
	cu := checkCure(t, c, "short", p)
	if cu.PlanBlocked || cu.Lead() != "" {
		t.Errorf("a short month is said blocked: %q", cu.Lead())
	}
	if cu.Recommended == nil || cu.Recommended.Kind != CureTopUp || cu.Recommended.Plan.ID != "creator" {
		t.Fatalf("recommended %+v, want a top-up on Creator", cu.Recommended)
	}
	if !strings.Contains(cu.Recommended.TopUp.Describe(c), "300") {
		t.Errorf("top-up %q", cu.Recommended.TopUp.Describe(c))
	}
}

// TestCuresQuoteIsCuresWithoutTheFit: for a month already quoted, in full or
// by Requote after a change to one video or to the settings, CuresQuote is
// exactly Cures less its substitutions.
func TestCuresQuoteIsCuresWithoutTheFit(t *testing.T) {
	c := defaultCard(t)
	same := func(name string, q *Quote, p *Project) {
		t.Helper()
		got, err := c.CuresQuote(q, p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := c.Cures(p)
		if err != nil {
			t.Fatal(err)
		}
		want.Fit = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: CuresQuote\n%+v\nCures\n%+v", name, got, want)
		}
	}
	for name, src := range exampleSources(t, c) {
		p, err := ParseProject(name, src, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, plan := range c.Plans {
			p := p.Clone()
			p.Plan = plan.ID
			q, err := c.Quote(p)
			if err != nil {
				t.Fatal(err)
			}
			same(name+" on "+plan.ID, q, p)
			if len(p.Videos) == 0 {
				continue
			}
			p.Videos[0].Seconds = 45 * 60 // longer than Creator allows
			if q, err = c.Requote(q, p, 0); err != nil {
				t.Fatal(err)
			}
			same(name+" on "+plan.ID+", a video made 45m", q, p)
			p.HasBalance, p.Balance = true, 150
			if q, err = c.Requote(q, p, NoVideoChanged); err != nil {
				t.Fatal(err)
			}
			same(name+" on "+plan.ID+" with 150 left", q, p)
		}
	}
	// A quote of another month is not read.
	p := &Project{Plan: "creator", Seats: 1, Videos: []Video{video(c, "Explainer", 20*60, map[string]string{"avatar": "avatar-iv"})}}
	other, _ := c.Quote(&Project{Plan: "pro", Seats: 1})
	same("a quote of another month", other, p)
}
