package ui

import (
	"testing"

	"creditplan/pricing"
)

// Adding, duplicating, deleting and moving videos each undo to the month as
// it was, byte for byte, and redo to the month as it became, in any order.
func TestListEditsUndoAndRedoExactly(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	enc := func() string { return string(pricing.EncodeProject(m.Project(), card)) }
	var states []string
	states = append(states, enc())
	for _, k := range []string{"a", "up", "up", "d", "home", "x", "down", "K", "end", "K", "x", "x"} {
		press(m, k)
		if s := enc(); s != states[len(states)-1] {
			states = append(states, s)
		}
	}
	if len(states) != 8 {
		t.Fatalf("%d distinct months after 7 list edits", len(states)-1)
	}
	for i := len(states) - 2; i >= 0; i-- {
		press(m, "u")
		requirePriced(t, m)
		if enc() != states[i] {
			t.Fatalf("undo %d: the month differs from before the edit", len(states)-1-i)
		}
	}
	for i := 1; i < len(states); i++ {
		press(m, "ctrl+y")
		requirePriced(t, m)
		if enc() != states[i] {
			t.Fatalf("redo %d: the month differs from after the edit", i)
		}
	}
	if !m.Dirty() {
		t.Fatal("the month redone to its last edit is unsaved")
	}
}
