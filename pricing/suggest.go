package pricing

import "strconv"

// Closest returns the valid word nearest to s by edit distance, or "" when
// none is near enough to be a likely typo. Every "did you mean" (keys, ids,
// commands, flags, plans) comes from it, so they all judge a typo alike.
func Closest(s string, valid []string) string {
	best, bestDist := "", 3
	if len(s) <= 3 {
		bestDist = 2
	}
	for _, v := range valid {
		if d := editDistance(s, v); d < bestDist {
			best, bestDist = v, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// DidYouMean is the hint a message ends with when s looks like a typo of a
// valid word: ` (did you mean "plan"?)`, or "" when nothing is close.
func DidYouMean(s string, valid []string) string {
	if c := Closest(s, valid); c != "" {
		return " (did you mean " + strconv.Quote(c) + "?)"
	}
	return ""
}
