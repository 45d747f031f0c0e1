package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"creditplan/pricing"
)

// hostile is a name that would drive a terminal if it reached one raw: an OSC 8
// hyperlink, an OSC 0 window title, a C1 CSI (as a rune and as a lone byte), a
// clear-screen, right-to-left override and isolate, and line breaks.
const hostile = "A\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\" +
	"\x1b]0;pwned\x07\u009b31m\x9b2J\x1b[2J\u202eevil\u2066x\u2069\r\n# injected\tz\x7f"

// HostileCard is the default card with every name a person reads (card,
// vendor, origin, credit unit, plan, pack, feature and reason) made hostile,
// built in code so the loaders' own refusal does not stand in the way.
func hostileCard(t testing.TB) *pricing.RateCard {
	c := loadCard(t, "../../plans.toml")
	c.Name, c.Vendor, c.Origin = "Card "+hostile, "Vendor "+hostile, "Origin "+hostile
	c.CreditName, c.CreditNamePlural = "credit "+hostile, "credits "+hostile
	for i := range c.Plans {
		p := &c.Plans[i]
		p.Name = p.Name + hostile
		for j := range p.TopUps {
			p.TopUps[j].Name = p.TopUps[j].Name + hostile
		}
	}
	for i := range c.Features {
		f := &c.Features[i]
		f.Name = f.Name + hostile
		if f.AlternativeReason != "" {
			f.AlternativeReason = f.AlternativeReason + hostile
		}
	}
	return c
}

// requirePrintable fails when out holds a byte below 0x20 other than '\n',
// DEL, an invalid byte, or any rune pricing.UnsafeRune refuses.
func requirePrintable(t *testing.T, what string, out []byte) {
	t.Helper()
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size <= 1 || r != '\n' && pricing.UnsafeRune(r) {
			from := max(0, i-40)
			t.Fatalf("%s: raw %q at byte %d: ...%q...", what, out[i:i+size], i, out[from:min(len(out), i+40)])
		}
		i += size
	}
}

// TestNoOutputCarriesARawControlCharacter: with every name of the card and the
// month hostile, no format of any document (quote on every plan, compare with
// right-sizing, right-sizing alone, fit, year) writes a raw control character,
// C1 control or bidirectional override; the names are there, escaped; and JSON
// still decodes to the exact names.
func TestNoOutputCarriesARawControlCharacter(t *testing.T) {
	c := hostileCard(t)
	src := []byte(`plan = "creator"
balance = 10
[[videos]]
name = "v"
count = 10
length = "1m"
avatar = "avatar-iv"
resolution = "4k"
broll = "sora-2"
broll_clips = 2
languages = ["es", "fr"]
translation = "lipsync"
rerenders = 1
[[videos]]
name = "w"
count = 3
length = "2m"
avatar = "avatar-iv"
`)
	p, err := pricing.ParseProject("hostile.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.Videos {
		p.Videos[i].Name = "Video " + hostile
	}
	type doc struct {
		what  string
		write func(*bytes.Buffer, Format) error
	}
	docs := []doc{
		{"compare", func(b *bytes.Buffer, f Format) error { return WriteComparison(b, c.Compare(p), c.RightSize(p), f) }},
		{"right-size", func(b *bytes.Buffer, f Format) error { return WriteRightSize(b, c.RightSize(p), f) }},
	}
	for _, plan := range c.PlanIDs() {
		mp := p.Clone()
		mp.Plan = plan
		q := quoteOf(t, c, mp)
		r := fitOf(t, c, mp)
		y := yearOf(t, c, mp)
		docs = append(docs,
			doc{"quote on " + plan, func(b *bytes.Buffer, f Format) error { return WriteQuote(b, q, f) }},
			doc{"fit on " + plan, func(b *bytes.Buffer, f Format) error { return WriteFit(b, r, f) }},
			doc{"year on " + plan, func(b *bytes.Buffer, f Format) error { return WriteYear(b, y, f) }},
		)
	}
	for _, d := range docs {
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			out := render(t, func(b *bytes.Buffer) error { return d.write(b, f) })
			what := d.what + " as " + f.String()
			requirePrintable(t, what, out)
			if f == JSON {
				var v map[string]any
				if err := json.Unmarshal(out, &v); err != nil {
					t.Fatalf("%s does not parse: %v", what, err)
				}
				// JSON cannot hold an invalid byte: encoding/json writes U+FFFD for it.
				want := strings.ToValidUTF8(c.Name, "\ufffd")
				if card, ok := v["card"].(map[string]any); ok && card["name"] != want {
					t.Errorf("%s: card name %q, want the exact %q", what, card["name"], want)
				}
				continue
			}
			// The names are shown, escaped, never dropped.
			if !strings.Contains(string(out), "evil.example/") {
				t.Errorf("%s does not show the escaped name:\n%s", what, out)
			}
			// A newline inside a name never starts a line of its own.
			if strings.Contains(string(out), "\n# injected") || strings.Contains(string(out), "\n\\# injected") {
				t.Errorf("%s lets a name's newline start a line", what)
			}
		}
	}
}

// TestTextTableAlignsEscapedNames: a name with control characters is measured
// after escaping, so the column after it still lines up.
func TestTextTableAlignsEscapedNames(t *testing.T) {
	var a aligner
	var b bytes.Buffer
	a.reset(false, true)
	a.add("Name", "Credits")
	a.add("x\x1b]0;t\x07y", "1")
	a.add("plain", "22")
	writeTable(&a, &b, "")
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	want := width(lines[0])
	for _, l := range lines {
		if width(l) != want {
			t.Errorf("misaligned row %q (width %d, header %d):\n%s", l, width(l), want, b.String())
		}
	}
}

// TestPrintableWriterKeepsCharactersSplitBetweenWrites: a multi-byte character
// cut in two by the buffer's flush is passed whole, and one cut off at the end
// is escaped as the invalid bytes it is.
func TestPrintableWriterKeepsCharactersSplitBetweenWrites(t *testing.T) {
	for _, json := range []bool{false, true} {
		var out bytes.Buffer
		p := &printableWriter{w: &out, json: json}
		in := []byte("a×b\u202ec€")
		for i := range in { // one byte at a time: every character is split
			p.Write(in[i : i+1])
		}
		p.Write([]byte("\xe2\x82"))
		if err := p.finish(); err != nil {
			t.Fatal(err)
		}
		want := `a×b\u202ec€\xe2\x82`
		if json {
			want = `a×b\u202ec€\ufffd\ufffd`
		}
		if out.String() != want {
			t.Errorf("json=%v: got %q, want %q", json, out.String(), want)
		}
	}
}

// FuzzPrintableWriter: however a document is cut into writes, the printable
// writer writes the same bytes as for one write, and they are printable.
func FuzzPrintableWriter(f *testing.F) {
	f.Add([]byte("a×b\u202ec\x1b]0;t\x07"), 3, false)
	f.Add([]byte("\xe2\x80\xaeok\xc2"), 1, true)
	f.Add([]byte("\xf0\x9f\x98\x80 emoji"), 2, false)
	f.Fuzz(func(t *testing.T, in []byte, cut int, json bool) {
		cut = min(max(cut, 0), len(in))
		var whole, parts bytes.Buffer
		w := &printableWriter{w: &whole, json: json}
		w.Write(in)
		w.finish()
		p := &printableWriter{w: &parts, json: json}
		p.Write(in[:cut])
		p.Write(in[cut:])
		p.finish()
		if !bytes.Equal(whole.Bytes(), parts.Bytes()) {
			t.Fatalf("cut at %d: %q, whole: %q", cut, parts.Bytes(), whole.Bytes())
		}
		requirePrintable(t, "output", whole.Bytes())
	})
}
