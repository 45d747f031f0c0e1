package pricing

import (
	"fmt"
	"strings"
)

// Discount is a negotiated reduction of a plan's price: a percentage
// ("15%") or an amount off each month ("$20.00").
type Discount struct {
	// Percent is the reduction in hundredths of a percent (1500 = 15%) when
	// Amount is not set.
	Percent int64
	// Amount, when IsAmount is set, is the money taken off each month's price.
	Amount   Money
	IsAmount bool
	// Currency is the code an amount was written with ("USD" for "$20"), or
	// "" when it named none.
	Currency string
}

// PercentScale is how many Discount.Percent units make one percent.
const PercentScale = 100

// fullPercent is 100% in Discount.Percent units.
const fullPercent = 100 * PercentScale

// ParseDiscount reads a discount: "15%", "12.5%", "$20.00", "20 USD". A
// percentage must be below 100% and not negative; an amount must not be
// negative (whether it is below a price is for ApplyDiscount to say).
func ParseDiscount(s string) (Discount, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return Discount{}, fmt.Errorf("a discount must be a percentage like \"15%%\" or an amount like \"$20.00\", not empty")
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "$-") {
		return Discount{}, fmt.Errorf("discount %q is below 0", s)
	}
	if num, ok := strings.CutSuffix(t, "%"); ok {
		v, _, err := parseDecimal(strings.TrimSpace(num), 2)
		if err != nil {
			return Discount{}, fmt.Errorf("discount %q: %v (at most 2 decimals)", s, unquotedErr(err))
		}
		if v >= fullPercent {
			return Discount{}, fmt.Errorf("discount %q is at or above 100%%: a price cannot be discounted to nothing", s)
		}
		return Discount{Percent: v}, nil
	}
	d := Discount{IsAmount: true}
	num := t
	for sym, code := range map[string]string{"$": "USD", "€": "EUR", "£": "GBP"} {
		if rest, ok := strings.CutPrefix(num, sym); ok {
			num, d.Currency = strings.TrimSpace(rest), code
		}
	}
	if d.Currency == "" {
		if i := strings.LastIndexByte(num, ' '); i > 0 && isCurrencyCode(num[i+1:]) {
			num, d.Currency = strings.TrimSpace(num[:i]), num[i+1:]
		} else if i := strings.IndexByte(num, ' '); i > 0 && isCurrencyCode(num[:i]) {
			num, d.Currency = strings.TrimSpace(num[i+1:]), num[:i]
		}
	}
	if d.Currency == "" {
		return Discount{}, fmt.Errorf("discount %q: write a percentage like \"15%%\" or an amount with its currency like \"$20.00\"", s)
	}
	v, _, err := parseDecimal(num, 2)
	if err != nil {
		return Discount{}, fmt.Errorf("discount %q: %v (at most 2 decimals)", s, unquotedErr(err))
	}
	d.Amount = Money(v * (MoneyScale / 100))
	return d, nil
}

func isCurrencyCode(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// unquotedErr is a parseDecimal error for a message that already quotes the text.
func unquotedErr(err error) string {
	m := err.Error()
	if i := strings.Index(m, "\" "); i >= 0 && strings.HasPrefix(m, "\"") {
		return strings.TrimSpace(m[i+2:])
	}
	return m
}

// String writes the discount as it is read: "15%", "12.5%", "$20.00".
func (d Discount) String() string {
	if d.IsAmount {
		return d.Amount.Format(d.Currency)
	}
	return formatFixed(d.Percent, 2, false) + "%"
}

// ApplyDiscount is price less the discount, rounded to whole cents (half
// up), the precision a customer is billed in. An amount at or above the
// price is an error: the plan would be free.
func ApplyDiscount(price Money, d Discount) (Money, error) {
	if d.IsAmount {
		if d.Amount >= price {
			return price, fmt.Errorf("discount %s is at or above the price %s (100%% or more)", d, price.Format(d.Currency))
		}
		return roundCents(price - d.Amount), nil
	}
	if d.Percent < 0 || d.Percent >= fullPercent {
		return price, fmt.Errorf("discount %s must be at least 0%% and below 100%%", d)
	}
	// price × (100% − p): at most 2^52 × 10^4, far inside int64.
	off := satMul(int64(price), d.Percent)
	return roundCents(Money(int64(price) - off/fullPercent)), nil
}

// roundCents rounds m half up to whole cents.
func roundCents(m Money) Money { return Money(m.Cents() * (MoneyScale / 100)) }

// Reduction is how far yours is below list, in hundredths of a percent
// (0 when it is not below). It is what a discount band is checked against,
// whatever made the price lower: a discount or a negotiated price.
func Reduction(list, yours Money) int64 {
	if list <= 0 || yours >= list {
		return 0
	}
	return ceilDiv(satMul(int64(list-yours), fullPercent), int64(list))
}

// FormatPercent writes hundredths of a percent: 2000 -> "20%", 1250 -> "12.5%".
func FormatPercent(p int64) string { return formatFixed(p, 2, false) + "%" }
