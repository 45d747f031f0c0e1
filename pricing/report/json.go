package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"

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

// quoteDoc is a quote's JSON document. It is three parts, so that
// writeQuoteJSON can stream the two long lists between the head's fields and
// the tail's; encoding/json writes an embedded struct's fields in its place,
// so encoding a quoteDoc whole gives the same keys in the same order.
type quoteDoc struct {
	quoteTop
	Videos       []videoJSON `json:"videos"`
	Alternatives []altJSON   `json:"alternatives"`
	quoteTail
}

// quoteTop is the quote's fields before the lists.
type quoteTop struct {
	Card            cardJSON    `json:"card"`
	Plan            planRefJSON `json:"plan"`
	Billing         string      `json:"billing"`
	Balance         credits     `json:"balance"`
	PremiumCredits  credits     `json:"premium_credits"`
	Remaining       credits     `json:"remaining"`
	Short           credits     `json:"short"`
	Fits            bool        `json:"fits"`
	Message         string      `json:"message"`
	Cost            *money      `json:"cost"`
	ContactSales    bool        `json:"contact_sales"`
	Copies          int64       `json:"copies"`
	FinishedSeconds int64       `json:"finished_seconds"`
	RunsOutAt       *int64      `json:"runs_out_at"`
}

// quoteTail is the quote's fields after the lists.
type quoteTail struct {
	Blocked []string     `json:"blocked"`
	TopUp   *topUpJSON   `json:"top_up"`
	Upgrade *upgradeJSON `json:"upgrade"`
}

func altOf(c *pricing.RateCard, a pricing.Alternative) altJSON {
	return altJSON{
		Video: a.VideoName, VideoIndex: a.Video, Slot: a.Slot.Key(), From: a.From.ID, With: a.To.ID,
		Saves: credits(a.Saves), SavesEach: credits(a.Each), Reason: a.Reason, Text: a.Text(c),
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

// quoteJSON turns a quote into its JSON document; lists are never null so a
// consumer can iterate without checking.
func quoteJSON(q *pricing.Quote) *quoteDoc {
	c := q.Card
	top, tail := quoteHead(q)
	d := &quoteDoc{quoteTop: top, quoteTail: tail, Videos: make([]videoJSON, len(q.Videos)),
		Alternatives: make([]altJSON, len(q.Alternatives))}
	for i := range q.Videos {
		d.Videos[i] = videoOf(c, &q.Videos[i])
	}
	for i, a := range q.Alternatives {
		d.Alternatives[i] = altOf(c, a)
	}
	return d
}

// quoteHead is the quote's document without its two long lists: the fields
// before them and the fields after.
func quoteHead(q *pricing.Quote) (quoteTop, quoteTail) {
	c := q.Card
	d := quoteTop{
		Card: cardOf(c), Plan: planRefJSON{q.Plan.ID, q.Plan.Name}, Billing: q.Billing.Key(),
		Balance: credits(q.Balance), PremiumCredits: credits(q.Premium), Remaining: credits(q.Remaining),
		Short: credits(q.Short), Fits: q.Fits, Message: q.Message(), ContactSales: q.Plan.ContactSales,
		Copies: q.Copies, FinishedSeconds: q.FinishedSeconds,
	}
	tail := quoteTail{Blocked: nonNil(q.Blocked), TopUp: topUpOf(c, q.TopUp)}
	if !q.Plan.ContactSales {
		cost := money(q.Cost)
		d.Cost = &cost
	}
	if q.RunsOutAt > 0 {
		at := q.RunsOutAt
		d.RunsOutAt = &at
	}
	if q.Upgrade != nil {
		tail.Upgrade = &upgradeJSON{ID: q.Upgrade.ID, Name: q.Upgrade.Name, Credits: credits(q.Upgrade.Credits),
			Price: money(q.Upgrade.Price(q.Billing))}
	}
	return d, tail
}

// videoOf is one video's entry in a quote's JSON.
func videoOf(c *pricing.RateCard, vq *pricing.VideoQuote) videoJSON {
	v := vq.Video
	vj := videoJSON{
		Name: v.Name, Count: v.Count, Length: pricing.FormatLength(v.Seconds), Seconds: v.Seconds,
		Each: credits(vq.Each), PremiumCredits: credits(vq.Credits),
		Lines: make([]lineJSON, len(vq.Lines)), Alternatives: make([]altJSON, len(vq.Alternatives)),
	}
	for j, l := range vq.Lines {
		f := l.Feature
		vj.Lines[j] = lineJSON{
			Feature: f.ID, FeatureName: f.Name, Slot: l.Slot.Key(), Premium: l.Premium(),
			Quantity: l.Quantity(), Rate: f.RateText(), RateCredits: credits(f.Rate), Unit: f.Unit.Key(),
			Credits: credits(l.Credits), CreditsTotal: credits(l.Total(v.Count)),
		}
	}
	for j, a := range vq.Alternatives {
		vj.Alternatives[j] = altOf(c, a)
	}
	return vj
}

// writeQuoteJSON writes exactly what writeJSON(quoteJSON(q)) would, but encodes
// the videos and the month's alternatives one element at a time: a 10,000-video
// month is 32 MB of JSON, and encoding it as one value builds and re-indents it
// all in memory (hundreds of MB). It writes the head's fields, then each list,
// then the tail's fields, every value by encoding/json. Nothing is searched
// for in the encoded text (no placeholder), so no name, whatever it holds, can
// move a list: the only cuts are the braces encoding/json puts around the head
// and the tail.
func writeQuoteJSON(w *bufio.Writer, q *pricing.Quote) error {
	c := q.Card
	top, tail := quoteHead(q)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	w.WriteString("{\n")
	if err := writeMembers(w, enc, &buf, top); err != nil {
		return err
	}
	elemEnc := json.NewEncoder(&buf)
	elemEnc.SetEscapeHTML(false)
	elemEnc.SetIndent("    ", "  ") // a top-level list's elements sit two levels in
	lists := []struct {
		key string
		n   int
		of  func(i int) any
	}{
		{`"videos"`, len(q.Videos), func(i int) any { return videoOf(c, &q.Videos[i]) }},
		{`"alternatives"`, len(q.Alternatives), func(i int) any { return altOf(c, q.Alternatives[i]) }},
	}
	for _, l := range lists {
		w.WriteString(",\n  " + l.key + ": ")
		if l.n == 0 {
			w.WriteString("[]")
			continue
		}
		w.WriteString("[\n")
		for i := range l.n {
			buf.Reset()
			if err := elemEnc.Encode(l.of(i)); err != nil {
				return err
			}
			w.WriteString("    ")
			w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
			if i < l.n-1 {
				w.WriteString(",\n")
			} else {
				w.WriteString("\n")
			}
		}
		w.WriteString("  ]")
	}
	w.WriteString(",\n")
	if err := writeMembers(w, enc, &buf, tail); err != nil {
		return err
	}
	_, err := w.WriteString("\n}\n")
	return err
}

// writeMembers writes the members of the object v encodes to, without its
// braces: enc (indenting by two spaces, writing into buf) encodes an object of
// at least one member as "{\n", the members, "\n}\n".
func writeMembers(w *bufio.Writer, enc *json.Encoder, buf *bytes.Buffer, v any) error {
	buf.Reset()
	if err := enc.Encode(v); err != nil {
		return err
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("{\n")) || !bytes.HasSuffix(b, []byte("\n}\n")) || len(b) < 6 {
		return fmt.Errorf("report: %T did not encode as an indented object", v)
	}
	_, err := w.Write(b[2 : len(b)-3])
	return err
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
}

type compareDoc struct {
	Card            cardJSON   `json:"card"`
	Billing         string     `json:"billing"`
	PremiumCredits  credits    `json:"premium_credits"`
	FinishedSeconds int64      `json:"finished_seconds"`
	Plans           []planJSON `json:"plans"`
	Recommended     *string    `json:"recommended"`
	// RightSize is set by WriteComparison (the compare command): the cheapest
	// way to make the month over plans and billings, and the break-evens.
	RightSize *rightSizeDoc `json:"right_size,omitempty"`
}

func moneyPtr(m pricing.Money) *money {
	v := money(m)
	return &v
}

func compareJSON(cmp *pricing.Comparison) *compareDoc {
	c := cmp.Card
	d := &compareDoc{Card: cardOf(c), Billing: cmp.Billing.Key(), PremiumCredits: credits(cmp.Premium),
		FinishedSeconds: cmp.FinishedSeconds, Plans: make([]planJSON, len(cmp.Options))}
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
