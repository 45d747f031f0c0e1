package report

import (
	"strings"

	"creditplan/pricing"
)

// The sentences below are the ones the planner (package ui) shows as well as
// the reports: each is written once, here or in the report that prints it, so
// the planner and `creditplan quote`, `fit` and `year` never word a month
// differently. The planner lays them out (wraps, clips, colours); it does not
// rewrite them.

// FitVerdict says in one sentence where a fitted month stands: already
// fitting, brought within the balance (keeping a share of its premium value),
// or short even with every substitution.
func FitVerdict(r *pricing.FitResult) string { return fitVerdict(r) }

// FitBalance is a fit's use against its balance: "12 left" or "438 short".
func FitBalance(r *pricing.FitResult, use pricing.Credits) string { return balanceWord(r, use) }

// FitRemedies is what would cover a month the fitter cannot bring within its
// balance: the smallest top-up (or that the plan sells none) and the plan
// whose own credits cover it.
func FitRemedies(r *pricing.FitResult) []string { return fitRemedies(r) }

// FitApproximate is FitApproximateNote for a fit whose exact table was over
// the fitter's budget (pricing.FitTableTooLarge), the usual reason.
const FitApproximate = "Approximate: " + approximateTable + "."

// FitApproximateNote says why a fit is approximate, by its ApproximateReason:
// over the memory and work budget of an exact fit (chosen by least value lost
// per credit saved), or too many re-render and feature combinations for some
// videos (the best among an even spread of them), or both. It is "" for an
// exact fit.
func FitApproximateNote(r *pricing.FitResult) string {
	if r.Exact {
		return ""
	}
	var parts []string
	if r.ApproximateReason&pricing.FitTableTooLarge != 0 || r.ApproximateReason == 0 {
		parts = append(parts, approximateTable)
	}
	if r.ApproximateReason&pricing.FitOptionsThinned != 0 {
		parts = append(parts, approximateThinned)
	}
	return "Approximate: " + strings.Join(parts, "; ") + "."
}

const (
	approximateTable = "an exact fit of this month is over the fitter's memory and work budget, " +
		"so the changes were chosen by least premium value lost per credit saved"
	approximateThinned = "some videos have too many combinations of re-renders and features to try them all, " +
		"so theirs are the best among an even spread of them"
)

// PremiumMinutes writes a premium value (weighted premium seconds) as minutes
// to a tenth, rounded half up, the whole minutes grouped: "52.5", "2,880" (a
// negative value keeps its sign).
func PremiumMinutes(v int64) string { return premiumMinutes(v) }

// RolloverText says how a plan's unused credits expire (and whether annual
// billing grants the year's credits up front), so a year can be read.
func RolloverText(p *pricing.Plan) string { return rolloverText(p) }

// YearSummary is the sentences under a year's table, in order: the credits
// wasted, the months short, the top-ups bought (when any), the credits carried
// past month 12 (when any), then either the cost of each billing and
// BillingVerdict, or that the plan has no public price.
func YearSummary(y *pricing.YearResult) []string { return yearSummary(y) }

// YearCost is a year's cost for tables, or pricing.ContactSales.
func YearCost(y *pricing.YearResult, m pricing.Money) string { return yearCost(y, m) }

// YearBrief is the year's summary in two short lines, for a screen too short
// for YearSummary: waste, months short and top-ups; then the cost of each
// billing with which suits the pattern (or that the plan has no public price).
func YearBrief(y *pricing.YearResult) [2]string {
	c := y.Card
	waste := "Wasted " + y.Expired.Grouped() + " · " + pricing.Plural(y.MonthsShort, "month") + " short"
	if y.MonthsToppedUp > 0 {
		waste += " · top-ups " + y.Bought.Grouped() + " for " + yearCost(y, y.TopUps)
	}
	if y.ContactSales {
		return [2]string{waste, yearContactSales(y)}
	}
	return [2]string{waste, "Year: monthly " + c.Money(y.Monthly.Cost) + ", annual " + c.Money(y.Annual.Cost) + ": " + briefVerdict(y)}
}

// yearContactSales is YearSummary's last sentence for a plan with no public price.
func yearContactSales(y *pricing.YearResult) string {
	s := yearSummary(y)
	return s[len(s)-1]
}

// briefVerdict is BillingVerdict in a few words: "annual is cheaper by $60.00 a year".
func briefVerdict(y *pricing.YearResult) string {
	name := "monthly"
	if y.Cheaper == pricing.Annual {
		name = "annual"
	}
	switch {
	case y.SameCost:
		return "both cost the same"
	case y.Monthly.Short != y.Annual.Short:
		return name + " leaves less short"
	}
	return name + " is cheaper by " + y.Card.Money(y.CheaperBy) + " a year"
}

// MonthFits says that every copy of the month fits its balance, with what is
// left: "All 15 videos fit: 12 premium credits to spare."
func MonthFits(q *pricing.Quote) string {
	var head string
	switch q.Copies {
	case 0:
		head = "Nothing to make"
	case 1:
		head = "The month's one video fits"
	default:
		head = "All " + pricing.Count(q.Copies) + " videos fit"
	}
	return head + ": " + q.Card.CreditWord(q.Remaining) + " to spare."
}

// RunsOut says at which copy a month's credits run out: "Credits run out at
// video 12 of 15." (empty when the month fits).
func RunsOut(q *pricing.Quote) string {
	if q.RunsOutAt <= 0 {
		return ""
	}
	return "Credits run out at video " + pricing.Count(q.RunsOutAt) + " of " + pricing.Count(q.Copies) + "."
}

// AlreadyFits is the fit verdict of a month that needs no change.
const AlreadyFits = "The month already fits: nothing to change."

// CureFixes are the ways to make a month its plan cannot make as it stands,
// pricing.Cures' options in its order (the recommended one first), each short
// enough for a list in a sentence: "top up 300 premium credits ($39.00 this
// month, annual billing)", "upgrade to Pro ($79.00 this month, annual
// billing)", "switch to Small with 300 premium credits ($25.00 this month,
// monthly billing)". A blocked month is never offered a top-up on its own
// plan: pricing withholds it. It is empty when the month needs no cure or no
// plan can make it.
func CureFixes(c *pricing.RateCard, cu *pricing.Cure) []string {
	if cu == nil {
		return nil
	}
	fix := make([]string, 0, len(cu.Options))
	for i := range cu.Options {
		fix = append(fix, cureFix(c, cu, &cu.Options[i]))
	}
	return fix
}

// cureFix is one cure in CureFixes' words.
func cureFix(c *pricing.RateCard, cu *pricing.Cure, o *pricing.CureOption) string {
	s := CureVerb(cu, o) + " "
	switch {
	case o.Kind == pricing.CureTopUp:
		s += c.CreditWord(o.TopUp.Credits)
	case len(o.TopUp.Packs) > 0:
		s += o.Plan.Name + " with " + c.CreditWord(o.TopUp.Credits)
	default:
		s += o.Plan.Name
	}
	return s + " (" + c.Money(o.Total) + " this month, " + o.Billing.Key() + " billing)"
}

// CureVerb is how a cure moves the month: "top up" on its own plan, "upgrade
// to" a plan dearer than its own (under the month's billing), "switch to" any
// other: a cheaper plan is never called an upgrade.
func CureVerb(cu *pricing.Cure, o *pricing.CureOption) string {
	switch {
	case o.Kind == pricing.CureTopUp:
		return "top up"
	case !cu.Plan.ContactSales && o.Plan.Price(cu.Billing) > cu.Plan.Price(cu.Billing):
		return "upgrade to"
	}
	return "switch to"
}

// CureText says one cure for a list: "Top up 1 × Add-on 300 (300 premium
// credits, $15.00): $44.00 this month on monthly billing", "Switch to Small
// with 1 × Add-on 300 (300 premium credits, $15.00): $25.00 this month on
// annual billing".
func CureText(c *pricing.RateCard, cu *pricing.Cure, o *pricing.CureOption) string {
	s := CureVerb(cu, o)
	if o.Kind == pricing.CureTopUp {
		s += " " + o.TopUp.Describe(c)
	} else {
		s += " " + o.Plan.Name
		if len(o.TopUp.Packs) > 0 {
			s += " with " + o.TopUp.Describe(c)
		}
	}
	return strings.ToUpper(s[:1]) + s[1:] + ": " + c.Money(o.Total) + " this month on " + o.Billing.Key() + " billing"
}

// CureHeading heads the cures of a month that needs one: "To cover the 106
// short, cheapest first:" when the shortfall is the plan's only problem, "To
// make this month, cheapest first:" when the plan is blocked (its Lead says
// why). It is "" when the month needs no cure.
func CureHeading(cu *pricing.Cure) string {
	switch {
	case !cu.Needed:
		return ""
	case cu.PlanBlocked:
		return "To make this month, cheapest first:"
	}
	return "To cover the " + cu.Short.Grouped() + " short, cheapest first:"
}

// CureRecommended says the recommended cure, the cheapest way to make the
// month: "Recommended (cheapest): upgrade to Pro ($79.00 this month, annual
// billing)."
// It is NoPlanCanMake when the month needs a cure and none works, "" when it
// needs none.
func CureRecommended(c *pricing.RateCard, cu *pricing.Cure) string {
	switch {
	case !cu.Needed:
		return ""
	case cu.Recommended == nil:
		return NoPlanCanMake
	}
	return "Recommended (cheapest): " + cureFix(c, cu, cu.Recommended) + "."
}

// CureFit offers a cure's substitutions, which change the month rather than
// make it as planned: "Or change the month: 3 changes bring the month within
// the balance, keeping 41% of its premium value (creditplan fit)." It is ""
// without one; pricing offers it only when it leaves nothing blocking.
func CureFit(cu *pricing.Cure) string {
	if cu.Fit == nil {
		return ""
	}
	return "Or change the month: " + strings.TrimSuffix(fitVerdict(cu.Fit), ".") + " (creditplan fit)."
}

// PlanStanding says in one sentence how a plan of a comparison makes the
// month: no public price, covered with credits to spare, or short (and the
// top-up that covers it, when the plan sells one and nothing else blocks it:
// no top-up lifts a limit, so a blocked plan is offered none).
func PlanStanding(c *pricing.RateCard, o *pricing.PlanOption) string {
	head := o.Plan.Name + ": "
	switch {
	case o.Plan.ContactSales:
		return head + "no public price; " + pricing.ContactSales + "."
	case o.Fits:
		return head + c.CreditWord(o.Plan.Credits) + " a month covers it with " + o.Remaining.Grouped() + " to spare."
	case o.CanTopUp && len(o.Limits()) == 0:
		return head + "short " + c.CreditWord(o.Short) + "; top up " + o.TopUp.Describe(c) + "."
	}
	return head + "short " + c.CreditWord(o.Short) + "."
}

// NoPlanCanMake is said when no plan of the card can make the month.
const NoPlanCanMake = "No plan can make this month as planned."

// InactiveReason says why a slot's feature is not charged for a video.
func InactiveReason(s pricing.Slot) string {
	switch s {
	case pricing.SlotTranslation:
		return "no languages"
	case pricing.SlotBRoll:
		return "no clips"
	case pricing.SlotScript:
		return "no generations"
	}
	return "inactive"
}

// FitValueKept is the premium value a fit keeps, in weighted premium minutes
// and as a share: "Premium value kept: 34.5 of 83.5 weighted premium minutes (41%)".
func FitValueKept(r *pricing.FitResult) string {
	return "Premium value kept: " + premiumMinutes(r.ValueKept) + " of " + premiumMinutes(r.ValueBefore) +
		" weighted premium minutes (" + percentKept(r) + "%)"
}

// FitToCover heads what would cover a month still short after fitting.
func FitToCover(r *pricing.FitResult) string {
	return "To cover the " + r.Short.Grouped() + " still short:"
}

// FitStillBlocked heads what no substitution cures on the fitted plan.
func FitStillBlocked(r *pricing.FitResult) string {
	return "Still blocked on " + r.Plan.Name + " (no substitution cures these):"
}

// CannotMake leads every output of a month its plan cannot make, before any
// cost: "Creator cannot make this month: “Launch” needs 4K, above Creator's
// 1080p maximum." The reasons are pricing's (Standing.Blocked,
// FitResult.Blocked, RateCard.Blocked), joined by "; ". It is "" when nothing
// blocks the plan. It is pricing.Cure's Lead, worded once (pricing.CannotMake).
func CannotMake(plan *pricing.Plan, blocked []string) string {
	return pricing.CannotMake(plan, blocked)
}

// FitChangeLabel is a fit change as its table names it: "Avatar IV → Avatar
// III", or "re-renders 2 → 0".
func FitChangeLabel(ch *pricing.FitChange) string { return changeLabel(ch) }
