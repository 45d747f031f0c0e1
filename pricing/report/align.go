package report

import (
	"bytes"

	"github.com/charmbracelet/x/ansi"
)

// aligner lays out small tables of plain text in columns. It is hand-written
// rather than a table library because a 10,000-video quote prints 10,000 of
// them: cells live in one flat slice reused from table to table, so printing
// allocates almost nothing.
type aligner struct {
	cells []string
	// cellWidths holds each cell's width, measured once: a width that is not
	// plain ASCII ("2m30s × 2 languages") takes a grapheme walk.
	cellWidths []int
	widths     []int
	// right marks the columns aligned to the right (numbers); its length is the
	// number of columns.
	right []bool
}

// reset starts a new table; right has one entry per column, true for the
// columns aligned to the right.
func (a *aligner) reset(right ...bool) {
	a.cells = a.cells[:0]
	a.right = append(a.right[:0], right...)
}

// add appends a row of at most len(right) cells; missing cells are empty.
// Each cell is made printable (safe) here, before it is measured, so a name's
// control characters can neither reach the terminal nor skew the columns: the
// width that counts is the escaped text's.
func (a *aligner) add(cells ...string) {
	n := len(a.right)
	for _, c := range cells[:min(len(cells), n)] {
		a.cells = append(a.cells, safe(c))
	}
	for range n - len(cells) {
		a.cells = append(a.cells, "")
	}
}

// write prints the table, each row after indent, columns two spaces apart,
// without trailing spaces.
func (a *aligner) write(w *bytes.Buffer, indent string) {
	n := len(a.right)
	if n == 0 {
		return
	}
	a.widths = append(a.widths[:0], make([]int, n)...)
	a.cellWidths = a.cellWidths[:0]
	for i, c := range a.cells {
		cw := width(c)
		a.cellWidths = append(a.cellWidths, cw)
		a.widths[i%n] = max(a.widths[i%n], cw)
	}
	for start := 0; start+n <= len(a.cells); start += n {
		r := a.cells[start : start+n]
		w.WriteString(indent)
		// Trailing empty cells print nothing, so no line ends in spaces.
		last := n - 1
		for last >= 0 && r[last] == "" {
			last--
		}
		for i := 0; i <= last; i++ {
			c := r[i]
			pad := a.widths[i] - a.cellWidths[start+i]
			if i > 0 {
				w.WriteString("  ")
			}
			if a.right[i] {
				writeSpaces(w, pad)
			}
			w.WriteString(c)
			if !a.right[i] && i < last {
				writeSpaces(w, pad)
			}
		}
		w.WriteByte('\n')
	}
}

const spaces = "                                                                "

func writeSpaces(w *bytes.Buffer, n int) {
	for n > len(spaces) {
		w.WriteString(spaces)
		n -= len(spaces)
	}
	if n > 0 {
		w.WriteString(spaces[:n])
	}
}

// width is the number of terminal cells s takes: its length when it is ASCII
// (almost always, and cheap), otherwise what the terminal will show ("×" is one
// cell, a CJK name two).
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if n, ok := narrowWidth(s); ok {
				return n
			}
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// narrowWidth counts the runes of s when every one is printable and one cell
// wide on its own: ASCII, the Latin letters and signs up to U+02FF ("×", "é",
// "£"), the dashes, quotes, bullets and ellipsis of U+2010–U+2027 (“ ” …) and
// the arrows U+2190–U+2199 (→). Combining marks, joiners, variation
// selectors, wide scripts, controls and the soft hyphen are left to
// ansi.StringWidth; a quote's quantities ("2m30s × 2 languages") and a fit's
// changes ("Avatar IV → Avatar III") are counted here without walking
// graphemes.
func narrowWidth(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if !narrowRune(r) {
			return 0, false
		}
		n++
	}
	return n, true
}

// narrowRune reports whether r is one of the runes narrowWidth counts as one cell.
func narrowRune(r rune) bool {
	switch {
	case r < 0x300:
		return r >= 0x20 && r != 0x7f && (r < 0x80 || r >= 0xa0) && r != 0xad
	case r >= 0x2010 && r <= 0x2027, r >= 0x2190 && r <= 0x2199:
		return true
	}
	return false
}
