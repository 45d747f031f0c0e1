package pricing

import (
	"strings"
	"testing"
)

// as_of is a date: a TOML time of day decodes as a time.Time on 0000-01-01,
// which was read as the date "0000-01-01"; a date with a time is not a date either.
func TestAsOfIsADate(t *testing.T) {
	for _, tc := range []struct{ value, msg string }{
		{"12:30:00", `card.as_of: must be a date like 2026-01-06, not a time of day (12:30:00)`},
		{"2026-01-06T12:30:00", `card.as_of: must be a date like 2026-01-06, not a date and time (2026-01-06T12:30:00)`},
		{"2026-01-06T12:30:00Z", `card.as_of: must be a date like 2026-01-06, not a date and time (2026-01-06T12:30:00Z)`},
	} {
		src := strings.Replace(card(starterPlan), `as_of = 2026-01-06`, "as_of = "+tc.value, 1)
		checkProblems(t, "card.toml", loadCard(t, src), []want{wantAt(src, "as_of", tc.msg)})
	}
	c, err := ParseRateCard("card.toml", []byte(card(starterPlan)))
	if err != nil || c.AsOf != "2026-01-06" {
		t.Fatalf("a date: %q, %v", c.AsOf, err)
	}
}
