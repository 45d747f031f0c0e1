package pricing

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxVideoSeconds bounds a video's length (24 hours) so that no product of
// length, languages and renders can overflow.
const MaxVideoSeconds = 24 * 3600

// ParseLength reads a video length: "2m30s", "90s", "1h5m", "2m", or "2:30"
// (minutes:seconds). Seconds after minutes must be under 60 ("2m75s" is an error),
// as must minutes after hours. A bare number ("2.5") is minutes and must come
// to whole seconds. Only the digits 0-9 are numbers: a sign or an underscore
// is an error, and a number too big for 24 hours says so, whatever its size
// (it is never multiplied past the limit, so it cannot wrap).
func ParseLength(text string) (seconds int, err error) {
	s := strings.TrimSpace(strings.ToLower(text))
	if s == "" {
		return 0, fmt.Errorf("length is empty; write it like \"2m30s\", \"90s\" or \"2:30\"")
	}
	if m, sec, ok := strings.Cut(s, ":"); ok {
		mi, ok1 := lengthNumber(m)
		se, ok2 := lengthNumber(sec)
		if !ok1 || !ok2 || len(sec) != 2 {
			return 0, fmt.Errorf("length %q is not minutes:seconds like \"2:30\"", text)
		}
		if se >= 60 {
			return 0, fmt.Errorf("length %q has %d seconds; seconds after minutes must be under 60", text, se)
		}
		return checkLength(text, mi*60+se)
	}
	if s[0] >= '0' && s[0] <= '9' && strings.IndexFunc(s, func(r rune) bool { return r == 'h' || r == 'm' || r == 's' }) < 0 {
		return lengthFromMinutes(text, s)
	}
	var total int64
	rest := s
	last := byte(0)
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, fmt.Errorf("length %q is not like \"2m30s\", \"90s\" or \"2:30\"", text)
		}
		n, _ := lengthNumber(rest[:i])
		unit := rest[i]
		rest = rest[i+1:]
		switch {
		case unit == 'h' && last == 0:
			total += n * 3600
		case unit == 'm' && (last == 0 || last == 'h'):
			if last == 'h' && n >= 60 {
				return 0, fmt.Errorf("length %q has %d minutes after hours; must be under 60", text, n)
			}
			total += n * 60
		case unit == 's' && last != 's':
			if last != 0 && n >= 60 {
				after := "minutes"
				if last == 'h' {
					after = "hours" // "1h60s": no minutes were written
				}
				return 0, fmt.Errorf("length %q has %d seconds after %s; must be under 60", text, n, after)
			}
			total += n
		default:
			return 0, fmt.Errorf("length %q is not like \"2m30s\", \"90s\" or \"2:30\" (units h, m, s in that order, once each)", text)
		}
		if total > MaxVideoSeconds {
			return 0, fmt.Errorf("length %q is longer than 24 hours", text)
		}
		last = unit
	}
	return checkLength(text, total)
}

// lengthTooBig stands for any number of units past 24 hours: every count of
// hours, minutes or seconds from it up is over the limit, and it times 3600
// is far from overflow.
const lengthTooBig = MaxVideoSeconds + 1

// lengthNumber reads a run of the digits 0-9 (no sign, no underscore), as
// lengthTooBig when it is bigger than that.
func lengthNumber(digits string) (n int64, ok bool) {
	if digits == "" {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n < lengthTooBig {
			n = n*10 + int64(c-'0')
		}
	}
	return min(n, lengthTooBig), true
}

func lengthFromMinutes(text, s string) (int, error) {
	whole, frac, _ := strings.Cut(s, ".")
	w, ok := lengthNumber(whole)
	if !ok || (frac != "" && strings.Trim(frac, "0123456789") != "") || strings.HasSuffix(s, ".") {
		return 0, fmt.Errorf("length %q is not like \"2m30s\", \"90s\" or \"2:30\"", text)
	}
	if w > MaxVideoSeconds/60 {
		return 0, fmt.Errorf("length %q is longer than 24 hours", text)
	}
	// Minutes as a decimal: at most 3 decimals keeps the arithmetic exact in thousandths.
	v, _, err := parseDecimal(s, 3)
	if err != nil {
		return 0, fmt.Errorf("length %q: %v", text, err)
	}
	if v > int64(MaxVideoSeconds)*1000/60 {
		return 0, fmt.Errorf("length %q is longer than 24 hours", text)
	}
	if (v*60)%1000 != 0 {
		return 0, fmt.Errorf("length %q minutes is not a whole number of seconds", text)
	}
	return checkLength(text, v*60/1000)
}

func checkLength(text string, sec int64) (int, error) {
	if sec <= 0 {
		return 0, fmt.Errorf("length %q must be longer than zero", text)
	}
	if sec > MaxVideoSeconds {
		return 0, fmt.Errorf("length %q is longer than 24 hours", text)
	}
	return int(sec), nil
}

// FormatLength writes seconds the way ParseLength reads them: "2m30s", "45s", "1h5m".
func FormatLength(seconds int) string {
	var buf [24]byte
	return string(AppendLength(buf[:0], seconds))
}

// AppendLength appends the length as FormatLength writes it.
func AppendLength(dst []byte, seconds int) []byte {
	if seconds <= 0 {
		return append(dst, "0s"...)
	}
	h, m, s := seconds/3600, seconds/60%60, seconds%60
	if h > 0 {
		dst = append(strconv.AppendInt(dst, int64(h), 10), 'h')
	}
	if m > 0 {
		dst = append(strconv.AppendInt(dst, int64(m), 10), 'm')
	}
	if s > 0 {
		dst = append(strconv.AppendInt(dst, int64(s), 10), 's')
	}
	return dst
}
