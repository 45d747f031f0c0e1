package report

import (
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// aligner lays out small tables of plain text in columns, two spaces apart,
// chosen columns aligned right and no trailing spaces: every table of the text
// format. It is hand-written rather than a table library because a
// 10,000-video quote prints 10,000 of them: cells live in one flat slice
// reused from table to table, so printing allocates almost nothing.
type aligner struct {
	cells []string
	// cellWidths holds each cell's width, measured once: a width that is not
	// plain ASCII ("2m30s × 2 languages") takes a grapheme walk.
	cellWidths []int
	widths     []int
	// right marks the columns aligned to the right (numbers); its length is the
	// number of columns.
	right []bool
	// limit is the widest a line of the table may be, in cells; 0 for no limit.
	limit int
	// floor, lines and wrapped are shrink's and writeWrapped's scratch, kept
	// from table to table: the narrowest width of each column, a row's
	// wrapped cells, and each cell already wrapped to a width.
	floor   []int
	lines   [][]string
	wrapped map[wrapKey][]string
	// gap is what stands between two columns: two spaces, or one on a page
	// too narrow for two.
	gap string
	// headless is set for a table whose first row is data, not column names:
	// its number columns never narrow (see shrink).
	headless bool
}

// reset starts a new table; right has one entry per column, true for the
// columns aligned to the right.
func (a *aligner) reset(right ...bool) {
	a.cells = a.cells[:0]
	a.right = append(a.right[:0], right...)
}

// grow makes room for rows more rows, so a table of a known, large size
// (a fit's changes) is not copied as it grows.
func (a *aligner) grow(rows int) { a.cells = slices.Grow(a.cells, rows*len(a.right)) }

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

// cellLine is line l of a wrapped cell, "" past its last.
func cellLine(lines []string, l int) string {
	if l < len(lines) {
		return lines[l]
	}
	return ""
}

// sink is what a table is written to: the quote's per-chunk buffers or a
// document's bufio.Writer.
type sink interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// writeTable prints the table, each row after indent, columns two spaces
// apart, without trailing spaces. With a.limit set, a table wider than limit
// cells shrinks its text columns, widest first (numbers keep their width), and
// a cell wider than its column wraps at spaces onto the lines below, so the
// table stays within limit as long as its numbers fit. It is generic so the
// quote's thousands of small tables call the buffer's methods directly.
func writeTable[W sink](a *aligner, w W, indent string) {
	n := len(a.right)
	if n == 0 {
		return
	}
	a.widths = append(a.widths[:0], make([]int, n)...)
	a.cellWidths = slices.Grow(a.cellWidths[:0], len(a.cells))
	for i, c := range a.cells {
		cw := width(c)
		a.cellWidths = append(a.cellWidths, cw)
		a.widths[i%n] = max(a.widths[i%n], cw)
	}
	a.gap = "  "
	shrunk := a.limit > 0 && a.shrink(len(indent))
	if a.limit > 0 && a.tableWidth(len(indent)) > a.limit {
		// Columns that can narrow no further stand one space apart.
		a.gap = " "
	}
	for start := 0; start+n <= len(a.cells); start += n {
		r := a.cells[start : start+n]
		if shrunk && a.rowTooWide(start) {
			a.writeWrapped(w, indent, start)
			continue
		}
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
				w.WriteString(a.gap)
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

// tableWidth is how wide a line of the table is at its columns' widths.
func (a *aligner) tableWidth(indent int) int {
	total := indent + len(a.gap)*(len(a.widths)-1)
	for _, w := range a.widths {
		total += w
	}
	return total
}

// naturalWidth is how wide the table's widest line is, unshrunk, after indent cells.
func (a *aligner) naturalWidth(indent int) int {
	n := len(a.right)
	widths := make([]int, n)
	for i, c := range a.cells {
		widths[i%n] = max(widths[i%n], width(c))
	}
	total := indent + 2*(n-1)
	for _, w := range widths {
		total += w
	}
	return total
}

// minColumn is the narrowest a text column shrinks to, and tightColumn the
// narrowest when the table would not fit otherwise.
const (
	minColumn   = 8
	tightColumn = 5
)

// shrink narrows columns, widest first (number columns before text ones),
// until the table with its indent fits a.limit or none can narrow further; it
// reports whether any did. A text column narrows to minColumn; a number column
// only to its widest number, so only its name wraps ("Monthly" over
// "billing").
func (a *aligner) shrink(indent int) bool {
	n := len(a.widths)
	total := indent + 2*(n-1)
	for _, cw := range a.widths {
		total += cw
	}
	if total <= a.limit {
		return false
	}
	a.floor = append(a.floor[:0], make([]int, n)...)
	floor := a.floor
	for i := range n {
		if !a.right[i] {
			floor[i] = min(minColumn, a.widths[i])
			continue
		}
		from := n // the header's cells do not count
		if a.headless {
			from = 0
		}
		for j := from + i; j < len(a.cellWidths); j += n {
			floor[i] = max(floor[i], a.cellWidths[j])
		}
		if !a.headless {
			floor[i] = max(floor[i], longestWord(a.cells[i]))
		}
	}
	// Number columns give up their names' room first: a wrapped name reads
	// better than a wrapped value.
	shrunk := false
	for pass, numbers := range []bool{true, false, false} {
		if pass == 2 {
			// Still too wide: text columns go down to tightColumn.
			for i := range floor {
				if !a.right[i] {
					floor[i] = min(tightColumn, a.widths[i])
				}
			}
		}
		for total > a.limit {
			widest := -1
			for i, cw := range a.widths {
				if a.right[i] == numbers && cw > floor[i] && (widest < 0 || cw > a.widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			a.widths[widest]--
			total--
			shrunk = true
		}
	}
	return shrunk
}

// longestWord is the width of the widest space-separated word of s.
func longestWord(s string) int {
	w := 0
	for s != "" {
		word := s
		if i := strings.IndexByte(s, ' '); i >= 0 {
			word, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		w = max(w, width(word))
	}
	return w
}

// wrapKey is a cell wrapped to a column width.
type wrapKey struct {
	cell  string
	width int
}

// wrapCell is wrapWords(c, w, w), remembered: a month's tables wrap the same
// few names and rates on thousands of rows.
func (a *aligner) wrapCell(c string, w int) []string {
	k := wrapKey{c, w}
	if lines, ok := a.wrapped[k]; ok {
		return lines
	}
	if a.wrapped == nil {
		a.wrapped = map[wrapKey][]string{}
	}
	lines := wrapWords(c, w, w)
	if len(a.wrapped) < 4096 {
		a.wrapped[k] = lines
	}
	return lines
}

// rowTooWide reports whether a cell of the row at start is wider than its column.
func (a *aligner) rowTooWide(start int) bool {
	for i := range a.widths {
		if a.cellWidths[start+i] > a.widths[i] {
			return true
		}
	}
	return false
}

// writeWrapped prints the row at start over as many lines as its widest cell
// needs, each cell wrapped to its column.
func (a *aligner) writeWrapped(w interface {
	io.StringWriter
	io.ByteWriter
}, indent string, start int) {
	n := len(a.widths)
	a.lines = append(a.lines[:0], make([][]string, n)...)
	lines := a.lines
	height := 1
	for i := range n {
		c := a.cells[start+i]
		if a.cellWidths[start+i] > a.widths[i] {
			lines[i] = a.wrapCell(c, a.widths[i])
		} else {
			lines[i] = []string{c}
		}
		height = max(height, len(lines[i]))
	}
	for l := range height {
		last := n - 1
		for last >= 0 && cellLine(lines[last], l) == "" {
			last--
		}
		w.WriteString(indent)
		for i := 0; i <= last; i++ {
			c := cellLine(lines[i], l)
			pad := a.widths[i] - width(c)
			if i > 0 {
				w.WriteString(a.gap)
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

func writeSpaces(w io.StringWriter, n int) {
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
// the arrows U+2190–U+2199 (→) and the estimate mark U+2248 (≈). Combining marks, joiners, variation
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
	case r >= 0x2010 && r <= 0x2027, r >= 0x2190 && r <= 0x2199, r == 0x2248:
		return true
	}
	return false
}
