package pricing

import (
	"testing"
)

// FuzzParseFX: an exchange-rate file either loads, every rate above zero
// between two different three-letter codes, each pair once, and converts
// without panicking; or fails with Problems placed inside the file.
//
//	go test ./pricing -run '^$' -fuzz FuzzParseFX -fuzztime 30s
func FuzzParseFX(f *testing.F) {
	f.Add([]byte(fxFile))
	f.Add([]byte("[[rates]]\nfrom = \"EUR\"\nto = \"EUR\"\nrate = \"0\"\nas_of = \"x\"\nsource = 1\n"))
	f.Add([]byte("rates = [{from = \"USD\", to = \"JPY\", rate = 150.123456, as_of = 2026-12-01, source = \"s\"}]\n"))
	f.Add([]byte("[[rates]]\nfrom = \"EUR\"\nto = \"USD\"\nrate = \"99999999999999.999999\"\nas_of = 2026-12-01\nsource = \"s\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fx, err := ParseFX("fx.toml", src)
		if err != nil {
			checkLoadError(t, "fx.toml", src, err)
			return
		}
		checkPrintable(t, "fx", fx)
		seen := map[[2]string]bool{}
		for _, r := range fx.Rates {
			if r.Rate <= 0 || len(r.From) != 3 || len(r.To) != 3 || r.From == r.To || r.AsOf.IsZero() {
				t.Fatalf("a bad rate loaded: %+v", r)
			}
			k := [2]string{min(r.From, r.To), max(r.From, r.To)}
			if seen[k] {
				t.Fatalf("a pair twice: %+v", r)
			}
			seen[k] = true
			for _, m := range []Money{0, 1, 290000, Money(maxAmount), -Money(maxAmount)} {
				for _, dir := range [][2]string{{r.From, r.To}, {r.To, r.From}} {
					got, _, err := fx.Convert(m, dir[0], dir[1])
					if err != nil {
						t.Fatalf("%s→%s: %v", dir[0], dir[1], err)
					}
					if (m >= 0) != (got >= 0) || got > Money(maxAmount) || got < -Money(maxAmount) {
						t.Fatalf("%v %s→%s = %v", m, dir[0], dir[1], got)
					}
				}
			}
		}
	})
}
