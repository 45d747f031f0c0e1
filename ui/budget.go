package ui

import (
	"slices"
	"strings"

	"creditplan/pricing"
)

// The month's budget in money: `$` asks for it, as `B` asks for the balance.

func (m *Model) askBudget() {
	value := ""
	if m.project.HasBudget {
		value = budgetText(m.project.Budget)
	}
	m.openTextPrompt(promptBudget, "Budget this month in "+m.card.Currency+" (empty = none): ", "", "no budget", value)
}

// setBudget reads the budget typed: empty means none; otherwise the text
// `--budget` takes, read by the same rule (pricing.ReadBudget: the card's
// currency's decimals, not negative), refused with the same message.
func (m *Model) setBudget(text string) error {
	if strings.TrimSpace(text) == "" {
		m.editHeader("budget change", func(p *pricing.Project) { p.HasBudget, p.Budget = false, 0 })
		m.setStatus("No budget in money for this month.")
		return nil
	}
	b, err := m.card.ReadBudget(text)
	if err != nil {
		return err
	}
	m.editHeader("budget change", func(p *pricing.Project) { p.HasBudget, p.Budget = true, b })
	m.setStatus("Budget set to " + m.card.Money(b) + " this month.")
	return nil
}

// askOneTime asks for the month's one-time charges, as typed text: each
// charge's id or name and the month it falls in ("studio-avatar 3").
func (m *Model) askOneTime() {
	if len(m.card.OneTime) == 0 {
		m.setStatus(m.card.Name + " lists no one-time charges.")
		return
	}
	m.openTextPrompt(promptOneTime, "One-time charges (id month, …; empty = none): ", "",
		strings.Join(m.card.OneTimeIDs(), ", "), pricing.OneTimeNeedsText(m.project.OneTime))
}

// setOneTime reads the one-time charges typed by the rule a project file's
// [[one_time]] follows (pricing.ParseOneTimeNeeds: the card's, offered on the
// month's plan, each once, in a month 1-12).
func (m *Model) setOneTime(text string) error {
	needs, err := m.card.ParseOneTimeNeeds(text, m.project.Plan, m.project.OneTime)
	if err != nil {
		return err
	}
	if slices.Equal(needs, m.project.OneTime) {
		m.setStatus("One-time charges unchanged.")
		return nil
	}
	m.editHeader("one-time change", func(p *pricing.Project) { p.OneTime = needs })
	if len(needs) == 0 {
		m.setStatus("No one-time charges this year.")
		return nil
	}
	parts := make([]string, len(needs))
	for i, n := range needs {
		o, _ := m.card.OneTimeCharge(n.ID)
		parts[i] = o.Name + " in month " + itoa(int64(n.Month))
	}
	m.setStatus("One-time: " + strings.Join(parts, ", ") + ". The Year screen puts each in its month.")
	return nil
}

// budgetText is a budget as the prompt shows it for editing: "60", "59.5".
func budgetText(b pricing.Money) string {
	s := b.Plain()
	s = strings.TrimSuffix(s, ".00")
	return s
}

// budgetLine is the Month screen's line about the month's budget and its
// one-time charges: "Budget $60.00: the month costs $44.00, $16.00 under ·
// one-time: Photo avatar training 20 ≈"; "" when it has neither.
func (m *Model) budgetLine(q *pricing.Quote) (string, bool) {
	var parts []string
	ok := true
	if b, has := q.AgainstBudget(); has {
		parts = append(parts, b.Sentence(m.card))
		ok = b.Within
	}
	for _, l := range q.OneTime {
		parts = append(parts, "One-time: "+l.Text(m.card, q.Plan))
	}
	for _, l := range q.OneTimeLater {
		parts = append(parts, "Later: "+l.LaterText(m.card, q.Plan))
	}
	return strings.Join(parts, " · "), ok
}
