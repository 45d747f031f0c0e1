package report

import (
	"bufio"
	"encoding/json"

	"creditplan/pricing"
)

// credits writes a credit amount as an exact JSON number ("0.5", "600") straight
// from fixed point, so no float ever rounds it.
type credits pricing.Credits

// MarshalJSON writes the amount as a JSON number with as few decimals as it needs.
func (c credits) MarshalJSON() ([]byte, error) { return []byte(pricing.Credits(c).String()), nil }

// money writes an amount as a string with exactly two decimals ("29.00"): a
// string, because a JSON number would lose the trailing zero and invite float parsing.
type money pricing.Money

// MarshalJSON writes the amount as a quoted plain decimal with two places.
func (m money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + pricing.Money(m).Plain() + `"`), nil
}

type cardJSON struct {
	Name     string `json:"name"`
	Vendor   string `json:"vendor"`
	AsOf     string `json:"as_of"`
	Origin   string `json:"origin"`
	Currency string `json:"currency"`
	// CreditName is what one credit is called, for people reading the numbers.
	CreditName       string `json:"credit_name"`
	CreditNamePlural string `json:"credit_name_plural"`
}

func cardOf(c *pricing.RateCard) cardJSON {
	return cardJSON{Name: c.Name, Vendor: c.Vendor, AsOf: c.AsOf, Origin: c.Origin, Currency: c.Currency, CreditName: c.CreditName,
		CreditNamePlural: c.CreditNamePlural}
}

type planRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type lineJSON struct {
	Feature     string  `json:"feature"`
	FeatureName string  `json:"feature_name"`
	Slot        string  `json:"slot"`
	Premium     bool    `json:"premium"`
	Quantity    string  `json:"quantity"`
	Rate        string  `json:"rate"`
	RateCredits credits `json:"rate_credits"`
	Unit        string  `json:"unit"`
	// Credits is for one copy of the video; CreditsTotal for all copies.
	Credits      credits `json:"credits"`
	CreditsTotal credits `json:"credits_total"`
}

type altJSON struct {
	Video      string  `json:"video"`
	VideoIndex int     `json:"video_index"`
	Slot       string  `json:"slot"`
	From       string  `json:"from"`
	With       string  `json:"with"`
	Saves      credits `json:"saves"`
	SavesEach  credits `json:"saves_each"`
	Reason     string  `json:"reason"`
	Text       string  `json:"text"`
}

type videoJSON struct {
	Name           string     `json:"name"`
	Count          int        `json:"count"`
	Length         string     `json:"length"`
	Seconds        int        `json:"seconds"`
	Each           credits    `json:"each"`
	PremiumCredits credits    `json:"premium_credits"`
	Lines          []lineJSON `json:"lines"`
	Alternatives   []altJSON  `json:"alternatives"`
	// Script and Drafts are there for a video with them (report/script.go).
	Script *scriptJSON `json:"script,omitempty"`
	Drafts *draftsJSON `json:"drafts,omitempty"`
}

type packJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Count   int64   `json:"count"`
	Credits credits `json:"credits_each"`
	Price   money   `json:"price_each"`
}

type topUpJSON struct {
	Packs   []packJSON `json:"packs"`
	Credits credits    `json:"credits"`
	Cost    money      `json:"cost"`
	Text    string     `json:"text"`
}

type upgradeJSON struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Credits credits `json:"credits"`
	Price   money   `json:"price"`
}

// quoteTop is the quote's fields before the lists.
type quoteTop struct {
	Card cardJSON    `json:"card"`
	Plan planRefJSON `json:"plan"`
	// CanMake is false when the plan cannot make the month (Blocked says
	// why): it comes before any number, as the text leads with it.
	CanMake bool     `json:"can_make"`
	Blocked []string `json:"blocked"`
	salesDoc
	Billing         string  `json:"billing"`
	Balance         credits `json:"balance"`
	PremiumCredits  credits `json:"premium_credits"`
	Remaining       credits `json:"remaining"`
	Short           credits `json:"short"`
	Fits            bool    `json:"fits"`
	Message         string  `json:"message"`
	Cost            *money  `json:"cost"`
	ContactSales    bool    `json:"contact_sales"`
	Copies          int64   `json:"copies"`
	FinishedSeconds int64   `json:"finished_seconds"`
	RunsOutAt       *int64  `json:"runs_out_at"`
}

// quoteTail is the quote's fields after the lists: the cures of a month its
// plan cannot make as it stands, all pricing.Cures'. TopUp is the top-up cure
// on the month's own plan (null when none would cure it, as for a blocked
// month); Upgrade the cheapest other plan that makes the month; Cures every
// cure, cheapest first; Recommended the first of them.
type quoteTail struct {
	TopUp       *topUpJSON   `json:"top_up"`
	Upgrade     *upgradeJSON `json:"upgrade"`
	Cures       []cureJSON   `json:"cures"`
	Recommended *cureJSON    `json:"recommended"`
	// OneTime, OneTimeTotal and Budget are there only when the month has
	// one-time charges or a budget (onetime.go).
	OneTime      []oneTimeJSON `json:"one_time,omitempty"`
	OneTimeTotal *money        `json:"one_time_total,omitempty"`
	// OneTimeLater is the charges of later months of the year, not this one's.
	OneTimeLater []oneTimeJSON `json:"one_time_later,omitempty"`
	Budget       *budgetJSON   `json:"budget,omitempty"`
}

// cureJSON is one way to make the month (pricing.CureOption).
type cureJSON struct {
	// Kind is "top_up" (on the month's own plan) or "plan" (another plan);
	// Action the verb CureVerb gives it: "top up", "upgrade to", "switch to".
	Kind    string      `json:"kind"`
	Action  string      `json:"action"`
	Plan    planRefJSON `json:"plan"`
	Billing string      `json:"billing"`
	TopUp   *topUpJSON  `json:"top_up"`
	Total   money       `json:"total"`
	Text    string      `json:"text"`
}

// cureOf is one cure's entry.
func cureOf(c *pricing.RateCard, cu *pricing.Cure, o *pricing.CureOption) cureJSON {
	kind := "plan"
	if o.Kind == pricing.CureTopUp {
		kind = "top_up"
	}
	return cureJSON{Kind: kind, Action: CureVerb(cu, o), Plan: planRefJSON{o.Plan.ID, o.Plan.Name},
		Billing: o.Billing.Key(), TopUp: topUpOf(c, o.TopUp), Total: money(o.Total), Text: CureText(c, cu, o)}
}

// cureTail fills the quote's fields after the lists from its cure (none
// without one).
func cureTail(c *pricing.RateCard, cu *pricing.Cure) quoteTail {
	tail := quoteTail{Cures: []cureJSON{}}
	if cu == nil {
		return tail
	}
	for i := range cu.Options {
		o := &cu.Options[i]
		tail.Cures = append(tail.Cures, cureOf(c, cu, o))
		switch {
		case o.Kind == pricing.CureTopUp && tail.TopUp == nil:
			tail.TopUp = topUpOf(c, o.TopUp)
		case o.Kind == pricing.CurePlan && tail.Upgrade == nil:
			tail.Upgrade = &upgradeJSON{ID: o.Plan.ID, Name: o.Plan.Name, Credits: credits(o.Plan.Credits),
				Price: money(o.Plan.Price(o.Billing))}
		}
	}
	if len(tail.Cures) > 0 {
		tail.Recommended = &tail.Cures[0]
	}
	return tail
}

// altOf is one alternative's entry; text is its sentence, a.Text(card).
func altOf(a *pricing.Alternative, text string) altJSON {
	return altJSON{
		Video: a.VideoName, VideoIndex: a.Video, Slot: a.Slot.Key(), From: a.From.ID, With: a.To.ID,
		Saves: credits(a.Saves), SavesEach: credits(a.Each), Reason: a.Reason, Text: text,
	}
}

func topUpOf(c *pricing.RateCard, t pricing.TopUpPurchase) *topUpJSON {
	if len(t.Packs) == 0 {
		return nil
	}
	out := &topUpJSON{Credits: credits(t.Credits), Cost: money(t.Cost), Text: t.Describe(c)}
	for _, p := range t.Packs {
		out.Packs = append(out.Packs, packJSON{ID: p.TopUp.ID, Name: p.TopUp.Name, Count: p.Count,
			Credits: credits(p.TopUp.Credits), Price: money(p.TopUp.Price)})
	}
	return out
}

// quoteHead is the quote's document without its two long lists: the fields
// before them and the fields after.
func quoteHead(q *pricing.Quote, cu *pricing.Cure) (quoteTop, quoteTail) {
	c := q.Card
	d := quoteTop{
		Card: cardOf(c), Plan: planRefJSON{q.Plan.ID, q.Plan.Name}, Billing: q.Billing.Key(),
		Balance: credits(q.Balance), PremiumCredits: credits(q.Premium), Remaining: credits(q.Remaining),
		Short: credits(q.Short), Fits: q.Fits, Message: q.Message(), ContactSales: q.Plan.ContactSales,
		Copies: q.Copies, FinishedSeconds: q.FinishedSeconds,
	}
	d.CanMake, d.Blocked = len(q.Blocked) == 0, nonNil(q.Blocked)
	d.salesDoc = salesOf(c, q.Plan)
	tail := cureTail(c, cu)
	addOneTimeTail(c, &q.Standing, &tail)
	if !q.Plan.ContactSales {
		c, _ := q.QuotedCost()
		cost := money(c)
		d.Cost = &cost
	}
	if q.RunsOutAt > 0 {
		at := q.RunsOutAt
		d.RunsOutAt = &at
	}
	return d, tail
}

// videoHeadOf is one video's entry without its two lists; length is
// pricing.FormatLength(its seconds).
func videoHeadOf(vq *pricing.VideoQuote, length string) videoJSON {
	v := vq.Video
	return videoJSON{Name: v.Name, Count: v.Count, Length: length, Seconds: v.Seconds,
		Each: credits(vq.Each), PremiumCredits: credits(vq.Credits)}
}

// lineOf is one line's entry for a video made count times; rate is
// l.Feature.RateText() and quantity l.Quantity().
func lineOf(l *pricing.Line, count int, rate, quantity string) lineJSON {
	f := l.Feature
	return lineJSON{
		Feature: f.ID, FeatureName: f.Name, Slot: l.Slot.Key(), Premium: l.Premium(),
		Quantity: quantity, Rate: rate, RateCredits: credits(f.Rate), Unit: f.Unit.Key(),
		Credits: credits(l.Credits), CreditsTotal: credits(l.Total(count)),
	}
}

// quoteTexts builds the texts a quote repeats on every video (a feature's
// rate, a line's quantity, a length, an alternative's sentence) once per
// document: on a 100,000-video month they were most of the writer's work and
// most of its garbage otherwise.
type quoteTexts struct {
	card       *pricing.RateCard
	rates      textMemo[*pricing.Feature]
	quantities textMemo[quantityText]
	lengths    textMemo[int]
	alts       textMemo[altText]
	// lines holds, per feature and depth, a line's JSON up to its quantity
	// and from there up to its credits: everything in a line but those two
	// is the feature's, so it is escaped and indented once per document.
	lines map[lineKey]*lineFrame
	// altFrames and altTexts do the same for alternatives: the frame per
	// switch, the sentence as escaped JSON per switch and saving.
	altFrames map[altFrameKey]*altFrame
	altTexts  textMemo[altText]
	// lineTexts holds whole lines' JSON (lineText); altTails an
	// alternative's JSON from its saves to its end (altTail).
	lineTexts textMemo[lineText]
	altTails  textMemo[altTail]
	heads     textMemo[videoHead]
	// last holds, per slot, the frames and quantity used last: a month's
	// videos repeat the same choices, so most lookups end here, unhashed.
	last [pricing.NumSlots]struct {
		line    lineKey
		lineFr  *lineFrame
		alt     altFrameKey
		altFr   *altFrame
		qty     quantityText
		qtyText string
		text    lineText
		textOut string
	}
}

// lineKey is what a line's fixed JSON depends on.
type lineKey struct {
	feature *pricing.Feature
	slot    pricing.Slot
	depth   int
}

// lineText is everything a line's JSON depends on: its frame, its quantity
// and its two amounts. A month repeats its lines (the same feature on the
// same length), so each line's whole text is kept and copied.
type lineText struct {
	line           lineKey
	qty            quantityText
	credits, total pricing.Credits
}

// lineFrame is a line's fixed JSON: head runs from "{" to the "quantity"
// key, mid from after the quantity to the "credits" key.
type lineFrame struct{ head, mid []byte }

// altFrameKey is what an alternative's fixed JSON depends on.
type altFrameKey struct {
	from, to *pricing.Feature
	slot     pricing.Slot
	depth    int
}

// altFrame is an alternative's fixed JSON: head from "{" to the "video" key,
// mid from after video_index to the "saves" key, tail from after saves_each
// to the "text" key; reason is the reason tail holds.
type altFrame struct {
	head, mid, tail []byte
	reason          string
}

// quantityText is what a line's Quantity reads: every field of the line but
// its credits and slot.
type quantityText struct {
	feature                                  *pricing.Feature
	billedSeconds, renders, languages, units int
}

// videoHead is what a video's JSON from its count to its lines' opening
// bracket depends on (the length is the seconds' text).
type videoHead struct {
	count, seconds int
	each, premium  credits
	depth          int
}

// altTail is what an alternative's JSON after its video_index depends on:
// its frame, its savings (the sentence reads the month's), its depth.
type altTail struct {
	frame       *altFrame
	saves, each pricing.Credits
	depth       int
}

// altText is what an alternative's sentence reads.
type altText struct {
	from, to *pricing.Feature
	saves    pricing.Credits
}

func newQuoteTexts(c *pricing.RateCard) *quoteTexts { return &quoteTexts{card: c} }

func (t *quoteTexts) rate(f *pricing.Feature) string {
	if s, ok := t.rates.get(f); ok {
		return s
	}
	return t.rates.put(f, f.RateText()+f.RateMark())
}

func (t *quoteTexts) quantity(l *pricing.Line) string {
	k := quantityText{l.Feature, l.BilledSeconds, l.Renders, l.Languages, l.Units}
	last := &t.last[l.Slot]
	if last.qty == k && last.qtyText != "" {
		return last.qtyText
	}
	s, ok := t.quantities.get(k)
	if !ok {
		s = t.quantities.put(k, l.Quantity())
	}
	last.qty, last.qtyText = k, s
	return s
}

func (t *quoteTexts) length(seconds int) string {
	if s, ok := t.lengths.get(seconds); ok {
		return s
	}
	return t.lengths.put(seconds, pricing.FormatLength(seconds))
}

func (t *quoteTexts) alt(a *pricing.Alternative) string {
	k := altText{a.From, a.To, a.Saves}
	if s, ok := t.alts.get(k); ok {
		return s
	}
	return t.alts.put(k, a.Text(t.card))
}

// textMemo remembers texts by what they are made from, up to maxRemembered
// of them: a month whose texts all differ starts over rather than growing
// without end.
type textMemo[K comparable] struct{ m map[K]string }

const maxRemembered = 4096

func (t *textMemo[K]) get(k K) (string, bool) {
	s, ok := t.m[k]
	return s, ok
}

func (t *textMemo[K]) put(k K, s string) string {
	if t.m == nil {
		t.m = map[K]string{}
	} else if len(t.m) >= maxRemembered {
		clear(t.m)
	}
	t.m[k] = s
	return s
}

// writeQuoteJSON writes a quote's JSON document: the fields before the lists,
// each video and each of the month's alternatives, the fields after. It writes
// by hand what encoding/json would write for the types above (their tags are
// the schema; TestQuoteJSONStreamsExactlyWhatOneEncodeWrites holds the two to
// the same bytes), one element at a time, so a 100,000-video month never sits
// in memory as JSON. Lists are never null, so a consumer can iterate without
// checking.
func writeQuoteJSON(w *bufio.Writer, q *pricing.Quote, cu *pricing.Cure) error {
	c := q.Card
	top, tail := quoteHead(q, cu)
	j := newJSONWriter(w)
	j.beginObject()
	top.writeMembers(j)
	j.key("videos")
	j.beginArray()
	texts := newQuoteTexts(c)
	for i := range q.Videos {
		if j.err != nil {
			return j.err // the output is gone (a closed pipe, a full disk): stop writing
		}
		j.elem()
		writeVideoJSON(j, texts, &q.Videos[i])
	}
	j.endArray()
	j.key("alternatives")
	j.beginArray()
	for i := range q.Alternatives {
		j.elem()
		texts.writeAlt(j, &q.Alternatives[i])
	}
	j.endArray()
	writeDraftOptionsJSON(j, q)
	tail.writeMembers(j)
	j.endObject()
	return j.finish()
}

func (d *cardJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("name", d.Name)
	j.str("vendor", d.Vendor)
	j.str("as_of", d.AsOf)
	j.str("origin", d.Origin)
	j.str("currency", d.Currency)
	j.str("credit_name", d.CreditName)
	j.str("credit_name_plural", d.CreditNamePlural)
	j.endObject()
}

func (d *planRefJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("id", d.ID)
	j.str("name", d.Name)
	j.endObject()
}

// writeLine writes a line (lineJSON's members, in its order) from its
// feature's frame and the three values that vary: quantity, credits and
// credits_total.
func (t *quoteTexts) writeLine(j *jsonWriter, l *pricing.Line, count int) {
	k := lineKey{l.Feature, l.Slot, j.depth}
	last := &t.last[l.Slot]
	tk := lineText{k, quantityText{l.Feature, l.BilledSeconds, l.Renders, l.Languages, l.Units}, l.Credits, l.Total(count)}
	text := last.textOut
	if last.text != tk || text == "" {
		text, _ = t.lineTexts.get(tk)
	}
	if text == "" {
		start := len(j.b)
		t.writeLineFrom(j, l, k, tk.total)
		text = t.lineTexts.put(tk, string(j.b[start:]))
	} else {
		j.b = append(j.b, text...)
		j.first = false
	}
	last.text, last.textOut = tk, text
	if len(j.b) >= jsonFlushAt {
		j.flush()
	}
}

// writeLineFrom writes a line from its feature's frame and the three values
// that vary, without handing the bytes on, so writeLine can keep them.
func (t *quoteTexts) writeLineFrom(j *jsonWriter, l *pricing.Line, k lineKey, total pricing.Credits) {
	last := &t.last[l.Slot]
	fr := last.lineFr
	if last.line != k || fr == nil {
		fr = t.lines[k]
		last.line = k
	}
	if fr == nil {
		fr = t.frame(l, j.depth)
		if t.lines == nil {
			t.lines = map[lineKey]*lineFrame{}
		}
		t.lines[k] = fr
	}
	last.lineFr = fr
	j.b = append(j.b, fr.head...)
	j.b = appendJSONString(j.b, t.quantity(l), jsonPrintable)
	j.b = append(j.b, fr.mid...)
	j.depth++ // inside the line's object, past its first member
	j.first = false
	j.credit(credits(l.Credits))
	j.credits("credits_total", credits(total))
	j.depth--
	j.newline()
	j.b = append(j.b, '}')
}

// frame writes a line's fixed parts once per feature; the encoding/json
// oracle test (json_oracle_test.go) holds the whole line to lineJSON's
// encoding.
func (t *quoteTexts) frame(l *pricing.Line, depth int) *lineFrame {
	d := lineOf(l, 0, t.rate(l.Feature), "")
	s := &jsonWriter{depth: depth}
	s.beginObject()
	s.str("feature", d.Feature)
	s.str("feature_name", d.FeatureName)
	s.str("slot", d.Slot)
	s.boolean("premium", d.Premium)
	s.key("quantity")
	head := append([]byte(nil), s.b...)
	s.b = s.b[:0]
	s.str("rate", d.Rate)
	s.credits("rate_credits", d.RateCredits)
	s.str("unit", d.Unit)
	s.key("credits")
	return &lineFrame{head: head, mid: append([]byte(nil), s.b...)}
}

// writeAlt writes an alternative as altJSON.write does, from its switch's
// frame and the values that vary: the video, its index, the savings and
// the sentence (escaped once per switch and saving).
func (t *quoteTexts) writeAlt(j *jsonWriter, a *pricing.Alternative) {
	k := altFrameKey{a.From, a.To, a.Slot, j.depth}
	last := &t.last[a.Slot]
	fr := last.altFr
	if last.alt != k || fr == nil {
		fr = t.altFrames[k]
		if fr == nil {
			fr = t.altFrame(a, j.depth)
			if t.altFrames == nil {
				t.altFrames = map[altFrameKey]*altFrame{}
			}
			t.altFrames[k] = fr
		}
		last.alt, last.altFr = k, fr
	}
	if a.Reason != fr.reason { // a reason the switch did not have before: no frame
		alt := altOf(a, t.alt(a))
		alt.write(j)
		return
	}
	j.b = append(j.b, fr.head...)
	j.b = appendJSONString(j.b, a.VideoName, jsonPrintable)
	j.depth++ // inside the alternative's object, past its first member
	j.first = false
	j.integer("video_index", int64(a.Video))
	ak := altTail{fr, a.Saves, a.Each, j.depth}
	tail, ok := t.altTails.get(ak)
	if !ok {
		tk := altText{a.From, a.To, a.Saves}
		text, ok := t.altTexts.get(tk)
		if !ok {
			text = t.altTexts.put(tk, string(appendJSONString(nil, t.alt(a), jsonPrintable)))
		}
		start := len(j.b)
		j.b = append(j.b, fr.mid...)
		j.credit(credits(a.Saves))
		j.credits("saves_each", credits(a.Each))
		j.b = append(j.b, fr.tail...)
		j.b = append(j.b, text...)
		j.depth--
		j.newline()
		j.b = append(j.b, '}')
		t.altTails.put(ak, string(j.b[start:]))
	} else {
		j.b = append(j.b, tail...)
		j.depth--
	}
	if len(j.b) >= jsonFlushAt {
		j.flush()
	}
}

// altFrame writes an alternative's fixed parts with altJSON.write's own
// calls, so the two can never differ.
func (t *quoteTexts) altFrame(a *pricing.Alternative, depth int) *altFrame {
	d := altOf(a, "")
	s := &jsonWriter{depth: depth}
	s.beginObject()
	s.key("video")
	head := append([]byte(nil), s.b...)
	s.b = s.b[:0]
	s.str("slot", d.Slot)
	s.str("from", d.From)
	s.str("with", d.With)
	s.key("saves")
	mid := append([]byte(nil), s.b...)
	s.b = s.b[:0]
	s.str("reason", d.Reason)
	s.key("text")
	return &altFrame{head: head, mid: mid, tail: append([]byte(nil), s.b...), reason: a.Reason}
}

func (d *altJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("video", d.Video)
	j.integer("video_index", int64(d.VideoIndex))
	j.str("slot", d.Slot)
	j.str("from", d.From)
	j.str("with", d.With)
	j.credits("saves", d.Saves)
	j.credits("saves_each", d.SavesEach)
	j.str("reason", d.Reason)
	j.str("text", d.Text)
	j.endObject()
}

// writeVideoJSON writes one video's entry (videoJSON) as each of its lines
// and alternatives is made, without holding them.
func writeVideoJSON(j *jsonWriter, texts *quoteTexts, vq *pricing.VideoQuote) {
	d := videoHeadOf(vq, texts.length(vq.Video.Seconds))
	j.beginObject()
	j.str("name", d.Name)
	// From count to the lines' opening bracket the text depends on five
	// numbers a month repeats: kept per document and copied.
	hk := videoHead{d.Count, d.Seconds, d.Each, d.PremiumCredits, j.depth}
	if head, ok := texts.heads.get(hk); ok {
		j.b = append(j.b, head...)
		j.depth++
		j.first = true
	} else {
		start := len(j.b)
		j.integer("count", int64(d.Count))
		j.str("length", d.Length)
		j.integer("seconds", int64(d.Seconds))
		j.credits("each", d.Each)
		j.credits("premium_credits", d.PremiumCredits)
		j.key("lines")
		j.beginArray()
		texts.heads.put(hk, string(j.b[start:]))
	}
	for i := range vq.Lines {
		j.elem()
		l := &vq.Lines[i]
		texts.writeLine(j, l, d.Count)
	}
	j.endArray()
	j.key("alternatives")
	j.beginArray()
	for i := range vq.Alternatives {
		j.elem()
		texts.writeAlt(j, &vq.Alternatives[i])
	}
	j.endArray()
	writeScriptJSON(j, texts.card, vq.Video)
	j.endObject()
}

func (d *packJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("id", d.ID)
	j.str("name", d.Name)
	j.integer("count", d.Count)
	j.credits("credits_each", d.Credits)
	j.money("price_each", d.Price)
	j.endObject()
}

func (d *topUpJSON) write(j *jsonWriter) {
	j.beginObject()
	j.key("packs")
	if d.Packs == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.beginArray()
		for i := range d.Packs {
			j.elem()
			d.Packs[i].write(j)
		}
		j.endArray()
	}
	j.credits("credits", d.Credits)
	j.money("cost", d.Cost)
	j.str("text", d.Text)
	j.endObject()
}

func (d *upgradeJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("id", d.ID)
	j.str("name", d.Name)
	j.credits("credits", d.Credits)
	j.money("price", d.Price)
	j.endObject()
}

// writeMembers writes the quote's fields before the lists into the open object.
func (d *quoteTop) writeMembers(j *jsonWriter) {
	writeMonthHead(j, &d.Card, &d.Plan, d.CanMake, d.Blocked, &d.salesDoc)
	j.str("billing", d.Billing)
	j.credits("balance", d.Balance)
	j.credits("premium_credits", d.PremiumCredits)
	j.credits("remaining", d.Remaining)
	j.credits("short", d.Short)
	j.boolean("fits", d.Fits)
	j.str("message", d.Message)
	j.moneyPtr("cost", d.Cost)
	j.boolean("contact_sales", d.ContactSales)
	j.integer("copies", d.Copies)
	j.integer("finished_seconds", d.FinishedSeconds)
	if d.RunsOutAt == nil {
		j.null("runs_out_at")
	} else {
		j.integer("runs_out_at", *d.RunsOutAt)
	}
}

// writeMembers writes the quote's fields after the lists into the open object.
func (d *quoteTail) writeMembers(j *jsonWriter) {
	optional(j, "top_up", d.TopUp)
	optional(j, "upgrade", d.Upgrade)
	j.key("cures")
	j.beginArray()
	for i := range d.Cures {
		j.elem()
		d.Cures[i].write(j)
	}
	j.endArray()
	if d.Recommended == nil {
		j.null("recommended")
	} else {
		j.key("recommended")
		d.Recommended.write(j)
	}
	d.writeOneTimeMembers(j)
}

func (d *cureJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("kind", d.Kind)
	j.str("action", d.Action)
	j.key("plan")
	d.Plan.write(j)
	j.str("billing", d.Billing)
	if d.TopUp == nil {
		j.null("top_up")
	} else {
		j.key("top_up")
		d.TopUp.write(j)
	}
	j.money("total", d.Total)
	j.str("text", d.Text)
	j.endObject()
}

type planJSON struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Fits           bool       `json:"fits"`
	PremiumCredits credits    `json:"premium_credits"`
	PlanCredits    credits    `json:"plan_credits"`
	Remaining      credits    `json:"remaining"`
	Short          credits    `json:"short"`
	TopUp          *topUpJSON `json:"top_up"`
	// The costs are null for a contact-sales plan: it has no public price, and 0 would read as free.
	TotalCost          *money   `json:"total_cost"`
	MonthlyBillingCost *money   `json:"monthly_billing_cost"`
	AnnualBillingCost  *money   `json:"annual_billing_cost"`
	PerFinishedMinute  *money   `json:"per_finished_minute"`
	ContactSales       bool     `json:"contact_sales"`
	Usable             bool     `json:"usable"`
	Blocked            []string `json:"blocked"`
	Recommended        bool     `json:"recommended"`
	// OneTime (with its totals) and Budget are there only when the month
	// has one-time charges or a budget (onetime.go).
	OneTime          []oneTimeJSON `json:"one_time,omitempty"`
	OneTimeTotal     *money        `json:"one_time_total,omitempty"`
	TotalWithOneTime *money        `json:"total_with_one_time,omitempty"`
	Budget           *budgetJSON   `json:"budget,omitempty"`
}

type compareDoc struct {
	Card cardJSON `json:"card"`
	salesDoc
	Billing         string     `json:"billing"`
	PremiumCredits  credits    `json:"premium_credits"`
	FinishedSeconds int64      `json:"finished_seconds"`
	Plans           []planJSON `json:"plans"`
	Recommended     *string    `json:"recommended"`
	// RightSize is set by WriteComparison (the compare command): the cheapest
	// way to make the month over plans and billings, and the break-evens.
	RightSize *rightSizeDoc `json:"right_size,omitempty"`
	// AsPlanned and Scenarios are set for a project with [[scenarios]]
	// (WriteComparisonScenarios): the month as planned, then each scenario.
	AsPlanned *scenarioJSON  `json:"as_planned,omitempty"`
	Scenarios []scenarioJSON `json:"scenarios,omitempty"`
}

func moneyPtr(m pricing.Money) *money {
	v := money(m)
	return &v
}

func compareJSON(cmp *pricing.Comparison) *compareDoc {
	c := cmp.Card
	d := &compareDoc{Card: cardOf(c), Billing: cmp.Billing.Key(), PremiumCredits: credits(cmp.Premium),
		FinishedSeconds: cmp.FinishedSeconds, Plans: make([]planJSON, len(cmp.Options))}
	d.salesDoc = salesOf(c, allPlans(c)...)
	if cmp.Recommended != "" {
		id := cmp.Recommended
		d.Recommended = &id
	}
	for i := range cmp.Options {
		o := &cmp.Options[i]
		pj := planJSON{
			ID: o.Plan.ID, Name: o.Plan.Name, Fits: o.Fits, PremiumCredits: credits(o.Premium),
			PlanCredits: credits(o.Plan.Credits), Remaining: credits(o.Remaining), Short: credits(o.Short),
			TopUp: topUpOf(c, o.TopUp), ContactSales: o.Plan.ContactSales, Usable: o.Usable(),
			Blocked: nonNil(o.Blocked), Recommended: o.Recommended,
		}
		if !o.Plan.ContactSales {
			pj.TotalCost = moneyPtr(o.Total)
			pj.MonthlyBillingCost = moneyPtr(o.MonthlyTotal)
			pj.AnnualBillingCost = moneyPtr(o.AnnualTotal)
			if cmp.FinishedSeconds > 0 {
				pj.PerFinishedMinute = moneyPtr(o.PerMinute)
			}
		}
		addOneTimePlan(c, o, &pj)
		d.Plans[i] = pj
	}
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeJSON writes one indented document; HTML escaping is off so names and
// "×" read as written.
func writeJSON(w *bufio.Writer, doc any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// optional writes an object member that may be absent: null for a nil v.
func optional[T any, P interface {
	*T
	write(*jsonWriter)
}](j *jsonWriter, name string, v P) {
	if v == nil {
		j.null(name)
		return
	}
	j.key(name)
	v.write(j)
}

// writeMonthHead writes the members every month's document starts with: the
// card, the plan, and whether the plan can make the month and why not.
func writeMonthHead(j *jsonWriter, card *cardJSON, plan *planRefJSON, canMake bool, blocked []string, sales *salesDoc) {
	j.key("card")
	card.write(j)
	j.key("plan")
	plan.write(j)
	j.boolean("can_make", canMake)
	j.strings("blocked", blocked)
	sales.write(j)
}
