package pricing

import (
	"fmt"
	"strings"
	"testing"
)

// datedRows is the base card's starter plan and an Avatar Pro feature, each
// with a default row and a dated one, and a feature that only starts later.
const datedRows = `
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
credits = 200

[[plans]]
id = "starter"
name = "Starter"
effective = 2026-03-01
monthly_price = 39
credits = 250

[[features]]
id = "avatar-pro"
name = "Avatar Pro"
slot = "avatar"
premium = true
rate = 20
unit = "minute"

[[features]]
id = "avatar-pro"
name = "Avatar Pro"
slot = "avatar"
premium = true
rate = 15
unit = "minute"
effective = 2026-03-01

[[features]]
id = "avatar-v"
name = "Avatar V"
slot = "avatar"
premium = true
rate = 30
unit = "minute"
effective = 2026-04-01
`

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestOnPicksTheLatestRowInForce: for each id, the latest dated row on or
// before the day, else the undated default; an id with only dated rows is
// absent before its first date.
func TestOnPicksTheLatestRowInForce(t *testing.T) {
	c := mustCard(t, 0, datedRows)
	for _, tc := range []struct {
		day     string
		price   string
		credits string
		rate    string
		avatarV bool
	}{
		{"2026-01-01", "29", "200", "20", false},
		{"2026-02-28", "29", "200", "20", false},
		{"2026-03-01", "39", "250", "15", false},
		{"2026-03-31", "39", "250", "15", false},
		{"2026-04-01", "39", "250", "15", true},
		{"2030-01-01", "39", "250", "15", true},
	} {
		on, err := c.On(day(t, tc.day))
		if err != nil {
			t.Fatalf("%s: %v", tc.day, err)
		}
		if on.RatesAsOf.String() != tc.day {
			t.Errorf("%s: RatesAsOf %s", tc.day, on.RatesAsOf)
		}
		p, ok := on.Plan("starter")
		if !ok || p.MonthlyPrice != usd(tc.price) || p.Credits != cr(tc.credits) {
			t.Errorf("%s: starter %v %v, want %s %s", tc.day, p.MonthlyPrice, p.Credits, tc.price, tc.credits)
		}
		f, ok := on.Feature("avatar-pro")
		if !ok || f.Rate != cr(tc.rate) {
			t.Errorf("%s: avatar-pro rate %v, want %s", tc.day, f.Rate, tc.rate)
		}
		if _, ok := on.Feature("avatar-v"); ok != tc.avatarV {
			t.Errorf("%s: avatar-v in force %v, want %v", tc.day, ok, tc.avatarV)
		}
		if len(on.Plans) != 1 {
			t.Errorf("%s: %d plans, want one row per id", tc.day, len(on.Plans))
		}
		if ids := on.OptionIDs(SlotAvatar); strings.Count(strings.Join(ids, ","), "avatar-pro") != 1 {
			t.Errorf("%s: avatar options %v", tc.day, ids)
		}
		if !on.Offers(p, "avatar-pro") || !on.Offers(p, "basic-avatar") {
			t.Errorf("%s: the plan offers what it offered on every row", tc.day)
		}
	}
	// The card as loaded is the one in force on its as_of (2026-01-06).
	if f, _ := c.Feature("avatar-pro"); f.Rate != cr("20") || c.RatesAsOf.String() != "2026-01-06" {
		t.Errorf("as loaded: rate %v as of %s", f.Rate, c.RatesAsOf)
	}
}

// TestOnWithoutDatedRows: a card with no dated row is the same card on any day.
func TestOnWithoutDatedRows(t *testing.T) {
	c := standardCard(t)
	on, err := c.On(day(t, "2020-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(on.Plans) != len(c.Plans) || len(on.Features) != len(c.Features) || on.RatesAsOf.String() != "2020-01-01" {
		t.Errorf("On changed a card without dated rows")
	}
	if c.HasDatedRows() {
		t.Error("HasDatedRows on a card without")
	}
}

// TestOnBeforeEveryRow: a card whose rows are all dated has nothing in force
// before the first date: an error that says when it starts.
func TestOnBeforeEveryRow(t *testing.T) {
	src := strings.ReplaceAll(fmt.Sprintf(baseCard, 0)+datedRows, "unit = \"", "effective = 2026-01-01\nunit = \"")
	src = strings.Replace(src, "credits = 200", "credits = 200\neffective = 2026-01-01", 1)
	src = strings.ReplaceAll(src, "effective = 2026-01-01\nunit = \"minute\"\neffective", "unit = \"minute\"\neffective")
	c, err := ParseRateCard("dated.toml", []byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	_, err = c.On(day(t, "2025-12-31"))
	if err == nil || !strings.Contains(err.Error(), "--as-of 2025-12-31 is before every row of the card (the first is effective 2026-01-01)") {
		t.Errorf("got %v", err)
	}
}

// TestNotInForce names an id that starts later, with its first date and row.
func TestNotInForce(t *testing.T) {
	c := mustCard(t, 0, datedRows)
	on, err := c.On(day(t, "2026-03-15"))
	if err != nil {
		t.Fatal(err)
	}
	got := on.NotInForce("feature", "avatar-v")
	if !strings.Contains(got, `feature "avatar-v" is not in force on 2026-03-15 (its first row is effective 2026-04-01, test.toml:`) {
		t.Errorf("got %q", got)
	}
	if on.NotInForce("feature", "avatar-pro") != "" || on.NotInForce("feature", "nonsense") != "" || on.NotInForce("plan", "starter") != "" {
		t.Error("NotInForce for an id in force or not on the card")
	}
	// A project naming it on that day is refused at the line, saying when it starts.
	_, err = ParseProject("p.toml", []byte("[[videos]]\nname = \"a\"\nlength = \"1m\"\navatar = \"avatar-v\"\n"), on)
	if err == nil || !strings.Contains(err.Error(), "p.toml:4:") || !strings.Contains(err.Error(), "is not in force on 2026-03-15") {
		t.Errorf("project: %v", err)
	}
}

// TestDatedRowErrors: two rows of one id on one date, two undated rows,
// rows of one id in different slots, and a default not in force in some era
// are errors naming both rows; nothing is loaded.
func TestDatedRowErrors(t *testing.T) {
	for _, tc := range []struct {
		name, extra string
		want        []string
	}{
		{"two undated plans", starterPlan + starterPlan, []string{
			`test.toml:92:1: plans[1].id: duplicate plan id "starter" (first used by plans[0]); that row, at line 86, is undated too: give every row but the id's default an effective date`}},
		{"two rows on one date", starterPlan + "effective = 2026-02-01\n" + starterPlan + "effective = 2026-02-01\n", []string{
			`test.toml:97:1: plans[1].effective: plan "starter" has two rows effective 2026-02-01 (plans[0], line 90, and this one); one id has one row a date`}},
		{"two undated features", starterPlan + "[[features]]\nid = \"studio\"\nname = \"S\"\nslot = \"agent\"\nrate = 0\nunit = \"minute\"\n", []string{
			`test.toml:91:1: features[9].id: duplicate feature id "studio" (first used by features[7]); that row, at line 72, is undated too`}},
		{"slots differ", starterPlan + "[[features]]\nid = \"studio\"\nname = \"S\"\nslot = \"voice\"\nrate = 0\nunit = \"minute\"\neffective = 2026-05-01\n", []string{
			`features[9].slot: feature "studio" fills the voice slot here but agent in features[7]; every row of one id fills one slot`}},
		{"a feature that starts later", starterPlan + "[[features]]\nid = \"gen-look\"\nname = \"G\"\nslot = \"look\"\nrate = 0\nunit = \"video\"\neffective = 2026-05-01\n", nil},
		{"bad date", starterPlan + "effective = 2026-02-30\n", []string{`test.toml:90:13: TOML syntax: invalid datetime: "2026-02-30"`}},
		{"not a date", starterPlan + "effective = \"soon\"\n", []string{`plans[0].effective: must be a date like 2026-01-06, not "soon"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := fmt.Sprintf(baseCard, 0) + tc.extra
			c, err := ParseRateCard("test.toml", []byte(src))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("want it to load: %v", err)
				}
				return
			}
			if err == nil || c != nil {
				t.Fatalf("loaded; want %v", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in\n%v", w, err)
				}
			}
		})
	}
}

// TestDefaultNotInForceInAnEra: a slot default that only starts on a date
// leaves the era before it without a default: an error at the default.
func TestDefaultNotInForceInAnEra(t *testing.T) {
	src := strings.Replace(fmt.Sprintf(baseCard, 0), "id = \"studio\"\n", "id = \"studio\"\neffective = 2026-05-01\n", 1) + starterPlan
	_, err := ParseRateCard("test.toml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `defaults.agent: the default agent "studio" has no row in force before the first effective date (its first row is effective 2026-05-01, test.toml:`) {
		t.Errorf("got %v", err)
	}
}
