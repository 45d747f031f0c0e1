package report

import "creditplan/pricing"

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
			v.Lines[k] = lineOf(&vq.Lines[k], v.Count, vq.Lines[k].Feature.RateText())
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
