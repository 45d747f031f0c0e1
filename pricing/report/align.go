package report

import (
	"bytes"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// aligner lays out small tables of plain text in columns. It is hand-written
// rather than a table library because a 10,000-video quote prints 10,000 of
// them: the rows buffer is reused from table to table, so printing allocates
// almost nothing.
type aligner struct {
	rows   [][]string
	widths []int
	// right marks the columns aligned to the right (numbers).
	right []bool
}

// reset starts a new table with these right-aligned columns.
func (a *aligner) reset(right ...bool) {
	a.rows = a.rows[:0]
	a.right = right
}

// add appends a row; it may have fewer cells than the widest row.
func (a *aligner) add(cells ...string) { a.rows = append(a.rows, cells) }

// write prints the table, each row after indent, columns two spaces apart,
// without trailing spaces.
func (a *aligner) write(w *bytes.Buffer, indent string) {
	a.widths = a.widths[:0]
	for _, r := range a.rows {
		for i, c := range r {
			if i >= len(a.widths) {
				a.widths = append(a.widths, 0)
			}
			a.widths[i] = max(a.widths[i], width(c))
		}
	}
	for _, r := range a.rows {
		w.WriteString(indent)
		// Trailing empty cells print nothing, so no line ends in spaces.
		last := len(r) - 1
		for last >= 0 && r[last] == "" {
			last--
		}
		for i := 0; i <= last; i++ {
			c := r[i]
			pad := a.widths[i] - width(c)
			right := i < len(a.right) && a.right[i]
			if i > 0 {
				w.WriteString("  ")
			}
			if right {
				writeSpaces(w, pad)
			}
			w.WriteString(c)
			if !right && i < last {
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
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// oneLine folds a user's name onto one line so it cannot break a table, and
// blanks other control characters so a name cannot drive the terminal.
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0x7f {
					return ' '
				}
				return r
			}, s)
		}
	}
	return s
}
