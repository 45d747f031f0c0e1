package pricing

import (
	"os"
	"testing"
)

// FuzzLoadOverlay: whatever an overlay file holds, laying it over the
// default card either fails with Problems at real positions and no card, or
// gives a card whose every text is printable, which prices a month, and
// which leaves the card it was laid over as it was.
//
//	go test ./pricing -run '^$' -fuzz FuzzLoadOverlay -fuzztime 30s
func FuzzLoadOverlay(f *testing.F) {
	if src, err := os.ReadFile("../examples/acme-pricing.toml"); err == nil {
		f.Add(src)
	}
	f.Add([]byte(overlayHead + "[plans.pro]\ndiscount = \"15%\"\n[features.lipsync]\nrate = 4\n"))
	f.Add([]byte(overlayHead + "[plans.enterprise]\nmonthly_price = 400\n[plans.pro.topups.addon-monthly]\nprice = 1\n"))
	f.Add([]byte("[overlay]\nas_of = 2026-01-06\n[plans.x]\ncredits = 1.05\n"))
	c := defaultCard(f)
	pro, _ := c.Plan("pro")
	listPrice, listCredits := pro.MonthlyPrice, pro.Credits
	f.Fuzz(func(t *testing.T, data []byte) {
		if o, err := ParseOverlay("fuzz.toml", data); err != nil {
			if o != nil {
				t.Fatal("an overlay with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", data, err)
		}
		nc, o, err := c.LoadOverlay("fuzz.toml", data)
		if p, _ := c.Plan("pro"); p.MonthlyPrice != listPrice || p.Credits != listCredits || c.Custom != nil {
			t.Fatal("laying an overlay changed the card under it")
		}
		if err != nil {
			if nc != nil || o != nil {
				t.Fatal("a failed overlay returned a card: it was half-applied")
			}
			checkLoadError(t, "fuzz.toml", data, err)
			return
		}
		checkPrintable(t, "overlaid card", nc)
		p := &Project{Plan: "pro", Seats: 2, Videos: []Video{nc.NewVideo("v")}}
		p.Videos[0].Picks[SlotAvatar] = "avatar-iv"
		for i := range nc.Plans {
			p.Plan = nc.Plans[i].ID
			checkQuote(t, nc, p)
		}
	})
}
