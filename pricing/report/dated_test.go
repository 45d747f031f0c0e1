package report

import (
	"bytes"
	"os"
	"testing"

	"creditplan/pricing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestDatedQuoteGolden: FluxNote's month quoted on the seed's rates (as of
// 2026-01-15), every format naming the rates' day and the changes the card
// schedules within the quote's validity (its valid-until is 30 days after
// 2026-02-10, so the 2026-02-27 era falls inside it).
func TestDatedQuoteGolden(t *testing.T) {
	c := loadCard(t, "../../examples/fluxnote-flat.toml")
	on, err := c.On(pricing.Date{Year: 2026, Month: 2, Day: 10})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../examples/fluxnote/month.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject("month.toml", src, on)
	if err != nil {
		t.Fatal(err)
	}
	on = on.ForCustomer(p, pricing.Date{Year: 2026, Month: 2, Day: 10})
	q := quoteOf(t, on, p)
	cu, err := on.CuresQuote(q, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, f) })
			for _, want := range []string{"2026-02-10", "Pro goes from $9.99 to $19.00 a month on 2026-02-27"} {
				if !bytes.Contains(out, []byte(want)) {
					t.Errorf("%v lacks %q", f, want)
				}
			}
			golden.RequireEqual(t, out)
		})
	}
}
