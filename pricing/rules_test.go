package pricing

import (
	"reflect"
	"strings"
	"testing"
)

func TestAvatarChargesPerMinuteInIncrements(t *testing.T) {
	// Avatar Pro: 20 credits a minute, billed per started 3 s.
	c := standardCard(t)
	cases := []struct {
		seconds, billed int
		want            Credits
	}{
		{150, 150, cr("50")},     // 150 s at 20/min = 50
		{60, 60, cr("20")},       // exactly one minute
		{59, 60, cr("20")},       // 59 s rounds up to 60 s = 20
		{61, 63, cr("21")},       // 61 s rounds up to 63 s: 63/60 × 20 = 21
		{1, 3, cr("1")},          // one started increment: 3 s = 1
		{3601, 3603, cr("1201")}, // 1h0m1s -> 3603 s = 1201
	}
	for _, tc := range cases {
		v := video(c, "v", tc.seconds, map[string]string{"avatar": "avatar-pro"})
		l := lineFor(t, c.Lines(&v), SlotAvatar)
		if l.BilledSeconds != tc.billed || l.Credits != tc.want {
			t.Errorf("%d s: billed %d s for %s credits, want %d s for %s", tc.seconds, l.BilledSeconds, l.Credits, tc.billed, tc.want)
		}
		if got := c.VideoCredits(&v); got != tc.want {
			t.Errorf("%d s: VideoCredits = %s, want %s", tc.seconds, got, tc.want)
		}
	}
}

func TestThirtySecondRoundingRoundsUp(t *testing.T) {
	// One credit a minute, billed per started 30 s (HeyGen's pre-2025 rule).
	c := mustCard(t, 1, starterPlan+`
[[features]]
id = "classic"
name = "Classic avatar"
slot = "avatar"
premium = true
rate = 1
unit = "minute"
increment = "30s"
`)
	cases := []struct {
		seconds, billed int
		want            Credits
	}{
		{1, 30, cr("0.5")},  // 1 s is a started half minute
		{30, 30, cr("0.5")}, // exactly 30 s is not rounded further
		{31, 60, cr("1")},   // 31 s -> 60 s
		{61, 90, cr("1.5")}, // 61 s -> 90 s
		{90, 90, cr("1.5")},
		{91, 120, cr("2")},
		{599, 600, cr("10")},
	}
	for _, tc := range cases {
		v := video(c, "v", tc.seconds, map[string]string{"avatar": "classic"})
		l := lineFor(t, c.Lines(&v), SlotAvatar)
		if l.BilledSeconds != tc.billed || l.Credits != tc.want {
			t.Errorf("%d s: billed %d s for %s, want %d s for %s", tc.seconds, l.BilledSeconds, l.Credits, tc.billed, tc.want)
		}
	}
}

func TestLipSyncChargesPerLanguageMinute(t *testing.T) {
	// Lip-sync: 5 credits per minute per language, 30 s increments, charged again on re-render.
	c := standardCard(t)
	cases := []struct {
		name      string
		seconds   int
		languages []string
		rerenders int
		want      Credits
	}{
		{"two languages", 150, []string{"es", "de"}, 0, cr("25")},                 // 150 s = 2.5 min × 5 = 12.5 per language × 2 = 25
		{"one language rounds to 90 s", 61, []string{"es"}, 0, cr("7.5")},         // 61 s -> 90 s = 1.5 min × 5 = 7.5
		{"three languages", 100, []string{"es", "de", "fr"}, 0, cr("30")},         // 100 s -> 120 s = 10 per language × 3 = 30
		{"re-rendered twice", 60, []string{"es", "de"}, 2, cr("30")},              // 5 per language × 2 languages × 3 renders = 30
		{"no languages, no charge", 600, nil, 0, 0},                               // the slot is inactive
		{"ten languages", 30, strings.Fields("a b c d e f g h i j"), 0, cr("25")}, // 30 s = 2.5 per language × 10 = 25
	}
	for _, tc := range cases {
		v := video(c, "v", tc.seconds, map[string]string{"translation": "lipsync"})
		v.Languages = tc.languages
		v.Rerenders = tc.rerenders
		if got := c.VideoCredits(&v); got != tc.want {
			t.Errorf("%s: %s credits, want %s", tc.name, got, tc.want)
		}
		if len(tc.languages) > 0 {
			l := lineFor(t, c.Lines(&v), SlotTranslation)
			if l.Languages != len(tc.languages) || l.Renders != 1+tc.rerenders {
				t.Errorf("%s: line counts %d languages × %d renders, want %d × %d", tc.name, l.Languages, l.Renders, len(tc.languages), 1+tc.rerenders)
			}
		}
	}
}

func TestRerenderChargesRerenderFeaturesAgain(t *testing.T) {
	c := standardCard(t)
	// Avatar Pro (rerender = true) and AI look (rerender = false), 60 s, 2 re-renders.
	v := video(c, "v", 60, map[string]string{"avatar": "avatar-pro", "look": "ai-look", "resolution": "4k"})
	v.Rerenders = 2
	lines := c.Lines(&v)
	avatar := lineFor(t, lines, SlotAvatar)
	if avatar.Renders != 3 || avatar.Credits != cr("60") { // 20 per render × 3 renders
		t.Errorf("avatar: %d renders, %s credits; want 3 renders, 60", avatar.Renders, avatar.Credits)
	}
	look := lineFor(t, lines, SlotLook)
	if look.Renders != 1 || look.Credits != cr("1") { // a look is generated once
		t.Errorf("look: %d renders, %s credits; want 1 render, 1", look.Renders, look.Credits)
	}
	res := lineFor(t, lines, SlotResolution)
	if res.Renders != 3 || res.Credits != cr("30") { // 10 per upscale × 3
		t.Errorf("4K: %d renders, %s credits; want 3 renders, 30", res.Renders, res.Credits)
	}
	if got := c.VideoCredits(&v); got != cr("91") { // 60 + 1 + 30
		t.Errorf("video: %s credits, want 91", got)
	}
	if q := avatar.Quantity(); q != "1m × 3 renders" {
		t.Errorf("avatar quantity %q, want %q", q, "1m × 3 renders")
	}
	// No re-renders: each feature once.
	v.Rerenders = 0
	if got := c.VideoCredits(&v); got != cr("31") { // 20 + 1 + 10
		t.Errorf("no re-renders: %s credits, want 31", got)
	}
}

func TestMinimumChargeAppliesPerCharge(t *testing.T) {
	c := mustCard(t, 1, starterPlan+`
[[features]]
id = "agent"
name = "Agent"
slot = "agent"
premium = true
rate = 30
unit = "minute"
minimum = 5
rerender = true

[[features]]
id = "lipsync"
name = "Lip-sync"
slot = "translation"
premium = true
rate = 5
unit = "language_minute"
minimum = 2
`)
	cases := []struct {
		name      string
		slot      string
		id        string
		seconds   int
		languages int
		rerenders int
		want      Credits
	}{
		// 6 s at 30/min = 3, raised to the minimum 5.
		{"short render raised to minimum", "agent", "agent", 6, 0, 0, cr("5")},
		// The minimum is per render, not per video: 5 × 2 renders = 10 (not max(6, 5) = 6).
		{"minimum per render", "agent", "agent", 6, 0, 1, cr("10")},
		// 20 s at 30/min = 10, above the minimum, so 10.
		{"above minimum untouched", "agent", "agent", 20, 0, 0, cr("10")},
		// 12 s at 5/min = 1 per language, raised to 2 per language × 3 = 6 (not max(3, 2) = 3).
		{"minimum per language", "translation", "lipsync", 12, 3, 0, cr("6")},
	}
	for _, tc := range cases {
		v := video(c, "v", tc.seconds, map[string]string{tc.slot: tc.id})
		v.Rerenders = tc.rerenders
		for i := range tc.languages {
			v.Languages = append(v.Languages, string(rune('a'+i)))
		}
		if got := c.VideoCredits(&v); got != tc.want {
			t.Errorf("%s: %s credits, want %s", tc.name, got, tc.want)
		}
	}
}

func TestIncludedFeaturesSpendNothing(t *testing.T) {
	c := standardCard(t)
	// Every slot active with its included feature: 10 minutes, 3 languages dubbed,
	// 5 stock clips, 3 own-script drafts, 2 re-renders, 7 copies.
	v := video(c, "All included", 600, nil)
	v.Languages = []string{"es", "de", "fr"}
	v.BRollClips = 5
	v.ScriptGenerations = 3
	v.Rerenders = 2
	v.Count = 7
	lines := c.Lines(&v)
	if len(lines) != int(NumSlots) {
		t.Fatalf("%d lines, want one per slot (%d)", len(lines), NumSlots)
	}
	for _, l := range lines {
		if l.Premium() || l.Credits != 0 {
			t.Errorf("%s: premium=%v credits=%s, want included and 0", l.Feature.ID, l.Premium(), l.Credits)
		}
		if l.Feature.RateText() != "included" {
			t.Errorf("%s rate text %q, want included", l.Feature.ID, l.Feature.RateText())
		}
	}
	q, err := c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{v}})
	if err != nil {
		t.Fatal(err)
	}
	if q.Premium != 0 || q.Remaining != cr("200") || len(q.Alternatives) != 0 {
		t.Errorf("quote: premium %s, remaining %s, %d alternatives; want 0, 200, none", q.Premium, q.Remaining, len(q.Alternatives))
	}
	if got, want := q.Message(), "This will use 0 premium credits (200 remaining)."; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

func TestInactiveSlotsChargeNothing(t *testing.T) {
	c := standardCard(t)
	// Premium picks in translation, b-roll and script, but no languages, clips or drafts.
	v := video(c, "v", 60, map[string]string{"translation": "lipsync", "broll": "gen-clip", "script": "ai-script"})
	lines := c.Lines(&v)
	for _, l := range lines {
		switch l.Slot {
		case SlotTranslation, SlotBRoll, SlotScript:
			t.Errorf("inactive %s slot has a line: %+v", l.Slot.Key(), l)
		}
	}
	if len(lines) != 5 { // avatar, look, voice, resolution, agent
		t.Errorf("%d lines, want 5", len(lines))
	}
	if got := c.VideoCredits(&v); got != 0 {
		t.Errorf("inactive slots charge %s, want 0", got)
	}
	for _, s := range []Slot{SlotTranslation, SlotBRoll, SlotScript} {
		if v.Active(s) {
			t.Errorf("slot %s active without its quantity", s.Key())
		}
	}
	// Give each its quantity and each charges: 1 language at 60 s = 5, 2 clips × 10 = 20, 3 drafts × 0.5 = 1.5.
	v.Languages = []string{"es"}
	v.BRollClips = 2
	v.ScriptGenerations = 3
	if got := c.VideoCredits(&v); got != cr("26.5") {
		t.Errorf("active slots charge %s, want 26.5", got)
	}
	if n := len(c.Lines(&v)); n != 8 {
		t.Errorf("%d lines with every slot active, want 8", n)
	}
}

func TestHalfCreditScriptGenerationsAddUpExactly(t *testing.T) {
	c := standardCard(t)
	for n := 1; n <= 1000; n++ {
		v := video(c, "v", 60, map[string]string{"script": "ai-script"})
		v.ScriptGenerations = n
		// n drafts × 0.5 credit = n × 500 milli-credits, exactly.
		if got := c.VideoCredits(&v); got != Credits(n*500) {
			t.Fatalf("%d drafts: %s credits, want %s", n, got, Credits(n*500))
		}
	}
	// 10 copies × 3 drafts × 0.5 = 15, and 0.5 + 0.5 + ... over a month stays whole.
	v := video(c, "v", 60, map[string]string{"script": "ai-script"})
	v.ScriptGenerations = 3
	v.Count = 10
	q, err := c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{v}})
	if err != nil {
		t.Fatal(err)
	}
	if q.Premium != cr("15") || q.Videos[0].Each != cr("1.5") {
		t.Errorf("month %s (each %s), want 15 (each 1.5)", q.Premium, q.Videos[0].Each)
	}
	if got := q.Premium.String(); got != "15" {
		t.Errorf("String %q, want 15", got)
	}

	// Money: $0.16 a credit. A one-credit pack at $0.16, 15 needed: 15 × $0.16 = $2.40
	// exactly (in float64, 0.16 × 15 is 2.4000000000000004).
	m := mustCard(t, 1, premiumFeatures+`
[[plans]]
id = "tiny"
name = "Tiny"
monthly_price = 0
credits = 0
  [[plans.topups]]
  id = "one"
  credits = 1
  price = 0.16
`)
	tp, _ := m.Plan("tiny")
	buy, ok := tp.CheapestTopUp(cr("15"))
	if !ok || buy.Cost != usd("2.40") || buy.Cost.Format("USD") != "$2.40" {
		t.Errorf("15 credits at $0.16: %v %d (%s), want $2.40 exactly", ok, buy.Cost, buy.Cost.Format("USD"))
	}
	// 0.5 credit short still buys a whole pack: $0.16.
	buy, _ = tp.CheapestTopUp(cr("0.5"))
	if buy.Cost != usd("0.16") || buy.Credits != cr("1") {
		t.Errorf("0.5 short: %s for %s credits, want $0.16 for 1", buy.Cost.Format("USD"), buy.Credits)
	}
	// A thousand purchases of $0.16 add to exactly $160.
	var sum Money
	for range 1000 {
		sum += usd("0.16")
	}
	if sum != usd("160") {
		t.Errorf("1000 × $0.16 = %s, want $160.00", sum.Format("USD"))
	}
}

func TestRoundingHappensOncePerChargeAtCardPrecision(t *testing.T) {
	// A 20/min avatar billed by the second: 61 s = 20.333... credits a render.
	feature := `
[[features]]
id = "fine"
name = "Fine avatar"
slot = "avatar"
premium = true
rate = 20
unit = "minute"
rerender = true
`
	cases := []struct {
		precision int
		rerenders int
		count     int
		each      Credits
	}{
		{0, 0, 1, cr("21")},         // 20.333 up to whole credits = 21
		{1, 0, 1, cr("20.4")},       // up to tenths = 20.4
		{2, 0, 1, cr("20.34")},      // up to hundredths
		{3, 0, 1, cr("20.334")},     // up to thousandths
		{0, 2, 1, cr("63")},         // 21 per render × 3 (not ceil(61.0) = 61 on the total)
		{1, 2, 1, cr("61.2")},       // 20.4 × 3
		{1, 0, 10, cr("20.4")},      // the copy is rounded, the month multiplies: 10 × 20.4 = 204
		{3, 2, 1, cr("61.002")},     // 20.334 × 3
		{0, 0, 3, cr("21")},         // 3 copies × 21 = 63
		{2, 1, 2, cr("40.68")},      // 20.34 × 2 renders = 40.68 each, 81.36 for 2 copies
		{1, 99, 1, cr("2040")},      // 20.4 × 100 renders
		{0, 100, 1, cr("2121")},     // 21 × 101 renders
		{3, 100, 1, cr("2053.734")}, // 20.334 × 101
	}
	for _, tc := range cases {
		c := mustCard(t, tc.precision, starterPlan+feature)
		v := video(c, "v", 61, map[string]string{"avatar": "fine"})
		v.Rerenders = tc.rerenders
		v.Count = tc.count
		q, err := c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{v}})
		if err != nil {
			t.Fatal(err)
		}
		if q.Videos[0].Each != tc.each || q.Premium != tc.each*Credits(tc.count) {
			t.Errorf("precision %d, %d re-renders, %d copies: each %s, month %s; want each %s, month %s",
				tc.precision, tc.rerenders, tc.count, q.Videos[0].Each, q.Premium, tc.each, tc.each*Credits(tc.count))
		}
	}
	// Per language: 5/min by the second at precision 0, 61 s = 5.083 a language,
	// rounded to 6 each, × 2 languages = 12 (not ceil(10.17) = 11).
	c := mustCard(t, 0, starterPlan+`
[[features]]
id = "lipsync"
name = "Lip-sync"
slot = "translation"
premium = true
rate = 5
unit = "language_minute"
`)
	v := video(c, "v", 61, map[string]string{"translation": "lipsync"})
	v.Languages = []string{"es", "de"}
	if got := c.VideoCredits(&v); got != cr("12") {
		t.Errorf("two languages at precision 0: %s, want 12", got)
	}
}

func TestUpfrontMessageExact(t *testing.T) {
	c := standardCard(t)
	cases := []struct {
		use, balance Credits
		want         string
	}{
		{cr("50"), cr("200"), "This will use 50 premium credits (200 remaining)."},
		{cr("80"), cr("48"), "This will use 80 premium credits (48 remaining): 32 short."},
		{cr("1"), cr("200"), "This will use 1 premium credit (200 remaining)."},
		{cr("1"), cr("1"), "This will use 1 premium credit (1 remaining)."},
		{cr("50"), cr("50"), "This will use 50 premium credits (50 remaining)."},
		{cr("0"), cr("200"), "This will use 0 premium credits (200 remaining)."},
		{cr("0.5"), cr("200"), "This will use 0.5 premium credits (200 remaining)."},
		{cr("3600"), cr("12000"), "This will use 3,600 premium credits (12,000 remaining)."},
		{cr("12500.5"), cr("1000"), "This will use 12,500.5 premium credits (1,000 remaining): 11,500.5 short."},
		{cr("1234567"), cr("0"), "This will use 1,234,567 premium credits (0 remaining): 1,234,567 short."},
		// A balance already overdrawn is shown as 0 remaining, and the whole use is short.
		{cr("10"), -cr("5"), "This will use 10 premium credits (0 remaining): 10 short."},
		{cr("2"), cr("1.5"), "This will use 2 premium credits (1.5 remaining): 0.5 short."},
		// Spending nothing is never short, even overdrawn.
		{0, -cr("5"), "This will use 0 premium credits (0 remaining)."},
	}
	for _, tc := range cases {
		if got := c.UpfrontMessage(tc.use, tc.balance); got != tc.want {
			t.Errorf("UpfrontMessage(%s, %s) = %q, want %q", tc.use, tc.balance, got, tc.want)
		}
	}
	// The unit name is the card's; without a plural the card adds "s".
	tokens := mustCard(t, 0, starterPlan)
	tokens.CreditName, tokens.CreditNamePlural = "token", "tokens"
	if got, want := tokens.UpfrontMessage(cr("1"), cr("5")), "This will use 1 token (5 remaining)."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	src := strings.Replace(strings.Replace(baseCard, `credit_name = "premium credit"`, `credit_name = "minute"`, 1), "credit_name_plural = \"premium credits\"\n", "", 1)
	minutes, err := ParseRateCard("m.toml", []byte(strings.Replace(src, "%d", "0", 1)+starterPlan))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := minutes.UpfrontMessage(cr("3"), cr("2")), "This will use 3 minutes (2 remaining): 1 short."; got != want {
		t.Errorf("default plural: got %q, want %q", got, want)
	}

	// The month's and each video's message: video A spends 50, B spends 100 on a
	// 200-credit plan. The month: 150 of 200. A's balance is what is left once B is
	// paid for: 200 - 100 = 100.
	a := video(c, "A", 150, map[string]string{"avatar": "avatar-pro"}) // 150 s at 20/min = 50
	b := video(c, "B", 300, map[string]string{"avatar": "avatar-pro"}) // 300 s at 20/min = 100
	q, err := c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{a, b}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := q.Message(), "This will use 150 premium credits (200 remaining)."; got != want {
		t.Errorf("month: %q, want %q", got, want)
	}
	if got, want := q.VideoMessage(0), "This will use 50 premium credits (100 remaining)."; got != want {
		t.Errorf("video A: %q, want %q", got, want)
	}
	if got, want := q.VideoMessage(1), "This will use 100 premium credits (150 remaining)."; got != want {
		t.Errorf("video B: %q, want %q", got, want)
	}
	// A month that does not fit: B made twice = 250 on 200.
	q.Videos = nil
	b.Count = 2
	q, _ = c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{a, b}})
	if got, want := q.Message(), "This will use 250 premium credits (200 remaining): 50 short."; got != want {
		t.Errorf("short month: %q, want %q", got, want)
	}
	if got, want := q.VideoMessage(1), "This will use 200 premium credits (150 remaining): 50 short."; got != want {
		t.Errorf("short video: %q, want %q", got, want)
	}
}

func TestAlternativesLargestSavingFirst(t *testing.T) {
	c := standardCard(t)
	// Explainer: 120 s, 3 copies, Avatar Pro (40 each), AI look (1), lip-sync in 2 languages (10 each = 20).
	explainer := video(c, "Explainer", 120, map[string]string{"avatar": "avatar-pro", "look": "ai-look", "translation": "lipsync"})
	explainer.Languages = []string{"es", "de"}
	explainer.Count = 3
	// Keynote: 600 s once with Avatar Pro (200) and 3 generated clips (30).
	keynote := video(c, "Keynote", 600, map[string]string{"avatar": "avatar-pro", "broll": "gen-clip"})
	keynote.BRollClips = 3
	q, err := c.Quote(&Project{Plan: "starter", Seats: 1, Videos: []Video{explainer, keynote}})
	if err != nil {
		t.Fatal(err)
	}
	type saving struct {
		video int
		slot  Slot
		each  Credits
		saves Credits
	}
	want := []saving{
		{1, SlotAvatar, cr("200"), cr("200")},    // Keynote avatar: 200 once
		{0, SlotAvatar, cr("40"), cr("120")},     // Explainer avatar: 40 × 3
		{0, SlotTranslation, cr("20"), cr("60")}, // Explainer lip-sync: 20 × 3
		{1, SlotBRoll, cr("30"), cr("30")},       // Keynote clips: 30 once
		{0, SlotLook, cr("1"), cr("3")},          // Explainer look: 1 × 3
	}
	var got []saving
	for _, a := range q.Alternatives {
		got = append(got, saving{a.Video, a.Slot, a.Each, a.Saves})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("month alternatives\n got %v\nwant %v", got, want)
	}
	// Per video, also largest first.
	var perVideo []Credits
	for _, a := range q.Videos[0].Alternatives {
		perVideo = append(perVideo, a.Saves)
	}
	if !reflect.DeepEqual(perVideo, []Credits{cr("120"), cr("60"), cr("3")}) {
		t.Errorf("explainer alternatives save %v, want 120, 60, 3", perVideo)
	}
	first := q.Alternatives[0]
	if got, want := first.Text(c), "Use Basic avatar instead of Avatar Pro: saves 200 premium credits"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if first.Reason != "the basic avatar is included" || first.VideoName != "Keynote" {
		t.Errorf("reason %q video %q", first.Reason, first.VideoName)
	}
	if got, want := q.Alternatives[4].Text(c), "Use Stock look instead of AI look: saves 3 premium credits"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	// Applying every alternative saves exactly their sum: 413 -> 0.
	if q.Premium != cr("413") { // 3 × (40 + 1 + 20) + 200 + 30 = 413
		t.Errorf("month %s, want 413", q.Premium)
	}
}

// TestQuoteFollowsTheAlternativeChainAsFitDoes: a step the plan cannot use is
// skipped and the chain followed on to the first step it can, by the one rule
// in chain.go that Fit follows too; the reason is the one for the feature
// landed on.
func TestQuoteFollowsTheAlternativeChainAsFitDoes(t *testing.T) {
	// Avatar Ultra (40/min) has Avatar Pro (20/min) as its alternative, and Pro
	// the basic avatar; the "basic" plan does not offer Avatar Pro, so Ultra
	// goes straight to the basic avatar there. 8K (20 a video) falls back to 4K
	// (10), which the "hd" plan cannot render, and 4K to 1080p, which it can.
	c := mustCard(t, 1, premiumFeatures+`
[[features]]
id = "avatar-ultra"
name = "Avatar Ultra"
slot = "avatar"
premium = true
rate = 40
unit = "minute"
alternative = "avatar-pro"

[[features]]
id = "8k"
name = "8K"
slot = "resolution"
premium = true
rate = 20
unit = "video"
height = 4320
alternative = "4k"

[[features]]
id = "pricier"
name = "Pricier look"
slot = "look"
premium = true
rate = 1
unit = "video"
alternative = "ai-look"

[[plans]]
id = "all"
name = "All"
monthly_price = 10
credits = 1000

[[plans]]
id = "basic"
name = "Basic"
monthly_price = 10
credits = 1000
features = ["basic-avatar", "avatar-ultra", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "studio", "own-script"]

[[plans]]
id = "hd"
name = "HD"
monthly_price = 10
credits = 1000
max_resolution = "1080p"
`)
	v := video(c, "v", 60, map[string]string{"avatar": "avatar-ultra", "resolution": "8k", "look": "pricier"})
	alts := func(plan string) map[Slot]string {
		q, err := c.Quote(&Project{Plan: plan, Seats: 1, Videos: []Video{v}})
		if err != nil {
			t.Fatal(err)
		}
		m := map[Slot]string{}
		for _, a := range q.Alternatives {
			m[a.Slot] = a.To.ID
		}
		return m
	}
	// On "all": Ultra -> Pro saves 20, 8K -> 4K saves 10; Pricier look -> AI look
	// saves nothing (both 1) so it is not suggested.
	if got, want := alts("all"), map[Slot]string{SlotAvatar: "avatar-pro", SlotResolution: "4k"}; !reflect.DeepEqual(got, want) {
		t.Errorf("all: %v, want %v", got, want)
	}
	if got := alts("basic"); got[SlotAvatar] != "basic-avatar" {
		t.Errorf("basic suggests %q for Avatar Ultra; want basic-avatar, the first step it offers", got[SlotAvatar])
	}
	if got := alts("hd"); got[SlotResolution] != "1080p" {
		t.Errorf("hd suggests %q for 8K; want 1080p, the first step it can render", got[SlotResolution])
	}
	// Quote and Fit agree on the step and its reason.
	q, err := c.Quote(&Project{Plan: "basic", Seats: 1, Videos: []Video{v}})
	if err != nil {
		t.Fatal(err)
	}
	basic, _ := c.Plan("basic")
	f := c.Fit(&Project{Plan: "basic", Seats: 1, Videos: []Video{v}}, basic, 0)
	for _, a := range q.Alternatives {
		if a.Slot != SlotAvatar {
			continue
		}
		if a.Reason != "the basic avatar is included" {
			t.Errorf("quote's reason for Ultra -> basic is %q, want the Pro -> basic one", a.Reason)
		}
		found := false
		for _, ch := range f.Changes {
			if ch.Slot == SlotAvatar && !ch.Rerenders {
				found = true
				if ch.To.ID != a.To.ID || ch.Reason != a.Reason {
					t.Errorf("fit switches to %s (%q), quote offers %s (%q)", ch.To.ID, ch.Reason, a.To.ID, a.Reason)
				}
			}
		}
		if !found {
			t.Errorf("fit to 0 credits does not switch the avatar: %+v", f.Changes)
		}
	}
}

func TestRunsOutAtCopy(t *testing.T) {
	c := standardCard(t)
	fifty := video(c, "Fifty", 150, map[string]string{"avatar": "avatar-pro"})  // 50 each
	thirty := video(c, "Thirty", 90, map[string]string{"avatar": "avatar-pro"}) // 30 each
	free := video(c, "Free", 600, nil)
	cases := []struct {
		name      string
		balance   Credits
		videos    func() []Video
		runsOutAt int64
		copies    int64
		fits      bool
		short     Credits
	}{
		// 3 × 50 = 150, then 30 fits (180), the 2nd Thirty would be 210: copy 3 + 2 = 5.
		{"second video tips over", cr("200"), func() []Video {
			a, b := fifty, thirty
			a.Count, b.Count = 3, 4
			return []Video{a, b}
		}, 5, 7, false, cr("70")}, // 150 + 120 = 270, 70 short
		// The very first copy does not fit a balance of 40.
		{"first copy", cr("40"), func() []Video { return []Video{fifty} }, 1, 1, false, cr("10")},
		// Free copies never run out; the 50 after them is copy 4.
		{"after free copies", cr("0"), func() []Video {
			f := free
			f.Count = 3
			return []Video{f, fifty}
		}, 4, 4, false, cr("50")},
		// Videos made zero times are skipped: Fifty × 0, then Thirty: 3rd copy of Thirty at 90 > 70.
		{"count zero skipped", cr("70"), func() []Video {
			a, b := fifty, thirty
			a.Count, b.Count = 0, 3
			return []Video{a, b}
		}, 3, 3, false, cr("20")},
		// An overdrawn balance (the planner lets a user type what is left): the first copy.
		{"overdrawn balance", -cr("100"), func() []Video {
			b := thirty
			b.Count = 4
			return []Video{b}
		}, 1, 4, false, cr("120")},
		{"fits", cr("200"), func() []Video { return []Video{fifty, thirty} }, 0, 2, true, 0},
		{"exactly fits", cr("80"), func() []Video { return []Video{fifty, thirty} }, 0, 2, true, 0},
	}
	for _, tc := range cases {
		p := &Project{Plan: "starter", Seats: 1, Balance: tc.balance, HasBalance: true, Videos: tc.videos()}
		q, err := c.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		if q.RunsOutAt != tc.runsOutAt || q.Copies != tc.copies || q.Fits != tc.fits || q.Short != tc.short {
			t.Errorf("%s: runs out at %d of %d, fits %v, short %s; want %d of %d, %v, %s",
				tc.name, q.RunsOutAt, q.Copies, q.Fits, q.Short, tc.runsOutAt, tc.copies, tc.fits, tc.short)
		}
	}
}

func TestShortMonthSuggestsCheapestTopUp(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+`
[[plans]]
id = "packs"
name = "Packs"
monthly_price = 29
credits = 200
  [[plans.topups]]
  id = "small"
  name = "Small"
  credits = 100
  price = 10
  [[plans.topups]]
  id = "big"
  name = "Big"
  credits = 1000
  price = 80

[[plans]]
id = "tie"
name = "Tie"
monthly_price = 29
credits = 0
  [[plans.topups]]
  id = "b"
  credits = 120
  price = 10
  [[plans.topups]]
  id = "a"
  credits = 100
  price = 10

[[plans]]
id = "none"
name = "None"
monthly_price = 29
credits = 200
`)
	packs, _ := c.Plan("packs")
	cases := []struct {
		need    Credits
		credits Credits
		cost    Money
		mix     map[string]int64
	}{
		{cr("150"), cr("200"), usd("20"), map[string]int64{"small": 2}},             // 2 small $20 beats 1 big $80
		{cr("950"), cr("1000"), usd("80"), map[string]int64{"big": 1}},              // 10 small $100 > 1 big $80
		{cr("1050"), cr("1100"), usd("90"), map[string]int64{"small": 1, "big": 1}}, // mix $90 beats 11 small $110 and 2 big $160
		{cr("2850"), cr("3000"), usd("240"), map[string]int64{"big": 3}},            // 3 big $240 beats 2 big + 9 small $250
		{cr("0.5"), cr("100"), usd("10"), map[string]int64{"small": 1}},             // a fraction short still buys a whole pack
	}
	for _, tc := range cases {
		buy, ok := packs.CheapestTopUp(tc.need)
		got := map[string]int64{}
		for _, pc := range buy.Packs {
			got[pc.TopUp.ID] += pc.Count
		}
		if !ok || buy.Cost != tc.cost || buy.Credits != tc.credits || !reflect.DeepEqual(got, tc.mix) {
			t.Errorf("need %s: %v %v for %s credits at %s; want %v for %s at %s", tc.need, ok, got, buy.Credits, buy.Cost.Format("USD"), tc.mix, tc.credits, tc.cost.Format("USD"))
		}
	}
	// Equal cost: fewer credits bought wins (100 for $10 over 120 for $10, though
	// the 120 pack comes first on the card).
	tie, _ := c.Plan("tie")
	if buy, _ := tie.CheapestTopUp(cr("100")); buy.Credits != cr("100") || buy.Cost != usd("10") {
		t.Errorf("tie: %s credits at %s, want 100 at $10", buy.Credits, buy.Cost.Format("USD"))
	}
	none, _ := c.Plan("none")
	if _, ok := none.CheapestTopUp(cr("10")); ok {
		t.Error("a plan without top-ups offers one")
	}
	if _, ok := packs.CheapestTopUp(0); ok {
		t.Error("a top-up is offered for nothing short")
	}

	// In a quote: 1,250 credits on Packs' 200 is 1,050 short: 1 big + 1 small, $90 on top of $29.
	v := video(c, "Long", 3750, map[string]string{"avatar": "avatar-pro"}) // 3750 s at 20/min = 1250
	q, err := c.Quote(&Project{Plan: "packs", Seats: 1, Videos: []Video{v}})
	if err != nil {
		t.Fatal(err)
	}
	if q.Short != cr("1050") || q.TopUp.Cost != usd("90") || q.Cost != usd("119") {
		t.Errorf("quote short %s, top-up %s, cost %s; want 1050, $90, $119", q.Short, q.TopUp.Cost.Format("USD"), q.Cost.Format("USD"))
	}
	if got := q.TopUp.Describe(c); got != "1 × Small + 1 × Big (1,100 premium credits, $90.00)" {
		t.Errorf("describe %q", got)
	}
}

// TestCheapestTopUpMatchesBruteForce checks the two-pack search against every
// mix of at most two pack kinds, counted out by hand, for many needs.
func TestCheapestTopUpMatchesBruteForce(t *testing.T) {
	p := &Plan{TopUps: []TopUp{
		{ID: "a", Credits: cr("70"), Price: usd("8")},
		{ID: "b", Credits: cr("250"), Price: usd("25")},
		{ID: "c", Credits: cr("1000"), Price: usd("95")},
	}}
	for need := cr("1"); need <= cr("3000"); need += cr("7") {
		buy, ok := p.CheapestTopUp(need)
		if !ok {
			t.Fatalf("need %s: none", need)
		}
		best := Money(-1)
		for i := range p.TopUps {
			for j := range p.TopUps {
				a, b := p.TopUps[i], p.TopUps[j]
				for x := int64(0); x <= 50; x++ {
					for y := int64(0); y <= 50; y++ {
						if i == j && y > 0 {
							continue
						}
						got := a.Credits*Credits(x) + b.Credits*Credits(y)
						cost := a.Price*Money(x) + b.Price*Money(y)
						if got >= need && (best < 0 || cost < best) {
							best = cost
						}
					}
				}
			}
		}
		if buy.Cost != best || buy.Credits < need {
			t.Fatalf("need %s: bought %s for %s, brute force finds %s", need, buy.Credits, buy.Cost.Format("USD"), best.Format("USD"))
		}
	}
}

// upgradePlans are four plans with round numbers: Starter $29/200 with no top-ups,
// Pro $99/2,000 (extra seats $50, videos up to 20 min), Business $149/1,000 with 5
// seats, Enterprise (contact sales) 50,000.
const upgradePlans = `
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
annual_price = 24
credits = 200
watermark = false

[[plans]]
id = "pro"
name = "Pro"
monthly_price = 99
annual_price = 79
credits = 2000
extra_seat_price = 50
max_length = "20m"

[[plans]]
id = "business"
name = "Business"
monthly_price = 149
annual_price = 119
credits = 1000
included_seats = 5

[[plans]]
id = "enterprise"
name = "Enterprise"
credits = 50000
included_seats = 100
`

func TestShortMonthSuggestsCheapestUpgrade(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+upgradePlans)
	// One video of Avatar Pro at 20/min of the given length.
	month := func(seconds, seats int) *Project {
		return &Project{Plan: "starter", Seats: seats, Videos: []Video{video(c, "v", seconds, map[string]string{"avatar": "avatar-pro"})}}
	}
	cases := []struct {
		name    string
		p       *Project
		upgrade string
	}{
		// 750 s = 250 credits, 50 short on Starter; Pro ($99) and Business ($149) cover it.
		{"Pro at $99 beats Business at $149", month(750, 1), "pro"},
		// 30 min = 600 credits, longer than Pro's 20m maximum.
		{"Pro blocked by length: Business", month(1800, 1), "business"},
		// 250 credits with 3 seats: Pro costs $99 + 2 × $50 = $199, Business $149 with 5 seats.
		{"seats make Pro dearer", month(750, 3), "business"},
		// 150 min = 3,000 credits: only Enterprise has that many, and it is never suggested.
		{"nothing priced covers 3,000", month(9000, 1), ""},
	}
	for _, tc := range cases {
		q, err := c.Quote(tc.p)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if q.Upgrade != nil {
			got = q.Upgrade.ID
		}
		if got != tc.upgrade || q.Fits {
			t.Errorf("%s: upgrade %q (fits %v), want %q", tc.name, got, q.Fits, tc.upgrade)
		}
	}
	// A month that fits suggests no upgrade.
	if q, _ := c.Quote(month(60, 1)); q.Upgrade != nil || q.Short != 0 {
		t.Errorf("fitting month suggests %v", q.Upgrade)
	}
}

// blockedPlans is a "tiny" plan that blocks everything it can: 3 minutes,
// 1080p, watermark, 3 videos a month, no Avatar Pro, one seat and no more.
const blockedPlans = `
[[plans]]
id = "tiny"
name = "Tiny"
monthly_price = 0
credits = 1000
max_length = "3m"
max_resolution = "1080p"
watermark = true
videos_per_month = 3
features = ["basic-avatar", "stock-look", "stock-voice", "720p", "1080p", "4k", "dubbing", "stock-media", "studio", "own-script"]
`

func TestBlockedReasons(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+blockedPlans)
	long := video(c, "Long one", 300, nil)
	long.Count = 2
	sharp := video(c, "Sharp", 60, map[string]string{"resolution": "4k"})
	pro := video(c, "Pro talk", 60, map[string]string{"avatar": "avatar-pro"})
	pro2 := video(c, "Pro again", 60, map[string]string{"avatar": "avatar-pro"})
	p := &Project{Plan: "tiny", Seats: 2, Videos: []Video{long, sharp, pro, pro2}}
	want := []string{
		"\u201cLong one\u201d is 5m, longer than Tiny's 3m maximum",
		"\u201cSharp\u201d needs 4K, above Tiny's 1080p maximum",
		"Avatar Pro is not offered on Tiny (\u201cPro talk\u201d and 1 more)",
		"Tiny adds a watermark",
		"5 videos this month; Tiny allows 3", // 2 + 1 + 1 + 1
		"2 seats needed; Tiny has 1 and sells no more",
	}
	tiny, _ := c.Plan("tiny")
	if got := c.Blocked(tiny, p); !reflect.DeepEqual(got, want) {
		t.Errorf("blocked\n got %q\nwant %q", got, want)
	}
	q, _ := c.Quote(p)
	if !reflect.DeepEqual(q.Blocked, want) {
		t.Errorf("quote blocked %q", q.Blocked)
	}
	// Each reason alone, and gone when its cause is.
	single := []struct {
		name string
		p    *Project
		want []string
	}{
		{"length", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{video(c, "Long one", 181, nil)}},
			[]string{"\u201cLong one\u201d is 3m1s, longer than Tiny's 3m maximum"}},
		{"length at the limit", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{video(c, "Edge", 180, nil)}}, nil},
		{"resolution", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{sharp}},
			[]string{"\u201cSharp\u201d needs 4K, above Tiny's 1080p maximum"}},
		{"not offered", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{pro}},
			[]string{"Avatar Pro is not offered on Tiny (\u201cPro talk\u201d)"}},
		{"watermark", &Project{Seats: 1, Videos: []Video{video(c, "v", 60, nil)}}, []string{"Tiny adds a watermark"}},
		{"watermark ok", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{video(c, "v", 60, nil)}}, nil},
		{"videos cap", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{{Name: "v", Count: 4, Seconds: 60, Picks: c.Defaults}}},
			[]string{"4 videos this month; Tiny allows 3"}},
		{"videos at cap", &Project{Seats: 1, WatermarkOK: true, Videos: []Video{{Name: "v", Count: 3, Seconds: 60, Picks: c.Defaults}}}, nil},
		{"seats", &Project{Seats: 3, WatermarkOK: true, Videos: []Video{video(c, "v", 60, nil)}},
			[]string{"3 seats needed; Tiny has 1 and sells no more"}},
	}
	for _, tc := range single {
		if got := c.Blocked(tiny, tc.p); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// Inactive slots do not block: a premium translation with no languages.
	inactive := video(c, "v", 60, map[string]string{"translation": "lipsync"})
	if got := c.Blocked(tiny, &Project{Seats: 1, WatermarkOK: true, Videos: []Video{inactive}}); got != nil {
		t.Errorf("inactive slot blocks: %q", got)
	}
}

func TestCountZeroVideosAreIgnoredForLimits(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+blockedPlans)
	// Two hours long, 4K, Avatar Pro, but made zero times this month.
	v := video(c, "Shelved", 7200, map[string]string{"avatar": "avatar-pro", "resolution": "4k"})
	v.Count = 0
	p := &Project{Plan: "tiny", Seats: 1, WatermarkOK: true, Videos: []Video{v}}
	tiny, _ := c.Plan("tiny")
	if got := c.Blocked(tiny, p); got != nil {
		t.Errorf("a video made zero times blocks: %q", got)
	}
	q, _ := c.Quote(p)
	if q.Premium != 0 || q.Copies != 0 || q.FinishedSeconds != 0 || q.RunsOutAt != 0 {
		t.Errorf("zero copies: premium %s, copies %d, seconds %d, runs out %d", q.Premium, q.Copies, q.FinishedSeconds, q.RunsOutAt)
	}
	// But it still has its per-copy breakdown for the Video screen: 2 h at 20/min = 2,400, + 10.
	if q.Videos[0].Each != cr("2410") || q.Videos[0].Credits != 0 {
		t.Errorf("each %s, total %s; want 2410 and 0", q.Videos[0].Each, q.Videos[0].Credits)
	}
	// And it adds nothing to the video count: 3 made + 1 shelved is within 3.
	made := video(c, "Made", 60, nil)
	made.Count = 3
	p.Videos = append(p.Videos, made)
	if got := c.Blocked(tiny, p); got != nil {
		t.Errorf("3 made + 0 shelved blocks: %q", got)
	}
}

func TestContactSalesNeverRecommendedNorZero(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+upgradePlans)
	ent, _ := c.Plan("enterprise")
	for _, b := range []Billing{Monthly, Annual} {
		if got := c.PriceLabel(ent, b); got != "contact sales" {
			t.Errorf("%s price label %q, want contact sales", b.Key(), got)
		}
	}
	if !ent.ContactSales {
		t.Fatal("a plan without prices is not contact sales")
	}
	// 3,000 credits: only Enterprise's own credits cover it, and no other plan sells
	// top-ups, so nothing usable remains; Enterprise must still not be recommended.
	p := &Project{Plan: "starter", Seats: 1, Videos: []Video{video(c, "v", 150*60, map[string]string{"avatar": "avatar-pro"})}}
	cmp := c.Compare(p)
	if cmp.Recommended != "" {
		t.Errorf("recommended %q with nothing usable", cmp.Recommended)
	}
	for _, o := range cmp.Options {
		if o.Plan.ID == "enterprise" {
			if !o.Fits || o.Usable() || o.Recommended {
				t.Errorf("enterprise: fits %v usable %v recommended %v; want fits, not usable, not recommended", o.Fits, o.Usable(), o.Recommended)
			}
		}
	}
	q, _ := c.Quote(p)
	if q.Upgrade != nil {
		t.Errorf("quote suggests upgrading to %s", q.Upgrade.ID)
	}
	// A tiny month: Enterprise's $0 "price" must not make it the cheapest.
	small := &Project{Plan: "starter", Seats: 1, Videos: []Video{video(c, "v", 60, nil)}}
	if got := c.Compare(small).Recommended; got != "starter" {
		t.Errorf("small month recommends %q, want starter", got)
	}
}

func TestRecommendedIsCheapestUsablePlan(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+`
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
annual_price = 24
credits = 200
max_resolution = "1080p"
  [[plans.topups]]
  id = "small"
  credits = 100
  price = 10

[[plans]]
id = "pro"
name = "Pro"
monthly_price = 99
annual_price = 79
credits = 2000

[[plans]]
id = "business"
name = "Business"
monthly_price = 149
annual_price = 119
credits = 1000
included_seats = 5
`)
	avatar := func(seconds int) Video { return video(c, "v", seconds, map[string]string{"avatar": "avatar-pro"}) }
	cases := []struct {
		name   string
		p      *Project
		want   string
		totals map[string]string
	}{
		// 300 credits: Starter $29 + 1 × $10 = $39 beats Pro $99.
		{"small top-up", &Project{Seats: 1, Videos: []Video{avatar(900)}}, "starter",
			map[string]string{"starter": "39", "pro": "99", "business": "149"}},
		// 1,500 credits: Starter $29 + 13 × $10 = $159 > Pro $99; Business $149 is short and sells nothing.
		{"top-ups dearer than Pro", &Project{Seats: 1, Videos: []Video{avatar(4500)}}, "pro",
			map[string]string{"starter": "159", "pro": "99", "business": "149"}},
		// 4K blocks Starter: Pro.
		{"blocked cheapest", &Project{Seats: 1, Videos: []Video{video(c, "v", 60, map[string]string{"resolution": "4k"})}}, "pro",
			map[string]string{"starter": "29", "pro": "99", "business": "149"}},
		// Annual billing: Starter $24 + $10 = $34.
		{"annual", &Project{Seats: 1, Billing: Annual, Videos: []Video{avatar(900)}}, "starter",
			map[string]string{"starter": "34", "pro": "79", "business": "119"}},
		// 5 seats: Starter and Pro sell no seats beyond 1: Business.
		{"seats", &Project{Seats: 5, Videos: []Video{avatar(60)}}, "business",
			map[string]string{"starter": "29", "pro": "99", "business": "149"}},
	}
	for _, tc := range cases {
		cmp := c.Compare(tc.p)
		if cmp.Recommended != tc.want {
			t.Errorf("%s: recommended %q, want %q", tc.name, cmp.Recommended, tc.want)
		}
		n := 0
		for _, o := range cmp.Options {
			if o.Recommended {
				n++
				if o.Plan.ID != tc.want {
					t.Errorf("%s: option %s flagged recommended", tc.name, o.Plan.ID)
				}
			}
			if want := usd(tc.totals[o.Plan.ID]); o.Total != want {
				t.Errorf("%s: %s total %s, want %s", tc.name, o.Plan.ID, o.Total.Format("USD"), want.Format("USD"))
			}
		}
		if n != 1 {
			t.Errorf("%s: %d options flagged recommended", tc.name, n)
		}
	}
}

func TestCostPerFinishedMinute(t *testing.T) {
	cases := []struct {
		cost    Money
		seconds int64
		want    Money
	}{
		{usd("29"), 600, usd("2.9")},   // $29 over 10 minutes
		{usd("29"), 60, usd("29")},     // one minute
		{usd("29"), 90, Money(193333)}, // $29 / 1.5 = $19.33333.. -> 19.3333 (half up at 1/10000)
		{usd("20"), 90, Money(133333)}, // 13.33333.. -> 13.3333
		{usd("10"), 90, Money(66667)},  // 6.666666.. -> 6.6667
		{Money(1), 120, Money(1)},      // 0.5 unit rounds half up to 1
		{Money(1), 121, 0},             // 0.4959 rounds down
		{usd("29"), 0, 0},              // nothing finished: 0, not a division by zero
		{0, 600, 0},
	}
	for _, tc := range cases {
		if got := PerFinishedMinute(tc.cost, tc.seconds); got != tc.want {
			t.Errorf("PerFinishedMinute(%d, %d) = %d, want %d", tc.cost, tc.seconds, got, tc.want)
		}
	}
	// In a comparison: Starter $29 for 3 copies of 2m30s = 7.5 finished minutes
	// (re-renders are not finished minutes): $3.8667 a minute, shown $3.87.
	c := standardCard(t)
	v := video(c, "v", 150, nil)
	v.Count = 3
	v.Rerenders = 4
	cmp := c.Compare(&Project{Plan: "starter", Seats: 1, Videos: []Video{v}})
	if cmp.FinishedSeconds != 450 || cmp.Options[0].PerMinute != Money(38667) || cmp.Options[0].PerMinute.Format("USD") != "$3.87" {
		t.Errorf("finished %d s, per minute %d (%s); want 450, 38667 ($3.87)", cmp.FinishedSeconds, cmp.Options[0].PerMinute, cmp.Options[0].PerMinute.Format("USD"))
	}
}

func TestAnnualBillingPrice(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+`
[[plans]]
id = "creator"
name = "Creator"
monthly_price = 29
annual_price = 24
credits = 200

[[plans]]
id = "flat"
name = "Flat"
monthly_price = 12.5
credits = 100
`)
	creator, _ := c.Plan("creator")
	flat, _ := c.Plan("flat")
	checks := []struct {
		plan    *Plan
		billing Billing
		want    Money
		label   string
	}{
		{creator, Monthly, usd("29"), "$29.00"},
		{creator, Annual, usd("24"), "$24.00"},
		{flat, Monthly, usd("12.5"), "$12.50"},
		{flat, Annual, usd("12.5"), "$12.50"}, // no annual price: the monthly one
	}
	for _, ch := range checks {
		if got := ch.plan.Price(ch.billing); got != ch.want || c.PriceLabel(ch.plan, ch.billing) != ch.label {
			t.Errorf("%s %s: %d %q, want %d %q", ch.plan.ID, ch.billing.Key(), got, c.PriceLabel(ch.plan, ch.billing), ch.want, ch.label)
		}
	}
	p := &Project{Plan: "creator", Seats: 1, Billing: Annual, Videos: []Video{video(c, "v", 60, nil)}}
	q, _ := c.Quote(p)
	if q.Cost != usd("24") {
		t.Errorf("annual quote costs %s, want $24.00", q.Cost.Format("USD"))
	}
	cmp := c.Compare(p)
	if o := cmp.Options[0]; o.MonthlyTotal != usd("29") || o.AnnualTotal != usd("24") || o.Total != usd("24") {
		t.Errorf("creator monthly %s annual %s total %s; want $29, $24, $24", o.MonthlyTotal.Format("USD"), o.AnnualTotal.Format("USD"), o.Total.Format("USD"))
	}
	p.Billing = Monthly
	if o := c.Compare(p).Options[0]; o.Total != usd("29") {
		t.Errorf("monthly total %s, want $29", o.Total.Format("USD"))
	}
}

func TestExtraSeatsCost(t *testing.T) {
	c := mustCard(t, 1, premiumFeatures+`
[[plans]]
id = "business"
name = "Business"
monthly_price = 149
annual_price = 119
credits = 1000
extra_seat_price = 20

[[plans]]
id = "team"
name = "Team"
monthly_price = 300
credits = 1000
included_seats = 5
extra_seat_price = 40
`)
	cases := []struct {
		plan    string
		seats   int
		billing Billing
		want    Money
	}{
		{"business", 1, Monthly, usd("149")},
		{"business", 3, Monthly, usd("189")}, // 149 + 2 × 20
		{"business", 3, Annual, usd("159")},  // 119 + 2 × 20: seats are monthly either way
		{"team", 5, Monthly, usd("300")},     // five seats included
		{"team", 3, Monthly, usd("300")},     // fewer than included: no refund
		{"team", 7, Monthly, usd("380")},     // 300 + 2 × 40
	}
	for _, tc := range cases {
		p := &Project{Plan: tc.plan, Seats: tc.seats, Billing: tc.billing, Videos: []Video{video(c, "v", 60, nil)}}
		q, err := c.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		if q.Cost != tc.want || len(q.Blocked) != 0 {
			t.Errorf("%s × %d seats %s: %s (blocked %q), want %s", tc.plan, tc.seats, tc.billing.Key(), q.Cost.Format("USD"), q.Blocked, tc.want.Format("USD"))
		}
	}
}

func TestQuoteUnknownPlanIsAnError(t *testing.T) {
	c := standardCard(t)
	q, err := c.Quote(&Project{Plan: "nope", Seats: 1})
	if err == nil || q != nil || !strings.Contains(err.Error(), "starter") {
		t.Errorf("unknown plan: %v, %v; want an error naming the valid plans", q, err)
	}
}
