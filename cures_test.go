package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// TestQuotePrintsPricingsCures: `creditplan quote` prints exactly
// report.WriteQuoteCures of card.Quote and card.CuresQuote, in every format, for
// every example and for months blocked or short on Creator; the planner's
// Month and Plans screens are held to the same cures (ui's
// TestQuoteMonthAndPlansNameTheSameCures), so the three name one answer.
func TestQuotePrintsPricingsCures(t *testing.T) {
	src, err := os.ReadFile("plans.toml")
	if err != nil {
		t.Fatal(err)
	}
	card, err := pricing.ParseRateCard("plans.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	card.Origin = "plans.toml (embedded)" // the card the binary embeds, as it names it
	dir := t.TempDir()
	files := []string{"examples/creator-month.toml", "examples/agency-month.toml", "examples/sales-demo.toml", "examples/seasonal-creator.toml"}
	video := func(name string, seconds int, picks map[pricing.Slot]string) pricing.Video {
		v := card.NewVideo(name)
		v.Seconds = seconds
		for s, id := range picks {
			v.Picks[s] = id
		}
		return v
	}
	explainer := video("Explainer", 20*60, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv"})
	for name, videos := range map[string][]pricing.Video{
		"4k.toml":    {video("Promo", 150, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv", pricing.SlotResolution: "4k"}), explainer},
		"45m.toml":   {video("Webinar", 45*60, map[pricing.Slot]string{pricing.SlotAvatar: "avatar-iv"})},
		"short.toml": {explainer},
	} {
		p := &pricing.Project{Plan: "creator", Seats: 1, Videos: videos}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pricing.EncodeProject(p, card), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := pricing.ParseProject(filepath.Base(file), src, card)
		if err != nil {
			t.Fatal(err)
		}
		today, _ := pricing.ParseDate(testToday)
		card, err := card.On(today)
		if err != nil {
			t.Fatal(err)
		}
		if p.PricingFile != "" {
			path := filepath.Join(filepath.Dir(file), p.PricingFile)
			osrc, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if card, _, err = card.LoadOverlay(path, osrc); err != nil {
				t.Fatal(err)
			}
		}
		card = card.ForCustomer(p, today)
		q, err := card.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		cu, err := card.CuresQuote(q, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []report.Format{report.Text, report.JSON, report.Markdown, report.CSV} {
			var want bytes.Buffer
			if err := report.WriteQuoteCures(&report.Page{W: &want, Width: 10000}, q, cu, f); err != nil {
				t.Fatal(err)
			}
			r := creditplan(t, "quote", "--format", f.String(), file)
			r.want(t, 0)
			if r.stdout != want.String() {
				t.Errorf("quote --format %v %s is not pricing's cures:\n%s\n--- want\n%s", f, filepath.Base(file), r.stdout, want.String())
			}
		}
	}
}
