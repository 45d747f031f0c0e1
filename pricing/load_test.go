package pricing

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one expected problem: where it is and words its message must contain.
type want struct {
	line, col int
	msg       string
}

// at finds where marker starts in src (1-based line and column), so expected
// positions come from how the input was built, not from the loader's answer.
func at(src, marker string) (line, col int) {
	i := strings.Index(src, marker)
	if i < 0 || strings.Count(src, marker) != 1 {
		panic(fmt.Sprintf("marker %q must occur exactly once", marker))
	}
	before := src[:i]
	line = strings.Count(before, "\n") + 1
	col = i - strings.LastIndexByte(before, '\n')
	return line, col
}

// wantAt builds an expected problem at a marker.
func wantAt(src, marker, msg string) want {
	l, c := at(src, marker)
	return want{l, c, msg}
}

// checkProblems asserts err is exactly the expected problems, in order.
func checkProblems(t *testing.T, file string, err error, wants []want) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want %d problems", len(wants))
	}
	ps, ok := AsProblems(err)
	if !ok {
		t.Fatalf("error is %T, not Problems: %v", err, err)
	}
	if len(ps) != len(wants) {
		t.Errorf("%d problems, want %d:\n%v", len(ps), len(wants), err)
	}
	for i := range min(len(ps), len(wants)) {
		p, w := ps[i], wants[i]
		if p.File != file || p.Line != w.line || p.Col != w.col || !strings.Contains(p.Msg, w.msg) {
			t.Errorf("problem %d:\n got %s\nwant %s:%d:%d: …%s…", i+1, p, file, w.line, w.col, w.msg)
		}
	}
	// Error() lists each as file:line:col: message.
	lines := strings.Split(err.Error(), "\n")
	for i, p := range ps {
		if lines[i] != fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg) {
			t.Errorf("Error() line %d = %q", i, lines[i])
		}
	}
}

// loadCard parses src, checking that a failed load returns no card.
func loadCard(t *testing.T, src string) error {
	t.Helper()
	c, err := ParseRateCard("card.toml", []byte(src))
	if err != nil && c != nil {
		t.Errorf("a card with problems was returned half-loaded")
	}
	return err
}

// loadProject parses src against the standard test card, checking that a failed
// load returns no project.
func loadProject(t *testing.T, src string) error {
	t.Helper()
	p, err := ParseProject("month.toml", []byte(src), standardCard(t))
	if err != nil && p != nil {
		t.Errorf("a project with problems was returned half-loaded")
	}
	return err
}

// card builds a test card source at precision 1.
func card(extra string) string { return fmt.Sprintf(baseCard, 1) + extra }

func TestDefaultCardLoads(t *testing.T) {
	c := defaultCard(t)
	if c.Name != "HeyGen Premium Credits" || c.AsOf != "2026-01-06" || c.Precision != 1 || c.CreditNamePlural != "premium credits" {
		t.Errorf("card header %q %q precision %d %q", c.Name, c.AsOf, c.Precision, c.CreditNamePlural)
	}
	if got := strings.Join(c.PlanIDs(), " "); got != "free creator pro business enterprise" {
		t.Errorf("plans %q", got)
	}
	// The seed's promise: Avatar IV is premium at 20/min (a credit per 3 s), Avatar III included.
	iv, _ := c.Feature("avatar-iv")
	iii, _ := c.Feature("avatar-iii")
	if !iv.Premium || iv.Rate != cr("20") || iv.IncrementSeconds != 3 || iii.Premium {
		t.Errorf("avatar-iv %+v avatar-iii premium %v", iv, iii.Premium)
	}
	ent, _ := c.Plan("enterprise")
	if !ent.ContactSales {
		t.Error("enterprise is not contact sales")
	}
}

func TestExampleFilesLoad(t *testing.T) {
	// Cards first, so each project can be read against the card it is written for.
	files, _ := filepath.Glob("../examples/*.toml")
	nested, _ := filepath.Glob("../examples/*/*.toml")
	files = append(files, nested...)
	if len(files) == 0 {
		t.Skip("no examples/ yet")
	}
	cards := map[string]*RateCard{"": defaultCard(t)}
	var projects, overlays []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "[card]") {
			c, err := ParseRateCard(f, src)
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			cards[f] = c
		} else if SourceIsOverlay(src) {
			overlays = append(overlays, f)
		} else {
			projects = append(projects, f)
		}
	}
	// A pricing overlay lays over the card it names.
	for _, f := range overlays {
		src, _ := os.ReadFile(f)
		var errs []error
		for _, c := range cards {
			if _, _, err := c.LoadOverlay(f, src); err == nil {
				errs = nil
				break
			} else {
				errs = append(errs, err)
			}
		}
		if errs != nil {
			t.Errorf("%s lays over no card: %v", f, errors.Join(errs...))
		}
	}
	for _, f := range projects {
		src, _ := os.ReadFile(f)
		// A project loads against at least one of the cards.
		var errs []error
		for _, c := range cards {
			// Read as the command line reads it: script files from its folder.
			if _, err := ParseProjectFrom(f, src, c, ProjectSources{Scripts: os.DirFS(filepath.Dir(f))}); err == nil {
				errs = nil
				break
			} else {
				errs = append(errs, err)
			}
		}
		if errs != nil {
			t.Errorf("%s loads against no card: %v", f, errors.Join(errs...))
		}
	}
}

func TestCardProblemsAllAtOnceInLineOrder(t *testing.T) {
	// Five different mistakes, one of each kind, reported together in line order:
	// an unknown key, a missing reference, a negative rate, a bad length, a wrong type.
	src := strings.NewReplacer(
		`name = "Test card"`, "name = \"Test card\"\nvendr = \"Acme\"",
		`avatar = "basic-avatar"`, `avatar = "avatar-none"`,
	).Replace(card(starterPlan + `
[[features]]
id = "avatar-pro"
name = "Avatar Pro"
slot = "avatar"
premium = true
rate = -20
unit = "minute"
increment = "2m75s"
rerender = "yes"
`))
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, `vendr`, `card.vendr: unknown key (did you mean "vendor"?)`),
		wantAt(src, `avatar = "avatar-none"`, `defaults.avatar: unknown avatar feature "avatar-none"; choose one of: basic-avatar, avatar-pro`),
		wantAt(src, `rate = -20`, `rate: must not be negative (got -20)`),
		wantAt(src, `increment = "2m75s"`, `increment: length "2m75s" has 75 seconds after minutes; must be under 60`),
		wantAt(src, `rerender = "yes"`, `rerender: must be true or false, not a string`),
	})
}

func TestUnknownKeysAtEveryLevelWithHint(t *testing.T) {
	cases := []struct {
		name, src, marker, msg string
	}{
		{"top level", card(starterPlan) + "\n[defualts_extra]\nx = 1\n", "defualts_extra", `defualts_extra: unknown key; valid keys here: card, defaults, plans, features`},
		{"top level typo", card(starterPlan + "\n[[feature]]\nid = \"x\"\n"), "feature]]", `feature: unknown key (did you mean "features"?)`},
		{"card", strings.Replace(card(starterPlan), "schema = 1", "schema = 1\ncurrancy = \"EUR\"", 1), "currancy", `card.currancy: unknown key (did you mean "currency"?)`},
		{"defaults", strings.Replace(card(starterPlan), `look = "stock-look"`, `look = "stock-look"`+"\nvoices = \"stock-voice\"", 1), "voices", `defaults.voices: unknown key (did you mean "voice"?)`},
		{"plan", card(starterPlan + "watermrk = true\n"), "watermrk", `plans[0].watermrk: unknown key (did you mean "watermark"?)`},
		{"top-up", card(starterPlan + "  [[plans.topups]]\n  id = \"t\"\n  credits = 10\n  price = 1\n  lasts_day = 30\n"), "lasts_day", `plans[0].topups[0].lasts_day: unknown key (did you mean "lasts_days"?)`},
		{"feature", card(starterPlan + "[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\nrate = 0\nunit = \"minute\"\nincrement_seconds = 3\n"), "increment_seconds", `features[9].increment_seconds: unknown key`},
		{"feature hint", card(starterPlan + "[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\nrate = 0\nunit = \"minute\"\nrerendr = true\n"), "rerendr", `features[9].rerendr: unknown key (did you mean "rerender"?)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "card.toml", loadCard(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	projects := []struct {
		name, src, marker, msg string
	}{
		{"project", "plan = \"starter\"\nbiling = \"annual\"\n", "biling", `biling: unknown key (did you mean "billing"?); valid keys here: plan, billing, balance`},
		{"video", "plan = \"starter\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\n  avatr = \"avatar-pro\"\n", "avatr", `videos[0].avatr: unknown key (did you mean "avatar"?); valid keys here: name, count, length`},
		{"second video", "[[videos]]\nname = \"A\"\nlength = \"1m\"\n\n[[videos]]\nname = \"B\"\nlength = \"1m\"\nrerender = 2\n", "rerender =", `videos[1].rerender: unknown key (did you mean "rerenders"?)`},
	}
	for _, tc := range projects {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	dupFeature := card(starterPlan + "\n[[features]]\nid = \"studio\"\nname = \"Again\"\nslot = \"agent\"\nrate = 0\nunit = \"minute\"\n")
	l, _ := at(dupFeature, "name = \"Again\"")
	checkProblems(t, "card.toml", loadCard(t, dupFeature), []want{{l - 1, 1, `features[9].id: duplicate feature id "studio" (first used by features[7])`}})

	dupPlan := card(starterPlan + "\n[[plans]]\nid = \"starter\"\nname = \"Twice\"\ncredits = 1\n")
	l, _ = at(dupPlan, "name = \"Twice\"")
	checkProblems(t, "card.toml", loadCard(t, dupPlan), []want{{l - 1, 1, `plans[1].id: duplicate plan id "starter" (first used by plans[0])`}})

	dupTopUp := card(starterPlan + "  [[plans.topups]]\n  id = \"pack\"\n  credits = 10\n  price = 1\n  [[plans.topups]]\n  id = \"pack\"\n  credits = 30\n  price = 2\n")
	l, _ = at(dupTopUp, "credits = 30")
	checkProblems(t, "card.toml", loadCard(t, dupTopUp), []want{{l - 1, 3, `plans[0].topups[1].id: duplicate top-up id "pack" in plan "starter"`}})
}

func TestMissingReferenceListsValidChoices(t *testing.T) {
	cases := []struct {
		name, src, marker, msg string
	}{
		{"default", strings.Replace(card(starterPlan), `agent = "studio"`, `agent = "studioo"`, 1), `agent = "studioo"`,
			`defaults.agent: unknown agent feature "studioo" (did you mean "studio"?); choose one of: studio`},
		{"plan features", card(starterPlan + `features = ["basic-avatar", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "studio", "own-script", "8k"]` + "\n"), `"8k"`,
			`plans[0].features[8]: unknown feature "8k"; choose one of: basic-avatar, stock-look, stock-voice, 720p, 1080p, dubbing, stock-media, studio, own-script`},
		{"max resolution", card(starterPlan + "max_resolution = \"4k\"\n"), "max_resolution",
			`plans[0].max_resolution: unknown resolution feature "4k"; choose one of: 720p, 1080p`},
		{"alternative", card(starterPlan + "\n[[features]]\nid = \"pro\"\nname = \"Pro\"\nslot = \"avatar\"\npremium = true\nrate = 1\nunit = \"minute\"\nalternative = \"basic\"\n"), "alternative =",
			`features[9].alternative: unknown avatar feature "basic"; choose one of: basic-avatar, pro`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "card.toml", loadCard(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	projects := []struct {
		name, src, marker, msg string
	}{
		{"plan", "plan = \"stater\"\n", "plan =", `plan: unknown plan "stater" (did you mean "starter"?); choose one of: starter`},
		{"empty plan", "plan = \"\"\n", "plan =", `plan: unknown plan ""; choose one of: starter`}, // was loaded, then failed to quote
		{"plan not text", "plan = 3\n", "plan =", `plan: must be a string, not an integer`},
		{"video feature", "[[videos]]\nname = \"A\"\nlength = \"1m\"\nbroll = \"sora\"\n", "broll =", `videos[0].broll: unknown broll feature "sora"; choose one of: stock-media, gen-clip`},
		{"billing", "billing = \"yearly\"\n", "billing", `billing: unknown billing "yearly"; choose one of: monthly, annual`},
	}
	for _, tc := range projects {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
}

func TestFeatureInWrongSlot(t *testing.T) {
	src := strings.Replace(card(starterPlan), `avatar = "basic-avatar"`, `avatar = "stock-look"`, 1)
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, `avatar = "stock-look"`, `defaults.avatar: feature "stock-look" fills the look slot, not avatar; choose one of: basic-avatar`),
	})
	alt := card(starterPlan + "\n[[features]]\nid = \"pro\"\nname = \"Pro\"\nslot = \"avatar\"\npremium = true\nrate = 1\nunit = \"minute\"\nalternative = \"studio\"\n")
	checkProblems(t, "card.toml", loadCard(t, alt), []want{
		wantAt(alt, `alternative = "studio"`, `features[9].alternative: feature "studio" fills the agent slot, not avatar; choose one of: basic-avatar, pro`),
	})
	proj := "[[videos]]\nname = \"A\"\nlength = \"1m\"\nlook = \"4k\"\n"
	checkProblems(t, "month.toml", loadProject(t, proj), []want{
		wantAt(proj, `look = "4k"`, `videos[0].look: feature "4k" fills the resolution slot, not look; choose one of: stock-look, ai-look`),
	})
}

// alternativeFeature is an avatar feature with an alternative, for cycle tests.
func alternativeFeature(id, alt string) string {
	return fmt.Sprintf("\n[[features]]\nid = %q\nname = %q\nslot = \"avatar\"\npremium = true\nrate = 1\nunit = \"minute\"\nalternative = %q\n", id, id, alt)
}

func TestAlternativeCycles(t *testing.T) {
	t.Run("two", func(t *testing.T) {
		src := card(starterPlan + alternativeFeature("a", "b") + alternativeFeature("b", "a"))
		checkProblems(t, "card.toml", loadCard(t, src), []want{
			wantAt(src, `alternative = "b"`, `features[9].alternative: alternatives form a cycle: a -> b -> a`),
		})
	})
	t.Run("three, reported once", func(t *testing.T) {
		// d leads into the cycle without being in it: it is not reported on its own.
		src := card(starterPlan + alternativeFeature("a", "b") + alternativeFeature("b", "c") + alternativeFeature("c", "a") + alternativeFeature("d", "a"))
		checkProblems(t, "card.toml", loadCard(t, src), []want{
			wantAt(src, `alternative = "b"`, `features[9].alternative: alternatives form a cycle: a -> b -> c -> a`),
		})
	})
	t.Run("self", func(t *testing.T) {
		src := card(starterPlan + alternativeFeature("a", "a"))
		checkProblems(t, "card.toml", loadCard(t, src), []want{
			wantAt(src, `alternative = "a"`, `features[9].alternative: feature "a" names itself as its alternative`),
		})
	})
	t.Run("chain without cycle loads", func(t *testing.T) {
		src := card(starterPlan + alternativeFeature("a", "b") + alternativeFeature("b", "basic-avatar"))
		if err := loadCard(t, src); err != nil {
			t.Fatal(err)
		}
	})
}

func TestNumbersMustBeNonNegativeFiniteAndPrecise(t *testing.T) {
	feature := func(rate string) string {
		return "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\npremium = true\nrate = " + rate + "\nunit = \"minute\"\n"
	}
	cases := []struct {
		name      string
		precision int
		extra     string
		marker    string
		msg       string
	}{
		{"negative rate", 1, starterPlan + feature("-1.5"), "rate = -1.5", `features[9].rate: must not be negative (got -1.5)`},
		{"nan", 1, starterPlan + feature("nan"), "rate = nan", `features[9].rate: must be a finite number, not NaN`},
		{"inf", 1, starterPlan + feature("inf"), "rate = inf", `features[9].rate: must be a finite number, not +Inf`},
		{"minus inf", 1, starterPlan + feature("-inf"), "rate = -inf", `features[9].rate: must be a finite number, not -Inf`},
		{"huge", 1, starterPlan + feature("1e300"), "rate = 1e300", `features[9].rate: must be a finite number`},
		{"decimals at precision 0", 0, starterPlan + feature("0.5"), "rate = 0.5", `features[9].rate: 0.5 has 1 decimal; this card allows no decimals`},
		{"decimals at precision 1", 1, starterPlan + feature("0.25"), "rate = 0.25", `features[9].rate: 0.25 has 2 decimals; this card allows 1 decimal`},
		{"decimals at precision 3", 3, starterPlan + feature("0.0005"), "rate = 0.0005", `features[9].rate: "0.0005" has 4 decimals; at most 3 allowed`},
		{"negative credits", 1, "\n[[plans]]\nid = \"p\"\nname = \"P\"\ncredits = -200\n", "credits = -200", `plans[0].credits: must not be negative (got -200)`},
		{"negative price", 1, "\n[[plans]]\nid = \"p\"\nname = \"P\"\nmonthly_price = -29\ncredits = 200\n", "monthly_price", `plans[0].monthly_price: must not be negative (got -29)`},
		{"price below a hundredth of a cent", 1, "\n[[plans]]\nid = \"p\"\nname = \"P\"\nmonthly_price = 0.00001\ncredits = 200\n", "monthly_price", `plans[0].monthly_price: "0.00001" has 5 decimals; at most 4 allowed`},
		{"negative seats", 1, "\n[[plans]]\nid = \"p\"\nname = \"P\"\ncredits = 200\nincluded_seats = -2\n", "included_seats", `plans[0].included_seats: must not be negative (got -2)`},
		{"credits in a top-up", 0, starterPlan + "  [[plans.topups]]\n  id = \"t\"\n  credits = 10.5\n  price = 1\n", "credits = 10.5", `plans[0].topups[0].credits: 10.5 has 1 decimal; this card allows no decimals`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := fmt.Sprintf(baseCard, tc.precision) + tc.extra
			checkProblems(t, "card.toml", loadCard(t, src), []want{wantAt(src, tc.marker, tc.msg)})
		})
	}
	// In a project: the balance obeys the card's precision (1) and sign.
	for _, tc := range []struct{ src, marker, msg string }{
		{"balance = 12.25\n", "balance", `balance: 12.25 has 2 decimals; this card allows 1 decimal`},
		{"balance = -5\n", "balance", `balance: must not be negative (got -5)`},
		{"balance = nan\n", "balance", `balance: must be a finite number, not NaN`},
		{"[[videos]]\nname = \"A\"\nlength = \"1m\"\ncount = -3\n", "count", `videos[0].count: must not be negative (got -3)`},
		{"[[videos]]\nname = \"A\"\nlength = \"1m\"\nrerenders = 101\n", "rerenders", `videos[0].rerenders: must be between 0 and 100 (got 101)`},
	} {
		checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
	}
}

func TestMissingRequiredKeys(t *testing.T) {
	noName := strings.Replace(card(starterPlan), "name = \"Test card\"\n", "", 1)
	checkProblems(t, "card.toml", loadCard(t, noName), []want{{1, 2, `card: missing required key "name"`}})

	noCard := strings.Replace(card(starterPlan), "[card]\n", "[cards]\n", 1)
	// The misspelling says what is missing: "missing required table [card]"
	// beside it would be the same problem twice.
	checkProblems(t, "card.toml", loadCard(t, noCard), []want{
		{1, 2, `cards: unknown key (did you mean "card"?)`},
	})

	noUnit := card(starterPlan + "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\nrate = 0\n")
	l, _ := at(noUnit, "id = \"x\"")
	checkProblems(t, "card.toml", loadCard(t, noUnit), []want{{l - 1, 3, `features[9]: missing required key "unit"`}})

	noCredits := card("\n[[plans]]\nid = \"p\"\nname = \"P\"\n")
	l, _ = at(noCredits, "id = \"p\"")
	checkProblems(t, "card.toml", loadCard(t, noCredits), []want{{l - 1, 3, `plans[0]: missing required key "credits"`}})

	noPlans := card("")
	checkProblems(t, "card.toml", loadCard(t, noPlans), []want{{1, 1, `the card has no [[plans]]`}})

	video := "plan = \"starter\"\n\n[[videos]]\ncount = 2\n"
	checkProblems(t, "month.toml", loadProject(t, video), []want{
		{3, 3, `videos[0]: missing required key "name"`},
		{3, 3, `videos[0]: missing required key "length" (like "2m30s" or 2.5 for minutes)`},
	})
}

func TestWrongTypes(t *testing.T) {
	cases := []struct{ name, src, marker, msg string }{
		{"rate as text", card(starterPlan + "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\npremium = true\nrate = \"5\"\nunit = \"minute\"\n"), `rate = "5"`, `features[9].rate: must be a number, not a string`},
		{"premium as text", card(starterPlan + "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\npremium = \"yes\"\nrate = 0\nunit = \"minute\"\n"), `premium = "yes"`, `features[9].premium: must be true or false, not a string`},
		{"features as text", card(starterPlan + "features = \"basic-avatar\"\n"), `features = "basic-avatar"`, `plans[0].features: must be an array of strings, not a string`},
		{"seats with a point", card(starterPlan + "included_seats = 2.0\n"), "included_seats", `plans[0].included_seats: must be a whole number, not 2 (write it without a decimal point)`},
		{"name as number", strings.Replace(card(starterPlan), `name = "Test card"`, `name = 7`, 1), "name = 7", `card.name: must be a string, not an integer`},
		{"as_of not a date", strings.Replace(card(starterPlan), `as_of = 2026-01-06`, `as_of = "last week"`, 1), "as_of", `card.as_of: must be a date like 2026-01-06, not "last week"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkProblems(t, "card.toml", loadCard(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
		})
	}
	for _, tc := range []struct{ src, marker, msg string }{
		{"[[videos]]\nname = \"A\"\nlength = true\n", "length = true", `videos[0].length: must be a length like "2m30s" or minutes like 2.5, not true/false`},
		{"[[videos]]\nname = \"A\"\nlength = \"1m\"\ncount = 1.5\n", "count", `videos[0].count: must be a whole number, not a number`},
		{"[[videos]]\nname = \"A\"\nlength = \"1m\"\nlanguages = \"es\"\n", "languages", `videos[0].languages: must be an array of strings, not a string`},
		{"[[videos]]\nname = \"A\"\nlength = \"1m\"\nlanguages = [\"es\", 3]\n", "3]", `videos[0].languages[1]: must be a string, not an integer`},
		{"videos = 3\n", "videos", `videos: must be an array of tables ([[videos]]), not an integer`},
		{"watermark_ok = 1\n", "watermark_ok", `watermark_ok: must be true or false, not an integer`},
	} {
		checkProblems(t, "month.toml", loadProject(t, tc.src), []want{wantAt(tc.src, tc.marker, tc.msg)})
	}
}

func TestTOMLSyntaxErrorPosition(t *testing.T) {
	// An unterminated string on line 2: the parser stops at its end, column 10.
	src := "[card]\nname = \"X\ncurrency = \"USD\"\n"
	checkProblems(t, "card.toml", loadCard(t, src), []want{{2, 10, "TOML syntax: strings cannot contain newlines"}})
	// A table defined twice, on line 4.
	twice := "[card]\nname = \"X\"\n\n[card]\n"
	checkProblems(t, "card.toml", loadCard(t, twice), []want{{4, 2, "TOML syntax: Key 'card' has already been defined."}})
	// In a project: a missing value on line 3.
	proj := "plan = \"starter\"\n[[videos]]\nname =\n"
	err := loadProject(t, proj)
	ps, ok := AsProblems(err)
	if !ok || len(ps) != 1 || ps[0].Line != 3 || ps[0].File != "month.toml" || !strings.HasPrefix(ps[0].Msg, "TOML syntax:") {
		t.Errorf("project syntax error: %v", err)
	}
}

func TestBadLengths(t *testing.T) {
	src := card(starterPlan + "max_length = \"2m75s\"\n")
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "max_length", `plans[0].max_length: length "2m75s" has 75 seconds after minutes; must be under 60`),
	})
	perVideo := card(starterPlan + "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"look\"\npremium = true\nrate = 1\nunit = \"video\"\nincrement = \"30s\"\n")
	checkProblems(t, "card.toml", loadCard(t, perVideo), []want{
		wantAt(perVideo, "increment", `features[9].increment: an increment applies only to time units (minute, second, language_minute), not "video"`),
	})
	for _, tc := range []struct{ length, msg string }{
		{`"2m75s"`, `length "2m75s" has 75 seconds after minutes; must be under 60`},
		{`0`, `length "0" must be longer than zero`},
		{`2.5555`, `length "2.5555": "2.5555" has 4 decimals; at most 3 allowed`},
		{`"25h"`, `length "25h" is longer than 24 hours`},
		{`""`, `length is empty; write it like "2m30s", "90s" or "2:30"`}, // found by FuzzParseProject: was a 0 s video
	} {
		proj := "[[videos]]\nname = \"A\"\nlength = " + tc.length + "\n"
		checkProblems(t, "month.toml", loadProject(t, proj), []want{wantAt(proj, "length", "videos[0].length: "+tc.msg)})
	}
	// Minutes as a TOML number are exact: 2.5 is 150 s.
	p, err := ParseProject("m.toml", []byte("[[videos]]\nname = \"A\"\nlength = 2.5\n"), standardCard(t))
	if err != nil || p.Videos[0].Seconds != 150 {
		t.Errorf("length = 2.5: %v %v", p, err)
	}
}

func TestDuplicateLanguages(t *testing.T) {
	src := "[[videos]]\nname = \"A\"\nlength = \"1m\"\ntranslation = \"lipsync\"\nlanguages = [\"es\", \"de\", \"ES \", \"\"]\n"
	checkProblems(t, "month.toml", loadProject(t, src), []want{
		wantAt(src, `"ES "`, `videos[0].languages[2]: language "es" is listed twice; it would be charged twice`),
		wantAt(src, `""]`, `videos[0].languages[3]: a language must not be empty`),
	})
}

func TestUnsupportedSchema(t *testing.T) {
	src := strings.Replace(card(starterPlan), "schema = 1", "schema = 2", 1)
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "schema = 2", `card.schema: schema 2 is not supported; this build reads schema 1`),
	})
}

func TestPlanMustOfferDefaults(t *testing.T) {
	src := card(starterPlan + `features = ["basic-avatar", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "own-script"]` + "\n")
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "features = [", `plans[0].features: plan "starter" must offer "studio", the card's default agent`),
	})
}

func TestProjectProblemsAllAtOnce(t *testing.T) {
	src := `plan = "starter"
seats = 0

[[videos]]
name = "Explainer"
length = "2m75s"
avatar = "avatar-iv"

[[videos]]
name = "Short"
length = "45s"
languages = ["es", "es"]
broll_clip = 2
`
	checkProblems(t, "month.toml", loadProject(t, src), []want{
		wantAt(src, "seats", `seats: must be between 1 and 10000 (got 0)`),
		wantAt(src, "length = \"2m75s\"", `videos[0].length: length "2m75s" has 75 seconds after minutes`),
		wantAt(src, "avatar =", `videos[0].avatar: unknown avatar feature "avatar-iv"; choose one of: basic-avatar, avatar-pro`),
		wantAt(src, `"es"]`, `videos[1].languages[1]: language "es" is listed twice`),
		wantAt(src, "broll_clip ", `videos[1].broll_clip: unknown key (did you mean "broll_clips"?)`),
	})
}

func TestLocatorFindsKeysInAwkwardPlaces(t *testing.T) {
	// Indented keys, quoted keys, a multi-line string that looks like a table, a
	// comment, and a second [[videos]] after it: the problem is still placed right.
	// (A name may not hold a line break, so the multi-line string ends its lines with a backslash.)
	src := "# month\n\n[[videos]]\n  name = \"\"\"\n[[videos]] \\\nrerenders = 1 \\\n\"\"\"\n  length = \"1m\"\n\n[[videos]]\n\"name\" = \"B\"\n    length = \"1m\"\n    'rerenders' = -1\n"
	checkProblems(t, "month.toml", loadProject(t, src), []want{
		wantAt(src, "'rerenders' = -1", `videos[1].rerenders: must not be negative (got -1)`),
	})
	// CRLF line endings count lines the same way.
	crlf := strings.ReplaceAll("[[videos]]\nname = \"A\"\nlength = \"1m\"\ncount = -2\n", "\n", "\r\n")
	checkProblems(t, "month.toml", loadProject(t, crlf), []want{{4, 1, `videos[0].count: must not be negative`}})
}

// TestVideoKeyIndexIsVideoKeys: the switch readVideo asks is the list the
// unknown-key check names.
func TestVideoKeyIndexIsVideoKeys(t *testing.T) {
	for i, k := range videoKeys {
		if videoKeyIndex(k) != i {
			t.Errorf("videoKeyIndex(%q) = %d, want %d", k, videoKeyIndex(k), i)
		}
	}
	for _, k := range []string{"", "Name", "names", "brol", "videos"} {
		if videoKeyIndex(k) != -1 {
			t.Errorf("videoKeyIndex(%q) = %d, want -1", k, videoKeyIndex(k))
		}
	}
}
