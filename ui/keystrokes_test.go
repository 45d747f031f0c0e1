package ui

import (
	"slices"
	"strings"
	"testing"

	"creditplan/pricing"
)

// issueMonth is the month issue 9 counts keystrokes for: 4 weekly 3-minute
// Avatar IV explainers with Spanish and German lip-sync and one re-render,
// 8 shorts of 45 s with 2 AI script drafts, one 2m30s promo in 4K.
func checkIssueMonth(t *testing.T, p *pricing.Project) {
	t.Helper()
	if len(p.Videos) != 3 {
		t.Fatalf("%d videos, want 3", len(p.Videos))
	}
	type want struct {
		count, seconds, rerenders, gens int
		avatar, translation, resolution string
		langs                           []string
	}
	wants := []want{
		{4, 180, 1, 0, "avatar-iv", "lipsync", "1080p", []string{"es", "de"}},
		{8, 45, 0, 2, "avatar-iii", "dubbing", "1080p", nil},
		{1, 150, 0, 0, "avatar-iii", "dubbing", "4k", nil},
	}
	for i, w := range wants {
		v := &p.Videos[i]
		got := want{v.Count, v.Seconds, v.Rerenders, v.ScriptGenerations, v.Picks[pricing.SlotAvatar],
			v.Picks[pricing.SlotTranslation], v.Picks[pricing.SlotResolution], v.Languages}
		if got.count != w.count || got.seconds != w.seconds || got.rerenders != w.rerenders || got.gens != w.gens ||
			got.avatar != w.avatar || got.translation != w.translation || got.resolution != w.resolution || !slices.Equal(got.langs, w.langs) {
			t.Errorf("video %d = %+v, want %+v", i+1, got, w)
		}
		if v.Picks[pricing.SlotScript] != "ai-script" {
			t.Errorf("video %d script = %s", i+1, v.Picks[pricing.SlotScript])
		}
	}
}

// keys splits a keystroke script: words are key names, and a word in quotes
// is typed a character at a time.
func keys(script string) []string {
	var out []string
	for _, w := range strings.Fields(script) {
		if len(w) > 2 && w[0] == '"' && w[len(w)-1] == '"' {
			for _, r := range w[1 : len(w)-1] {
				out = append(out, string(r))
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

// TestIssueMonthKeystrokes builds issue 9's month from an empty planner and
// counts the keys it takes.
func TestIssueMonthKeystrokes(t *testing.T) {
	for _, tc := range []struct {
		name, script string
	}{
		{"walking every row", `
			down "3" down "4" down right down down down down right down "es,de" down down down down down down "1"
			tab a enter home down "45s" down "8" down down down down down down down down down down down "2"
			tab a enter home down "2:30" down down down down down right`},
		{"jumping to fields", `
			alt+l "3" alt+t "4" alt+a right alt+t right alt+l "es,de" alt+r "1"
			a alt+l "45s" alt+t "8" alt+g "2"
			a alt+l "2:30" alt+r right`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newModel(t, nil, 120, 40)
			ks := keys(tc.script)
			press(m, ks...)
			checkIssueMonth(t, m.project)
			t.Logf("%s: %d keystrokes", tc.name, len(ks))
		})
	}
}
