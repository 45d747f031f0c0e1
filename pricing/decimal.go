package pricing

import (
	"fmt"
	"strconv"
	"strings"
)

// Credits is an amount of credits in thousandths of a credit (milli-credits).
// Every credit figure in creditplan is an exact integer of this type: rates such
// as 0.5 credit per script generation add up without float rounding.
type Credits int64

// CreditScale is how many Credits units make one whole credit.
const CreditScale = 1000

// WholeCredits returns n whole credits.
func WholeCredits(n int64) Credits { return Credits(n * CreditScale) }

// String formats c with as few decimals as it needs: "50", "0.5", "12.25".
func (c Credits) String() string { return formatFixed(int64(c), 3, false) }

// Grouped formats c like String but with thousands separators: "3,600".
func (c Credits) Grouped() string { return formatFixed(int64(c), 3, true) }

// IsWhole reports whether c has no fractional part.
func (c Credits) IsWhole() bool { return c%CreditScale == 0 }

// Money is an amount of money in ten-thousandths of the card's currency unit,
// so that a per-credit price like $0.16 times 0.5 credit stays exact.
type Money int64

// MoneyScale is how many Money units make one currency unit.
const MoneyScale = 10000

// Cents rounds m half away from zero to whole cents, the precision prices are shown in.
// It is exact for every int64, the most negative included.
func (m Money) Cents() int64 {
	const perCent = MoneyScale / 100
	q, r := int64(m)/perCent, int64(m)%perCent
	switch {
	case r >= perCent/2:
		q++
	case r <= -perCent/2:
		q--
	}
	return q
}

// Format writes m rounded to cents with the currency symbol: "$29.00", "€4.50", "CHF 9.90".
func (m Money) Format(currency string) string {
	neg, cents := splitSign(m.Cents())
	sign := ""
	if neg {
		sign = "-"
	}
	return sign + currencySymbol(currency) + formatCents(cents)
}

// Plain writes m rounded to cents without a symbol, for CSV and JSON: "29.00".
func (m Money) Plain() string {
	neg, cents := splitSign(m.Cents())
	s := strconv.FormatUint(cents/100, 10) + fmt.Sprintf(".%02d", cents%100)
	if neg {
		return "-" + s
	}
	return s
}

// splitSign is v's sign and magnitude; the magnitude is unsigned so that the
// most negative int64 has one too.
func splitSign(v int64) (neg bool, mag uint64) {
	if v < 0 {
		return true, uint64(-(v + 1)) + 1
	}
	return false, uint64(v)
}

func formatCents(cents uint64) string {
	return groupThousands(strconv.FormatUint(cents/100, 10)) + fmt.Sprintf(".%02d", cents%100)
}

func currencySymbol(code string) string {
	switch strings.ToUpper(code) {
	case "USD", "":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	default:
		return strings.ToUpper(code) + " "
	}
}

// formatFixed prints v/10^scale with trailing zeros trimmed. It is exact for
// every int64, the most negative included, so no amount ever prints a sign
// twice or inside its decimals.
func formatFixed(v int64, scale int, group bool) string {
	neg, mag := splitSign(v)
	pow := uint64(1)
	for range scale {
		pow *= 10
	}
	whole := strconv.FormatUint(mag/pow, 10)
	if group {
		whole = groupThousands(whole)
	}
	frac := mag % pow
	s := whole
	if frac != 0 {
		fs := fmt.Sprintf("%0*d", scale, frac)
		s += "." + strings.TrimRight(fs, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
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

// ParseCredits reads a credit amount such as "200" or "0.5" (at most three decimals).
func ParseCredits(text string) (Credits, error) {
	v, _, err := parseDecimal(strings.TrimSpace(text), 3)
	return Credits(v), err
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
