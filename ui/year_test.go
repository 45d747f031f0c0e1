package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// requireYear checks that the Year screen's simulation is pricing's for the
// model's own project.
func requireYear(tb testing.TB, m *Model) *pricing.YearResult {
	tb.Helper()
	want, err := m.card.YearProject(m.project)
	if err != nil {
		tb.Fatal(err)
	}
	got := m.year.res
	if got == nil || m.year.rev != m.version {
		tb.Fatal("the Year screen has no simulation of the month as it is now")
	}
	for i := range want.Months {
		g, w := &got.Months[i], &want.Months[i]
		if g.Volume != w.Volume || g.Need != w.Need || g.Used != w.Used || g.Expired != w.Expired || g.Short != w.Short ||
			g.Bought != w.Bought || g.Cost != w.Cost || g.Closing != w.Closing {
			tb.Fatalf("month %d differs from pricing's", i+1)
		}
	}
	if got.Cost != want.Cost || got.Monthly.Cost != want.Monthly.Cost ||
		got.Annual.Cost != want.Annual.Cost || got.Cheaper != want.Cheaper {
		tb.Fatal("the Year screen's simulation differs from pricing's")
	}
	return want
}

// The Year screen shows pricing's wallet: a row per month, the year's waste and
// shortfall, both billings' cost and which is cheaper, and says when the project
// has no volume per month.
func TestYearScreenShowsPricingsYear(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	if m.year.res != nil {
		t.Fatal("the year is simulated only when its screen shows")
	}
	pressSettle(m, "4")
	if m.screen != ScreenYear {
		t.Fatalf("4 opens Year: %v", m.screen)
	}
	y := requireYear(t, m)
	s := screen(m)
	mustContain(t, s, "This project gives no volume per month: a flat year.")
	mustContain(t, s, "Year on Creator, monthly (b): each month as planned needs "+card.CreditWord(y.MonthCredits))
	mustContain(t, s, "Credits wasted (expired unused): "+card.CreditWord(y.Expired)+y.Marks.CreditsMark())
	mustContain(t, s, "Year on monthly billing: "+card.Money(y.Monthly.Cost)+y.Marks.CostMark(pricing.Monthly, y.Monthly.Bought > 0)+
		"; on annual billing: "+card.Money(y.Annual.Cost)+y.Marks.CostMark(pricing.Annual, y.Annual.Bought > 0))
	mustContain(t, s, report.BillingVerdict(y))
	lines := strings.Split(s, "\n")
	for i, wm := range y.Months {
		row := lines[bodyTop+yearHeadRows+i]
		for _, cell := range []string{wm.Used.Grouped(), wm.Expired.Grouped(), card.Money(wm.Cost)} {
			mustContain(t, row, cell)
		}
	}
	press(m, "b")
	if requireYear(t, m).Billing != pricing.Annual {
		t.Fatal("b switches the year to annual billing")
	}
	mustContain(t, screen(m), "Year on Creator, annual (b)")
}

// ←/→ change the selected month's volume by a tenth, creating the project's
// volume on the first edit; a run on one month is one undo step; 0 is allowed
// and nothing goes below it; the quote of the month never changes; the volume
// is saved with the project.
func TestYearVolumeEditUndoAndSave(t *testing.T) {
	card := loadCard(t)
	// 30 rows: the full month is blocked on Creator, and its volume note goes
	// under the year only where the rows allow (at 80x24 the lead takes its row).
	m := newModel(t, fullMonth(card), 80, 30)
	pressSettle(m, "4", "down")
	quoteBefore := m.Quote().Premium
	press(m, "left", "left", "h")
	p := m.Project()
	if len(p.Volume) != 12 || p.Volume[1] != 700 || p.Volume[0] != 1000 || p.Volume[11] != 1000 {
		t.Fatalf("three ← on month 2: volume %v", p.Volume)
	}
	y := requireYear(t, m)
	if y.Months[1].Volume != 700 || y.Months[1].Need >= y.Months[0].Need {
		t.Fatalf("month 2 needs less: %v vs %v", y.Months[1].Need, y.Months[0].Need)
	}
	if requirePriced(t, m).Premium != quoteBefore {
		t.Fatal("volume scales the year, never the month's quote")
	}
	if !m.Dirty() {
		t.Fatal("a volume edit is a change to save")
	}
	mustContain(t, screen(m), "Volume per month from the project")
	mustContain(t, screen(m), "×0.7")
	for range 9 {
		press(m, "left")
	}
	if m.Project().Volume[1] != 0 {
		t.Fatalf("volume stops at 0: %v", m.Project().Volume[1])
	}
	mustContain(t, m.status, "already ×0")
	if requireYear(t, m).Months[1].Need != 0 {
		t.Fatal("a month at ×0 needs nothing")
	}

	// Saved and read back, the file holds the volume.
	src := pricing.EncodeProject(m.Project(), card)
	back, err := pricing.ParseProject("month.toml", src, card)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Volume) != 12 || back.Volume[1] != 0 || back.Volume[0] != 1000 {
		t.Fatalf("saved volume reads back as %v:\n%s", back.Volume, src)
	}

	// Month 3: → twice is a second undo step.
	press(m, "down", "right", "l")
	if m.Project().Volume[2] != 1200 || len(m.undo) != 2 {
		t.Fatalf("month 3: %v, %d undo steps", m.Project().Volume[2], len(m.undo))
	}
	press(m, "u")
	if m.Project().Volume[2] != 1000 || m.Project().Volume[1] != 0 {
		t.Fatalf("first undo takes back month 3 only: %v", m.Project().Volume)
	}
	press(m, "u")
	if m.Project().Volume != nil {
		t.Fatalf("second undo gives back a project with no volume: %v", m.Project().Volume)
	}
	requireYear(t, m)
	mustContain(t, screen(m), "This project gives no volume per month")
}

// A volume off the tenths (from a file) steps to the next tenth either way, and
// the upper limit is the project file's.
func TestYearVolumeStepsToTenths(t *testing.T) {
	card := loadCard(t)
	p := fullMonth(card)
	p.Volume = []int64{1250, 99_950, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}
	m := newModel(t, p, 80, 24)
	pressSettle(m, "4", "right")
	if m.Project().Volume[0] != 1300 {
		t.Fatalf("1.25 → is 1.3, got %v", m.Project().Volume[0])
	}
	press(m, "left", "left")
	if m.Project().Volume[0] != 1100 {
		t.Fatalf("1.3 ← ← is 1.1, got %v", m.Project().Volume[0])
	}
	press(m, "down", "right", "right")
	if m.Project().Volume[1] != pricing.MaxVolume {
		t.Fatalf("the volume stops at %d, got %v", pricing.MaxVolume, m.Project().Volume[1])
	}
	requireYear(t, m)
}

// A year that proved slow is simulated in a command; an answer for an older
// revision is dropped and the one for the current revision is shown.
func TestSlowYearRunsInACommandAndDropsStaleAnswers(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, bigMonth(card, yearInlineVideos+1), 80, 24)
	pressSettle(m, "4")
	if !m.year.slow || m.year.res == nil {
		t.Fatal("a month this long is simulated in a command, and opening Year starts it")
	}
	_, first := m.Update(keyMsg("right"))
	if first == nil || !m.year.busy {
		t.Fatal("a slow year is simulated in a command")
	}
	_, none := m.Update(keyMsg("right")) // one at a time: nothing new starts while busy
	if none != nil {
		t.Fatal("a second simulation must wait for the first")
	}
	stale := first()
	_, again := m.Update(stale)
	if m.year.rev == m.version {
		t.Fatal("the answer for the month before the second → must be dropped")
	}
	if again == nil {
		t.Fatal("a dropped answer starts the simulation again for the current month")
	}
	settle(m, again)
	y := requireYear(t, m)
	if y.Months[0].Volume != 1200 {
		t.Fatalf("the year shown is for ×1.2: %v", y.Months[0].Volume)
	}
}

func TestYearClickAndWheelSelectMonths(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m, "4")
	m.Update(tea.MouseClickMsg{X: 10, Y: bodyTop + yearHeadRows + 5, Button: tea.MouseLeft})
	if m.year.sel != 5 {
		t.Fatalf("click on month 6: %d", m.year.sel)
	}
	line := strings.Split(screen(m), "\n")[bodyTop+yearHeadRows+5]
	mustContain(t, line, "›     6      ×1")
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	press(m, "end")
	if m.year.sel != 11 {
		t.Fatalf("end: %d", m.year.sel)
	}
	press(m, "home", "up", "j")
	if m.year.sel != 1 {
		t.Fatalf("home, up, j: %d", m.year.sel)
	}
}

// Right-sizing runs in a command only while Plans shows, and the Plans screen
// then shows pricing's cheapest way and break-evens; an answer for an older
// revision is dropped and recomputed.
func TestPlansRightSizeInACommandWithStaleAnswersDropped(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	for _, k := range []string{"down", "right", "1", "tab"} {
		if _, cmd := m.Update(keyMsg(k)); cmd != nil {
			t.Fatalf("%s off the Plans screen starts no right-sizing", k)
		}
	}
	_, first := m.Update(keyMsg("3"))
	if first == nil {
		t.Fatal("opening Plans starts right-sizing in a command")
	}
	mustContain(t, screen(m), "Working out the cheapest way")
	if _, cmd := m.Update(keyMsg("right")); cmd != nil { // annual billing: a new revision while the first runs
		t.Fatal("one right-sizing at a time")
	}
	_, again := m.Update(first())
	if m.rs != nil {
		t.Fatal("a right-sizing for the month before → must be dropped")
	}
	if again == nil {
		t.Fatal("dropping it starts right-sizing for the month as it is")
	}
	settle(m, again)
	want := card.RightSize(m.Project())
	if m.rs == nil || m.rs.Billing != pricing.Annual || m.rs.Best.Total != want.Best.Total {
		t.Fatal("Plans shows the right-sizing of the month as it is now")
	}
	s := screen(m)
	mustContain(t, s, "Cheapest way to make this month: "+want.Best.Text(card))
	for i := range want.BreakEvens {
		mustContain(t, s, want.BreakEvens[i].Text(card))
	}
	if _, cmd := m.Update(keyMsg("down")); cmd != nil {
		t.Fatal("moving the selection changes nothing to right-size")
	}
}

// The proposal, the year and right-sizing all see one month: after fitting,
// the Year screen simulates the fitted month.
func TestYearFollowsAFittedMonth(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	pressSettle(m, "4", "f", "enter")
	y := requireYear(t, m)
	if y.MonthCredits != m.Quote().Premium {
		t.Fatalf("the year's month %v is the fitted month's %v", y.MonthCredits, m.Quote().Premium)
	}
	if m.Project().Videos[0].Picks[pricing.SlotAvatar] != "avatar-iii" || bytes.Equal(pricing.EncodeProject(m.Project(), card), pricing.EncodeProject(fullMonth(card), card)) {
		t.Fatal("the fit was applied: the weekly explainer moves to Avatar III")
	}
}

// A plan that cannot make the month (4K on Creator) is said on the Year
// screen's first line, before the title and the twelve months, in the
// sentence `creditplan year` and the Month screen use; the months stay on
// their rows. A month its plan can make has no such line.
func TestYearSaysABlockedPlanFirst(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		m := newModel(t, fullMonth(card), sz[0], sz[1])
		pressSettle(m, "4")
		q := m.quote
		if len(q.Blocked) == 0 {
			t.Fatal("the full month should be blocked on its plan")
		}
		lines := strings.Split(screen(m), "\n")
		first := lines[bodyTop]
		want := strings.TrimSuffix(report.CannotMake(q.Plan, q.Blocked[:1]), ".")
		mustContain(t, first, "✗ "+want[:min(len(want), sz[0]-10)])
		mustContain(t, lines[bodyTop+1], "Year on "+q.Plan.Name)
		mustContain(t, lines[bodyTop+yearHeadRows], "›     1")

		// On a plan that can make it, the screen opens with its year.
		pressSettle(m, "p")
		if m.quote.Plan.ID == q.Plan.ID || len(m.quote.Blocked) > 0 {
			t.Fatalf("p should move to a plan that can make the month, got %s", m.quote.Plan.Name)
		}
		lines = strings.Split(screen(m), "\n")
		if strings.Contains(lines[bodyTop], "cannot make") {
			t.Errorf("%dx%d: a plan that makes the month is said to be blocked: %q", sz[0], sz[1], lines[bodyTop])
		}
		mustContain(t, lines[bodyTop], "Year on "+m.quote.Plan.Name)
	}
}
