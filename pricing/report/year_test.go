package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// yearMonths are the example months plus a seasonal one (busy and quiet months
// alternating), which the examples lack.
var yearMonths = append(append([]struct{ name, card, project string }{}, exampleMonths...),
	struct{ name, card, project string }{"seasonal", "../../plans.toml", "testdata/year_seasonal.toml"})

func yearOf(t testing.TB, c *pricing.RateCard, p *pricing.Project) *pricing.YearResult {
	t.Helper()
	y, err := c.YearProject(p)
	if err != nil {
		t.Fatal(err)
	}
	return y
}

// TestYearGolden pins every format of the year for every example month on its
// own plan and billing.
func TestYearGolden(t *testing.T) {
	for _, m := range yearMonths {
		c, p := loadMonth(t, m.card, m.project)
		y := yearOf(t, c, p)
		blocked := c.Blocked(y.Plan, p)
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteYearBlocked(b, y, blocked, f) }))
			})
		}
	}
}

// TestYearContactSalesNeverShowsZero: a plan without a price shows "contact
// sales" in text and null costs in JSON, never $0.00.
func TestYearContactSalesNeverShowsZero(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	ent, _ := c.Plan("enterprise")
	y := c.Year(p, ent, pricing.Monthly)
	text := string(render(t, func(b *bytes.Buffer) error { return WriteYear(b, y, Text) }))
	if strings.Contains(text, "$0.00") || !strings.Contains(text, "contact sales") {
		t.Fatalf("%s", text)
	}
	var doc map[string]any
	if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteYear(b, y, JSON) }), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["monthly_billing_cost"] != nil || doc["cheaper_billing"] != nil || doc["contact_sales"] != true {
		t.Fatalf("costs must be null for contact sales: %v", doc)
	}
}

// TestYearJSONMonthsAddUp: the JSON months carry the engine's figures and
// conserve credits as the engine does.
func TestYearJSONMonthsAddUp(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "testdata/year_seasonal.toml")
	y := yearOf(t, c, p)
	var doc struct {
		Months []struct{ Opening, Granted, Bought, Used, Expired, Closing float64 } `json:"months"`
		Totals struct{ Wasted float64 }                                             `json:"totals"`
	}
	if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteYear(b, y, JSON) }), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Months) != 12 {
		t.Fatalf("%d months", len(doc.Months))
	}
	for i, m := range doc.Months {
		// The figures here are whole credits, so float comparison is exact.
		if m.Opening+m.Granted+m.Bought != m.Used+m.Expired+m.Closing {
			t.Fatalf("month %d does not add up: %+v", i+1, m)
		}
	}
	if doc.Totals.Wasted*1000 != float64(y.Expired) || y.Expired == 0 {
		t.Fatalf("wasted %v, engine %s", doc.Totals.Wasted, y.Expired)
	}
}
