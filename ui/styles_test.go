package ui

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// sgrColour finds a 24-bit colour in a style's codes: 38 is the foreground, 48 the background.
var sgrColour = regexp.MustCompile(`\x1b\[[0-9;]*?(38|48);2;(\d+);(\d+);(\d+)`)

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(r, g, b int) float64 {
	lin := func(c int) float64 {
		v := float64(c) / 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// namedStyle is a style's codes and where it comes from.
type namedStyle struct{ name, pre string }

// drawnStyles is every style the planner draws with: the Styles struct, and
// the styles it gives the bubbles it uses (the key help, the text input).
func drawnStyles(isDark bool) []namedStyle {
	var out []namedStyle
	st := reflect.ValueOf(NewStyles(isDark))
	for i := 0; i < st.NumField(); i++ {
		out = append(out, namedStyle{st.Type().Field(i).Name, st.Field(i).Interface().(Style).pre})
	}
	lip := func(prefix string, v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			if ls, ok := v.Field(i).Interface().(lipgloss.Style); ok {
				out = append(out, namedStyle{prefix + v.Type().Field(i).Name, paint(ls).pre})
			}
		}
	}
	lip("help.", reflect.ValueOf(helpStyles(isDark)))
	in := inputStyles(isDark)
	lip("input.Focused.", reflect.ValueOf(in.Focused))
	lip("input.Blurred.", reflect.ValueOf(in.Blurred))
	return out
}

// TestStylesAreReadableOnBothBackgrounds checks every coloured text style
// against a typical light (#FFFFFF) and dark (#1E1E1E) terminal background:
// WCAG's 4.5:1 for text, 3:1 for the bars and the rule, which are not read. The
// golden file lists each style's colours and contrast, to read when a colour changes.
func TestStylesAreReadableOnBothBackgrounds(t *testing.T) {
	decorative := map[string]bool{"BarFill": true, "BarEmpty": true, "BarShort": true, "Rule": true}
	var report strings.Builder
	for _, bg := range []struct {
		name    string
		isDark  bool
		r, g, b int
	}{{"light", false, 0xFF, 0xFF, 0xFF}, {"dark", true, 0x1E, 0x1E, 0x1E}} {
		fmt.Fprintf(&report, "%s background #%02X%02X%02X\n", bg.name, bg.r, bg.g, bg.b)
		for _, sty := range drawnStyles(bg.isDark) {
			name, pre := sty.name, sty.pre
			fg, back := "default", "default"
			var fgLum, bgLum float64 = -1, luminance(bg.r, bg.g, bg.b)
			for _, m := range sgrColour.FindAllStringSubmatch(pre, -1) {
				r, _ := strconv.Atoi(m[2])
				g, _ := strconv.Atoi(m[3])
				b, _ := strconv.Atoi(m[4])
				hex := fmt.Sprintf("#%02X%02X%02X", r, g, b)
				if m[1] == "38" {
					fg, fgLum = hex, luminance(r, g, b)
				} else {
					back, bgLum = hex, luminance(r, g, b)
				}
			}
			if fgLum < 0 {
				// The terminal's own text colour: black on light, white on dark.
				fgLum = 0
				if bg.isDark {
					fgLum = 1
				}
			}
			c := contrast(fgLum, bgLum)
			min := 4.5
			if decorative[name] {
				min = 3
			}
			fmt.Fprintf(&report, "  %-26s fg %-8s bg %-8s %5.2f:1\n", name, fg, back, c)
			if c < min {
				t.Errorf("%s on %s: contrast %.2f:1, below %.1f:1", name, bg.name, c, min)
			}
		}
	}
	golden.RequireEqual(t, report.String())
}

// The planner draws its key help and text input with the styles the contrast
// test reads, on both backgrounds, not with the bubbles' own greys.
func TestThePlannerUsesTheCheckedBubbleStyles(t *testing.T) {
	m := newModel(t, fullMonth(loadCard(t)), 80, 24)
	for _, dark := range []bool{true, false} {
		m.isDark = dark
		m.applyStyles()
		if !reflect.DeepEqual(m.help.Styles, helpStyles(dark)) || !reflect.DeepEqual(m.input.Styles(), inputStyles(dark)) {
			t.Errorf("dark %v: the help or the input draws with styles the contrast test does not check", dark)
		}
	}
}
