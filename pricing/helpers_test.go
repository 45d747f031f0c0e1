package pricing

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// baseCard is a small rate card whose every slot has one included feature, so a
// rule test can add the one premium feature it is about and nothing else charges.
// One plan, "starter": $29 a month, 200 credits, everything offered.
const baseCard = `[card]
name = "Test card"
currency = "USD"
as_of = 2026-01-06
schema = 1
credit_name = "premium credit"
credit_name_plural = "premium credits"
precision = %d

[defaults]
avatar = "basic-avatar"
look = "stock-look"
voice = "stock-voice"
resolution = "720p"
translation = "dubbing"
broll = "stock-media"
agent = "studio"
script = "own-script"

[[features]]
id = "basic-avatar"
name = "Basic avatar"
slot = "avatar"
rate = 0
unit = "minute"

[[features]]
id = "stock-look"
name = "Stock look"
slot = "look"
rate = 0
unit = "video"

[[features]]
id = "stock-voice"
name = "Stock voice"
slot = "voice"
rate = 0
unit = "minute"

[[features]]
id = "720p"
name = "720p"
slot = "resolution"
rate = 0
unit = "video"
height = 720

[[features]]
id = "1080p"
name = "1080p"
slot = "resolution"
rate = 0
unit = "video"
height = 1080

[[features]]
id = "dubbing"
name = "Audio dubbing"
slot = "translation"
rate = 0
unit = "language_minute"

[[features]]
id = "stock-media"
name = "Stock media"
slot = "broll"
rate = 0
unit = "clip"

[[features]]
id = "studio"
name = "Studio"
slot = "agent"
rate = 0
unit = "minute"

[[features]]
id = "own-script"
name = "Your own script"
slot = "script"
rate = 0
unit = "generation"
`

// starterPlan is the base card's one plan; tests that bring their own plans leave it out.
const starterPlan = `
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
credits = 200
`

// premiumFeatures are the premium features most rule tests use, each with a
// round rate so expected figures can be worked out by hand.
const premiumFeatures = `
[[features]]
id = "avatar-pro"
name = "Avatar Pro"
slot = "avatar"
premium = true
rate = 20
unit = "minute"
increment = "3s"
rerender = true
alternative = "basic-avatar"
alternative_reason = "the basic avatar is included"

[[features]]
id = "ai-look"
name = "AI look"
slot = "look"
premium = true
rate = 1
unit = "video"
alternative = "stock-look"
alternative_reason = "stock looks are included"

[[features]]
id = "4k"
name = "4K"
slot = "resolution"
premium = true
rate = 10
unit = "video"
rerender = true
height = 2160
alternative = "1080p"
alternative_reason = "1080p is included"

[[features]]
id = "lipsync"
name = "Lip-sync"
slot = "translation"
premium = true
rate = 5
unit = "language_minute"
increment = "30s"
rerender = true
alternative = "dubbing"
alternative_reason = "dubbing is included"

[[features]]
id = "gen-clip"
name = "Generated clip"
slot = "broll"
premium = true
rate = 10
unit = "clip"
alternative = "stock-media"
alternative_reason = "stock footage is included"

[[features]]
id = "agent"
name = "Video Agent"
slot = "agent"
premium = true
rate = 30
unit = "minute"
increment = "30s"
rerender = true

[[features]]
id = "ai-script"
name = "AI script"
slot = "script"
premium = true
rate = 0.5
unit = "generation"
alternative = "own-script"
`

// mustCard loads a card from the base card at the given precision plus extra TOML.
func mustCard(t testing.TB, precision int, extra string) *RateCard {
	t.Helper()
	src := fmt.Sprintf(baseCard, precision) + extra
	c, err := ParseRateCard("test.toml", []byte(src))
	if err != nil {
		t.Fatalf("test card does not load:\n%v\n--- source ---\n%s", err, src)
	}
	return c
}

// standardCard is the base card at precision 1 with the starter plan and the premium features.
func standardCard(t testing.TB) *RateCard {
	t.Helper()
	return mustCard(t, 1, starterPlan+premiumFeatures)
}

// defaultCard loads the real plans.toml the binary embeds.
func defaultCard(t testing.TB) *RateCard {
	t.Helper()
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatalf("plans.toml does not load: %v", err)
	}
	return c
}

// video makes a video of the given length on card c with the given picks (slot
// key -> feature id); everything else takes the card's defaults.
func video(c *RateCard, name string, seconds int, picks map[string]string) Video {
	v := c.NewVideo(name)
	v.Seconds = seconds
	for k, id := range picks {
		s, ok := SlotByKey(k)
		if !ok {
			panic("unknown slot " + k)
		}
		v.Picks[s] = id
	}
	return v
}

// lineFor returns the line of a slot in a breakdown.
func lineFor(t testing.TB, lines []Line, s Slot) Line {
	t.Helper()
	for _, l := range lines {
		if l.Slot == s {
			return l
		}
	}
	t.Fatalf("no %s line in %+v", s.Key(), lines)
	return Line{}
}

// cr writes whole and fractional credits readably in expectations: cr("20.4").
func cr(s string) Credits {
	c, err := ParseCredits(s)
	if err != nil {
		panic(err)
	}
	return c
}

// usd writes a price readably in expectations: usd("29.00") is 290000 Money units.
func usd(s string) Money {
	v, _, err := parseDecimal(s, 4)
	if err != nil {
		panic(err)
	}
	return Money(v)
}

// cardFile reads the rate card at path.
func cardFile(t testing.TB, path string) *RateCard {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseRateCard(filepath.Base(path), src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
