package pricing

import "strings"

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

// AppendString appends c as String writes it.
func (c Credits) AppendString(dst []byte) []byte { return appendFixed(dst, int64(c), 3, false) }

// AppendGrouped appends c as Grouped writes it.
func (c Credits) AppendGrouped(dst []byte) []byte { return appendFixed(dst, int64(c), 3, true) }

// IsWhole reports whether c has no fractional part.
func (c Credits) IsWhole() bool { return c%CreditScale == 0 }

// ParseCredits reads a credit amount such as "200" or "0.5" (at most three decimals).
func ParseCredits(text string) (Credits, error) {
	v, _, err := parseDecimal(strings.TrimSpace(text), 3)
	return Credits(v), err
}
