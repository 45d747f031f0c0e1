package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// The example months and the cards they are written for; paths are relative to
// this package. Every format of quote and compare is pinned by a golden file.
var exampleMonths = []struct {
	name, card, project string
}{
	{"creator-month", "../../plans.toml", "../../examples/creator-month.toml"},
	{"agency-month", "../../plans.toml", "../../examples/agency-month.toml"},
	{"sales-demo", "../../plans.toml", "../../examples/sales-demo.toml"},
	{"seasonal-creator", "../../plans.toml", "../../examples/seasonal-creator.toml"},
	{"heygen-2026", "../../examples/heygen-2026-credits.toml", "../../examples/heygen-2026/month.toml"},
	{"fluxnote", "../../examples/fluxnote-flat.toml", "../../examples/fluxnote/month.toml"},
	{"creator-launch", "../../plans.toml", "../../examples/creator-launch.toml"},
	{"studio-avatar", "../../plans.toml", "../../examples/studio-avatar-month.toml"},
}

func loadCard(t testing.TB, path string) *pricing.RateCard {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Name the card by its base name so goldens do not depend on the checkout's layout.
	c, err := pricing.ParseRateCard(filepath.Base(path), src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return c
}

func loadMonth(t testing.TB, card, project string) (*pricing.RateCard, *pricing.Project) {
	t.Helper()
	c := loadCard(t, card)
	src, err := os.ReadFile(project)
	if err != nil {
		t.Fatal(err)
	}
	// Its script files from its folder, as the command line reads them.
	p, err := pricing.ParseProjectFrom(filepath.Base(project), src, c, pricing.ProjectSources{Scripts: os.DirFS(filepath.Dir(project))})
	if err != nil {
		t.Fatalf("%s: %v", project, err)
	}
	// As the command line writes it: for the project's customer, prepared
	// on the day the tests fix (the card's list prices: TestSalesGolden
	// lays the example's negotiated pricing over it).
	return c.ForCustomer(p, testToday), p
}

// testToday is the day the tests' outputs are prepared on.
var testToday = pricing.Date{Year: 2026, Month: 12, Day: 3}

func quoteOf(t testing.TB, c *pricing.RateCard, p *pricing.Project) *pricing.Quote {
	t.Helper()
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func curesOf(t testing.TB, c *pricing.RateCard, p *pricing.Project) *pricing.Cure {
	t.Helper()
	cu, err := c.Cures(p)
	if err != nil {
		t.Fatal(err)
	}
	return cu
}

func render(t testing.TB, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestQuoteGolden(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		// The cures as `creditplan quote` asks for them (no substitutions).
		q := quoteOf(t, c, p)
		cu, err := c.CuresQuote(q, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, f) }))
			})
		}
	}
}

func TestCompareGolden(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		cmp := c.Compare(p)
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, f) }))
			})
		}
	}
}

func TestParseFormatAcceptsEveryNameAndRejectsOthers(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "JSON": JSON, "markdown": Markdown, "md": Markdown, "csv": CSV, " csv ": CSV} {
		got, err := ParseFormat(in)
		if err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ParseFormat("yaml")
	if err == nil || !strings.Contains(err.Error(), "text, json, markdown, csv") {
		t.Errorf("ParseFormat(yaml) error = %v; want the valid names listed", err)
	}
}

// Every output names the card, its date and its origin, so a printed quote can
// be traced to the rates it used.
func TestEveryOutputNamesTheCardAndAsOf(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	q := quoteOf(t, c, p)
	cmp := c.Compare(p)
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		for what, out := range map[string][]byte{
			"quote":                  render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, f) }),
			"compare":                render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, f) }),
			"compare and right-size": render(t, func(b *bytes.Buffer) error { return WriteComparison(b, cmp, c.RightSize(p), f) }),
			"right-size":             render(t, func(b *bytes.Buffer) error { return WriteRightSize(b, c.RightSize(p), f) }),
			"fit":                    render(t, func(b *bytes.Buffer) error { return WriteFit(b, fitOf(t, c, p), f) }),
			"year":                   render(t, func(b *bytes.Buffer) error { return WriteYear(b, yearOf(t, c, p), f) }),
		} {
			s := string(out)
			if f == CSV {
				// A CSV is one table: every row ends with the card and its date
				// (the origin is a path on the machine that made it, left out).
				rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
				if err != nil {
					t.Fatalf("%s csv: %v", what, err)
				}
				for i, r := range rows {
					want := []string{"HeyGen Premium Credits", "2026-01-06"}
					if i == 0 {
						want = csvCardColumns
					}
					if len(r) < 2 || r[len(r)-2] != want[0] || r[len(r)-1] != want[1] {
						t.Errorf("%s csv row %d ends %v, want %v", what, i, r, want)
					}
				}
				continue
			}
			if !strings.Contains(s, "HeyGen Premium Credits") || !strings.Contains(s, "2026-01-06") || !strings.Contains(s, "plans.toml") {
				t.Errorf("%s %s does not name the card, as_of and origin:\n%s", what, f, s)
			}
		}
	}
}

// Credits are written from fixed point: 0.5 a generation stays 0.5, and two
// generations are exactly 1, never 0.49999 or 1.0000001.
func TestJSONCreditsAreExactNumbers(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	q := quoteOf(t, c, p)
	out := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, JSON) })
	var doc struct {
		PremiumCredits json.Number `json:"premium_credits"`
		Cost           string      `json:"cost"`
		Videos         []struct {
			Name  string `json:"name"`
			Lines []struct {
				Feature     string      `json:"feature"`
				RateCredits json.Number `json:"rate_credits"`
				Credits     json.Number `json:"credits"`
			} `json:"lines"`
		} `json:"videos"`
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.PremiumCredits.String() != q.Premium.String() {
		t.Errorf("premium_credits = %s; the quote says %s", doc.PremiumCredits, q.Premium)
	}
	// Money is a string with two decimals: Creator $29 plus one $15 add-on.
	if doc.Cost != "44.00" {
		t.Errorf("cost = %q; want \"44.00\" ($29 plan + $15 add-on)", doc.Cost)
	}
	found := false
	for _, v := range doc.Videos {
		for _, l := range v.Lines {
			if l.Feature == "ai-script" {
				found = true
				if l.RateCredits.String() != "0.5" || l.Credits.String() != "1" {
					t.Errorf("%s ai-script: rate %s credits %s; want rate 0.5 and 2 generations = 1", v.Name, l.RateCredits, l.Credits)
				}
			}
		}
	}
	if !found {
		t.Fatal("the creator month's shorts use the AI script writer; no ai-script line in the JSON")
	}
}

// A plan with no public price reads "contact sales" in every format, never $0.
func TestContactSalesIsNeverShownAsFree(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/sales-demo.toml")
	cmp := c.Compare(p)
	text := string(render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, Text) }))
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "Enterprise") && strings.Contains(line, "$") {
			t.Errorf("Enterprise row shows a price: %q", line)
		}
	}
	if !strings.Contains(text, "contact sales") {
		t.Errorf("no \"contact sales\" in the comparison:\n%s", text)
	}
	var doc struct {
		Plans []struct {
			ID           string  `json:"id"`
			ContactSales bool    `json:"contact_sales"`
			TotalCost    *string `json:"total_cost"`
		} `json:"plans"`
	}
	if err := json.Unmarshal(render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, JSON) }), &doc); err != nil {
		t.Fatal(err)
	}
	for _, pl := range doc.Plans {
		if pl.ID == "enterprise" && (!pl.ContactSales || pl.TotalCost != nil) {
			t.Errorf("enterprise in JSON: contact_sales %v, total_cost %v; want true and null", pl.ContactSales, pl.TotalCost)
		}
	}
	q := quoteOf(t, c, &pricing.Project{Plan: "enterprise", Seats: 1, Videos: p.Videos})
	qt := string(render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Text) }))
	if strings.Contains(qt, "$0.00") || !strings.Contains(qt, "Cost: contact sales") {
		t.Errorf("a quote on Enterprise must say contact sales, not a price:\n%s", qt)
	}
}

// A "|" in a video's name must not split a Markdown table cell.
func TestMarkdownEscapesPipesInNames(t *testing.T) {
	c := loadCard(t, "../../plans.toml")
	p := c.NewProject("creator")
	p.Videos[0].Name = "Promo | spring"
	p.Videos[0].Picks[pricing.SlotAvatar] = "avatar-iv"
	q := quoteOf(t, c, p)
	out := string(render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Markdown) }))
	if !strings.Contains(out, `Promo \| spring`) {
		t.Fatalf("name not escaped:\n%s", out)
	}
	// Each row of a table has as many unescaped pipes as its header.
	lines := strings.Split(out, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "|") && strings.HasPrefix(lines[i-1], "|") {
			if got, want := cells(lines[i]), cells(lines[i-1]); got != want {
				t.Errorf("row %q has %d cells, the row above %d", lines[i], got, want)
			}
		}
	}
}

func cells(row string) int {
	return strings.Count(row, "|") - strings.Count(row, `\|`) - 1
}

// The CSV quote is a header and one row per line of each video, nothing else;
// each total is the line's credits times the video's count.
func TestCSVQuoteIsOneRowPerLine(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	q := quoteOf(t, c, p)
	out := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, CSV) })
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, v := range q.Videos {
		want += len(v.Lines)
	}
	if len(rows) != want {
		t.Fatalf("%d rows; want a header and %d lines", len(rows), want-1)
	}
	if strings.Join(rows[0], ",") != "video,count,feature,slot,premium,quantity,rate,credits_each,credits_total,blocked,recommended,script,drafts,customer,prepared_on,valid_until,custom_pricing,estimates,rates_as_of,scheduled_changes,failed_renders,card,as_of" {
		t.Errorf("header = %v", rows[0])
	}
	var total pricing.Credits
	for _, r := range rows[1:] {
		each, err1 := pricing.ParseCredits(r[7])
		all, err2 := pricing.ParseCredits(r[8])
		var count int
		fmt.Sscan(r[1], &count)
		if err1 != nil || err2 != nil || all != each*pricing.Credits(count) {
			t.Errorf("row %v: credits_total is not credits_each × count", r)
		}
		total += all
	}
	if total != q.Premium {
		t.Errorf("the rows add up to %s; the quote spends %s", total, q.Premium)
	}
}

// A month big enough to be formatted on several cores prints exactly what one
// core prints.
func TestBigMonthTextIsTheSameOnOneCoreAndMany(t *testing.T) {
	c := loadCard(t, "../../plans.toml")
	p := c.NewProject("business")
	p.Videos = nil
	for i := range 3 * parallelFrom {
		v := c.NewVideo(fmt.Sprintf("Video %d", i+1))
		v.Count = 1 + i%4
		v.Seconds = 30 + i%200
		if i%2 == 0 {
			v.Picks[pricing.SlotAvatar] = "avatar-iv"
		}
		if i%3 == 0 {
			v.Languages = []string{"es", "fr"}
			v.Picks[pricing.SlotTranslation] = "lipsync"
		}
		p.Videos = append(p.Videos, v)
	}
	q := quoteOf(t, c, p)
	many := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Text) })
	prev := runtime.GOMAXPROCS(1)
	one := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Text) })
	runtime.GOMAXPROCS(max(prev, 4))
	four := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Text) })
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(one, many) || !bytes.Equal(one, four) {
		t.Fatal("the text differs with the number of cores")
	}
	if got := strings.Count(string(one), "\n3. Video 3:"); got != 1 {
		t.Errorf("video 3's heading appears %d times", got)
	}
}

// Text columns line up: every row of a video's table starts its Rate column at
// the same place, even with "×" (a multi-byte, one-cell character) in Quantity.
func TestTextTablesAlignWithMultiByteCells(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	q := quoteOf(t, c, p)
	out := string(render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, Text) }))
	var header string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "   Feature") {
			header = line
			continue
		}
		// The sentences under a video's table (Script:, Drafts:, Cheaper:) are not rows.
		if header != "" && strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "   Cheaper") &&
			!strings.HasPrefix(line, "   Drafts:") && !strings.HasPrefix(line, "   Script:") {
			col := width(header[:strings.Index(header, "Rate")])
			if r := []rune(line); len(r) > col && r[col-1] != ' ' {
				t.Errorf("rate column misaligned:\n%s\n%s", header, line)
			}
		} else {
			header = ""
		}
	}
}

// TestQuoteJSONStreamsExactlyWhatOneEncodeWrites: the quote's JSON is streamed a
// video at a time for big months; it must be byte for byte what encoding the
// whole document at once gives, empty lists, HTML-ish names and all.
func TestQuoteJSONStreamsExactlyWhatOneEncodeWrites(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	empty := &pricing.Project{Plan: p.Plan, Seats: 1}
	odd := p.Clone()
	odd.Videos[0].Name = `<b>"Launch" & co</b>`
	// Names no loader lets through, built in code: the writer escapes them
	// as encoding/json and then the printableWriter would.
	unsafe := p.Clone()
	unsafe.Videos[0].Name = "tab\there\x7f del \u0085 c1 \u202e bidi \xff bad \u2028 sep"
	unsafe.Videos[1].Name = "\x1b[31mred\x1b[0m"
	// A month short on a plan that tops up, and a blocked one: their cures
	// are in the document too.
	short := p.Clone()
	short.Plan = "creator"
	_, blocked := blockedMonth(t)
	// A month measured by its script, with drafts: their members too.
	_, launch := loadMonth(t, "../../plans.toml", "../../examples/creator-launch.toml")
	// One-time charges (credits and money) and a budget, over it.
	_, once := loadMonth(t, "../../plans.toml", "../../examples/studio-avatar-month.toml")
	once.OneTime[1].Month = 1
	once.Budget = 50
	// Scripts in a language: their language member too.
	_, languages := loadMonth(t, "../../plans.toml", "testdata/script_language.toml")
	for name, month := range map[string]*pricing.Project{"agency": p, "empty": empty, "odd names": odd, "unsafe names": unsafe,
		"short": short, "blocked": blocked, "script and drafts": launch, "one-time": once, "script languages": languages} {
		q, cu := quoteOf(t, c, month), curesOf(t, c, month)
		var whole bytes.Buffer
		bw := bufio.NewWriter(&whole)
		if err := writeJSON(bw, quoteJSON(q, cu)); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		streamed := render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, JSON) })
		if name == "unsafe names" {
			for _, esc := range []string{`\t`, `\u007f`, `\u0085`, `\u202e`, `\ufffd`, `\u2028`, `\u001b`} {
				if !bytes.Contains(streamed, []byte(esc)) {
					t.Errorf("unsafe names: no %s in the JSON", esc)
				}
			}
		}
		if !bytes.Equal(streamed, printablePass(t, whole.Bytes())) {
			t.Errorf("%s: streamed JSON differs from one Encode:\n%s\n---\n%s", name, streamed, whole.Bytes())
		}
	}
}

// TestQuoteJSONHasNoPlaceholderANameCanMatch: a card, plan and videos named
// like the list placeholders the stream once used ("\x00videos") leave the
// document whole: it parses, every list is where it belongs with every
// element, and the names come back exactly.
func TestQuoteJSONHasNoPlaceholderANameCanMatch(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	c.Name = "\x00videos"
	for i := range c.Plans {
		c.Plans[i].Name = "\x00alternatives"
	}
	for i := range p.Videos {
		p.Videos[i].Name = []string{"\x00videos", "\x00alternatives", `"\u0000videos"`}[i%3]
	}
	q := quoteOf(t, c, p)
	if len(q.Alternatives) == 0 {
		t.Fatal("the month has no alternatives to misplace")
	}
	out := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, JSON) })
	var doc struct {
		Card   struct{ Name string }
		Plan   struct{ Name string }
		Videos []struct {
			Name  string
			Lines []json.RawMessage
		}
		Alternatives []struct{ Video string }
		Blocked      []string
	}
	var whole map[string]json.RawMessage
	if err := json.Unmarshal(out, &whole); err != nil {
		t.Fatalf("quote JSON does not parse: %v\n%s", err, out)
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Card.Name != c.Name || doc.Plan.Name != q.Plan.Name {
		t.Errorf("card %q plan %q; want %q and %q", doc.Card.Name, doc.Plan.Name, c.Name, q.Plan.Name)
	}
	if len(doc.Videos) != len(q.Videos) || len(doc.Alternatives) != len(q.Alternatives) {
		t.Fatalf("%d videos and %d alternatives; the quote has %d and %d", len(doc.Videos), len(doc.Alternatives),
			len(q.Videos), len(q.Alternatives))
	}
	for i, v := range doc.Videos {
		if v.Name != q.Videos[i].Video.Name || len(v.Lines) != len(q.Videos[i].Lines) {
			t.Errorf("video %d: %q with %d lines; want %q with %d", i, v.Name, len(v.Lines), q.Videos[i].Video.Name, len(q.Videos[i].Lines))
		}
	}
	for i, a := range doc.Alternatives {
		if a.Video != q.Alternatives[i].VideoName {
			t.Errorf("alternative %d is for %q; want %q", i, a.Video, q.Alternatives[i].VideoName)
		}
	}
	for _, key := range []string{"card", "plan", "videos", "alternatives", "blocked", "top_up", "upgrade", "cures", "recommended"} {
		if _, ok := whole[key]; !ok {
			t.Errorf("no %q key", key)
		}
	}
}
