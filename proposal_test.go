package main

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// The proposal's promises: goldens in every format for the sales example,
// a round trip through verify in every format, and verify's answers on a
// changed card and on tampered or damaged proposals.

// testVersion is the version proposals are made with in these tests, so
// the goldens do not change with each release.
const testVersion = "0.0.0-test"

// runProposalApp runs creditplan in-process with CREDITPLAN_TODAY set and
// the test version.
func runProposalApp(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	saved := version
	version = testVersion
	defer func() { version = saved }()
	var out, errb bytes.Buffer
	a := &app{stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "CREDITPLAN_TODAY" {
			return testToday
		}
		return ""
	}}
	code = a.run(args)
	return out.String(), errb.String(), code
}

var proposalFormats = []string{"html", "md", "csv", "json"}

func TestProposalGoldens(t *testing.T) {
	for _, f := range proposalFormats {
		t.Run(f, func(t *testing.T) {
			out, errs, code := runProposalApp(t, "proposal", "--format", f, "examples/sales-demo.toml")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// makeProposal writes the sales example's proposal in format f into dir.
func makeProposal(t *testing.T, dir, f string, extra ...string) string {
	t.Helper()
	path := filepath.Join(dir, "proposal."+f)
	args := append([]string{"proposal", "--format", f, "--out", path}, extra...)
	args = append(args, "examples/sales-demo.toml")
	if out, errs, code := runProposalApp(t, args...); code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, errs)
	}
	return path
}

func TestProposalEndsWithTheClosingLine(t *testing.T) {
	const closing = "An estimate, not a contract: prices from HeyGen Premium Credits as of 2026-01-06."
	for _, f := range proposalFormats {
		out, _, _ := runProposalApp(t, "proposal", "--format", f, "examples/sales-demo.toml")
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		last := lines[len(lines)-1]
		// HTML closes its elements after the line; JSON its object.
		for _, l := range lines[len(lines)-6:] {
			if strings.Contains(l, closing) {
				last = closing
			}
		}
		if last != closing && !strings.Contains(last, closing) {
			t.Errorf("%s: the proposal ends with %q, not the closing line", f, last)
		}
	}
}

func TestProposalRoundTripsThroughVerify(t *testing.T) {
	dir := t.TempDir()
	for _, f := range proposalFormats {
		for _, extra := range [][]string{nil, {"--plan", "pro", "--billing", "monthly"}} {
			path := makeProposal(t, dir, f, extra...)
			out, errs, code := runProposalApp(t, "verify", path)
			if code != 0 || !strings.Contains(out, ": matches: ") {
				t.Errorf("%s %v: exit %d\n%s%s", f, extra, code, out, errs)
			}
		}
	}
}

func TestProposalLeavesOutNotesAndComments(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("examples/sales-demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(dir, "month.toml")
	os.WriteFile(project, append(src, []byte("\n# internal: the customer is price-sensitive\n")...), 0o644)
	copyFile(t, "examples/acme-pricing.toml", filepath.Join(dir, "acme-pricing.toml"))
	for _, f := range proposalFormats {
		out, errs, code := runProposalApp(t, "proposal", "--format", f, project)
		if code != 0 {
			t.Fatal(errs)
		}
		in, err := pricing.ParseProposalInputs([]byte(out))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(in.Project, []byte("price-sensitive")) || bytes.Contains(in.Project, []byte("#")) {
			t.Errorf("%s: the embedded project keeps a comment:\n%s", f, in.Project)
		}
		// The example's [customer].notes are internal: in no part of any proposal.
		for _, note := range []string{"Renewal in March", "Enterprise seats"} {
			if strings.Contains(out, note) || bytes.Contains(in.Project, []byte(note)) {
				t.Errorf("%s: the proposal holds the internal note %q", f, note)
			}
		}
		if !bytes.Contains(in.Project, []byte("Dana Reyes")) || !strings.Contains(out, "Dana Reyes") {
			t.Errorf("%s: the customer is not in the proposal", f)
		}
	}
}

// copyFile copies a file the tests need beside a project they write.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyNamesWhatChangedInTheCard(t *testing.T) {
	dir := t.TempDir()
	path := makeProposal(t, dir, "html")
	card, err := os.ReadFile("plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	changed := regexp.MustCompile(`(?m)^monthly_price = 99 `).ReplaceAll(card, []byte("monthly_price = 89 "))
	if bytes.Equal(changed, card) {
		t.Fatal("Pro's price is no longer 99 in plans.toml; change the test")
	}
	rates := filepath.Join(dir, "card.toml")
	os.WriteFile(rates, changed, 0o644)
	out, _, code := runProposalApp(t, "verify", "--rates", rates, path)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		": changed: ",
		"Pro's monthly price was $99.00 in the card used, $89.00 now",
		// The customer's Pro is 15% off (examples/acme-pricing.toml).
		"Your pricing: Pro monthly price (15% off), Your price: $84.15 then, $75.65 now",
		"What this month costs on each plan: Pro, Year billed monthly: $1,009.80 then, $907.80 now",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("verify does not say %q:\n%s", want, out)
		}
	}

	// The same card with only a comment changed gives the same proposal.
	os.WriteFile(rates, append(card, []byte("\n# a comment\n")...), 0o644)
	out, _, code = runProposalApp(t, "verify", "--rates", rates, path)
	if code != 0 || !strings.Contains(out, "only in its layout or comments") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// editInputs decodes a proposal's embedded project, lets edit change it and
// writes it back in the block (its other lines, body-sha256 included, kept).
func editInputs(t *testing.T, doc []byte, key string, edit func([]byte) []byte) []byte {
	t.Helper()
	lines := strings.Split(string(doc), "\n")
	var enc strings.Builder
	first := -1
	var kept []string
	for i, l := range lines {
		if v, ok := strings.CutPrefix(l, key+" "); ok {
			enc.WriteString(v)
			if first < 0 {
				first = i
				kept = append(kept, "")
			}
			continue
		}
		kept = append(kept, l)
	}
	if first < 0 {
		t.Fatalf("no %s lines", key)
	}
	raw, err := base64.StdEncoding.DecodeString(enc.String())
	if err != nil {
		t.Fatal(err)
	}
	kept[first] = key + " " + base64.StdEncoding.EncodeToString(edit(raw))
	return []byte(strings.Join(kept, "\n"))
}

// rehash writes a proposal's body-sha256 again for its body as it is: an
// edit a careful forger would make.
func rehash(t *testing.T, doc []byte) []byte {
	t.Helper()
	body, ok := pricing.ProposalBody(doc)
	if !ok {
		t.Fatal("no inputs block")
	}
	re := regexp.MustCompile(`(?m)^body-sha256 [0-9a-f]{64}$`)
	if !re.Match(doc) {
		t.Fatal("no body-sha256 line")
	}
	return re.ReplaceAll(doc, []byte("body-sha256 "+pricing.SHA256Hex(body)))
}

func TestVerifyNamesATamperedProposal(t *testing.T) {
	dir := t.TempDir()
	md := makeProposal(t, dir, "md")
	doc, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		doc  []byte
		want []string
	}{
		{"a visible price edited", bytes.Replace(doc, []byte("| $44.00 | $39.00 |"), []byte("| $34.00 | $29.00 |"), 1),
			[]string{"tampered", "its visible text is not the text it was made with", "shown:", "$34.00", "recomputed:", "$44.00"}},
		{"the embedded project edited", editInputs(t, doc, "project", func(b []byte) []byte {
			return bytes.Replace(b, []byte("count = 6"), []byte("count = 60"), 1)
		}), []string{"tampered", "what it shows is not what its embedded inputs give", "line "}},
		{"a visible price edited and the body hash written again", rehash(t, bytes.Replace(doc, []byte("| $44.00 | $39.00 |"), []byte("| $34.00 | $29.00 |"), 1)),
			[]string{"tampered", "what it shows is not what its embedded inputs give", "$34.00", "$44.00"}},
		{"the embedded pricing edited", editInputs(t, doc, "overlay", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`discount = "15%"`), []byte(`discount = "50%"`), 1)
		}), []string{"tampered", "its embedded pricing overlay is not the one of its overlay-sha256"}},
		{"the embedded card edited", editInputs(t, doc, "card", func(b []byte) []byte {
			return bytes.Replace(b, []byte("monthly_price = 29 "), []byte("monthly_price = 19 "), 1)
		}), []string{"tampered", "its embedded card is not the card of its card-sha256"}},
	}
	for _, c := range cases {
		if bytes.Equal(c.doc, doc) {
			t.Fatalf("%s: the edit changed nothing", c.name)
		}
		path := filepath.Join(dir, "tampered.md")
		os.WriteFile(path, c.doc, 0o644)
		out, errs, code := runProposalApp(t, "verify", path)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", c.name, code)
		}
		for _, w := range c.want {
			if !strings.Contains(out+errs, w) {
				t.Errorf("%s: verify does not say %q:\n%s%s", c.name, w, out, errs)
			}
		}
	}
}

func TestVerifyRefusesWhatIsNotAProposal(t *testing.T) {
	dir := t.TempDir()
	doc, err := os.ReadFile(makeProposal(t, dir, "html"))
	if err != nil {
		t.Fatal(err)
	}
	begin := bytes.Index(doc, []byte("BEGIN CREDITPLAN"))
	broken := bytes.Replace(doc, []byte("\ncard "), []byte("\ncard !!!!"), 1)
	cases := []struct {
		name, want string
		doc        []byte
	}{
		{"not a proposal", "not a creditplan proposal", []byte("plan = \"creator\"\n")},
		{"empty", "not a creditplan proposal", nil},
		{"truncated in its inputs", "truncated", doc[:begin+2000]},
		{"base64 broken", "not valid base64", broken},
		{"two blocks", "more than one embedded inputs block", append(append([]byte{}, doc...), doc...)},
	}
	for _, c := range cases {
		path := filepath.Join(dir, "bad.html")
		os.WriteFile(path, c.doc, 0o644)
		out, errs, code := runProposalApp(t, "verify", path)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, want 1 and %q:\n%s%s", c.name, code, c.want, out, errs)
		}
	}
}

func TestProposalOutNeverLeavesHalfAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "proposal.html")
	os.WriteFile(path, []byte("the previous proposal"), 0o644)
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("plan = \"nope\"\n"), 0o644)
	if _, _, code := runProposalApp(t, "proposal", "--out", path, bad); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if got, _ := os.ReadFile(path); string(got) != "the previous proposal" {
		t.Errorf("a failed proposal changed --out: %q", got)
	}
	if _, _, code := runProposalApp(t, "proposal", "--out", filepath.Join(dir, "no", "such", "dir.html"), "examples/sales-demo.toml"); code != 1 {
		t.Errorf("exit %d writing into a missing directory, want 1", code)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
}

// TestDocsExampleProposal keeps docs/examples/proposal.md, which
// docs/proposal.md verifies, what the proposal command makes (-update
// rewrites it).
func TestDocsExampleProposal(t *testing.T) {
	const path = "docs/examples/proposal.md"
	out, errs, code := runProposalApp(t, "proposal", "--format", "md", "--rates", "docs/examples/proposal-card.toml", "docs/examples/proposal-month.toml")
	if code != 0 {
		t.Fatal(errs)
	}
	if updating() {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (make it with go test -run TestDocsExampleProposal -update)", err)
	}
	if string(got) != out {
		t.Errorf("%s is not what the proposal command makes; regenerate it with go test -run TestDocsExampleProposal -update", path)
	}
}
