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
	Videos       []videoJSON       `json:"videos"`
	Alternatives []altJSON         `json:"alternatives"`
	DraftOptions []draftOptionJSON `json:"draft_options,omitempty"`
	quoteTail
}

// quoteJSON turns a quote into its JSON document for encoding/json.
func quoteJSON(q *pricing.Quote, cu *pricing.Cure) *quoteDoc {
	c := q.Card
	top, tail := quoteHead(q, cu)
	d := &quoteDoc{quoteTop: top, quoteTail: tail, Videos: make([]videoJSON, len(q.Videos)),
		Alternatives: make([]altJSON, len(q.Alternatives))}
	for i := range q.Videos {
		vq := &q.Videos[i]
		v := videoHeadOf(vq, pricing.FormatLength(vq.Video.Seconds))
		v.Lines = make([]lineJSON, len(vq.Lines))
		for k := range vq.Lines {
			l := &vq.Lines[k]
			v.Lines[k] = lineOf(l, v.Count, l.Feature.RateText()+l.Feature.RateMark(), l.Quantity())
		}
		v.Alternatives = make([]altJSON, len(vq.Alternatives))
		for k := range vq.Alternatives {
			v.Alternatives[k] = altOf(&vq.Alternatives[k], vq.Alternatives[k].Text(c))
		}
		v.Script, v.Drafts = scriptOf(c, vq.Video), draftsOf(c, vq.Video)
		d.Videos[i] = v
	}
	d.DraftOptions = draftOptionsOf(q)
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
	q, cu := quoteOf(t, c, big), curesOf(t, c, big)
	var whole bytes.Buffer
	bw := bufio.NewWriter(&whole)
	if err := writeJSON(bw, quoteJSON(q, cu)); err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	got := render(t, func(b *bytes.Buffer) error { return WriteQuoteCures(b, q, cu, JSON) })
	if !bytes.Equal(got, printablePass(t, whole.Bytes())) {
		t.Fatalf("the writer and encoding/json differ on %d videos", len(big.Videos))
	}
}

// TestFitJSONStreamsWhatEncodingJSONWrites: the fit's streamed JSON is
// byte for byte what encoding/json writes of fitJSON, for every example, a
// blocked month, re-render changes and names no loader lets through.
func TestFitJSONStreamsWhatEncodingJSONWrites(t *testing.T) {
	var fits []*pricing.FitResult
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		r, err := c.FitProject(p)
		if err != nil {
			t.Fatal(err)
		}
		fits = append(fits, r, c.Fit(p, r.Plan, 0))
	}
	c, p := blockedMonth(t)
	creator, _ := c.Plan("creator")
	fits = append(fits, c.Fit(p, creator, pricing.WholeCredits(1000)))
	odd := c.NewVideo("bell\a \u202e\xff \u2028 \"quoted\" <tag> & more")
	odd.Rerenders = 5
	odd.Seconds = 600
	q := &pricing.Project{Plan: "pro", Seats: 1, AllowFewerRerenders: true, Videos: []pricing.Video{odd}}
	pro, _ := c.Plan("pro")
	fits = append(fits, c.Fit(q, pro, pricing.WholeCredits(1)))
	for i, r := range fits {
		var want, got bytes.Buffer
		bw := bufio.NewWriter(&want)
		if err := writeJSON(bw, fitJSON(r)); err != nil {
			t.Fatal(err)
		}
		bw.Flush()
		var ow bytes.Buffer
		pw := &printableWriter{w: &ow, json: true}
		pw.Write(want.Bytes())
		pw.finish()
		gw := bufio.NewWriter(&got)
		if err := writeFitJSON(gw, r); err != nil {
			t.Fatal(err)
		}
		gw.Flush()
		if !bytes.Equal(got.Bytes(), ow.Bytes()) {
			t.Errorf("fit %d: streamed JSON differs from encoding/json's:\n%s\nwant:\n%s", i, got.String(), ow.String())
		}
	}
}
