package pricing

import (
	"fmt"
	"strconv"
	"strings"
)

// One-time charges as typed: the planner's one-time prompt reads and shows a
// month's one-time charges as one line, "studio-avatar 3, photo-avatar", each
// charge by its id or its name, then the month of the year it falls in (1,
// the month quoted, when left out). The same rules as a project file's
// [[one_time]] tables (readOneTimeNeeds): a charge of the card, offered on
// the month's plan, each once.

// OneTimeNeedsText is the month's one-time charges as the prompt shows them
// for editing: "studio-avatar 3, photo-avatar" (month 1 left out).
func OneTimeNeedsText(needs []OneTimeNeed) string {
	parts := make([]string, len(needs))
	for i, n := range needs {
		parts[i] = n.ID
		if n.Month != 1 {
			parts[i] += " " + strconv.Itoa(n.Month)
		}
	}
	return strings.Join(parts, ", ")
}

// ParseOneTimeNeeds reads one-time charges as typed on the card for the plan
// with id planID. Empty text is none. The charges the month already pays
// (was) keep their order, the new ones follow in the order typed, so a save
// edits the file's [[one_time]] tables where they stand. Every problem is
// reported, joined in one line.
func (c *RateCard) ParseOneTimeNeeds(text, planID string, was []OneTimeNeed) ([]OneTimeNeed, error) {
	if len(text) > 4096 {
		return nil, fmt.Errorf("one-time charges: %d characters typed; at most 4096", len(text))
	}
	plan, _ := c.Plan(planID)
	var typed []OneTimeNeed
	var problems []string
	seen := map[string]bool{}
	for part := range strings.SplitSeq(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if len(typed)+len(problems) >= maxOneTime {
			problems = append(problems, fmt.Sprintf("too many one-time charges; at most %d", maxOneTime))
			break
		}
		n, why := c.readOneTimeTyped(part, plan)
		switch {
		case why != "":
			problems = append(problems, why)
		case seen[n.ID]:
			problems = append(problems, fmt.Sprintf("%s is named twice; a charge is paid once", n.ID))
		default:
			seen[n.ID] = true
			typed = append(typed, n)
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	out := make([]OneTimeNeed, 0, len(typed))
	for _, w := range was {
		for _, n := range typed {
			if n.ID == w.ID {
				out = append(out, n)
			}
		}
	}
	for _, n := range typed {
		if !containsNeed(was, n.ID) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// readOneTimeTyped reads one "ID [MONTH]" or "NAME [MONTH]", or says why not.
func (c *RateCard) readOneTimeTyped(part string, plan *Plan) (OneTimeNeed, string) {
	n := OneTimeNeed{Month: 1}
	name := part
	// A charge named in full is month 1, even when its name ends in a number.
	if i := strings.LastIndexByte(part, ' '); i > 0 && c.oneTimeByIDOrName(part) == nil {
		if month, err := strconv.Atoi(part[i+1:]); err == nil || strings.Trim(part[i+1:], "0123456789+-") == "" {
			if err != nil || month < 1 || month > 12 {
				return n, fmt.Sprintf("%s: the month must be 1-12 (1 is the month quoted), not %s", Printable(part[:i]), Printable(part[i+1:]))
			}
			n.Month, name = month, strings.TrimSpace(part[:i])
		}
	}
	o := c.oneTimeByIDOrName(name)
	switch {
	case o == nil && len(c.OneTime) == 0:
		return n, "this card has no one-time charges"
	case o == nil:
		hint := ""
		if near := Closest(name, c.OneTimeIDs()); near != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", near)
		}
		return n, fmt.Sprintf("unknown one-time charge %s%s; %s", strconv.Quote(Printable(name)), hint, choices("one-time charge", c.OneTimeIDs()))
	case plan != nil && !o.OfferedOn(plan.ID):
		return n, fmt.Sprintf("%s is not offered on %s; %s", o.Name, plan.Name, o.offeredText(c))
	}
	n.ID = o.ID
	return n, ""
}

// oneTimeByIDOrName is the card's charge with this id, or else with this
// name in any case; nil for none.
func (c *RateCard) oneTimeByIDOrName(s string) *OneTimeCharge {
	if o, ok := c.OneTimeCharge(s); ok {
		return o
	}
	for i := range c.OneTime {
		if strings.EqualFold(c.OneTime[i].Name, s) {
			return &c.OneTime[i]
		}
	}
	return nil
}

func containsNeed(needs []OneTimeNeed, id string) bool {
	for _, n := range needs {
		if n.ID == id {
			return true
		}
	}
	return false
}
