package pricing

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// The source limits: what a file's text must pass before the TOML decoder
// sees it. BurntSushi/toml's cost grows with the number of distinct keys and
// tables and, badly, with nesting and dotted-key length (upstream
// BurntSushi/toml#496: a few kilobytes of nested inline tables or one long
// dotted key can take seconds and exhaust memory), so one linear pass over the bytes
// refuses a file past any of these limits, naming the limit and where it was
// crossed, and the decoder only ever runs on text whose work is bounded.
const (
	// MaxCardBytes bounds a rate card's file. The largest card allowed
	// (maxCardCounts plans of maxTopUps packs each and maxCardCounts
	// features, every key written, with comments) fits with room to spare.
	MaxCardBytes = 4 << 20
	// MaxProjectBytes bounds a project's file: the largest month, MaxVideos
	// videos of maxVideoValues written at their longest, fits with room to
	// spare (TestLargestMonthFitsTheSourceLimits measures it).
	MaxProjectBytes = 16 << 20
	// MaxNesting bounds arrays and inline tables inside one another. A real
	// file nests two deep (topups = [{...}]).
	MaxNesting = 16
	// MaxKeyParts bounds the dotted parts of one key or table header; a real
	// file has at most two ([[plans.topups]]).
	MaxKeyParts = 16
	// MaxKeyBytes bounds the text of one key or table header, all its parts.
	MaxKeyBytes = 1024
	// MaxDistinctKeys bounds the different key paths in a file (videos.name
	// is one path however many videos set it). A real file has under 100;
	// each new one costs the decoder a record of its own.
	MaxDistinctKeys = 4096
	// maxVideoBytes is the size of one video of the largest month written at
	// its longest: a comment, a long name and long feature ids.
	maxVideoBytes = 200
	// maxVideoValues is the values of one video of the largest month: its
	// table, name, count, length and one feature. The budget is set by time,
	// not by what a video could hold: the decoder's time grows with the
	// number of values, so the bound keeps decoding the largest month well
	// within the time every command promises, leaving the rest to pricing
	// (docs/performance.md has the measurements). A month of richer videos
	// is smaller: 25,000 videos of ten values fit.
	maxVideoValues = 5
	// MaxProjectValues bounds the values in a project: each key's value, each
	// array element, each table.
	MaxProjectValues = MaxVideos*maxVideoValues + 1000 // and the month's own keys
	// MaxOverlayBytes bounds a pricing overlay's file: it changes at most
	// every number of the largest card, in far less text than the card.
	MaxOverlayBytes = 1 << 20
	// MaxOverlayValues bounds the values in a pricing overlay.
	MaxOverlayValues = 50_000
	// MaxCardValues bounds the values in a rate card likewise.
	MaxCardValues = 200_000
)

// sourceKind is what a file is read as, for its limits and its messages.
type sourceKind struct {
	what      string // "rate card", "project"
	maxBytes  int
	maxValues int
	videos    bool   // count [[videos]] against MaxVideos
	emptyHint string // what a file of this kind must at least hold
}

var (
	cardSource = sourceKind{what: "rate card", maxBytes: MaxCardBytes, maxValues: MaxCardValues,
		emptyHint: "a rate card needs a [card] table, [[features]] and [[plans]]"}
	overlaySource = sourceKind{what: "pricing overlay", maxBytes: MaxOverlayBytes, maxValues: MaxOverlayValues,
		emptyHint: "an overlay needs an [overlay] table naming its card, and the prices it changes"}
	projectSource = sourceKind{what: "project", maxBytes: MaxProjectBytes, maxValues: MaxProjectValues, videos: true,
		emptyHint: "a project needs at least its plan (plan = \"...\") or one [[videos]] table"}
)

// byteSize words a limit in bytes: "32 MiB".
func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.Itoa(n>>20) + " MiB"
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

// checkSource applies the source limits of kind k to src. It returns the
// first limit crossed, at the line and column where it was crossed, or nil.
// Text that is not valid TOML stops the scan without a problem: the decoder
// then reports the syntax error, and it has only the text before it, which
// passed every limit, to work through.
func checkSource(file string, src []byte, k sourceKind) Problems {
	s := newSourceScan(file, src, k)
	if len(src) > k.maxBytes {
		line, col := s.position(k.maxBytes)
		return Problems{{File: file, Line: line, Col: col, Msg: fmt.Sprintf(
			"the file is larger than %s, the most a %s may be", byteSize(k.maxBytes), k.what)}}
	}
	s.run()
	if s.problem != nil {
		return Problems{*s.problem}
	}
	if !s.content && !s.confused {
		return Problems{{File: file, Line: 1, Col: 1, Msg: "the file is empty: " + k.emptyHint}}
	}
	return nil
}

// SourceIsRateCard reports whether src's text has a top-level card table
// ([card], card = {...} or card.key = ...), without decoding it: check reads
// such a file as a rate card and any other as a project.
func SourceIsRateCard(src []byte) bool {
	if !bytes.Contains(src, []byte("card")) {
		return false // no key or header can name the table: most projects are told apart at once
	}
	s := newSourceScan("", src, sourceKind{maxBytes: len(src), maxValues: len(src) + 1})
	s.run()
	return s.rootCard
}

func newSourceScan(file string, src []byte, k sourceKind) *sourceScan {
	return &sourceScan{src: src, kind: k, file: file, seen: map[string]struct{}{}}
}

// sourceScan is one pass over a file's bytes: a TOML lexer that skips strings
// and comments exactly, follows headers, keys and values, and counts.
type sourceScan struct {
	src      []byte
	i        int
	kind     sourceKind
	file     string
	problem  *Problem
	confused bool // the text is not TOML this scan follows: stop, the decoder will say why

	content  bool // a key or a table was seen
	rootCard bool // a top-level card table was seen
	// rootOverlay is set when a top-level overlay table was seen.
	rootOverlay bool
	depth       int
	values      int
	videos      int
	scope       []byte // the current header's key path: each part after a 0 byte
	nest        []byte // the key path of the table being read, and of those it is in
	path        []byte // scratch: one key's full path
	seen        map[string]struct{}
	// recent holds some of seen's paths in the order they were last met, and
	// next where the next lookup starts: the videos of a month repeat the same
	// keys in the same order, so most lookups end at the first comparison.
	recent        [8]string
	nrecent, next int
}

func (s *sourceScan) stopped() bool { return s.problem != nil || s.confused }

func (s *sourceScan) failAt(at int, format string, args ...any) {
	if s.problem != nil {
		return
	}
	line, col := s.position(at)
	s.problem = &Problem{File: s.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// position is the 1-based line and byte column of offset at.
func (s *sourceScan) position(at int) (line, col int) {
	line, start := 1, 0
	for j := 0; j < at && j < len(s.src); j++ {
		if s.src[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	return line, at - start + 1
}

func (s *sourceScan) peek(off int) byte {
	if s.i+off < len(s.src) {
		return s.src[s.i+off]
	}
	return 0
}

func (s *sourceScan) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips spaces, newlines and comments (inside arrays and tables).
func (s *sourceScan) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *sourceScan) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// countValue counts one value (a key's, an array element, a table) at offset at.
func (s *sourceScan) countValue(at int) {
	s.values++
	if s.values > s.kind.maxValues {
		s.failAt(at, "too many values: a %s may hold at most %s keys, tables and array elements", s.kind.what, Count(s.kind.maxValues))
	}
}

func (s *sourceScan) run() {
	// A byte-order mark, skipped as the decoder skips it (UTF-16's too).
	switch src := string(s.src[:min(len(s.src), 3)]); {
	case src == "\xef\xbb\xbf":
		s.i = 3
	case strings.HasPrefix(src, "\xff\xfe"), strings.HasPrefix(src, "\xfe\xff"):
		s.i = 2
	}
	for !s.stopped() && s.i < len(s.src) {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == '[' {
			s.header(s.i)
		} else {
			s.nest = append(s.nest[:0], s.scope...)
			s.assignment(len(s.scope))
			if s.stopped() {
				return
			}
			// A key at the top level must be alone on its line.
			s.skipSpace()
			if s.i < len(s.src) && s.src[s.i] == '#' {
				s.skipComment()
			}
			if s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '\r' {
				s.confused = true
			}
		}
	}
}

// header reads [table] or [[array-of-tables]].
func (s *sourceScan) header(start int) {
	array := s.peek(1) == '['
	s.i++
	if array {
		s.i++
	}
	s.skipSpace()
	s.path = s.path[:0]
	s.readKey(start)
	if s.stopped() {
		return
	}
	s.skipSpace()
	if s.peek(0) != ']' || (array && s.peek(1) != ']') {
		s.confused = true
		return
	}
	s.i++
	if array {
		s.i++
	}
	s.content = true
	s.countValue(start)
	s.scope = append(s.scope[:0], s.path...)
	s.distinct(start, s.scope)
	if firstPart(s.scope) == "card" {
		s.rootCard = true
	}
	if firstPart(s.scope) == "overlay" {
		s.rootOverlay = true
	}
	if array && s.kind.videos && string(s.scope) == "\x00videos" {
		s.countVideo(start)
	}
	s.skipSpace()
	if s.peek(0) == '#' {
		s.skipComment()
	}
	if s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '\r' {
		s.confused = true
	}
}

func (s *sourceScan) countVideo(at int) {
	s.videos++
	if s.videos > MaxVideos {
		s.failAt(at, "videos: too many videos; a project may have at most %s (this is video %s)", Count(MaxVideos), Count(s.videos))
	}
}

// distinct records a key path, refusing one past MaxDistinctKeys.
func (s *sourceScan) distinct(at int, path []byte) {
	for k := range s.nrecent {
		j := (s.next + k) % s.nrecent
		if s.recent[j] == string(path) {
			s.next = (j + 1) % s.nrecent
			return
		}
	}
	if _, ok := s.seen[string(path)]; ok {
		s.remember(string(path))
		return
	}
	if len(s.seen) >= MaxDistinctKeys {
		s.failAt(at, "too many different keys: a %s may use at most %s", s.kind.what, Count(MaxDistinctKeys))
		return
	}
	s.seen[string(path)] = struct{}{}
}

// remember puts a path of seen's among the recent ones, where the next
// lookup starts, so a run of keys met in the same order again is found in
// that order.
func (s *sourceScan) remember(path string) {
	if s.nrecent < len(s.recent) {
		copy(s.recent[s.next+1:s.nrecent+1], s.recent[s.next:s.nrecent])
		s.recent[s.next] = path
		s.nrecent++
	} else {
		s.recent[s.next] = path
	}
	s.next = (s.next + 1) % s.nrecent
}

// readKey reads a dotted key at s.i and appends its parts to s.path, each
// after a 0 byte. start is where the key (or its header) begins.
func (s *sourceScan) readKey(start int) {
	keyStart := s.i
	parts := 0
	for {
		if s.i-keyStart > MaxKeyBytes {
			s.failAt(start, "key is longer than %d bytes", MaxKeyBytes)
			return
		}
		parts++
		if parts > MaxKeyParts {
			s.failAt(start, "key has more than %d dotted parts", MaxKeyParts)
			return
		}
		s.path = append(s.path, 0)
		if !s.readSimpleKey() {
			s.confused = true
			return
		}
		if s.i-keyStart > MaxKeyBytes {
			s.failAt(start, "key is longer than %d bytes", MaxKeyBytes)
			return
		}
		s.skipSpace()
		if s.peek(0) != '.' {
			return
		}
		s.i++
		s.skipSpace()
	}
}

// readSimpleKey reads one part of a key: bare, "basic" or 'literal'. A quoted
// part without escapes is recorded by its content, so "a" and a are one key;
// one with escapes by its text after a 1 byte, so it is never merged with
// another spelling.
func (s *sourceScan) readSimpleKey() bool {
	if s.i >= len(s.src) {
		return false
	}
	switch c := s.src[s.i]; {
	case c == '"' || c == '\'':
		from := s.i
		s.i++
		escaped := false
		for s.i < len(s.src) && s.src[s.i] != c {
			switch s.src[s.i] {
			case '\n':
				return false
			case '\\':
				if c == '"' {
					escaped = true
					s.i++
				}
			}
			s.i++
		}
		if s.i >= len(s.src) {
			return false
		}
		s.i++
		if escaped {
			s.path = append(s.path, 1)
			s.path = append(s.path, s.src[from:s.i]...)
		} else {
			s.path = append(s.path, s.src[from+1:s.i-1]...)
		}
		return true
	case isBareKeyByte(c):
		from := s.i
		for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
			s.i++
		}
		s.path = append(s.path, s.src[from:s.i]...)
		return true
	}
	return false
}

// assignment reads key = value in the table whose key path is
// s.nest[:baseLen] (the header's table, or an inline table's).
func (s *sourceScan) assignment(baseLen int) {
	start := s.i
	s.path = append(s.path[:0], s.nest[:baseLen]...)
	s.readKey(start)
	if s.stopped() {
		return
	}
	s.content = true
	topLevel := baseLen == 0
	if topLevel && firstPart(s.path) == "card" {
		s.rootCard = true
	}
	if topLevel && firstPart(s.path) == "overlay" {
		s.rootOverlay = true
	}
	s.distinct(start, s.path)
	if s.stopped() {
		return
	}
	s.skipSpace()
	if s.peek(0) != '=' {
		s.confused = true
		return
	}
	s.i++
	s.skipSpace()
	videos := s.kind.videos && topLevel && string(s.path) == "\x00videos"
	s.nest = append(s.nest[:baseLen], s.path[baseLen:]...)
	s.value(len(s.nest), videos)
}

// firstPart is the first part of a key path as readKey records it.
func firstPart(path []byte) string {
	if len(path) == 0 {
		return ""
	}
	end := 1
	for end < len(path) && path[end] != 0 {
		end++
	}
	return string(path[1:end])
}

// value reads one value whose key path is s.nest[:pathLen]. videos is set for
// the top-level videos key, whose array elements are videos.
func (s *sourceScan) value(pathLen int, videos bool) {
	if s.i >= len(s.src) {
		s.confused = true
		return
	}
	start := s.i
	s.countValue(start)
	if s.stopped() {
		return
	}
	switch c := s.src[s.i]; c {
	case '"', '\'':
		s.str(c)
	case '[':
		s.enter(start)
		if s.stopped() {
			return
		}
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) {
				s.confused = true
				return
			}
			if s.src[s.i] == ']' {
				s.i++
				break
			}
			if videos {
				s.countVideo(s.i)
			}
			s.value(pathLen, false)
			if s.stopped() {
				return
			}
			s.skipBlank()
			if s.peek(0) == ',' {
				s.i++
				continue
			}
			if s.peek(0) != ']' {
				s.confused = true
				return
			}
		}
		s.depth--
	case '{':
		s.enter(start)
		if s.stopped() {
			return
		}
		s.i++
		for {
			s.skipBlank()
			if s.i >= len(s.src) {
				s.confused = true
				return
			}
			if s.src[s.i] == '}' {
				s.i++
				break
			}
			s.assignment(pathLen)
			if s.stopped() {
				return
			}
			s.skipBlank()
			if s.peek(0) == ',' {
				s.i++
				continue
			}
			if s.peek(0) != '}' {
				s.confused = true
				return
			}
		}
		s.depth--
	default:
		// A number, a date, true or false: up to what ends a value.
		from := s.i
		for s.i < len(s.src) {
			b := s.src[s.i]
			if b == ',' || b == ']' || b == '}' || b == '#' || b == '\n' || b == '\r' || b == '[' || b == '{' || b == '"' || b == '\'' || b == '=' {
				break
			}
			s.i++
		}
		if s.i == from {
			s.confused = true
		}
	}
}

func (s *sourceScan) enter(at int) {
	s.depth++
	if s.depth > MaxNesting {
		s.failAt(at, "arrays and inline tables nest more than %d deep", MaxNesting)
	}
}

// str skips a string starting with quote q: basic, literal, or their
// multi-line forms.
func (s *sourceScan) str(q byte) {
	if s.peek(1) == q && s.peek(2) == q {
		s.i += 3
		for s.i < len(s.src) {
			b := s.src[s.i]
			if b == '\\' && q == '"' {
				s.i += 2
				continue
			}
			if b == q && s.peek(1) == q && s.peek(2) == q {
				s.i += 3
				// Up to two more quotes belong to the string: """a"""" ends in a quote.
				for n := 0; n < 2 && s.peek(0) == q; n++ {
					s.i++
				}
				return
			}
			s.i++
		}
		s.confused = true
		return
	}
	s.i++
	for s.i < len(s.src) {
		switch b := s.src[s.i]; {
		case b == q:
			s.i++
			return
		case b == '\n':
			s.confused = true
			return
		case b == '\\' && q == '"':
			s.i += 2
			continue
		}
		s.i++
	}
	s.confused = true
}
