package pricing

import "fmt"

// Project is one month of videos to be priced: what a creator plans, or what a
// salesperson types in while the customer talks.
type Project struct {
	// Plan is the id of the plan the month is quoted against by default.
	Plan    string
	Billing Billing
	// Balance, when HasBalance is set, is the credits left in the current cycle;
	// otherwise the plan's full cycle of credits is assumed.
	Balance    Credits
	HasBalance bool
	// Seats is how many people use the subscription (at least 1).
	Seats int
	// WatermarkOK is set when a watermark on the videos is acceptable, so a plan
	// that adds one is not ruled out.
	WatermarkOK bool
	// AllowFewerRerenders lets the budget fitter propose cutting re-renders.
	AllowFewerRerenders bool
	// Volume, when set, scales the month for each of the 12 months of a year:
	// each entry is a multiplier in thousandths (1000 = the month as planned).
	Volume []int64
	Videos []Video
	// Customer is who the month is quoted for (the [customer] table); nil: none.
	Customer *Customer
	// PricingFile is the project's pricing = "FILE" as written: a negotiated
	// overlay of the card, relative to the project file; "" for none.
	PricingFile string
	// Scenarios are what-ifs of the month, priced beside it (scenario.go);
	// the month itself is what Videos and the fields above say.
	Scenarios []Scenario
	// OneTime lists the card's one-time charges the project pays, each in
	// its month ([[one_time]]; onetime.go).
	OneTime []OneTimeNeed
	// Budget, when HasBudget is set, is the money the month may cost in the
	// card's currency (budget = 60, --budget; budget.go).
	Budget    Money
	HasBudget bool
}

// Video is one kind of video made this month, Count times.
type Video struct {
	Name  string
	Count int
	// Seconds is the finished length.
	Seconds int
	// Picks holds the id of the feature chosen for each slot.
	Picks [NumSlots]string
	// Languages lists the target languages the video is translated into.
	Languages []string
	// BRollClips is how many b-roll clips the video uses, from the BRoll pick.
	BRollClips int
	// ScriptGenerations is how many script drafts are generated with the Script pick.
	ScriptGenerations int
	// Rerenders is how many times the video is expected to be rendered again
	// after the first time; each one charges re-rendered features again.
	Rerenders int
	// ID tells the planner's videos apart across edits, so that a save edits
	// each video's own table in the file (see EditProject). 0 is a video no file
	// holds yet. ParseProject leaves it 0, and nothing prices it.
	ID int
	// ScriptWords, when above 0, is how many words the video's script has
	// (script_words, or counted from ScriptFile); Seconds then follows from
	// it at the voice's pace (RateCard.ApplyScript, script.go).
	ScriptWords int
	// ScriptFile is the video's script = "FILE" as written, relative to the
	// project's folder; "" for none.
	ScriptFile string
	// ScriptLanguage is the language the script is written in (script_language,
	// a canonical tag), which picks the card's pace for it; "" when not said.
	ScriptLanguage string
	// Drafts is how many review drafts are rendered before the final render,
	// at DraftResolution (a resolution feature's id; "" for the cheapest the
	// plan offers). See drafts.go.
	Drafts          int
	DraftResolution string
}

// NewVideo returns a one-minute draft video with the card's defaults in every slot.
func (c *RateCard) NewVideo(name string) Video {
	v := Video{Name: name, Count: 1, Seconds: 60}
	v.Picks = c.Defaults
	return v
}

// NewProject returns an empty month on the given plan with one draft video.
func (c *RateCard) NewProject(planID string) *Project {
	if _, ok := c.Plan(planID); !ok && len(c.Plans) > 0 {
		planID = c.Plans[0].ID
	}
	return &Project{Plan: planID, Seats: 1, Videos: []Video{c.NewVideo("Draft video")}}
}

// Clone returns a deep copy of the project, so edits to it leave p untouched.
func (p *Project) Clone() *Project {
	q := *p
	q.Volume = append([]int64(nil), p.Volume...)
	q.Customer = p.Customer.Clone()
	q.OneTime = append([]OneTimeNeed(nil), p.OneTime...)
	q.Videos = make([]Video, len(p.Videos))
	for i, v := range p.Videos {
		q.Videos[i] = v.Clone()
	}
	if p.Scenarios != nil {
		q.Scenarios = make([]Scenario, len(p.Scenarios))
		for i, s := range p.Scenarios {
			q.Scenarios[i] = s.Clone()
		}
	}
	return &q
}

// Clone returns a deep copy of the video.
func (v Video) Clone() Video {
	v.Languages = append([]string(nil), v.Languages...)
	return v
}

// FinishedSeconds is the length of every finished copy of every video in the month
// (re-renders are not finished minutes).
func (p *Project) FinishedSeconds() int64 {
	var s int64
	for i := range p.Videos {
		s += int64(p.Videos[i].Seconds) * int64(p.Videos[i].Count)
	}
	return s
}

// projectPlan is the plan the project names on this card, or the error every
// command gives for a plan the card does not have.
func (c *RateCard) projectPlan(p *Project) (*Plan, error) {
	plan, ok := c.Plan(p.Plan)
	if !ok {
		return nil, fmt.Errorf("unknown plan %q; choose one of: %v", p.Plan, c.PlanIDs())
	}
	return plan, nil
}

// BalanceOn is the credits the month starts from on a plan: the project's
// balance when it gives one, otherwise the plan's credits for a fresh cycle.
func (p *Project) BalanceOn(plan *Plan) Credits {
	if p.HasBalance {
		return p.Balance
	}
	return plan.Credits
}
