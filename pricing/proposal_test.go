package pricing

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// The proposal's rules: its model rests on RightSize, Compare and Year; its
// inputs block reads back from any carrier; the card diff names changes in
// words; tampering is told by the hashes and the line diff.

func loadDefault(t testing.TB) (*RateCard, []byte) {
	t.Helper()
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return c, src
}

func salesDemo(t testing.TB, c *RateCard) (*Project, []byte) {
	t.Helper()
	src, err := os.ReadFile("../examples/sales-demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProject("sales-demo.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	return p, src
}

func TestProposalProposesRightSizesBest(t *testing.T) {
	c, _ := loadDefault(t)
	p, _ := salesDemo(t, c)
	pr, err := c.Proposal(p, ProposalOptions{PreparedOn: "2026-12-03"})
	if err != nil {
		t.Fatal(err)
	}
	best := c.RightSize(p).Best
	if pr.Proposed != best.Plan || pr.ProposedBilling != best.Billing {
		t.Errorf("proposed %s %s, RightSize's best is %s %s", pr.Proposed.ID, pr.ProposedBilling.Key(), best.Plan.ID, best.Billing.Key())
	}
	if !strings.Contains(pr.Why[0], "cheapest way to make this month") {
		t.Errorf("why starts %q", pr.Why[0])
	}
	y := c.Year(p, best.Plan, best.Billing)
	if pr.Year.Monthly.Cost != y.Monthly.Cost || pr.Year.Annual.Cost != y.Annual.Cost {
		t.Errorf("the proposal's year is not Year's")
	}
	for _, pp := range pr.Plans {
		if pp.Proposed != (pp.Plan == pr.Proposed) {
			t.Errorf("%s marked proposed %v", pp.Plan.ID, pp.Proposed)
		}
	}
	if got, want := pr.ClosingLine(), "An estimate, not a contract: prices from HeyGen Premium Credits as of 2026-01-06."; got != want {
		t.Errorf("closing line %q, want %q", got, want)
	}

	annual := Annual
	pr, err = c.Proposal(p, ProposalOptions{Plan: "pro", Billing: &annual})
	if err != nil || pr.Proposed.ID != "pro" || pr.ProposedBilling != Annual || !strings.Contains(pr.Why[0], "proposed as asked") {
		t.Errorf("--plan pro: %v %+v", err, pr)
	}
	if _, err := c.Proposal(p, ProposalOptions{Plan: "prp"}); err == nil || !strings.Contains(err.Error(), `did you mean "pro"`) {
		t.Errorf("an unknown plan: %v", err)
	}
}

func TestPlanGivesRoundsDown(t *testing.T) {
	c, _ := loadDefault(t)
	pro, _ := c.Plan("pro")
	for _, g := range c.PlanGives(pro) {
		// 2,000 credits at 30 a minute of Video Agent are 66.7 minutes: about 66.
		if g.Feature.ID == "video-agent" && (g.Amount != 66 || g.Text() != "about 66 minutes of Video Agent") {
			t.Errorf("Video Agent on Pro: %d, %q", g.Amount, g.Text())
		}
		if !g.Feature.Unit.IsTime() {
			t.Errorf("%s is not charged by length", g.Feature.ID)
		}
	}
}

func sampleInputs() *ProposalInputs {
	card := []byte("[card]\nname = \"x\"\n")
	return &ProposalInputs{
		Version: "1.2.3", Format: "md", PreparedOn: "2026-12-03", Plan: "pro", Billing: "annual",
		CardName: "Card <&> \"name\"", CardAsOf: "2026-01-06", CardSHA256: SHA256Hex(card),
		BodySHA256: SHA256Hex(nil), Card: card, OverlayName: "acme pricing.toml", OverlaySHA256: SHA256Hex([]byte("o")), Overlay: []byte("o"), Project: bytes.Repeat([]byte("plan = \"pro\"\n"), 40),
	}
}

// carriers wrap a block as each format does.
var carriers = map[string]func(block string) string{
	"html": func(b string) string { return "<p>x</p>\n<pre hidden>\n" + b + "</pre>\n<p>end</p>\n" },
	"md":   func(b string) string { return "# x\n\n<!-- c\n" + b + "-->\n\nend\n" },
	"csv": func(b string) string {
		var s strings.Builder
		s.WriteString("section,item,field,value\n")
		for _, l := range strings.Split(strings.TrimSuffix(b, "\n"), "\n") {
			s.WriteString("inputs,,," + l + "\n")
		}
		return s.String() + "closing,,,end\n"
	},
	"json": func(b string) string {
		var s strings.Builder
		s.WriteString("{\n  \"inputs\": [\n")
		ls := strings.Split(strings.TrimSuffix(b, "\n"), "\n")
		for i, l := range ls {
			s.WriteString("    \"" + l + "\"")
			if i < len(ls)-1 {
				s.WriteString(",")
			}
			s.WriteString("\n")
		}
		return s.String() + "  ],\n  \"closing\": \"end\"\n}\n"
	},
}

func TestProposalInputsReadBackFromEveryCarrier(t *testing.T) {
	in := sampleInputs()
	for name, wrap := range carriers {
		doc := wrap(in.Block())
		got, err := ParseProposalInputs([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Block() != in.Block() {
			t.Errorf("%s: read back as\n%s\nwant\n%s", name, got.Block(), in.Block())
		}
		body, ok := ProposalBody([]byte(doc))
		if !ok || bytes.Contains(body, []byte("CREDITPLAN")) || !bytes.Contains(body, []byte("end")) {
			t.Errorf("%s: body %q", name, body)
		}
	}
}

func TestProposalInputsRefuseDamage(t *testing.T) {
	block := sampleInputs().Block()
	for _, c := range []struct{ name, doc, want string }{
		{"no block", "hello", "not a creditplan proposal"},
		{"no end", block[:len(block)/2], "truncated"},
		{"later layout", strings.Replace(block, "INPUTS 1", "INPUTS 9", 1), "layout"},
		{"bad base64", strings.Replace(block, "\ncard ", "\ncard *", 1), "not valid base64"},
		{"bad hash", strings.Replace(block, "card-sha256 ", "card-sha256 zz", 1), "not a SHA-256"},
		{"unknown key", strings.Replace(block, "version ", "versoin ", 1), `unknown key "versoin"`},
		{"twice", strings.Replace(block, "format md\n", "format md\nformat md\n", 1), "format given twice"},
		{"two blocks", block + block, "more than one"},
		{"no project", strings.ReplaceAll(block, "\nproject ", "\nx-"), "unknown key"},
		{"huge", block + strings.Repeat(" ", MaxProposalBytes), "more than a proposal can be"},
	} {
		_, err := ParseProposalInputs([]byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestMaxProposalBytesHoldsTheLargestInputs(t *testing.T) {
	inputs := MaxCardBytes + MaxOverlayBytes + MaxProjectBytes
	if b64 := (inputs + 2) / 3 * 4; MaxProposalBytes < b64+b64/4 {
		t.Errorf("a proposal of the largest inputs (%d bytes of base64) may not fit MaxProposalBytes (%d)", b64, MaxProposalBytes)
	}
}

func TestProposalProjectDropsNotesAndComments(t *testing.T) {
	c, _ := loadDefault(t)
	_, src := salesDemo(t, c)
	src = append(src, []byte("\n# internal remark\n")...)
	out, err := ProposalProject(src)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("internal remark")) {
		t.Error("a comment survived")
	}
	a, _ := ParseProject("a", src, c)
	if a.Customer == nil || a.Customer.Notes == "" {
		t.Fatal("the sales example has no [customer] notes to drop")
	}
	a.Customer.Notes = "" // what the proposal leaves out
	b, err := ParseProject("b", out, c)
	if err != nil || !SameProject(a, b) {
		t.Errorf("the embedded project is another month: %v\n%s", err, out)
	}
	withNotes := []byte("[customer]\nname = \"A\"\nnotes = \"push for Pro\"\n")
	out, err = ProposalProject(withNotes)
	if err != nil || bytes.Contains(out, []byte("push for Pro")) || !bytes.Contains(out, []byte(`name = "A"`)) {
		t.Errorf("notes: %v\n%s", err, out)
	}
}

func TestDiffCardsNamesChanges(t *testing.T) {
	used, src := loadDefault(t)
	edited := strings.Replace(string(src), "monthly_price = 99 ", "monthly_price = 89 ", 1)
	edited = strings.Replace(edited, "rate = 20 ", "rate = 25 ", 1)
	now, err := ParseRateCard("now.toml", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(DiffCards(used, now), "\n")
	for _, want := range []string{
		"Pro's monthly price was $99.00 in the card used, $89.00 now",
		"Avatar IV's rate was 20 premium credits a min in the card used, 25 premium credits a min now",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if d := DiffCards(used, used); len(d) != 0 {
		t.Errorf("a card differs from itself: %v", d)
	}
	// The figures a length from a script and a one-time charge rest on.
	paced := strings.Replace(edited, "price = 1500 ", "price = 1200 ", 1) +
		"\n[card.words_per_minute_by_language]\nes = 140\n"
	later, err := ParseRateCard("later.toml", []byte(strings.Replace(paced, "schema = 1\n", "schema = 1\nwords_per_minute = 160\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	got = strings.Join(DiffCards(now, later), "\n")
	for _, want := range []string{
		"The card's script pace was 150 wpm in the card used, 160 wpm now",
		"The script pace for es was the card's in the card used, 140 wpm now",
		"Custom Studio Avatar setup (one-time) was $1,500.00 in the card used, $1,200.00 now",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

func TestTamperingAndDiffLines(t *testing.T) {
	in := sampleInputs()
	in.BodySHA256 = ""
	doc := carriers["md"](in.Block())
	body, _ := ProposalBody([]byte(doc))
	in.BodySHA256 = SHA256Hex(body)
	doc = carriers["md"](in.Block())
	if got := ProposalTampering([]byte(doc), in); len(got) != 0 {
		t.Errorf("an untouched proposal: %v", got)
	}
	edited := strings.Replace(doc, "# x", "# y", 1)
	if got := ProposalTampering([]byte(edited), in); len(got) != 1 || !strings.Contains(got[0], "visible text") {
		t.Errorf("an edited body: %v", got)
	}
	in2 := *in
	in2.Card = []byte("other")
	if got := ProposalTampering([]byte(doc), &in2); len(got) != 1 || !strings.Contains(got[0], "embedded card") {
		t.Errorf("an edited card: %v", got)
	}
	ch := DiffLines([]byte("a\nb\nc\nd\n"), []byte("a\nB\nc\nD\n"))
	if len(ch) != 2 || ch[0].Line != 2 || ch[0].Shown[0] != "b" || ch[0].Computed[0] != "B" || ch[1].Line != 4 {
		t.Errorf("DiffLines: %+v", ch)
	}
	ch = DiffLines([]byte("a\nb\nc\n"), []byte("a\nc\n"))
	if len(ch) != 1 || len(ch[0].Shown) != 1 || len(ch[0].Computed) != 0 {
		t.Errorf("DiffLines, a line removed: %+v", ch)
	}
	if DiffLines([]byte("x"), []byte("x")) != nil {
		t.Error("equal documents differ")
	}
}

// FuzzParseProposalInputs: whatever a file holds, the parser returns inputs
// or an error, never panics, and every error is printable; inputs it
// returns write back as a block it reads the same.
func FuzzParseProposalInputs(f *testing.F) {
	block := sampleInputs().Block()
	for _, wrap := range carriers {
		f.Add([]byte(wrap(block)))
	}
	f.Add([]byte(block[:len(block)/3]))
	f.Add([]byte("BEGIN CREDITPLAN PROPOSAL INPUTS 1\ncard ===\nEND CREDITPLAN PROPOSAL INPUTS"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, doc []byte) {
		in, err := ParseProposalInputs(doc)
		if err != nil {
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("error is not UTF-8: %q", err.Error())
			}
			if _, r, bad := FirstUnsafe(err.Error()); bad {
				t.Fatalf("error carries %s raw: %q", DescribeRune(r), err.Error())
			}
			return
		}
		again, err := ParseProposalInputs([]byte(in.Block()))
		if err != nil {
			t.Fatalf("its own block does not read back: %v\n%s", err, in.Block())
		}
		if again.Block() != in.Block() {
			t.Fatalf("read back differently")
		}
	})
}
