package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// scenarioMonth is fullMonth with three scenarios, as a salesperson would
// bring them to a call.
func scenarioMonth(card *pricing.RateCard) *pricing.Project {
	p := fullMonth(card)
	annual, three := pricing.Annual, 3
	p.Scenarios = []pricing.Scenario{
		{Name: "Switch to Avatar III", Substitute: []pricing.Substitution{{From: "avatar-iv", To: "avatar-iii"}}},
		{Name: "Pro annual", Plan: "pro", Billing: &annual},
		{Name: "Business, 3 seats, double volume", Plan: "business", Seats: &three, Volume: 2000},
	}
	return p
}

// TestScenarioScreens pins the Scenarios screen (with scenarios, the cursor
// on one; and without any) and the Year screen's plans side by side, at
// 80x24 and 120x40.
func TestScenarioScreens(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		size := itoa(int64(sz[0])) + "x" + itoa(int64(sz[1]))
		t.Run("scenarios_"+size, func(t *testing.T) {
			m := newModel(t, scenarioMonth(card), sz[0], sz[1])
			pressSettle(m, "5", "down", "down")
			golden.RequireEqual(t, screen(m))
		})
		t.Run("scenarios_none_"+size, func(t *testing.T) {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			pressSettle(m, "5")
			golden.RequireEqual(t, screen(m))
		})
		t.Run("year_plans_"+size, func(t *testing.T) {
			m := newModel(t, fullMonth(card), sz[0], sz[1])
			pressSettle(m, "4", "o", "down")
			golden.RequireEqual(t, screen(m))
		})
	}
}

// The rows on screen are what compare prints: pricing's SideBySide.
func TestScenarioRowsArePricings(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scenarioMonth(card), 120, 40)
	pressSettle(m, "5")
	want := card.SideBySide(m.project)
	if len(m.scen.rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(m.scen.rows), len(want))
	}
	s := screen(m)
	for i := range want {
		if m.scen.rows[i].TotalCost != want[i].TotalCost || m.scen.rows[i].YearCost != want[i].YearCost {
			t.Errorf("row %d: %+v, want %+v", i, m.scen.rows[i], want[i])
		}
		mustContain(t, s, card.Money(want[i].YearCost))
	}
}

// enter applies the selected scenario to the month (one undo step, the
// project marked changed); u puts the month back as it was.
func TestApplyScenarioIsUndoable(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scenarioMonth(card), 120, 40)
	before := m.project.Clone()
	pressSettle(m, "5", "down", "down", "enter")
	if m.project.Plan != "pro" || m.project.Billing != pricing.Annual || !m.Dirty() {
		t.Fatalf("after applying Pro annual: plan %s, billing %s, dirty %v", m.project.Plan, m.project.Billing.Key(), m.Dirty())
	}
	if m.quote == nil || m.quote.Plan.ID != "pro" {
		t.Fatal("the month was not priced again on Pro")
	}
	mustContain(t, screen(m), "Applied “Pro annual”")
	pressSettle(m, "u")
	if !pricing.SameProject(m.project, before) || m.Dirty() {
		t.Fatalf("undo did not put the month back (dirty %v)", m.Dirty())
	}
	// Substitutions and volume change the videos themselves.
	pressSettle(m, "home", "down", "enter")
	if m.project.Videos[0].Picks[pricing.SlotAvatar] != "avatar-iii" {
		t.Errorf("Avatar IV was not switched: %s", m.project.Videos[0].Picks[pricing.SlotAvatar])
	}
	pressSettle(m, "u", "end", "enter")
	if m.project.Seats != 3 || m.project.Videos[0].Count != 2*before.Videos[0].Count {
		t.Errorf("seats %d, count %d after the double volume scenario", m.project.Seats, m.project.Videos[0].Count)
	}
	// The month as planned is not a scenario.
	pressSettle(m, "u", "home", "enter")
	if !pricing.SameProject(m.project, before) {
		t.Error("enter on the month as planned changed it")
	}
}

// x deletes the selected scenario, one undo step.
func TestDeleteScenarioIsUndoable(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scenarioMonth(card), 120, 40)
	pressSettle(m, "5", "down", "x")
	if len(m.project.Scenarios) != 2 || m.project.Scenarios[0].Name != "Pro annual" || !m.Dirty() {
		t.Fatalf("after x: %d scenarios, dirty %v", len(m.project.Scenarios), m.Dirty())
	}
	if strings.Contains(screen(m), "Switch to Avatar III  ") {
		t.Error("the deleted scenario still shows")
	}
	pressSettle(m, "u")
	if len(m.project.Scenarios) != 3 || m.project.Scenarios[0].Name != "Switch to Avatar III" || m.Dirty() {
		t.Fatalf("undo: %d scenarios, dirty %v", len(m.project.Scenarios), m.Dirty())
	}
	pressSettle(m, "home", "x")
	if len(m.project.Scenarios) != 3 {
		t.Error("x on the month as planned deleted a scenario")
	}
}

// N, on any screen, saves the month's plan, billing, seats and balance as a
// new scenario, asking its name; a taken or empty name is refused and the
// prompt stays open with why; esc cancels.
func TestNewScenarioAsksItsName(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scenarioMonth(card), 120, 40)
	pressSettle(m, "2", "b", "N")
	if !m.promptIs(promptScenarioName) || m.input.Value() != "Creator, annual" {
		t.Fatalf("N opens %s with %q", holder(m), m.input.Value())
	}
	pressSettle(m, "ctrl+u")
	typeText(m, "pro annual")
	pressSettle(m, "enter")
	if !strings.Contains(promptErr(m), "“Pro annual” is taken") {
		t.Fatalf("a taken name (in another letter case): %q", promptErr(m))
	}
	pressSettle(m, "ctrl+u", "enter")
	if promptErr(m) != "a scenario needs a name" {
		t.Fatalf("an empty name: %q", promptErr(m))
	}
	typeText(m, "Creator annual")
	pressSettle(m, "enter")
	if m.prompt != nil || len(m.project.Scenarios) != 4 || !m.Dirty() {
		t.Fatalf("after enter: %s, %d scenarios", holder(m), len(m.project.Scenarios))
	}
	sc := m.project.Scenarios[3]
	if sc.Name != "Creator annual" || sc.Plan != "creator" || sc.Billing == nil || *sc.Billing != pricing.Annual ||
		sc.Seats == nil || *sc.Seats != 1 || sc.Balance != nil {
		t.Errorf("saved %+v", sc)
	}
	pressSettle(m, "N", "esc")
	if m.prompt != nil || len(m.project.Scenarios) != 4 {
		t.Errorf("esc: %s, %d scenarios", holder(m), len(m.project.Scenarios))
	}
	pressSettle(m, "u")
	if len(m.project.Scenarios) != 3 {
		t.Errorf("undo of N: %d scenarios", len(m.project.Scenarios))
	}
}

// A save keeps the file's scenarios and their comments, and adds, edits and
// removes only what changed (pricing.EditProject edits them in place).
func TestSaveKeepsScenariosAndTheirComments(t *testing.T) {
	m, path, src := openFile(t, "sales-demo.toml")
	pressSettle(m, "5", "end", "x", "N")
	typeText(m, "x")
	pressSettle(m, "enter")
	run(m, press(m, "ctrl+s"))
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back := readBack(t, m, path)
	if !pricing.SameProject(back, m.project) || m.Dirty() {
		t.Fatalf("the saved file is another month (dirty %v):\n%s", m.Dirty(), out)
	}
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") && !strings.Contains(l, "twice the videos") && !strings.Contains(string(out), l) {
			t.Errorf("comment %q was lost:\n%s", l, out)
		}
	}
	if strings.Contains(string(out), "Business, 3 seats") || !strings.Contains(string(out), "[[scenarios]]\nname = \"x\"\nplan = \"creator\"") {
		t.Errorf("the deleted scenario stayed or the new one is missing:\n%s", out)
	}
}

// A hundred scenarios scroll: the selected one is always on screen, and the
// screen never grows past the terminal.
func TestManyScenariosScroll(t *testing.T) {
	card := loadCard(t)
	p := fullMonth(card)
	for i := range pricing.MaxScenarios {
		seats := 1 + i
		p.Scenarios = append(p.Scenarios, pricing.Scenario{Name: "Seats " + itoa(int64(seats)), Plan: "business", Seats: &seats})
	}
	m := newModel(t, p, 80, 24)
	pressSettle(m, "5")
	for _, k := range []string{"end", "up", "home", "pgdown", "down", "down"} {
		pressSettle(m, k)
		s := screen(m)
		if n := strings.Count(s, "\n") + 1; n != 24 {
			t.Fatalf("after %s the screen has %d lines", k, n)
		}
		if !strings.Contains(s, "› "+m.scen.rows[m.scen.sel].Name) {
			t.Fatalf("after %s the selected row (%d) is not on screen:\n%s", k, m.scen.sel, s)
		}
	}
	pressSettle(m, "N")
	if !strings.Contains(screen(m), "100 scenarios, the most a project may") {
		t.Errorf("N on a full project:\n%s", screen(m))
	}
}

// o on Year shows the years of the plans that can make the month, cheapest
// first, each pricing's Year of the month; a blocked plan is left out; o
// again shows the month's own plan.
func TestYearPlansSideBySide(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	pressSettle(m, "4", "o")
	years := m.yearPlans.years
	if len(years) == 0 {
		t.Fatal("no plan's year")
	}
	cmp := card.Compare(m.project)
	usable := 0
	for i := range cmp.Options {
		if cmp.Options[i].Usable() {
			usable++
		}
	}
	if len(years) != min(usable, maxYearPlans) {
		t.Errorf("%d years for %d plans that can make the month", len(years), usable)
	}
	s := screen(m)
	for i, y := range years {
		want := card.Year(m.project, y.Plan, m.project.Billing)
		if y.Cost != want.Cost || (i > 0 && y.Cost < years[i-1].Cost) {
			t.Errorf("%s: %s, Year says %s (or out of order)", y.Plan.Name, card.Money(y.Cost), card.Money(want.Cost))
		}
		mustContain(t, s, card.Money(y.Cost))
	}
	if strings.Contains(s, "Creator") && !strings.Contains(s, "Creator · monthly") {
		t.Error("Creator, which 4K blocks, has a column")
	}
	pressSettle(m, "b")
	if m.yearPlans.years[0].Billing != pricing.Annual {
		t.Error("b did not simulate the years again on annual billing")
	}
	pressSettle(m, "o")
	mustContain(t, screen(m), "Year on Creator")
}

// A click on a scenario's row selects it; a click elsewhere selects nothing.
func TestClickSelectsAScenario(t *testing.T) {
	m := newModel(t, scenarioMonth(loadCard(t)), 100, 30)
	pressSettle(m, "5")
	lines := strings.Split(screen(m), "\n")
	for y, l := range lines {
		if strings.Contains(l, "Pro annual") {
			m.Update(tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
		}
	}
	if m.scen.sel != 2 {
		t.Fatalf("clicking Pro annual selected row %d", m.scen.sel)
	}
	m.Update(tea.MouseClickMsg{X: 5, Y: bodyTop, Button: tea.MouseLeft})
	if m.scen.sel != 2 || m.screen != ScreenScenarios {
		t.Errorf("a click on the title moved the selection to %d", m.scen.sel)
	}
}

// e on the Scenarios screen exports the scenarios as the screen shows them,
// after the plans compared, beside the project: a row for each row shown.
func TestExportTheScenarios(t *testing.T) {
	m, path, _ := openFile(t, "sales-demo.toml")
	pressSettle(m, "5")
	run(m, press(m, "e"))
	file := strings.TrimSuffix(path, ".toml") + ".scenarios.md"
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (status %q)", err, m.status)
	}
	if !strings.Contains(string(got), "## Scenarios") || len(m.scen.rows) < 2 {
		t.Fatalf("the export has no scenarios section:\n%s", got)
	}
	for _, r := range m.scen.rows {
		if !strings.Contains(string(got), "| "+r.Name+" | "+r.Plan.Name+" |") {
			t.Fatalf("the export lacks the row of %q on %s:\n%s", r.Name, r.Plan.Name, got)
		}
	}
	mustContain(t, m.status, "Exported the scenarios")
}
