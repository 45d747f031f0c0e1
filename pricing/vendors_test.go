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
	if _, err := CompareVendors([]CardMonth{heygen, flux}, other); err == nil || !strings.Contains(err.Error(), "from EUR to USD, gbp.toml has no rate between them; add 1 EUR = ? USD") {
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

// TestCompareVendorsAcross: a month written for the built-in card, carried to
// FluxNote's by ParseProjectAcross, is blocked there by the capabilities
// FluxNote lacks, each said once; it is never priced as if they cost nothing.
func TestCompareVendorsAcross(t *testing.T) {
	var cards []*RateCard
	for _, path := range []string{"../plans.toml", "../examples/fluxnote-flat.toml"} {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := ParseRateCard(path, src)
		if err != nil {
			t.Fatal(err)
		}
		cards = append(cards, c)
	}
	src, err := os.ReadFile("../examples/creator-month.toml")
	if err != nil {
		t.Fatal(err)
	}
	months, err := ParseProjectAcross("creator-month.toml", src, cards)
	if err != nil {
		t.Fatal(err)
	}
	vc, err := CompareVendors(months, nil)
	if err != nil {
		t.Fatal(err)
	}
	flux := vc.Vendors[1]
	if len(months[1].Gaps) == 0 || flux.Best != nil || flux.Converted != 0 {
		t.Fatalf("FluxNote: gaps %v, best %+v", months[1].Gaps, flux.Best)
	}
	for _, p := range flux.Plans {
		if len(p.Blocked) == 0 || p.Monthly != 0 || p.Annual != 0 {
			t.Errorf("%s is priced: %+v", p.Plan.ID, p)
		}
		for _, g := range months[1].Gaps {
			if !contains(p.Blocked, g.Reason) {
				t.Errorf("%s does not say %q", p.Plan.ID, g.Reason)
			}
		}
	}
	if vc.Cheapest != 0 {
		t.Errorf("cheapest %d, want the built-in card", vc.Cheapest)
	}
}

// TestCompareVendorsCountOneTimeCharges: the verdict compares each vendor's
// month with its one-time charges in money, so a card whose plans cost less
// every month but charge a setup fee once loses to one whose plan includes
// the setup; the month's cost and cost per finished minute stay recurring.
func TestCompareVendorsCountOneTimeCharges(t *testing.T) {
	month := []byte("plan = \"creator\"\nbilling = \"monthly\"\n\n[[one_time]]\nid = \"studio-avatar\"\n\n" +
		"[[videos]]\nname = \"Short\"\nlength = \"1m\"\n")
	read := func(edit func(string) string) CardMonth {
		t.Helper()
		src, err := os.ReadFile("../plans.toml")
		if err != nil {
			t.Fatal(err)
		}
		c, err := ParseRateCard("card.toml", []byte(edit(string(src))))
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseProject("m.toml", month, c)
		if err != nil {
			t.Fatal(err)
		}
		return CardMonth{Card: c, Project: p}
	}
	// Setup paid once: the cheapest plan offering it is Creator, $24 a month
	// billed annually, plus $1,500 once: $1,524 this month.
	paid := read(func(s string) string { return s })
	// The other card: every price $20 higher, the setup included in Creator
	// and Pro: Creator annually, $44 a month and nothing once.
	included := read(func(s string) string {
		s = strings.Replace(s, `vendor = "HeyGen"`, `vendor = "Other"`, 1)
		s = strings.Replace(s, "monthly_price = 29 ", "monthly_price = 49 ", 1)
		s = strings.Replace(s, "annual_price = 24 ", "annual_price = 44 ", 1)
		return strings.Replace(s, "price = 1500 ", "price = 1500\nincluded = [\"creator\", \"pro\"] ", 1)
	})
	vc, err := CompareVendors([]CardMonth{paid, included}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := &vc.Vendors[0], &vc.Vendors[1]
	if a.Best == nil || b.Best == nil {
		t.Fatalf("a vendor cannot make the month: %+v %+v", a.Best, b.Best)
	}
	if a.Best.Total != usd("24") || a.OneTime != usd("1500") || a.WithOneTime() != usd("1524") {
		t.Errorf("paid setup: month %v, once %v, with it %v; want $24, $1,500, $1,524", a.Best.Total, a.OneTime, a.WithOneTime())
	}
	if a.PerMinute != usd("24") {
		t.Errorf("cost per finished minute %v, want the recurring $24 over 1 minute", a.PerMinute)
	}
	if b.Best.Total != usd("44") || b.OneTime != 0 {
		t.Errorf("included setup: month %v, once %v; want $44, nothing", b.Best.Total, b.OneTime)
	}
	if vc.Cheapest != 1 {
		t.Errorf("cheapest vendor %d; want the one whose plan includes the setup ($44 < $1,524)", vc.Cheapest)
	}
	if got := a.OneTimeText(); !strings.Contains(got, "$1,500.00 ≈ (Custom Studio Avatar setup)") || !strings.Contains(got, "the verdict counts it") {
		t.Errorf("one-time text %q", got)
	}
	if b.OneTimeText() != "" {
		t.Errorf("a vendor paying nothing once says %q", b.OneTimeText())
	}
	// With only the paid card the verdict names the one-time money.
	vc, err = CompareVendors([]CardMonth{paid}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "$24.00 a month plus $1,500.00 ≈ once, $1,524.00 ≈ this month."; !strings.HasSuffix(vc.Verdict(), want) {
		t.Errorf("verdict %q, want it to end %q", vc.Verdict(), want)
	}
}
