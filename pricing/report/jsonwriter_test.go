package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// jsonStringCases are strings that reach every branch of appendJSONString:
// every ASCII byte, the short escapes, HTML's three, the JavaScript line
// ends, C1 controls and bidirectional overrides, invalid and truncated UTF-8,
// a real U+FFFD, and characters outside the Basic Multilingual Plane.
func jsonStringCases() []string {
	cases := []string{
		"", "plain", `"quoted" \back\slash/`, "a\bb\fc\nd\re\tf", "\x00\x01\x1f\x7f",
		`<b>"Launch" & co</b>`, "line\u2028sep\u2029para", "c1\u0085\u009f", "bidi\u202eevil\u2066\u2069\u200e\u061c",
		"bad\xffbyte", "\xc3", "\xe2\x80", "trunc\xf0\x9f\x98", "real \ufffd replacement", "emoji 😀 ×",
		"Ärger 日本語", "\xed\xa0\x80 surrogate", "\xc0\xaf overlong",
	}
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
		cases = append(cases, string([]byte{byte(c)}), "x"+string([]byte{byte(c)})+"y")
	}
	for r := rune(0x80); r < 0x3000; r += 7 {
		cases = append(cases, string(r))
	}
	return append(cases, all.String())
}

// encodingJSONString is what encoding/json writes for s.
func encodingJSONString(t testing.TB, s string, escapeHTML bool) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// printablePass is b as the printableWriter passes JSON on.
func printablePass(t testing.TB, b []byte) []byte {
	var out bytes.Buffer
	pw := &printableWriter{w: &out, json: true}
	if _, err := pw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := pw.finish(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// checkJSONString holds appendJSONString to encoding/json in both HTML modes,
// and its printable mode to encoding/json followed by the printableWriter.
func checkJSONString(t *testing.T, s string) {
	t.Helper()
	for _, html := range []bool{false, true} {
		mode := 0
		if html {
			mode = jsonHTML
		}
		want := encodingJSONString(t, s, html)
		if got := appendJSONString(nil, s, mode); !bytes.Equal(got, want) {
			t.Errorf("%q (html %v): got %s, encoding/json %s", s, html, got, want)
		}
		want = printablePass(t, want)
		if got := appendJSONString(nil, s, mode|jsonPrintable); !bytes.Equal(got, want) {
			t.Errorf("%q (html %v, printable): got %s, encoding/json and printableWriter %s", s, html, got, want)
		}
	}
}

func TestJSONStringEscapesAsEncodingJSON(t *testing.T) {
	for _, s := range jsonStringCases() {
		checkJSONString(t, s)
	}
}

// TestJSONStringPrintableIsValidAndExact: the printable mode writes only
// ASCII-safe escapes a JSON reader turns back into the string (with invalid
// bytes read as U+FFFD, as encoding/json reads them).
func TestJSONStringPrintableIsValidAndExact(t *testing.T) {
	for _, s := range jsonStringCases() {
		out := appendJSONString(nil, s, jsonPrintable)
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%q: %s does not parse: %v", s, out, err)
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); back != want && !utf8.ValidString(s) {
			// ToValidUTF8 folds a run of bad bytes into one U+FFFD; JSON
			// writes one per byte, so compare byte by byte instead.
			if want := []rune(s); len([]rune(back)) != len(want) {
				t.Errorf("%q: read back as %q", s, back)
			}
		} else if back != want {
			t.Errorf("%q: read back as %q", s, back)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStringCases()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkJSONString(t, s) })
}
