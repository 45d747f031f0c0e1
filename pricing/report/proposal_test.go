package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"creditplan/pricing"
)

// The writers' promises that do not need the command: every format ends
// with the closing line and carries the block as given; a block a format
// would have to escape is refused; ProposalChanges names plans added and
// removed, not only changed figures.

func proposalOf(t *testing.T, card *pricing.RateCard, p *pricing.Project) *pricing.Proposal {
	t.Helper()
	pr, err := card.Proposal(p, pricing.ProposalOptions{PreparedOn: "2026-12-03", Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func TestProposalWritersCarryTheBlock(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		pr := proposalOf(t, c, p)
		for f := ProposalHTML; f <= ProposalJSON; f++ {
			in := pricing.ProposalInputs{Version: "test", PreparedOn: "2026-12-03", CardSHA256: strings.Repeat("a", 64), Card: []byte("c"), Project: []byte("p")}
			doc, err := RenderProposal(pr, f, in)
			if err != nil {
				t.Fatalf("%s %s: %v", m.name, f, err)
			}
			got, err := pricing.ParseProposalInputs(doc)
			if err != nil {
				t.Fatalf("%s %s: %v", m.name, f, err)
			}
			body, _ := pricing.ProposalBody(doc)
			if got.Format != f.String() || got.BodySHA256 != pricing.SHA256Hex(body) {
				t.Errorf("%s %s: format %q, body hash %s", m.name, f, got.Format, got.BodySHA256)
			}
			if !bytes.Contains(doc, []byte(pr.ClosingLine())) {
				t.Errorf("%s %s: no closing line", m.name, f)
			}
		}
	}
}

func TestProposalRefusesABlockToEscape(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/sales-demo.toml")
	err := WriteProposal(&bytes.Buffer{}, proposalOf(t, c, p), ProposalHTML, "BEGIN <script>\n")
	if err == nil || !strings.Contains(err.Error(), "unescaped") {
		t.Errorf("a block with markup: %v", err)
	}
}

func TestProposalChangesNamesPlansAddedAndRemoved(t *testing.T) {
	src, err := os.ReadFile("../../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, p := loadMonth(t, "../../plans.toml", "../../examples/sales-demo.toml")
	renamed := strings.Replace(string(src), `name = "Business"`, `name = "Team"`, 1)
	now, err := pricing.ParseRateCard("now.toml", []byte(renamed))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(ProposalChanges(proposalOf(t, c, p), proposalOf(t, now, p)), "\n")
	for _, want := range []string{"What this month costs on each plan: Business is there no longer", "What this month costs on each plan: Team is new"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if d := ProposalChanges(proposalOf(t, c, p), proposalOf(t, c, p)); len(d) != 0 {
		t.Errorf("a proposal differs from itself: %v", d)
	}
}
