package pricing

import (
	"strings"
	"testing"
)

// avatarOnlyCard prices video by the minute and has no feature for any other
// slot: no translation, b-roll or script feature to charge work to.
const avatarOnlyCard = `[card]
name = "Avatar only"
currency = "USD"
as_of = 2026-01-06
schema = 1

[defaults]
avatar = "gen"

[[features]]
id = "gen"
name = "Generated video"
slot = "avatar"
premium = true
rate = 10
unit = "minute"

[[plans]]
id = "solo"
name = "Solo"
monthly_price = 10
credits = 100
`

// Work the card cannot price is an error naming the slot, never a charge of 0.
func TestWorkTheCardCannotPriceIsAnError(t *testing.T) {
	c, err := ParseRateCard("avatar.toml", []byte(avatarOnlyCard))
	if err != nil {
		t.Fatal(err)
	}
	load := func(src string) error {
		p, err := ParseProject("month.toml", []byte(src), c)
		if err != nil && p != nil {
			t.Error("a project with problems was returned")
		}
		return err
	}
	video := "[[videos]]\nname = \"A\"\nlength = \"1m\"\n"
	for _, tc := range []struct{ key, value, msg string }{
		{"languages", `["es", "de"]`, `videos[0].languages: this card has no translation features, so languages cannot be priced`},
		{"broll_clips", "3", `videos[0].broll_clips: this card has no broll features, so b-roll clips cannot be priced`},
		{"script_generations", "2", `videos[0].script_generations: this card has no script features, so script generations cannot be priced`},
	} {
		src := video + tc.key + " = " + tc.value + "\n"
		checkProblems(t, "month.toml", load(src), []want{wantAt(src, tc.key, tc.msg)})
	}
	// None of that work asked for (0 clips, no languages), the video prices.
	if err := load(video + "broll_clips = 0\nlanguages = []\nscript_generations = 0\n"); err != nil {
		t.Errorf("no work asked for: %v", err)
	}
	// The same work on a card that prices it loads.
	if err := loadProject(t, video+"languages = [\"es\"]\nbroll_clips = 3\nscript_generations = 2\n"); err != nil {
		t.Errorf("on a card with the features: %v", err)
	}
}

// A list of choices that is empty says so, instead of "choose one of: " and nothing.
func TestAnEmptyListOfChoicesSaysThereAreNone(t *testing.T) {
	c, err := ParseRateCard("avatar.toml", []byte(avatarOnlyCard))
	if err != nil {
		t.Fatal(err)
	}
	src := "[[videos]]\nname = \"A\"\nlength = \"1m\"\ntranslation = \"lipsync-pro\"\n"
	_, err = ParseProject("month.toml", []byte(src), c)
	checkProblems(t, "month.toml", err, []want{wantAt(src, "translation",
		`videos[0].translation: unknown translation feature "lipsync-pro"; this card has no translation features`)})
	if strings.Contains(err.Error(), "choose one of: \n") || strings.HasSuffix(err.Error(), "choose one of: ") {
		t.Errorf("%v", err)
	}
	// In a card: a default for a slot no feature fills.
	card := strings.Replace(avatarOnlyCard, `avatar = "gen"`, "avatar = \"gen\"\nvoice = \"tts\"", 1)
	_, err = ParseRateCard("avatar.toml", []byte(card))
	checkProblems(t, "avatar.toml", err, []want{wantAt(card, "voice", `defaults.voice: unknown voice feature "tts"; this card has no voice features`)})
	// A feature of another slot named where this slot has none.
	wrong := strings.Replace(avatarOnlyCard, `avatar = "gen"`, "avatar = \"gen\"\nlook = \"gen\"", 1)
	_, err = ParseRateCard("avatar.toml", []byte(wrong))
	checkProblems(t, "avatar.toml", err, []want{wantAt(wrong, "look", `defaults.look: feature "gen" fills the avatar slot, not look; this card has no look features`)})
}
