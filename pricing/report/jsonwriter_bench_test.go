package report

import (
	"io"
	"testing"
)

// BenchmarkWriteQuoteJSON10k is the JSON writer alone on a 10,000-video month
// (the agency month's videos, repeated): no reading, no pricing.
func BenchmarkWriteQuoteJSON10k(b *testing.B) {
	c, p := loadMonth(b, "../../plans.toml", "../../examples/agency-month.toml")
	big := p.Clone()
	big.Videos = nil
	for i := range 10_000 {
		big.Videos = append(big.Videos, p.Videos[i%len(p.Videos)])
	}
	q := quoteOf(b, c, big)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteQuote(io.Discard, q, JSON); err != nil {
			b.Fatal(err)
		}
	}
}
