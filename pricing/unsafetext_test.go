package pricing

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// Names never reach a terminal raw: every text a card or a project holds is
// refused at load when it carries a control character (C0, C1, ESC) or a
// bidirectional control, at the character itself, as the only problem.

// refusedNames are names a user might paste that may not be loaded.
var refusedNames = []string{
	"tab\there", "line\nbreak", "cr\rhere", "bell\a and nul \x00 and del \x7f", "\x1b]0;pwned\a",
	"\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "next line \u0085 C1", "\u202egnp.exe", "isolate \u2066x\u2069",
}

// Every string in a card and in a project, one at a time: an ESC put into it
// is reported once, at the ESC, and nothing else is reported.
func TestEveryTextFieldRefusesControlCharacters(t *testing.T) {
	quoted := regexp.MustCompile(`"[^"\n]*"`)
	inject := func(t *testing.T, file, src string, load func(string) error) {
		t.Helper()
		n := 0
		for _, m := range quoted.FindAllStringIndex(src, -1) {
			if strings.HasPrefix(src[m[0]-3:], "#") { // not in comments
				continue
			}
			// Put \e (TOML's ESC escape) after the opening quote.
			bad := src[:m[0]+1] + `\e` + src[m[0]+1:]
			line := strings.Count(bad[:m[0]], "\n") + 1
			col := m[0] + 1 - strings.LastIndexByte(bad[:m[0]+1], '\n')
			ps, ok := AsProblems(load(bad))
			if !ok || len(ps) != 1 || ps[0].Line != line || ps[0].Col != col || !strings.Contains(ps[0].Msg, `holds U+1B '\x1b'`) {
				t.Errorf("ESC in the string at %s:%d:%d (%s):\n%v", file, line, col, src[m[0]:m[1]], ps)
			}
			n++
		}
		if n < 10 {
			t.Fatalf("only %d strings tried", n)
		}
	}
	cardSrc := card(starterPlan+premiumFeatures) + "\n[[plans.topups]]\nid = \"pack\"\nname = \"Pack\"\ncredits = 10\nprice = 1\n"
	cardSrc = strings.Replace(cardSrc, "schema = 1", "schema = 1\nvendor = \"Acme\"\nsources = [\"https://example.com/pricing\"]", 1)
	inject(t, "card.toml", cardSrc, func(s string) error { return loadCard(t, s) })
	projectSrc := `plan = "starter"
billing = "annual"

[[videos]]
name = "Explainer"
length = "2m"
avatar = "avatar-pro"
look = "ai-look"
voice = "stock-voice"
resolution = "4k"
translation = "lipsync"
languages = ["es", "de"]
broll = "gen-clip"
broll_clips = 2
agent = "agent"
script = "ai-script"
script_generations = 1
`
	inject(t, "month.toml", projectSrc, func(s string) error { return loadProject(t, s) })
}

// The problem names the character and stands at it, however it was written:
// a TOML escape, the character itself, in a literal string, in a key.
func TestRefusedCharacterIsNamedWhereItIs(t *testing.T) {
	for _, tc := range []struct{ name, src, marker, msg string }{
		{"window title", "[[videos]]\nname = \"\\u001b]0;pwned\\u0007\"\nlength = \"1m\"\n", `\u001b`,
			`videos[0].name: holds U+1B '\x1b' (the escape that starts terminal control sequences)`},
		{"after other text", "[[videos]]\nname = \"Intro \\\"é\\\" \\x9b\"\nlength = \"1m\"\n", `\x9b`,
			`videos[0].name: holds U+9B '\u009b' (a control character)`},
		{"raw bidi override", "[[videos]]\nname = 'invoice \u202egnp.exe'\nlength = \"1m\"\n", "\u202e",
			`videos[0].name: holds U+202E '\u202e' (a bidirectional control`},
		{"isolate in a multi-line string", "[[videos]]\nname = \"\"\"\nsay \\\n  \u2067hi\"\"\"\nlength = \"1m\"\n", "\u2067",
			`videos[0].name: holds U+2067 '\u2067'`},
		{"line break", "[[videos]]\nname = '''two\nlines'''\nlength = \"1m\"\n", "\nlines",
			`videos[0].name: holds U+A '\n' (a line break)`},
		{"in a key", "[[videos]]\nname = \"A\"\nlength = \"1m\"\n\"note\\u202e\" = 1\n", `\u202e`,
			`videos[0].note\u202e: key holds U+202E`},
		{"a language", "[[videos]]\nname = \"A\"\nlength = \"1m\"\nlanguages = [\"es\", \"d\\u001be\"]\n", `\u001be`,
			`videos[0].languages[1]: holds U+1B`},
		{"the plan", "plan = \"\\u001b[2J\"\n", `\u001b`, `plan: holds U+1B`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	// In a card: an id that would also break the id rule, and a plan's feature
	// list that would also not offer the default; only the character is reported.
	src := strings.Replace(card(starterPlan), `id = "studio"`, `id = "stu\u0085dio"`, 1)
	checkProblems(t, "card.toml", loadCard(t, src), []want{wantAt(src, `\u0085`, `features[7].id: holds U+85`)})
	list := card(starterPlan + `features = ["basic-avatar", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "stu\u0007dio", "own-script"]` + "\n")
	checkProblems(t, "card.toml", loadCard(t, list), []want{wantAt(list, `\u0007`, `plans[0].features[6]: holds U+7`)})
}

// No message repeats a refused key raw: the path in it is made printable.
func TestProblemMessagesNeverCarryRawControls(t *testing.T) {
	src := "[[videos]]\nname = \"A\"\nlength = \"1m\"\n\"\\u001b]0;x\\u0007\" = 1\n"
	err := loadProject(t, src)
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\a") {
		t.Fatalf("%q", err)
	}
	for _, name := range refusedNames {
		src := fmt.Sprintf("[[videos]]\nname = %s\nlength = \"1m\"\n", tomlQuote(name))
		err := loadProject(t, src)
		if err == nil {
			t.Errorf("%q loaded", name)
			continue
		}
		if _, _, bad := FirstUnsafe(err.Error()); bad {
			t.Errorf("%q: message carries the character raw: %q", name, err)
		}
		off, r, _ := FirstUnsafe(name)
		col := len("name = ") + len(tomlQuote(name[:off])) // the quote before is column 8
		checkProblems(t, "month.toml", err, []want{{2, col, "videos[0].name: holds " + DescribeRune(r)}})
	}
}

// TestPlainSourceHoldsNoRefusedText: the walk is skipped only for text whose
// decoded values cannot hold a refused character, so skipping it never lets
// one through. Random strings of quotes, escapes, controls and bidirectional
// marks are decoded and walked, and none that holds refused text is plain.
func TestPlainSourceHoldsNoRefusedText(t *testing.T) {
	quotes := []string{`"`, `'`, `"""`, `'''`}
	body := []string{"x", " ", `\`, `\u001b`, `\n`, `\t`, `\\`, `\u00e9`, "\n", "\t", "\r\n", "é", "\u202e", "\x1b"}
	r := rand.New(rand.NewPCG(1, 2))
	plain, refused := 0, 0
	for range 20_000 {
		q := quotes[r.IntN(len(quotes))]
		var b strings.Builder
		b.WriteString("k = " + q)
		for range r.IntN(4) {
			b.WriteString(body[r.IntN(len(body))])
		}
		b.WriteString(q + "\n")
		src := []byte(b.String())
		var tree map[string]any
		if _, err := toml.Decode(string(src), &tree); err != nil {
			continue
		}
		w := textWalk{}
		w.table(tree)
		switch {
		case len(w.hits) > 0 && plainSource(src):
			t.Fatalf("%q is plain by plainSource but holds %q", src, w.hits[0].r)
		case len(w.hits) > 0:
			refused++
		case plainSource(src):
			plain++
		}
	}
	if plain < 100 || refused < 100 {
		t.Fatalf("only %d plain and %d refused files decoded; the test proves little", plain, refused)
	}
}
