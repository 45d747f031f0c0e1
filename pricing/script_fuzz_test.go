package pricing

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// FuzzScriptProject reads projects with script_words, script files and
// drafts, against a folder holding one script the fuzzer writes too: nothing
// panics, every problem is placed, a loaded scripted video's length is its
// words at its pace, the sentences hold, and the month saves and loads back
// the same.
func FuzzScriptProject(f *testing.F) {
	c := defaultCard(f)
	// Paces by language, so script_language has a pace to pick.
	c.LanguagePace = map[string]int{"es": 140, "pt": 145, "pt-BR": 155}
	for _, s := range []string{
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nscript_words = 420\nscript_language = \"es\"\n",
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nscript = \"s.md\"\nscript_language = \"Brazilian Portuguese\"\n",
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nlength = \"1m\"\nscript_language = \"es\"\n",
		scriptProjectSeed,
		"[[videos]]\nname = \"a\"\nscript_words = 420\ndrafts = 2\nresolution = \"4k\"\nrerenders = 1\n",
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nscript = \"s.md\"\nlength = \"1m\"\n",
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nscript = \"../s.md\"\ndraft_resolution = \"720p\"\n",
		"plan = \"pro\"\n[[videos]]\nname = \"a\"\nscript = \"s.md\"\nscript_words = -1\ndrafts = 99\n",
	} {
		f.Add([]byte(s), []byte("# Title\nOne two three. <!-- a note --> four\n"))
	}
	f.Add([]byte(scriptProjectSeed), []byte("\x00binary"))
	f.Add([]byte(scriptProjectSeed), []byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, project, script []byte) {
		if len(project) > 16<<10 || len(script) > MaxScriptBytes+16 {
			return
		}
		fsys := fstest.MapFS{"s.md": {Data: script}, "scripts/s.md": {Data: script}}
		src := ProjectSources{Scripts: fsys}
		p, err := ParseProjectFrom("fuzz.toml", project, c, src)
		if err != nil {
			if p != nil {
				t.Fatal("a project with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", project, err)
			return
		}
		checkPrintable(t, "project", p)
		checkQuote(t, c, p)
		for i := range p.Videos {
			v := &p.Videos[i]
			if v.FromScript() {
				if v.ScriptLanguage != "" {
					if tag, err := ParseLanguage(v.ScriptLanguage); err != nil || tag != v.ScriptLanguage {
						t.Fatalf("video %d: script language %q is not a canonical tag (%v)", i, v.ScriptLanguage, err)
					}
				}
				if want := ScriptSeconds(v.ScriptWords, c.ScriptPace(v)); v.Seconds != want {
					t.Fatalf("video %d: %d words read as %d s, want %d", i, v.ScriptWords, v.Seconds, want)
				}
				s, _ := c.ScriptLength(v)
				if s.TrimWords < 0 || s.TrimWords >= s.Words || s.TrimSaves < 0 || (s.TrimWords > 0) != (s.TrimSaves > 0) {
					t.Fatalf("video %d: trim %+v", i, s)
				}
				_ = s.Reading() + s.Rounding(c)
			}
			if d, ok := c.DraftCost(v); ok && (d.Cost < 0 || d.Saves < 0 || d.Saves > d.FullCost) {
				t.Fatalf("video %d: drafts %+v", i, d)
			}
		}
		back, err := ParseProjectFrom("again.toml", EncodeProject(p, c), c, src)
		if err != nil {
			t.Fatalf("the encoding of a loaded project does not load: %v\n%s", err, EncodeProject(p, c))
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("round trip changed the project\n was %+v\n now %+v", p, back)
		}
	})
}

const scriptProjectSeed = `plan = "pro"

[[videos]]
name = "Launch"
script = "scripts/s.md"
avatar = "avatar-iv"
resolution = "4k"
drafts = 2
draft_resolution = "720p"

[[videos]]
name = "Teaser"
script_words = 75
voice = "voice-clone"
rerenders = 1
`
