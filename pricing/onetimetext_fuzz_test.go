package pricing

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseOneTimeNeeds reads one-time charges as the planner's prompt takes
// them: nothing panics, an answer names each charge of the card once, in a
// month 1-12, offered on the plan; its text reads back to itself; a refusal
// is one line with no control character.
func FuzzParseOneTimeNeeds(f *testing.F) {
	c := defaultCard(f)
	for _, s := range []string{
		"studio-avatar 3, photo-avatar-training",
		"Custom Studio Avatar setup 12",
		"studio-avatr, photo-avatar-training 13",
		"studio-avatar, studio-avatar",
		"studio-avatar -1",
		", , ,",
		"photo avatar training 02",
		"studio-avatar \x1b[2J",
	} {
		f.Add(s, "creator")
		f.Add(s, "free")
	}
	was := []OneTimeNeed{{"photo-avatar-training", 1}}
	f.Fuzz(func(t *testing.T, text, plan string) {
		got, err := c.ParseOneTimeNeeds(text, plan, was)
		if err != nil {
			if got != nil {
				t.Fatalf("a refusal returned %v", got)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("the refusal is not one plain line: %q", msg)
			}
			return
		}
		seen := map[string]bool{}
		for _, n := range got {
			o, ok := c.OneTimeCharge(n.ID)
			if !ok || seen[n.ID] || n.Month < 1 || n.Month > 12 {
				t.Fatalf("read %v from %q", got, text)
			}
			if p, known := c.Plan(plan); known && !o.OfferedOn(p.ID) {
				t.Fatalf("%s is not offered on %s, yet read from %q", n.ID, plan, text)
			}
			seen[n.ID] = true
		}
		back, err := c.ParseOneTimeNeeds(OneTimeNeedsText(got), plan, got)
		if err != nil || !slices.Equal(back, got) {
			t.Fatalf("%q read as %v, whose text %q reads as %v (%v)", text, got, OneTimeNeedsText(got), back, err)
		}
	})
}
