package report

import (
	"bytes"
	"encoding/csv"
	"testing"

	"creditplan/pricing"
)

// TestCSVCellPrefixesFormulaStarts: OWASP's rule, with exact negative numbers
// left as numbers.
func TestCSVCellPrefixesFormulaStarts(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example","click")`: `'=HYPERLINK("http://evil.example","click")`,
		"+1":        "'+1",
		"-1+2":      "'-1+2",
		"@SUM(A1)":  "'@SUM(A1)",
		"\t=1":      `'\t=1`,
		"\r=1":      `'\r=1`,
		"-":         "'-",
		"-.5":       "'-.5",
		"-5.":       "'-5.",
		"-1e3":      "'-1e3",
		"-5":        "-5",
		"-0.25":     "-0.25",
		"-1234":     "-1234",
		"5":         "5",
		"a=b":       "a=b",
		"":          "",
		"x\x1b]0;t": `x\x1b]0;t`,
	} {
		if got := csvCell(in); got != want {
			t.Errorf("csvCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEveryCSVPrefixesFormulaCells: with video, plan, reason and card names
// that spreadsheets would run as formulas, no cell of any CSV (quote,
// compare, right-size, fit, year) starts a formula, and the names are there.
func TestEveryCSVPrefixesFormulaCells(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	c.Name = "=cmd|' /C calc'!A0"
	for i := range c.Plans {
		c.Plans[i].Name = "+" + c.Plans[i].Name
	}
	for i := range c.Features {
		if c.Features[i].AlternativeReason != "" {
			c.Features[i].AlternativeReason = "@SUM(1+1)"
		}
	}
	names := []string{`=HYPERLINK("http://evil.example","click")`, "+1", "@SUM(A1)", "\t=1+1", "-2+3"}
	for i := range p.Videos {
		p.Videos[i].Name = names[i%len(names)]
	}
	q := quoteOf(t, c, p)
	fitted := c.Fit(p, &c.Plans[2], pricing.WholeCredits(300))
	csvs := map[string]func(*bytes.Buffer) error{
		"quote":      func(b *bytes.Buffer) error { return WriteQuote(b, q, CSV) },
		"compare":    func(b *bytes.Buffer) error { return WriteComparison(b, c.Compare(p), c.RightSize(p), CSV) },
		"right-size": func(b *bytes.Buffer) error { return WriteRightSize(b, c.RightSize(p), CSV) },
		"fit":        func(b *bytes.Buffer) error { return WriteFit(b, fitted, CSV) },
		"year":       func(b *bytes.Buffer) error { return WriteYear(b, yearOf(t, c, p), CSV) },
	}
	for what, write := range csvs {
		rows, err := csv.NewReader(bytes.NewReader(render(t, write))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		prefixed := 0
		for _, r := range rows {
			for _, cell := range r {
				if cell == "" {
					continue
				}
				switch cell[0] {
				case '=', '+', '-', '@', '\t', '\r':
					if !negativeNumber(cell) {
						t.Errorf("%s: cell %q starts a formula", what, cell)
					}
				case '\'':
					prefixed++
				}
			}
		}
		if prefixed == 0 {
			t.Errorf("%s: no prefixed cell; the hostile names are missing", what)
		}
	}
}
