package pricing

import (
	"fmt"
	"strconv"
	"strings"
)

// splitSign is v's sign and magnitude; the magnitude is unsigned so that the
// most negative int64 has one too.
func splitSign(v int64) (neg bool, mag uint64) {
	if v < 0 {
		return true, uint64(-(v + 1)) + 1
	}
	return false, uint64(v)
}

// formatFixed prints v/10^scale with trailing zeros trimmed. It is exact for
// every int64, the most negative included, so no amount ever prints a sign
// twice or inside its decimals.
func formatFixed(v int64, scale int, group bool) string {
	var buf [32]byte
	return string(appendFixed(buf[:0], v, scale, group))
}

// appendFixed is formatFixed appending to dst, without allocating when dst has
// room: the writers of a 100,000-video month print amounts by the hundred
// thousand.
func appendFixed(dst []byte, v int64, scale int, group bool) []byte {
	neg, mag := splitSign(v)
	pow := uint64(1)
	for range scale {
		pow *= 10
	}
	if neg {
		dst = append(dst, '-')
	}
	var digits [20]byte
	whole := strconv.AppendUint(digits[:0], mag/pow, 10)
	if group {
		dst = appendGrouped(dst, whole)
	} else {
		dst = append(dst, whole...)
	}
	if frac := mag % pow; frac != 0 {
		dst = append(dst, '.')
		// scale digits, leading zeros kept, trailing zeros trimmed.
		var fd [20]byte
		n := 0
		for range scale {
			fd[scale-1-n] = byte('0' + frac%10)
			frac /= 10
			n++
		}
		end := scale
		for end > 0 && fd[end-1] == '0' {
			end--
		}
		dst = append(dst, fd[:end]...)
	}
	return dst
}

// appendGrouped appends digits with a comma between each group of three.
func appendGrouped(dst, digits []byte) []byte {
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}
	dst = append(dst, digits[:min(lead, len(digits))]...)
	for i := lead; i < len(digits); i += 3 {
		dst = append(dst, ',')
		dst = append(dst, digits[i:i+3]...)
	}
	return dst
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// parseDecimal turns decimal text ("29", "0.5", "1_000.25") into an integer scaled
// by 10^scale. It reports how many decimals the text used so callers can reject
// more precision than the card allows, and fails on signs, exponents and overflow.
func parseDecimal(text string, scale int) (value int64, decimals int, err error) {
	s := strings.ReplaceAll(text, "_", "")
	if s == "" {
		return 0, 0, fmt.Errorf("empty number")
	}
	if s[0] == '-' {
		return 0, 0, fmt.Errorf("must not be negative")
	}
	s = strings.TrimPrefix(s, "+")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") {
		return 0, 0, fmt.Errorf("%q is not a decimal number", text)
	}
	for _, part := range []string{whole, frac} {
		for _, r := range part {
			if r < '0' || r > '9' {
				return 0, 0, fmt.Errorf("%q is not a decimal number", text)
			}
		}
	}
	frac = strings.TrimRight(frac, "0")
	decimals = len(frac)
	if decimals > scale {
		return 0, decimals, fmt.Errorf("%q has %d decimals; at most %d allowed", text, decimals, scale)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("%q is too large", text)
	}
	pow := int64(1)
	for range scale {
		pow *= 10
	}
	const limit = int64(1) << 52 // far above any real price or balance, far below overflow in products
	if w > limit/pow {
		return 0, 0, fmt.Errorf("%q is too large", text)
	}
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
		for range scale - decimals {
			f *= 10
		}
	}
	return w*pow + f, decimals, nil
}

// ceilDiv divides a non-negative numerator by a positive denominator, rounding up
// (without the overflow of num+den-1 near the top of the range).
func ceilDiv(num, den int64) int64 {
	q := num / den
	if num%den != 0 {
		q++
	}
	return q
}
