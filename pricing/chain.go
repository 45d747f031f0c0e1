package pricing

// The alternative chain.
//
// A feature may name a cheaper Alternative for its slot, and that one another:
// Studio avatar -> Photo avatar -> Basic avatar. Quote and Fit walk the same
// chain by the same rule:
//
//   - the chain starts after the feature itself and follows Alternative links
//     until a link is missing or comes back round (the loader forbids cycles;
//     a hand-built card might not), so it has at most len(Features) steps;
//   - a step the plan cannot use (not offered, or a resolution above the plan's
//     maximum) is skipped and the chain followed on past it;
//   - the reason for landing on a step is the AlternativeReason of the link
//     that arrives at it: the card writes each reason about the alternative it
//     names ("audio dubbing is unlimited..."), so a switch from Studio straight to
//     Basic gives the Photo -> Basic reason, not the Studio -> Photo one.
//
// Quote offers the first step the plan can use (when it saves credits); Fit
// chooses among every step.

// chainStep is one feature down a chain and the card's reason for it.
type chainStep struct {
	feature int // index into RateCard.Features
	reason  string
}

// chainSteps lists the steps down f's chain that the plan can use (every step
// when plan is nil), nearest first.
func (c *RateCard) chainSteps(plan *Plan, f *Feature) []chainStep {
	var out []chainStep
	cur := f
	for steps := 0; cur.Alternative != "" && steps < len(c.Features); steps++ {
		j, ok := c.featureIndex[cur.Alternative]
		if !ok {
			break
		}
		next := &c.Features[j]
		if next.ID == f.ID {
			break // a cycle back to the start
		}
		if plan == nil || c.Unavailable(plan, next) == "" {
			out = append(out, chainStep{feature: j, reason: cur.AlternativeReason})
		}
		cur = next
	}
	return out
}

// firstStep is the nearest step down f's chain the plan can use.
func (c *RateCard) firstStep(plan *Plan, f *Feature) (chainStep, bool) {
	cur := f
	for steps := 0; cur.Alternative != "" && steps < len(c.Features); steps++ {
		j, ok := c.featureIndex[cur.Alternative]
		if !ok {
			break
		}
		next := &c.Features[j]
		if next.ID == f.ID {
			break
		}
		if plan == nil || c.Unavailable(plan, next) == "" {
			return chainStep{feature: j, reason: cur.AlternativeReason}, true
		}
		cur = next
	}
	return chainStep{}, false
}

// chainReason is the reason for switching from `from` to `to` down from's
// chain: the reason of the link arriving at `to`. It is "" when `to` is not on
// the chain.
func (c *RateCard) chainReason(from, to *Feature) string {
	cur := from
	for steps := 0; cur.Alternative != "" && steps < len(c.Features); steps++ {
		j, ok := c.featureIndex[cur.Alternative]
		if !ok {
			return ""
		}
		if c.Features[j].ID == to.ID {
			return cur.AlternativeReason
		}
		cur = &c.Features[j]
		if cur.ID == from.ID {
			return ""
		}
	}
	return ""
}
