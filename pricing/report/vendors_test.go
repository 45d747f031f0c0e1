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

// vendorCards are the cards of the vendor goldens (issue 11's proof): the
// built-in card first, then Colossyan, D-ID and FluxNote.
var vendorCards = []string{"../../plans.toml", "../../examples/colossyan-2026.toml", "../../examples/d-id-studio-2026.toml", "../../examples/fluxnote-flat.toml"}

// vendorMonths reads one project across the vendor cards, as compare with
// several --rates does (ParseProjectAcross), each card for the project's
// customer on the tests' day. eur reads FluxNote's card as if in euros.
func vendorMonths(t *testing.T, project string, eur bool) []pricing.CardMonth {
	t.Helper()
	var cards []*pricing.RateCard
	for _, path := range vendorCards {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(src)
		if eur && strings.Contains(path, "fluxnote") {
			text = strings.Replace(text, `currency = "USD"`, `currency = "EUR"`, 1)
		}
		c, err := pricing.ParseRateCard(filepath.Base(path), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		// As the command prices: the rows in force on the tests' day.
		if c, err = c.On(testToday); err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	src, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	months, err := pricing.ParseProjectAcross(filepath.Base(project), src, cards)
	if err != nil {
		t.Fatalf("%s: %v", project, err)
	}
	for i := range months {
		months[i].Card = months[i].Card.ForCustomer(months[i].Project, testToday)
	}
	return months
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
		name, project string
		eur           bool
	}{
		{"creator-month", "../../examples/creator-month.toml", false},
		{"sales-demo", "../../examples/sales-demo.toml", false},
		// FluxNote in euros, on a month its card can make: converted.
		{"fluxnote-month-eur", "../../examples/fluxnote/month.toml", true},
	} {
		vc, err := pricing.CompareVendors(vendorMonths(t, c.project, c.eur), fx)
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
	vc, err := pricing.CompareVendors(vendorMonths(t, "../../examples/creator-month.toml", false), nil)
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
	vc, err := pricing.CompareVendors(vendorMonths(t, "../../examples/creator-month.toml", false), nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Vendors        []map[string]any `json:"vendors"`
		CheapestVendor map[string]any   `json:"cheapest_vendor"`
	}
	out := render(t, func(b *bytes.Buffer) error { return WriteVendors(b, vc, JSON) })
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Vendors) != len(vendorCards) || doc.CheapestVendor == nil {
		t.Fatalf("vendors %d, cheapest %v", len(doc.Vendors), doc.CheapestVendor)
	}
	for i, v := range doc.Vendors {
		for _, k := range []string{"card", "recommended", "plans", "blocked", "cost_per_finished_minute"} {
			if _, ok := v[k]; !ok {
				t.Errorf("vendors[%d] has no %q", i, k)
			}
		}
		// A vendor that cannot make the month has no price, never 0.
		if blocked := vc.Vendors[i].Best == nil; blocked != (v["recommended"] == nil) || blocked != (v["cost_per_finished_minute"] == nil) {
			t.Errorf("vendors[%d]: recommended %v, per minute %v", i, v["recommended"], v["cost_per_finished_minute"])
		}
	}
	best := vc.Vendors[vc.Cheapest]
	if doc.CheapestVendor["plan"] != best.Best.Plan.ID || doc.CheapestVendor["month_cost"] != best.Converted.Plain() {
		t.Errorf("cheapest_vendor %v, want %s at %s", doc.CheapestVendor, best.Best.Plan.ID, best.Converted.Plain())
	}
}

// TestVendorsGoldenOneTime pins every format of a vendor comparison whose
// month pays a one-time charge on one card and has it included on the other
// (the built-in card, and it again with a made-up vendor's higher prices and
// the Studio Avatar's setup included in Creator and Pro): the verdict counts
// the setup, so the vendor dearer every month wins.
func TestVendorsGoldenOneTime(t *testing.T) {
	src, err := os.ReadFile("../../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(src), `vendor = "HeyGen"`, `vendor = "Setup Included Co"`, 1)
	other = strings.Replace(other, `name = "HeyGen Premium Credits"`, `name = "Setup Included (test card)"`, 1)
	other = strings.Replace(other, "monthly_price = 29 ", "monthly_price = 49 ", 1)
	other = strings.Replace(other, "annual_price = 24 ", "annual_price = 44 ", 1)
	other = strings.Replace(other, "price = 1500 ", "price = 1500\nincluded = [\"creator\", \"pro\"] ", 1)
	var cards []*pricing.RateCard
	for name, text := range map[string]string{"plans.toml": string(src), "included.toml": other} {
		c, err := pricing.ParseRateCard(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if c, err = c.On(testToday); err != nil {
			t.Fatal(err)
		}
		if name == "plans.toml" {
			cards = append([]*pricing.RateCard{c}, cards...)
		} else {
			cards = append(cards, c)
		}
	}
	month := "plan = \"creator\"\nbilling = \"monthly\"\n\n[[one_time]]\nid = \"studio-avatar\"\n\n" +
		"[[videos]]\nname = \"Launch\"\ncount = 2\nlength = \"1m\"\n"
	months, err := pricing.ParseProjectAcross("setup.toml", []byte(month), cards)
	if err != nil {
		t.Fatal(err)
	}
	vc, err := pricing.CompareVendors(months, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		t.Run(f.String(), func(t *testing.T) {
			golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteVendors(b, vc, f) }))
		})
	}
}
