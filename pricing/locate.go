package pricing

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

type position struct{ line, col int }

// spot is where one key path stands in the source, as byte offsets: key is the
// start of the statement's key (a header's name, the first part of a dotted
// key, an array element itself), seg the start of the path's own last part (a
// quoted key's opening quote), val the start of its value, or -1.
type spot struct{ key, seg, val int }

// locator maps key paths ("plans[1].credits", "videos[0].languages[1]") to
// where they stand in the source. BurntSushi/toml gives positions only for
// syntax errors, so after a successful decode the text is scanned once, and
// only when there is a problem to place. The scanner reads TOML's own grammar
// (strings of all four kinds, comments, arrays, inline tables, dotted keys)
// rather than guessing line by line, so a `"""` in a comment or a key split by
// dots cannot move a problem to another line.
type locator struct {
	src   string
	at    map[string]spot
	lines []int // byte offset of the start of each line
}

// locate scans src for the positions of the wanted paths and their ancestors;
// want == nil records every path (for tests). The work is one pass over src,
// and a path is only turned into a string when it is wanted.
func locate(src string, want map[string]bool) *locator {
	l := &locator{src: src, at: map[string]spot{}}
	s := scanner{src: src, want: want, at: l.at}
	s.run()
	l.lines = append(l.lines, 0)
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	return l
}

// wantPaths is every path and every ancestor of it ("a.b[1].c", "a.b[1]", "a.b", "a").
func wantPaths(paths []string) map[string]bool {
	want := make(map[string]bool, 2*len(paths))
	for _, p := range paths {
		for p != "" && !want[p] {
			want[p] = true
			p = parentPath(p)
		}
	}
	return want
}

// parentPath cuts the last part off a key path.
func parentPath(p string) string {
	cut := max(strings.LastIndexByte(p, '.'), strings.LastIndexByte(p, '['))
	if cut < 0 {
		return ""
	}
	return p[:cut]
}

// pos turns a byte offset into a 1-based line and byte column, as
// BurntSushi/toml's syntax errors count them.
func (l *locator) pos(off int) position {
	off = min(max(off, 0), len(l.src))
	n := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	return position{n + 1, off - l.lines[n] + 1}
}

// lookup returns the spot of path or of its nearest ancestor that was found;
// exact reports which.
func (l *locator) lookup(path string) (sp spot, exact bool) {
	first := true
	for {
		if sp, ok := l.at[path]; ok {
			return sp, first
		}
		if path == "" {
			return spot{0, 0, -1}, false
		}
		path, first = parentPath(path), false
	}
}

// find returns the position of path's key, or of its nearest ancestor that was found.
func (l *locator) find(path string) position {
	sp, _ := l.lookup(path)
	return l.pos(sp.key)
}

// findRune returns the position of the first character UnsafeRune refuses in
// the string at path: in its value, or in its own key part when inKey. When
// the string cannot be read back from the source it falls back to the key.
func (l *locator) findRune(path string, inKey bool) position {
	sp, exact := l.lookup(path)
	from := sp.val
	if inKey {
		from = sp.seg
	}
	if !exact || from < 0 || from >= len(l.src) {
		return l.pos(sp.key)
	}
	at := -1
	eachRune(l.src, from, func(off int, r rune) bool {
		if r == utf8.RuneError || UnsafeRune(r) {
			at = off
			return false
		}
		return true
	})
	if at < 0 {
		return l.pos(sp.key)
	}
	return l.pos(at)
}

// scanner is one pass of locate over the source.
type scanner struct {
	src   string
	i     int
	want  map[string]bool
	at    map[string]spot
	buf   []byte   // the path being read, reused
	segs  []string // the parts of the key being read, reused
	segAt []int
}

func (s *scanner) put(path []byte, sp spot) {
	if s.want != nil && !s.want[string(path)] {
		return
	}
	if _, seen := s.at[string(path)]; !seen {
		s.at[string(path)] = sp
	}
}

func (s *scanner) run() {
	arrays := map[string]int{}
	cur := ""
	for s.i < len(s.src) {
		start := s.i
		s.skipBlank(true)
		if s.i >= len(s.src) {
			break
		}
		switch s.src[s.i] {
		case '#':
			s.skipComment()
		case '[':
			isArray := strings.HasPrefix(s.src[s.i:], "[[")
			s.i++
			if isArray {
				s.i++
			}
			s.skipBlank(false)
			keyAt := s.i
			s.readKey()
			cur = s.header(keyAt, arrays, isArray)
			s.skipBlank(false)
			for n := 0; n < 2 && s.i < len(s.src) && s.src[s.i] == ']'; n++ {
				s.i++
			}
		default:
			s.buf = append(s.buf[:0], cur...)
			s.keyValue(len(s.buf))
		}
		if s.i == start {
			s.i++ // never stand still, whatever the text
		}
	}
}

// header resolves a [table] or [[array]] header against the arrays of tables
// seen so far ("plans.topups" under the second [[plans]] is "plans[1].topups[0]"),
// records it and its ancestors at its name, and returns its path.
func (s *scanner) header(keyAt int, arrays map[string]int, isArray bool) string {
	s.buf = s.buf[:0]
	for k, seg := range s.segs {
		if k > 0 {
			s.buf = append(s.buf, '.')
		}
		s.buf = append(s.buf, seg...)
		last := k == len(s.segs)-1
		if !last || isArray {
			// The array itself ("features", not "features[0]") stands at its first
			// table: problems about the whole array (an unknown one) go there.
			s.put(s.buf, spot{keyAt, s.segAt[k], -1})
		}
		base := string(s.buf)
		idx, isArr := arrays[base]
		if last && isArray {
			if !isArr {
				idx = -1
			}
			idx++
			arrays[base] = idx
			isArr = true
		}
		if isArr {
			s.buf = append(s.buf, '[')
			s.buf = strconv.AppendInt(s.buf, int64(idx), 10)
			s.buf = append(s.buf, ']')
		}
	}
	sp := spot{keyAt, keyAt, -1}
	if len(s.segAt) > 0 {
		sp.seg = s.segAt[len(s.segAt)-1]
	}
	s.put(s.buf, sp)
	return string(s.buf)
}

// keyValue reads `key = value` into the table whose path is s.buf[:n].
func (s *scanner) keyValue(n int) {
	keyAt := s.i
	s.readKey()
	s.skipBlank(false)
	if s.i >= len(s.src) || s.src[s.i] != '=' || len(s.segs) == 0 {
		s.skipLine()
		return
	}
	s.i++
	s.skipBlank(false)
	s.buf = s.buf[:n]
	for k, seg := range s.segs {
		if len(s.buf) > 0 {
			s.buf = append(s.buf, '.')
		}
		s.buf = append(s.buf, seg...)
		sp := spot{keyAt, s.segAt[k], -1}
		if k == len(s.segs)-1 {
			sp.val = s.i
		}
		s.put(s.buf, sp)
	}
	s.value(len(s.buf))
}

// value skips one value whose path is s.buf[:n], recording the elements of
// arrays and the keys of inline tables inside it.
func (s *scanner) value(n int) {
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.i = eachRune(s.src, s.i, nil)
	case '[':
		s.i++
		for idx := 0; s.i < len(s.src); {
			s.skipBlank(true)
			if s.i >= len(s.src) {
				return
			}
			switch s.src[s.i] {
			case ']':
				s.i++
				return
			case ',':
				s.i++
				continue
			case '#':
				s.skipComment()
				continue
			}
			s.buf = append(s.buf[:n], '[')
			s.buf = strconv.AppendInt(s.buf, int64(idx), 10)
			s.buf = append(s.buf, ']')
			s.put(s.buf, spot{s.i, s.i, s.i})
			start := s.i
			s.value(len(s.buf))
			if s.i == start {
				s.i++
			}
			idx++
		}
	case '{':
		s.i++
		for s.i < len(s.src) {
			s.skipBlank(true)
			if s.i >= len(s.src) {
				return
			}
			switch s.src[s.i] {
			case '}':
				s.i++
				return
			case ',':
				s.i++
				continue
			case '#':
				s.skipComment()
				continue
			}
			start := s.i
			s.keyValue(n)
			if s.i == start {
				s.i++
			}
		}
	default: // a number, a date, true or false: up to what ends a value
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// readKey reads a key (bare, quoted or dotted) into s.segs, each part's start in s.segAt.
func (s *scanner) readKey() {
	s.segs, s.segAt = s.segs[:0], s.segAt[:0]
	for s.i < len(s.src) {
		s.skipBlank(false)
		if s.i >= len(s.src) {
			return
		}
		at := s.i
		switch c := s.src[s.i]; {
		case c == '"' || c == '\'':
			var b strings.Builder
			s.i = eachRune(s.src, s.i, func(_ int, r rune) bool { b.WriteRune(r); return true })
			s.segs = append(s.segs, b.String())
		case isBareKeyByte(c):
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
			s.segs = append(s.segs, s.src[at:s.i])
		default:
			return
		}
		s.segAt = append(s.segAt, at)
		s.skipBlank(false)
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			return
		}
		s.i++
	}
}

func isBareKeyByte(c byte) bool {
	return c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// skipBlank skips spaces and tabs, and newlines too when lines is set.
func (s *scanner) skipBlank(lines bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r':
		case '\n':
			if !lines {
				return
			}
		default:
			return
		}
		s.i++
	}
}

func (s *scanner) skipComment() {
	if i := strings.IndexByte(s.src[s.i:], '\n'); i >= 0 {
		s.i += i
	} else {
		s.i = len(s.src)
	}
}

// skipLine skips to the end of a line that is not TOML the scanner understands.
func (s *scanner) skipLine() { s.skipComment() }

// eachRune reads the TOML string literal starting at src[start] (basic,
// literal, or either multi-line kind) and calls fn with the source offset of
// each character of its value and the character, escapes decoded, until fn
// returns false. It returns the offset just past the literal (or where it
// stopped). fn may be nil to only skip the literal.
func eachRune(src string, start int, fn func(off int, r rune) bool) int {
	i := start
	if i >= len(src) {
		return i
	}
	q := src[i]
	triple := func(i int) bool { return i+2 < len(src) && src[i] == q && src[i+1] == q && src[i+2] == q }
	multi := triple(i)
	if multi {
		i += 3
		if strings.HasPrefix(src[i:], "\n") {
			i++
		} else if strings.HasPrefix(src[i:], "\r\n") {
			i += 2
		}
	} else {
		i++
	}
	emit := func(off int, r rune) bool { return fn == nil || fn(off, r) }
	for i < len(src) {
		c := src[i]
		switch {
		case c == q && !multi:
			return i + 1
		case c == q && triple(i):
			run := 3
			for i+run < len(src) && src[i+run] == q && run < 5 {
				run++
			}
			for k := 0; k < run-3; k++ { // up to two quotes before the closing three are text
				if !emit(i+k, rune(q)) {
					return i + k
				}
			}
			return i + run
		case c == '\n' && !multi:
			return i // unterminated: not TOML that decoded, but never read past the line
		case c == '\\' && q == '"':
			r, size := decodeEscape(src[i:], multi)
			if r >= 0 && !emit(i, r) {
				return i
			}
			i += size
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			if !emit(i, r) {
				return i
			}
			i += size
		}
	}
	return i
}

// decodeEscape reads the escape at the start of s (s[0] == '\\') and returns
// the character and how many bytes it took; -1 for a line-ending backslash in
// a multi-line string, which stands for no character.
func decodeEscape(s string, multi bool) (rune, int) {
	if len(s) < 2 {
		return '\\', len(s)
	}
	switch s[1] {
	case 'b':
		return '\b', 2
	case 't':
		return '\t', 2
	case 'n':
		return '\n', 2
	case 'f':
		return '\f', 2
	case 'r':
		return '\r', 2
	case 'e':
		return 0x1b, 2
	case '"':
		return '"', 2
	case '\\':
		return '\\', 2
	case 'x', 'u', 'U':
		n := 2
		if s[1] == 'u' {
			n = 4
		} else if s[1] == 'U' {
			n = 8
		}
		if len(s) < 2+n {
			return utf8.RuneError, len(s)
		}
		v, err := strconv.ParseUint(s[2:2+n], 16, 32)
		if err != nil {
			return utf8.RuneError, 2
		}
		return rune(v), 2 + n
	case ' ', '\t', '\r', '\n':
		if multi {
			i := 1
			for i < len(s) && strings.IndexByte(" \t\r\n", s[i]) >= 0 {
				i++
			}
			return -1, i
		}
	}
	return utf8.RuneError, 2
}

// formatFloatShortest writes a float as the shortest decimal that reads back to it,
// never in exponent form, so "0.1" in a file becomes exactly "0.1".
func formatFloatShortest(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
