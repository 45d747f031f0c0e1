package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

func TestBudgetKeySetsTheMonthsBudgetInMoney(t *testing.T) {
	card := loadCard(t)
	p := fullMonth(card)
	p.Plan = "pro" // a plan that can make the month: its cost is stated against the budget
	m := newModel(t, p, 120, 40)
	press(m, "2", "$")
	if !m.promptIs(promptBudget) {
		t.Fatal("$ asks for the budget")
	}
	typeText(m, "60.505")
	press(m, "enter")
	_, wantErr := card.ReadBudget("60.505") // the planner and --budget share one rule and one message
	if !m.promptIs(promptBudget) || wantErr == nil || promptErr(m) != wantErr.Error() {
		t.Fatalf("60.505 has more decimals than USD's 2: error %q, pricing says %v", promptErr(m), wantErr)
	}
	m.input.SetValue("")
	typeText(m, "60")
	press(m, "enter")
	p = m.Project()
	if !p.HasBudget || p.Budget != pricing.Money(60*pricing.MoneyScale) || !m.idle() {
		t.Fatalf("budget %v %v", p.HasBudget, p.Budget)
	}
	q := requirePriced(t, m)
	b, _ := q.AgainstBudget()
	mustContain(t, screen(m), "Budget $60.00 ($)")
	mustContain(t, screen(m), b.Sentence(card))
	press(m, "u")
	if m.Project().HasBudget {
		t.Fatal("undo removes the budget")
	}
	if strings.Contains(screen(m), "Budget $60.00") {
		t.Fatal("the header still states an undone budget")
	}
}

// budgetMonth is the full month on Pro with a $150 budget, a photo avatar
// trained in it and a Studio Avatar set up in month 3.
func budgetMonth(card *pricing.RateCard) *pricing.Project {
	p := fullMonth(card)
	p.Plan = "pro"
	p.Budget, p.HasBudget = pricing.Money(150*pricing.MoneyScale), true
	p.OneTime = []pricing.OneTimeNeed{{ID: "photo-avatar-training", Month: 1}, {ID: "studio-avatar", Month: 3}}
	return p
}

// TestScreensWithABudgetAndOneTimeCharges pins the Month screen's header
// (the budget, the month against it, the one-time charge) and the Year
// screen's one-time lines.
func TestScreensWithABudgetAndOneTimeCharges(t *testing.T) {
	card := loadCard(t)
	for _, sc := range []struct {
		name string
		keys []string
		w, h int
	}{
		{"month_100x30", []string{"2"}, 100, 30},
		{"month_60x16", []string{"2"}, 60, 16},
		{"year_120x40", []string{"4"}, 120, 40},
	} {
		t.Run(sc.name, func(t *testing.T) {
			p := budgetMonth(card)
			m := newModel(t, p, sc.w, sc.h)
			pressSettle(m, sc.keys...)
			golden.RequireEqual(t, screen(m))
		})
	}
}

// A month switched to a plan that does not offer its one-time charges is
// not saved: the file would be refused when read. The file on disk stays.
func TestSaveRefusesAPlanWithoutTheMonthsOneTimeCharges(t *testing.T) {
	m, path, src := openFile(t, "studio-avatar-month.toml")
	// The example is on Creator; P goes back to Free, which sells no Studio Avatar.
	press(m, "tab", "2", "P") // tab: out of the Video screen's Name row first
	if m.Project().Plan != "free" {
		t.Fatalf("plan %q, status %q\n%s", m.Project().Plan, m.status, screen(m))
	}
	run(m, press(m, "ctrl+s"))
	got, _ := os.ReadFile(path)
	if string(got) != string(src) || !m.Dirty() || !strings.Contains(m.status, "Free does not offer") {
		t.Fatalf("status %q, file changed %v", m.status, string(got) != string(src))
	}
	// On Creator again it saves, the budget changed in place and every comment kept.
	press(m, "p", "$")
	m.input.SetValue("")
	typeText(m, "75")
	press(m, "enter")
	run(m, press(m, "ctrl+s"))
	got, _ = os.ReadFile(path)
	want := strings.Replace(string(src), "budget = 60 #", "budget = 75 #", 1)
	if string(got) != want {
		t.Fatalf("saved:\n%s\nwant:\n%s", got, want)
	}
}
