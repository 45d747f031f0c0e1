package pricing

import (
	"strings"
	"testing"
)

// salesMonth is examples/sales-demo.toml's month on the default card:
//
//	Product walkthrough, 2 × 4m, Avatar IV (20 a minute) = 80,
//	  lip-sync into 2 languages at 5 a language-minute = 40: 120 a copy, 240
//	Feature teaser, 4 × 40 s, Avatar IV per started 3 s: 42 s = 14,
//	  an AI look 1: 15 a copy, 60
//	Customer FAQ, 6 × 1:30, everything included: 0
//
// 300 premium credits in all.
const salesMonth = `plan = "creator"
billing = "monthly"

[[videos]]
name = "Product walkthrough"
count = 2
length = "4m"
avatar = "avatar-iv"
languages = ["es", "fr"]
translation = "lipsync"

[[videos]]
name = "Feature teaser"
count = 4
length = "40s"
avatar = "avatar-iv"
look = "ai-look"

[[videos]]
name = "Customer FAQ"
count = 6
length = "1:30"
`

func TestScenariosSideBySide(t *testing.T) {
	c := defaultCard(t)
	src := salesMonth + `
[[scenarios]]
name = "Avatar III"
substitute = { "avatar-iv" = "avatar-iii" }

[[scenarios]]
name = "Pro annual"
plan = "pro"
billing = "annual"

[[scenarios]]
name = "Business, 3 seats, double volume"
plan = "business"
seats = 3
volume = 2

[[scenarios]]
name = "Half a balance, 1.5 times"
balance = 100
volume = "1.5"
substitute = [{ from = "lipsync", to = "dubbing" }]
`
	p, err := ParseProject("sales.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	before := p.Clone()
	if got := c.MonthPremium(p); got != cr("300") {
		t.Fatalf("the month as planned spends %s, want 300", c.CreditWord(got))
	}
	rows := c.Scenarios(p)
	want := []struct {
		name, plan string
		billing    Billing
		premium    string
		fits       bool
		total      string
		year       string
	}{
		// Avatar III is included: only the lip-sync (2 × 40) and the looks
		// (4 × 1) are left, 84 within Creator's 200: $29 a month, 12 × $29 a year.
		{"Avatar III", "creator", Monthly, "84", true, "29", "348"},
		// 300 within Pro's 2,000; annual billing is $79 a month, the year
		// paid up front: 12 × $79.
		{"Pro annual", "pro", Annual, "300", true, "79", "948"},
		// Every count doubled: 600 within Business's 1,000; $149 and two
		// extra seats at $20: $189 a month, 12 × $189 a year.
		{"Business, 3 seats, double volume", "business", Monthly, "600", true, "189", "2268"},
	}
	for i, w := range want {
		r := rows[i]
		if r.Name != w.name || r.Plan == nil || r.Plan.ID != w.plan || r.Billing != w.billing ||
			r.PremiumCredits != cr(w.premium) || r.Fits != w.fits || r.TotalCost != usd(w.total) || r.YearCost != usd(w.year) {
			t.Errorf("scenario %d = %s on %v (%s): %s credits, fits %v, %s, year %s; want %+v",
				i, r.Name, r.Plan, r.Billing.Key(), c.CreditWord(r.PremiumCredits), r.Fits, c.Money(r.TotalCost), c.Money(r.YearCost), w)
		}
	}
	// 1.5 × the counts, rounded up: walkthrough 3, teaser 6, FAQ 9. Dubbing
	// is included, so the walkthrough spends 80 a copy (240) and the teaser
	// 15 (90): 330 against a balance of 100, short 230: no fit.
	last := rows[3]
	if last.PremiumCredits != cr("330") || last.Fits || last.Balance != cr("100") {
		t.Errorf("1.5 times with a balance of 100: %s credits of %s, fits %v; want 330 of 100, short",
			c.CreditWord(last.PremiumCredits), c.CreditWord(last.Balance), last.Fits)
	}
	counts := []int{last.Project.Videos[0].Count, last.Project.Videos[1].Count, last.Project.Videos[2].Count}
	if counts[0] != 3 || counts[1] != 6 || counts[2] != 9 {
		t.Errorf("counts under 1.5: %v, want [3 6 9]", counts)
	}
	// The month priced through the standing core: a scenario's row is what
	// Stand and Year say of the month as changed.
	for i, r := range rows {
		q := ApplyScenario(p, &p.Scenarios[i])
		st := c.Stand(q, r.Plan, q.BalanceOn(r.Plan))
		if st.Premium != r.PremiumCredits || st.Cost != r.TotalCost || c.Year(q, r.Plan, q.Billing).Cost != r.YearCost {
			t.Errorf("%s disagrees with Stand and Year of the month as changed", r.Name)
		}
	}
	// The project itself never changes.
	if c.MonthPremium(p) != c.MonthPremium(before) || p.Plan != before.Plan || p.Seats != before.Seats ||
		p.Videos[0].Picks != before.Videos[0].Picks || p.Videos[0].Count != before.Videos[0].Count {
		t.Error("pricing the scenarios changed the project")
	}
	// As planned: 300 against Creator's 200, short 100.
	planned := c.PlannedScenario(p)
	if planned.Name != ScenarioAsPlanned || planned.PremiumCredits != cr("300") || planned.Fits {
		t.Errorf("as planned: %+v", planned)
	}
}

// Substitutions are applied at once: a → b and b → a swap, never chain.
func TestScenarioSubstitutionsAtOnce(t *testing.T) {
	c := defaultCard(t)
	p, err := ParseProject("p.toml", []byte(salesMonth+`
[[scenarios]]
name = "swap"
substitute = { "lipsync" = "dubbing", "dubbing" = "lipsync" }
`), c)
	if err != nil {
		t.Fatal(err)
	}
	q := ApplyScenario(p, &p.Scenarios[0])
	if q.Videos[0].Picks[SlotTranslation] != "dubbing" || q.Videos[2].Picks[SlotTranslation] != "lipsync" {
		t.Errorf("swap gave %q and %q", q.Videos[0].Picks[SlotTranslation], q.Videos[2].Picks[SlotTranslation])
	}
}

func TestScaleCount(t *testing.T) {
	for _, tc := range []struct {
		count  int
		volume int64
		want   int
	}{
		{2, 1500, 3}, {1, 1500, 2}, {1, 500, 1}, {3, 500, 2}, {0, 2000, 0}, {4, 1000, 4}, {10, 1, 1},
	} {
		if got := ScaleCount(tc.count, tc.volume); got != tc.want {
			t.Errorf("ScaleCount(%d, %d) = %d, want %d", tc.count, tc.volume, got, tc.want)
		}
	}
}

// Every bad scenario is reported at once, each at its own line and column.
func TestScenarioProblems(t *testing.T) {
	c := defaultCard(t)
	src := salesMonth + `
[[scenarios]]
name = "Voices"
substitute = { "avatar-iv" = "voice-clone" }

[[scenarios]]
name = "voices"
plan = "pr"

[[scenarios]]
name = ""
substitute = [{ from = "avatar-v", to = "avatar-iii" }]
volume = 0

[[scenarios]]
name = "Typo"
seat = 3
billing = "yearly"
volume = "lots"
`
	_, err := ParseProject("bad.toml", []byte(src), c)
	ps, ok := AsProblems(err)
	if !ok {
		t.Fatalf("want problems, got %v", err)
	}
	want := []string{
		`bad.toml:26:16: scenarios[0].substitute.avatar-iv: "avatar-iv" fills the avatar slot and "voice-clone" the voice slot; a substitute must fill the same slot`,
		`bad.toml:29:1: scenarios[1].name: duplicate scenario name "voices" (first used by scenarios[0])`,
		`bad.toml:30:1: scenarios[1].plan: unknown plan "pr"`,
		`bad.toml:33:1: scenarios[2].name: must not be empty`,
		`bad.toml:34:15: scenarios[2].substitute[0]: unknown feature "avatar-v" (did you mean "avatar-iv"?)`,
		`bad.toml:35:1: scenarios[2].volume: must be above 0`,
		`bad.toml:39:1: scenarios[3].seat: unknown key (did you mean "seats"?)`,
		`bad.toml:40:1: scenarios[3].billing: unknown billing "yearly"`,
		`bad.toml:41:1: scenarios[3].volume: must be a multiplier`,
	}
	if len(ps) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i, w := range want {
		if i >= len(ps) || !strings.HasPrefix(ps[i].String(), w) {
			t.Errorf("problem %d:\n got %v\nwant %s…", i, ps[min(i, len(ps)-1)], w)
		}
	}
}

func TestTooManyScenarios(t *testing.T) {
	c := defaultCard(t)
	var b strings.Builder
	b.WriteString(salesMonth)
	for i := range MaxScenarios + 1 {
		b.WriteString("\n[[scenarios]]\nname = \"s" + itoa(i) + "\"\n")
	}
	_, err := ParseProject("many.toml", []byte(b.String()), c)
	if err == nil || !strings.Contains(err.Error(), "too many scenarios (101); a project may hold at most 100") {
		t.Errorf("101 scenarios: %v", err)
	}
}

// A project's scenarios survive a save: the full encoding reads back to the
// same scenarios, and an edit keeps them.
func TestScenariosSurviveSaving(t *testing.T) {
	c := defaultCard(t)
	src := salesMonth + `
[[scenarios]]
name = "Every \"quoted\" thing"
plan = "business"
billing = "annual"
seats = 3
balance = 12.5
volume = "1.25"
substitute = { "avatar-iv" = "avatar-iii", "lipsync" = "dubbing" }
`
	p, err := ParseProject("p.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseProject("encoded.toml", EncodeProject(p, c), c)
	if err != nil {
		t.Fatal(err)
	}
	if !SameProject(p, back) || len(back.Scenarios) != 1 {
		t.Fatalf("encoded scenarios read back differently:\n%s", EncodeProject(p, c))
	}
	edited := p.Clone()
	edited.Seats = 2
	out, _ := EditProject([]byte(src), p, edited, c)
	got, err := ParseProject("edited.toml", out, c)
	if err != nil || !SameProject(got, edited) {
		t.Fatalf("an edit lost the scenarios: %v\n%s", err, out)
	}
}

// A save edits the scenarios in place, as it does videos: a changed key is
// rewritten where it stands, its comment kept; a deleted scenario loses its
// block and the comments above it; a new one is appended; every other byte
// stays.
func TestEditScenariosInPlace(t *testing.T) {
	c := defaultCard(t)
	src := `plan = "creator"   # today

[[videos]]
name = "Intro"
length = "1m"
avatar = "avatar-iv"

# What-ifs for the call.

[[scenarios]]
# the cheap one
name = "Avatar III"
substitute = { "avatar-iv" = "avatar-iii" }   # included on paid plans

# the one to delete
[[scenarios]]
name = "Gone"
plan = "pro"

[[scenarios]]
name = "Pro annual"
plan = "pro"      # 2,000 credits
billing = "annual"
`
	saved, err := ParseProject("p.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	saved.Videos[0].ID = 1
	for i := range saved.Scenarios {
		saved.Scenarios[i].ID = i + 1
	}
	edited := saved.Clone()
	edited.Seats = 2
	edited.Scenarios = append(edited.Scenarios[:1], edited.Scenarios[2])
	edited.Scenarios[1].Plan = "business"
	four := 4
	edited.Scenarios[0].Seats = &four
	edited.Scenarios = append(edited.Scenarios, ScenarioFrom("New one", "business", Annual, 3, nil))
	out, kept := EditProject([]byte(src), saved, edited, c)
	want := `plan = "creator"   # today
seats = 2

[[videos]]
name = "Intro"
length = "1m"
avatar = "avatar-iv"

# What-ifs for the call.

[[scenarios]]
# the cheap one
name = "Avatar III"
substitute = { "avatar-iv" = "avatar-iii" }   # included on paid plans
seats = 4

[[scenarios]]
name = "Pro annual"
plan = "business" # 2,000 credits
billing = "annual"

[[scenarios]]
name = "New one"
plan = "business"
billing = "annual"
seats = 3
`
	if !kept || string(out) != want {
		t.Errorf("kept %v; got\n%s\nwant\n%s", kept, out, want)
	}
	// All of them deleted: the month and its comments stay.
	none := saved.Clone()
	none.Scenarios = nil
	out, kept = EditProject([]byte(src), saved, none, c)
	if got, err := ParseProject("none.toml", out, c); !kept || err != nil || len(got.Scenarios) != 0 || !strings.Contains(string(out), "# today") {
		t.Errorf("deleting every scenario: kept %v, %v\n%s", kept, err, out)
	}
	// The first scenario of a file without any.
	plain := "plan = \"creator\"\n\n[[videos]]\nname = \"Intro\"\nlength = \"1m\"\n"
	ps, _ := ParseProject("plain.toml", []byte(plain), c)
	ps.Videos[0].ID = 1
	added := ps.Clone()
	added.Scenarios = []Scenario{ScenarioFrom("Pro", "pro", Monthly, 1, nil)}
	out, kept = EditProject([]byte(plain), ps, added, c)
	if want := plain + "\n[[scenarios]]\nname = \"Pro\"\nplan = \"pro\"\nbilling = \"monthly\"\nseats = 1\n"; !kept || string(out) != want {
		t.Errorf("adding a first scenario: kept %v\n%s", kept, out)
	}
}
