package pricing

import (
	"os"
	"strings"
	"testing"
)

func loadCardFile(t *testing.T, path string) *RateCard {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseRateCard(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseProjectAcrossPlansAndFluxNote(t *testing.T) {
	heygen := loadCardFile(t, "../plans.toml")
	flux := loadCardFile(t, "../examples/fluxnote-flat.toml")
	src := []byte(`plan = "creator"
balance = 100
[[videos]]
name = "Explainer"
length = "1m"
avatar = "avatar-iv"
[[videos]]
name = "Short"
length = "30s"
avatar = "none"
`)
	months, err := ParseProjectAcross("m.toml", src, []*RateCard{heygen, flux})
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 2 {
		t.Fatalf("%d months", len(months))
	}
	h, f := months[0], months[1]
	if !h.Blocked() || h.Project.Videos[0].Picks[SlotAvatar] != "avatar-iv" || !h.Project.HasBalance {
		t.Errorf("heygen month: %+v", h)
	}
	if len(h.Gaps) != 1 || h.Gaps[0].Reason != "HeyGen has no text-to-video without a presenter" {
		t.Errorf("heygen gaps: %+v", h.Gaps)
	}
	if len(f.Gaps) != 1 || f.Gaps[0].Video != "Explainer" || f.Gaps[0].Capability != "avatar.expressive" ||
		!strings.HasPrefix(f.Gaps[0].Reason, "FluxNote has no expressive avatar") {
		t.Errorf("fluxnote gaps: %+v", f.Gaps)
	}
	if f.Project.HasBalance || f.Project.Plan != "free" || f.Project.Videos[1].Picks[SlotAvatar] != "ai-video" {
		t.Errorf("fluxnote project: %+v", f.Project)
	}
}
