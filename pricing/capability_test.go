package pricing

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// alphaCard has two providers of generated b-roll (both premium, per clip:
// the cheaper must be chosen) and both kinds of translation.
const alphaCard = `[card]
name = "Alpha video"
vendor = "Alpha"
currency = "USD"
as_of = 2026-01-06
schema = 1

[defaults]
avatar = "a-std"
translation = "a-dub"
broll = "a-stock"

[[features]]
id = "a-std"
name = "Standard"
slot = "avatar"
provides = "avatar.standard"
rate = 0
unit = "minute"

[[features]]
id = "a-exp"
name = "Expressive"
slot = "avatar"
provides = "avatar.expressive"
premium = true
rate = 20
unit = "minute"

[[features]]
id = "a-dub"
name = "Dubbing"
slot = "translation"
provides = "translate.dub"
rate = 0
unit = "language_minute"

[[features]]
id = "a-lip"
name = "Lip-sync"
slot = "translation"
provides = "translate.lipsync"
premium = true
rate = 5
unit = "language_minute"

[[features]]
id = "a-stock"
name = "Stock"
slot = "broll"
provides = "broll.stock"
rate = 0
unit = "clip"

[[features]]
id = "a-sora"
name = "Sora"
slot = "broll"
provides = "broll.generated"
premium = true
rate = 10
unit = "clip"

[[features]]
id = "a-veo"
name = "Veo"
slot = "broll"
provides = "broll.generated"
premium = true
rate = 8
unit = "clip"

[[features]]
id = "a-veo-again"
name = "Veo, same rate"
slot = "broll"
provides = "broll.generated"
premium = true
rate = 8
unit = "clip"

[[plans]]
id = "pro"
name = "Pro"
monthly_price = 30
credits = 500

[[plans]]
id = "basic"
name = "Basic"
monthly_price = 10
credits = 100
`

// betaCard has no translation at all, a feature that says nothing of what
// it provides, an id ("expressive") that is also a capability's short name,
// and an included provider of generated b-roll after a premium one.
const betaCard = `[card]
name = "Beta studio"
vendor = "Beta"
currency = "USD"
as_of = 2026-01-06
schema = 1

[defaults]
avatar = "b-std"
broll = "b-gen1"

[[features]]
id = "b-std"
name = "Presenter"
slot = "avatar"
provides = "avatar.standard"
rate = 0
unit = "minute"

[[features]]
id = "expressive"
name = "Beta's own Expressive (a standard presenter)"
slot = "avatar"
provides = "avatar.standard"
rate = 0
unit = "minute"

[[features]]
id = "b-custom"
name = "Custom avatar"
slot = "avatar"
premium = true
rate = 1
unit = "video"

[[features]]
id = "b-gen1"
name = "Generator"
slot = "broll"
provides = "broll.generated"
premium = true
rate = 1
unit = "clip"

[[features]]
id = "b-gen2"
name = "Included generator"
slot = "broll"
provides = "broll.generated"
rate = 0
unit = "clip"

[[plans]]
id = "team"
name = "Team"
monthly_price = 50
credits = 1000
`

func alphaBeta(t *testing.T) (*RateCard, *RateCard) {
	t.Helper()
	a, err := ParseRateCard("alpha.toml", []byte(alphaCard))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseRateCard("beta.toml", []byte(betaCard))
	if err != nil {
		t.Fatal(err)
	}
	return a, b
}

// Each mapping rule: what a slot value becomes on each card, or the gap that
// blocks the card.
func TestCarryingRules(t *testing.T) {
	alpha, beta := alphaBeta(t)
	type on struct{ pick, gap string }
	for _, tc := range []struct {
		rule        string
		video       string
		slot        Slot
		alpha, beta on
	}{
		{"an id on the card priced is that feature; carried through its capability elsewhere",
			`avatar = "a-exp"`, SlotAvatar, on{pick: "a-exp"}, on{gap: "Beta has no expressive avatar (Avatar IV class)"}},
		{"a capability's short name is the card's feature for it, but a card id of that name wins",
			`avatar = "expressive"`, SlotAvatar, on{pick: "a-exp"}, on{pick: "expressive"}},
		{"a capability's full name",
			`avatar = "avatar.expressive"`, SlotAvatar, on{pick: "a-exp"}, on{gap: "Beta has no expressive avatar (Avatar IV class)"}},
		{"an id of another card is carried through what it provides",
			`avatar = "b-std"`, SlotAvatar, on{pick: "a-std"}, on{pick: "b-std"}},
		{"a feature that provides nothing cannot be carried",
			`avatar = "b-custom"`, SlotAvatar, on{gap: "Beta's Custom avatar names no capability, so it cannot be carried to Alpha"}, on{pick: "b-custom"}},
		{"two providers: the lower rate in the same unit; an included one before any premium",
			`broll = "generated"` + "\nbroll_clips = 2", SlotBRoll, on{pick: "a-veo"}, on{pick: "b-gen2"}},
		{"the card's own id wins over the cheaper provider",
			`broll = "a-sora"` + "\nbroll_clips = 2", SlotBRoll, on{pick: "a-sora"}, on{pick: "b-gen2"}},
		{"a capability the card lacks, with the work it would do: one gap",
			`translation = "lipsync"` + "\nlanguages = [\"es\"]", SlotTranslation, on{pick: "a-lip"}, on{gap: "Beta's rate card prices no translation, so no lip-sync translation"}},
		{"work for a slot the card has no features for: the gap names the first card's default",
			`languages = ["es"]`, SlotTranslation, on{pick: "a-dub"}, on{gap: "Beta's rate card prices no translation, so no audio dubbing"}},
		{"a slot left out takes each card's own default",
			`broll_clips = 1`, SlotBRoll, on{pick: "a-stock"}, on{pick: "b-gen1"}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			src := "[[videos]]\nname = \"V\"\nlength = \"1m\"\n" + tc.video + "\n"
			months, err := ParseProjectAcross("m.toml", []byte(src), []*RateCard{alpha, beta})
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range []on{tc.alpha, tc.beta} {
				m := months[i]
				if w.gap != "" {
					if len(m.Gaps) != 1 || m.Gaps[0].Reason != w.gap || m.Gaps[0].Video != "V" || m.Gaps[0].Slot != tc.slot || !m.Blocked() {
						t.Errorf("%s: gaps %+v, want one: %q", m.Card.Vendor, m.Gaps, w.gap)
					}
					continue
				}
				if len(m.Gaps) != 0 {
					t.Errorf("%s: gaps %+v, want none", m.Card.Vendor, m.Gaps)
				}
				if got := m.Project.Videos[0].Picks[tc.slot]; got != w.pick {
					t.Errorf("%s: %s = %q, want %q", m.Card.Vendor, tc.slot.Key(), got, w.pick)
				}
			}
		})
	}
}

// When two features provide a capability at the same rate, the first on the card is chosen.
func TestProvidingTieGoesToCardOrder(t *testing.T) {
	alpha, _ := alphaBeta(t)
	for _, id := range []string{"a-veo", "a-veo-again"} {
		f, _ := alpha.Feature(id)
		f.Rate = cr("10") // now a-sora (first), a-veo and a-veo-again cost the same
	}
	if got := alpha.Providing("broll.generated"); got == nil || got.ID != "a-sora" {
		t.Errorf("Providing = %+v, want a-sora", got)
	}
	if got := alpha.Providing("voice.clone"); got != nil {
		t.Errorf("Providing a capability no feature has = %+v", got)
	}
}

// The plan, the balance, a pricing overlay and scenarios belong to the
// project's own card; lengths, counts, languages and re-renders carry.
func TestWhatDoesNotCarry(t *testing.T) {
	alpha, beta := alphaBeta(t)
	src := `plan = "basic"
balance = 40
seats = 2
billing = "annual"
[[videos]]
name = "V"
count = 3
length = "2m"
rerenders = 1
languages = ["es", "de"]
translation = "dub"
`
	// The project's own card is the one with its plan, wherever it is in the list.
	months, err := ParseProjectAcross("m.toml", []byte(src), []*RateCard{beta, alpha})
	if err != nil {
		t.Fatal(err)
	}
	b, a := months[0], months[1]
	if a.Project.Plan != "basic" || !a.Project.HasBalance || a.Project.Balance != cr("40") {
		t.Errorf("own card: plan %q, balance %v %v", a.Project.Plan, a.Project.HasBalance, a.Project.Balance)
	}
	if b.Project.Plan != "team" || b.Project.HasBalance {
		t.Errorf("other card: plan %q, balance kept %v", b.Project.Plan, b.Project.HasBalance)
	}
	for _, m := range months {
		p, v := m.Project, m.Project.Videos[0]
		if p.Seats != 2 || p.Billing != Annual || v.Count != 3 || v.Seconds != 120 || v.Rerenders != 1 {
			t.Errorf("%s: %+v", m.Card.Vendor, p)
		}
	}
	if len(a.Project.Videos[0].Languages) != 2 || a.Project.Videos[0].Picks[SlotTranslation] != "a-dub" {
		t.Errorf("languages on alpha: %+v", a.Project.Videos[0])
	}
	if len(b.Gaps) != 1 || b.Gaps[0].Reason != "Beta's rate card prices no translation, so no audio dubbing" {
		t.Errorf("beta gaps: %+v", b.Gaps)
	}
}

// A value on no card, or a plan on no card, is an error; a problem every card
// finds alike is reported once, and no month is returned.
func TestCarryingBadInput(t *testing.T) {
	alpha, beta := alphaBeta(t)
	src := `plan = "premium"
[[videos]]
name = "V"
length = "2x"
avatar = "a-exq"
[[videos]]
name = "W"
length = "1m"
broll = "generatd"
[[videos]]
name = "X"
length = "1m"
avatar = "b-gen1"
voice = "translate.dub"
`
	months, err := ParseProjectAcross("m.toml", []byte(src), []*RateCard{alpha, beta})
	if months != nil {
		t.Error("months returned with problems")
	}
	checkProblems(t, "m.toml", err, []want{
		wantAt(src, `plan =`, `plan: unknown plan "premium"; choose one of: pro, basic, team`),
		wantAt(src, `length = "2x"`, `videos[0].length:`),
		wantAt(src, `avatar = "a-exq"`, `videos[0].avatar: unknown avatar feature or capability on any card "a-exq" (did you mean "a-exp"?)`),
		wantAt(src, `broll =`, `(did you mean "generated"?)`),
		wantAt(src, `avatar = "b-gen1"`, `videos[2].avatar: feature "b-gen1" fills the broll slot on Beta, not avatar`),
		wantAt(src, `voice =`, `videos[2].voice: capability "translate.dub" belongs to the translation slot, not voice`),
	})
	if _, err := ParseProjectAcross("m.toml", []byte(src), nil); err == nil {
		t.Error("no cards: no error")
	}
}

// On one card, a slot may name a capability; one the card lacks is an error at
// the key naming the vendor, and a capability of another slot names both.
func TestCapabilityOnOneCard(t *testing.T) {
	alpha, beta := alphaBeta(t)
	p, err := ParseProject("m.toml", []byte("[[videos]]\nname = \"V\"\nlength = \"1m\"\navatar = \"expressive\"\n"), alpha)
	if err != nil || p.Videos[0].Picks[SlotAvatar] != "a-exp" {
		t.Fatalf("%v %+v", err, p)
	}
	for _, tc := range []struct{ value, marker, msg string }{
		{`avatar = "avatar.expressive"`, "avatar", `videos[0].avatar: Beta has no expressive avatar (Avatar IV class); choose one of: b-std, expressive, b-custom, avatar.standard`},
		{`broll = "translate.dub"`, "broll", `videos[0].broll: capability "translate.dub" belongs to the translation slot, not broll`},
		{`avatar = "standrd"`, "avatar", `videos[0].avatar: unknown avatar feature "standrd" (did you mean "standard"?)`},
		{`translation = "lipsync"`, "translation", `videos[0].translation: Beta's rate card prices no translation, so no lip-sync translation; remove translation or use a card that prices it`},
	} {
		src := "[[videos]]\nname = \"V\"\nlength = \"1m\"\n" + tc.value + "\n"
		_, err := ParseProject("m.toml", []byte(src), beta)
		checkProblems(t, "m.toml", err, []want{wantAt(src, tc.marker+" =", tc.msg)})
	}
}

// provides must name a capability of the vocabulary, of the feature's own slot.
func TestProvidesBadInput(t *testing.T) {
	for _, tc := range []struct{ from, to, msg string }{
		{`provides = "avatar.expressive"`, `provides = "avatar.expresive"`, `features[1].provides: unknown capability "avatar.expresive" (did you mean "avatar.expressive"?)`},
		{`provides = "avatar.expressive"`, `provides = "voice.clone"`, `features[1].provides: capability "voice.clone" belongs to the voice slot, but feature "a-exp" fills the avatar slot; choose one of: avatar.standard, avatar.expressive, avatar.none`},
		{`provides = "avatar.expressive"`, `provides = 3`, `features[1].provides: must be a string`},
	} {
		src := strings.Replace(alphaCard, tc.from, tc.to, 1)
		_, err := ParseRateCard("alpha.toml", []byte(src))
		checkProblems(t, "alpha.toml", err, []want{wantAt(src, tc.to, tc.msg)})
	}
	// A typo of the key itself is an unknown key, not ignored.
	src := strings.Replace(alphaCard, `provides = "avatar.expressive"`, `provide = "avatar.expressive"`, 1)
	if _, err := ParseRateCard("alpha.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), `did you mean "provides"`) {
		t.Errorf("misspelt key: %v", err)
	}
}

// Every shipped card says what each of its features provides, each in its
// own slot, so any month written for one can be carried to another vendor.
func TestShippedCardsProvideOnEveryFeature(t *testing.T) {
	paths := []string{"../plans.toml"}
	examples, _ := filepath.Glob("../examples/*.toml")
	for _, path := range examples {
		if src, err := os.ReadFile(path); err == nil && bytes.Contains(src, []byte("\n[card]\n")) {
			paths = append(paths, path)
		}
	}
	if len(paths) < 5 {
		t.Fatalf("only %v", paths)
	}
	for _, path := range paths {
		c := loadCardFile(t, path)
		for _, f := range c.Features {
			if s, ok := f.Provides.Slot(); !ok || s != f.Slot {
				t.Errorf("%s: feature %q provides %q", path, f.ID, f.Provides)
			}
		}
	}
}

// The vocabulary: every capability belongs to one slot, has a title, and its
// short name is unique within the slot; every slot has at least one.
func TestVocabulary(t *testing.T) {
	for s := Slot(0); s < NumSlots; s++ {
		caps := SlotCapabilities(s)
		if len(caps) == 0 {
			t.Errorf("slot %s has no capability", s.Key())
		}
		seen := map[string]bool{}
		for _, c := range caps {
			if seen[c.Short()] {
				t.Errorf("%s: short name %q twice", s.Key(), c.Short())
			}
			seen[c.Short()] = true
			if got, ok := CapabilityIn(s, c.Short()); !ok || got != c {
				t.Errorf("CapabilityIn(%s, %q) = %q", s.Key(), c.Short(), got)
			}
			if CapabilityTitle(c) == string(c) || CapabilityTitle(c) == "" {
				t.Errorf("%s has no title", c)
			}
		}
	}
	if CapabilityTitle("translate.lipsync") != "lip-sync translation" {
		t.Error(CapabilityTitle("translate.lipsync"))
	}
}

// A draft resolution is carried like a slot's value; what only another card
// refuses in a month its own card reads (a plan with one resolution cannot
// draft) is that card's gap, not the file's error; a script file is read
// alike on every card.
func TestCarryingDraftsAndScripts(t *testing.T) {
	heygen := defaultCard(t)
	flux := loadCardFile(t, "../examples/fluxnote-flat.toml")
	src := `plan = "creator"
[[videos]]
name = "Drafted"
length = "1m"
drafts = 2
draft_resolution = "720p"
[[videos]]
name = "Scripted"
script = "scripts/intro.md"
`
	fsys := fstest.MapFS{"scripts/intro.md": {Data: []byte(strings.Repeat("word ", 300))}}
	months, err := ParseProjectAcrossFrom("m.toml", []byte(src), []*RateCard{heygen, flux}, ProjectSources{Scripts: fsys})
	if err != nil {
		t.Fatal(err)
	}
	h, f := months[0], months[1]
	if h.Project == nil || h.Project.Videos[0].DraftResolution != "720p" || h.Project.Videos[1].ScriptFile != "scripts/intro.md" {
		t.Fatalf("heygen: %+v", h)
	}
	var reasons []string
	for _, g := range f.Gaps {
		reasons = append(reasons, g.Video+": "+g.Reason)
	}
	got := strings.Join(reasons, "\n")
	if want := "Drafted: FluxNote has no 720p"; got != want {
		t.Errorf("FluxNote's gaps are %q, want only %q", got, want)
	}
	if !f.Blocked() || f.Project == nil {
		t.Errorf("FluxNote month: %+v", f)
	}
	// Drafts at the card's own cheapest resolution carry, and a plan that
	// renders at one resolution is blocked by them, plan by plan: the month
	// carried to another card is not read on the file's plan, so its
	// refusal there is not the whole card's.
	bare, err := ParseProjectAcrossFrom("m.toml", []byte(strings.Replace(src, "draft_resolution = \"720p\"\n", "", 1)), []*RateCard{heygen, flux}, ProjectSources{Scripts: fsys})
	if err != nil {
		t.Fatal(err)
	}
	if g := bare[1].Gaps; len(g) != 0 || bare[1].Project == nil {
		t.Fatalf("FluxNote without a draft resolution: gaps %v", g)
	}
	rs := flux.RightSize(bare[1].Project)
	for _, b := range rs.Blocked {
		if want := "review drafts of “Drafted”: " + b.Plan.Name + " renders at a single resolution"; !strings.Contains(strings.Join(b.Reasons, "; "), want) {
			t.Errorf("%s is blocked by %v, without %q", b.Plan.ID, b.Reasons, want)
		}
	}
	if len(rs.Blocked) == 0 || rs.Best != nil {
		t.Errorf("FluxNote's single-resolution plans price drafts they cannot render: best %+v", rs.Best)
	}
	// On its own card, the same refusal is the file's error.
	if _, err := ParseProjectAcross("m.toml", []byte(strings.Replace(src, `plan = "creator"`, `plan = "free"`, 1)), []*RateCard{flux, heygen}); err == nil ||
		!strings.Contains(err.Error(), "renders at a single resolution") {
		t.Errorf("on its own card: %v", err)
	}
}

// A save keeps a capability the file names where the video's pick did not
// change, and writes the card's id where it did.
func TestEditKeepsCapabilityNames(t *testing.T) {
	c := defaultCard(t)
	src := []byte("plan = \"creator\"\n\n[[videos]]\nname = \"V\"\nlength = \"1m\"\navatar = \"expressive\" # Avatar IV class\n")
	saved, err := ParseProject("m.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	saved.Videos[0].ID = 1 // as the planner numbers the file's videos
	edited := saved.Clone()
	edited.Videos[0].Seconds = 120
	out, kept := EditProject(src, saved, edited, c)
	if !kept || !strings.Contains(string(out), `avatar = "expressive" # Avatar IV class`) || !strings.Contains(string(out), "2m") {
		t.Errorf("kept %v:\n%s", kept, out)
	}
	edited.Videos[0].Picks[SlotAvatar] = "avatar-iii"
	out, _ = EditProject(src, saved, edited, c)
	if p, err := ParseProject("again.toml", out, c); err != nil || p.Videos[0].Picks[SlotAvatar] != "avatar-iii" {
		t.Errorf("%v\n%s", err, out)
	}
}

// Work for a slot the card has no features for, when the first card names no
// capability for the slot either: the gap names the slot.
func TestWorkGapWithoutACapability(t *testing.T) {
	alpha, beta := alphaBeta(t)
	src := "[[videos]]\nname = \"V\"\nlength = \"1m\"\nlanguages = [\"es\"]\nbroll_clips = 1\n"
	months, err := ParseProjectAcross("m.toml", []byte(src), []*RateCard{beta, alpha})
	if err != nil {
		t.Fatal(err)
	}
	if g := months[0].Gaps; len(g) != 1 || g[0].Reason != "Beta's rate card prices no translation" || g[0].Capability != "" {
		t.Errorf("gaps %+v", g)
	}
	if months[1].Blocked() || months[1].Project.Videos[0].Picks[SlotTranslation] != "a-dub" {
		t.Errorf("alpha: %+v", months[1])
	}
}

// What a month carried to another card is read with (its one-time charges,
// that its drafts are not the file's plan's) goes beside the tree, never in
// it as a key: a file with text the unsafe-text walk looks at (“quotes”)
// carried with [[one_time]] and drafts reads on the other card as the month,
// not as "key holds U+0".
func TestCarriedMonthReadsBesideItsTree(t *testing.T) {
	heygen, flux := defaultCard(t), cardFile(t, "../examples/fluxnote-flat.toml")
	month := "# “Launch” month\nplan = \"creator\"\n\n[[one_time]]\nid = \"studio-avatar\"\n\n" +
		"[[videos]]\nname = \"Launch\"\nlength = \"1m\"\ndrafts = 1\n"
	months, err := ParseProjectAcross("m.toml", []byte(month), []*RateCard{heygen, flux})
	if err != nil {
		t.Fatal(err)
	}
	f := months[1]
	for _, g := range f.Gaps {
		if strings.Contains(g.Reason, "U+0") {
			t.Fatalf("the carried month's own parts were read as a key of the file: %v", g.Reason)
		}
	}
	if f.Project == nil || len(f.Project.OneTime) != 1 || f.Project.OneTime[0].ID != "studio-avatar" || f.Project.Videos[0].Drafts != 1 {
		t.Fatalf("FluxNote's month: %+v", f.Project)
	}
	rs := flux.RightSize(f.Project)
	for _, b := range rs.Blocked {
		if !strings.Contains(strings.Join(b.Reasons, "; "), "no one-time charge “studio-avatar”") {
			t.Errorf("%s: %v", b.Plan.ID, b.Reasons)
		}
	}
}

// CheckOnOwnPlan refuses what the file would be refused for when read back:
// drafts at a resolution not below the video's, drafts on a plan with one
// resolution, a one-time charge the plan does not offer.
func TestCheckOnOwnPlan(t *testing.T) {
	c := defaultCard(t)
	src := "plan = \"creator\"\n\n[[videos]]\nname = \"Short\"\nlength = \"45s\"\ndrafts = 1\n"
	p, err := ParseProject("m.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckOnOwnPlan(p); err != nil {
		t.Fatalf("a month that reads is refused: %v", err)
	}
	low := p.Clone()
	low.Videos[0].Picks[SlotResolution] = "720p"
	if err := c.CheckOnOwnPlan(low); err == nil || !strings.Contains(err.Error(), "review drafts of “Short”: drafts at 720p are not below the video's 720p") {
		t.Errorf("drafts not below the video's resolution: %v", err)
	}
	free := p.Clone()
	free.Plan = "free"
	if err := c.CheckOnOwnPlan(free); err == nil || !strings.Contains(err.Error(), "Free renders at a single resolution") {
		t.Errorf("drafts on a single-resolution plan: %v", err)
	}
	once := p.Clone()
	once.Plan = "free"
	once.Videos[0].Drafts = 0
	once.OneTime = []OneTimeNeed{{ID: "studio-avatar", Month: 1}}
	if err := c.CheckOnOwnPlan(once); err == nil || !strings.Contains(err.Error(), "does not offer Custom Studio Avatar setup") {
		t.Errorf("a one-time charge the plan does not offer: %v", err)
	}
}
