package report

import (
	"bufio"
	"bytes"
	"testing"

	"creditplan/pricing"
)

// quoteDoc is a quote's whole JSON document as encoding/json sees it: the
// oracle the hand-written writeQuoteJSON is held to. encoding/json writes an
// embedded struct's fields in its place, so the keys come in the document's
// order.
type quoteDoc struct {
	quoteTop
	Videos       []videoJSON `json:"videos"`
	Alternatives []altJSON   `json:"alternatives"`
	quoteTail
}

// quoteJSON turns a quote into its JSON document for encoding/json.
func quoteJSON(q *pricing.Quote) *quoteDoc {
	c := q.Card
	top, tail := quoteHead(q)
	d := &quoteDoc{quoteTop: top, quoteTail: tail, Videos: make([]videoJSON, len(q.Videos)),
		Alternatives: make([]altJSON, len(q.Alternatives))}
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := videoHeadOf(vq, pricing.FormatLength(vq.Video.Seconds))
		v.Lines = make([]lineJSON, len(vq.Lines))
		for k := range vq.Lines {
			l := &vq.Lines[k]
			v.Lines[k] = lineOf(l, v.Count, l.Feature.RateText(), l.Quantity())
		}
		v.Alternatives = make([]altJSON, len(vq.Alternatives))
		for k := range vq.Alternatives {
			v.Alternatives[k] = altOf(&vq.Alternatives[k], vq.Alternatives[k].Text(c))
		}
		d.Videos[i] = v
	}
	for i := range q.Alternatives {
		d.Alternatives[i] = altOf(&q.Alternatives[i], q.Alternatives[i].Text(c))
	}
	return d
}

// TestQuoteJSONWithMoreTextsThanRememberedMatchesTheOracle: a month of more
// distinct lengths, quantities, amounts and savings than the writer remembers
// (maxRemembered) is written exactly as encoding/json writes it.
func TestQuoteJSONWithMoreTextsThanRememberedMatchesTheOracle(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	big := p.Clone()
	big.Videos = nil
	for i := range maxRemembered + 500 {
		v := p.Videos[i%len(p.Videos)]
		v.Seconds = 1 + i
		v.Count = 1 + i%3
		big.Videos = append(big.Videos, v)
	}
	q := quoteOf(t, c, big)
	var whole bytes.Buffer
	bw := bufio.NewWriter(&whole)
	if err := writeJSON(bw, quoteJSON(q)); err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	got := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, JSON) })
	if !bytes.Equal(got, printablePass(t, whole.Bytes())) {
		t.Fatalf("the writer and encoding/json differ on %d videos", len(big.Videos))
	}
}
