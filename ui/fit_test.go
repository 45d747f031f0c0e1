package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// f fits the month in a command, shows pricing's proposal, applies it with enter
// as one undo step, and u gives the month back byte for byte.
func TestFitProposesAppliesAndUndoes(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	orig := pricing.EncodeProject(m.Project(), card)
	want, err := card.FitProject(m.Project())
	if err != nil {
		t.Fatal(err)
	}
	if !want.Fits || len(want.Changes) == 0 || want.FitsBefore {
		t.Fatal("the full month is meant to be short on Creator and fit after changes")
	}

	cmd := press(m, "f")
	if cmd == nil || !m.fit.open {
		t.Fatalf("f starts a fit in a command and opens the proposal: cmd %v, holding %v", cmd != nil, holder(m))
	}
	mustContain(t, screen(m), "Fitting the month")
	press(m, "enter")
	if !m.fit.open || !bytes.Equal(pricing.EncodeProject(m.Project(), card), orig) {
		t.Fatal("enter before the answer arrives changes nothing")
	}
	settle(m, cmd)
	r := m.fit.res
	if r == nil || r.After != want.After || len(r.Changes) != len(want.Changes) {
		t.Fatalf("the proposal is pricing's fit: %+v", r)
	}
	s := screen(m)
	mustContain(t, s, "Fit to budget on Creator, balance "+card.CreditWord(want.Balance))
	mustContain(t, s, "As planned")
	mustContain(t, s, want.Before.Grouped())
	mustContain(t, s, "After changes")
	mustContain(t, s, want.After.Grouped())
	mustContain(t, s, "Premium value kept: "+report.PremiumMinutes(want.ValueKept)+" of "+report.PremiumMinutes(want.ValueBefore))
	for _, ch := range want.Changes {
		mustContain(t, s, ch.From.Name+" → "+ch.To.Name)
	}
	mustContain(t, s, "Chosen save "+card.CreditWord(want.Before-want.After)+": "+want.After.Grouped()+" of "+want.Balance.Grouped()+", fits")
	mustContain(t, s, "enter applies "+pricing.Plural(int64(len(want.Changes)), "change"))

	steps := len(m.undo)
	press(m, "enter")
	if !m.idle() || len(m.undo) != steps+1 {
		t.Fatalf("enter applies and closes, as one undo step: holding %v, %d steps", holder(m), len(m.undo)-steps)
	}
	if got := pricing.EncodeProject(m.Project(), card); !bytes.Equal(got, pricing.EncodeProject(want.Apply(fullMonth(card)), card)) {
		t.Fatalf("the applied month is pricing's Apply:\n%s", got)
	}
	if q := requirePriced(t, m); q.Premium != want.After || !q.Fits {
		t.Fatalf("after fitting, the month spends %v (fits %v), want %v", q.Premium, q.Fits, want.After)
	}
	mustContain(t, screen(m), want.After.Grouped()+" of "+want.Balance.Grouped()+" used")
	press(m, "u")
	if got := pricing.EncodeProject(m.Project(), card); !bytes.Equal(got, orig) {
		t.Fatalf("u gives the month back:\n%s", got)
	}
	requirePriced(t, m)
}

func TestFitAppliesWithFAgain(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	want, _ := card.FitProject(m.Project())
	pressSettle(m, "f")
	press(m, "f")
	if !m.idle() || requirePriced(t, m).Premium != want.After {
		t.Fatalf("f twice applies: holding %v, premium %v, want %v", holder(m), m.Quote().Premium, want.After)
	}
}

// esc closes the proposal; an answer that lands afterwards changes nothing.
func TestFitEscClosesAndLateAnswerIsDropped(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	orig := pricing.EncodeProject(m.Project(), card)
	cmd := press(m, "f")
	press(m, "esc")
	if !m.idle() {
		t.Fatal("esc closes the proposal")
	}
	m.Update(cmd())
	if !m.idle() || m.fit.res != nil {
		t.Fatal("an answer after esc must not reopen the proposal")
	}
	press(m, "enter") // Month: opens the video; must not apply anything
	if !bytes.Equal(pricing.EncodeProject(m.Project(), card), orig) {
		t.Fatal("nothing was applied")
	}
}

// A fit computed for an older revision of the month is never shown or applied.
func TestStaleFitResultIsIgnored(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 80, 24)
	old := press(m, "f")
	press(m, "esc", "right") // the weekly explainer: 4 -> 5 copies
	fresh := press(m, "f")
	m.Update(old())
	if m.fit.res != nil || !m.fit.pending {
		t.Fatal("the answer for the month before the edit must be dropped")
	}
	mustContain(t, screen(m), "Fitting the month")
	m.Update(fresh())
	want, _ := card.FitProject(m.Project())
	if m.fit.res == nil || m.fit.res.Before != want.Before || m.fit.res.After != want.After {
		t.Fatalf("the proposal is for the month as it is now: %+v", m.fit.res)
	}
	// Belt and braces: even an answer tagged with a future revision is dropped.
	m.Update(fitDoneMsg{rev: m.version + 1, res: &pricing.FitResult{}})
	if m.fit.res.Before != want.Before {
		t.Fatal("an answer for another revision replaced the proposal")
	}
}

// When nothing fits, the proposal says what would: the smallest top-up or a plan.
func TestFitNothingFitsNamesTopUpAndPlan(t *testing.T) {
	// Every premium feature on the default card has an included alternative, so
	// take the script writer's away: then script drafts cannot be fitted out.
	src, err := os.ReadFile("../plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{`alternative = "own-script"`, `alternative_reason = "a script you write yourself costs nothing"`} {
		if !bytes.Contains(src, []byte(line)) {
			t.Fatalf("plans.toml changed: no %s", line)
		}
		src = bytes.Replace(src, []byte(line), nil, 1)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	p := card.NewProject("creator")
	p.Videos[0].ScriptGenerations = 4
	p.HasBalance, p.Balance = true, pricing.WholeCredits(1)
	want, _ := card.FitProject(p)
	if want.Fits {
		t.Fatal("four script drafts at 0.5 cannot fit in a balance of 1")
	}
	m := New(Options{Card: card, Project: p})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	pressSettle(m, "tab", "f") // from Month: on the Video screen's Name row f types
	s := screen(m)
	mustContain(t, s, "Nothing fits, even with every substitution: still "+card.CreditWord(want.Short)+" short.")
	if want.CanTopUp {
		mustContain(t, s, "Top-up: "+want.TopUp.Describe(card)[:20])
	}
	if want.Upgrade != nil {
		mustContain(t, s, "Plan: "+want.Upgrade.Name)
	}
	before := pricing.EncodeProject(m.Project(), card)
	press(m, "enter")
	if !m.idle() || !bytes.Equal(before, pricing.EncodeProject(m.Project(), card)) || len(m.undo) != 0 {
		t.Fatal("enter closes a proposal that cannot fit, changing nothing")
	}
	mustContain(t, m.status, "Nothing applied")
}

func TestFitOnAMonthThatFitsChangesNothing(t *testing.T) {
	m := newModel(t, nil, 80, 24)
	pressSettle(m, "tab", "f") // from Month: on the Video screen's Name row f types
	mustContain(t, screen(m), "The month already fits: nothing to change.")
	press(m, "f")
	if !m.idle() || len(m.undo) != 0 {
		t.Fatal("applying an empty proposal closes it and leaves no undo step")
	}
}

// A long proposal scrolls; q closes it and quits as anywhere else.
func TestFitProposalScrollsAndQuits(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, bigMonth(card, 300), 80, 24)
	pressSettle(m, "f")
	r := m.fit.res
	if r == nil || len(r.Changes) <= m.layout.fit.rows.h {
		t.Fatalf("300 videos need more changes than one screen shows")
	}
	mustContain(t, screen(m), "changes 1–")
	// The cursor moves; the rows scroll only to keep it shown.
	press(m, "down", "down", "pgdown")
	if c := 2 + m.layout.fit.rows.h - 1; m.fit.cursor != c || m.layout.fit.offset != c-m.layout.fit.rows.h+1 {
		t.Fatalf("cursor %d offset %d after ↓ ↓ pgdn with %d rows", m.fit.cursor, m.layout.fit.offset, m.layout.fit.rows.h)
	}
	last := r.Changes[m.fit.cursor]
	mustContain(t, screen(m), last.VideoName)
	press(m, "up")
	if m.fit.cursor != m.layout.fit.rows.h || m.layout.fit.offset != 2 {
		t.Fatalf("↑: cursor %d offset %d", m.fit.cursor, m.layout.fit.offset)
	}
	for range m.fit.cursor + 1 {
		press(m, "up")
	}
	if m.fit.cursor != 0 || m.layout.fit.offset != 0 {
		t.Fatalf("↑ to the top: cursor %d offset %d", m.fit.cursor, m.layout.fit.offset)
	}
	if !isQuit(press(m, "q")) || !m.idle() {
		t.Fatal("q closes the proposal and quits an unchanged month")
	}
}

// While the proposal is open, clicks and wheel do not reach the screen beneath.
func TestFitProposalIsModal(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	pressSettle(m, "f")
	sel := m.sel
	m.Update(tea.MouseClickMsg{X: 10, Y: bodyTop + monthHeadRows + 2, Button: tea.MouseLeft})
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	press(m, "x", "a", "p")
	if m.sel != sel || len(m.Project().Videos) != 5 || m.Project().Plan != "creator" || !m.fit.open {
		t.Fatal("the proposal must keep keys and clicks from editing the month beneath it")
	}
	if !strings.Contains(m.statusLine(), "esc closes") {
		t.Fatalf("status line: %q", m.statusLine())
	}
}

// A fit on Creator replaces 4K (which Creator cannot render) even though the
// credits fit, and says that the 45-minute webinar still rules Creator out.
func TestFitProposalSaysWhatStillBlocksThePlan(t *testing.T) {
	card := loadCard(t)
	launch := card.NewVideo("Launch")
	launch.Picks[pricing.SlotResolution] = "4k"
	webinar := card.NewVideo("Webinar")
	webinar.Seconds = 45 * 60
	p := &pricing.Project{Plan: "creator", Seats: 1, Videos: []pricing.Video{launch, webinar}}
	m := newModel(t, p, 120, 40)
	pressSettle(m, "f")
	s := screen(m)
	mustContain(t, s, "4K → 1080p")
	mustContain(t, s, "1 change replaces choices Creator cannot make")
	mustContain(t, s, "Still blocked on Creator (no substitution cures these):")
	mustContain(t, s, "“Webinar” is 45m, longer than Creator's 30m maximum")
}

var spaceKey = keyMsg(" ")

// space leaves a change out; the summary prices the chosen ones with the card
// (a copy of the month with them made, quoted), and enter applies only those,
// as one undo step.
func TestFitAppliesOnlyTheChosenChanges(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	pressSettle(m, "f")
	r := m.fit.res
	if r == nil || len(r.Changes) < 2 {
		t.Fatal("the full month needs at least two changes")
	}
	for k := 1; k < len(r.Changes); k++ {
		if r.Changes[k-1].Saves < r.Changes[k].Saves {
			t.Fatalf("changes not by saving: %v then %v", r.Changes[k-1].Saves, r.Changes[k].Saves)
		}
	}
	_, cmd := m.Update(spaceKey)
	if !m.fit.off[0] || !m.fit.pricing {
		t.Fatal("space leaves the first change out and prices the rest in a command")
	}
	mustContain(t, screen(m), "Pricing the chosen changes")
	settle(m, cmd)
	sub := *r
	sub.Changes = r.Changes[1:]
	q, err := card.Quote(sub.Apply(fullMonth(card)))
	if err != nil {
		t.Fatal(err)
	}
	if m.fit.chosen != q.Premium || m.fit.chosenFits != q.Fits {
		t.Fatalf("chosen priced %v (fits %v), the card says %v (fits %v)", m.fit.chosen, m.fit.chosenFits, q.Premium, q.Fits)
	}
	s := screen(m)
	mustContain(t, s, "[ ]")
	mustContain(t, s, "Chosen save "+card.CreditWord(r.Before-q.Premium)+": "+q.Premium.Grouped())
	mustContain(t, m.statusLine(), "enter applies "+pricing.Plural(int64(len(r.Changes)-1), "change"))

	steps := len(m.undo)
	press(m, "enter")
	if !m.idle() || len(m.undo) != steps+1 {
		t.Fatal("enter applies the chosen changes as one undo step")
	}
	if got, want := pricing.EncodeProject(m.Project(), card), pricing.EncodeProject(sub.Apply(fullMonth(card)), card); !bytes.Equal(got, want) {
		t.Fatalf("applied month:\n%s\nwant:\n%s", got, want)
	}
}

// k keeps the choice of the change under the cursor and fits again: the new
// proposal never changes it, says it is kept, and is pricing's FitKeeping.
func TestFitKeepsALockedChoice(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, fullMonth(card), 120, 40)
	pressSettle(m, "f")
	first := m.fit.res.Changes[0]
	pressSettle(m, "k")
	r := m.fit.res
	if r == nil || !m.fit.open || len(m.fit.keep) != 1 {
		t.Fatalf("k fits again with one lock: %+v", m.fit)
	}
	for _, ch := range r.Changes {
		if lockOf(&ch) == lockOf(&first) {
			t.Fatalf("a kept choice was changed: %s", ch.Text(card))
		}
	}
	want, _ := card.FitProjectKeeping(fullMonth(card), func(v int, s pricing.Slot) bool { return fitLock{v, s} == lockOf(&first) })
	if r.After != want.After || len(r.Changes) != len(want.Changes) {
		t.Fatalf("the refit is pricing's FitKeeping: %v vs %v", r.After, want.After)
	}
	what := first.VideoName
	if !first.Rerenders {
		what = first.From.Name + " in “" + first.VideoName + "”"
	}
	mustContain(t, screen(m), "Kept: ")
	mustContain(t, screen(m), what)

	pressSettle(m, "K")
	if len(m.fit.keep) != 0 || m.fit.res == nil || m.fit.res.After != m.fit.chosen || len(m.fit.res.Changes) == 0 || lockOf(&m.fit.res.Changes[0]) != lockOf(&first) {
		t.Fatal("K forgets the kept choice and fits again as at first")
	}
}
