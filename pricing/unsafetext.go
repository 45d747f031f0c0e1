package pricing

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The load-time half of the printable-text rule (printable.go): no text a card
// or a project holds (a name, an id, a source, a language, a key) may carry a
// character UnsafeRune refuses. The check walks the whole decoded tree once,
// before the schema is read, so no field is forgotten, the ones a future
// version adds included, and the problem stands at the refused character
// itself. Every other problem about refused text would be a follow-on, so the
// decoder drops them (decoder.refused).

// refuseUnsafeText reports every string value and key in tree holding a
// refused character, and marks their paths refused.
func (d *decoder) refuseUnsafeText(tree map[string]any) {
	if plainSource(d.src) {
		return
	}
	w := textWalk{}
	w.table(tree)
	if len(w.hits) == 0 {
		return
	}
	// Map order is random; the report must not be.
	sort.Slice(w.hits, func(i, j int) bool {
		if w.hits[i].path != w.hits[j].path {
			return w.hits[i].path < w.hits[j].path
		}
		return w.hits[i].inKey && !w.hits[j].inKey
	})
	if d.refused == nil {
		d.refused = make(map[string]bool, len(w.hits))
	}
	for _, h := range w.hits {
		d.refused[h.path] = true
		at, what := atRuneInValue, ""
		if h.inKey {
			at, what = atRuneInKey, "key "
		}
		d.addAt(h.path, at, "%sholds %s (%s); text in a file is shown in terminals and reports, so it must be one line of plain text", what, DescribeRune(h.r), runeKind(h.r))
	}
}

// plainSource reports whether no text decoded from src can hold a character
// UnsafeRune refuses, so the walk over the tree can be skipped: every byte is
// printable ASCII or a line break, no backslash can write another character
// with an escape, and no multi-line string can hold a line break. Most files
// are such text, and the walk would visit every value of a big month.
func plainSource(src []byte) bool {
	// Eight bytes at a time: a big month is megabytes of plain text.
	i := 0
	for ; i+8 <= len(src); i += 8 {
		if notPlain8(binary.LittleEndian.Uint64(src[i:])) != 0 {
			return false
		}
	}
	for _, b := range src[i:] {
		if notPlainByte(b) {
			return false
		}
	}
	return !bytes.Contains(src, []byte(`"""`)) && !bytes.Contains(src, []byte("'''"))
}

// notPlainByte is the byte test plainSource applies.
func notPlainByte(b byte) bool { return (b < 0x20 && b != '\n') || b >= 0x7f || b == '\\' }

// notPlain8 sets the high bit of each of x's eight bytes that notPlainByte
// refuses. Each test is exact per byte: no sum carries into the next byte.
func notPlain8(x uint64) uint64 {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	below := func(x uint64, n byte) uint64 { // high bit where a byte below 0x80 is below n
		return ^((x & lows) + ones*uint64(0x80-n)) & ^x & highs
	}
	is := func(x uint64, c byte) uint64 { // high bit where a byte is c
		z := x ^ ones*uint64(c)
		return ^((z & lows) + lows) & ^z & highs
	}
	return below(x, 0x20)&^is(x, '\n') | x&highs | is(x, 0x7f) | is(x, '\\')
}

// runeKind says what sort of character a refused one is.
func runeKind(r rune) string {
	switch {
	case r == utf8.RuneError:
		return "not valid UTF-8"
	case r == '\n' || r == '\r':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r == 0x1b:
		return "the escape that starts terminal control sequences"
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return "a control character"
	}
	return "a bidirectional control, which reorders the text around it"
}

type textHit struct {
	path  string
	r     rune
	inKey bool
}

// textWalk visits every value of a decoded tree, keeping the path as a stack
// of parts that becomes a string only for text that is refused.
type textWalk struct {
	parts []pathPart
	hits  []textHit
}

type pathPart struct {
	key   string
	index int // -1 for a key
}

func (w *textWalk) path() string {
	var b strings.Builder
	for i, p := range w.parts {
		if p.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(p.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.key)
	}
	return b.String()
}

func (w *textWalk) table(m map[string]any) {
	for k, v := range m {
		w.parts = append(w.parts, pathPart{k, -1})
		if _, r, bad := FirstUnsafe(k); bad {
			w.hits = append(w.hits, textHit{w.path(), r, true})
		}
		w.value(v)
		w.parts = w.parts[:len(w.parts)-1]
	}
}

func (w *textWalk) value(v any) {
	switch x := v.(type) {
	case string:
		if _, r, bad := FirstUnsafe(x); bad {
			w.hits = append(w.hits, textHit{w.path(), r, false})
		}
	case map[string]any:
		w.table(x)
	case []map[string]any:
		for i, m := range x {
			w.parts = append(w.parts, pathPart{"", i})
			w.table(m)
			w.parts = w.parts[:len(w.parts)-1]
		}
	case []any:
		for i, e := range x {
			w.parts = append(w.parts, pathPart{"", i})
			w.value(e)
			w.parts = w.parts[:len(w.parts)-1]
		}
	}
}
