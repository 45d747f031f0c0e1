package pricing

import (
	"reflect"
	"sort"
	"testing"
)

// agreementMonths are the example months on the default card, the 1,000-video
// month, and absurd months whose every sum and product saturates.
func agreementMonths(t *testing.T) map[string]struct {
	c *RateCard
	p *Project
} {
	t.Helper()
	out := map[string]struct {
		c *RateCard
		p *Project
	}{}
	c := defaultCard(t)
	for name, src := range exampleSources(t, c) {
		out[name] = struct {
			c *RateCard
			p *Project
		}{c, opened(t, name, src, c)}
	}
	out["1,000 videos"] = struct {
		c *RateCard
		p *Project
	}{c, thousandVideoMonth(c, "creator")}

	a := absurdCard(t)
	v := a.NewVideo("Long")
	v.Picks[SlotAvatar] = "absurd"
	v.Seconds, v.Count, v.Rerenders = MaxVideoSeconds, 2, MaxRerenders
	w := a.NewVideo("Short")
	w.Picks[SlotAvatar] = "absurd"
	w.Seconds, w.Count = 1, 3
	out["saturating"] = struct {
		c *RateCard
		p *Project
	}{a, &Project{Plan: "huge", Seats: 10000, Videos: []Video{w, v, w}}}
	out["saturating, annual"] = struct {
		c *RateCard
		p *Project
	}{a, &Project{Plan: "huge", Seats: 1, Billing: Annual, Videos: []Video{v}}}
	return out
}

// TestEveryWayOfAddingUpTheMonthAgrees: the premium total of a month is one
// number whichever screen asks for it (Quote, Compare, RightSize, Year, Fit and
// the standing of a plan), on ordinary months and on months that saturate.
func TestEveryWayOfAddingUpTheMonthAgrees(t *testing.T) {
	for name, m := range agreementMonths(t) {
		c, p := m.c, m.p
		want := c.MonthPremium(p)
		q, err := c.Quote(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		y, err := c.YearProject(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// A plan's standing spends the month's one-time credits on top of its
		// videos (onetime.go): they are the plan's, apart from the month's total.
		once := q.OneTimeCredits
		got := map[string]Credits{
			"Quote":     q.Premium - once,
			"Compare":   c.Compare(p).Premium,
			"RightSize": c.RightSize(p).Premium,
			"Year":      y.MonthCredits,
			"Fit":       c.Fit(p, q.Plan, q.Balance).Before - once,
			"Stand":     c.Stand(p, q.Plan, q.Balance).Premium - once,
		}
		var sum Credits
		for i := range q.Videos {
			sum = plus(sum, q.Videos[i].Credits)
		}
		got["Quote's videos"] = sum
		for way, g := range got {
			if g != want {
				t.Errorf("%s: %s adds the month up to %s, MonthPremium to %s", name, way, g, want)
			}
		}
		if name == "saturating" && want != Credits(maxAmount) {
			t.Errorf("the saturating month adds up to %d, not the ceiling", want)
		}
	}
}

// TestEveryScreenStatesAPlanAsStandDoes: what Quote, Compare and RightSize say
// of a plan for a month (fits, short, remaining, top-up, blocked, cost) is its
// standing, worked out once.
func TestEveryScreenStatesAPlanAsStandDoes(t *testing.T) {
	for name, m := range agreementMonths(t) {
		c := m.c
		for _, billing := range []Billing{Monthly, Annual} {
			p := m.p.Clone()
			p.Billing = billing
			cmp := c.Compare(p)
			rs := c.RightSize(p)
			for i := range c.Plans {
				plan := &c.Plans[i]
				where := name + ", " + billing.Key() + ", " + plan.ID
				fresh := c.Stand(p, plan, plan.Credits)
				o := cmp.Options[i]
				if o.Fits != fresh.Fits || o.Short != fresh.Short || o.Remaining != fresh.Remaining ||
					o.CanTopUp != fresh.CanTopUp || !reflect.DeepEqual(o.TopUp, fresh.TopUp) ||
					!reflect.DeepEqual(o.Blocked, fresh.Blocked) || o.Total != fresh.Cost ||
					o.MonthlyTotal != fresh.Total(Monthly) || o.AnnualTotal != fresh.Total(Annual) {
					t.Errorf("%s: compare %+v, standing %+v", where, o, fresh)
				}
				if o.Usable() != fresh.Usable() {
					t.Errorf("%s: compare usable %v, standing %v", where, o.Usable(), fresh.Usable())
				}
				checkRightSize(t, where, rs, plan, fresh)

				p.Plan = plan.ID
				q, err := c.Quote(p)
				if err != nil {
					t.Fatal(err)
				}
				s := c.Stand(p, plan, q.Balance)
				if q.Fits != s.Fits || q.Short != s.Short || q.Remaining != s.Remaining ||
					!reflect.DeepEqual(q.TopUp, s.TopUp) || !reflect.DeepEqual(q.Blocked, s.Blocked) || q.Cost != s.Cost {
					t.Errorf("%s: quote fits %v short %s left %s blocked %q cost %s; standing %+v",
						where, q.Fits, q.Short, q.Remaining, q.Blocked, c.Money(q.Cost), s)
				}
				if len(s.Limits()) > len(s.Blocked) || !reflect.DeepEqual(s.Limits(), c.Blocked(plan, p)) {
					t.Errorf("%s: limits %q, Blocked %q", where, s.Limits(), c.Blocked(plan, p))
				}
			}
		}
	}
}

// checkRightSize holds RightSize's view of a plan to its standing: blocked for
// the same reasons, or offered under both billings at the standing's prices.
func checkRightSize(t *testing.T, where string, rs *RightSize, plan *Plan, s Standing) {
	t.Helper()
	if plan.ContactSales {
		return
	}
	var reasons []string
	for _, b := range rs.Blocked {
		if b.Plan == plan {
			reasons = b.Reasons
		}
	}
	var totals []Money
	for _, o := range rs.Options {
		if o.Plan == plan {
			if o.Price != s.Price(o.Billing) || o.Total != s.Total(o.Billing) || !reflect.DeepEqual(o.TopUp, s.TopUp) {
				t.Errorf("%s: rightsize %s, standing price %s total %s", where, o.Text(rs.Card), rs.Card.Money(s.Price(o.Billing)), rs.Card.Money(s.Total(o.Billing)))
			}
			totals = append(totals, o.Total)
		}
	}
	if !reflect.DeepEqual(reasons, s.Blocked) {
		t.Errorf("%s: rightsize blocks for %q, standing %q", where, reasons, s.Blocked)
	}
	if len(s.Blocked) == 0 && len(totals) != 2 {
		t.Errorf("%s: rightsize offers %d options, want one per billing", where, len(totals))
	}
	if !sort.SliceIsSorted(rs.Options, func(i, j int) bool { return rs.Options[i].Total < rs.Options[j].Total }) {
		t.Errorf("%s: rightsize options not cheapest first", where)
	}
}

// TestFitStatesThePlanAsStandDoes: what Fit says of the month once its changes
// are made (spent, fits, short, top-up, what still blocks the plan) is the
// standing of the changed month against the balance it fits into.
func TestFitStatesThePlanAsStandDoes(t *testing.T) {
	for name, m := range agreementMonths(t) {
		c := m.c
		for i := range c.Plans {
			plan := &c.Plans[i]
			balances := []Credits{0, plan.Credits, c.MonthPremium(m.p) / 2, -WholeCredits(5)}
			if len(m.p.Videos) > 100 {
				balances = balances[1:2] // a big month's fit is slow to solve; one balance will do
			}
			for _, balance := range balances {
				r := c.Fit(m.p, plan, balance)
				s := c.Stand(r.Apply(m.p), plan, max(balance, 0))
				if r.After != s.Premium || r.Fits != s.Fits || r.Short != s.Short || r.CanTopUp != s.CanTopUp ||
					!reflect.DeepEqual(r.TopUp, s.TopUp) || !reflect.DeepEqual(r.Blocked, s.Limits()) {
					t.Errorf("%s, %s, balance %s: fit after %s fits %v short %s top-up %v blocked %q; standing %+v",
						name, plan.ID, balance, r.After, r.Fits, r.Short, r.CanTopUp, r.Blocked, s)
				}
			}
		}
	}
}
