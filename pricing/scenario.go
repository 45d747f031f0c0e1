package pricing

// Scenarios: what-ifs of a month, priced side by side.
//
// A project may hold [[scenarios]]: each a name and changes to the month as
// planned (Scenario). A salesperson uses them to show a customer "what if you
// moved to Pro annual" or "what if you switched Avatar IV for Avatar III"
// without touching the month itself. The rules:
//
//   - A scenario is applied to a clone of the project (ApplyScenario): the
//     project itself never changes, so the month as planned stays the first
//     row and every scenario is compared against it.
//   - Plan, billing, seats and balance, when given, replace the project's own.
//   - Substitutions swap one feature for another of the same slot in every
//     video of the month (Avatar IV → Avatar III). They are applied at once,
//     not one after another: a → b and b → c turn a into b, not into c. A
//     substitution across slots (an avatar for a voice) is refused when the
//     file is read.
//   - Volume multiplies every video's count, rounded up to whole videos: a
//     month cannot make half a video, and a quote that rounds down comes up
//     short. 1.5 times a video made twice is 3; made once, 2.
//   - The month as changed is priced through the standing core (Stand, Year):
//     a scenario's credits, fit and costs are exactly what Quote and Year say
//     of that month, never added up another way.

// Substitution swaps one feature for another of the same slot across the month.
type Substitution struct {
	From, To string
}

// Scenario is a named set of changes to the month as planned. A nil field, an
// empty Plan, no Substitute and a zero Volume each leave that part as planned.
type Scenario struct {
	Name string
	// Plan is the id of the plan the scenario is on; "" keeps the project's.
	Plan    string
	Billing *Billing
	Seats   *int
	// Balance is the credits left in the current cycle; nil keeps the
	// project's (its balance, or the plan's full cycle).
	Balance    *Credits
	Substitute []Substitution
	// Volume multiplies every video's count, in thousandths (1500 = 1.5);
	// 0 leaves the counts as planned.
	Volume int64
	// ID tells the planner's scenarios apart across edits, so that a save
	// edits each scenario's own table in the file (see EditProject), as
	// Video.ID does for videos. 0 is a scenario no file holds yet;
	// ParseProject leaves it 0, and nothing prices it.
	ID int
}

// Clone returns a deep copy of the scenario.
func (s Scenario) Clone() Scenario {
	if s.Billing != nil {
		b := *s.Billing
		s.Billing = &b
	}
	if s.Seats != nil {
		n := *s.Seats
		s.Seats = &n
	}
	if s.Balance != nil {
		b := *s.Balance
		s.Balance = &b
	}
	s.Substitute = append([]Substitution(nil), s.Substitute...)
	return s
}

// ScenarioAsPlanned is the name of the row that shows the month as planned
// before the scenarios.
const ScenarioAsPlanned = "As planned"

// ApplyScenario returns the month as the scenario changes it: a clone of p,
// so p itself is untouched.
func ApplyScenario(p *Project, s *Scenario) *Project {
	q := p.Clone()
	if s.Plan != "" {
		q.Plan = s.Plan
	}
	if s.Billing != nil {
		q.Billing = *s.Billing
	}
	if s.Seats != nil {
		q.Seats = *s.Seats
	}
	if s.Balance != nil {
		q.Balance, q.HasBalance = *s.Balance, true
	}
	if len(s.Substitute) > 0 {
		swap := make(map[string]string, len(s.Substitute))
		for _, sub := range s.Substitute {
			if _, seen := swap[sub.From]; !seen {
				swap[sub.From] = sub.To
			}
		}
		for i := range q.Videos {
			for slot := range q.Videos[i].Picks {
				if to, ok := swap[q.Videos[i].Picks[slot]]; ok {
					q.Videos[i].Picks[slot] = to
				}
			}
		}
	}
	if s.Volume > 0 && s.Volume != VolumeAsPlanned {
		for i := range q.Videos {
			q.Videos[i].Count = ScaleCount(q.Videos[i].Count, s.Volume)
		}
	}
	return q
}

// ScaleCount is a video's count under a volume multiplier (thousandths),
// rounded up to whole videos; a video made zero times stays at zero.
func ScaleCount(count int, volume int64) int {
	if count <= 0 || volume <= 0 {
		return max(count, 0)
	}
	n := ceilDiv(satMul(int64(count), volume), VolumeAsPlanned)
	return int(min(n, int64(MaxCount)*MaxVolume/VolumeAsPlanned))
}

// ScenarioResult is one row of the side-by-side comparison: a scenario's
// month on its plan and billing.
type ScenarioResult struct {
	Name string
	// Plan is the plan the scenario is on; nil when the card has no such plan
	// (Blocked then says so and nothing is priced).
	Plan    *Plan
	Billing Billing
	// PremiumCredits is what the month as changed spends; Balance the credits
	// at hand for it.
	PremiumCredits Credits
	Balance        Credits
	// Fits is set when PremiumCredits is within Balance (no top-up needed);
	// Remaining is then what is left, otherwise Short is what is missing and
	// TopUp its cheapest top-up (none when the plan sells none that would do).
	Fits      bool
	Remaining Credits
	Short     Credits
	TopUp     TopUpPurchase
	// Usable is set when the plan can make the month (topped up if need be)
	// and has a public price; Blocked says why not.
	Usable  bool
	Blocked []string
	// MonthlyTotal and AnnualTotal are the month's cost on each billing;
	// TotalCost the one for the scenario's billing; YearCost the year's cost
	// (Year of the month as changed, on its billing). All zero for a plan
	// without a public price (ContactSales).
	MonthlyTotal, AnnualTotal, TotalCost Money
	YearCost                             Money
	ContactSales                         bool
	// Project is the month as the scenario changes it.
	Project *Project
}

// Scenarios prices every scenario of the project side by side, in the
// project's order. The month as planned is PlannedScenario.
func (c *RateCard) Scenarios(p *Project) []ScenarioResult {
	out := make([]ScenarioResult, len(p.Scenarios))
	for i := range p.Scenarios {
		out[i] = c.ScenarioOf(p, &p.Scenarios[i])
	}
	return out
}

// ScenarioOf prices one scenario of the project.
func (c *RateCard) ScenarioOf(p *Project, s *Scenario) ScenarioResult {
	return c.scenarioRow(s.Name, ApplyScenario(p, s))
}

// PlannedScenario is the month as planned, as a row beside the scenarios.
func (c *RateCard) PlannedScenario(p *Project) ScenarioResult {
	return c.scenarioRow(ScenarioAsPlanned, p)
}

// scenarioRow prices a month on its own plan and billing through the
// standing core: what Quote and Year say of the same month.
func (c *RateCard) scenarioRow(name string, q *Project) ScenarioResult {
	r := ScenarioResult{Name: name, Billing: q.Billing, Project: q}
	plan, err := c.projectPlan(q)
	if err != nil {
		r.Blocked = []string{err.Error()}
		return r
	}
	st := c.Stand(q, plan, q.BalanceOn(plan))
	r.Plan = plan
	r.PremiumCredits, r.Balance, r.Fits = st.Premium, st.Balance, st.Fits
	r.Remaining, r.Short, r.TopUp = st.Remaining, st.Short, st.TopUp
	r.Usable, r.Blocked = st.Usable(), st.Blocked
	r.ContactSales = plan.ContactSales
	r.MonthlyTotal, r.AnnualTotal = st.Total(Monthly), st.Total(Annual)
	r.TotalCost = st.Cost
	if !plan.ContactSales {
		r.YearCost = c.Year(q, plan, q.Billing).Cost
	}
	return r
}

// ScenarioFrom is the scenario that takes a month from the project as planned
// to the state given: the planner's "save as a scenario".
func ScenarioFrom(name, plan string, billing Billing, seats int, balance *Credits) Scenario {
	s := Scenario{Name: name, Plan: plan, Billing: &billing, Seats: &seats}
	if balance != nil {
		b := *balance
		s.Balance = &b
	}
	return s
}

// SideBySide is the month as planned, then every scenario of the project: the
// rows compare and the planner's Scenarios screen show. It is nil for a
// project with no scenarios.
func (c *RateCard) SideBySide(p *Project) []ScenarioResult {
	if len(p.Scenarios) == 0 {
		return nil
	}
	return append([]ScenarioResult{c.PlannedScenario(p)}, c.Scenarios(p)...)
}
