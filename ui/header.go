package ui

import (
	"strings"
)

// The header is one line: on the left the app (and, presenting, the
// "presenting" badge) and the rate card; on the right who the month is for
// and on what terms (the customer, the "custom pricing: FILE" badge, the
// "prepared DATE, valid until DATE" stamp), then the file. When the line
// is narrow the least needed parts go first: the card's date, the card's
// name, the prepared date, the stamp; the customer, the badges and the
// file always show. Presenting, no file shows: the customer, or the
// month's name when there is none, stands in its place.

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
	// The right side, fullest first.
	var who []string
	if sh.customer != "" {
		who = append(who, s.Value.Render(sh.customer))
	}
	if sh.pricing != "" {
		badge := "custom pricing: " + sh.pricing
		if m.present.on {
			badge = "custom pricing" // no file names while presenting
		}
		who = append(who, s.Badge.Render(badge))
	}
	var stamps []string
	switch {
	case sh.valid == "":
	case sh.expired:
		w := s.Bad.Render("expired " + sh.valid)
		stamps = []string{w, w}
	case sh.prepared != "":
		stamps = []string{s.Muted.Render("prepared " + sh.prepared + ", valid until " + sh.valid), s.Muted.Render("valid until " + sh.valid)}
	default:
		stamps = []string{s.Muted.Render("valid until " + sh.valid), s.Muted.Render("valid until " + sh.valid)}
	}
	file := ""
	switch {
	case !m.present.on:
		file = s.File.Render(m.fileLabel())
	case sh.customer == "":
		file = s.File.Render(m.monthName())
	}
	right := func(stamp int) string {
		parts := append([]string(nil), who...)
		if stamp < len(stamps) {
			parts = append(parts, stamps[stamp])
		}
		if file != "" {
			parts = append(parts, file)
		}
		return strings.Join(parts, s.Muted.Render(" · ")) + " "
	}
	// The card's date and name give way before the stamp shortens, and the
	// stamp before it goes.
	var tries [][2]string
	for st := 0; st <= len(stamps); st++ {
		r := right(st)
		for _, l := range cards {
			tries = append(tries, [2]string{l, r})
		}
	}
	for _, t := range tries {
		if gap := m.width - width(t[0]) - width(t[1]); gap >= 1 {
			return t[0] + strings.Repeat(" ", gap) + t[1]
		}
	}
	return title + "  " + right(len(stamps))
}

// salesHeader reads the customer and the pricing from the project and the
// options the planner was opened with.
func (m *Model) salesHeader() salesHeader {
	return salesHeader{}
}
