package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"creditplan/pricing"
)

// WriteFit writes the fitter's answer: what the month spends as planned and
// after the changes, each change with its saving and the premium minutes it
// gives up, and, when nothing fits, the top-up or plan that would.
func WriteFit(w io.Writer, r *pricing.FitResult, f Format) error {
	if r == nil {
		return fmt.Errorf("no fit to write")
	}
	return write(w, f, writers{
		text: func(b *bufio.Writer, width int) {
			writeFitText(b, r, width)
			writeEstimatesText(b, r.Card, r.Plan)
		},
		jsonTo: func(b *bufio.Writer) error { return writeFitJSON(b, r) },
		markdown: func(b *bufio.Writer) {
			writeFitMarkdown(b, r)
			writeEstimatesMarkdown(b, r.Card, r.Plan)
		},
		csv: func(b *bufio.Writer) error { return writeFitCSV(b, r) },
	})
}

// premiumMinutes writes a premium value (weighted premium seconds) as minutes
// to a tenth, rounded half up, the whole minutes grouped as every count a
// person reads: "52.5", "2,880".
func premiumMinutes(v int64) string { return minutesText(v, true) }

// premiumMinutesPlain is premiumMinutes without grouping, for CSV: "2880".
func premiumMinutesPlain(v int64) string { return minutesText(v, false) }

func minutesText(v int64, grouped bool) string {
	tenths := (v*10 + 30) / 60
	if v < 0 {
		tenths = -((-v*10 + 30) / 60)
	}
	s := strconv.FormatInt(tenths/10, 10)
	if grouped {
		s = pricing.Count(tenths / 10)
	}
	if tenths < 0 && tenths/10 == 0 {
		s = "-0"
	}
	if d := abs64(tenths % 10); d != 0 {
		s += "." + strconv.FormatInt(d, 10)
	}
	return s
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// percentKept is the share of premium value kept, in whole percent rounded
// down (so 99.9% is never shown as 100%); "100" when there was nothing to keep.
func percentKept(r *pricing.FitResult) string {
	if r.ValueBefore <= 0 {
		return "100"
	}
	return strconv.FormatInt(r.ValueKept*100/r.ValueBefore, 10)
}

// billed words a billing for sentences: "monthly", "annually".
func billed(b pricing.Billing) string {
	if b == pricing.Annual {
		return "annually"
	}
	return "monthly"
}

// changeLabel is a change's "from -> to" for tables.
func changeLabel(ch *pricing.FitChange) string {
	if ch.Draft != nil {
		return pricing.Plural(ch.RerendersFrom, "re-render") + " in " + ch.From.Name + " → " + pricing.Plural(ch.Draft.Drafts, "draft") + " at " + ch.To.Name
	}
	if ch.Rerenders {
		return "re-renders " + pricing.Count(ch.RerendersFrom) + " → " + pricing.Count(ch.RerendersTo)
	}
	return ch.From.Name + " → " + ch.To.Name
}

// balanceAfter is the sentence under the totals: "10 left" or "50 short".
func balanceWord(r *pricing.FitResult, use pricing.Credits) string {
	b := max(r.Balance, 0)
	if use <= b {
		return (b - use).Grouped() + " left"
	}
	return (use - b).Grouped() + " short"
}

// fitVerdict says in one sentence where the month stands; a plan that no
// substitution cures is said first, before what the changes do for its
// credits.
func fitVerdict(r *pricing.FitResult) string {
	if len(r.Blocked) > 0 {
		return blockedFitVerdict(r)
	}
	switch {
	case r.FitsBefore && len(r.Changes) == 0:
		return AlreadyFits
	case r.FitsBefore:
		return "The month's credits already fit; " + fitsBeforeChanges(r) + "."
	case r.Fits:
		return fmt.Sprintf("%s bring%s the month within the balance, keeping %s%% of its premium value.",
			pricing.Plural(len(r.Changes), "change"), sIfOne(len(r.Changes)), percentKept(r))
	}
	return "Nothing fits, even with every substitution: still " + r.Card.CreditWord(r.Short) + " short."
}

// blockedFitVerdict is the verdict of a fit whose plan still cannot make the
// month: it says so first, then what the changes do for its credits, never
// that they "bring the month within the balance". The reasons follow it
// (FitStillBlocked), so the sentence stays short enough for one line.
func blockedFitVerdict(r *pricing.FitResult) string {
	head := r.Plan.Name + " cannot make this month: "
	n := len(r.Changes)
	switch {
	case r.FitsBefore && n == 0:
		return head + "its credits already fit, but no substitution cures what blocks it."
	case r.FitsBefore:
		return head + fitsBeforeChanges(r) + ", but none cures what still blocks it."
	case r.Fits:
		return head + fmt.Sprintf("%s bring%s its credits within the balance (keeping %s%% of their premium value), but none cures what still blocks it.",
			pricing.Plural(n, "change"), sIfOne(n), percentKept(r))
	}
	return head + "even with every substitution its credits are " + r.Card.CreditWord(r.Short) + " short, and none cures what blocks it."
}

// fitsBeforeChanges says what the changes of a month that already fits do:
// replace choices the plan cannot make, and render re-renders as review
// drafts, which saves credits and gives up nothing.
func fitsBeforeChanges(r *pricing.FitResult) string {
	drafts := 0
	var saves pricing.Credits
	for i := range r.Changes {
		if r.Changes[i].Draft != nil {
			drafts++
			saves += r.Changes[i].Saves
		}
	}
	forced := len(r.Changes) - drafts
	var parts []string
	if forced > 0 {
		parts = append(parts, fmt.Sprintf("%s replace%s choices %s cannot make", pricing.Plural(forced, "change"), sIfOne(forced), r.Plan.Name))
	}
	if drafts > 0 {
		parts = append(parts, fmt.Sprintf("review drafts instead of re-renders save %s and give up nothing", r.Card.CreditWord(saves)))
	}
	return strings.Join(parts, ", and ")
}

func sIfOne(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

// fitRemedies lists what covers a month that cannot be fitted.
func fitRemedies(r *pricing.FitResult) []string {
	c := r.Card
	var out []string
	if r.CanTopUp {
		out = append(out, "Top-up: "+r.TopUp.Describe(c))
	} else {
		out = append(out, "Top-up: "+r.Plan.Name+" sells none")
	}
	if r.Upgrade != nil {
		out = append(out, "Plan: "+r.Upgrade.Name+" ("+c.CreditWord(r.Upgrade.Credits)+", "+
			c.PriceLabel(r.Upgrade, r.Billing)+" a month billed "+billed(r.Billing)+") fits it with its own substitutions")
	} else {
		out = append(out, "Plan: no other plan's credits cover it")
	}
	return out
}

func writeFitText(w *bufio.Writer, r *pricing.FitResult, width int) {
	c := r.Card
	w.WriteString("Rate card: " + cardLine(c) + "\n")
	writeSalesText(w, c)
	w.WriteString(safe("Fit to budget on "+r.Plan.Name+" ("+r.Plan.ID+"), balance "+c.CreditWord(r.Balance)) + "\n\n")
	g := aligner{limit: width, headless: true}
	g.reset(false, true, false)
	g.add("As planned", r.Before.Grouped(), balanceWord(r, r.Before))
	g.add("After changes", r.After.Grouped(), balanceWord(r, r.After))
	writeTable(&g, w, "")
	w.WriteString(FitValueKept(r) + "\n")
	w.WriteString(safe(fitVerdict(r)) + "\n")
	for _, l := range moneyFitLines(c, r.Money) {
		w.WriteString(safe(l) + "\n")
	}
	if !r.Exact {
		w.WriteString(FitApproximateNote(r) + "\n")
	}
	// What no substitution cures follows the verdict that says so, before
	// the changes and what they save.
	if len(r.Blocked) > 0 {
		w.WriteString("\n" + safe(FitStillBlocked(r)) + "\n")
		for _, b := range r.Blocked {
			w.WriteString("  " + safe(b) + "\n")
		}
	}
	if len(r.Changes) > 0 {
		w.WriteString("\nChanges:\n")
		g.headless = false
		g.reset(true, false, false, true, true)
		g.add("#", "Video", "Change", "Saves", "Premium min lost")
		g.grow(len(r.Changes))
		// A big month's changes repeat a few labels, savings and losses on
		// every row: each text is made once.
		labels := map[[2]*pricing.Feature]string{}
		saves := map[pricing.Credits]string{}
		lost := map[int64]string{}
		for i := range r.Changes {
			ch := &r.Changes[i]
			label := ""
			if ch.Rerenders {
				label = changeLabel(ch)
			} else {
				label = memo(labels, [2]*pricing.Feature{ch.From, ch.To}, func() string { return changeLabel(ch) })
			}
			g.add(countText(i+1), ch.VideoName, label, memo(saves, ch.Saves, ch.Saves.Grouped),
				memo(lost, ch.ValueLost, func() string { return premiumMinutes(ch.ValueLost) }))
		}
		writeTable(&g, w, "  ")
		for i := range r.Changes {
			if r.Changes[i].Reason != "" {
				w.WriteString("\nWhy these will do:\n")
				break
			}
		}
		seen := map[string]bool{}
		for i := range r.Changes {
			ch := &r.Changes[i]
			if ch.Reason == "" || seen[ch.To.ID] {
				continue
			}
			seen[ch.To.ID] = true
			w.WriteString("  " + safe(ch.To.Name+": "+ch.Reason) + "\n")
		}
	}
	if !r.Fits {
		w.WriteString("\n" + FitToCover(r) + "\n")
		for _, s := range fitRemedies(r) {
			w.WriteString("  " + safe(s) + "\n")
		}
	}
	w.WriteString("\n" + safe(c.UpfrontMessage(r.After, r.Balance)) + "\n")
}

func writeFitMarkdown(w *bufio.Writer, r *pricing.FitResult) {
	c := r.Card
	w.WriteString("# Fit to budget: " + md(r.Plan.Name) + "\n\n")
	w.WriteString("Rate card: **" + md(c.Name) + "**, as of " + c.AsOf + " (" + md(c.Origin) + ")  \n")
	writeSalesMarkdown(w, c)
	w.WriteString("Balance: " + md(c.CreditWord(r.Balance)) + "\n\n")
	w.WriteString("**" + md(fitVerdict(r)) + "**\n\n")
	if lines := moneyFitLines(c, r.Money); len(lines) > 0 {
		w.WriteString("## Budget in money\n\n")
		for _, l := range lines {
			w.WriteString("- " + md(l) + "\n")
		}
		w.WriteString("\n")
	}
	if !r.Exact {
		w.WriteString("_" + md(FitApproximateNote(r)) + "_\n\n")
	}
	if len(r.Blocked) > 0 {
		w.WriteString("## Still blocked on " + md(r.Plan.Name) + "\n\n")
		for _, b := range r.Blocked {
			w.WriteString("- " + md(b) + "\n")
		}
		w.WriteString("\n")
	}
	row(w, "", "Premium credits", "Balance", "Weighted premium minutes")
	row(w, "---", "---:", "---:", "---:")
	row(w, "As planned", r.Before.Grouped(), balanceWord(r, r.Before), premiumMinutes(r.ValueBefore))
	row(w, "After changes", r.After.Grouped(), balanceWord(r, r.After), premiumMinutes(r.ValueKept))
	w.WriteString("\n")
	if len(r.Changes) > 0 {
		w.WriteString("## Changes\n\n")
		row(w, "#", "Video", "Change", "Saves", "Premium min lost", "Why it will do")
		row(w, "---:", "---", "---", "---:", "---:", "---")
		for i := range r.Changes {
			ch := &r.Changes[i]
			row(w, pricing.Count(i+1), md(ch.VideoName), md(changeLabel(ch)), ch.Saves.Grouped(),
				premiumMinutes(ch.ValueLost), md(ch.Reason))
		}
		w.WriteString("\n")
	}
	if !r.Fits {
		w.WriteString("## Covering the " + r.Short.Grouped() + " still short\n\n")
		for _, s := range fitRemedies(r) {
			w.WriteString("- " + md(s) + "\n")
		}
		w.WriteString("\n")
	}
	w.WriteString(md(c.UpfrontMessage(r.After, r.Balance)) + "\n")
}

// fitCSVHeader names the columns of a fit: one row per change.
var fitCSVHeader = []string{"video", "video_index", "kind", "slot", "from", "to", "rerenders_from", "rerenders_to",
	"saves", "value_lost", "premium_minutes_lost", "reason", "blocked"}

// writeFitCSV writes a header row and one row per change, nothing else, so
// every row has the same shape; the totals are in the other formats. Each row
// carries what still blocks the plan ("blocked", reasons joined by "; ",
// empty when nothing does), so no row reads as a month the plan can make.
func writeFitCSV(w *bufio.Writer, r *pricing.FitResult) error {
	header := fitCSVHeader
	if r.Money != nil {
		header = append(append([]string{}, header...), moneyFitCSVColumns...)
	}
	cw, err := newCSV(w, r.Card, header, r.Plan)
	if err != nil {
		return err
	}
	blocked := strings.Join(r.Blocked, "; ")
	for i := range r.Changes {
		ch := &r.Changes[i]
		rec := []string{ch.VideoName, strconv.Itoa(ch.Video), "feature", ch.Slot.Key(), "", "", "", "",
			ch.Saves.String(), strconv.FormatInt(ch.ValueLost, 10), premiumMinutesPlain(ch.ValueLost), ch.Reason, blocked}
		if ch.Draft != nil {
			rec[2] = "drafts"
			rec[4], rec[5] = ch.From.ID, ch.To.ID
			rec[6], rec[7] = strconv.Itoa(ch.RerendersFrom), strconv.Itoa(ch.RerendersTo)
		} else if ch.Rerenders {
			rec[2], rec[3] = "rerenders", ""
			rec[6], rec[7] = strconv.Itoa(ch.RerendersFrom), strconv.Itoa(ch.RerendersTo)
		} else {
			rec[4], rec[5] = ch.From.ID, ch.To.ID
		}
		if r.Money != nil {
			rec = append(rec, moneyFitCSVCells(r.Card, r.Money)...)
		}
		if err := cw.row(rec...); err != nil {
			return err
		}
	}
	return cw.end()
}

type fitChangeJSON struct {
	Video      string `json:"video"`
	VideoIndex int    `json:"video_index"`
	// Kind is "feature" (a slot switched: slot, from, to), "rerenders"
	// (rerenders_from, rerenders_to) or "drafts" (the re-renders rendered as
	// review drafts at the resolution to instead of from: slot,
	// from, to, rerenders_from, rerenders_to, drafts).
	Kind          string  `json:"kind"`
	Slot          string  `json:"slot,omitempty"`
	From          string  `json:"from,omitempty"`
	To            string  `json:"to,omitempty"`
	RerendersFrom *int    `json:"rerenders_from,omitempty"`
	RerendersTo   *int    `json:"rerenders_to,omitempty"`
	Drafts        *int    `json:"drafts,omitempty"`
	Saves         credits `json:"saves"`
	ValueLost     int64   `json:"value_lost"`
	Reason        string  `json:"reason"`
	Text          string  `json:"text"`
}

type fitDoc struct {
	Card cardJSON    `json:"card"`
	Plan planRefJSON `json:"plan"`
	// CanMake is false when something still rules the plan out once the
	// changes are made; Blocked says what (a video longer than the plan
	// allows, a feature it lacks with no alternative it offers). Credits
	// fitting (fits) does not make the month possible on its own, so both
	// come first.
	CanMake bool     `json:"can_make"`
	Blocked []string `json:"blocked"`
	salesDoc
	Balance    credits `json:"balance"`
	Before     credits `json:"premium_credits_before"`
	After      credits `json:"premium_credits"`
	FitsBefore bool    `json:"fits_before"`
	Fits       bool    `json:"fits"`
	Remaining  credits `json:"remaining"`
	Short      credits `json:"short"`
	Message    string  `json:"message"`
	// Values are weighted premium seconds: length × weight (× languages for
	// per-language features) × copies, summed over kept premium features.
	ValueUnit   string `json:"value_unit"`
	ValueBefore int64  `json:"value_before"`
	ValueKept   int64  `json:"value_kept"`
	ValueLost   int64  `json:"value_lost"`
	Exact       bool   `json:"exact"`
	// ApproximateReason is why an approximate fit is not exact
	// (pricing.FitApproximation's words: "table too large", "options
	// thinned", or both joined by " and "); null for an exact fit.
	ApproximateReason *string         `json:"approximate_reason"`
	Changes           []fitChangeJSON `json:"changes"`
	TopUp             *topUpJSON      `json:"top_up"`
	Upgrade           *upgradeJSON    `json:"upgrade"`
	// MoneyBudget is the fit to a budget in money, only when the month has one.
	MoneyBudget *moneyFitJSON `json:"money_budget,omitempty"`
}

func fitJSON(r *pricing.FitResult) *fitDoc {
	c := r.Card
	d := &fitDoc{
		Card: cardOf(c), Plan: planRefJSON{r.Plan.ID, r.Plan.Name}, CanMake: len(r.Blocked) == 0,
		Blocked: append([]string{}, r.Blocked...), Balance: credits(r.Balance),
		Before: credits(r.Before), After: credits(r.After), FitsBefore: r.FitsBefore, Fits: r.Fits,
		Short: credits(r.Short), Message: c.UpfrontMessage(r.After, r.Balance),
		ValueUnit: "weighted premium seconds", ValueBefore: r.ValueBefore, ValueKept: r.ValueKept, ValueLost: r.ValueLost,
		Exact: r.Exact, Changes: make([]fitChangeJSON, len(r.Changes)),
	}
	d.salesDoc = salesOf(c, r.Plan)
	if !r.Exact {
		reason := r.ApproximateReason.String()
		d.ApproximateReason = &reason
	}
	if r.Fits {
		d.Remaining = credits(max(r.Balance, 0) - r.After)
	}
	if r.CanTopUp {
		d.TopUp = topUpOf(c, r.TopUp)
	}
	if r.Upgrade != nil {
		d.Upgrade = &upgradeJSON{ID: r.Upgrade.ID, Name: r.Upgrade.Name, Credits: credits(r.Upgrade.Credits),
			Price: money(r.Upgrade.Price(r.Billing))}
	}
	for i := range r.Changes {
		d.Changes[i] = fitChangeOf(c, &r.Changes[i])
	}
	d.MoneyBudget = moneyFitOf(c, r.Money)
	return d
}

// fitChangeOf is one change's entry.
func fitChangeOf(c *pricing.RateCard, ch *pricing.FitChange) fitChangeJSON {
	j := fitChangeJSON{Video: ch.VideoName, VideoIndex: ch.Video, Kind: "feature", Saves: credits(ch.Saves),
		ValueLost: ch.ValueLost, Reason: ch.Reason, Text: ch.Text(c)}
	if ch.Draft != nil {
		from, to, drafts := ch.RerendersFrom, ch.RerendersTo, ch.Draft.Drafts
		j.Kind, j.RerendersFrom, j.RerendersTo, j.Drafts = "drafts", &from, &to, &drafts
		j.Slot, j.From, j.To = ch.Slot.Key(), ch.From.ID, ch.To.ID
	} else if ch.Rerenders {
		from, to := ch.RerendersFrom, ch.RerendersTo
		j.Kind, j.RerendersFrom, j.RerendersTo = "rerenders", &from, &to
	} else {
		j.Slot, j.From, j.To = ch.Slot.Key(), ch.From.ID, ch.To.ID
	}
	return j
}

// writeFitJSON streams fitJSON's document with the jsonWriter, a change at a
// time: a 100,000-video fit has hundreds of thousands of changes, which
// encoding/json would hold, and re-read, in memory. fitJSON is its oracle
// (TestFitJSONStreamsWhatEncodingJSONWrites).
func writeFitJSON(w *bufio.Writer, r *pricing.FitResult) error {
	c := r.Card
	changes := r.Changes
	head := *r
	head.Changes = nil
	d := fitJSON(&head)
	j := newJSONWriter(w)
	j.beginObject()
	writeMonthHead(j, &d.Card, &d.Plan, d.CanMake, d.Blocked, &d.salesDoc)
	j.credits("balance", d.Balance)
	j.credits("premium_credits_before", d.Before)
	j.credits("premium_credits", d.After)
	j.boolean("fits_before", d.FitsBefore)
	j.boolean("fits", d.Fits)
	j.credits("remaining", d.Remaining)
	j.credits("short", d.Short)
	j.str("message", d.Message)
	j.str("value_unit", d.ValueUnit)
	j.integer("value_before", d.ValueBefore)
	j.integer("value_kept", d.ValueKept)
	j.integer("value_lost", d.ValueLost)
	j.boolean("exact", d.Exact)
	if d.ApproximateReason == nil {
		j.null("approximate_reason")
	} else {
		j.str("approximate_reason", *d.ApproximateReason)
	}
	j.key("changes")
	j.beginArray()
	for i := range changes {
		if j.err != nil {
			return j.err // the output is gone: stop writing
		}
		j.elem()
		ch := fitChangeOf(c, &changes[i])
		ch.write(j)
	}
	j.endArray()
	optional(j, "top_up", d.TopUp)
	optional(j, "upgrade", d.Upgrade)
	if d.MoneyBudget != nil {
		j.key("money_budget")
		d.MoneyBudget.write(j)
	}
	j.endObject()
	return j.finish()
}

// write writes the change as encoding/json would, omitempty fields left out.
func (d *fitChangeJSON) write(j *jsonWriter) {
	j.beginObject()
	j.str("video", d.Video)
	j.integer("video_index", int64(d.VideoIndex))
	j.str("kind", d.Kind)
	if d.Slot != "" {
		j.str("slot", d.Slot)
	}
	if d.From != "" {
		j.str("from", d.From)
	}
	if d.To != "" {
		j.str("to", d.To)
	}
	if d.RerendersFrom != nil {
		j.integer("rerenders_from", int64(*d.RerendersFrom))
	}
	if d.RerendersTo != nil {
		j.integer("rerenders_to", int64(*d.RerendersTo))
	}
	if d.Drafts != nil {
		j.integer("drafts", int64(*d.Drafts))
	}
	j.credits("saves", d.Saves)
	j.integer("value_lost", d.ValueLost)
	j.str("reason", d.Reason)
	j.str("text", d.Text)
	j.endObject()
}
