package ui

import (
	"strings"
	"testing"

	"creditplan/pricing"
)

// TestPlansFeatureTable: a wide, tall terminal shows what each plan includes
// under the comparison, a column per plan with its price on both billings
// (contact sales where the card gives none) and its limits; a narrow one keeps
// the comparison alone.
func TestPlansFeatureTable(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		m := newModel(t, fullMonth(card), sz[0], sz[1])
		pressSettle(m, "3")
		s := screen(m)
		if !strings.Contains(s, "What each plan includes") {
			t.Fatalf("%dx%d: no feature table:\n%s", sz[0], sz[1], s)
		}
		for i := range card.Plans {
			p := &card.Plans[i]
			for _, want := range []string{card.PriceLabel(p, pricing.Monthly), card.PriceLabel(p, pricing.Annual), p.Credits.Grouped()} {
				if !strings.Contains(s, want) {
					t.Errorf("%dx%d: %s's %q is not on the screen", sz[0], sz[1], p.Name, want)
				}
			}
		}
		for _, row := range []string{"Price a month, monthly", "Price a month, annual", "Max video length", "Max resolution", "Seats included", "Extra seat a month", "Watermark"} {
			if !strings.Contains(s, row) {
				t.Errorf("%dx%d: no %q row", sz[0], sz[1], row)
			}
		}
		if !strings.Contains(s, pricing.ContactSales) {
			t.Errorf("%dx%d: a plan without a price is not said to be %q", sz[0], sz[1], pricing.ContactSales)
		}
	}
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {100, 30}} {
		m := newModel(t, fullMonth(card), sz[0], sz[1])
		pressSettle(m, "3")
		if s := screen(m); strings.Contains(s, "What each plan includes") {
			t.Errorf("%dx%d: the feature table shows on a narrow terminal:\n%s", sz[0], sz[1], s)
		}
	}
}

// TestPlansFeatureTableViewOnlyReads: the wide Plans screen and the Year
// screen of a blocked month, drawn at the sizes with room for what they add,
// change nothing in the model.
func TestPlansFeatureTableViewOnlyReads(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		for _, keys := range [][]string{{"3"}, {"3", "down", "b"}, {"4"}, {"4", "down", "right"}} {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			pressSettle(m, keys...)
			requireViewReads(t, m)
		}
	}
}
