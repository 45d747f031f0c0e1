package pricing

import (
	"os"
	"strings"
	"testing"
)

// vendorMonth reads a card and a project written for it into the CardMonth
// the capability loader (ParseProjectAcross) gives for a card that has every
// id: no gaps. edit rewrites the card's text first (another currency).
func vendorMonth(t *testing.T, card, project string, edit func(string) string) CardMonth {
	t.Helper()
	csrc, err := os.ReadFile(card)
	if err != nil {
		t.Fatal(err)
	}
	text := string(csrc)
	if edit != nil {
		text = edit(text)
	}
	c, err := ParseRateCard(card, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	psrc, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProject(project, psrc, c)
	if err != nil {
		t.Fatal(err)
	}
	return CardMonth{Card: c, Project: p}
}

func toEUR(s string) string { return strings.Replace(s, `currency = "USD"`, `currency = "EUR"`, 1) }

// TestCompareVendorsCheapest: each vendor's cheapest way is RightSize's, and
// the verdict is the cheapest of them.
func TestCompareVendorsCheapest(t *testing.T) {
	heygen := vendorMonth(t, "../plans.toml", "../examples/creator-month.toml", nil)
	flux := vendorMonth(t, "../examples/fluxnote-flat.toml", "../examples/fluxnote/month.toml", nil)
	vc, err := CompareVendors([]CardMonth{heygen, flux}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vc.Vendors) != 2 || vc.Currency != "USD" {
		t.Fatalf("got %d vendors in %s", len(vc.Vendors), vc.Currency)
	}
	for i, m := range []CardMonth{heygen, flux} {
		rs := m.Card.RightSize(m.Project)
		v := vc.Vendors[i]
		if v.Best == nil || rs.Best == nil || v.Best.Total != rs.Best.Total || v.Best.Plan != rs.Best.Plan {
			t.Fatalf("%s: best %+v, RightSize's %+v", v.Name(), v.Best, rs.Best)
		}
		if v.Premium != rs.Premium {
			t.Errorf("%s: premium %v, RightSize's %v", v.Name(), v.Premium, rs.Premium)
		}
		if v.PerMinute != PerFinishedMinute(v.Best.Total, m.Project.FinishedSeconds()) {
			t.Errorf("%s: per minute %v", v.Name(), v.PerMinute)
		}
	}
	want := 0
	if vc.Vendors[1].Best.Total < vc.Vendors[0].Best.Total {
		want = 1
	}
	if vc.Cheapest != want {
		t.Errorf("cheapest %d, want %d", vc.Cheapest, want)
	}
	if !strings.HasPrefix(vc.Verdict(), "Cheapest vendor for this month: "+vc.Vendors[want].Name()) {
		t.Errorf("verdict %q", vc.Verdict())
	}
}

// TestCompareVendorsRefusesMixedCurrencies: cards in two currencies without
// a rate are refused, never added up as if one.
func TestCompareVendorsRefusesMixedCurrencies(t *testing.T) {
	heygen := vendorMonth(t, "../plans.toml", "../examples/creator-month.toml", nil)
	flux := vendorMonth(t, "../examples/fluxnote-flat.toml", "../examples/fluxnote/month.toml", toEUR)
	_, err := CompareVendors([]CardMonth{heygen, flux}, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "cards in USD and EUR: give --fx FILE") {
		t.Fatalf("got %v", err)
	}
	other, perr := ParseFX("gbp.toml", []byte("[[rates]]\nfrom = \"GBP\"\nto = \"USD\"\nrate = 1.27\nas_of = 2026-12-01\nsource = \"x\"\n"))
	if perr != nil {
		t.Fatal(perr)
	}
	if _, err := CompareVendors([]CardMonth{heygen, flux}, other); err == nil || !strings.Contains(err.Error(), "gbp.toml has no rate for 1 EUR = ? USD") {
		t.Fatalf("a file without the rate: %v", err)
	}
}

// TestCompareVendorsConverts: with a rate, the EUR card's month is compared in
// USD, the rate stated once.
func TestCompareVendorsConverts(t *testing.T) {
	heygen := vendorMonth(t, "../plans.toml", "../examples/creator-month.toml", nil)
	flux := vendorMonth(t, "../examples/fluxnote-flat.toml", "../examples/fluxnote/month.toml", toEUR)
	fx, err := ParseFX("rates.toml", []byte(fxFile))
	if err != nil {
		t.Fatal(err)
	}
	vc, err := CompareVendors([]CardMonth{heygen, flux}, fx)
	if err != nil {
		t.Fatal(err)
	}
	v := vc.Vendors[1]
	want, _, _ := fx.Convert(v.Best.Total, "EUR", "USD")
	if v.Converted != want || v.Rate.From != "EUR" || v.Rate.To != "USD" {
		t.Errorf("converted %v at %v, want %v", v.Converted, v.Rate, want)
	}
	if len(vc.Rates) != 1 || vc.Rates[0].String() != "1 EUR = 1.08 USD as of 2026-12-01 (ECB reference rate)" {
		t.Errorf("rates stated: %v", vc.Rates)
	}
	if vc.Vendors[0].Converted != vc.Vendors[0].Best.Total {
		t.Errorf("the USD card's month changed: %v", vc.Vendors[0].Converted)
	}
}

// TestCompareVendorsGapsBlockEveryPlan: a card lacking a capability prices no
// plan (never 0) and cannot be the verdict.
func TestCompareVendorsGapsBlockEveryPlan(t *testing.T) {
	heygen := vendorMonth(t, "../plans.toml", "../examples/creator-month.toml", nil)
	flux := vendorMonth(t, "../examples/fluxnote-flat.toml", "../examples/fluxnote/month.toml", nil)
	flux.Gaps = []CapabilityGap{{Video: "Short", Slot: SlotTranslation, Capability: "translate.lipsync", Reason: "FluxNote has no lip-sync translation"}}
	vc, err := CompareVendors([]CardMonth{flux, heygen}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := vc.Vendors[0]
	if v.Best != nil || v.Converted != 0 {
		t.Fatalf("a card with gaps was priced: %+v", v.Best)
	}
	for _, p := range v.Plans {
		if len(p.Blocked) != 1 || p.Blocked[0] != "FluxNote has no lip-sync translation" || p.Monthly != 0 {
			t.Errorf("%s: %+v", p.Plan.ID, p)
		}
	}
	if vc.Cheapest != 1 {
		t.Errorf("cheapest %d, want the card without gaps", vc.Cheapest)
	}
}

func TestCompareVendorsNone(t *testing.T) {
	if _, err := CompareVendors(nil, nil); err == nil {
		t.Error("no cards: no error")
	}
}
