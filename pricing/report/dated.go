package report

import (
	"strings"

	"creditplan/pricing"
)

// The dated parts of every output (issue 11 §3, §4): the day whose rates
// were used, the changes the card schedules within the quote's validity,
// and the vendor's failed-render policy. A card priced through On has a
// RatesAsOf; one built in a test without it states no as-of line, so a
// document says only what the card it was given knows.

// datedDoc is the dated members of a JSON document.
type datedDoc struct {
	RatesAsOf        *string         `json:"rates_as_of"`
	ScheduledChanges []scheduledJSON `json:"scheduled_changes"`
	FailedRenders    *string         `json:"failed_renders"`
}

type scheduledJSON struct {
	On       string `json:"on"`
	What     string `json:"what"`
	From     string `json:"from"`
	To       string `json:"to"`
	Sentence string `json:"sentence"`
}

func datedOf(c *pricing.RateCard) datedDoc {
	d := datedDoc{ScheduledChanges: []scheduledJSON{}}
	if !c.RatesAsOf.IsZero() {
		s := c.RatesAsOf.String()
		d.RatesAsOf = &s
	}
	for _, ch := range c.ChangesWithinValidity() {
		d.ScheduledChanges = append(d.ScheduledChanges, scheduledJSON{On: ch.On.String(), What: ch.What, From: ch.From, To: ch.To, Sentence: ch.Sentence})
	}
	if c.FailedRenders != "" {
		s := c.FailedRenders
		d.FailedRenders = &s
	}
	return d
}

// write streams the members into the open object, as encoding/json writes
// an embedded datedDoc.
func (d *datedDoc) write(j *jsonWriter) {
	if d.RatesAsOf == nil {
		j.null("rates_as_of")
	} else {
		j.str("rates_as_of", *d.RatesAsOf)
	}
	j.key("scheduled_changes")
	j.beginArray()
	for _, ch := range d.ScheduledChanges {
		j.elem()
		j.beginObject()
		j.str("on", ch.On)
		j.str("what", ch.What)
		j.str("from", ch.From)
		j.str("to", ch.To)
		j.str("sentence", ch.Sentence)
		j.endObject()
	}
	j.endArray()
	if d.FailedRenders == nil {
		j.null("failed_renders")
	} else {
		j.str("failed_renders", *d.FailedRenders)
	}
}

// datedLines are the lines a text or Markdown document puts under its card
// line: "Rates as of DATE", each scheduled change, the failed-render policy.
func datedLines(c *pricing.RateCard) []string {
	var out []string
	if !c.RatesAsOf.IsZero() {
		out = append(out, "Rates as of "+c.RatesAsOf.String())
	}
	for _, ch := range c.ChangesWithinValidity() {
		out = append(out, "Scheduled change: "+ch.Sentence)
	}
	if s := c.FailedRendersSentence(); s != "" {
		out = append(out, s)
	}
	return out
}

// csvDatedColumns follow the sales columns in every CSV.
var csvDatedColumns = []string{"rates_as_of", "scheduled_changes", "failed_renders"}

// csvDatedCells are the dated columns' cells, the same on every row.
func csvDatedCells(c *pricing.RateCard) []string {
	d := datedOf(c)
	cells := make([]string, len(csvDatedColumns))
	if d.RatesAsOf != nil {
		cells[0] = *d.RatesAsOf
	}
	for i, ch := range d.ScheduledChanges {
		if i > 0 {
			cells[1] += "; "
		}
		cells[1] += ch.Sentence
	}
	if d.FailedRenders != nil {
		cells[2] = *d.FailedRenders
	}
	return cells
}

// datedSentences are datedLines as a proposal's paragraphs: each a sentence
// ending in a full stop.
func datedSentences(c *pricing.RateCard) []string {
	lines := datedLines(c)
	for i, l := range lines {
		if !strings.HasSuffix(l, ".") {
			lines[i] = l + "."
		}
	}
	return lines
}
