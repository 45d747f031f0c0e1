// Package report writes quotes and comparisons as text, JSON, Markdown and CSV.
// It is pure presentation: every number comes from package pricing.
package report

import (
	"errors"
	"io"

	"creditplan/pricing"
)

// Format is an output format.
type Format int

// The output formats.
const (
	Text Format = iota
	JSON
	Markdown
	CSV
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) { return Text, errors.New("not built yet") }

// WriteQuote writes a month's quote.
func WriteQuote(w io.Writer, q *pricing.Quote, f Format) error { return errors.New("not built yet") }

// WriteCompare writes a comparison of every plan.
func WriteCompare(w io.Writer, c *pricing.Comparison, f Format) error {
	return errors.New("not built yet")
}
