package pricing

import (
	"fmt"
	"math/bits"
	"strings"
	"time"
)

// FXScale is how many units of FXRate.Rate make one: a rate is kept to six
// decimals (1 EUR = 1.083215 USD), as central banks publish them.
const FXScale = 1_000_000

// fxDecimals is how many decimals a rate may be written with: FXScale's.
const fxDecimals = 6

// maxFXRates bounds the rates of one file: far above any real table, and it
// bounds the work on hostile input.
const maxFXRates = 500

// MaxFXBytes and MaxFXValues bound an exchange-rate file before it is decoded.
const (
	MaxFXBytes  = 1 << 20
	MaxFXValues = 10_000
)

var (
	fxSource = sourceKind{what: "exchange-rate file", maxBytes: MaxFXBytes, maxValues: MaxFXValues,
		emptyHint: "an exchange-rate file needs [[rates]] tables with from, to, rate, as_of and source"}
	fxTopKeys  = []string{"rates"}
	fxRateKeys = []string{"from", "to", "rate", "as_of", "source"}
)

// FXRate is one dated exchange rate: one From is Rate/FXScale To, as the
// source said on AsOf.
type FXRate struct {
	From, To string
	// Rate is how many To make one From, in millionths (FXScale).
	Rate   int64
	AsOf   Date
	Source string
}

// RateText is the rate as a plain decimal, trailing zeros trimmed: "1.08".
func (r FXRate) RateText() string { return formatFixed(r.Rate, fxDecimals, false) }

// String is the rate as every output states it: "1 EUR = 1.08 USD as of
// 2026-12-01 (ECB reference rate)".
func (r FXRate) String() string {
	s := "1 " + r.From + " = " + r.RateText() + " " + r.To + " as of " + r.AsOf.String()
	if r.Source != "" {
		s += " (" + r.Source + ")"
	}
	return s
}

// FX is an exchange-rate file: the rates given, each pair once (in either
// direction).
type FX struct {
	// Origin is what errors and outputs call the file.
	Origin string
	Rates  []FXRate
}

// ParseFX reads an exchange-rate file (--fx FILE):
//
//	[[rates]]
//	from = "EUR"
//	to = "USD"
//	rate = "1.08"       # or 1.08: how many USD one EUR buys, at most 6 decimals
//	as_of = 2026-12-01
//	source = "ECB euro foreign exchange reference rates"
//
// Every problem is reported at once with its line and column; on error no FX
// is returned. A pair given twice (also as its inverse) is an error: which
// of the two applies would be a guess.
func ParseFX(name string, src []byte) (*FX, error) {
	tree, err := decodeTOML(name, src, fxSource)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: name, src: src}
	d.refuseUnsafeText(tree)
	root := d.table(tree)
	fx := &FX{Origin: name}
	ts := root.tables("rates")
	if len(ts) == 0 {
		if n, _ := tableCount(root, "rates"); n == 0 && root.given("rates") {
			d.addf("rates", "holds no rate; give at least one [[rates]] table")
		} else if !root.given("rates") {
			root.missingf("rates", "the file has no [[rates]]")
		}
	}
	if len(ts) > maxFXRates {
		d.addf("rates", "too many rates (%d); at most %d", len(ts), maxFXRates)
		ts = ts[:maxFXRates]
	}
	seen := map[[2]string]int{}
	for i := range ts {
		t := &ts[i]
		r, ok := readFXRate(t)
		t.finish(fxRateKeys)
		if !ok {
			continue
		}
		key := [2]string{min(r.From, r.To), max(r.From, r.To)}
		if j, dup := seen[key]; dup {
			d.addf(t.path(), "a second rate between %s and %s (the first is rates[%d]); give each pair once", r.From, r.To, j)
			continue
		}
		seen[key] = t.index
		fx.Rates = append(fx.Rates, r)
	}
	root.finish(fxTopKeys)
	if err := d.err(); err != nil {
		return nil, err
	}
	return fx, nil
}

// readFXRate reads one [[rates]] table; ok is false when any of it is wrong
// (the problems are reported).
func readFXRate(t *table) (FXRate, bool) {
	n := len(t.d.problems)
	r := FXRate{
		From: readCurrency(t, "from"),
		To:   readCurrency(t, "to"),
	}
	if r.From != "" && r.From == r.To {
		t.d.addf(t.keyPath("to"), "a rate from %s to itself; give two different currencies", r.From)
	}
	r.Rate = readFXValue(t)
	r.AsOf = readFXDate(t)
	r.Source = t.str("source", true)
	return r, len(t.d.problems) == n
}

// readCurrency reads a three-letter currency code, as the card's currency is
// written; any letter case is read as upper case.
func readCurrency(t *table, key string) string {
	s := strings.ToUpper(strings.TrimSpace(t.str(key, true)))
	if s == "" {
		return ""
	}
	if len(s) != 3 || strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		t.d.addf(t.keyPath(key), "must be a three-letter currency code like \"EUR\", not %q", t.m[key])
		return ""
	}
	return s
}

// readFXValue reads rate: a decimal string ("1.08") or a number (1.08), above
// zero, with at most six decimals.
func readFXValue(t *table) int64 {
	v, ok := t.get("rate")
	if !ok {
		t.missingf("rate", "missing required key %q", "rate")
		return 0
	}
	path := t.keyPath("rate")
	var val int64
	if s, isText := v.(string); isText {
		n, decimals, err := parseDecimal(strings.TrimSpace(s), fxDecimals)
		if err != nil {
			if decimals > fxDecimals {
				t.d.addf(path, "%q has %s; a rate has at most %s", s, decimalCount(decimals), decimalCount(fxDecimals))
			} else {
				t.d.addf(path, "%v", err)
			}
			return 0
		}
		val = n
	} else {
		n, ok := t.d.decimalValue(path, v, fxDecimals, fxDecimals, "rate")
		if !ok {
			return 0
		}
		val = n
	}
	if val <= 0 {
		t.d.addf(path, "must be above zero")
		return 0
	}
	return val
}

// readFXDate reads as_of, a date like 2026-12-01.
func readFXDate(t *table) Date {
	s := readDate(t, "as_of")
	if s == "" {
		return Date{}
	}
	dt, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}
	}
	return DateOf(dt)
}

// Rate finds the rate from one currency to another: the file's rate for the
// pair, or its inverse when the file gives the pair the other way round (the
// inverse is rounded half away from zero to six decimals). A currency to
// itself is rate 1 with no file. ok is false when fx has no rate between them.
func (fx *FX) Rate(from, to string) (FXRate, bool) {
	from, to = strings.ToUpper(from), strings.ToUpper(to)
	if from == to {
		return FXRate{From: from, To: to, Rate: FXScale}, true
	}
	if fx == nil {
		return FXRate{}, false
	}
	for _, r := range fx.Rates {
		switch {
		case r.From == from && r.To == to:
			return r, true
		case r.From == to && r.To == from:
			inv := r
			inv.From, inv.To = from, to
			inv.Rate = max(mulDivRound(FXScale, FXScale, r.Rate), 1)
			inv.Source = r.Source + ", inverted"
			return inv, true
		}
	}
	return FXRate{}, false
}

// Convert turns m in currency from into currency to: m × rate, rounded half
// away from zero to the Money unit (a ten-thousandth of the currency unit;
// outputs then round to cents). A rate given the other way round divides by
// the file's rate directly, so it is as exact as the rate given. The rate used
// is returned so every output can state it. An error says which rate is
// missing.
func (fx *FX) Convert(m Money, from, to string) (Money, FXRate, error) {
	from, to = strings.ToUpper(from), strings.ToUpper(to)
	if from == to {
		return m, FXRate{From: from, To: to, Rate: FXScale}, nil
	}
	r, ok := fx.Rate(from, to)
	if !ok {
		where := "no --fx file"
		if fx != nil {
			where = Printable(fx.Origin) + " has no rate between them"
		}
		return 0, FXRate{}, fmt.Errorf("cannot convert %s to %s: %s", from, to, where)
	}
	neg := m < 0
	mag := int64(m)
	if neg {
		mag = -mag
	}
	var out int64
	if fx != nil && isInverse(fx, from, to) {
		orig, _ := fx.direct(to, from)
		out = mulDivRound(mag, FXScale, orig.Rate)
	} else {
		out = mulDivRound(mag, r.Rate, FXScale)
	}
	if neg {
		out = -out
	}
	return Money(out), r, nil
}

// direct is the file's own rate from one currency to another, not inverted.
func (fx *FX) direct(from, to string) (FXRate, bool) {
	for _, r := range fx.Rates {
		if r.From == from && r.To == to {
			return r, true
		}
	}
	return FXRate{}, false
}

// isInverse reports whether the file gives from→to only the other way round.
func isInverse(fx *FX, from, to string) bool {
	if _, ok := fx.direct(from, to); ok {
		return false
	}
	_, ok := fx.direct(to, from)
	return ok
}

// mulDivRound is a × b / c for non-negative a, b and positive c, rounded half
// away from zero, in 128 bits, saturating at maxAmount.
func mulDivRound(a, b, c int64) int64 {
	if a <= 0 || b <= 0 || c <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	// + c/2 rounds half up (the operands are non-negative).
	lo, carry := bits.Add64(lo, uint64(c)/2, 0)
	hi += carry
	if hi >= uint64(c) {
		return maxAmount
	}
	q, _ := bits.Div64(hi, lo, uint64(c))
	return int64(min(q, uint64(maxAmount)))
}
