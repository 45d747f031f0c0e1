package report

import (
	"bufio"
	"bytes"
	"strings"

	"creditplan/pricing"
)

// What every format says of a video whose length comes from its script and
// of its review drafts (pricing/script.go, pricing/drafts.go): the length it
// reads and the rounding it gets, and what the drafts cost against
// re-rendering at full resolution. Each format calls these once a video.

// scriptLine is the script's sentence for a video: "420 words ≈ 2m48s at 150
// wpm; 2m48s is billed as 3m (30s increments); trimming 45 words saves 30
// premium credits", or "" for a video with a length of its own.
func scriptLine(c *pricing.RateCard, v *pricing.Video) string {
	s, ok := c.ScriptLength(v)
	if !ok {
		return ""
	}
	if r := s.Rounding(c); r != "" {
		return s.Reading() + "; " + r
	}
	return s.Reading()
}

// draftsLine is the drafts' sentence for a video, or "" without drafts.
func draftsLine(c *pricing.RateCard, v *pricing.Video) string {
	d, ok := c.DraftCost(v)
	if !ok {
		return ""
	}
	return d.Sentence(c)
}

// writeScriptText writes the video's script and drafts lines in the text
// format, under its table.
func writeScriptText(w *bytes.Buffer, c *pricing.RateCard, v *pricing.Video) {
	if !v.FromScript() && v.Drafts == 0 {
		return
	}
	if s := scriptLine(c, v); s != "" {
		w.WriteString("   Script: " + safe(s) + "\n")
	}
	if s := draftsLine(c, v); s != "" {
		w.WriteString("   Drafts: " + safe(s) + "\n")
	}
}

// writeDraftOptionText writes the video's draft option, if it has one, after
// its other cheaper options.
func writeDraftOptionText(w *bytes.Buffer, q *pricing.Quote, v *pricing.Video) {
	if v.Rerenders == 0 {
		return
	}
	if o, ok := q.Card.DraftOption(v, q.Plan); ok {
		w.WriteString("   Cheaper: " + safe(o.Text(q.Card)) + " (review the fix at " + safe(o.At.Name) + "; only the final renders in " + safe(o.Final.Name) + ")\n")
	}
}

// writeCheaperText writes the month's cheaper options, largest saving
// first: the alternatives and the re-renders that would cost less as drafts,
// merged (a draft option after the alternatives of its saving).
func writeCheaperText(w *bufio.Writer, q *pricing.Quote) {
	c := q.Card
	alts, drafts := q.Alternatives, q.DraftOptions()
	total := len(alts) + len(drafts)
	if total == 0 {
		return
	}
	w.WriteString("\nCheaper options, largest saving first:\n")
	for i := 0; i < total; i++ {
		if i == monthLimit {
			w.WriteString("  … and " + pricing.Count(total-monthLimit) +
				" more (each video lists its own; --format json lists all)\n")
			return
		}
		if len(drafts) == 0 || len(alts) > 0 && alts[0].Saves >= drafts[0].Saves {
			w.WriteString("  " + quoted(alts[0].VideoName) + ": " + safe(alts[0].Text(c)) + "\n")
			alts = alts[1:]
		} else {
			w.WriteString("  " + quoted(drafts[0].VideoName) + ": " + safe(drafts[0].Text(c)) + "\n")
			drafts = drafts[1:]
		}
	}
}

// writeScriptMarkdown writes the video's script and drafts lines in Markdown.
func writeScriptMarkdown(w *bufio.Writer, c *pricing.RateCard, v *pricing.Video) {
	if !v.FromScript() && v.Drafts == 0 {
		return
	}
	w.WriteString("\n")
	if s := scriptLine(c, v); s != "" {
		w.WriteString("- Script: " + md(s) + "\n")
	}
	if s := draftsLine(c, v); s != "" {
		w.WriteString("- Drafts: " + md(s) + "\n")
	}
}

// writeDraftOptionMarkdown writes the video's draft option after its other
// cheaper options; listed says whether they began the list.
func writeDraftOptionMarkdown(w *bufio.Writer, q *pricing.Quote, v *pricing.Video, listed bool) {
	if v.Rerenders == 0 {
		return
	}
	o, ok := q.Card.DraftOption(v, q.Plan)
	if !ok {
		return
	}
	if !listed {
		w.WriteString("\n")
	}
	w.WriteString("- Cheaper: " + md(o.Text(q.Card)) + " (review the fix at " + md(o.At.Name) + "; only the final renders in " + md(o.Final.Name) + ")\n")
}

// writeDraftOptionsMarkdown writes the month's draft options as a table.
func writeDraftOptionsMarkdown(w *bufio.Writer, q *pricing.Quote) {
	opts := q.DraftOptions()
	if len(opts) == 0 {
		return
	}
	w.WriteString("## Cheaper options: drafts instead of re-renders\n\nRe-renders at full resolution rendered instead as review drafts before the final render; previews are free.\n\n")
	row(w, "Video", "Change", "Saves")
	row(w, "---", "---", "---:")
	for i, o := range opts {
		if i == monthLimit {
			w.WriteString("\n… and " + pricing.Count(len(opts)-monthLimit) + " more.\n")
			break
		}
		text := o.Text(q.Card)
		change, _, _ := strings.Cut(text, ": saves ")
		row(w, md(o.VideoName), md(change), md(q.Card.CreditWord(o.Saves)))
	}
	w.WriteString("\n")
}

// scriptCSVColumns end a quote's lines in CSV before the sales and card
// columns: the video's script and drafts sentences, empty for a video
// without.
var scriptCSVColumns = []string{"script", "drafts"}

// scriptJSON is a video's length from its script.
type scriptJSON struct {
	Words            int     `json:"words"`
	File             string  `json:"file"`
	WordsPerMinute   int     `json:"words_per_minute"`
	Language         string  `json:"language"`
	Seconds          int     `json:"seconds"`
	BilledSeconds    int     `json:"billed_seconds"`
	IncrementSeconds int     `json:"increment_seconds"`
	TrimWords        int     `json:"trim_words"`
	TrimSaves        credits `json:"trim_saves"`
	Text             string  `json:"text"`
}

// draftsJSON is a video's review drafts against re-rendering.
type draftsJSON struct {
	Drafts          int     `json:"drafts"`
	Resolution      string  `json:"resolution"`
	FinalResolution string  `json:"final_resolution"`
	Credits         credits `json:"credits"`
	FullCredits     credits `json:"full_resolution_credits"`
	Saves           credits `json:"saves"`
	PreviewsFree    bool    `json:"previews_free"`
	Text            string  `json:"text"`
}

// draftOptionJSON is one of the month's draft options.
type draftOptionJSON struct {
	Video      string  `json:"video"`
	VideoIndex int     `json:"video_index"`
	Drafts     int     `json:"drafts"`
	At         string  `json:"at"`
	InsteadOf  string  `json:"instead_of"`
	Saves      credits `json:"saves"`
	Text       string  `json:"text"`
}

// scriptOf is a video's script entry, nil for a video with a length of its own.
func scriptOf(c *pricing.RateCard, v *pricing.Video) *scriptJSON {
	s, ok := c.ScriptLength(v)
	if !ok {
		return nil
	}
	return &scriptJSON{Words: s.Words, File: s.File, WordsPerMinute: s.WPM, Language: v.ScriptLanguage, Seconds: s.Seconds, BilledSeconds: s.Billed,
		IncrementSeconds: s.Increment, TrimWords: s.TrimWords, TrimSaves: credits(s.TrimSaves), Text: scriptLine(c, v)}
}

// draftsOf is a video's drafts entry, nil without drafts.
func draftsOf(c *pricing.RateCard, v *pricing.Video) *draftsJSON {
	d, ok := c.DraftCost(v)
	if !ok {
		return nil
	}
	out := &draftsJSON{Drafts: d.Drafts, Credits: credits(d.Cost), FullCredits: credits(d.FullCost), Saves: credits(d.Saves),
		PreviewsFree: true, Text: d.Sentence(c)}
	if d.At != nil {
		out.Resolution = d.At.ID
	}
	if d.Final != nil {
		out.FinalResolution = d.Final.ID
	}
	return out
}

// draftOptionsOf is the quote's draft options' entries, nil for none.
func draftOptionsOf(q *pricing.Quote) []draftOptionJSON {
	var out []draftOptionJSON
	for _, o := range q.DraftOptions() {
		out = append(out, draftOptionJSON{Video: o.VideoName, VideoIndex: o.Video, Drafts: o.Drafts, At: o.At.ID,
			InsteadOf: o.Final.ID, Saves: credits(o.Saves), Text: o.Text(q.Card)})
	}
	return out
}

// writeScriptJSON writes a video's "script" and "drafts" members, each only
// when the video has one, as encoding/json writes them with omitempty.
func writeScriptJSON(j *jsonWriter, c *pricing.RateCard, v *pricing.Video) {
	if s := scriptOf(c, v); s != nil {
		j.key("script")
		j.beginObject()
		j.integer("words", int64(s.Words))
		j.str("file", s.File)
		j.integer("words_per_minute", int64(s.WordsPerMinute))
		j.str("language", s.Language)
		j.integer("seconds", int64(s.Seconds))
		j.integer("billed_seconds", int64(s.BilledSeconds))
		j.integer("increment_seconds", int64(s.IncrementSeconds))
		j.integer("trim_words", int64(s.TrimWords))
		j.credits("trim_saves", s.TrimSaves)
		j.str("text", s.Text)
		j.endObject()
	}
	if d := draftsOf(c, v); d != nil {
		j.key("drafts")
		j.beginObject()
		j.integer("drafts", int64(d.Drafts))
		j.str("resolution", d.Resolution)
		j.str("final_resolution", d.FinalResolution)
		j.credits("credits", d.Credits)
		j.credits("full_resolution_credits", d.FullCredits)
		j.credits("saves", d.Saves)
		j.boolean("previews_free", d.PreviewsFree)
		j.str("text", d.Text)
		j.endObject()
	}
}

// writeDraftOptionsJSON writes the quote's "draft_options" member when it
// has any, as encoding/json writes it with omitempty.
func writeDraftOptionsJSON(j *jsonWriter, q *pricing.Quote) {
	opts := draftOptionsOf(q)
	if len(opts) == 0 {
		return
	}
	j.key("draft_options")
	j.beginArray()
	for _, o := range opts {
		j.elem()
		j.beginObject()
		j.str("video", o.Video)
		j.integer("video_index", int64(o.VideoIndex))
		j.integer("drafts", int64(o.Drafts))
		j.str("at", o.At)
		j.str("instead_of", o.InsteadOf)
		j.credits("saves", o.Saves)
		j.str("text", o.Text)
		j.endObject()
	}
	j.endArray()
}
