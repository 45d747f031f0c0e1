package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"creditplan/pricing"

	"github.com/charmbracelet/x/exp/golden"
)

// languagePaceCard is the default card with paces for Spanish and
// Portuguese, as a card that knows them would give: the numbers are the
// test's own, not a vendor's.
func languagePaceCard(t testing.TB) *pricing.RateCard {
	t.Helper()
	src, err := os.ReadFile("../../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\n[card.words_per_minute_by_language]\nes = 140\npt = 145\n"...)
	c, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestScriptLanguageGolden: a length from a script in a language the card
// gives a pace for says so in every format ("at 140 wpm for es"), and JSON
// carries the script's language (streamed as one encoding writes it:
// TestQuoteJSONStreamsExactlyWhatOneEncodeWrites).
func TestScriptLanguageGolden(t *testing.T) {
	c := languagePaceCard(t)
	const path = "testdata/script_language.toml"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject(filepath.Base(path), src, c)
	if err != nil {
		t.Fatal(err)
	}
	c = c.ForCustomer(p, testToday)
	q := quoteOf(t, c, p)
	cu, err := c.CuresQuote(q, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, f) })
			if f != JSON && !bytes.Contains(out, []byte("at 140 wpm for es")) {
				t.Errorf("the Spanish script's pace is not said:\n%s", out)
			}
			golden.RequireEqual(t, out)
		})
	}
	streamed := render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, JSON) })
	if !bytes.Contains(streamed, []byte(`"language": "pt-BR"`)) {
		t.Errorf("no script language in the JSON:\n%s", streamed)
	}
}
