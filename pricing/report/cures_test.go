package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"creditplan/pricing"
)

// TestQuoteOffersOnlyTheCures: the quote's remedies are pricing.Cures',
// in every format: a blocked month leads with the cure's Lead and is offered
// no top-up, the recommended cure is named first and marked, and a plan
// cheaper than the month's own is a switch, never an upgrade.
func TestQuoteOffersOnlyTheCures(t *testing.T) {
	c, blocked := blockedMonth(t)
	// A month Business (1,000 credits, $149) is short for and Pro (2,000
	// credits, $99) makes: Pro is cheaper, so the quote switches to it.
	dear := &pricing.Project{Plan: "business", Seats: 1}
	for range 3 {
		v := c.NewVideo("Explainer")
		v.Seconds = 20 * 60
		v.Picks[pricing.SlotAvatar] = "avatar-iv"
		dear.Videos = append(dear.Videos, v)
	}
	for name, p := range map[string]*pricing.Project{"blocked": blocked, "dear": dear} {
		q, cu := quoteOf(t, c, p), curesOf(t, c, p)
		if !cu.Needed || cu.Recommended == nil {
			t.Fatalf("%s: the month should need a cure and have one: %+v", name, cu)
		}
		text := string(render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, Text) }))
		md := string(render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, Markdown) }))
		for f, out := range map[string]string{"text": text, "markdown": md} {
			if lead := cu.Lead(); lead != "" {
				at := strings.Index(out, lead)
				if at < 0 || at > strings.Index(out, "Cost") {
					t.Errorf("%s %s: the lead %q is not said before the cost:\n%s", name, f, lead, out)
				}
			}
			for i := range cu.Options {
				if !strings.Contains(out, CureText(c, cu, &cu.Options[i])) {
					t.Errorf("%s %s: cure %q missing:\n%s", name, f, CureText(c, cu, &cu.Options[i]), out)
				}
			}
			if !strings.Contains(out, CureText(c, cu, cu.Recommended)+" (recommended)") {
				t.Errorf("%s %s: the recommended cure is not marked:\n%s", name, f, out)
			}
			for _, wrong := range []string{"Top-up:", "Upgrade:", "upgrade to Small", "Upgrade to Pro"} {
				if name == "dear" && strings.Contains(out, wrong) {
					t.Errorf("%s %s says %q:\n%s", name, f, wrong, out)
				}
			}
			if name == "blocked" && strings.Contains(out, "Top up") {
				t.Errorf("%s %s offers a top-up that cannot cure it:\n%s", name, f, out)
			}
		}
		if name == "dear" && !strings.Contains(text, "Switch to Pro") {
			t.Errorf("dear: Pro, cheaper than Business, is not a switch:\n%s", text)
		}
		var doc struct {
			TopUp       *json.RawMessage                      `json:"top_up"`
			Upgrade     *struct{ ID string }                  `json:"upgrade"`
			Cures       []struct{ Kind, Action, Text string } `json:"cures"`
			Recommended *struct{ Text string }                `json:"recommended"`
		}
		if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, JSON) }), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Cures) != len(cu.Options) || doc.Recommended == nil || doc.Recommended.Text != CureText(c, cu, cu.Recommended) {
			t.Errorf("%s json: cures %+v, recommended %+v", name, doc.Cures, doc.Recommended)
		}
		if name == "blocked" && doc.TopUp != nil {
			t.Errorf("blocked json offers a top-up: %s", *doc.TopUp)
		}
		if doc.Upgrade == nil || doc.Upgrade.ID != cu.Recommended.Plan.ID {
			t.Errorf("%s json: upgrade %+v, the recommended plan %s", name, doc.Upgrade, cu.Recommended.Plan.ID)
		}
	}
}

// TestFitOnABlockedPlanNeverBringsTheMonthWithin: a fit on a plan it cannot
// cure never says it brings the month within the balance, in any format.
func TestFitOnABlockedPlanNeverBringsTheMonthWithin(t *testing.T) {
	c, p := blockedMonth(t)
	creator, _ := c.Plan("creator")
	for _, bal := range []int64{0, 200, 1000, 100000} {
		r := c.Fit(p, creator, pricing.WholeCredits(bal))
		for _, f := range []Format{Text, Markdown, JSON, CSV} {
			out := string(render(t, func(b *bytes.Buffer) error { return WriteFit(b, r, f) }))
			if strings.Contains(out, "the month within the balance") {
				t.Errorf("balance %d, %v: a blocked fit says it brings the month within the balance:\n%s", bal, f, out)
			}
		}
	}
}

// TestQuoteOffersTheFitCureWhenGiven: with pricing.Cures' substitutions (the
// CLI's CuresQuote has none), the quote offers them after the cures, as a
// change to the month; a blocked month is never offered them.
func TestQuoteOffersTheFitCureWhenGiven(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	q, cu := quoteOf(t, c, p), curesOf(t, c, p)
	if cu.Fit == nil {
		t.Fatal("the creator's month should have a fit cure")
	}
	text := string(render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, Text) }))
	if f := CureFit(cu); !strings.Contains(text, "  "+f+"\n") || !strings.HasPrefix(f, "Or change the month: 2 changes bring the month within the balance") {
		t.Errorf("fit cure %q not offered:\n%s", f, text)
	}
	_, blocked := blockedMonth(t)
	q, cu = quoteOf(t, c, blocked), curesOf(t, c, blocked)
	if text := string(render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, Text) })); strings.Contains(text, "Or change the month") {
		t.Errorf("a blocked month is offered substitutions:\n%s", text)
	}
}

// TestPlanStandingOffersNoTopUpToABlockedPlan: the Plans screen's sentence for
// a plan a limit blocks says it is short, never that a top-up makes it.
func TestPlanStandingOffersNoTopUpToABlockedPlan(t *testing.T) {
	c, p := blockedMonth(t)
	explainer := c.NewVideo("Explainer")
	explainer.Seconds = 20 * 60
	explainer.Picks[pricing.SlotAvatar] = "avatar-iv"
	p.Videos = append(p.Videos, explainer) // short on Creator too, which sells top-ups
	tried := false
	for _, o := range c.Compare(p).Options {
		got := PlanStanding(c, &o)
		tried = tried || (len(o.Limits()) > 0 && o.CanTopUp && !o.Fits)
		if len(o.Limits()) > 0 && strings.Contains(got, "top up") {
			t.Errorf("%s is blocked (%q), yet: %q", o.Plan.Name, o.Blocked, got)
		}
		if len(o.Limits()) == 0 && !o.Fits && o.CanTopUp && !strings.Contains(got, "top up") {
			t.Errorf("%s is only short, yet: %q", o.Plan.Name, got)
		}
	}
	if !tried {
		t.Fatal("no plan is both blocked and short with a top-up for sale: the test proves nothing")
	}
}
