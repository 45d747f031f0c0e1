package ui

import (
	"strings"
)

// The header is one line: on the left the app (and, presenting, the
// "presenting" badge) and the rate card; on the right who the month is for
// and on what terms (the customer, the "custom pricing: FILE" badge, the
// "prepared DATE, valid until DATE" stamp), then the file. When the line is
// narrow the least needed parts go first: the card's date, the card's name,
// the badge's file; the customer, the badge and the file always show. The
// stamp shows in full: on the header line when it has the room, else at the
// right end of the rule under the tabs, which also names the pricing file
// when the badge has no room for it. Presenting, no file shows: the
// customer, or the month's name when there is none, stands in its place.

// salesHeader is what the header says of the customer and the pricing:
// each "" when the month has none.
type salesHeader struct {
	customer string // "Name, Company"
	pricing  string // the overlay's file, as the project or --pricing names it
	prepared string // the prepared date, YYYY-MM-DD
	valid    string // the valid-until date, YYYY-MM-DD
	expired  bool   // valid is before today
}

// header is the header line for the model as it is now.
func (m *Model) header() string {
	line, _ := m.headerLines()
	return line
}

// ruleLine is the line under the tabs: a rule, carrying at its right end
// the "prepared DATE, valid until DATE" stamp when the header line has no
// room for it beside the customer and the badge (at 80 columns it never
// has), so the stamp always shows in full at the top of the screen.
func (m *Model) ruleLine(w int) string {
	s := &m.styles
	_, stamp := m.headerLines()
	if stamp != "" {
		if gap := w - width(stamp) - 4; gap >= 3 {
			return s.Rule.Render(strings.Repeat("─", gap)+" ") + stamp + s.Rule.Render(" ──")
		}
	}
	return s.Rule.Render(strings.Repeat("─", w))
}

// headerLines is the header line and the stamp the rule under the tabs
// carries instead ("" when the header holds it, or there is none).
func (m *Model) headerLines() (header, ruleStamp string) {
	s := &m.styles
	sh := m.salesHeader()
	title := " " + s.Title.Render("creditplan")
	if m.present.on {
		title += " " + s.Badge.Render(presentBadge)
	}
	cards := []string{
		title + "  " + s.Card.Render(m.card.Name) + s.Muted.Render(" · as of "+m.card.AsOf),
		title + "  " + s.Card.Render(m.card.Name),
		title,
	}
	// Rates priced on another day than today (--as-of) say so, before the
	// card's own as_of gives way: "rates as of 2026-03-01".
	if note := m.asOfNote(); note != "" {
		cards = []string{
			title + "  " + s.Card.Render(m.card.Name) + s.Muted.Render(" · as of "+m.card.AsOf) + " " + s.Badge.Render(note),
			title + "  " + s.Card.Render(m.card.Name) + " " + s.Badge.Render(note),
			title + " " + s.Badge.Render(note),
			title,
		}
	}
	if m.multiVendor() {
		// With the vendor switch the header always says whose card prices
		// the month: at the least, the vendor's name.
		cards[2] = title + "  " + s.Card.Render(vendorName(m.card))
	}
	// The right side, fullest first: then the badge loses its file, and
	// last the customer goes; the file stays.
	customer, badge, short := "", "", ""
	if sh.customer != "" {
		customer = s.Value.Render(sh.customer)
	}
	if sh.pricing != "" {
		badge, short = s.Badge.Render("custom pricing: "+sh.pricing), s.Badge.Render("custom pricing")
		if m.present.on {
			badge = short // no file names while presenting
		}
	}
	var long, brief string
	switch {
	case sh.valid == "":
	case sh.expired:
		long = s.Bad.Render("expired " + sh.valid)
		brief = long
	case sh.prepared != "":
		long, brief = s.Muted.Render("prepared "+sh.prepared+", valid until "+sh.valid), s.Muted.Render("valid until "+sh.valid)
	}
	file := ""
	switch {
	case !m.present.on:
		file = s.File.Render(m.fileLabel())
	case sh.customer == "":
		file = s.File.Render(m.monthName())
	}
	join := func(parts ...string) string {
		var keep []string
		for _, p := range parts {
			if p != "" {
				keep = append(keep, p)
			}
		}
		return strings.Join(keep, s.Muted.Render(" · ")) + " "
	}
	fits := func(r string) (string, bool) {
		// The card's date and name give way before the right side shortens.
		for _, l := range cards {
			if gap := m.width - width(l) - width(r); gap >= 1 {
				return l + strings.Repeat(" ", gap) + r, true
			}
		}
		return "", false
	}
	if long != "" {
		if line, ok := fits(join(customer, badge, long, file)); ok {
			return line, ""
		}
		// The rule carries the stamp, in full when it has the room.
		ruleStamp = long
		if width(long)+7 > m.width {
			ruleStamp = brief
		}
	}
	rights := []string{
		join(customer, badge, file),
		join(customer, short, file),
		join(short, file),
		join(file),
	}
	for i, r := range rights {
		if line, ok := fits(r); ok {
			if i > 0 {
				ruleStamp = m.ruleWithPricing(sh, long, brief, ruleStamp)
			}
			return line, ruleStamp
		}
	}
	return title + "  " + rights[len(rights)-1], m.ruleWithPricing(sh, long, brief, ruleStamp)
}

// ruleWithPricing is what the rule carries when the header's badge has lost
// its file: the overlay's file before the stamp ("pricing: acme.toml ·
// prepared …"), the stamp shortened, then alone, as the width allows, so the
// customer's pricing file is named at the top of every screen. Presenting,
// no file shows.
func (m *Model) ruleWithPricing(sh salesHeader, long, brief, stamp string) string {
	if sh.pricing == "" || m.present.on {
		return stamp
	}
	s := &m.styles
	file := s.Muted.Render("pricing: ") + s.Badge.Render(sh.pricing)
	sep := s.Muted.Render(" · ")
	var tries []string
	if stamp != "" {
		tries = append(tries, file+sep+long, file+sep+brief, stamp)
	}
	tries = append(tries, file)
	for _, t := range tries {
		if width(t)+7 <= m.width {
			return t
		}
	}
	return stamp
}

// salesHeader reads the customer and the pricing from the project and the
// options the planner was opened with.
func (m *Model) salesHeader() salesHeader {
	var out salesHeader
	if c := m.project.Customer; c != nil {
		out.customer = printable(c.Who())
	}
	if cp := m.card.Custom; cp != nil {
		out.pricing = printable(cp.File)
	}
	// The stamp is a quote's, for a customer: a month of one's own has none.
	if sc := m.card.Sales; sc != nil && !sc.Prepared.IsZero() && m.project.Customer != nil {
		out.prepared, out.valid = sc.Prepared.String(), sc.ValidUntil.String()
		out.expired = sc.ValidUntil.Before(sc.Prepared)
	}
	return out
}

// notes is the customer's internal notes ([customer] notes), "" when there
// are none or while presenting: they are for the salesperson, never for the
// customer's eyes.
func (m *Model) notes() string {
	if m.present.on || m.project.Customer == nil {
		return ""
	}
	return strings.TrimSpace(m.project.Customer.Notes)
}

// notesRows is how many rows the Month screen gives the notes, above its foot.
func (m *Model) notesRows() int {
	if m.notes() == "" {
		return 0
	}
	return 1
}

// notesLine is the Month screen's line of internal notes, cut to the width
// (a note is one line of the file; the rest shows in the file itself).
func (m *Model) notesLine(w int) string {
	s := &m.styles
	text := printable(strings.Join(strings.Fields(m.notes()), " "))
	return " " + s.Label.Render("Notes (internal) ") + s.Value.Render(clip(text, max(w-1-width("Notes (internal) "), 1)))
}

// asOfNote is the header's note of the rates' day when it is not today's
// ("" without a today, or on it).
func (m *Model) asOfNote() string {
	if m.today.IsZero() {
		return ""
	}
	return m.card.AsOfNote(m.today)
}
