package ui

import (
	"charm.land/lipgloss/v2"
)

// Styles holds every style the planner draws with, built once per background so
// View never builds a style. Colours degrade through Bubble Tea's colour profile,
// so NO_COLOR and plain terminals still get bold/reverse and the text markers.
type Styles struct {
	Title     lipgloss.Style // the app name in the header
	Card      lipgloss.Style // the rate card's name and date
	File      lipgloss.Style // the project's file name
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Rule      lipgloss.Style
	Heading   lipgloss.Style // a panel's section heading
	Label     lipgloss.Style // a form field's label
	Value     lipgloss.Style
	Muted     lipgloss.Style // secondary text: included, inactive slots
	Premium   lipgloss.Style // the "Premium" label on options that spend credits
	Blocked   lipgloss.Style // an option or plan that cannot be used, and why
	Good      lipgloss.Style // fits, remaining credits
	Bad       lipgloss.Style // short, runs out
	Selected  lipgloss.Style // the focused row or field
	Recommend lipgloss.Style // the recommended plan
	BarFill   lipgloss.Style
	BarEmpty  lipgloss.Style
	BarShort  lipgloss.Style
	Status    lipgloss.Style
	Error     lipgloss.Style
	Prompt    lipgloss.Style // a question on the status line
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#A48CFF"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	premium := ld(lipgloss.Color("#9A5B00"), lipgloss.Color("#FFB454"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF6B6B"))
	good := ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#6BD58A"))
	selBg := ld(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A2F6B"))
	fg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#EDEDED"))
	return Styles{
		Title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Card:      lipgloss.NewStyle().Foreground(fg),
		File:      lipgloss.NewStyle().Foreground(muted),
		Tab:       lipgloss.NewStyle().Foreground(muted),
		ActiveTab: lipgloss.NewStyle().Bold(true).Reverse(true),
		Rule:      lipgloss.NewStyle().Foreground(muted),
		Heading:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Label:     lipgloss.NewStyle().Foreground(muted),
		Value:     lipgloss.NewStyle().Foreground(fg),
		Muted:     lipgloss.NewStyle().Foreground(muted),
		Premium:   lipgloss.NewStyle().Bold(true).Foreground(premium),
		Blocked:   lipgloss.NewStyle().Foreground(bad),
		Good:      lipgloss.NewStyle().Foreground(good),
		Bad:       lipgloss.NewStyle().Bold(true).Foreground(bad),
		Selected:  lipgloss.NewStyle().Bold(true).Background(selBg),
		Recommend: lipgloss.NewStyle().Bold(true).Foreground(good),
		BarFill:   lipgloss.NewStyle().Foreground(accent),
		BarEmpty:  lipgloss.NewStyle().Foreground(muted),
		BarShort:  lipgloss.NewStyle().Foreground(bad),
		Status:    lipgloss.NewStyle().Foreground(fg),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(bad),
		Prompt:    lipgloss.NewStyle().Bold(true).Foreground(premium),
	}
}
