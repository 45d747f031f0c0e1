package pricing

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// FuzzProvides: whatever a feature's provides key holds, the card either
// fails with Problems at real positions and no card, or the feature provides
// a capability of the vocabulary in its own slot.
//
//	go test ./pricing -run '^$' -fuzz FuzzProvides -fuzztime 30s
func FuzzProvides(f *testing.F) {
	for _, s := range []string{`"avatar.expressive"`, `"avatar.none"`, `"voice.clone"`, `"expressive"`, `""`, `3`, `["avatar.none"]`, `"avatar.expressive\u202e"`, `"avatar."`, `"."`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if strings.ContainsAny(value, "\n\r") {
			value = strconv.Quote(value) // one line: the rest of the card stays as it is
		}
		src := strings.Replace(alphaCard, `provides = "avatar.expressive"`, "provides = "+value, 1)
		c, err := ParseRateCard("fuzz.toml", []byte(src))
		if err != nil {
			if c != nil {
				t.Fatal("a card with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", []byte(src), err)
			return
		}
		f, _ := c.Feature("a-exp")
		if f.Provides != "" {
			if s, ok := f.Provides.Slot(); !ok || s != SlotAvatar {
				t.Fatalf("a-exp provides %q", f.Provides)
			}
		}
		if p := c.Providing(f.Provides); f.Provides != "" && p == nil {
			t.Fatalf("no feature provides %q", f.Provides)
		}
	})
}

// FuzzParseProjectAcross: whatever a project holds, reading it across the
// default card, FluxNote's and a card without translation either fails with
// Problems at real positions and no month, or gives one month per card whose
// every pick is that card's own feature for the slot, whose gaps each give a
// printable reason, and which quotes; and a project that reads on the
// default card alone reads the same on it across the three.
//
//	go test ./pricing -run '^$' -fuzz FuzzParseProjectAcross -fuzztime 30s
func FuzzParseProjectAcross(f *testing.F) {
	for _, s := range scenarioSeeds {
		f.Add([]byte(s))
	}
	for _, path := range []string{"../examples/sales-demo.toml", "../examples/creator-month.toml", "../examples/fluxnote/month.toml"} {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("plan = \"team\"\n[[videos]]\nname = \"V\"\nlength = \"1m\"\navatar = \"b-custom\"\ntranslation = \"lipsync\"\nlanguages = [\"es\"]\nbroll = \"generated\"\nbroll_clips = 2\n"))
	beta, err := ParseRateCard("beta.toml", []byte(betaCard))
	if err != nil {
		f.Fatal(err)
	}
	flux := loadCardFile(f, "../examples/fluxnote-flat.toml")
	cards := []*RateCard{defaultCard(f), flux, beta}
	f.Fuzz(func(t *testing.T, data []byte) {
		months, err := ParseProjectAcross("fuzz.toml", data, cards)
		// A month that reads on the first card reads the same across them all,
		// with nothing missing on that card.
		if own, ownErr := ParseProject("fuzz.toml", data, cards[0]); ownErr == nil {
			if err != nil {
				t.Fatalf("reads on its own card, not across: %v", err)
			}
			if !SameProject(own, months[0].Project) || len(months[0].Gaps) > 0 {
				t.Fatalf("across, its own card's month differs:\n was %+v\n now %+v\n gaps %+v", own, months[0].Project, months[0].Gaps)
			}
		}
		if err != nil {
			if months != nil {
				t.Fatal("months returned with problems")
			}
			checkLoadError(t, "fuzz.toml", data, err)
			return
		}
		if len(months) != len(cards) {
			t.Fatalf("%d months for %d cards", len(months), len(cards))
		}
		for i, m := range months {
			if m.Card != cards[i] {
				t.Fatalf("month %d is on the wrong card", i)
			}
			for _, g := range m.Gaps {
				if g.Reason == "" || Printable(g.Reason) != g.Reason {
					t.Fatalf("gap reason %q", g.Reason)
				}
			}
			for _, v := range m.Project.Videos {
				for s := Slot(0); s < NumSlots; s++ {
					if id := v.Picks[s]; id != "" {
						if f, ok := m.Card.Feature(id); !ok || f.Slot != s {
							t.Fatalf("%s: %s pick %q is not its feature", m.Card.Vendor, s.Key(), id)
						}
					}
				}
			}
			checkQuote(t, m.Card, m.Project)
		}
	})
}
