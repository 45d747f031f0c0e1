package report

import "creditplan/pricing"

// ProposalChanges names, in words, each figure of the proposal that differs
// between then (computed with the card used) and now (with the current
// card): "What this month costs on each plan: Pro, Month billed monthly:
// $99.00 then, $89.00 now". Tables are matched row by row on their first
// cell (the plan), so a plan added or removed is named as such.
func ProposalChanges(then, now *pricing.Proposal) []string {
	a, b := buildProposalDoc(then), buildProposalDoc(now)
	var out []string
	add := func(s string) { out = append(out, safe(s)) }
	if a.Title != b.Title {
		add("the proposal was \u201c" + a.Title + "\u201d, now \u201c" + b.Title + "\u201d")
	}
	for i := range a.Sections {
		if i >= len(b.Sections) {
			break
		}
		sa, sb := &a.Sections[i], &b.Sections[i]
		for k := range sa.Tables {
			if k >= len(sb.Tables) {
				break
			}
			ta, tb := &sa.Tables[k], &sb.Tables[k]
			// Columns are matched by their heading, rows by their first
			// cell: a table a column a plan may gain or lose a plan.
			cols := map[string]int{}
			for k, h := range tb.Head {
				cols[plainPlan(h)] = k
			}
			rows := map[string][]string{}
			for _, r := range tb.Rows {
				rows[plainPlan(r[0])] = r
			}
			seen := map[string]bool{}
			for _, ra := range ta.Rows {
				key := plainPlan(ra[0])
				seen[key] = true
				rb, ok := rows[key]
				if !ok {
					add(sa.Title + ": " + key + " is there no longer")
					continue
				}
				for c := 1; c < len(ra) && c < len(ta.Head); c++ {
					col := plainPlan(ta.Head[c])
					k, ok := cols[col]
					if !ok || k >= len(rb) {
						continue
					}
					if ra[c] != rb[k] {
						add(sa.Title + ": " + key + ", " + col + ": " + ra[c] + " then, " + rb[k] + " now")
					}
				}
			}
			for _, r := range tb.Rows {
				if !seen[plainPlan(r[0])] {
					add(sa.Title + ": " + plainPlan(r[0]) + " is new")
				}
			}
		}
	}
	return out
}

// plainPlan is a row's name without the proposal's marks ("Pro (proposed)").
func plainPlan(s string) string {
	for _, suffix := range []string{" (proposed, recommended)", " (proposed)", " (recommended)"} {
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			return s[:len(s)-len(suffix)]
		}
	}
	return s
}
