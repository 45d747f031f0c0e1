package pricing

import (
	"strings"
	"testing"
)

// No follow-on message misleads: one mistake is one problem, never also a
// second problem about something the first one made unreadable.
func TestNoFollowOnProblems(t *testing.T) {
	feature := func(body string) string {
		return "\n[[features]]\nid = \"x\"\nname = \"X\"\n" + body
	}
	cards := []struct{ name, src, marker, msg string }{
		{"a price with 5 decimals is not also missing", card("\n[[plans]]\nid = \"p\"\nname = \"P\"\nmonthly_price = 9.99999\nannual_price = 8\ncredits = 200\n"),
			"monthly_price", `plans[0].monthly_price: "9.99999" has 5 decimals; at most 4 allowed`},
		{"precision = 4 does not fault every rate", strings.Replace(card(starterPlan+premiumFeatures), "precision = 1", "precision = 4", 1),
			"precision = 4", `card.precision: must be between 0 and 3 (got 4)`},
		{"precision of the wrong type", strings.Replace(card(starterPlan+premiumFeatures), "precision = 1", `precision = "1"`, 1),
			"precision =", `card.precision: must be a whole number, not a string`},
		{"a misspelt [card] does not fault every rate", strings.Replace(card(starterPlan+premiumFeatures), "[card]", "[crad]", 1),
			"crad", `crad: unknown key (did you mean "card"?)`},
		{"an unknown slot is not checked against the avatar slot", card(starterPlan + feature("slot = \"avatr\"\nrate = 0\nunit = \"video\"\nheight = 720\nalternative = \"stock-look\"\n")),
			"slot = \"avatr\"", `features[9].slot: unknown slot "avatr" (did you mean "avatar"?)`},
		{"premium of the wrong type is not also 'included but has a rate'", card(starterPlan + feature("slot = \"avatar\"\npremium = \"yes\"\nrate = 5\nunit = \"minute\"\n")),
			"premium =", `features[9].premium: must be true or false, not a string`},
		{"an alternative of the wrong type is not also 'a reason without an alternative'", card(starterPlan + feature("slot = \"avatar\"\nrate = 0\nunit = \"minute\"\nalternative = 5\nalternative_reason = \"cheaper\"\n")),
			"alternative = 5", `features[9].alternative: must be a string, not an integer`},
		{"a height of the wrong type is not also missing", card(starterPlan + feature("slot = \"resolution\"\nrate = 0\nunit = \"video\"\nheight = \"1080\"\n")),
			`height = "1080"`, `features[9].height: must be a whole number, not a string`},
		{"features of the wrong type are not also 'no features'", "features = 3\n" + card(starterPlan)[:strings.Index(card(starterPlan), "[[features]]")] + starterPlan,
			"features = 3", `features: must be an array of tables ([[features]]), not an integer`},
		{"an unknown entry in a plan's features is not also 'must offer'", card(starterPlan + `features = ["basic-avatar", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "studoi", "own-script"]` + "\n"),
			`"studoi"`, `plans[0].features[6]: unknown feature "studoi" (did you mean "studio"?)`},
		{"a misspelt key is not also missing", card("\n[[plans]]\nid = \"p\"\nname = \"P\"\ncredit = 200\n"),
			"credit =", `plans[0].credit: unknown key (did you mean "credits"?)`},
		{"a misspelt [[features]] is not also 'no features'", card(starterPlan)[:strings.Index(card(starterPlan), "[[features]]")] + starterPlan + "\n[[feature]]\nid = \"a\"\n",
			"feature]]", `feature: unknown key (did you mean "features"?)`},
	}
	for _, tc := range cards {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "card.toml", loadCard(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	projects := []struct{ name, src, marker, msg string }{
		{"a misspelt name is not also missing", "[[videos]]\nnmae = \"A\"\nlength = \"1m\"\n", "nmae", `videos[0].nmae: unknown key (did you mean "name"?)`},
		{"a misspelt length is not also missing", "[[videos]]\nname = \"A\"\nlenght = \"1m\"\n", "lenght", `videos[0].lenght: unknown key (did you mean "length"?)`},
	}
	for _, tc := range projects {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
}
