package pricing

import (
	"strings"
	"testing"
)

func TestParseDiscount(t *testing.T) {
	for in, want := range map[string]Discount{
		"15%":     {Percent: 1500},
		" 12.5% ": {Percent: 1250},
		"0%":      {Percent: 0},
		"99.99%":  {Percent: 9999},
		"$20.00":  {Amount: 20_0000, IsAmount: true, Currency: "USD"},
		"$ 5":     {Amount: 5_0000, IsAmount: true, Currency: "USD"},
		"20 USD":  {Amount: 20_0000, IsAmount: true, Currency: "USD"},
		"EUR 7.5": {Amount: 7_5000, IsAmount: true, Currency: "EUR"},
		"£3":      {Amount: 3_0000, IsAmount: true, Currency: "GBP"},
	} {
		got, err := ParseDiscount(in)
		if err != nil || got != want {
			t.Errorf("ParseDiscount(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"":       "not empty",
		"100%":   "at or above 100%",
		"150%":   "at or above 100%",
		"-5%":    "below 0",
		"$-5":    "below 0",
		"-$5":    "below 0",
		"20":     "with its currency",
		"abc":    "with its currency",
		"1.234%": "at most 2 decimals",
		"$1.234": "at most 2 decimals",
		"15 %%":  "not a decimal number",
	} {
		_, err := ParseDiscount(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDiscount(%q): %v; want an error saying %q", in, err, want)
		}
	}
}

func TestApplyDiscount(t *testing.T) {
	pct := func(p int64) Discount { return Discount{Percent: p} }
	amt := func(m Money) Discount { return Discount{Amount: m, IsAmount: true, Currency: "USD"} }
	for _, tc := range []struct {
		price Money
		d     Discount
		want  Money
	}{
		{99_0000, pct(1500), 84_1500},
		{79_0000, pct(1500), 67_1500},
		{79_0000, pct(1250), 69_1300}, // 69.125 rounds half up to 69.13
		{10_0000, pct(3333), 6_6700},  // 6.667 -> 6.67
		{99_0000, pct(0), 99_0000},
		{149_0000, amt(20_0000), 129_0000},
		{29_0000, amt(28_9900), 100},
		{0, pct(5000), 0},
	} {
		got, err := ApplyDiscount(tc.price, tc.d)
		if err != nil || got != tc.want {
			t.Errorf("%v off %v = %v, %v; want %v", tc.d, tc.price.Plain(), got.Plain(), err, tc.want.Plain())
		}
	}
	for _, tc := range []struct {
		price Money
		d     Discount
	}{
		{29_0000, amt(29_0000)}, {29_0000, amt(30_0000)}, {0, amt(1)},
		{99_0000, pct(fullPercent)}, {99_0000, pct(-1)},
	} {
		if _, err := ApplyDiscount(tc.price, tc.d); err == nil {
			t.Errorf("%v off %v: no error", tc.d, tc.price.Plain())
		}
	}
}

func TestReduction(t *testing.T) {
	for _, tc := range []struct {
		list, yours Money
		want        int64
	}{
		{100_0000, 80_0000, 2000},
		{99_0000, 79_0000, 2021}, // 20.2%: rounded up, so "within 20%" is never claimed for 20.01%
		{99_0000, 99_0000, 0},
		{99_0000, 120_0000, 0},
		{0, 0, 0},
	} {
		if got := Reduction(tc.list, tc.yours); got != tc.want {
			t.Errorf("Reduction(%v, %v) = %d, want %d", tc.list.Plain(), tc.yours.Plain(), got, tc.want)
		}
	}
	if s := FormatPercent(2000); s != "20%" {
		t.Errorf("FormatPercent(2000) = %q", s)
	}
	if s := FormatPercent(1250); s != "12.5%" {
		t.Errorf("FormatPercent(1250) = %q", s)
	}
}

func date(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestValidityAcrossMonthEndsAndLeapYears(t *testing.T) {
	for _, tc := range []struct {
		prepared string
		c        *Customer
		want     string
	}{
		{"2026-12-03", nil, "2027-01-02"},                     // the default 30 days, across a year end
		{"2026-01-31", nil, "2026-03-02"},                     // January 31 + 30: past February's 28 days
		{"2028-01-31", nil, "2028-03-01"},                     // a leap year's February has 29
		{"2028-02-28", &Customer{ValidDays: 1}, "2028-02-29"}, // the leap day itself
		{"2027-02-28", &Customer{ValidDays: 1}, "2027-03-01"}, // no leap day in 2027
		{"2100-02-28", &Customer{ValidDays: 1}, "2100-03-01"}, // 2100 is not a leap year
		{"2000-02-28", &Customer{ValidDays: 1}, "2000-02-29"}, // 2000 is
		{"2026-12-03", &Customer{ValidDays: 365}, "2027-12-03"},
		{"2027-12-03", &Customer{ValidDays: 366}, "2028-12-03"}, // across February 29, 2028
		{"2026-12-03", &Customer{}, "2027-01-02"},               // a customer without days: the default
		{"2026-12-03", &Customer{ValidUntil: Date{2026, 12, 24}}, "2026-12-24"},
		{"2026-12-03", &Customer{ValidUntil: Date{2026, 11, 1}}, "2026-11-01"}, // past: kept, warned
	} {
		if got := Validity(date(t, tc.prepared), tc.c).String(); got != tc.want {
			t.Errorf("Validity(%s, %+v) = %s, want %s", tc.prepared, tc.c, got, tc.want)
		}
	}
	today := date(t, "2026-12-03")
	if w := ValidityWarning(today, &Customer{ValidUntil: Date{2026, 11, 1}}); !strings.Contains(w, "2026-11-01 is before today (2026-12-03)") {
		t.Errorf("a past valid_until warns %q", w)
	}
	for _, c := range []*Customer{nil, {}, {ValidDays: 1}, {ValidUntil: today}, {ValidUntil: Date{2027, 1, 1}}} {
		if w := ValidityWarning(today, c); w != "" {
			t.Errorf("%+v warns %q", c, w)
		}
	}
	if s := Stamp(today, Validity(today, nil)); s != "prepared 2026-12-03, valid until 2027-01-02" {
		t.Errorf("stamp %q", s)
	}
}

func TestParseDate(t *testing.T) {
	if d := date(t, "2028-02-29"); d != (Date{2028, 2, 29}) {
		t.Errorf("%v", d)
	}
	for _, s := range []string{"2026-02-30", "2027-02-29", "2026-13-01", "03/12/2026", "2026-12-3", "", "2026-12-03T10:00:00Z"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("the zero Date")
	}
	if !(Date{2026, 12, 3}).Before(Date{2027, 1, 1}) || (Date{2026, 12, 3}).DaysUntil(Date{2027, 1, 2}) != 30 {
		t.Error("Before, DaysUntil")
	}
}

func projectProblems(t *testing.T, src string) string {
	t.Helper()
	_, err := ParseProject("p.toml", []byte(src), defaultCard(t))
	if err == nil {
		t.Fatalf("project loads:\n%s", src)
	}
	checkLoadError(t, "p.toml", []byte(src), err)
	return err.Error()
}

func TestCustomerTable(t *testing.T) {
	p, err := ParseProject("p.toml", []byte(`plan = "pro"
pricing = "deals/acme.toml"

[customer]
name = "Dana Reyes"
company = "Acme Corp"
prepared_by = "Sam Seller"
valid_until = 2027-01-15
notes = "internal"
`), defaultCard(t))
	if err != nil {
		t.Fatal(err)
	}
	want := Customer{Name: "Dana Reyes", Company: "Acme Corp", PreparedBy: "Sam Seller", Notes: "internal", ValidUntil: Date{2027, 1, 15}}
	if p.Customer == nil || *p.Customer != want || p.PricingFile != "deals/acme.toml" {
		t.Fatalf("customer %+v, pricing %q", p.Customer, p.PricingFile)
	}
	if p.Customer.Who() != "Dana Reyes, Acme Corp" {
		t.Errorf("Who %q", p.Customer.Who())
	}
	if q := p.Clone(); q.Customer == p.Customer || *q.Customer != *p.Customer {
		t.Error("Clone shares or loses the customer")
	}
	p, err = ParseProject("p.toml", []byte("plan = \"pro\"\n[customer]\ncompany = \"Acme\"\nvalid_days = 14\n"), defaultCard(t))
	if err != nil || p.Customer.ValidDays != 14 || p.Customer.Who() != "Acme" {
		t.Fatalf("%+v %v", p.Customer, err)
	}
	if p, _ := ParseProject("p.toml", []byte("plan = \"pro\"\n"), defaultCard(t)); p.Customer != nil || p.PricingFile != "" {
		t.Error("a project without [customer] has one")
	}

	got := projectProblems(t, `plan = "pro"
pricing = ""

[customer]
name = "Dana"
compny = "Acme"
valid_days = 30
valid_until = 2027-01-15
`)
	for _, want := range []string{
		`p.toml:2:1: pricing: must not be empty; leave pricing out for the card's list prices`,
		`p.toml:6:1: customer.compny: unknown key (did you mean "company"?)`,
		`p.toml:8:1: customer.valid_until: give valid_days or valid_until, not both`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	for src, want := range map[string]string{
		"[customer]\nprepared_by = \"Sam\"\n":                           "a [customer] needs a name or a company",
		"[customer]\nname = \"\"\n":                                     "not an empty name",
		"[customer]\nname = \"A\"\nvalid_days = 0\n":                    "customer.valid_days: must be between 1 and 3660",
		"[customer]\nname = \"A\"\nvalid_until = \"soon\"\n":            "customer.valid_until: must be a date",
		"[customer]\nname = \"A\"\nvalid_until = 2027-01-15T10:00:00\n": "not a date and time",
		"customer = \"Acme\"\n":                                         "customer: must be a table",
	} {
		if got := projectProblems(t, "plan = \"pro\"\n"+src); !strings.Contains(got, want) {
			t.Errorf("%q: problems lack %q:\n%s", src, want, got)
		}
	}
}

func TestEstimateMarksOfPlansToml(t *testing.T) {
	c := defaultCard(t)
	ent, _ := c.Plan("enterprise")
	if !ent.Marks.Has("credits") || ent.Marks.Why == "" {
		t.Fatalf("Enterprise's credits are not marked an estimate: %+v", ent.Marks)
	}
	var whats []string
	for _, e := range c.Estimates() {
		if e.Why == "" {
			t.Errorf("estimate %q has no why", e.What)
		}
		whats = append(whats, e.What)
	}
	all := strings.Join(whats, "\n")
	for _, want := range []string{"Enterprise: credits 5,000 premium credits", "Lip-sync translation: rate 5 / language-min", "Pro: annual price $79.00"} {
		if !strings.Contains(all, want) {
			t.Errorf("estimates lack %q:\n%s", want, all)
		}
	}
	// A month on Creator with Avatar IV only rests on Creator's and Avatar IV's estimates.
	p := &Project{Plan: "creator", Seats: 1, Videos: []Video{c.NewVideo("v")}}
	p.Videos[0].Picks[SlotAvatar] = "avatar-iv"
	cc := c.ForCustomer(p, Date{2026, 12, 3})
	creator, _ := cc.Plan("creator")
	var got []string
	for _, e := range cc.DocumentEstimates(creator) {
		got = append(got, e.What)
	}
	if g := strings.Join(got, "\n"); strings.Contains(g, "Lip-sync") || strings.Contains(g, "Enterprise") || !strings.Contains(g, "Avatar IV") || !strings.Contains(g, "Creator") {
		t.Errorf("a Creator month with Avatar IV rests on:\n%s", g)
	}
	if f, _ := c.Feature("lipsync"); f.RateMark() != " ≈" {
		t.Error("lip-sync's rate is not marked")
	}
	if f, _ := c.Feature("avatar-iii"); f.RateMark() != "" {
		t.Error("Avatar III's rate is marked")
	}
}

func TestEstimateMarksMustNameRealFields(t *testing.T) {
	feature := `
[[features]]
id = "x"
name = "X"
slot = "avatar"
premium = true
rate = 2
unit = "minute"
`
	for extra, want := range map[string]string{
		"estimated = [\"rat\"]\nwhy = \"w\"\n":            `"rat" is not a number of this row that can be an estimate (did you mean "rate"?)`,
		"estimated = [\"minimum\"]\nwhy = \"w\"\n":        `"minimum" is marked as an estimate but this row does not set it`,
		"estimated = [\"rate\", \"rate\"]\nwhy = \"w\"\n": `"rate" is marked twice`,
		"estimated = [\"rate\"]\n":                        `estimated needs a why`,
		"why = \"w\"\n":                                   `a why without estimated`,
		"estimated = [\"rate\"]\nwhy = \"\"\n":            `why: must not be empty`,
		"estimated = []\nwhy = \"w\"\n":                   `an empty list marks nothing`,
		"estimated = [\"id\"]\nwhy = \"w\"\n":             `"id" is not a number of this row`,
		"estimated = \"rate\"\nwhy = \"w\"\n":             `must be an array of strings`,
	} {
		src := card(starterPlan+premiumFeatures) + feature + extra
		_, err := ParseRateCard("c.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want %q", extra, err, want)
		}
	}
	c := mustCard(t, 1, starterPlan+premiumFeatures+feature+"estimated = [\"rate\"]\nwhy = \"a guess\"\n")
	f, _ := c.Feature("x")
	if !f.Marks.Has("rate") || f.Marks.Why != "a guess" {
		t.Errorf("marks %+v", f.Marks)
	}
	for extra, want := range map[string]string{
		"max_discount = \"20\"":   "with its currency",
		"max_discount = \"$5\"":   "must be a percentage",
		"max_discount = \"0%\"":   "a band of 0%",
		"max_discount = \"100%\"": "at or above 100%",
		"max_discount = 20":       "must be a string",
	} {
		src := strings.Replace(card(starterPlan+premiumFeatures), "[card]\n", "[card]\n"+extra+"\n", 1)
		_, err := ParseRateCard("c.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v; want %q", extra, err, want)
		}
	}
}

func TestForCustomerLeavesTheCardAlone(t *testing.T) {
	c := defaultCard(t)
	p := &Project{Plan: "pro", Seats: 1, Customer: &Customer{Name: "Dana", ValidUntil: Date{2026, 1, 1}}}
	cc := c.ForCustomer(p, Date{2026, 12, 3})
	if c.Sales != nil || cc.Sales == nil || cc.Sales.Customer == p.Customer {
		t.Fatal("ForCustomer changed the card or shares the customer")
	}
	if cc.Sales.Stamp() != "prepared 2026-12-03, valid until 2026-01-01" || len(cc.Sales.Warnings) != 1 {
		t.Errorf("stamp %q, warnings %q", cc.Sales.Stamp(), cc.Sales.Warnings)
	}
	if cc.ForCustomer(nil, Date{2026, 12, 3}).Sales.Customer != nil {
		t.Error("no project, yet a customer")
	}
}

// A save edits the month in place and copies the [customer] table as it is
// written, wherever it stands, comments and all.
func TestSaveKeepsTheCustomerTable(t *testing.T) {
	c := defaultCard(t)
	for name, src := range map[string]string{
		"before the videos": "plan = \"creator\"\npricing = \"acme.toml\" # Acme's\n\n[customer] # who\nname = \"Dana\"   # the buyer\nnotes = \"\"\"renewal in March\"\"\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\n",
		"after the videos":  "plan = \"creator\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\n\n[customer]\ncompany = \"Acme\" # the company\nvalid_until = 2027-01-15\n",
	} {
		saved, err := ParseProject("p.toml", []byte(src), c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		edited := saved.Clone()
		edited.Videos[0].Count = 3
		edited.Seats = 2
		out, kept := EditProject([]byte(src), saved, edited, c)
		if !kept {
			t.Errorf("%s: the file was written anew:\n%s", name, out)
			continue
		}
		back, err := ParseProject("p.toml", out, c)
		if err != nil || !SameProject(back, edited) {
			t.Errorf("%s: the save reads back as another month (%v):\n%s", name, err, out)
		}
		for _, line := range strings.Split(src, "\n") {
			if strings.Contains(line, "customer") || strings.Contains(line, "#") || strings.Contains(line, "renewal") {
				if !strings.Contains(string(out), line) {
					t.Errorf("%s: the save lost %q:\n%s", name, line, out)
				}
			}
		}
	}
	// A file whose month has no keys of its own before [customer] is written anew, customer kept.
	src := "[customer]\nname = \"Dana\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\n"
	saved, err := ParseProject("p.toml", []byte(src), c)
	if err != nil {
		t.Fatal(err)
	}
	edited := saved.Clone()
	edited.Seats = 3
	out, _ := EditProject([]byte(src), saved, edited, c)
	if back, err := ParseProject("p.toml", out, c); err != nil || !SameProject(back, edited) || back.Customer == nil || back.Customer.Name != "Dana" {
		t.Errorf("the save lost the customer (%v):\n%s", err, out)
	}
}
