package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// fit cuts s to w cells (with an ellipsis when cut) and pads it to exactly w, so
// columns line up and no line spills past the terminal's edge.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := width(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = width(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// clip cuts s to w cells without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// right pads s on the left to w cells, for number columns.
func right(s string, w int) string {
	n := width(s)
	if n >= w {
		return clip(s, w)
	}
	return strings.Repeat(" ", w-n) + s
}

// percent writes part/whole as a percentage with one decimal, in integers: "12.5%".
func percent(part, whole pricing.Credits) string {
	if whole <= 0 {
		return "–"
	}
	tenths := (int64(part)*1000 + int64(whole)/2) / int64(whole)
	return itoa(tenths/10) + "." + itoa(tenths%10) + "%"
}

// bar draws filled cells out of w for part/whole, rounding to the nearest cell.
func bar(part, whole int64, w int) int {
	if whole <= 0 || w <= 0 || part <= 0 {
		return 0
	}
	if part >= whole {
		return w
	}
	return int((part*int64(w) + whole/2) / whole)
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// window returns the first row to show so that sel stays visible in h rows,
// moving the previous offset as little as possible.
func window(offset, sel, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	if sel < offset {
		offset = sel
	}
	if sel >= offset+h {
		offset = sel - h + 1
	}
	return max(0, min(offset, n-h))
}

// narrowGlyphs are the non-ASCII characters the planner itself draws; all take one cell.
var narrowGlyphs = map[rune]bool{
	'‹': true, '›': true, '★': true, '•': true, '✗': true, '⌫': true, '←': true, '→': true,
	'↑': true, '↓': true, '⇧': true, '─': true, '█': true, '░': true, '▓': true, '…': true,
	'·': true, '×': true, '–': true, '−': true, '€': true, '£': true, '“': true, '”': true,
}

// width is the cells s takes on screen. Lines are measured on every frame, so the
// common case (ASCII, the glyphs above and SGR colour codes) is counted directly;
// anything else (accents, CJK, emoji in a video's name) goes to ansi.StringWidth.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j + 1
		case c >= 0x20 && c < 0x7f:
			n++
			i++
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrowGlyphs[r] {
				return ansi.StringWidth(s)
			}
			n++
			i += size
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}
