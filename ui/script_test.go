package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// scriptMonth is a month on Pro with a script-measured video that drafts at
// 720p before its 4K final, and a teaser re-rendered in 4K.
func scriptMonth(card *pricing.RateCard) *pricing.Project {
	p := card.NewProject("pro")
	p.Videos = nil
	v := card.NewVideo("Launch video")
	v.ScriptWords, v.Drafts = 420, 2
	v.Picks[pricing.SlotAvatar] = "avatar-iv"
	v.Picks[pricing.SlotResolution] = "4k"
	card.ApplyScript(&v)
	p.Videos = append(p.Videos, v)
	v = card.NewVideo("Teaser")
	v.Count, v.Seconds, v.Rerenders = 3, 30, 1
	v.Picks[pricing.SlotAvatar] = "avatar-iv"
	v.Picks[pricing.SlotResolution] = "4k"
	p.Videos = append(p.Videos, v)
	return p
}

// TestScriptScreens pins the Video screen of a video measured by its script,
// with drafts, and of one whose re-render a draft would make cheaper.
func TestScriptScreens(t *testing.T) {
	card := loadCard(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for i, name := range []string{"script", "rerender"} {
			t.Run(name+"_"+itoa(int64(sz[0]))+"x"+itoa(int64(sz[1])), func(t *testing.T) {
				m := newModel(t, scriptMonth(card), sz[0], sz[1])
				focusField(m, i, fieldName)
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

// The Length row says what the script reads, and a word count typed sets
// the length at the voice's pace.
func TestTypingScriptWordsSetsTheLength(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scriptMonth(card), 200, 60)
	focusField(m, 0, fieldName)
	mustContain(t, screen(m), "420 words ≈ 2m48s at 150 wpm")
	// The summary says the rounding and the drafts.
	mustContain(t, screen(m), "2 review drafts at 720p")
	mustContain(t, screen(m), "previews are free")
	focusField(m, 0, fieldWords)
	press(m, "3", "0", "0")
	v := &m.Project().Videos[0]
	// 300 words at 150 wpm: 300 × 60 / 150 = 120 s.
	if v.ScriptWords != 300 || v.Seconds != 120 {
		t.Fatalf("300 words typed: %d words, %d s", v.ScriptWords, v.Seconds)
	}
	mustContain(t, screen(m), "300 words ≈ 2m at 150 wpm")
	requirePriced(t, m)
	// A length typed replaces the script.
	focusField(m, 0, fieldLength)
	press(m, "enter")
	m.input.SetValue("1m")
	m.applyTextField()
	press(m, "enter")
	if v.ScriptWords != 0 || v.Seconds != 60 {
		t.Fatalf("a length typed over the script: %d words, %d s", v.ScriptWords, v.Seconds)
	}
	mustNotContain(t, screen(m), "words ≈")
}

// Drafts are a number row; on a plan with one resolution the row says why
// they cannot be cheaper.
func TestDraftsRow(t *testing.T) {
	card := loadCard(t)
	m := newModel(t, scriptMonth(card), 200, 60)
	focusField(m, 0, fieldDrafts)
	press(m, "right")
	if d := m.Project().Videos[0].Drafts; d != 3 {
		t.Fatalf("drafts %d, want 3", d)
	}
	requirePriced(t, m)
	press(m, "0")
	if d := m.Project().Videos[0].Drafts; d != 0 {
		t.Fatalf("drafts %d, want 0", d)
	}
	mustNotContain(t, screen(m), "review drafts at")
}

// The save writes the script's words and the drafts, never a length beside
// them, and reads back as the month on screen.
func TestSaveWritesScriptWordsAndDrafts(t *testing.T) {
	card := loadCard(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "launch.toml")
	p := scriptMonth(card)
	if err := os.WriteFile(path, pricing.EncodeProject(p, card), 0o600); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(path)
	saved, err := pricing.ParseProject(path, src, card)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "script_words = 420") || !strings.Contains(string(src), "drafts = 2") || strings.Contains(string(src), "length = \"2m48s\"") {
		t.Fatalf("encoded:\n%s", src)
	}
	if !pricing.SameProject(saved, p) {
		t.Fatalf("does not read back:\n%s", src)
	}
}
