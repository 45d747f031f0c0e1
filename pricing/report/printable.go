package report

import (
	"io"
	"strconv"
	"unicode/utf8"

	"creditplan/pricing"
)

// The printable-output rule: no output this package writes carries a control
// character other than the newline that ends a line, a C1 control, a
// bidirectional override or isolate, or an invalid byte, whatever the card and
// the project call things. Two layers keep it:
//
//   - Each name (card, vendor, plan, feature, pack, reason, credit unit, video)
//     and each sentence that embeds one goes through safe, pricing.Printable,
//     where it is written: a newline in a name shows as \n and cannot start a
//     new line, a table cell is measured after escaping so columns stay
//     aligned, and Markdown's own escaping (md) sees the escaped text.
//   - Every document then passes through a printableWriter on its way out, so
//     a name that reached the output by a path not listed above is escaped all
//     the same: text, Markdown and CSV show it as pricing.Printable does; JSON
//     writes it as a \u escape, which a JSON reader decodes to the very same
//     string, so JSON stays exact. The quote's JSON (jsonWriter) writes those
//     same escapes as it writes each string (jsonPrintable), and skips the
//     second pass.
//
// Loaders refuse such names with file:line:col; this rule is for the names
// that are built in code, and for whatever input path comes next.

// safe is a name or a sentence embedding names, made printable.
func safe(s string) string { return pricing.Printable(s) }

// printableWriter passes bytes to w with every character pricing.UnsafeRune
// refuses (other than '\n') and every invalid byte escaped: as
// pricing.Printable escapes it, or as a JSON \u escape when json is set. A
// multi-byte character split between two writes is held back until it is
// whole; finish writes whatever is left.
type printableWriter struct {
	w    io.Writer
	json bool
	held []byte // an incomplete UTF-8 sequence at the end of the last write
	tmp  []byte
}

func (p *printableWriter) Write(b []byte) (int, error) {
	n := len(b)
	if len(p.held) > 0 {
		p.tmp = append(append(p.tmp[:0], p.held...), b...)
		p.held = p.held[:0]
		b = p.tmp
	}
	// Hold back a trailing sequence that a later write may complete.
	if i := lastRuneStart(b); i < len(b) && !utf8.FullRune(b[i:]) {
		p.held = append(p.held, b[i:]...)
		b = b[:i]
	}
	return n, p.pass(b)
}

// lastRuneStart is where the last (possibly incomplete) UTF-8 sequence of b
// begins, looking back at most utf8.UTFMax-1 continuation bytes.
func lastRuneStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && i > len(b)-utf8.UTFMax && b[i]&0xc0 == 0x80 {
		i--
	}
	if i < 0 || b[i] < 0xc0 {
		return len(b)
	}
	return i
}

// attention marks the bytes that may begin a character to escape in valid
// UTF-8: the controls but newline, DEL, and the lead bytes of U+0080-U+009F
// (0xc2), U+061C (0xd8) and U+200E-U+2069 (0xe2). A big month runs to
// megabytes of text, so the common byte costs one table look-up.
var attention = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\n'
	}
	t[0x7f], t[0xc2], t[0xd8], t[0xe2] = true, true, true, true
	return t
}()

// pass writes b, escaping what must not pass: safe runs are written as they are.
func (p *printableWriter) pass(b []byte) error {
	valid := utf8.Valid(b)
	start := 0
	for i := 0; i < len(b); {
		if valid {
			for i < len(b) && !attention[b[i]] {
				i++
			}
			if i == len(b) {
				break
			}
		}
		c := b[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			i++
			continue
		}
		size, bad := 1, c < 0x80
		if !bad {
			var r rune
			r, size = utf8.DecodeRune(b[i:])
			bad = r == utf8.RuneError && size <= 1 || pricing.UnsafeRune(r)
		}
		if !bad {
			i += size
			continue
		}
		if _, err := p.w.Write(b[start:i]); err != nil {
			return err
		}
		if _, err := io.WriteString(p.w, p.escape(b[i:i+size])); err != nil {
			return err
		}
		i += size
		start = i
	}
	_, err := p.w.Write(b[start:])
	return err
}

// escape is one refused character (or invalid byte) as visible text.
func (p *printableWriter) escape(b []byte) string {
	if !p.json {
		return pricing.Printable(string(b))
	}
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		r = utf8.RuneError // encoding/json writes U+FFFD for an invalid byte too
	}
	// Every refused rune is in the Basic Multilingual Plane: one \u escape.
	return `\u` + strconv.FormatUint(uint64(r)|0x10000, 16)[1:]
}

// finish writes a sequence still held back: it never completed, so it is
// escaped as invalid.
func (p *printableWriter) finish() error {
	if len(p.held) == 0 {
		return nil
	}
	err := p.pass(p.held)
	p.held = p.held[:0]
	return err
}
