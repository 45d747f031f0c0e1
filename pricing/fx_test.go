package pricing

import (
	"strings"
	"testing"
)

const fxFile = `# test rates
[[rates]]
from = "EUR"
to = "USD"
rate = "1.08"
as_of = 2026-12-01
source = "ECB reference rate"

[[rates]]
from = "gbp"
to = "USD"
rate = 1.27
as_of = 2026-12-01
source = "Bank of England"
`

func TestParseFXReadsEachRate(t *testing.T) {
	fx, err := ParseFX("rates.toml", []byte(fxFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(fx.Rates) != 2 {
		t.Fatalf("got %d rates, want 2", len(fx.Rates))
	}
	if got, want := fx.Rates[0].String(), "1 EUR = 1.08 USD as of 2026-12-01 (ECB reference rate)"; got != want {
		t.Errorf("rate text %q, want %q", got, want)
	}
	if r := fx.Rates[1]; r.From != "GBP" || r.Rate != 1_270_000 {
		t.Errorf("a number and a lower-case code: got %+v", r)
	}
}

// TestFXConvert: conversion is fixed point, rounded half away from zero to the
// Money unit; the inverse divides by the file's own rate.
func TestFXConvert(t *testing.T) {
	fx, err := ParseFX("rates.toml", []byte(fxFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m        Money
		from, to string
		want     Money
	}{
		{290000, "EUR", "USD", 313200},   // €29.00 × 1.08 = $31.32
		{1, "EUR", "USD", 1},             // 0.0001 × 1.08 = 0.000108 → 0.0001
		{5, "EUR", "USD", 5},             // 0.00054 → 0.0005
		{313200, "USD", "EUR", 290000},   // the inverse, exact
		{10000, "USD", "EUR", 9259},      // $1 / 1.08 = €0.925925… → 0.9259
		{-290000, "EUR", "USD", -313200}, // a credit note converts with its sign
		{123, "USD", "USD", 123},         // same currency: unchanged, no file needed
	} {
		got, rate, err := fx.Convert(c.m, c.from, c.to)
		if err != nil {
			t.Errorf("%v %s→%s: %v", c.m, c.from, c.to, err)
			continue
		}
		if got != c.want {
			t.Errorf("%v %s→%s = %v, want %v (rate %v)", c.m, c.from, c.to, got, c.want, rate)
		}
	}
	if _, _, err := fx.Convert(100, "CHF", "USD"); err == nil || !strings.Contains(err.Error(), "rates.toml has no rate") {
		t.Errorf("a missing rate: %v", err)
	}
	var none *FX
	if _, _, err := none.Convert(100, "EUR", "USD"); err == nil || !strings.Contains(err.Error(), "no --fx file") {
		t.Errorf("no file: %v", err)
	}
}

func TestFXConvertSaturates(t *testing.T) {
	fx := &FX{Rates: []FXRate{{From: "EUR", To: "USD", Rate: 999_999 * FXScale}}}
	got, _, err := fx.Convert(Money(maxAmount), "EUR", "USD")
	if err != nil || got != Money(maxAmount) {
		t.Errorf("got %v, %v; want the saturated amount", got, err)
	}
}

// TestParseFXProblems: every problem at once, each at its line and column.
func TestParseFXProblems(t *testing.T) {
	src := `[[rates]]
from = "EUR"
to = "EUR"
rate = "1.0800001"
as_of = "yesterday"
source = "x"

[[rates]]
from = "EURO"
to = "USD"
rat = 1.08
as_of = 2026-12-01
source = "y"

[[rates]]
from = "USD"
to = "EUR"
rate = 0
as_of = 2026-12-01
source = "z"

[[rates]]
from = "GBP"
to = "USD"
rate = 1.2
as_of = 2026-12-01
source = "a"

[[rates]]
from = "USD"
to = "GBP"
rate = "0.8"
as_of = 2026-12-01
source = "b"

[extra]
`
	_, err := ParseFX("bad.toml", []byte(src))
	ps, ok := AsProblems(err)
	if !ok {
		t.Fatalf("want problems, got %v", err)
	}
	got := ps.Error()
	for _, want := range []string{
		`bad.toml:3:1: rates[0].to: a rate from EUR to itself`,
		`bad.toml:4:1: rates[0].rate: "1.0800001" has 7 decimals; a rate has at most 6 decimals`,
		`bad.toml:5:1: rates[0].as_of: must be a date like 2026-01-06`,
		`bad.toml:9:1: rates[1].from: must be a three-letter currency code like "EUR", not "EURO"`,
		`bad.toml:11:1: rates[1].rat: unknown key (did you mean "rate"?)`,
		`bad.toml:18:1: rates[2].rate: must be above zero`,
		`rates[4]: a second rate between USD and GBP (the first is rates[3])`,
		`extra: unknown key`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, `missing required key "rate"`) {
		t.Errorf("a misspelt key is also reported missing:\n%s", got)
	}
}

func TestParseFXEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "rates = []\n"} {
		if _, err := ParseFX("e.toml", []byte(src)); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}
