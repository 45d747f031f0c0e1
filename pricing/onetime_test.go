package pricing

import (
	"strings"
	"testing"
)

// oneTimePlans are two plans, and one-time charges: a setup fee in money
// offered on Pro only, a training paid in credits on both, included on Pro.
const oneTimePlans = `
[[plans]]
id = "starter"
name = "Starter"
monthly_price = 29
credits = 200

[[plans]]
id = "pro"
name = "Pro"
monthly_price = 99
credits = 2000

[[one_time]]
id = "studio-avatar"
name = "Custom Studio Avatar"
price = 1500
plans = ["pro"]
sources = ["seed 000"]
estimated = ["price"]
why = "the seed gives $1,000-2,000; the midpoint"

[[one_time]]
id = "photo-training"
name = "Photo avatar training"
credits = 20
included = ["pro"]
`

func oneTimeCard(t testing.TB) *RateCard {
	t.Helper()
	return mustCard(t, 1, oneTimePlans+premiumFeatures)
}

func TestOneTimeChargesReadFromTheCard(t *testing.T) {
	c := oneTimeCard(t)
	if len(c.OneTime) != 2 {
		t.Fatalf("%d one-time charges, want 2", len(c.OneTime))
	}
	s, ok := c.OneTimeCharge("studio-avatar")
	if !ok {
		t.Fatal("studio-avatar not found")
	}
	// price = 1500 is $1,500.00: 1500 * MoneyScale.
	if s.Price != usd("1500") || s.Credits != 0 || s.InCredits() {
		t.Errorf("studio-avatar price %v credits %v", s.Price, s.Credits)
	}
	if s.OfferedOn("starter") || !s.OfferedOn("pro") || s.IncludedOn("pro") {
		t.Errorf("studio-avatar offered on starter %v, pro %v", s.OfferedOn("starter"), s.OfferedOn("pro"))
	}
	if s.AmountMark() != " ≈" || s.Marks.Why == "" || len(s.Sources) != 1 {
		t.Errorf("studio-avatar marks %+v sources %v", s.Marks, s.Sources)
	}
	p, _ := c.OneTimeCharge("photo-training")
	// No plans list: every plan offers it; pro includes it.
	if p.Credits != cr("20") || !p.InCredits() || !p.OfferedOn("starter") || !p.IncludedOn("pro") || p.IncludedOn("starter") {
		t.Errorf("photo-training %+v", p)
	}
}

func TestOneTimeChargeProblems(t *testing.T) {
	src := card(starterPlan + `
[[one_time]]
id = "setup"
name = "Setup"
price = 10
credits = 5

[[one_time]]
id = "setup"
name = "Again"
price = 10.12345

[[one_time]] # no amount
id = "nothing"
name = "Nothing"
plans = ["startr"]

[[one_time]]
id = "free"
name = "Free"
price = 0
pric = 3
`)
	checkProblems(t, "card.toml", loadCard(t, src), []want{
		wantAt(src, "credits = 5", `one_time[0].credits: a one-time charge is paid in money (price) or in credits (credits), not both`),
		wantAt(src, `id = "setup"
name = "Again"`, `one_time[1].id: duplicate one-time charge id "setup"`),
		wantAt(src, "price = 10.12345", `has 5 decimals`),
		wantAt(src, `one_time]] # no amount`, `one_time[2]: one-time charge "nothing" needs a price (money) or credits`),
		wantAt(src, `"startr"`, `one_time[2].plans[0]: unknown plan "startr" (did you mean "starter"?)`),
		wantAt(src, "price = 0", `one_time[3].price: a one-time charge of 0 charges nothing`),
		wantAt(src, "pric =", `one_time[3].pric: unknown key (did you mean "price"?)`),
	})
}

func TestProjectOneTimeAndBudgetRead(t *testing.T) {
	c := oneTimeCard(t)
	src := `plan = "pro"
budget = 59.5

[[one_time]]
id = "studio-avatar"

[[one_time]]
id = "photo-training"
month = 3

[[videos]]
name = "Intro"
length = "1m"
`
	p, err := ParseProject("month.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	want := []OneTimeNeed{{"studio-avatar", 1}, {"photo-training", 3}}
	if len(p.OneTime) != 2 || p.OneTime[0] != want[0] || p.OneTime[1] != want[1] {
		t.Errorf("one-time needs %+v, want %+v", p.OneTime, want)
	}
	// 59.5 is $59.50.
	if !p.HasBudget || p.Budget != usd("59.50") {
		t.Errorf("budget %v (has %v), want $59.50", p.Budget, p.HasBudget)
	}
	q := p.Clone()
	q.OneTime[0].Month = 9
	if p.OneTime[0].Month != 1 {
		t.Error("Clone shares the one-time needs")
	}
}

func TestProjectOneTimeProblems(t *testing.T) {
	c := oneTimeCard(t)
	src := `plan = "starter"
budget = 60.505

[[one_time]]
id = "studio-avatar"

[[one_time]]
id = "photo-trainin"
month = 13

[[one_time]]
id = "photo-training"

[[one_time]]
id = "photo-training"
mnth = 2

[[videos]]
name = "Intro"
length = "1m"
`
	_, err := ParseProject("month.toml", []byte(src), c)
	checkProblems(t, "month.toml", err, []want{
		wantAt(src, "budget", `budget: 60.505 has 3 decimals; USD allows 2 decimals`),
		wantAt(src, `id = "studio-avatar"`, `one_time[0].id: Custom Studio Avatar is not offered on Starter; plans that offer it: Pro`),
		wantAt(src, `id = "photo-trainin"`, `one_time[1].id: unknown one-time charge "photo-trainin" (did you mean "photo-training"?)`),
		wantAt(src, "month = 13", `one_time[1].month: must be between 1 and 12 (got 13)`),
		wantAt(src, `id = "photo-training"
mnth`, `one_time[3].id: one-time charge "photo-training" is named twice`),
		wantAt(src, "mnth", `one_time[3].mnth: unknown key (did you mean "month"?)`),
	})
}

func TestProjectOneTimeOnACardWithoutCharges(t *testing.T) {
	src := `[[one_time]]
id = "studio-avatar"

[[videos]]
name = "Intro"
length = "1m"
`
	checkProblems(t, "month.toml", loadProject(t, src), []want{
		wantAt(src, `id = "studio-avatar"`, `one_time[0].id: unknown one-time charge "studio-avatar"; this card has no one-time charges`),
	})
}

func TestBudgetFromText(t *testing.T) {
	c := oneTimeCard(t)
	for _, tc := range []struct {
		in   string
		want Money
		err  string
	}{
		{"60", usd("60"), ""},
		{" 59.50 ", usd("59.50"), ""},
		{"0", 0, ""},
		{"60.505", 0, `budget "60.505": 60.505 has 3 decimals; USD allows 2 decimals`},
		{"60.12345", 0, `budget "60.12345": 60.12345 has 5 decimals; USD allows 2 decimals`},
		{"-5", 0, `budget "-5": must not be negative (give an amount like 60 or 59.50)`},
		{"$60", 0, `budget "$60": "$60" is not a decimal number (give an amount like 60 or 59.50)`},
		{"2000000000", 0, `budget "2000000000": 2000000000 is not a month's budget; at most $1,000,000,000.00`},
		{"99999999999999999999", 0, `is too large`},
	} {
		got, err := c.ReadBudget(tc.in)
		if tc.err == "" {
			if err != nil || got != tc.want {
				t.Errorf("ReadBudget(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ReadBudget(%q) error %v; want %q", tc.in, err, tc.err)
		}
	}
}

func TestOneTimeAndBudgetRoundTrip(t *testing.T) {
	c := oneTimeCard(t)
	p := c.NewProject("pro")
	p.OneTime = []OneTimeNeed{{"studio-avatar", 1}, {"photo-training", 4}}
	p.Budget, p.HasBudget = usd("59.5"), true
	src := EncodeProject(p, c)
	back, err := ParseProject("again.toml", src, c)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if !SameProject(back, p) {
		t.Errorf("round trip changed the project:\n%s", src)
	}
	if !strings.Contains(string(src), "budget = 59.5\n") || !strings.Contains(string(src), "[[one_time]]\nid = \"photo-training\"\nmonth = 4\n") {
		t.Errorf("encoding:\n%s", src)
	}
}

func TestSavingABudgetKeepsTheOneTimeTablesAndComments(t *testing.T) {
	c := oneTimeCard(t)
	original := `plan = "pro" # the plan we pay
budget = 60 # what we have

# The avatar is made once, in the first month.
[[one_time]]
id = "studio-avatar" # quoted by sales
month = 1

[[videos]]
name = "Intro" # keep short
length = "1m"
`
	saved, err := ParseProject("month.toml", []byte(original), c)
	if err != nil {
		t.Fatal(err)
	}
	saved.Videos[0].ID = 1 // the planner numbers the videos it read
	edited := saved.Clone()
	edited.Budget = usd("75.25")
	out, kept := EditProject([]byte(original), saved, edited, c)
	want := strings.Replace(original, "budget = 60 #", "budget = 75.25 #", 1)
	if !kept || string(out) != want {
		t.Errorf("kept %v, got:\n%s\nwant:\n%s", kept, out, want)
	}
	// Removing the budget removes its line only.
	edited.HasBudget = false
	out, kept = EditProject([]byte(original), saved, edited, c)
	want = strings.Replace(original, "budget = 60 # what we have\n", "", 1)
	if !kept || string(out) != want {
		t.Errorf("kept %v, got:\n%s\nwant:\n%s", kept, out, want)
	}
	// A changed one-time charge is written anew, never left as it was.
	edited = saved.Clone()
	edited.OneTime[0].Month = 2
	out, _ = EditProject([]byte(original), saved, edited, c)
	back, err := ParseProject("out.toml", out, c)
	if err != nil || !SameProject(back, edited) {
		t.Errorf("edited one-time month lost: %v\n%s", err, out)
	}
}

// oneTimeMonth is a month of one 5-minute Avatar Pro video: 5 min × 20 =
// 100 premium credits (300 s is a whole number of 3 s increments).
func oneTimeMonth(c *RateCard, plan string, needs ...OneTimeNeed) *Project {
	p := c.NewProject(plan)
	p.Videos = []Video{video(c, "Launch", 300, map[string]string{"avatar": "avatar-pro"})}
	p.OneTime = needs
	return p
}

func TestOneTimeCreditsSpendTheMonthsCredits(t *testing.T) {
	c := oneTimeCard(t)
	// Starter: 200 credits. Videos 100 + photo training 20 = 120 spent, 80
	// left; the training is paid in credits, so no money is added: $29.00.
	q, err := c.Quote(oneTimeMonth(c, "starter", OneTimeNeed{"photo-training", 1}))
	if err != nil {
		t.Fatal(err)
	}
	if q.Premium != cr("120") || q.OneTimeCredits != cr("20") || q.Remaining != cr("80") || !q.Fits {
		t.Errorf("premium %s (one-time %s), remaining %s, fits %v; want 120 (20), 80, true", q.Premium, q.OneTimeCredits, q.Remaining, q.Fits)
	}
	if q.Cost != usd("29") || q.OneTimeCost != 0 || q.WithOneTime() != usd("29") {
		t.Errorf("cost %v + one-time %v", q.Cost, q.OneTimeCost)
	}
	if len(q.OneTime) != 1 || q.OneTime[0].Text(c, q.Plan) != "Photo avatar training: 20 premium credits from the month's credits" {
		t.Errorf("one-time lines %+v", q.OneTime)
	}
	// A charge in month 3 is not the quoted month's.
	q, _ = c.Quote(oneTimeMonth(c, "starter", OneTimeNeed{"photo-training", 3}))
	if q.Premium != cr("100") || len(q.OneTime) != 0 {
		t.Errorf("a month-3 charge is in the quoted month: %s, %+v", q.Premium, q.OneTime)
	}
}

func TestOneTimeMoneyIsApartFromTheRecurringCost(t *testing.T) {
	c := oneTimeCard(t)
	p := oneTimeMonth(c, "pro", OneTimeNeed{"studio-avatar", 1}, OneTimeNeed{"photo-training", 1})
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	// Pro: $99.00 a month; the Studio Avatar $1,500.00 once; the training is
	// included in Pro, so it spends nothing: premium 100, not 120.
	if q.Cost != usd("99") || q.OneTimeCost != usd("1500") || q.WithOneTime() != usd("1599") {
		t.Errorf("cost %v, one-time %v, with %v; want $99, $1,500, $1,599", q.Cost, q.OneTimeCost, q.WithOneTime())
	}
	if q.Premium != cr("100") || q.OneTimeCredits != 0 {
		t.Errorf("premium %s, one-time credits %s", q.Premium, q.OneTimeCredits)
	}
	if got := q.OneTimeNote(c); got != "plus one-time $1,500.00 ≈ (Custom Studio Avatar)" {
		t.Errorf("note %q", got)
	}
	if got := q.OneTime[1].Text(c, q.Plan); got != "Photo avatar training: included in Pro" {
		t.Errorf("included line %q", got)
	}
	// Starter does not offer the Studio Avatar: no money makes it.
	cmp := c.Compare(p)
	st := cmp.Options[0]
	if st.Usable() || !contains(st.Blocked, "Custom Studio Avatar (one-time) is not offered on Starter") {
		t.Errorf("starter blocked by %v", st.Blocked)
	}
	if cmp.Recommended != "pro" || cmp.Options[1].OneTimeCost != usd("1500") {
		t.Errorf("recommended %q, pro one-time %v", cmp.Recommended, cmp.Options[1].OneTimeCost)
	}
}

func TestOneTimeChargesFallInTheirMonthOfTheYear(t *testing.T) {
	c := oneTimeCard(t)
	p := oneTimeMonth(c, "pro", OneTimeNeed{"studio-avatar", 2})
	y, err := c.YearProject(p)
	if err != nil {
		t.Fatal(err)
	}
	// Monthly billing: $99.00 every month, $1,500.00 more in month 2:
	// 12 × 99 + 1,500 = 2,688.
	if y.Months[0].Cost != usd("99") || y.Months[1].Cost != usd("1599") || y.Months[1].OneTimeCost != usd("1500") {
		t.Errorf("month 1 %v, month 2 %v (one-time %v)", y.Months[0].Cost, y.Months[1].Cost, y.Months[1].OneTimeCost)
	}
	if y.OneTime != usd("1500") || y.Cost != usd("2688") || y.Subscription != usd("1188") {
		t.Errorf("year one-time %v, cost %v, subscription %v", y.OneTime, y.Cost, y.Subscription)
	}
	// Annual billing (no annual price: $99 a month): 12 × 99 = 1,188 in
	// month 1, the setup in month 2; the year costs the same, 2,688.
	if y.Annual.Cost != usd("2688") || y.Annual.Months[1].Cost != usd("1500") {
		t.Errorf("annual %v, month 2 %v", y.Annual.Cost, y.Annual.Months[1].Cost)
	}
	// Credits: Starter with the training in month 3: that month needs
	// 100 + 20 = 120, the others 100; 12 × 100 + 20 = 1,220 over the year.
	ys := c.Year(oneTimeMonth(c, "starter", OneTimeNeed{"photo-training", 3}), &c.Plans[0], Monthly)
	if ys.Months[2].Need != cr("120") || ys.Months[1].Need != cr("100") || ys.Need != cr("1220") {
		t.Errorf("needs %s, %s; year %s", ys.Months[2].Need, ys.Months[1].Need, ys.Need)
	}
}

func TestBudgetAgainstTheMonth(t *testing.T) {
	c := oneTimeCard(t)
	p := oneTimeMonth(c, "pro", OneTimeNeed{"studio-avatar", 1})
	p.Budget, p.HasBudget = usd("1600"), true
	q, _ := c.Quote(p)
	// $99.00 + $1,500.00 = $1,599.00 against $1,600.00: $1.00 under.
	b, ok := q.AgainstBudget()
	if !ok || !b.Within || b.Total != usd("1599") || b.Under != usd("1") {
		t.Errorf("budget check %+v", b)
	}
	if got := b.Sentence(c); got != "Budget $1,600.00: the month costs $1,599.00, $1.00 under" {
		t.Errorf("sentence %q", got)
	}
	p.Budget = usd("60")
	q, _ = c.Quote(p)
	// $1,599.00 against $60.00: $1,539.00 over.
	if b, _ := q.AgainstBudget(); b.Within || b.Over != usd("1539") {
		t.Errorf("over budget %+v", b)
	}
	p.HasBudget = false
	q, _ = c.Quote(p)
	if _, ok := q.AgainstBudget(); ok {
		t.Error("a month without a budget is checked against one")
	}
}

func TestOneTimeChargesCarriedToAnotherCardBlockItsPlans(t *testing.T) {
	home, other := oneTimeCard(t), standardCard(t)
	src := `plan = "pro"

[[one_time]]
id = "studio-avatar"
month = 2

[[videos]]
name = "Intro"
length = "1m"
`
	months, err := ParseProjectAcross("month.toml", []byte(src), []*RateCard{home, other})
	if err != nil {
		t.Fatal(err)
	}
	if got := months[1].Project.OneTime; len(got) != 1 || got[0] != (OneTimeNeed{"studio-avatar", 2}) {
		t.Fatalf("carried needs %+v", got)
	}
	// The other card sells no Studio Avatar: its plan cannot make the month,
	// and says why, rather than pricing it without the setup.
	q, err := other.Quote(months[1].Project)
	if err != nil {
		t.Fatal(err)
	}
	if q.Usable() || !contains(q.Blocked, "Test card has no one-time charge “studio-avatar”") {
		t.Errorf("blocked by %v", q.Blocked)
	}
	// On its own card the problems of the table are still reported, once.
	bad := strings.Replace(src, "month = 2", "month = 13", 1)
	_, err = ParseProjectAcross("month.toml", []byte(bad), []*RateCard{home, other})
	checkProblems(t, "month.toml", err, []want{wantAt(bad, "month = 13", "one_time[0].month: must be between 1 and 12 (got 13)")})
}

func TestAPlanThatIncludesTheSetupIsTheCheaperMonth(t *testing.T) {
	c := mustCard(t, 1, oneTimePlans+`
[[one_time]]
id = "setup"
name = "Setup"
price = 100
included = ["pro"]
`+premiumFeatures)
	p := oneTimeMonth(c, "starter", OneTimeNeed{"setup", 1})
	// Starter: $29 + $100 once = $129; Pro: $99, the setup included. Pro is
	// the cheaper month, in the comparison and in right-sizing.
	cmp := c.Compare(p)
	if cmp.Recommended != "pro" || cmp.Options[0].OneTimeCost != usd("100") || cmp.Options[1].OneTimeCost != 0 {
		t.Errorf("recommended %q; one-time %v, %v", cmp.Recommended, cmp.Options[0].OneTimeCost, cmp.Options[1].OneTimeCost)
	}
	if rs := c.RightSize(p); rs.Best == nil || rs.Best.Plan.ID != "pro" || rs.Best.OneTime != 0 {
		t.Errorf("right-size best %+v", rs.Best)
	}
}

func TestAProposalStatesTheOneTimeChargesInTheirMonth(t *testing.T) {
	c := oneTimeCard(t)
	pr, err := c.Proposal(oneTimeMonth(c, "pro", OneTimeNeed{"studio-avatar", 2}), ProposalOptions{Plan: "pro"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"One-time, month 2: Custom Studio Avatar: $1,500.00 ≈, paid once (the seed gives $1,000-2,000; the midpoint).",
		"The monthly costs leave one-time charges out; the year's include them.",
	}
	if n := len(pr.Why); n < 2 || pr.Why[n-2] != want[0] || pr.Why[n-1] != want[1] {
		t.Errorf("why ends %q", pr.Why)
	}
	// The year the proposal shows has the setup in month 2: 12 × $99 + $1,500.
	if pr.Year.Cost != usd("2688") {
		t.Errorf("year %v", pr.Year.Cost)
	}
}

// TestOneTimeLater: a charge of a later month is not this month's (neither
// its cost nor its credits) but the standing lists it, by month, with the
// month said.
func TestOneTimeLater(t *testing.T) {
	c := defaultCard(t)
	p := c.NewProject("creator")
	p.OneTime = []OneTimeNeed{{ID: "studio-avatar", Month: 7}, {ID: "photo-avatar-training", Month: 3}}
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.OneTime) != 0 || q.OneTimeCost != 0 || q.OneTimeCredits != 0 {
		t.Fatalf("later charges counted in the month: %+v, %v, %v", q.OneTime, q.OneTimeCost, q.OneTimeCredits)
	}
	if len(q.OneTimeLater) != 2 || q.OneTimeLater[0].Month != 3 || q.OneTimeLater[1].Month != 7 {
		t.Fatalf("later: %+v", q.OneTimeLater)
	}
	if got, want := q.OneTimeLater[1].LaterText(c, q.Plan), "Custom Studio Avatar setup in month 7: $1,500.00 ≈, paid once"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
