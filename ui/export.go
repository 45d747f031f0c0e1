package ui

import (
	"bytes"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// export is e: it writes what the screen shows as Markdown, beside the
// project, in a file named for what it holds: the Video and Month screens
// the month's quote (<base>.quote.md), Plans the plans comparison with the
// cheapest way to make the month (<base>.plans.md), Year the year
// (<base>.year.md), Scenarios the plans compared and the scenarios side by
// side (<base>.scenarios.md), and the vendors side by side when v shows them
// (<base>.vendors.md). With Options.Proposal, Plans (but the vendors), Year
// and Scenarios write the proposal instead (exportProposal). The Markdown is rendered here, from what the screen
// shows (it is pure and cheap); the file is written in a command, asking
// before replacing one the planner did not write.
func (m *Model) export() tea.Cmd {
	if m.proposal != nil && m.exportsProposal() {
		return m.exportProposal()
	}
	kind, what, data, err := m.exportContent()
	if err != nil {
		m.setError(err)
		return nil
	}
	return m.writeExportFile(exportPath(m.path, kind), what, data)
}

// exportsProposal reports whether e on the current screen writes the
// proposal (Options.Proposal): on the Plans screen (but the vendors side by
// side), the Year and the Scenarios screens, whose comparison, year and
// scenarios the proposal holds, all three, as `creditplan proposal` writes
// them. The Video and Month screens keep exporting the quote.
func (m *Model) exportsProposal() bool {
	switch m.screen {
	case ScreenPlans:
		return !(m.vend.on && m.multiVendor())
	case ScreenYear, ScreenScenarios:
		return true
	}
	return false
}

// exportProposal is e writing the proposal beside the project
// (<base>.proposal.md): the month as the screen shows it is written as its
// file would hold it (pricing.EditProject, as a save would, keeping what it
// can of the file), then rendered by Options.Proposal, which reads the
// card; all in the command, asking before replacing a file the planner did
// not write.
func (m *Model) exportProposal() tea.Cmd {
	if m.quote == nil {
		m.setError(errors.New("nothing to export: the month cannot be priced"))
		return nil
	}
	path, what := exportPath(m.path, "proposal"), "the proposal"
	base, project, card, projectPath, render := m.disk, m.project.Clone(), m.card, m.path, m.proposal
	return m.writeExportFileFrom(path, what, func() ([]byte, error) {
		src, _ := pricing.EditProject(base.data, base.project, project, card)
		doc, err := render(projectPath, src)
		if err != nil {
			return nil, fmt.Errorf("export failed: %w", err)
		}
		return doc, nil
	})
}

// exportContent renders the current screen's export: its kind (the file
// name's part), what it holds as the status line says it, and the Markdown.
func (m *Model) exportContent() (kind, what string, data []byte, err error) {
	var buf bytes.Buffer
	switch {
	case m.screen == ScreenPlans && m.vend.on && m.multiVendor():
		// The vendors side by side (v), as compare --rates A --rates B writes them.
		switch {
		case !m.vendorsFresh():
			return "", "", nil, errors.New("the vendors are still being compared; e exports them once they show")
		case m.vend.err != nil:
			return "", "", nil, fmt.Errorf("nothing to export: the vendors cannot be compared: %w", m.vend.err)
		}
		kind, what = "vendors", "the vendors comparison"
		err = report.WriteVendors(&buf, m.vend.cmp, report.Markdown)
	case m.screen == ScreenPlans:
		m.ensureCompare()
		if m.cmp == nil {
			return "", "", nil, errors.New("nothing to export: the plans cannot be compared")
		}
		kind, what = "plans", "the plans comparison"
		// The right-sizing, when it is worked out for the month as shown.
		rs := m.rs
		if m.rsRev != m.version {
			rs = nil
		}
		err = report.WriteComparison(&buf, m.cmp, rs, report.Markdown)
	case m.screen == ScreenScenarios:
		switch {
		case len(m.project.Scenarios) == 0:
			return "", "", nil, errors.New("nothing to export: this project has no scenarios (N saves the month as one)")
		case m.quote == nil:
			return "", "", nil, errors.New("nothing to export: the month cannot be priced")
		case !m.scenariosFresh():
			return "", "", nil, errors.New("the scenarios are still being priced; e exports them once they show")
		}
		kind, what = "scenarios", "the scenarios"
		// The plans compared, then the month as planned and each scenario side
		// by side, as the screen and `creditplan compare` show them.
		rs := m.rs
		if m.rsRev != m.version {
			rs = nil
		}
		cmp := m.cmp
		if cmp == nil {
			cmp = m.card.CompareQuote(m.quote, m.project)
		}
		err = report.WriteComparisonScenarios(&buf, cmp, rs, m.scen.rows, report.Markdown)
	case m.screen == ScreenYear:
		y := m.year.res
		switch {
		case m.year.err != nil:
			return "", "", nil, fmt.Errorf("nothing to export: the year cannot be simulated: %w", m.year.err)
		case y == nil || !m.yearFresh():
			return "", "", nil, errors.New("the year is still being simulated; e exports it once it shows")
		}
		kind, what = "year", "the year"
		var blocked []string
		if q := m.quote; q != nil && q.Plan != nil && y.Plan != nil && q.Plan.ID == y.Plan.ID {
			blocked = q.Blocked
		}
		err = report.WriteYearBlocked(&buf, y, blocked, report.Markdown)
	default:
		if m.quote == nil {
			return "", "", nil, errors.New("nothing to export: the month cannot be priced")
		}
		kind, what = "quote", "the quote"
		err = report.WriteQuoteCures(&buf, m.quote, m.cure, report.Markdown)
	}
	if err != nil {
		return "", "", nil, fmt.Errorf("export failed: %w", err)
	}
	return kind, what, buf.Bytes(), nil
}

// exportedStatus is the status line after an export: what it holds, and
// where, except while presenting, where no path shows.
func exportedStatus(msg exportedMsg, presenting bool) string {
	what := msg.what
	if what == "" {
		what = "the quote"
	}
	if presenting {
		return "Exported " + what + "."
	}
	return "Exported " + what + " to " + msg.path + "."
}
