package pricing

import (
	"math/bits"
	"strconv"
)

// The proposal: what a salesperson sends after the call.
//
// A proposal is the month priced on every plan of the card, the plan it
// proposes and why, what each plan gives (credits, about how many minutes of
// each premium feature those credits buy, limits, seats, watermark), the
// proposed plan's year on both billings, every plan's year cost on both
// billings (for the chart), and the card it rests on. Everything in it comes
// from RightSize, Compare and Year: a proposal adds no pricing rule of its
// own, so it can never disagree with the planner.

// ProposalOptions are what the command line may change about a proposal.
type ProposalOptions struct {
	// Plan is the id of the plan to propose; "" proposes the recommended one.
	Plan string
	// Billing is the billing to propose; nil proposes the recommended
	// option's billing (or the project's when no plan can make the month).
	Billing *Billing
	// PreparedOn is the date the proposal is made, YYYY-MM-DD.
	PreparedOn string
	// Version is creditplan's version, shown in the footer.
	Version string
}

// Proposal is a proposal's content, ready for the writers.
type Proposal struct {
	Card    *RateCard
	Project *Project
	Options ProposalOptions
	// Premium is what the month spends; FinishedSeconds how much video it
	// finishes; Videos how many videos it makes.
	Premium         Credits
	FinishedSeconds int64
	Videos          int64
	// Recommended is the cheapest way to make the month (RightSize's best),
	// nil when no priced plan can make it.
	Recommended *SizeOption
	// Proposed is the plan proposed: Options.Plan, else the recommended
	// plan, else the project's; ProposedBilling its billing.
	Proposed        *Plan
	ProposedBilling Billing
	// Why says in sentences why the proposed plan is proposed.
	Why []string
	// Plans is every plan of the card, in card order.
	Plans []ProposalPlan
	// Year is the proposed plan's year (both billings: Year.Monthly, Year.Annual).
	Year *YearResult
	// BreakEvens are RightSize's sentences on where neighbouring plans cross.
	BreakEvens []string
}

// ProposalPlan is one plan as a proposal compares it.
type ProposalPlan struct {
	Plan *Plan
	// Proposed marks the plan proposed; Recommended the cheapest that makes the month.
	Proposed, Recommended bool
	// Gives lists about how much of each premium feature the plan offers
	// its credits buy.
	Gives []FeatureAmount
	// MaxLength ("30m", "no limit"), Resolution ("1080p", "no limit") and
	// Seats ("1, extra $15.00 a month each", "1, no extra") say what the
	// plan allows.
	MaxLength, Resolution, Seats string
	// Standing is where this month stands on the plan with its own credits.
	Standing Standing
	// MonthCost is one month of this project (plan, extra seats, top-ups) on
	// each billing, indexed by Billing; YearCost the year, as Year plays it.
	MonthCost [2]Money
	YearCost  [2]Money
}

// FeatureAmount is about how much of one premium feature a number of credits buys.
type FeatureAmount struct {
	Feature *Feature
	// Amount is whole units (minutes, videos, clips, generations), rounded
	// down: "about 66 minutes" never promises more than the credits buy.
	Amount int64
	// Unit names the unit for the amount: "minutes", "language-minutes", "videos".
	Unit string
}

// Text is the amount for people: "about 66 minutes of Avatar IV".
func (a FeatureAmount) Text() string {
	unit := a.Unit
	if a.Amount == 1 {
		unit = unit[:len(unit)-1]
	}
	of := " of "
	if a.Feature.Unit == PerVideo {
		of = " with "
	}
	return "about " + formatFixed(a.Amount, 0, true) + " " + unit + of + a.Feature.Name
}

// Proposal prices the project for a proposal. It fails only when
// Options.Plan names no plan of the card.
func (c *RateCard) Proposal(p *Project, o ProposalOptions) (*Proposal, error) {
	rs := c.RightSize(p)
	cmp := c.Compare(p)
	pr := &Proposal{Card: c, Project: p, Options: o, Premium: rs.Premium, FinishedSeconds: p.FinishedSeconds()}
	for i := range p.Videos {
		pr.Videos = plus(pr.Videos, int64(p.Videos[i].Count))
	}
	pr.Recommended = rs.Best
	switch {
	case o.Plan != "":
		plan, ok := c.Plan(o.Plan)
		if !ok {
			return nil, &unknownPlanError{id: o.Plan, ids: c.PlanIDs()}
		}
		pr.Proposed = plan
	case rs.Best != nil:
		pr.Proposed = rs.Best.Plan
	default:
		plan, err := c.projectPlan(p)
		if err != nil {
			return nil, err
		}
		pr.Proposed = plan
	}
	pr.ProposedBilling = p.Billing
	if rs.Best != nil && o.Plan == "" {
		pr.ProposedBilling = rs.Best.Billing
	}
	if o.Billing != nil {
		pr.ProposedBilling = *o.Billing
	}
	for i := range c.Plans {
		plan := &c.Plans[i]
		pp := ProposalPlan{
			Plan: plan, Proposed: plan == pr.Proposed,
			Recommended: rs.Best != nil && rs.Best.Plan == plan,
			Gives:       c.PlanGives(plan),
			MaxLength:   "no limit", Resolution: "no limit",
			Seats:    c.seatsText(plan),
			Standing: cmp.Options[i].Standing,
		}
		if plan.MaxSeconds > 0 {
			pp.MaxLength = FormatLength(plan.MaxSeconds)
		}
		if plan.MaxHeight > 0 {
			pp.Resolution = c.ResolutionName(plan.MaxHeight)
		}
		pp.MonthCost = [2]Money{cmp.Options[i].MonthlyTotal, cmp.Options[i].AnnualTotal}
		y := c.Year(p, plan, pr.ProposedBilling)
		pp.YearCost = [2]Money{y.Monthly.Cost, y.Annual.Cost}
		if plan == pr.Proposed {
			pr.Year = y
		}
		pr.Plans = append(pr.Plans, pp)
	}
	for i := range rs.BreakEvens {
		pr.BreakEvens = append(pr.BreakEvens, rs.BreakEvens[i].Text(c))
	}
	pr.Why = c.proposalWhy(pr, rs)
	pr.Why = append(pr.Why, c.oneTimeWhy(p, pr.Proposed)...)
	return pr, nil
}

// unknownPlanError is a --plan the card does not have.
type unknownPlanError struct {
	id  string
	ids []string
}

func (e *unknownPlanError) Error() string {
	return "unknown plan " + strconv.Quote(e.id) + DidYouMean(e.id, e.ids)
}

// seatsText says how many seats the plan's price covers and what more cost.
func (c *RateCard) seatsText(plan *Plan) string {
	s := itoa(max(plan.IncludedSeats, 1))
	if plan.ExtraSeats {
		return s + ", extra " + c.Money(plan.SeatPrice) + " a month each"
	}
	return s + ", no extra"
}

// PlanGives is about how many minutes of each premium feature charged by
// length (per minute, second or language-minute) the plan offers its
// cycle's credits buy, in card order.
func (c *RateCard) PlanGives(plan *Plan) []FeatureAmount {
	var out []FeatureAmount
	for i := range c.Features {
		f := &c.Features[i]
		if !f.Premium || f.Rate <= 0 || !f.Unit.IsTime() || !c.Offers(plan, f.ID) {
			continue
		}
		out = append(out, FeatureAmount{Feature: f, Amount: unitsFor(plan.Credits, f), Unit: unitPlural(f.Unit)})
	}
	return out
}

// unitsFor is how many whole units of f the credits buy at its rate,
// rounded down (per-second rates counted in minutes).
func unitsFor(credits Credits, f *Feature) int64 {
	if credits <= 0 || f.Rate <= 0 {
		return 0
	}
	den := uint64(f.Rate)
	if f.Unit == PerSecond {
		hi, lo := bits.Mul64(den, 60)
		if hi != 0 {
			return 0
		}
		den = lo
	}
	return int64(uint64(credits) / den)
}

// unitPlural names a unit's plural for amounts.
func unitPlural(u Unit) string {
	switch u {
	case PerMinute, PerSecond:
		return "minutes"
	case PerLanguageMinute:
		return "language-minutes"
	case PerVideo:
		return "videos"
	case PerClip:
		return "clips"
	}
	return "generations"
}

// proposalWhy explains the proposed plan in sentences.
func (c *RateCard) proposalWhy(pr *Proposal, rs *RightSize) []string {
	var why []string
	var proposed *ProposalPlan
	for i := range pr.Plans {
		if pr.Plans[i].Proposed {
			proposed = &pr.Plans[i]
		}
	}
	s := &proposed.Standing
	switch {
	case rs.Best == nil:
		why = append(why, "No plan with a public price can make this month as planned; "+pr.Proposed.Name+" is shown as asked.")
	case rs.Best.Plan == pr.Proposed && rs.Best.Billing == pr.ProposedBilling:
		why = append(why, pr.Proposed.Name+" is the cheapest way to make this month: "+rs.Best.Text(c)+".")
	case rs.Best.Plan == pr.Proposed:
		why = append(why, pr.Proposed.Name+" is the cheapest plan for this month ("+rs.Best.Text(c)+"); this proposal prices it billed "+billedWord(pr.ProposedBilling)+".")
	default:
		why = append(why, pr.Proposed.Name+" is proposed as asked; the cheapest way to make this month is "+rs.Best.Text(c)+".")
	}
	switch {
	case pr.Proposed.ContactSales:
		why = append(why, pr.Proposed.Name+" has no public price: contact sales.")
	case len(s.Blocked) > 0:
		for _, b := range s.Blocked {
			why = append(why, pr.Proposed.Name+" cannot make the month: "+b+".")
		}
	case s.Fits:
		why = append(why, "Its "+c.CreditWord(pr.Proposed.Credits)+" a month cover the month's "+c.CreditWord(pr.Premium)+", with "+c.CreditWord(s.Remaining)+" to spare.")
	default:
		why = append(why, "Its "+c.CreditWord(pr.Proposed.Credits)+" a month fall "+c.CreditWord(s.Short)+" short of the month's "+c.CreditWord(pr.Premium)+"; "+s.TopUp.Describe(c)+" makes up the difference.")
	}
	if rs.Dominant != nil {
		why = append(why, "Most of the month's credits go to "+rs.Dominant.Name+" ("+c.CreditWord(rs.DominantCredits)+").")
	}
	// A cheaper plan the month cannot use is the first question a customer asks.
	for i := range pr.Plans {
		pp := &pr.Plans[i]
		if pp.Proposed || pp.Plan.ContactSales || len(pp.Standing.Blocked) == 0 || pp.Plan.Price(pr.ProposedBilling) >= pr.Proposed.Price(pr.ProposedBilling) {
			continue
		}
		why = append(why, pp.Plan.Name+" costs less but cannot make the month: "+pp.Standing.Blocked[0]+".")
	}
	return why
}

// ClosingLine is the line every proposal ends with.
func (pr *Proposal) ClosingLine() string {
	return "An estimate, not a contract: prices from " + pr.Card.Name + " as of " + pr.Card.AsOf + "."
}
