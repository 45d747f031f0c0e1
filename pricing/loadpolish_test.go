package pricing

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// An empty max_length or increment is a mistake, not "no limit" or "by the
// second": the key was written, so the writer meant something.
func TestEmptyLengthsInACardAreErrors(t *testing.T) {
	for _, tc := range []struct{ name, extra, marker, msg string }{
		{"max_length", starterPlan + "max_length = \"\"\n", "max_length",
			`plans[0].max_length: must not be empty; leave max_length out for no limit`},
		{"max_length blank", starterPlan + "max_length = \"  \"\n", "max_length",
			`plans[0].max_length: must not be empty; leave max_length out for no limit`},
		{"increment", starterPlan + "\n[[features]]\nid = \"x\"\nname = \"X\"\nslot = \"avatar\"\npremium = true\nrate = 1\nunit = \"minute\"\nincrement = \"\"\n",
			"increment", `features[9].increment: must not be empty; leave increment out to charge by the second`},
		{"max_length not a string", starterPlan + "max_length = 30\n", "max_length",
			`plans[0].max_length: must be a string, not an integer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := card(tc.extra)
			checkProblems(t, "card.toml", loadCard(t, src), []want{wantAt(src, tc.marker, tc.msg)})
		})
	}
	// Left out, they mean no limit and one-second billing.
	c := mustCard(t, 1, starterPlan)
	if c.Plans[0].MaxSeconds != 0 {
		t.Errorf("no max_length: MaxSeconds %d, want 0 (no limit)", c.Plans[0].MaxSeconds)
	}
	for i := range c.Features {
		if c.Features[i].Unit.IsTime() && c.Features[i].IncrementSeconds < 1 {
			t.Errorf("%s: increment %d", c.Features[i].ID, c.Features[i].IncrementSeconds)
		}
	}
}

// A plan may sell at most 20 top-ups: the cheapest mix is searched over every
// pack for every plan, so a hostile card could otherwise make quoting slow.
func TestTopUpsPerPlanAreCapped(t *testing.T) {
	packs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "  [[plans.topups]]\n  id = \"t%d\"\n  credits = %d\n  price = %d\n", i, 100+i, 5+i)
		}
		return b.String()
	}
	ok := card(starterPlan + packs(maxTopUps))
	if err := loadCard(t, ok); err != nil {
		t.Fatalf("%d top-ups must load: %v", maxTopUps, err)
	}
	src := card(starterPlan + packs(maxTopUps+1))
	// The problem stands at the plan's first [[plans.topups]].
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "plans.topups]]\n  id = \"t0\"", fmt.Sprintf("plans[0].topups: too many top-ups (%d); a plan may sell at most %d", maxTopUps+1, maxTopUps)),
	})
}

// ParseBalance reads a typed balance at the card's precision, so --balance
// obeys the same rule as a project's balance.
func TestParseBalanceObeysTheCardsPrecision(t *testing.T) {
	one := mustCard(t, 1, starterPlan)
	whole := mustCard(t, 0, starterPlan)
	for _, tc := range []struct {
		c    *RateCard
		in   string
		want Credits
		err  string
	}{
		{one, "200", WholeCredits(200), ""},
		{one, " 12.5 ", 12_500, ""},
		{one, "12.50", 12_500, ""}, // a trailing zero is not a decimal
		{one, "12.25", 0, "12.25 has 2 decimals; this card allows 1 decimal"},
		{whole, "12.0", WholeCredits(12), ""},
		{whole, "12.5", 0, "12.5 has 1 decimal; this card allows no decimals"},
		{one, "-5", 0, "must not be negative"},
		{one, "lots", 0, `"lots" is not a decimal number`},
		{one, "", 0, "empty number"},
	} {
		got, err := tc.c.ParseBalance(tc.in)
		switch {
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("precision %d, %q: %s, %v; want %s", tc.c.Precision, tc.in, got, err, tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("precision %d, %q: error %v; want %q", tc.c.Precision, tc.in, err, tc.err)
		}
	}
}

// A month big enough to be read on several cores reports exactly the problems
// one core reports, from both ends of the file, in file order.
func TestBigMonthProblemsAreTheSameOnOneCoreAndMany(t *testing.T) {
	var b strings.Builder
	b.WriteString("plan = \"starter\"\n")
	n := 3 * readVideosInParallelFrom / 2
	for i := range n {
		fmt.Fprintf(&b, "\n[[videos]]\nname = \"V%d\"\nlength = \"1m\"\n", i)
		switch i {
		case 10:
			b.WriteString("lenght = \"2m\"\n")
		case n - 10:
			b.WriteString("count = -1\n")
		case n - 5:
			b.WriteString("avatar = \"nope\"\n")
		}
	}
	src := b.String()
	c := standardCard(t)
	parse := func(procs int) string {
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		p, err := ParseProject("month.toml", []byte(src), c)
		if err == nil || p != nil {
			t.Fatalf("GOMAXPROCS %d: the problems were not reported", procs)
		}
		return err.Error()
	}
	one, four := parse(1), parse(4)
	if one != four {
		t.Fatalf("one core:\n%s\nfour cores:\n%s", one, four)
	}
	lines := strings.Split(one, "\n")
	want := []string{
		fmt.Sprintf("month.toml:%d:1: videos[10].lenght: unknown key", strings.Count(src[:strings.Index(src, "lenght")], "\n")+1),
		fmt.Sprintf("month.toml:%d:1: videos[%d].count: must not be negative", strings.Count(src[:strings.Index(src, "count = -1")], "\n")+1, n-10),
		fmt.Sprintf("month.toml:%d:1: videos[%d].avatar: unknown avatar feature", strings.Count(src[:strings.Index(src, "avatar = \"nope\"")], "\n")+1, n-5),
	}
	if len(lines) != len(want) {
		t.Fatalf("%d problems, want %d:\n%s", len(lines), len(want), one)
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("problem %d: %s\nwant %s…", i+1, lines[i], want[i])
		}
	}
}
