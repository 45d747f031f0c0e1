package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// The projector theme. A projector washes colours out and a shared screen
// is read from across a room, so presentation mode draws every text, bar and
// rule at WCAG contrast 7:1 or more (AAA) against the background it stands
// on, with no dim greys and nothing faint: the secondary text is a dark (or,
// on a dark background, a light) grey far from the background, and emphasis
// comes from bold and the badge's solid block. TestPresentThemeContrast
// computes every pair from these colours on light and dark backgrounds.

// presentPalette is the projector theme's colours on one background. selFg
// on selBg is the selected row; badgeFg on badgeBg the "presenting" badge and
// the active tab.
type presentPalette struct {
	fg, accent, muted, premium, bad, good color.Color
	selFg, selBg, badgeFg, badgeBg        color.Color
}

func newPresentPalette(isDark bool) presentPalette {
	ld := lipgloss.LightDark(isDark)
	return presentPalette{
		fg:      ld(lipgloss.Color("#111111"), lipgloss.Color("#F5F5F5")),
		accent:  ld(lipgloss.Color("#3A1D9E"), lipgloss.Color("#CBBCFF")),
		muted:   ld(lipgloss.Color("#333333"), lipgloss.Color("#D4D4D4")),
		premium: ld(lipgloss.Color("#6A3A00"), lipgloss.Color("#FFD17A")),
		bad:     ld(lipgloss.Color("#8E0F0A"), lipgloss.Color("#FFA8A0")),
		good:    ld(lipgloss.Color("#0B5323"), lipgloss.Color("#8FF0AA")),
		selFg:   ld(lipgloss.Color("#111111"), lipgloss.Color("#FFFFFF")),
		selBg:   ld(lipgloss.Color("#DCD3FF"), lipgloss.Color("#3A2F6B")),
		badgeFg: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#111111")),
		badgeBg: ld(lipgloss.Color("#3A1D9E"), lipgloss.Color("#CBBCFF")),
	}
}

// presentHelpStyles are the key help's styles in the projector theme.
func presentHelpStyles(isDark bool) help.Styles {
	c := newPresentPalette(isDark)
	return helpStylesIn(c.fg, c.muted)
}

// presentInputStyles are the text input's styles in the projector theme.
func presentInputStyles(isDark bool) textinput.Styles {
	c := newPresentPalette(isDark)
	return inputStylesIn(isDark, c.fg, c.muted, c.accent)
}

// NewPresentStyles builds the projector theme's styles for a dark or light background.
func NewPresentStyles(isDark bool) Styles {
	c := newPresentPalette(isDark)
	hs := presentHelpStyles(isDark)
	fg := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(col) }
	bold := func(col color.Color) lipgloss.Style { return lipgloss.NewStyle().Bold(true).Foreground(col) }
	block := lipgloss.NewStyle().Bold(true).Foreground(c.badgeFg).Background(c.badgeBg)
	return Styles{
		HelpKey:   paint(hs.ShortKey),
		HelpDesc:  paint(hs.ShortDesc),
		HelpSep:   paint(hs.ShortSeparator),
		Title:     paint(bold(c.accent)),
		Card:      paint(fg(c.fg)),
		File:      paint(bold(c.fg)),
		Tab:       paint(fg(c.muted)),
		ActiveTab: paint(block),
		Rule:      paint(fg(c.muted)),
		Heading:   paint(bold(c.accent)),
		Label:     paint(fg(c.muted)),
		Value:     paint(fg(c.fg)),
		Muted:     paint(fg(c.muted)),
		Premium:   paint(bold(c.premium)),
		Blocked:   paint(fg(c.bad)),
		Good:      paint(fg(c.good)),
		Bad:       paint(bold(c.bad)),
		Selected:  paint(lipgloss.NewStyle().Bold(true).Foreground(c.selFg).Background(c.selBg)),
		Recommend: paint(bold(c.good)),
		BarFill:   paint(fg(c.accent)),
		BarEmpty:  paint(fg(c.muted)),
		BarShort:  paint(fg(c.bad)),
		Status:    paint(fg(c.fg)),
		Error:     paint(bold(c.bad)),
		Prompt:    paint(bold(c.premium)),
		Badge:     paint(block),
	}
}
