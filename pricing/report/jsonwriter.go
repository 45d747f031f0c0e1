package report

import (
	"bufio"
	"strconv"
	"unicode/utf8"

	"creditplan/pricing"
)

// jsonWriter writes one JSON document in exactly the layout encoding/json's
// Encoder gives with SetIndent("", "  ") and SetEscapeHTML(false), without
// reflection and without re-reading what it wrote: the quote of a big month
// is tens of megabytes, and encoding/json compacts the output of every
// MarshalJSON and re-indents the whole document. It appends to a buffer and
// hands the buffer to w whenever it passes jsonFlushAt, so memory stays flat
// whatever the month's size.
//
// The first write error is kept and returned by finish; later writes are
// dropped.
type jsonWriter struct {
	w     *bufio.Writer
	b     []byte
	depth int
	// amounts remembers each credit amount's text: a month repeats a few
	// amounts on every line, and each text would be garbage at once.
	amounts textMemo[credits]
	// first is set right after an object or array opens: its next member
	// needs no comma, and closing it now writes {} or [].
	first bool
	err   error
}

// jsonFlushAt is the buffered size past which the writer hands its bytes on.
const jsonFlushAt = 32 << 10

func newJSONWriter(w *bufio.Writer) *jsonWriter {
	return &jsonWriter{w: w, b: make([]byte, 0, jsonFlushAt+4<<10)}
}

// indentSpaces holds enough spaces for any depth this package writes.
const indentSpaces = "\n                                "

func (j *jsonWriter) newline() {
	n := 1 + 2*j.depth
	if n > len(indentSpaces) {
		j.b = append(j.b, '\n')
		for range j.depth {
			j.b = append(j.b, ' ', ' ')
		}
		return
	}
	j.b = append(j.b, indentSpaces[:n]...)
}

// next starts a member of the open object or array.
func (j *jsonWriter) next() {
	if !j.first {
		j.b = append(j.b, ',')
	}
	j.first = false
	j.newline()
}

func (j *jsonWriter) open(c byte) {
	j.b = append(j.b, c)
	j.depth++
	j.first = true
}

func (j *jsonWriter) close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.first = false
	j.b = append(j.b, c)
	if len(j.b) >= jsonFlushAt {
		j.flush()
	}
}

func (j *jsonWriter) beginObject() { j.open('{') }
func (j *jsonWriter) endObject()   { j.close('}') }
func (j *jsonWriter) beginArray()  { j.open('[') }
func (j *jsonWriter) endArray()    { j.close(']') }

// elem starts an element of the open array.
func (j *jsonWriter) elem() { j.next() }

// key starts the member name of the open object; names are the package's own
// ASCII constants, so they need no escaping.
func (j *jsonWriter) key(name string) {
	j.next()
	j.b = append(j.b, '"')
	j.b = append(j.b, name...)
	j.b = append(j.b, '"', ':', ' ')
}

func (j *jsonWriter) str(name, v string) {
	j.key(name)
	j.b = appendJSONString(j.b, v, jsonPrintable)
}

func (j *jsonWriter) integer(name string, v int64) {
	j.key(name)
	j.b = strconv.AppendInt(j.b, v, 10)
}

func (j *jsonWriter) boolean(name string, v bool) {
	j.key(name)
	j.b = strconv.AppendBool(j.b, v)
}

func (j *jsonWriter) null(name string) {
	j.key(name)
	j.b = append(j.b, "null"...)
}

// credits writes an amount as an exact JSON number, as credits.MarshalJSON does.
func (j *jsonWriter) credits(name string, c credits) {
	j.key(name)
	j.credit(c)
}

// credit writes an amount's value, its key already written.
func (j *jsonWriter) credit(c credits) {
	if c >= 0 && c%pricing.CreditScale == 0 && c/pricing.CreditScale < 1<<20 {
		// Most amounts are whole and small: written as the integer they are,
		// which is what Credits.String gives them, without a memo lookup.
		j.b = strconv.AppendInt(j.b, int64(c/pricing.CreditScale), 10)
		return
	}
	s, ok := j.amounts.get(c)
	if !ok {
		s = j.amounts.put(c, pricing.Credits(c).String())
	}
	j.b = append(j.b, s...)
}

// money writes an amount as a quoted two-decimal string, as money.MarshalJSON does.
func (j *jsonWriter) money(name string, m money) {
	j.key(name)
	j.b = append(j.b, '"')
	j.b = append(j.b, pricing.Money(m).Plain()...)
	j.b = append(j.b, '"')
}

func (j *jsonWriter) moneyPtr(name string, m *money) {
	if m == nil {
		j.null(name)
		return
	}
	j.money(name, *m)
}

func (j *jsonWriter) strings(name string, v []string) {
	j.key(name)
	if v == nil {
		j.b = append(j.b, "null"...)
		return
	}
	j.beginArray()
	for _, s := range v {
		j.elem()
		j.b = appendJSONString(j.b, s, jsonPrintable)
	}
	j.endArray()
}

// flush hands the buffered bytes to w.
func (j *jsonWriter) flush() {
	if j.err == nil {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
}

// finish ends the document with the newline Encoder.Encode writes and hands
// everything on; it returns the first write error.
func (j *jsonWriter) finish() error {
	j.b = append(j.b, '\n')
	j.flush()
	return j.err
}

// jsonSafe[mode][c] marks the ASCII bytes a JSON string holds as they are in
// that mode (jsonHTML and jsonPrintable bits): printable, not a quote or a
// backslash; with jsonHTML also not <, > or &, which encoding/json escapes by
// default so the text can sit in HTML; with jsonPrintable also not DEL, which
// the printable-output rule escapes.
var jsonSafe = func() (t [4][utf8.RuneSelf]bool) {
	for mode := range t {
		for c := 0x20; c < utf8.RuneSelf; c++ {
			t[mode][c] = c != '"' && c != '\\' &&
				!(mode&jsonHTML != 0 && (c == '<' || c == '>' || c == '&')) &&
				!(mode&jsonPrintable != 0 && pricing.UnsafeRune(rune(c)))
		}
	}
	return t
}()

// The escaping modes of appendJSONString, as bits.
const (
	// jsonHTML escapes <, > and & as encoding/json does by default.
	jsonHTML = 1 << iota
	// jsonPrintable also escapes every character pricing.UnsafeRune refuses
	// (C1 controls, DEL, bidirectional overrides and isolates) as a \u escape:
	// the printable-output rule (printable.go), which a JSON reader decodes
	// to the very same string.
	jsonPrintable
)

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. With mode 0 or jsonHTML it is
// escaped exactly as encoding/json escapes it with SetEscapeHTML(false) or
// (true): \" and \\, the short escapes \b \f \n \r \t, other controls as
// \u00xx, U+2028 and U+2029 as \u2028 and \u2029 (JavaScript reads them as
// line ends), each invalid UTF-8 byte as \ufffd, and with jsonHTML <, > and &
// as \u003c, \u003e and \u0026; everything else is copied as it is. With
// jsonPrintable it is that output as the printableWriter would pass it on.
func appendJSONString(dst []byte, s string, mode int) []byte {
	safe := &jsonSafe[mode&(jsonHTML|jsonPrintable)]
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || mode&jsonPrintable != 0 && pricing.UnsafeRune(r):
			// Every rune escaped here is in the Basic Multilingual Plane: one \u escape.
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
