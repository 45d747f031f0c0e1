package pricing

import (
	"strings"
	"testing"
)

// Positions stay right: a problem stands where its key, its array element or
// its inline-table key is written, whatever comes before it in the file.

// A `"""` or `”'` in a comment or inside a one-line string starts no
// multi-line string: the lines after it keep their numbers.
func TestPositionsAfterTripleQuotesOutsideStrings(t *testing.T) {
	for name, src := range map[string]string{
		"comment after a value": "plan = \"starter\" # \"\"\" opens nothing\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\ncount = -1\n",
		"comment line":          "# ''' nor this\n[[videos]] # nor \"\"\" this\nname = \"A\"\nlength = \"1m\"\ncount = -1\n",
		"literal string":        "[[videos]]\nname = '\"\"\" quoted'\nlength = \"1m\"\ncount = -1\n",
		"multi-line closed":     "[[videos]]\nname = \"\"\"A \\\n\"\"\" # \"\"\"\nlength = \"1m\"\ncount = -1\n",
	} {
		t.Run(name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, src), []want{
				wantAt(src, "count = -1", "videos[0].count: must not be negative (got -1)"),
			})
		})
	}
}

// An unknown dotted key stands on its own line, not at its table's header.
func TestUnknownDottedKeyPointsAtItsOwnLine(t *testing.T) {
	src := "plan = \"starter\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\nmisc.note = \"x\"\n"
	checkProblems(t, "month.toml", loadProject(t, src), []want{
		wantAt(src, "misc.note", "videos[0].misc: unknown key"),
	})
	root := "plan = \"starter\"\nextra . deep = 1\n"
	checkProblems(t, "month.toml", loadProject(t, root), []want{
		wantAt(root, "extra . deep", "extra: unknown key"),
	})
	// A header that names a table through an unknown one stands at that header.
	hdr := card(starterPlan) + "\n[plans.limits.daily]\nx = 1\n"
	checkProblems(t, "card.toml", loadCard(t, hdr), []want{
		wantAt(hdr, "plans.limits.daily", "plans[0].limits: unknown key"),
	})
}

// A problem inside an array or an inline table points at the element or key.
func TestProblemsInsideArraysAndInlineTablesPointAtTheElement(t *testing.T) {
	cases := []struct{ name, src, marker, msg string }{
		{"array element", "[[videos]]\nname = \"A\"\nlength = \"1m\"\ntranslation = \"lipsync\"\nlanguages = [\"es\", 5]\n", "5]",
			"videos[0].languages[1]: must be a string, not an integer"},
		{"multi-line array", "[[videos]]\nname = \"A\"\nlength = \"1m\"\nlanguages = [\n  \"es\", # Spanish [\"x\", 1]\n  5,\n]\n", "5,",
			"videos[0].languages[1]: must be a string, not an integer"},
		{"volume", "volume = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -0.5]\n", "-0.5",
			"volume[11]: must not be negative (got -0.5)"},
		{"inline video", "videos = [{name = \"A\", length = \"1m\"}, {name = \"B\", length = \"1m\", lenght = \"2m\"}]\n", "lenght",
			`videos[1].lenght: unknown key (did you mean "length"?)`},
		{"inline video value", "videos = [\n  {name = \"A\", length = \"1m\", count = -2},\n]\n", "count",
			"videos[0].count: must not be negative (got -2)"},
		{"nested arrays", "[[videos]]\nname = \"A\"\nlength = \"1m\"\nlanguages = [\"es\", [\"de\"]]\n", "[\"de\"]",
			"videos[0].languages[1]: must be a string, not an array"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	// In a card: an entry of a plan's features, a key of an inline top-up.
	features := card(starterPlan + "features = [\"basic-avatar\", 5, \"8k\"]\n")
	checkProblems(t, "card.toml", loadCard(t, features), []want{
		wantAt(features, "5,", "plans[0].features[1]: must be a string, not an integer"),
		wantAt(features, `"8k"`, `plans[0].features[2]: unknown feature "8k"`),
	})
	topup := card(starterPlan + "topups = [{id = \"t\", credits = 10, price = 1, lasts_day = 30}]\n")
	checkProblems(t, "card.toml", loadCard(t, topup), []want{
		wantAt(topup, "lasts_day", `plans[0].topups[0].lasts_day: unknown key (did you mean "lasts_days"?)`),
	})
}

// Headers with spaces, quoted keys with dots and escapes, and CRLF line ends.
func TestPositionsInAwkwardKeys(t *testing.T) {
	src := strings.Replace(card(starterPlan), "[card]", "[ card ]", 1) + "\n[[ plans ]]\nid = \"p2\"\nname = \"P2\"\n\"credits\" = -1\n"
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "\"credits\" = -1", "plans[1].credits: must not be negative (got -1)"),
	})
	quoted := "[[videos]]\nname = \"A\"\nlength = \"1m\"\n\"a.b\\u0063\" = 1\n"
	checkProblems(t, "month.toml", loadProject(t, quoted), []want{
		wantAt(quoted, "\"a.b", "videos[0].a.bc: unknown key"),
	})
	crlf := strings.ReplaceAll("[[videos]]\r\nname = \"A\"\r\nlength = \"1m\"\r\nlanguages = [\"es\",\r\n 7]\r\n", "\n", "\n")
	checkProblems(t, "month.toml", loadProject(t, crlf), []want{{5, 2, "videos[0].languages[1]: must be a string"}})
}
