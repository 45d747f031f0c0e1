package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
)

// fit cuts s to w cells (with an ellipsis when cut) and pads it to exactly w, so
// columns line up and no line spills past the terminal's edge. s is made
// printable first (see printable), and measured as it will be shown.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = printable(s)
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

// clip cuts s to w cells without padding; s is made printable first.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = printable(s)
	if width(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// right pads s on the left to w cells, for number columns; s is made
// printable first.
func right(s string, w int) string {
	s = printable(s)
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
	'‹': true, '›': true, '✓': true, '◆': true, '•': true, '✗': true, '←': true, '→': true,
	'↑': true, '↓': true, '⇧': true, '─': true, '█': true, '░': true, '▒': true, '▓': true, '…': true,
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

// printable is the planner's side of the printable-text rule (see
// pricing/printable.go): s with every character pricing.UnsafeRune refuses
// (escape sequences, C0 and C1 controls, newlines, bidirectional overrides and
// isolates) and every invalid byte escaped as pricing.Printable escapes it
// ("\x1b", "\u202e"), except the colour and weight codes the planner's own
// styles put around text: SGR sequences, ESC "[" digits and separators "m".
// SGR can only colour text; it cannot link, title the window, move the cursor
// or clear the screen. Every line of a frame passes fit (render fits each one
// to the terminal's width), and the columns inside a line pass fit, clip or
// right, so names are escaped before they are measured and the columns stay
// aligned. Clean text is returned as it is, without allocating.
func printable(s string) string {
	i := firstUnprintable(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		size, ok := printableAt(s, i)
		if ok {
			b.WriteString(s[i : i+size])
		} else {
			b.WriteString(pricing.Printable(s[i : i+size]))
		}
		i += size
	}
	return b.String()
}

// firstUnprintable is the offset of the first character of s that printable
// escapes, or -1.
func firstUnprintable(s string) int {
	for i := 0; i < len(s); {
		size, ok := printableAt(s, i)
		if !ok {
			return i
		}
		i += size
	}
	return -1
}

// printableAt measures the character (or SGR sequence) at s[i] and says
// whether it may be shown as it is.
func printableAt(s string, i int) (size int, ok bool) {
	c := s[i]
	switch {
	case c >= 0x20 && c < 0x7f:
		return 1, true
	case c == 0x1b:
		if n := sgrLen(s[i:]); n > 0 {
			return n, true
		}
		return 1, false
	case c < 0x80:
		return 1, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return 1, false
	}
	return size, !pricing.UnsafeRune(r)
}

// sgrLen is the length of the SGR sequence s starts with (ESC "[", digits,
// ";" or ":", then "m"), or 0 when s starts with anything else.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for j := 2; j < len(s); j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}
