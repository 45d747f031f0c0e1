package report

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Page is a writer for a person at a terminal: give one to a Write function
// in place of W and its text and Markdown fit Width terminal cells. Tables
// shrink their text columns and wrap the cells that no longer fit; every
// other line too wide wraps at word boundaries, its continuation indented
// under the line's text (under a list item's or a numbered heading's text, past
// its marker). Markdown headings and table rows are left whole: a line break
// would end them. JSON and CSV are written to W unchanged, since their
// readers are programs. Width 0 leaves every line whole.
type Page struct {
	W     io.Writer
	Width int
}

// Write passes b to W unchanged; the Write functions lay out for Width
// themselves.
func (p *Page) Write(b []byte) (int, error) { return p.W.Write(b) }

// MinWidth is the narrowest page the text layouts are made for.
const MinWidth = 40

// pageOf splits w into where bytes go and the width to lay out for (0: none).
func pageOf(w io.Writer, f Format) (io.Writer, int) {
	p, ok := w.(*Page)
	if !ok {
		return w, 0
	}
	if f != Text && f != Markdown || p.Width <= 0 {
		return p.W, 0
	}
	return p.W, p.Width
}

// lineWrapper passes lines to w, wrapping each one wider than width (see
// Page). It holds at most one line and a block of output.
type lineWrapper struct {
	w        io.Writer
	width    int
	markdown bool
	line     []byte
	out      []byte
	err      error
}

const wrapFlushAt = 32 << 10

func (l *lineWrapper) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 && l.err == nil {
		i := indexByte(b, '\n')
		if i < 0 {
			l.line = append(l.line, b...)
			break
		}
		if len(l.line) == 0 {
			l.emit(b[:i])
		} else {
			l.line = append(l.line, b[:i]...)
			l.emit(l.line)
			l.line = l.line[:0]
		}
		l.out = append(l.out, '\n')
		b = b[i+1:]
		if len(l.out) >= wrapFlushAt {
			l.flush()
		}
	}
	return n, l.err
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// finish writes what is left: a last line without its newline.
func (l *lineWrapper) finish() error {
	if len(l.line) > 0 {
		l.emit(l.line)
		l.line = l.line[:0]
	}
	l.flush()
	return l.err
}

func (l *lineWrapper) flush() {
	if l.err == nil && len(l.out) > 0 {
		_, l.err = l.w.Write(l.out)
	}
	l.out = l.out[:0]
}

// emit appends one line (without its newline), wrapped if it is too wide. A
// line of at most width bytes fits: no character takes more cells than bytes.
func (l *lineWrapper) emit(b []byte) {
	if len(b) <= l.width {
		l.out = append(l.out, b...)
		return
	}
	if n, ok := narrowBytes(b); ok && n <= l.width {
		l.out = append(l.out, b...)
		return
	}
	s := string(b)
	if width(s) <= l.width || l.markdown && markdownWhole(s) {
		l.out = append(l.out, s...)
		return
	}
	indent := len(s) - len(strings.TrimLeft(s, " "))
	text := s[indent:]
	indent = min(indent, l.width/2)
	hang := indent + markerWidth(text, l.markdown)
	if hang > l.width/2 {
		hang = indent
	}
	pad := strings.Repeat(" ", hang)
	// A Markdown line's two trailing spaces are its line break: they end
	// the last line it wraps onto.
	var hardBreak string
	if l.markdown && strings.HasSuffix(text, "  ") {
		hardBreak = "  "
	}
	for i, part := range wrapWords(text, l.width-indent-len(hardBreak), l.width-hang-len(hardBreak)) {
		if i == 0 {
			l.out = append(l.out, pad[:min(indent, len(pad))]...)
		} else {
			l.out = append(l.out, '\n')
			l.out = append(l.out, pad...)
		}
		l.out = append(l.out, part...)
	}
	l.out = append(l.out, hardBreak...)
}

// narrowBytes is narrowWidth for a line still in bytes, so a line that fits
// is passed on without becoming a string.
func narrowBytes(b []byte) (int, bool) {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] < 0x20 || b[i] == 0x7f {
				return 0, false
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if !narrowRune(r) {
			return 0, false
		}
		i += size
		n++
	}
	return n, true
}

// markdownWhole reports whether a Markdown line must not be broken: a heading
// or a table row.
func markdownWhole(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|")
}

// markerWidth is the width of a list marker ("- ", "* ") or a number ("12. ")
// that starts s, which a wrapped line's continuation is indented past.
func markerWidth(s string, markdown bool) int {
	if strings.HasPrefix(s, "- ") || markdown && strings.HasPrefix(s, "* ") {
		return 2
	}
	i := 0
	for i < len(s) && i < 8 && (s[i] >= '0' && s[i] <= '9' || i > 0 && s[i] == ',') {
		i++
	}
	if i > 0 && strings.HasPrefix(s[i:], ". ") {
		return i + 2
	}
	return 0
}

// wrapWords breaks s into lines at spaces: the first at most first cells
// wide, the others at most rest. A word wider than its line is cut between
// characters. Runs of spaces inside a line are kept; at a break they go, and
// the leading spaces of s stay with its first word. Each line is a piece of
// s, not a copy.
func wrapWords(s string, first, rest int) []string {
	first, rest = max(first, 1), max(rest, 1)
	var out []string
	limit := first
	lead := len(s) - len(strings.TrimLeft(s, " "))
	lineStart, lineEnd, lineW := 0, -1, 0 // lineEnd < 0: the line is empty
	for wordStart := 0; wordStart <= len(s); {
		from := wordStart
		if wordStart == 0 {
			from = lead
		}
		wordEnd := len(s)
		if j := strings.IndexByte(s[from:], ' '); j >= 0 {
			wordEnd = from + j
		}
		word := s[wordStart:wordEnd]
		next := wordEnd + 1
		ww := width(word)
		switch {
		case lineEnd >= 0 && lineW+1+ww <= limit:
			lineEnd, lineW = wordEnd, lineW+1+ww
		case word == "" && wordStart > 0:
			// a space at a break
		default:
			if lineEnd >= 0 {
				out = append(out, strings.TrimRight(s[lineStart:lineEnd], " "))
				limit = rest
			}
			for ww > limit {
				head := ansi.Cut(word, 0, limit)
				if head == "" { // a character wider than the line
					_, n := utf8.DecodeRuneInString(word)
					head = word[:n]
				}
				out = append(out, head)
				word = word[len(head):]
				ww = width(word)
				limit = rest
			}
			lineStart, lineEnd, lineW = wordEnd-len(word), wordEnd, ww
		}
		wordStart = next
	}
	if lineEnd >= 0 || len(out) == 0 {
		out = append(out, strings.TrimRight(s[lineStart:max(lineEnd, lineStart)], " "))
	}
	return out
}
