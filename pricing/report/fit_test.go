package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

func fitOf(t testing.TB, c *pricing.RateCard, p *pricing.Project) *pricing.FitResult {
	t.Helper()
	r, err := c.FitProject(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFitGolden pins every format of the fitter's answer for every example month,
// each fitted to its own plan and balance.
func TestFitGolden(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		r := fitOf(t, c, p)
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, f) }))
			})
		}
	}
}

// TestFitGoldenNothingFits pins the answer for a month no substitution can
// save: on HeyGen's 2026 credit card even Avatar III spends credits (3 a
// minute) and has no cheaper alternative, so the example month cannot fit in
// 20 credits on Creator; the top-up and the plan that would cover it are named.
func TestFitGoldenNothingFits(t *testing.T) {
	c, p := loadMonth(t, "../../examples/heygen-2026-credits.toml", "../../examples/heygen-2026/month.toml")
	creator, _ := c.Plan("creator")
	r := c.Fit(p, creator, pricing.WholeCredits(20))
	if r.Fits || len(r.Changes) == 0 {
		t.Fatalf("the month must not fit in 20 credits even with its Avatar IV dropped: %+v", r)
	}
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		t.Run(f.String(), func(t *testing.T) {
			golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, f) }))
		})
	}
}

// TestFitJSONAgreesWithTheEngine: the JSON document carries the engine's exact
// numbers, and one entry per change with the keys a script would read.
func TestFitJSONAgreesWithTheEngine(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	r := fitOf(t, c, p)
	var doc struct {
		Before  json.Number `json:"premium_credits_before"`
		After   json.Number `json:"premium_credits"`
		Fits    bool        `json:"fits"`
		Changes []struct {
			Kind, From, To string
			Saves          json.Number
		} `json:"changes"`
	}
	dec := json.NewDecoder(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, JSON) })))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Before.String() != r.Before.String() || doc.After.String() != r.After.String() || doc.Fits != r.Fits ||
		len(doc.Changes) != len(r.Changes) || len(r.Changes) == 0 {
		t.Fatalf("json %+v, engine before %s after %s, %d changes", doc, r.Before, r.After, len(r.Changes))
	}
	for i, ch := range r.Changes {
		if doc.Changes[i].Saves.String() != ch.Saves.String() || doc.Changes[i].To != ch.To.ID {
			t.Fatalf("change %d: %+v vs %+v", i, doc.Changes[i], ch)
		}
	}
}

// TestFitCSVHasOneRowPerChange: a header and a row per change, all the same width.
func TestFitCSVHasOneRowPerChange(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	r := c.Fit(p, &c.Plans[2], pricing.WholeCredits(300))
	rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, CSV) }))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Changes)+1 || len(r.Changes) < 2 {
		t.Fatalf("%d rows for %d changes", len(rows), len(r.Changes))
	}
}

// TestFitTextSaysWhenTheMonthAlreadyFits.
func TestFitTextSaysWhenTheMonthAlreadyFits(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	pro, _ := c.Plan("pro")
	out := string(render(t, func(b *bytes.Buffer) error { return WriteFit(b, c.Fit(p, pro, pro.Credits), Text) }))
	if !strings.Contains(out, "The month already fits: nothing to change.") || strings.Contains(out, "Changes:") {
		t.Fatalf("%s", out)
	}
}

func TestPremiumMinutesRoundsToATenth(t *testing.T) {
	for v, want := range map[int64]string{0: "0", 60: "1", 90: "1.5", 3: "0.1", 2: "0", 1470: "24.5", -90: "-1.5", 3600: "60"} {
		if got := premiumMinutes(v); got != want {
			t.Errorf("premiumMinutes(%d) = %q, want %q", v, got, want)
		}
	}
}

// TestFitSaysWhatStillBlocksThePlan: on Creator a 4K video must become 1080p even
// though the credits fit, and a 45-minute video still rules Creator out: the text
// and Markdown say so, and JSON lists it under "blocked".
func TestFitSaysWhatStillBlocksThePlan(t *testing.T) {
	c := loadCard(t, "../../plans.toml")
	creator, _ := c.Plan("creator")
	launch := c.NewVideo("Launch")
	launch.Picks[pricing.SlotResolution] = "4k"
	webinar := c.NewVideo("Webinar")
	webinar.Seconds = 45 * 60
	p := &pricing.Project{Plan: "creator", Seats: 1, Videos: []pricing.Video{launch, webinar}}
	r := c.Fit(p, creator, pricing.WholeCredits(1000))

	text := string(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, Text) }))
	for _, want := range []string{"Creator cannot make this month: ", "replaces choices Creator cannot make", "Still blocked on Creator", "Webinar", "1080p"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	markdown := string(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, Markdown) }))
	if !strings.Contains(markdown, "## Still blocked on Creator") {
		t.Errorf("markdown lacks the blocked section:\n%s", markdown)
	}
	var doc struct{ Blocked []string }
	if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, JSON) }), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocked) != 1 || !strings.Contains(doc.Blocked[0], "Webinar") {
		t.Errorf("json blocked = %q", doc.Blocked)
	}
}
