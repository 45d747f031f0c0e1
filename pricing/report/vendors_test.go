package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creditplan/pricing"

	"github.com/charmbracelet/x/exp/golden"
)

// vendorMonths are the months of the vendor goldens: each card with a project
// written for it (until the capability loader carries one project across).
func vendorMonths(t *testing.T, eur bool) []pricing.CardMonth {
	t.Helper()
	var out []pricing.CardMonth
	for _, m := range []struct{ card, project string }{
		{"../../plans.toml", "../../examples/creator-month.toml"},
		{"../../examples/heygen-2026-credits.toml", "../../examples/heygen-2026/month.toml"},
		{"../../examples/fluxnote-flat.toml", "../../examples/fluxnote/month.toml"},
	} {
		c, p := loadMonth(t, m.card, m.project)
		if eur && strings.Contains(m.card, "fluxnote") {
			src, err := os.ReadFile(m.card)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(src), `currency = "USD"`, `currency = "EUR"`, 1)
			if c, err = pricing.ParseRateCard(filepath.Base(m.card), []byte(text)); err != nil {
				t.Fatal(err)
			}
			psrc, _ := os.ReadFile(m.project)
			if p, err = pricing.ParseProject(filepath.Base(m.project), psrc, c); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, pricing.CardMonth{Card: c, Project: p})
	}
	return out
}

const vendorsFX = `[[rates]]
from = "EUR"
to = "USD"
rate = "1.08"
as_of = 2026-12-01
source = "ECB euro reference rates"
`

// TestVendorsGolden pins every format of a vendor comparison, in one currency
// and with an exchange rate.
func TestVendorsGolden(t *testing.T) {
	fx, err := pricing.ParseFX("rates.toml", []byte(vendorsFX))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		eur  bool
	}{{"usd", false}, {"eur-usd", true}} {
		vc, err := pricing.CompareVendors(vendorMonths(t, c.eur), fx)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(c.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteVendors(b, vc, f) }))
			})
		}
	}
}

// TestVendorsSayCreditsAreNotComparable: every format says so.
func TestVendorsSayCreditsAreNotComparable(t *testing.T) {
	vc, err := pricing.CompareVendors(vendorMonths(t, false), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		out := string(render(t, func(b *bytes.Buffer) error { return WriteVendors(b, vc, f) }))
		if !strings.Contains(out, pricing.CreditsNotComparable) {
			t.Errorf("%v does not say credits are not comparable:\n%s", f, out)
		}
	}
}

// TestVendorsJSONShape: the members issue 11 names.
func TestVendorsJSONShape(t *testing.T) {
	vc, err := pricing.CompareVendors(vendorMonths(t, false), nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Vendors []struct {
			Card                  map[string]any   `json:"card"`
			Recommended           map[string]any   `json:"recommended"`
			Plans                 []map[string]any `json:"plans"`
			Blocked               []map[string]any `json:"blocked"`
			CostPerFinishedMinute *string          `json:"cost_per_finished_minute"`
		} `json:"vendors"`
		CheapestVendor map[string]any `json:"cheapest_vendor"`
	}
	out := render(t, func(b *bytes.Buffer) error { return WriteVendors(b, vc, JSON) })
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Vendors) != 3 || doc.CheapestVendor == nil {
		t.Fatalf("vendors %d, cheapest %v", len(doc.Vendors), doc.CheapestVendor)
	}
	for _, v := range doc.Vendors {
		if v.Card["name"] == nil || v.Recommended == nil || len(v.Plans) == 0 || v.Blocked == nil || v.CostPerFinishedMinute == nil {
			t.Errorf("a vendor lacks a member: %+v", v)
		}
	}
	best := vc.Vendors[vc.Cheapest]
	if doc.CheapestVendor["plan"] != best.Best.Plan.ID || doc.CheapestVendor["month_cost"] != best.Converted.Plain() {
		t.Errorf("cheapest_vendor %v, want %s at %s", doc.CheapestVendor, best.Best.Plan.ID, best.Converted.Plain())
	}
}
