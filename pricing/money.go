package pricing

import (
	"fmt"
	"strconv"
	"strings"
)

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
