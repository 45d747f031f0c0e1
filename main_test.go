package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/ui"
)

// The end-to-end tests run the binary that TestMain (e2e_test.go) builds once
// into `binary`, as a user would: real files, real exit codes, no terminal.

// testColumns is the page width the tests that read whole lines run with.
const testColumns = "10000"

type result struct {
	code           int
	stdout, stderr string
}

// creditplan runs the binary with no terminal: stdin is empty, output is captured.
func creditplan(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	// A page wider than any line: these tests pin what is said; the width
	// tests pin the layout.
	cmd.Env = append(os.Environ(), "COLUMNS="+testColumns)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Stdin = nil // /dev/null
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func (r result) want(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The creator's month: 4 explainers at 50 (Avatar IV, 2m30s at 20/min) + 25
// (lip-sync, 2.5 min × 5 × 2 languages) = 300, and 6 shorts × 2 script drafts
// at 0.5 = 6: 306 credits against Creator's 200.
func TestQuotePrintsTheUpfrontMessageAndTheCard(t *testing.T) {
	r := creditplan(t, "quote", "examples/creator-month.toml")
	r.want(t, 0)
	for _, s := range []string{
		"This will use 306 premium credits (200 remaining): 106 short.",
		"HeyGen Premium Credits, as of 2026-01-06 (plans.toml (embedded))",
		"Top up 1 × Add-on 300 (300 premium credits, $15.00): $39.00 this month on annual billing (recommended)",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("quote output lacks %q:\n%s", s, r.stdout)
		}
	}
}

type quoteDoc struct {
	Card struct {
		Origin string `json:"origin"`
	} `json:"card"`
	Plan struct {
		ID string `json:"id"`
	} `json:"plan"`
	Balance        json.Number `json:"balance"`
	PremiumCredits json.Number `json:"premium_credits"`
	Remaining      json.Number `json:"remaining"`
	Fits           bool        `json:"fits"`
}

func decodeQuote(t *testing.T, r result) quoteDoc {
	t.Helper()
	var d quoteDoc
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.UseNumber()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	return d
}

// Users type flags after the file; they must work there as well as before it.
func TestFlagsMayFollowTheProject(t *testing.T) {
	for _, args := range [][]string{
		{"quote", "examples/creator-month.toml", "--format", "json", "--plan", "pro"},
		{"quote", "--format=json", "examples/creator-month.toml", "-plan", "pro"},
		{"quote", "--plan", "pro", "--format", "json", "--", "examples/creator-month.toml"},
	} {
		r := creditplan(t, args...)
		r.want(t, 0)
		d := decodeQuote(t, r)
		// Pro grants 2,000: 306 fit with 1,694 left.
		if d.Plan.ID != "pro" || !d.Fits || d.PremiumCredits.String() != "306" || d.Remaining.String() != "1694" {
			t.Errorf("%v: plan %s fits %v used %s remaining %s; want pro, true, 306, 1694", args, d.Plan.ID, d.Fits, d.PremiumCredits, d.Remaining)
		}
	}
}

func TestBalanceFlagReplacesThePlansCredits(t *testing.T) {
	r := creditplan(t, "quote", "--balance", "320.5", "--format", "json", "examples/creator-month.toml")
	r.want(t, 0)
	d := decodeQuote(t, r)
	if d.Balance.String() != "320.5" || !d.Fits || d.Remaining.String() != "14.5" {
		t.Errorf("balance %s fits %v remaining %s; want 320.5, true, 14.5 (320.5 - 306)", d.Balance, d.Fits, d.Remaining)
	}
}

func TestRatesFlagUsesAnotherCard(t *testing.T) {
	r := creditplan(t, "quote", "--rates", "examples/fluxnote-flat.toml", "--format", "json", "examples/fluxnote/month.toml")
	r.want(t, 0)
	d := decodeQuote(t, r)
	// 15 single exports + 5 exported twice = 25 of Flat's 30.
	if d.Card.Origin != "examples/fluxnote-flat.toml" || d.PremiumCredits.String() != "25" {
		t.Errorf("origin %q credits %s; want the FluxNote card and 25 exports", d.Card.Origin, d.PremiumCredits)
	}
}

func TestCompareEveryFormat(t *testing.T) {
	for format, want := range map[string]string{
		"text":     "* Creator",
		"json":     `"recommended": "creator"`,
		"markdown": "| **Creator** |",
		"csv":      "creator,Creator,false,284,200,0,84,",
	} {
		r := creditplan(t, "compare", "examples/sales-demo.toml", "--format", format)
		r.want(t, 0)
		if !strings.Contains(r.stdout, want) {
			t.Errorf("compare --format %s lacks %q:\n%s", format, want, r.stdout)
		}
	}
}

// A bad project reports every problem at once, each at its file:line:column, and exits 1.
func TestBadProjectReportsEveryProblemWithItsPosition(t *testing.T) {
	path := writeFile(t, "bad.toml", `plan = "creator"
colour = "blue"

[[videos]]
name = "Intro"
length = "2m75s"
avatar = "avatar-v"
`)
	r := creditplan(t, "quote", path)
	r.want(t, 1)
	for _, s := range []string{
		path + ":2:1: colour: unknown key",
		path + ":6:1: videos[0].length:",
		path + ":7:1: videos[0].avatar: unknown avatar feature \"avatar-v\"",
	} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
	if r.stdout != "" {
		t.Errorf("a failed quote printed a quote:\n%s", r.stdout)
	}
}

func TestBadRateCardExitsOne(t *testing.T) {
	card := writeFile(t, "card.toml", "[card]\nname = \"x\"\n")
	r := creditplan(t, "quote", "--rates", card, "examples/creator-month.toml")
	r.want(t, 1)
	if !strings.Contains(r.stderr, card+":1:") {
		t.Errorf("stderr does not place the card's problems:\n%s", r.stderr)
	}
}

func TestMissingProjectFileIsInvalidInput(t *testing.T) {
	r := creditplan(t, "quote", "no-such-month.toml")
	r.want(t, 1)
	if !strings.Contains(r.stderr, "no-such-month.toml") {
		t.Errorf("stderr does not name the file:\n%s", r.stderr)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"qoute", "examples/creator-month.toml"}, `unknown command "qoute"`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"quote"}, "missing the PROJECT.toml"},
		{[]string{"quote", "a.toml", "b.toml"}, "one PROJECT.toml at a time"},
		{[]string{"quote", "--colour", "examples/creator-month.toml"}, "flag provided but not defined: -colour"},
		{[]string{"quote", "--format", "yaml", "examples/creator-month.toml"}, "text, json, markdown, csv"},
		{[]string{"quote", "--plan", "platinum", "examples/creator-month.toml"}, "free, creator, pro, business, enterprise"},
		{[]string{"quote", "--balance", "-5", "examples/creator-month.toml"}, "--balance"},
		{[]string{"quote", "--balance", "lots", "examples/creator-month.toml"}, "--balance"},
		{[]string{"compare", "--format", "xml", "examples/creator-month.toml"}, "unknown format"},
		{[]string{"check"}, "at least one"},
		{[]string{"help", "frobnicate"}, "no help"},
	} {
		r := creditplan(t, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

func TestHelpAndVersionExitZero(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "creditplan quote"},
		{[]string{"-h"}, "Exit codes"},
		{[]string{"help"}, "creditplan compare"},
		{[]string{"help", "quote"}, "-balance N"},
		{[]string{"quote", "-h"}, "-format format"},
		{[]string{"compare", "--help"}, "every plan"},
		{[]string{"check", "-h"}, "[card] table"},
		{[]string{"--version"}, "creditplan " + version},
	} {
		r := creditplan(t, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%v: exit %d, stdout %q; want 0 and %q", c.args, r.code, r.stdout, c.want)
		}
	}
}

// CI runs exactly this: the default card and every example, projects checked
// against the default card.
func TestCheckPassesTheCardAndEveryExample(t *testing.T) {
	examples, _ := filepath.Glob("examples/*.toml")
	r := creditplan(t, append([]string{"check", "plans.toml"}, examples...)...)
	r.want(t, 0)
	if !strings.Contains(r.stdout, `ok  plans.toml (rate card "HeyGen Premium Credits", 5 plans, 19 features)`) ||
		!strings.Contains(r.stdout, "ok  examples/creator-month.toml (project, 2 videos)") ||
		!strings.Contains(r.stdout, `ok  examples/fluxnote-flat.toml (rate card "FluxNote flat rate", 3 plans, 4 features, on 2026-05-14; rows dated 2026-02-27)`) ||
		!strings.Contains(r.stdout, `ok  examples/colossyan-2026.toml (rate card "Colossyan (2026)", 4 plans, 3 features)`) ||
		!strings.Contains(r.stdout, `ok  examples/d-id-studio-2026.toml (rate card "D-ID Studio (2026)", 4 plans, 4 features)`) {
		t.Errorf("check output:\n%s", r.stdout)
	}
	if got := strings.Count(r.stdout, "ok  "); got != len(examples)+1 {
		t.Errorf("%d ok lines for %d files", got, len(examples)+1)
	}
	for card, project := range map[string]string{
		"examples/fluxnote-flat.toml":       "examples/fluxnote/month.toml",
		"examples/heygen-2026-credits.toml": "examples/heygen-2026/month.toml",
	} {
		creditplan(t, "check", "--rates", card, project).want(t, 0)
	}
}

// A project for another card fails against the default one, and check says
// why, while still passing the good files it was given.
func TestCheckReportsBadFilesAndExitsOne(t *testing.T) {
	bad := writeFile(t, "bad-card.toml", "[card]\nname = \"Broken\"\ncurrency = \"dollars\"\n")
	r := creditplan(t, "check", "plans.toml", "examples/fluxnote/month.toml", bad)
	r.want(t, 1)
	if !strings.Contains(r.stdout, "ok  plans.toml") {
		t.Errorf("the good card was not reported ok:\n%s", r.stdout)
	}
	for _, s := range []string{
		`examples/fluxnote/month.toml:12:1: videos[0].avatar: unknown avatar feature "ai-video"`,
		bad + ":3:1: card.currency: must be a three-letter currency code",
		"2 of 3 files have problems",
	} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
}

// Without a terminal the planner explains itself and exits 2 instead of hanging.
func TestPlannerWithoutATerminalExitsTwo(t *testing.T) {
	done := make(chan result, 1)
	go func() { done <- creditplan(t, "examples/creator-month.toml") }()
	select {
	case r := <-done:
		r.want(t, 2)
		if !strings.Contains(r.stderr, "needs a terminal") || !strings.Contains(r.stderr, "creditplan quote PROJECT.toml") {
			t.Errorf("stderr does not explain:\n%s", r.stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("creditplan without a terminal hung")
	}
}

// The planner gets the card, the project, its path and its modification time;
// --plan overrides the project's plan.
func TestPlannerReceivesTheProjectAndItsModTime(t *testing.T) {
	var got ui.Options
	var out, errb bytes.Buffer
	a := &app{stdout: &out, stderr: &errb, interactive: func() bool { return true },
		runPlanner: func(o ui.Options) error { got = o; return nil }}
	if code := a.run([]string{"examples/sales-demo.toml", "--plan", "business"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	st, _ := os.Stat("examples/sales-demo.toml")
	if got.Card == nil || got.Card.Origin != defaultCardOrigin || got.Project == nil || len(got.Project.Videos) != 3 ||
		got.Path != "examples/sales-demo.toml" || !got.ModTime.Equal(st.ModTime()) || got.Project.Plan != "business" {
		t.Errorf("planner options: card %v, project %v, path %q, modtime %v (file %v)", got.Card != nil, got.Project, got.Path, got.ModTime, st.ModTime())
	}

	got = ui.Options{}
	if code := a.run([]string{"--plan", "pro"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got.Project == nil || got.Project.Plan != "pro" || got.Path != "" {
		t.Errorf("an empty month on --plan pro: project %+v path %q", got.Project, got.Path)
	}

	got = ui.Options{}
	if code := a.run(nil); code != 0 || got.Project != nil || got.Card == nil {
		t.Errorf("no arguments: exit %d, project %v; want 0 and an empty month (nil) for the planner", code, got.Project)
	}
}

func TestPlannerErrorsMapToExitCodes(t *testing.T) {
	for _, c := range []struct {
		err  error
		code int
	}{
		{fmt.Errorf("run: %w", tea.ErrInterrupted), 130},
		{errors.New("terminal went away"), 1},
	} {
		var errb bytes.Buffer
		a := &app{stdout: &bytes.Buffer{}, stderr: &errb, interactive: func() bool { return true },
			runPlanner: func(ui.Options) error { return c.err }}
		if code := a.run(nil); code != c.code {
			t.Errorf("planner error %v: exit %d, want %d", c.err, code, c.code)
		}
		if c.code == 1 && !strings.Contains(errb.String(), "terminal went away") {
			t.Errorf("the planner's error was not printed: %q", errb.String())
		}
	}
}

func TestPlannerReportsABadProjectBeforeStarting(t *testing.T) {
	path := writeFile(t, "bad.toml", "plan = \"nope\"\n")
	started := false
	var errb bytes.Buffer
	a := &app{stdout: &bytes.Buffer{}, stderr: &errb, interactive: func() bool { return true },
		runPlanner: func(ui.Options) error { started = true; return nil }}
	if code := a.run([]string{path}); code != 1 || started {
		t.Errorf("exit %d, started %v; want 1 and the planner not started", code, started)
	}
	if !strings.Contains(errb.String(), path+":1:1: plan: unknown plan \"nope\"") {
		t.Errorf("stderr: %s", errb.String())
	}
}

// fitDoc is what the fit tests read of `creditplan fit --format json`.
type fitDoc struct {
	Card struct {
		Name   string `json:"name"`
		AsOf   string `json:"as_of"`
		Origin string `json:"origin"`
	} `json:"card"`
	Plan struct {
		ID string `json:"id"`
	} `json:"plan"`
	Balance   json.Number `json:"balance"`
	Before    json.Number `json:"premium_credits_before"`
	After     json.Number `json:"premium_credits"`
	Fits      bool        `json:"fits"`
	Remaining json.Number `json:"remaining"`
	Message   string      `json:"message"`
	Changes   []struct {
		Video string      `json:"video"`
		From  string      `json:"from"`
		To    string      `json:"to"`
		Saves json.Number `json:"saves"`
	} `json:"changes"`
}

func decodeJSON(t *testing.T, r result, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
}

// The creator's month spends 306 of Creator's 200. The cheaper options save
// 200 (Avatar IV -> III, 30 weighted premium minutes lost), 100 (lip-sync ->
// dubbing, 20 lost) and 6 (own scripts, 4.5 lost). Saving at least 106 while
// losing the least: dubbing and own scripts, exactly 106 for 24.5 lost, which
// beats the avatar's 30. The month then uses exactly the 200.
func TestFitKeepsTheMostPremiumMinutes(t *testing.T) {
	r := creditplan(t, "fit", "examples/creator-month.toml")
	r.want(t, 0)
	for _, s := range []string{
		"Rate card: HeyGen Premium Credits, as of 2026-01-06 (plans.toml (embedded))",
		"Lip-sync translation → Audio dubbing",
		"AI script writer → Your own script",
		"This will use 200 premium credits (200 remaining).",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("fit output lacks %q:\n%s", s, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "Avatar IV → Avatar III") {
		t.Errorf("fit gave up Avatar IV, which loses more premium minutes than needed:\n%s", r.stdout)
	}
}

// With 150 the month must save 156: dubbing and own scripts save only 106, so
// Avatar IV must go (200), and then 106 fits with 44 left: nothing else changes.
func TestFitBalanceFlagAfterTheFile(t *testing.T) {
	r := creditplan(t, "fit", "examples/creator-month.toml", "--balance", "150", "--format", "json")
	r.want(t, 0)
	var d fitDoc
	decodeJSON(t, r, &d)
	if d.Balance.String() != "150" || d.Before.String() != "306" || d.After.String() != "106" || !d.Fits ||
		d.Remaining.String() != "44" || len(d.Changes) != 1 || d.Changes[0].From != "avatar-iv" ||
		d.Changes[0].To != "avatar-iii" || d.Changes[0].Saves.String() != "200" {
		t.Errorf("fit --balance 150: %+v", d)
	}
	if d.Card.Origin != "plans.toml (embedded)" || d.Card.AsOf != "2026-01-06" {
		t.Errorf("card %+v", d.Card)
	}
}

// Pro grants 2,000: the month already fits and nothing changes.
func TestFitPlanFlagThatAlreadyFits(t *testing.T) {
	r := creditplan(t, "fit", "--plan", "pro", "--format", "json", "examples/creator-month.toml")
	r.want(t, 0)
	var d fitDoc
	decodeJSON(t, r, &d)
	if d.Plan.ID != "pro" || !d.Fits || len(d.Changes) != 0 || d.After.String() != "306" || d.Remaining.String() != "1694" {
		t.Errorf("fit on Pro: %+v", d)
	}
}

func TestFitAndYearEveryFormatNamesTheCard(t *testing.T) {
	for _, cmd := range []string{"fit", "year"} {
		for format, want := range map[string]string{
			"text":     "HeyGen Premium Credits, as of 2026-01-06 (plans.toml (embedded))",
			"json":     `"as_of": "2026-01-06"`,
			"markdown": "Rate card: **HeyGen Premium Credits**, as of 2026-01-06 (plans.toml (embedded))",
		} {
			r := creditplan(t, cmd, "--format", format, "examples/seasonal-creator.toml")
			r.want(t, 0)
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s --format %s lacks %q:\n%s", cmd, format, want, r.stdout)
			}
		}
	}
	for cmd, header := range map[string]string{
		"fit":  "video,video_index,kind,slot,from,to,rerenders_from,rerenders_to,saves,value_lost,premium_minutes_lost,reason,blocked,customer,prepared_on,valid_until,custom_pricing,estimates,rates_as_of,scheduled_changes,failed_renders,card,as_of\n",
		"year": "month,volume,need,opening,granted,bought,top_up,used,expired,closing,short,cost,blocked,estimated,customer,prepared_on,valid_until,custom_pricing,estimates,rates_as_of,scheduled_changes,failed_renders,card,as_of\n",
	} {
		r := creditplan(t, cmd, "examples/seasonal-creator.toml", "--format=csv")
		r.want(t, 0)
		if !strings.HasPrefix(r.stdout, header) {
			t.Errorf("%s csv:\n%s", cmd, r.stdout)
		}
	}
}

type yearDoc struct {
	Billing string `json:"billing"`
	Months  []struct {
		Need    json.Number `json:"need"`
		Bought  json.Number `json:"bought"`
		Expired json.Number `json:"expired"`
	} `json:"months"`
	Totals struct {
		Wasted json.Number `json:"wasted"`
		Cost   string      `json:"cost"`
	} `json:"totals"`
	Monthly string `json:"monthly_billing_cost"`
	Annual  string `json:"annual_billing_cost"`
	Cheaper string `json:"cheaper_billing"`
}

// The seasonal example's busy month needs 340 (8 × 30 + 2 × 50), a quiet one
// 0.2 × 340 = 68, on Creator: 200 a month that expire, $29 monthly or $24 a
// month billed annually, Add-on 300 for $15 lasting 90 days (three months).
// Months 1, 5, 9 buy an add-on (140 short); its 160 left covers the quiet month
// after and 140 of the busy month after that, whose last 20 then expire. Each
// quiet month wastes 200 - 68 = 132. Wasted: 6 × 132 + 3 × 20 = 852. Monthly
// billing: 12 × $29 + 3 × $15 = $393; annual: 12 × $24 + $45 = $333.
func TestYearSeasonalWallet(t *testing.T) {
	r := creditplan(t, "year", "--format", "json", "examples/seasonal-creator.toml")
	r.want(t, 0)
	var d yearDoc
	decodeJSON(t, r, &d)
	if len(d.Months) != 12 {
		t.Fatalf("%d months", len(d.Months))
	}
	for i, m := range d.Months {
		need, bought := "340", "0"
		if i%2 == 1 {
			need = "68"
		}
		if i%4 == 0 {
			bought = "300"
		}
		if m.Need.String() != need || m.Bought.String() != bought {
			t.Errorf("month %d: need %s bought %s; want %s and %s", i+1, m.Need, m.Bought, need, bought)
		}
	}
	if d.Billing != "monthly" || d.Totals.Wasted.String() != "852" || d.Totals.Cost != "393.00" ||
		d.Monthly != "393.00" || d.Annual != "333.00" || d.Cheaper != "annual" {
		t.Errorf("year: %+v", d)
	}

	r = creditplan(t, "year", "examples/seasonal-creator.toml", "--billing", "annual", "--format", "json")
	r.want(t, 0)
	d = yearDoc{}
	decodeJSON(t, r, &d)
	if d.Billing != "annual" || d.Totals.Cost != "333.00" || d.Monthly != "393.00" {
		t.Errorf("year --billing annual: billing %s cost %s (monthly %s); want annual, 333.00, 393.00", d.Billing, d.Totals.Cost, d.Monthly)
	}

	r = creditplan(t, "year", "examples/seasonal-creator.toml")
	r.want(t, 0)
	// The month rests on estimated feature rates: its derived figures are marked.
	for _, s := range []string{"Credits wasted (expired unused): 852 premium credits ≈",
		"Annual billing is cheaper for this pattern, by $60.00 ≈ a year."} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("year text lacks %q:\n%s", s, r.stdout)
		}
	}
}

// Without volume every month is the month as planned; --plan changes the plan.
func TestYearPlanFlag(t *testing.T) {
	r := creditplan(t, "year", "--plan", "pro", "examples/creator-month.toml")
	r.want(t, 0)
	if !strings.Contains(r.stdout, "Year on Pro (pro), monthly billing: the month as planned needs 306 premium credits ≈") ||
		!strings.Contains(r.stdout, "Months short: 0") {
		t.Errorf("year --plan pro:\n%s", r.stdout)
	}
}

// compare ends with right-sizing: on the creator's month Creator billed
// annually ($24) plus one $15 add-on is the cheapest way, $39 a month.
func TestCompareRightSizes(t *testing.T) {
	r := creditplan(t, "compare", "examples/creator-month.toml")
	r.want(t, 0)
	for _, s := range []string{
		"Cheapest way to make this month: Creator, billed annually, + 1 × Add-on 300 (300 premium credits, $15.00): $39.00 a month",
		"Break-even between neighbouring plans (monthly billing):",
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("compare lacks %q:\n%s", s, r.stdout)
		}
	}
	r = creditplan(t, "compare", "--format", "json", "examples/creator-month.toml")
	r.want(t, 0)
	var d struct {
		Recommended string `json:"recommended"`
		RightSize   struct {
			Best struct {
				Plan    string `json:"plan"`
				Billing string `json:"billing"`
				Total   string `json:"total"`
			} `json:"best"`
		} `json:"right_size"`
	}
	decodeJSON(t, r, &d)
	if d.Recommended != "creator" || d.RightSize.Best.Plan != "creator" || d.RightSize.Best.Billing != "annual" || d.RightSize.Best.Total != "39.00" {
		t.Errorf("compare json: %+v", d)
	}
}

func TestFitAndYearUsageErrorsExitTwo(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"fit"}, "missing the PROJECT.toml"},
		{[]string{"year"}, "missing the PROJECT.toml"},
		{[]string{"fit", "a.toml", "b.toml"}, "one PROJECT.toml at a time"},
		{[]string{"fit", "--billing", "annual", "examples/creator-month.toml"}, "flag provided but not defined: -billing"},
		{[]string{"year", "--balance", "200", "examples/creator-month.toml"}, "flag provided but not defined: -balance"},
		{[]string{"year", "--billing", "weekly", "examples/creator-month.toml"}, `--billing "weekly": choose monthly or annual`},
		{[]string{"year", "--format", "yaml", "examples/creator-month.toml"}, "text, json, markdown, csv"},
		{[]string{"fit", "--format", "xml", "examples/creator-month.toml"}, "unknown format"},
		{[]string{"fit", "--plan", "platinum", "examples/creator-month.toml"}, "free, creator, pro, business, enterprise"},
		{[]string{"year", "--plan", "platinum", "examples/creator-month.toml"}, "free, creator, pro, business, enterprise"},
		{[]string{"fit", "--balance", "lots", "examples/creator-month.toml"}, "--balance"},
		{[]string{"fit", "--balance", "-5", "examples/creator-month.toml"}, "must not be negative"},
		// The default card counts credits to one decimal (0.5 a script draft).
		{[]string{"fit", "--balance", "0.25", "examples/creator-month.toml"}, "0.25 has 2 decimals; this card allows 1 decimal"},
		{[]string{"quote", "--balance", "0.25", "examples/creator-month.toml"}, "0.25 has 2 decimals; this card allows 1 decimal"},
		// FluxNote counts whole exports.
		{[]string{"quote", "--rates", "examples/fluxnote-flat.toml", "--balance", "12.5", "examples/fluxnote/month.toml"},
			"12.5 has 1 decimal; this card allows no decimals"},
	} {
		r := creditplan(t, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing printed, and %q", c.args, r.code, r.stdout, r.stderr, c.want)
		}
	}
	// A balance within the card's decimals is fine, trailing zeros included.
	creditplan(t, "fit", "--balance", "199.50", "examples/creator-month.toml").want(t, 0)
	creditplan(t, "quote", "--rates", "examples/fluxnote-flat.toml", "--balance", "12.0", "examples/fluxnote/month.toml").want(t, 0)
}

// A bad project fails fit and year as it fails quote: exit 1, every problem at
// its file:line:col, nothing on stdout.
func TestFitAndYearReportBadProjects(t *testing.T) {
	path := writeFile(t, "bad.toml", "plan = \"creator\"\nvolume = [1, 0.5]\n\n[[videos]]\nname = \"Intro\"\nlenght = \"2m\"\n")
	for _, cmd := range []string{"fit", "year"} {
		r := creditplan(t, cmd, path)
		r.want(t, 1)
		for _, s := range []string{
			path + ":2:1: volume: must have 12 entries, one per month, not 2",
			path + `:6:1: videos[0].lenght: unknown key (did you mean "length"?)`,
		} {
			if !strings.Contains(r.stderr, s) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, s, r.stderr)
			}
		}
		// The misspelling says what is missing; "missing required key" would repeat it.
		if strings.Contains(r.stderr, "missing required key") {
			t.Errorf("%s: a follow-on problem:\n%s", cmd, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%s printed output for a bad project:\n%s", cmd, r.stdout)
		}
	}
	creditplan(t, "year", "no-such-month.toml").want(t, 1)
	creditplan(t, "fit", "--rates", "no-such-card.toml", "examples/creator-month.toml").want(t, 1)
}

func TestFitAndYearHelp(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "creditplan fit"},
		{[]string{"--help"}, "creditplan year"},
		{[]string{"help", "fit"}, "-balance N"},
		{[]string{"fit", "-h"}, "most premium value"},
		{[]string{"help", "year"}, "-billing billing"},
		{[]string{"year", "--help"}, "which billing is cheaper"},
		{[]string{"compare", "-h"}, "break-even"},
	} {
		r := creditplan(t, c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%v: exit %d, stdout %q; want 0 and %q", c.args, r.code, r.stdout, c.want)
		}
	}
}

// --rates given more than once reaches the planner: it opens on the first
// card and gets every card for the vendor switch; --fx needs two cards.
func TestPlannerGetsEveryCard(t *testing.T) {
	o, code, stderr := plannerOptions(t, nil, "--rates", "plans.toml", "--rates", "examples/heygen-2026-credits.toml", "examples/creator-month.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if len(o.Cards) != 2 || o.Cards[0] != o.Card || o.Cards[1].Name != "HeyGen credit plans (2026)" {
		t.Fatalf("cards %d, first is the planner's %v", len(o.Cards), len(o.Cards) > 0 && o.Cards[0] == o.Card)
	}
	if _, code, stderr := plannerOptions(t, nil, "--fx", "x.toml", "examples/creator-month.toml"); code != 2 || !strings.Contains(stderr, "--fx converts between vendors' cards") {
		t.Errorf("--fx with one card: exit %d: %s", code, stderr)
	}
	if _, code, _ := plannerOptions(t, nil, "--rates", "plans.toml", "--rates", "nope.toml", "examples/creator-month.toml"); code == 0 {
		t.Error("a missing second card opens the planner")
	}
}
