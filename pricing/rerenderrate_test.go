package pricing

import (
	"strings"
	"testing"
)

// rerenderRateFeature is a 20-a-minute avatar whose re-renders cost 5 a
// minute, billed in 30-second increments with a minimum of 3 a render.
const rerenderRateFeature = starterPlan + `
[[features]]
id = "cheap-again"
name = "Avatar, edits cheaper"
slot = "avatar"
premium = true
rate = 20
unit = "minute"
increment = "30s"
minimum = 3
rerender_rate = 5
`

// TestRerenderRate: the first render at the rate, each re-render at
// rerender_rate, each rounded and raised to the minimum on its own.
func TestRerenderRate(t *testing.T) {
	c := mustCard(t, 0, rerenderRateFeature)
	for _, tc := range []struct {
		seconds, rerenders int
		want               string
	}{
		{60, 0, "20"}, // one render: the rate
		{60, 1, "25"}, // 20 + 5
		{60, 3, "35"}, // 20 + 3 × 5
		{61, 2, "46"}, // 1m30s billed: 30 + 2 × 7.5 rounded up to 8
		{10, 2, "16"}, // 30s billed: 10 + 2 × max(2.5→3, min 3)
	} {
		v := video(c, "v", tc.seconds, map[string]string{"avatar": "cheap-again"})
		v.Rerenders = tc.rerenders
		l := lineFor(t, c.Lines(&v), SlotAvatar)
		if l.Credits != cr(tc.want) {
			t.Errorf("%ds, %d re-renders: %v credits, want %s", tc.seconds, tc.rerenders, l.Credits, tc.want)
		}
	}
	f, _ := c.Feature("cheap-again")
	if !f.Rerender || f.RateText() != "20 / min, 30s increments, min 3, re-render 5" {
		t.Errorf("rerender %v, rate text %q", f.Rerender, f.RateText())
	}
}

// TestRerenderRateErrors: on an included feature, or beside rerender = false.
func TestRerenderRateErrors(t *testing.T) {
	for _, tc := range []struct{ extra, want string }{
		{strings.Replace(rerenderRateFeature, "minimum = 3\n", "minimum = 3\nrerender = false\n", 1), `rerender = false says a re-render does not charge "cheap-again" again`},
		{starterPlan + "[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"look\"\nrate = 0\nunit = \"video\"\nrerender_rate = 1\n", `feature "x" is included (premium = false)`},
		{strings.Replace(rerenderRateFeature, "rerender_rate = 5", "rerender_rate = \"five\"", 1), `rerender_rate`},
	} {
		_, err := ParseRateCard("test.toml", []byte(mustSrc(tc.extra)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}

// TestFailedRenders: the policy is read as written and stated as a sentence.
func TestFailedRenders(t *testing.T) {
	src := strings.Replace(mustSrc(starterPlan), "precision = 0\n", "precision = 0\nfailed_renders = \"failed renders are refunded only for technical faults\"\n", 1)
	c, err := ParseRateCard("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.FailedRendersSentence(); got != "Failed renders are refunded only for technical faults." {
		t.Errorf("got %q", got)
	}
	for _, bad := range []string{`""`, `"` + strings.Repeat("a", 301) + `"`, `"""one
two"""`} {
		src := strings.Replace(mustSrc(starterPlan), "precision = 0\n", "precision = 0\nfailed_renders = "+bad+"\n", 1)
		if _, err := ParseRateCard("test.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), "card.failed_renders") {
			t.Errorf("%s: got %v", bad, err)
		}
	}
}

// mustSrc is the base card at precision 0 plus extra.
func mustSrc(extra string) string { return strings.Replace(baseCard, "%d", "0", 1) + extra }
