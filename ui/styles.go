package ui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Style is a Lip Gloss style reduced to the escape codes it puts before and after
// a one-line text. View styles dozens of short strings on every key; rendering
// them through Lip Gloss each time costs more than the whole quote, so each
// style is rendered once, when the background is known, and reused.
type Style struct{ pre, post string }

// paint captures a Lip Gloss style's codes by rendering a marker once.
func paint(st lipgloss.Style) Style {
	out := st.Render("\u2063")
	pre, post, ok := strings.Cut(out, "\u2063")
	if !ok {
		return Style{}
	}
	return Style{pre, post}
}

// Render wraps one line of text in the style's codes.
func (s Style) Render(text string) string {
	if text == "" {
		return ""
	}
	return s.pre + text + s.post
}

// Styles holds every style the planner draws with, built once per background so
// View never builds a style. Colours degrade through Bubble Tea's colour profile,
// so NO_COLOR and plain terminals still get bold/reverse and the text markers.
type Styles struct {
	Title     Style // the app name in the header
	Card      Style // the rate card's name and date
	File      Style // the project's file name
	Tab       Style
	ActiveTab Style
	Rule      Style
	Heading   Style // a panel's section heading
	Label     Style // a form field's label
	Value     Style
	Muted     Style // secondary text: included, inactive slots
	Premium   Style // the "Premium" label on options that spend credits
	Blocked   Style // an option or plan that cannot be used, and why
	Good      Style // fits, remaining credits
	Bad       Style // short, runs out
	Selected  Style // the focused row or field
	Recommend Style // the recommended plan
	BarFill   Style
	BarEmpty  Style
	BarShort  Style
	Status    Style
	Error     Style
	Prompt    Style // a question on the status line
	HelpKey   Style // a key in the footer and the full help
	HelpDesc  Style // what the key does
	HelpSep   Style // the dots between the footer's keys, and its ellipsis
	Badge     Style // the header's badges: "presenting", "custom pricing"
}

// palette is the planner's colours on one background; every style, those of
// the bubbles it uses included, is made of them, so the contrast test that
// reads the styles covers everything drawn.
type palette struct {
	accent, muted, premium, bad, good, selBg, fg color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		accent:  ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#A48CFF")),
		muted:   ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A")),
		premium: ld(lipgloss.Color("#9A5B00"), lipgloss.Color("#FFB454")),
		bad:     ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF6B6B")),
		good:    ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#6BD58A")),
		selBg:   ld(lipgloss.Color("#E4DEFF"), lipgloss.Color("#3A2F6B")),
		fg:      ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#EDEDED")),
	}
}

// helpStyles are the key help's styles (bubbles/help's own greys are below
// 4.5:1 on both backgrounds): keys in the text colour, what they do muted.
func helpStyles(isDark bool) help.Styles {
	c := newPalette(isDark)
	return helpStylesIn(c.fg, c.muted)
}

// helpStylesIn are the key help's styles in a theme's colours: keys bold in
// its text colour, what they do in its muted one (both themes use it).
func helpStylesIn(fg, muted color.Color) help.Styles {
	k := lipgloss.NewStyle().Bold(true).Foreground(fg)
	d := lipgloss.NewStyle().Foreground(muted)
	return help.Styles{Ellipsis: d, ShortKey: k, ShortDesc: d, ShortSeparator: d, FullKey: k, FullDesc: d, FullSeparator: d}
}

// inputStyles are the text input's styles, for the same reason.
func inputStyles(isDark bool) textinput.Styles {
	c := newPalette(isDark)
	return inputStylesIn(isDark, c.fg, c.muted, c.accent)
}

// inputStylesIn are the text input's styles in a theme's colours (both themes use it).
func inputStylesIn(isDark bool, fg, muted, cursor color.Color) textinput.Styles {
	st := textinput.StyleState{
		Text:        lipgloss.NewStyle().Foreground(fg),
		Placeholder: lipgloss.NewStyle().Foreground(muted),
		Suggestion:  lipgloss.NewStyle().Foreground(muted),
		Prompt:      lipgloss.NewStyle().Foreground(fg),
	}
	out := textinput.DefaultStyles(isDark)
	out.Focused, out.Blurred = st, st
	out.Cursor.Color = cursor
	return out
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	c := newPalette(isDark)
	accent, muted, premium, bad, good, selBg, fg := c.accent, c.muted, c.premium, c.bad, c.good, c.selBg, c.fg
	hs := helpStyles(isDark)
	return Styles{
		HelpKey:   paint(hs.ShortKey),
		HelpDesc:  paint(hs.ShortDesc),
		HelpSep:   paint(hs.ShortSeparator),
		Title:     paint(lipgloss.NewStyle().Bold(true).Foreground(accent)),
		Card:      paint(lipgloss.NewStyle().Foreground(fg)),
		File:      paint(lipgloss.NewStyle().Foreground(muted)),
		Tab:       paint(lipgloss.NewStyle().Foreground(muted)),
		ActiveTab: paint(lipgloss.NewStyle().Bold(true).Reverse(true)),
		Rule:      paint(lipgloss.NewStyle().Foreground(muted)),
		Heading:   paint(lipgloss.NewStyle().Bold(true).Foreground(accent)),
		Label:     paint(lipgloss.NewStyle().Foreground(muted)),
		Value:     paint(lipgloss.NewStyle().Foreground(fg)),
		Muted:     paint(lipgloss.NewStyle().Foreground(muted)),
		Premium:   paint(lipgloss.NewStyle().Bold(true).Foreground(premium)),
		Blocked:   paint(lipgloss.NewStyle().Foreground(bad)),
		Good:      paint(lipgloss.NewStyle().Foreground(good)),
		Bad:       paint(lipgloss.NewStyle().Bold(true).Foreground(bad)),
		Selected:  paint(lipgloss.NewStyle().Bold(true).Background(selBg)),
		Recommend: paint(lipgloss.NewStyle().Bold(true).Foreground(good)),
		BarFill:   paint(lipgloss.NewStyle().Foreground(accent)),
		BarEmpty:  paint(lipgloss.NewStyle().Foreground(muted)),
		BarShort:  paint(lipgloss.NewStyle().Foreground(bad)),
		Status:    paint(lipgloss.NewStyle().Foreground(fg)),
		Error:     paint(lipgloss.NewStyle().Bold(true).Foreground(bad)),
		Prompt:    paint(lipgloss.NewStyle().Bold(true).Foreground(premium)),
		Badge:     paint(lipgloss.NewStyle().Bold(true).Foreground(premium)),
	}
}
