package pricing

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseLanguageReadsTagsAndEnglishNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"es", "es"},
		{" ES ", "es"},
		{"spa", "es"},      // ISO 639-2 is the same language
		{"pt_br", "pt-BR"}, // canonical case and separator
		{"zh-hant", "zh-Hant"},
		{"es-419", "es-419"},
		{"Spanish", "es"},
		{"spanish", "es"},
		{"German", "de"},
		{"Brazilian  Portuguese", "pt-BR"},
		{"Latin American Spanish", "es-419"},
		{"Japanese", "ja"},
	} {
		got, err := ParseLanguage(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseLanguage(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestParseLanguageRefusesWithASuggestion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Spanglish", `unknown language "Spanglish" (did you mean "Spanish" = es?)`},
		{"Germna", `unknown language "Germna" (did you mean "German" = de?)`},
		{"e", `unknown language "e" (give a language tag such as es or pt-BR, or an English name such as Spanish)`},
		{"xx", `unknown language "xx" (give a language tag such as es or pt-BR, or an English name such as Spanish)`},
		{"und", `unknown language "und" (give a language tag such as es or pt-BR, or an English name such as Spanish)`},
		{"en-x-pirate", `unknown language "en-x-pirate" (give a language tag such as es or pt-BR, or an English name such as Spanish)`},
		{"", `a language must not be empty`},
		{"es\x1b[31m", `language "es\x1b[31m" holds U+1B '\x1b' at byte 2`},
		{strings.Repeat("a", 65), `language "aaaaaaaaaaaaaaaaaaaaaaaa"… is too long (65 bytes; at most 64)`},
	} {
		got, err := ParseLanguage(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseLanguage(%q) = %q, %v; want error %s", c.in, got, err, c.want)
		}
	}
}

func TestParseLanguagesSplitsAndRefusesRepeats(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		err  string
	}{
		{in: "es, de", want: []string{"es", "de"}},
		{in: "es de  fr", want: []string{"es", "de", "fr"}},
		{in: "Spanish, Brazilian Portuguese, ja", want: []string{"es", "pt-BR", "ja"}},
		{in: " , ,", want: nil},
		{in: "es, es", err: `language "es" is listed twice; it would be charged twice`},
		{in: "es, ES", err: `language "es" is listed twice; it would be charged twice`},
		{in: "Spanish, es", err: `language "es" is listed twice (as "Spanish" and "es"); it would be charged twice`},
		{in: "es, e", err: `unknown language "e" (give a language tag such as es or pt-BR, or an English name such as Spanish)`},
		{in: "es Spanglish", err: `unknown language "Spanglish" (did you mean "Spanish" = es?)`},
		{in: "Brazilian Portugese", err: `unknown language "Brazilian Portugese" (did you mean "Brazilian Portuguese" = pt-BR?)`},
	} {
		got, err := ParseLanguages(c.in)
		switch {
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("ParseLanguages(%q) = %q, %v; want error %s", c.in, got, err, c.err)
		case c.err == "" && (err != nil || !reflect.DeepEqual(got, c.want)):
			t.Errorf("ParseLanguages(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	many := append([]string(nil), languageNames().tags...)
	if len(many) <= MaxLanguages {
		t.Fatalf("only %d known tags; the test needs more than %d", len(many), MaxLanguages)
	}
	if _, err := ParseLanguages(strings.Join(many, ",")); err == nil || !strings.Contains(err.Error(), "at most 200") {
		t.Fatalf("more than %d languages: %v", MaxLanguages, err)
	}
}

// A project file follows the same rule: names are read as tags, and a
// language given twice in any spelling is a problem at its element.
func TestProjectLanguagesAreTagsEachOnce(t *testing.T) {
	src := "[[videos]]\nname = \"A\"\nlength = \"1m\"\ntranslation = \"lipsync\"\n" +
		"languages = [\"Spanish\", \"pt_br\"]\n"
	p, err := ParseProject("month.toml", []byte(src), standardCard(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Videos[0].Languages; !reflect.DeepEqual(got, []string{"es", "pt-BR"}) {
		t.Fatalf("languages %q, want the canonical tags", got)
	}
	src = "[[videos]]\nname = \"A\"\nlength = \"1m\"\ntranslation = \"lipsync\"\n" +
		"languages = [\"Spanish\", \"es\", \"Spanglish\"]\n"
	_, err = ParseProject("month.toml", []byte(src), standardCard(t))
	ps, ok := AsProblems(err)
	if !ok || len(ps) != 2 {
		t.Fatalf("want two problems, got %v", err)
	}
	line, _ := at(src, "languages")
	for i, want := range []string{
		`videos[0].languages[1]: language "es" is listed twice (as "Spanish" and "es"); it would be charged twice`,
		`videos[0].languages[2]: unknown language "Spanglish" (did you mean "Spanish" = es?)`,
	} {
		if ps[i].Msg != want || ps[i].File != "month.toml" || ps[i].Line != line || ps[i].Col < 1 {
			t.Errorf("problem %d: %s:%d:%d: %s\nwant month.toml:%d: %s", i, ps[i].File, ps[i].Line, ps[i].Col, ps[i].Msg, line, want)
		}
	}
}

// FuzzParseLanguages: any text either is refused or gives canonical tags,
// each once, at most MaxLanguages, that read back to themselves.
func FuzzParseLanguages(f *testing.F) {
	for _, s := range []string{"es, de", "Spanish, es", "pt_br zh-hant", "Brazilian Portuguese", "Spanglish", "en-x-a", "es\x00", ",,,", "und"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			t.Skip("a field holds far less")
		}
		got, err := ParseLanguages(text)
		if err != nil {
			if err.Error() == "" || !utf8.ValidString(err.Error()) {
				t.Fatalf("empty or invalid message for %q", text)
			}
			return
		}
		if len(got) > MaxLanguages {
			t.Fatalf("%d languages", len(got))
		}
		seen := map[string]bool{}
		for _, l := range got {
			if seen[l] {
				t.Fatalf("%q given twice in %q", l, got)
			}
			seen[l] = true
			if again, err := ParseLanguage(l); err != nil || again != l {
				t.Fatalf("tag %q is not canonical: %q, %v", l, again, err)
			}
		}
		back, err := ParseLanguages(strings.Join(got, ", "))
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("%q reads back as %q, %v", got, back, err)
		}
	})
}

// BenchmarkUnknownLanguage is the cost of refusing a language, suggestion included.
func BenchmarkUnknownLanguage(b *testing.B) {
	for _, w := range []string{"Qwertyui", "Spanglish", "Qwertyuiopasdfghjklzxcvbnm", "es"} {
		b.Run(w, func(b *testing.B) {
			for b.Loop() {
				ParseLanguage(w)
			}
		})
	}
}
