package pricing

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The append forms write exactly what the string forms wrote before them with
// fmt; these references are those string forms, kept here to prove it.

func refFormatFixed(v int64, scale int, group bool) string {
	neg, mag := splitSign(v)
	pow := uint64(1)
	for range scale {
		pow *= 10
	}
	whole := fmt.Sprint(mag / pow)
	if group && len(whole) > 3 {
		var b strings.Builder
		lead := len(whole) % 3
		if lead > 0 {
			b.WriteString(whole[:lead])
		}
		for i := lead; i < len(whole); i += 3 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(whole[i : i+3])
		}
		whole = b.String()
	}
	s := whole
	if frac := mag % pow; frac != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%0*d", scale, frac), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

func refFormatLength(seconds int) string {
	if seconds <= 0 {
		return "0s"
	}
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	var b strings.Builder
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if s > 0 {
		fmt.Fprintf(&b, "%ds", s)
	}
	return b.String()
}

func refQuantity(l Line) string {
	var parts []string
	switch l.Feature.Unit {
	case PerMinute, PerSecond:
		parts = append(parts, refFormatLength(l.BilledSeconds))
	case PerLanguageMinute:
		parts = append(parts, refFormatLength(l.BilledSeconds), Plural(l.Languages, "language"))
	case PerVideo:
		parts = append(parts, "1 video")
	case PerClip:
		parts = append(parts, Plural(l.Units, "clip"))
	case PerGeneration:
		parts = append(parts, Plural(l.Units, "generation"))
	}
	if l.Renders > 1 {
		parts = append(parts, Plural(l.Renders, "render"))
	}
	return strings.Join(parts, " × ")
}

func interestingInts(r *rand.Rand) []int64 {
	out := []int64{0, 1, -1, 9, 10, 99, 100, 999, 1000, 1001, 12345, 999_999, 1_000_000, -1000,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}
	for range 3000 {
		out = append(out, r.Int64N(1<<uint(1+r.IntN(62)))*int64(1-2*r.IntN(2)))
	}
	return out
}

func TestAppendFormsWriteWhatTheStringFormsWrite(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	prefix := []byte("x:")
	for _, v := range interestingInts(r) {
		for _, scale := range []int{0, 1, 3, 4} {
			for _, group := range []bool{false, true} {
				want := refFormatFixed(v, scale, group)
				if got := formatFixed(v, scale, group); got != want {
					t.Fatalf("formatFixed(%d, %d, %v) = %q, want %q", v, scale, group, got, want)
				}
				if got := string(appendFixed(prefix, v, scale, group)); got != "x:"+want {
					t.Fatalf("appendFixed(%d, %d, %v) = %q", v, scale, group, got)
				}
			}
		}
		c := Credits(v)
		if string(c.AppendString(nil)) != c.String() || string(c.AppendGrouped(nil)) != c.Grouped() {
			t.Fatalf("Credits %d: append forms differ", v)
		}
		if string(AppendCount(nil, v)) != Count(v) || string(AppendPlural(nil, v, "video")) != Plural(v, "video") {
			t.Fatalf("count %d: append forms differ", v)
		}
	}
	for _, s := range []int{-5, 0, 1, 59, 60, 61, 3599, 3600, 3601, 3660, 86400, 90061, math.MaxInt32} {
		if got, want := FormatLength(s), refFormatLength(s); got != want || string(AppendLength(prefix, s)) != "x:"+want {
			t.Fatalf("FormatLength(%d) = %q, want %q", s, got, want)
		}
	}
	for range 2000 {
		s := r.IntN(200_000)
		if got, want := FormatLength(s), refFormatLength(s); got != want {
			t.Fatalf("FormatLength(%d) = %q, want %q", s, got, want)
		}
	}
}

func TestAppendQuantityAndTextWriteWhatTheyWrote(t *testing.T) {
	c := defaultCard(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		p := randomProject(r, c)
		q, err := c.Quote(p)
		if err != nil {
			continue
		}
		for _, vq := range q.Videos {
			for _, l := range vq.Lines {
				if got, want := l.Quantity(), refQuantity(l); got != want || string(l.AppendQuantity([]byte("x"))) != "x"+want {
					t.Fatalf("Quantity = %q, want %q", got, want)
				}
			}
		}
		for _, a := range q.Alternatives {
			want := fmt.Sprintf("Use %s instead of %s: saves %s", a.To.Name, a.From.Name, c.CreditWord(a.Saves))
			if got := a.Text(c); got != want || string(a.AppendText([]byte("x"), c)) != "x"+want {
				t.Fatalf("Text = %q, want %q", got, want)
			}
		}
	}
	for _, n := range []Credits{0, CreditScale, 2 * CreditScale, 1500, 1_234_567_890} {
		if string(c.AppendCreditWord(nil, n)) != c.CreditWord(n) {
			t.Fatalf("AppendCreditWord(%d) differs", n)
		}
	}
	// Every unit and render count, not only those random months reach.
	for i := range c.Features {
		f := &c.Features[i]
		for _, l := range []Line{{Feature: f, BilledSeconds: 150, Languages: 2, Units: 3, Renders: 1}, {Feature: f, BilledSeconds: 3600, Languages: 1, Units: 1, Renders: 4}} {
			if got, want := l.Quantity(), refQuantity(l); got != want {
				t.Fatalf("%s: Quantity = %q, want %q", f.ID, got, want)
			}
		}
	}
}
