package pricing

import (
	"os"
	"strings"
	"testing"
)

// acmeOverlay is examples/acme-pricing.toml.
func acmeOverlay(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("../examples/acme-pricing.toml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestOverlayAppliesEveryKindOfChange(t *testing.T) {
	c := defaultCard(t)
	nc, o, err := c.LoadOverlay("acme-pricing.toml", acmeOverlay(t))
	if err != nil {
		t.Fatal(err)
	}
	if o.Card != c.Name || o.AsOf != c.AsOf {
		t.Errorf("overlay names %q as of %q", o.Card, o.AsOf)
	}
	pro, _ := nc.Plan("pro")
	biz, _ := nc.Plan("business")
	ent, _ := nc.Plan("enterprise")
	lip, _ := nc.Feature("lipsync")
	for _, tc := range []struct {
		what      string
		got, want int64
	}{
		{"Pro monthly (15% off 99)", int64(pro.MonthlyPrice), 84_1500},
		{"Pro annual (15% off 79)", int64(pro.AnnualPrice), 67_1500},
		{"Pro credits", int64(pro.Credits), 2500_000},
		{"Pro add-on price", int64(pro.TopUps[0].Price), 12_0000},
		{"Business monthly ($20 off 149)", int64(biz.MonthlyPrice), 129_0000},
		{"Business annual ($20 off 119)", int64(biz.AnnualPrice), 99_0000},
		{"Business seat", int64(biz.SeatPrice), 15_0000},
		{"Enterprise monthly", int64(ent.MonthlyPrice), 400_0000},
		{"Enterprise annual", int64(ent.AnnualPrice), 350_0000},
		{"Enterprise credits", int64(ent.Credits), 6000_000},
		{"lip-sync rate", int64(lip.Rate), 4_000},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %d, want %d", tc.what, tc.got, tc.want)
		}
	}
	if ent.ContactSales {
		t.Error("Enterprise with a negotiated price is still contact sales")
	}
	// The card it was laid over is untouched: another customer's quote
	// from the same card must not see Acme's prices.
	if p, _ := c.Plan("pro"); p.MonthlyPrice != 99_0000 || p.Credits != 2000_000 || p.TopUps[0].Price != 15_0000 {
		t.Errorf("the base card changed: %+v", p)
	}
	if e, _ := c.Plan("enterprise"); !e.ContactSales || !e.Marks.Has("credits") {
		t.Errorf("the base card's Enterprise changed: %+v", e)
	}
	if c.Custom != nil {
		t.Error("the base card carries custom pricing")
	}
	// A negotiated number is the contract's, not an estimate.
	if ent.Marks.Has("credits") || !ent.Marks.Has("included_seats") {
		t.Errorf("Enterprise marks after the overlay: %v", ent.Marks.Fields)
	}
	if lip.Marks.Has("rate") || !lip.Marks.Has("increment") {
		t.Errorf("lip-sync marks after the overlay: %v", lip.Marks.Fields)
	}
	want := []string{
		"Pro monthly price (15% off): $99.00 \u2192 $84.15",
		"Pro credits: 2,000 premium credits \u2192 2,500 premium credits",
		"Pro's Add-on 300 price: $15.00 \u2192 $12.00",
		"Business monthly price ($20.00 off): $149.00 \u2192 $129.00",
		"Business extra seat price: $20.00 \u2192 $15.00",
		"Enterprise monthly price: contact sales \u2192 $400.00",
		"Lip-sync translation rate: 5 / language-min \u2192 4 / language-min",
	}
	var lines []string
	for _, ch := range nc.Custom.Changes {
		lines = append(lines, ch.Line())
	}
	all := strings.Join(lines, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("changes lack %q:\n%s", w, all)
		}
	}
	if nc.Custom.File != "acme-pricing.toml" || nc.Custom.Badge() != "custom pricing: acme-pricing.toml" {
		t.Errorf("badge %q", nc.Custom.Badge())
	}
}

func TestOverlayParsedThenAppliedIsLoadOverlay(t *testing.T) {
	c := defaultCard(t)
	o, err := ParseOverlay("acme-pricing.toml", acmeOverlay(t))
	if err != nil {
		t.Fatal(err)
	}
	nc, changes, err := c.WithOverlay(o)
	if err != nil {
		t.Fatal(err)
	}
	lc, _, err := c.LoadOverlay("acme-pricing.toml", acmeOverlay(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != len(lc.Custom.Changes) || len(changes) == 0 {
		t.Fatalf("%d changes, LoadOverlay %d", len(changes), len(lc.Custom.Changes))
	}
	for i := range changes {
		if changes[i] != lc.Custom.Changes[i] {
			t.Errorf("change %d: %v vs %v", i, changes[i], lc.Custom.Changes[i])
		}
	}
	if p, _ := nc.Plan("pro"); p.MonthlyPrice != 84_1500 {
		t.Errorf("Pro %d", p.MonthlyPrice)
	}
}

const overlayHead = "[overlay]\ncard = \"HeyGen Premium Credits\"\n"

// overlayProblems lays src over the default card and returns every problem,
// failing when it loads or when a card comes back with the error.
func overlayProblems(t *testing.T, src string) string {
	t.Helper()
	c := defaultCard(t)
	nc, o, err := c.LoadOverlay("o.toml", []byte(src))
	if err == nil {
		t.Fatalf("overlay loads:\n%s", src)
	}
	if nc != nil || o != nil {
		t.Fatal("a failed overlay returned a card: nothing may be half-applied")
	}
	checkLoadError(t, "o.toml", []byte(src), err)
	return err.Error()
}

func TestOverlayReportsEveryProblemAtOnceWithItsPosition(t *testing.T) {
	src := overlayHead + `
[plans.prp]
credits = 10

[plans.pro]
monthly_prise = 90
credits = 2000.55
discount = "100%"

[plans.pro.topups.addon-monthy]
price = 10

[plans.creator]
extra_seat_price = 5
discount = "$30.00"

[features.avatar-v]
rate = 1

[features.avatar-iii]
rate = 1
`
	got := overlayProblems(t, src)
	for _, want := range []string{
		`o.toml:4:2: plans.prp: unknown plan "prp" (did you mean "pro"?)`,
		`o.toml:8:1: plans.pro.monthly_prise: unknown key (did you mean "monthly_price"?)`,
		`o.toml:9:1: plans.pro.credits: 2000.55 has more decimals than this card allows (1 decimal)`,
		`o.toml:10:1: plans.pro.discount: discount "100%" is at or above 100%`,
		`o.toml:12:2: plans.pro.topups.addon-monthy: unknown top-up of Pro "addon-monthy" (did you mean "addon-monthly"?)`,
		`o.toml:16:1: plans.creator.extra_seat_price: Creator sells no extra seats`,
		`o.toml:17:1: plans.creator.discount: Creator: discount $30.00 is at or above the price $29.00`,
		`o.toml:19:2: features.avatar-v: unknown feature "avatar-v" (did you mean "avatar-iv"?)`,
		`o.toml:23:1: features.avatar-iii.rate: Avatar III is included (premium = false)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

func TestOverlayForAnotherCardIsAnError(t *testing.T) {
	got := overlayProblems(t, "[overlay]\ncard = \"FluxNote flat rate\"\nas_of = 2025-01-01\n\n[plans.pro]\ncredits = 3000\n")
	for _, want := range []string{
		`o.toml:2:1: overlay.card: this overlay was negotiated on the card “FluxNote flat rate”, not on “HeyGen Premium Credits”`,
		`o.toml:3:1: overlay.as_of: this overlay was negotiated on the card as of 2025-01-01`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	// Naming neither is an error too: an overlay must say what it fits.
	got = overlayProblems(t, "[overlay]\n\n[plans.pro]\ncredits = 3000\n")
	if !strings.Contains(got, "must name the card it was negotiated on") {
		t.Errorf("an overlay naming no card: %s", got)
	}
	got = overlayProblems(t, "[plans.pro]\ncredits = 3000\n")
	if !strings.Contains(got, "missing required table [overlay]") {
		t.Errorf("an overlay without [overlay]: %s", got)
	}
}

func TestOverlayUnknownKeysAtEveryLevel(t *testing.T) {
	got := overlayProblems(t, overlayHead+"customer = \"x\"\n[plan.pro]\ncredits = 1\n[features.avatar-iv]\nrates = 1\n[plans.pro.topups.addon-monthly]\ncredit = 1\n")
	for _, want := range []string{
		`overlay.customer: unknown key; valid keys here: card, as_of`,
		`plan: unknown key (did you mean "plans"?)`,
		`features.avatar-iv.rates: unknown key (did you mean "rate"?)`,
		`plans.pro.topups.addon-monthly.credit: unknown key (did you mean "credits"?)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

func TestOverlayThatChangesNothingIsAnError(t *testing.T) {
	got := overlayProblems(t, overlayHead+"[plans.pro]\n")
	if !strings.Contains(got, "plans.pro: changes nothing") {
		t.Errorf("%s", got)
	}
}

func TestOverlayDiscountBand(t *testing.T) {
	c := defaultCard(t)
	if c.MaxDiscount != 20*PercentScale {
		t.Fatalf("plans.toml's band is %d", c.MaxDiscount)
	}
	for _, tc := range []struct {
		plan string
		warn int // how many of the two prices are above the band
	}{
		{"[plans.pro]\ndiscount = \"20%\"\n", 0},                        // at the band: no approval needed
		{"[plans.pro]\ndiscount = \"20.01%\"\n", 2},                     // above it, both billings
		{"[plans.pro]\nmonthly_price = 70\n", 1},                        // 29% below list, monthly only
		{"[plans.pro]\ndiscount = \"$20.00\"\n", 2},                     // 20.2% of 99 and 25.3% of 79
		{"[plans.enterprise]\nmonthly_price = 10\n", 0},                 // no list price to be below
		{"[plans.pro]\ncredits = 10000\n", 0},                           // credits are not a discount
		{"[plans.business]\nannual_price = 200\n", 0},                   // above list
		{"[plans.business]\ndiscount = \"19.99%\"\n", 0},                // within the band
		{"[plans.creator]\ndiscount = \"50%\"\nannual_price = 29\n", 2}, // 24 -> 29 then 50%: 14.50 is 39.6% below 24
	} {
		nc, _, err := c.LoadOverlay("o.toml", []byte(overlayHead+tc.plan))
		if err != nil {
			t.Fatalf("%s: %v", tc.plan, err)
		}
		if len(nc.Custom.Warnings) != tc.warn {
			t.Errorf("%s: warnings %q, want %d", tc.plan, nc.Custom.Warnings, tc.warn)
		}
		for _, w := range nc.Custom.Warnings {
			if !strings.Contains(w, "above the 20% band: needs approval") {
				t.Errorf("warning %q does not say it needs approval", w)
			}
		}
	}
	// Without a band on the card, nothing needs approval.
	nb := *c
	nb.MaxDiscount = 0
	nc, _, err := nb.LoadOverlay("o.toml", []byte(overlayHead+"[plans.pro]\ndiscount = \"60%\"\n"))
	if err != nil || len(nc.Custom.Warnings) != 0 {
		t.Errorf("no band: %v %v", err, nc.Custom.Warnings)
	}
}

func TestOverlayCreditsAtTheCardsPrecision(t *testing.T) {
	c := defaultCard(t)
	nc, _, err := c.LoadOverlay("o.toml", []byte(overlayHead+"[features.ai-script]\nrate = 0.4\n[plans.creator.topups.addon-monthly]\ncredits = 350.5\nprice = 14.99\n"))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := nc.Feature("ai-script")
	p, _ := nc.Plan("creator")
	if f.Rate != 400 || p.TopUps[0].Credits != 350_500 || p.TopUps[0].Price != 14_9900 {
		t.Errorf("rate %d, pack %d for %d", f.Rate, p.TopUps[0].Credits, p.TopUps[0].Price)
	}
	got := overlayProblems(t, overlayHead+"[plans.creator.topups.addon-monthly]\ncredits = 0\n")
	if !strings.Contains(got, "a top-up must add credits") {
		t.Errorf("%s", got)
	}
}

func TestBadgeNameIsTheBaseNamePrintable(t *testing.T) {
	for in, want := range map[string]string{
		"acme-pricing.toml":           "acme-pricing.toml",
		"/home/sam/deals/acme.toml":   "acme.toml",
		`C:\deals\acme.toml`:          "acme.toml",
		"deals/\x1b]0;pwned\x07.toml": `\x1b]0;pwned\a.toml`,
		"deals/\u202eevil.toml":       `\u202eevil.toml`,
	} {
		if got := BadgeName(in); got != want {
			t.Errorf("BadgeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSourceIsOverlay(t *testing.T) {
	if !SourceIsOverlay(acmeOverlay(t)) {
		t.Error("the example overlay is not told apart")
	}
	for _, src := range []string{"plan = \"pro\"\n", "# overlay\nplan = \"pro\"\n", "name = \"overlay\"\n", "[card]\nname = \"x\"\n"} {
		if SourceIsOverlay([]byte(src)) {
			t.Errorf("%q taken for an overlay", src)
		}
	}
}
