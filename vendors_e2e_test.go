package main

import (
	"path/filepath"
	"testing"
	"time"
)

// With --rates given twice the planner prices the month on the first card;
// v on the Plans screen shows both vendors side by side, and V carries the
// month to the second card, which the header then names.
func TestPlannerVendorsEndToEnd(t *testing.T) {
	path := writeFile(t, "two-vendors.toml", `plan = "creator"

[[videos]]
name = "Welcome"
length = "1m"

[[videos]]
name = "Thanks"
length = "30s"
`)
	heygen, _ := filepath.Abs("examples/heygen-2026-credits.toml")
	card, _ := filepath.Abs("plans.toml")
	tm := startTerminal(t, 120, 40, "--rates", card, "--rates", heygen, path)
	tm.waitFor("HeyGen Premium Credits")
	tm.press("3")
	tm.waitFor("Cheapest way to make this month:")
	tm.press("v")
	tm.waitFor("Vendors side by side")
	tm.waitFor("Cheapest vendor for this month")
	tm.waitFor("HeyGen credit plans (2026)")
	tm.waitFor("Credits are not comparable across vendors")
	tm.press("v")
	tm.waitFor("Cheapest way to make this month:")
	tm.press("V")
	tm.waitFor("The month is now priced on")
	tm.waitFor("creditplan  HeyGen credit plans (2026)")
	// The month now holds the other card's ids: quitting asks first.
	tm.press("q")
	tm.waitFor("quit without saving")
	tm.press("y")
	select {
	case <-tm.done:
	case <-time.After(5 * time.Second):
		t.Fatalf("y did not quit:\n%s", tm.screen())
	}
}
