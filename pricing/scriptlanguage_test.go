package pricing

import (
	"strings"
	"testing"
)

// languagePaces is a card's table of paces by language, as a card writes it.
const languagePaces = `words_per_minute = 150

[card.words_per_minute_by_language]
es = 140
pt = 145
"pt-BR" = 155
German = 130
`

// TestScriptPaceByLanguage: the voice's pace first, then the script
// language's exact tag, its base language, the card's pace, and 150.
func TestScriptPaceByLanguage(t *testing.T) {
	c := scriptCard(t, languagePaces)
	if want := map[string]int{"es": 140, "pt": 145, "pt-BR": 155, "de": 130}; len(c.LanguagePace) != len(want) {
		t.Fatalf("paces %v, want %v", c.LanguagePace, want)
	} else {
		for tag, wpm := range want {
			if c.LanguagePace[tag] != wpm {
				t.Errorf("pace for %s = %d, want %d (German is read as de)", tag, c.LanguagePace[tag], wpm)
			}
		}
	}
	v := c.NewVideo("v")
	v.ScriptWords = 420
	for _, tc := range []struct {
		lang, voice string
		wpm         int
		text        string
	}{
		{"", "", 150, "150 wpm"},
		{"es", "", 140, "140 wpm for es"},
		{"pt-BR", "", 155, "155 wpm for pt-BR"},
		{"pt-PT", "", 145, "145 wpm for pt-PT"}, // no pt-PT: its base, pt
		{"es-MX", "", 140, "140 wpm for es-MX"},
		{"fr", "", 150, "150 wpm"},           // no pace for French: the card's
		{"es", "fast-voice", 180, "180 wpm"}, // the voice says its own pace
	} {
		v.ScriptLanguage = tc.lang
		v.Picks[SlotVoice] = c.Defaults[SlotVoice]
		if tc.voice != "" {
			v.Picks[SlotVoice] = tc.voice
		}
		if got := c.ScriptPace(&v); got != tc.wpm {
			t.Errorf("%q with voice %q: %d wpm, want %d", tc.lang, tc.voice, got, tc.wpm)
		}
		if got := c.PaceText(&v); got != tc.text {
			t.Errorf("%q with voice %q: %q, want %q", tc.lang, tc.voice, got, tc.text)
		}
	}
	// 420 words at Spanish's 140 wpm: 420 × 60 = 25,200; 25,200 / 140 = 180 s, 3m.
	v.ScriptLanguage, v.Picks[SlotVoice] = "es", c.Defaults[SlotVoice]
	c.ApplyScript(&v)
	if v.Seconds != 180 {
		t.Errorf("420 words at 140 wpm: %d s, want 180", v.Seconds)
	}
	s, _ := c.ScriptLength(&v)
	if got, want := s.Reading(), "420 words ≈ 3m at 140 wpm for es"; got != want {
		t.Errorf("reading %q, want %q", got, want)
	}
}

// TestLanguagePacesRefused: every problem of the table at its key, at once.
func TestLanguagePacesRefused(t *testing.T) {
	src := strings.Replace(baseCardAt(1), "precision = 1\n", "precision = 1\n"+`
[card.words_per_minute_by_language]
es = 140
Spanish = 141
klingonese = 150
de = 1000
fr = "fast"
`, 1) + starterPlan + premiumFeatures
	_, err := ParseRateCard("card.toml", []byte(src))
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		// The table's keys are read in sorted order, so "Spanish" comes first.
		`card.words_per_minute_by_language.es: language "es" has a pace twice (as "Spanish" and "es"); give it once`,
		`card.words_per_minute_by_language.klingonese: unknown language "klingonese"`,
		"card.words_per_minute_by_language.de: must be between 60 and 400 (got 1000)",
		"card.words_per_minute_by_language.fr: must be",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.Contains(line, "words_per_minute_by_language.") && !strings.HasPrefix(line, "card.toml:") {
			t.Errorf("no position: %q", line)
		}
	}
	if n := strings.Count(err.Error(), "card.toml:"); n != 4 {
		t.Errorf("%d problems, want 4:\n%v", n, err)
	}
}

// TestScriptLanguageKey: script_language reads a tag or a name, and only
// beside a script.
func TestScriptLanguageKey(t *testing.T) {
	c := scriptCard(t, languagePaces)
	p, err := ParseProject("m.toml", []byte(`plan = "starter"

[[videos]]
name = "Lanzamiento"
script_words = 420
script_language = "Spanish"
`), c)
	if err != nil {
		t.Fatal(err)
	}
	if v := p.Videos[0]; v.ScriptLanguage != "es" || v.Seconds != 180 {
		t.Errorf("video %q at %d s, want es at 180 s (420 words at 140 wpm)", v.ScriptLanguage, v.Seconds)
	}
	_, err = ParseProject("m.toml", []byte(`plan = "starter"

[[videos]]
name = "typed"
length = "2m"
script_language = "es"

[[videos]]
name = "unknown"
script_words = 100
script_language = "Spanglish"

[[videos]]
name = "not text"
script_words = 100
script_language = 3

[[videos]]
name = "empty"
script_words = 100
script_language = ""
`), c)
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		"m.toml:6:1: videos[0].script_language: script_language applies to a length from a script (script_words or script)",
		`m.toml:11:1: videos[1].script_language: unknown language "Spanglish"`,
		"m.toml:16:1: videos[2].script_language: must be a string, not",
		"m.toml:21:1: videos[3].script_language: a language must not be empty",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
}

// TestEditProjectKeepsScriptLanguage: a save adds, changes and drops the
// script language, keeping the file's comments; a typed length drops it.
func TestEditProjectKeepsScriptLanguage(t *testing.T) {
	c := scriptCard(t, languagePaces)
	src := []byte(`plan = "starter"

[[videos]]
name = "Lanzamiento"
script_words = 420
script_language = "es"   # the Madrid team's read

[[videos]]
name = "Launch"
script_words = 300   # the English cut

[[videos]]
name = "Teaser"
script_words = 200
script_language = "de"
`)
	saved, err := ParseProject("m.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	for i := range saved.Videos {
		saved.Videos[i].ID = i + 1
	}
	edited := saved.Clone()
	edited.Videos[0].ScriptLanguage = "pt-BR"
	edited.Videos[1].ScriptLanguage = "es"
	edited.Videos[2].ScriptWords, edited.Videos[2].ScriptLanguage, edited.Videos[2].Seconds = 0, "", 90
	for i := range edited.Videos {
		c.ApplyScript(&edited.Videos[i])
	}
	out, kept := EditProject(src, saved, edited, c)
	if !kept {
		t.Fatalf("layout not kept:\n%s", out)
	}
	for _, want := range []string{`script_language = "pt-BR" # the Madrid team's read`, "script_words = 300   # the English cut", `script_language = "es"`, `length = "1m30s"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), `"de"`) {
		t.Errorf("a typed length kept its script language:\n%s", out)
	}
	back, err := ParseProject("m.toml", out, c)
	if err != nil || !SameProject(back, edited) {
		t.Errorf("the save does not read back as the month: %v\n%s", err, out)
	}
	again, err := ParseProject("e.toml", EncodeProject(edited, c), c)
	if err != nil || !SameProject(again, edited) {
		t.Errorf("the encoding does not read back: %v\n%s", err, EncodeProject(edited, c))
	}
}

// TestLanguagePacesBounded: a table of more languages than a video may be
// translated into is refused whole, before a single key is parsed.
func TestLanguagePacesBounded(t *testing.T) {
	var table strings.Builder
	table.WriteString("\n[card.words_per_minute_by_language]\n")
	for i := range MaxLanguages + 1 {
		table.WriteString("k" + itoa(i) + " = 150\n")
	}
	src := strings.Replace(baseCardAt(1), "precision = 1\n", "precision = 1\n"+table.String(), 1) + starterPlan + premiumFeatures
	_, err := ParseRateCard("card.toml", []byte(src))
	want := "card.words_per_minute_by_language: too many languages (201); at most 200"
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "unknown language") {
		t.Fatalf("got %v, want only %q", err, want)
	}
}
