package pricing

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The printable-text rule: a name from a card or a project is shown to people
// in terminals, Markdown and spreadsheets, so it must never be able to drive a
// terminal (escape sequences, OSC 8 links, window titles), reorder what is
// shown around it (bidirectional overrides and isolates), or break a line.
// Loaders refuse such names with file:line:col; outputs neutralise them too,
// so a name built in code or a future input path is safe all the same.

// UnsafeRune reports whether r may not appear in a name: C0 controls (tab and
// newline included), DEL, C1 controls, and the bidirectional embeddings,
// overrides, isolates and marks (U+200E, U+200F, U+061C, U+202A-U+202E,
// U+2066-U+2069).
func UnsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// FirstUnsafe returns the byte offset and the rune of the first character of s
// that UnsafeRune refuses or that is not valid UTF-8, and ok=false when s is
// safe to show.
func FirstUnsafe(s string) (offset int, r rune, ok bool) {
	for i, r := range s {
		if r == utf8.RuneError || UnsafeRune(r) {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size > 1 {
					continue // a real U+FFFD in the text is fine
				}
			}
			return i, r, true
		}
	}
	return 0, 0, false
}

// DescribeRune names a refused character for an error message: "U+001B (ESC)".
func DescribeRune(r rune) string {
	q := strconv.QuoteRuneToASCII(r)
	return "U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + " " + q
}

// Printable returns s with every character UnsafeRune refuses (and every
// invalid byte) replaced by a visible escape such as \x1b or \u202e, so the
// text can be written to a terminal, a Markdown file or a table cell as it is.
// Safe text is returned unchanged and without allocating.
func Printable(s string) string {
	if _, _, bad := FirstUnsafe(s); !bad {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case UnsafeRune(r):
			q := strconv.QuoteRuneToASCII(r) // '\x1b' or '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
