package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestWrapWordsBreaksAtSpaces(t *testing.T) {
	for _, c := range []struct {
		s           string
		first, rest int
		want        []string
	}{
		{"one two three", 7, 7, []string{"one two", "three"}},
		{"one two three", 20, 20, []string{"one two three"}},
		{"  Plan name", 6, 6, []string{"  Plan", "name"}},
		{"a  b", 4, 4, []string{"a  b"}},
		{"abcdefghij", 4, 4, []string{"abcd", "efgh", "ij"}},
		{"“Intro” → Outro", 9, 9, []string{"“Intro” →", "Outro"}},
		{"x 日本語", 3, 3, []string{"x", "日", "本", "語"}},
		{"", 5, 5, []string{""}},
	} {
		if got := wrapWords(c.s, c.first, c.rest); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrapWords(%q, %d, %d) = %q, want %q", c.s, c.first, c.rest, got, c.want)
		}
	}
}

// TestPageWrapsTextNotJSON: through a Page, text lines wrap under their
// marker; Markdown headings and table rows stay whole and a hard line break
// stays at the end; JSON is exactly what it is without a Page.
func TestPageWrapsTextNotJSON(t *testing.T) {
	var b bytes.Buffer
	lw := &lineWrapper{w: &b, width: 20}
	lw.Write([]byte("  - one two three four five six\n12. Name of a video: 4 × 2m\nshort\n"))
	lw.finish()
	want := "  - one two three\n    four five six\n12. Name of a video:\n    4 × 2m\nshort\n"
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	lw = &lineWrapper{w: &b, width: 20, markdown: true}
	lw.Write([]byte("### 1. A heading far too long to wrap\n| a | table | row | too | wide |\nRate card: **A card**, as of 2026  \n"))
	lw.finish()
	want = "### 1. A heading far too long to wrap\n| a | table | row | too | wide |\nRate card: **A\ncard**, as of 2026  \n"
	if b.String() != want {
		t.Errorf("markdown:\n%q\nwant:\n%q", b.String(), want)
	}

	c, p := loadMonth(t, "../../plans.toml", "../../examples/agency-month.toml")
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{JSON, CSV} {
		plain := render(t, func(b *bytes.Buffer) error { return WriteQuote(b, q, f) })
		paged := render(t, func(b *bytes.Buffer) error { return WriteQuote(&Page{W: b, Width: 40}, q, f) })
		if !bytes.Equal(plain, paged) {
			t.Errorf("%v changes on a 40-column page", f)
		}
	}
	text := render(t, func(b *bytes.Buffer) error { return WriteQuote(&Page{W: b, Width: 60}, q, Text) })
	for _, l := range strings.Split(string(text), "\n") {
		if width(l) > 60 {
			t.Errorf("%d wide: %q", width(l), l)
		}
	}
}
