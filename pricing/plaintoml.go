package pricing

import (
	"strconv"
	"unicode/utf8"
)

// decodePlainTOML decodes s into the tree toml.Decode gives, when s keeps to
// the plain shape projects are written in: one statement a line, bare keys,
// `[name]` and `[[name]]` headers of one bare key, and values that are basic
// or literal strings on one line without escapes, decimal integers, decimal
// fractions, booleans, or one-line arrays of those; comments, blank lines and
// CRLF line ends. Anything else (an escape, a dotted or quoted key, an inline
// table, a date, a key given twice, any syntax error) answers ok = false and
// the caller decodes s with BurntSushi/toml, which then decides, and words
// any error, as before.
//
// A month is tens of thousands of small tables; BurntSushi's general
// decoder also records every key's position and type, which the loaders
// never read (they locate problems in the text itself, locate.go). The two
// decoders are held to the same tree by TestPlainTOMLAgreesWithBurntSushi
// and FuzzPlainTOML.
func decodePlainTOML(s string) (tree map[string]any, ok bool) {
	p := plainTOML{s: s}
	root := map[string]any{}
	cur := root
	// made names the root keys a header made, and whether an array-of-tables
	// header ([[name]]) made them.
	var made map[string]bool
	for p.i < len(s) {
		p.blanks()
		if p.i >= len(s) {
			break
		}
		switch s[p.i] {
		case '\n':
			p.i++
			continue
		case '\r', '#':
			// a comment, or the CR of a CRLF: lineEnd checks either
		case '[':
			array := p.i+1 < len(s) && s[p.i+1] == '['
			if array {
				p.i += 2
			} else {
				p.i++
			}
			name := p.bareKey()
			if name == "" || !p.take(']') || array && !p.take(']') {
				return nil, false
			}
			isArray, byHeader := made[name]
			old, exists := root[name]
			m := map[string]any{}
			switch {
			case array && (!exists || byHeader && isArray):
				tables, _ := old.([]map[string]any)
				root[name] = append(tables, m)
			case !array && !exists:
				root[name] = m
			default:
				return nil, false // a table defined twice, or over a key: BurntSushi words it
			}
			if made == nil {
				made = map[string]bool{}
			}
			made[name] = array
			cur = m
		default:
			key := p.bareKey()
			if key == "" {
				return nil, false
			}
			p.blanks()
			if !p.take('=') {
				return nil, false
			}
			p.blanks()
			v, ok := p.value(true)
			if !ok {
				return nil, false
			}
			if _, dup := cur[key]; dup {
				return nil, false
			}
			cur[key] = v
		}
		if !p.lineEnd() {
			return nil, false
		}
	}
	return root, true
}

type plainTOML struct {
	s string
	i int
}

// blanks skips spaces and tabs.
func (p *plainTOML) blanks() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *plainTOML) take(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// lineEnd reads what may follow a statement: blanks, a comment, and the end
// of the line or of the text.
func (p *plainTOML) lineEnd() bool {
	p.blanks()
	if p.take('#') {
		for p.i < len(p.s) && p.s[p.i] != '\n' && p.s[p.i] != '\r' {
			if !p.textRune() {
				return false
			}
		}
	}
	switch {
	case p.i >= len(p.s):
		return true
	case p.s[p.i] == '\n':
		p.i++
		return true
	case p.s[p.i] == '\r' && p.i+1 < len(p.s) && p.s[p.i+1] == '\n':
		p.i += 2
		return true
	}
	return false
}

// textRune steps over one character a comment or a one-line string may
// hold: valid UTF-8, no control character but the tab.
func (p *plainTOML) textRune() bool {
	c := p.s[p.i]
	if c < utf8.RuneSelf {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
		p.i++
		return true
	}
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	if r == utf8.RuneError && size == 1 {
		return false
	}
	p.i += size
	return true
}

// bareKey reads a bare key (A-Z a-z 0-9 _ -), or returns "".
func (p *plainTOML) bareKey() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' {
			p.i++
			continue
		}
		break
	}
	return p.s[start:p.i]
}

// value reads one value; arrays only when top, so an array holds no array.
func (p *plainTOML) value(top bool) (any, bool) {
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"' || c == '\'':
		return p.str(c)
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	case c == 't':
		return true, p.word("true")
	case c == 'f':
		return false, p.word("false")
	case c == '[' && top:
		return p.array()
	}
	return nil, false
}

// str reads a one-line string without escapes, quoted by q.
func (p *plainTOML) str(q byte) (any, bool) {
	if p.i+2 < len(p.s) && p.s[p.i+1] == q && p.s[p.i+2] == q {
		return nil, false // a multi-line string
	}
	p.i++
	start := p.i
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case q:
			v := p.s[start:p.i]
			p.i++
			return v, true
		case '\\':
			if q == '"' {
				return nil, false // an escape
			}
		}
		if !p.textRune() {
			return nil, false
		}
	}
	return nil, false
}

// word reads a keyword and checks that the value ends there.
func (p *plainTOML) word(w string) bool {
	if len(p.s)-p.i < len(w) || p.s[p.i:p.i+len(w)] != w {
		return false
	}
	p.i += len(w)
	return p.valueEnds()
}

// valueEnds tells whether the text after a value can follow one.
func (p *plainTOML) valueEnds() bool {
	if p.i >= len(p.s) {
		return true
	}
	switch p.s[p.i] {
	case ' ', '\t', '\n', '\r', '#', ',', ']':
		return true
	}
	return false
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)? as an int64 or a float64.
func (p *plainTOML) number() (any, bool) {
	start := p.i
	p.take('-')
	digits := func() int {
		from := p.i
		for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
			p.i++
		}
		return p.i - from
	}
	intStart := p.i
	n := digits()
	if n == 0 || n > 1 && p.s[intStart] == '0' {
		return nil, false // no digits, or a leading zero
	}
	if p.take('.') {
		if digits() == 0 || !p.valueEnds() {
			return nil, false
		}
		f, err := strconv.ParseFloat(p.s[start:p.i], 64)
		return f, err == nil
	}
	if !p.valueEnds() {
		return nil, false // an exponent, an underscore, a date, a base prefix
	}
	v, err := strconv.ParseInt(p.s[start:p.i], 10, 64)
	return v, err == nil
}

// array reads a one-line array of values (a trailing comma allowed).
func (p *plainTOML) array() (any, bool) {
	p.i++
	out := make([]any, 0, 2)
	for {
		p.blanks()
		if p.take(']') {
			return out, true
		}
		v, ok := p.value(false)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		p.blanks()
		if p.take(',') {
			continue
		}
		if p.take(']') {
			return out, true
		}
		return nil, false
	}
}
