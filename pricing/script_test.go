package pricing

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestScriptSeconds: words to seconds is ceil(words × 60 / wpm), in integers.
func TestScriptSeconds(t *testing.T) {
	for _, c := range []struct{ words, wpm, want int }{
		{420, 150, 168}, // 420 × 60 = 25,200; / 150 = 168 exactly: 2m48s
		{421, 150, 169}, // 25,260 / 150 = 168.4, rounded up: 169
		{150, 150, 60},  // a minute's words, a minute
		{1, 150, 1},     // 60 / 150 = 0.4, rounded up: one second, never zero
		{160, 160, 60},  // the seed's upper pace
		{375, 150, 150}, // 22,500 / 150 = 150: 2m30s, the increment below 3m
		{376, 150, 151}, // one word more spills into the next second
		{0, 150, 0},     // no words, no length
		{100, 0, 40},    // no pace given: the default 150; 6,000 / 150 = 40
	} {
		if got := ScriptSeconds(c.words, c.wpm); got != c.want {
			t.Errorf("ScriptSeconds(%d, %d) = %d, want %d", c.words, c.wpm, got, c.want)
		}
	}
	// wordsWithin is its inverse: the most words within a length.
	for _, c := range []struct{ sec, wpm, want int }{
		{150, 150, 375}, // 150 × 150 / 60 = 375
		{180, 150, 450}, // 3m: 27,000 / 60 = 450
		{1, 150, 2},     // 150 / 60 = 2.5, rounded down: 2 words take 0.8 s
	} {
		if got := wordsWithin(c.sec, c.wpm); got != c.want {
			t.Errorf("wordsWithin(%d, %d) = %d, want %d", c.sec, c.wpm, got, c.want)
		}
		if ScriptSeconds(c.want, c.wpm) > c.sec || ScriptSeconds(c.want+1, c.wpm) <= c.sec {
			t.Errorf("wordsWithin(%d, %d) = %d is not the most words within %d s", c.sec, c.wpm, c.want, c.sec)
		}
	}
}

// TestCountWords: a word holds a letter or a digit; Markdown marks are not words.
func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"Hello world", 2},
		{"# Launch\n\nWe ship — today.\n\n- one\n- two\n---\n", 5},                            // We ship today. one two; the heading is not read
		{"  ## Part 2\nRead <!-- not this --> this.\n<!-- a note\nover lines -->and this", 4}, // Read this. and this
		{"Unclosed <!-- note to the end", 1},
		{"a --> b", 2}, // a closing mark outside a note is text, and holds no letter
		{"don't 2026 e-mail", 3},
		{"  \t\n ", 0},
		{"Grüße aus Köln", 3},
	} {
		if got := CountWords([]byte(c.text)); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// scriptCard is the standard card with a voice that reads faster and a card pace.
func scriptCard(t *testing.T, cardPace string) *RateCard {
	t.Helper()
	src := strings.Replace(baseCardAt(1), "precision = 1\n", "precision = 1\n"+cardPace, 1) + starterPlan + premiumFeatures + `
[[features]]
id = "fast-voice"
name = "Fast voice"
slot = "voice"
rate = 0
unit = "minute"
words_per_minute = 180
`
	c, err := ParseRateCard("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func baseCardAt(precision int) string {
	return strings.Replace(baseCard, "precision = %d", "precision = "+itoa(precision), 1)
}

// TestScriptPace: the voice's pace wins over the card's, the card's over 150.
func TestScriptPace(t *testing.T) {
	plain := scriptCard(t, "")
	paced := scriptCard(t, "words_per_minute = 140\n")
	v := plain.NewVideo("v")
	if got := plain.ScriptPace(&v); got != DefaultWordsPerMinute {
		t.Errorf("no pace anywhere: %d, want %d", got, DefaultWordsPerMinute)
	}
	if got := paced.ScriptPace(&v); got != 140 {
		t.Errorf("card pace: %d, want 140", got)
	}
	v.Picks[SlotVoice] = "fast-voice"
	if got := paced.ScriptPace(&v); got != 180 {
		t.Errorf("voice pace: %d, want 180", got)
	}
	// 420 words at the fast voice's 180: 25,200 / 180 = 140 s.
	v.ScriptWords = 420
	paced.ApplyScript(&v)
	if v.Seconds != 140 {
		t.Errorf("420 words at 180 wpm: %d s, want 140", v.Seconds)
	}
}

// TestScriptPaceRefused: a pace off a voice, or out of range, is an error at its key.
func TestScriptPaceRefused(t *testing.T) {
	src := strings.Replace(baseCardAt(1), "precision = 1\n", "precision = 1\nwords_per_minute = 1000\n", 1) + starterPlan +
		strings.Replace(premiumFeatures, "increment = \"3s\"\n", "increment = \"3s\"\nwords_per_minute = 150\n", 1)
	_, err := ParseRateCard("test.toml", []byte(src))
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{"card.words_per_minute: must be between 60 and 400 (got 1000)", "words_per_minute applies only to voice features"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
}

const scriptProject = `plan = "starter"

[[videos]]
name = "Launch"
script_words = 420

[[videos]]
name = "Teaser"
script = "scripts/teaser.md"
voice = "fast-voice"

[[videos]]
name = "Explainer"
length = "2m"
script = "ai-script"
script_generations = 1
`

// TestParseProjectFromScripts: script_words and a script file give the
// length; script = "<feature id>" stays the script feature.
func TestParseProjectFromScripts(t *testing.T) {
	c := scriptCard(t, "")
	fsys := fstest.MapFS{"scripts/teaser.md": {Data: []byte("# Teaser\n\n" + strings.Repeat("word ", 91))}}
	p, err := ParseProjectFrom("month.toml", []byte(scriptProject), c, ProjectSources{Scripts: fsys})
	if err != nil {
		t.Fatal(err)
	}
	launch, teaser, explainer := p.Videos[0], p.Videos[1], p.Videos[2]
	// 420 words at 150 wpm: 168 s.
	if launch.ScriptWords != 420 || launch.Seconds != 168 || launch.ScriptFile != "" {
		t.Errorf("launch: %+v", launch)
	}
	// 91 words (the heading is not read) at the fast voice's 180 wpm: 5,460 / 180 = 30.33, so 31 s.
	if teaser.ScriptFile != "scripts/teaser.md" || teaser.ScriptWords != 91 || teaser.Seconds != 31 {
		t.Errorf("teaser: %+v", teaser)
	}
	if teaser.Picks[SlotScript] != c.Defaults[SlotScript] {
		t.Errorf("teaser's script feature = %q, want the default", teaser.Picks[SlotScript])
	}
	if explainer.Picks[SlotScript] != "ai-script" || explainer.ScriptFile != "" || explainer.Seconds != 120 {
		t.Errorf("explainer: %+v", explainer)
	}
}

// TestParseProjectScriptProblems: every problem with a script, at its key, all at once.
func TestParseProjectScriptProblems(t *testing.T) {
	c := scriptCard(t, "")
	src := `plan = "starter"

[[videos]]
name = "both lengths"
length = "2m"
script_words = 300

[[videos]]
name = "negative"
script_words = -5

[[videos]]
name = "absurd"
script_words = 5000000

[[videos]]
name = "missing"
script = "scripts/nope.md"

[[videos]]
name = "binary"
script = "scripts/binary.md"

[[videos]]
name = "not utf-8"
script = "scripts/latin1.txt"

[[videos]]
name = "huge"
script = "scripts/huge.md"

[[videos]]
name = "out"
script = "../secret.md"

[[videos]]
name = "absolute"
script = "/etc/passwd.txt"

[[videos]]
name = "empty"
script = "scripts/empty.md"

[[videos]]
name = "both scripts"
script = "scripts/ok.md"
script_words = 10
`
	fsys := fstest.MapFS{
		"scripts/binary.md":  {Data: []byte("word\x00word")},
		"scripts/latin1.txt": {Data: []byte("caf\xe9")},
		"scripts/huge.md":    {Data: []byte(strings.Repeat("a ", MaxScriptBytes/2+1))},
		"scripts/empty.md":   {Data: []byte("# --- \n")},
		"scripts/ok.md":      {Data: []byte("fine words")},
	}
	_, err := ParseProjectFrom("month.toml", []byte(src), c, ProjectSources{Scripts: fsys})
	if err == nil {
		t.Fatal("loaded")
	}
	for _, want := range []string{
		"month.toml:5:1: videos[0].length: the length follows from the script (script_words)",
		"month.toml:10:1: videos[1].script_words: must not be negative (got -5)",
		"month.toml:14:1: videos[2].script_words: must be between 1 and 100000 (got 5000000)",
		`month.toml:18:1: videos[3].script: script file "scripts/nope.md" does not exist in the project's folder`,
		`videos[4].script: script file "scripts/binary.md" is not text (a NUL byte at offset 4)`,
		`videos[5].script: script file "scripts/latin1.txt" is not text (it is not valid UTF-8)`,
		`videos[6].script: script file "scripts/huge.md" is over 1 MiB`,
		`videos[7].script: script file "../secret.md" leads outside the project's folder`,
		`videos[8].script: script file "/etc/passwd.txt" is an absolute path`,
		`videos[9].script: script file "scripts/empty.md" has no words`,
		`videos[10].script_words: give the script's words or its file`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "missing required key \"length\"") {
		t.Errorf("a scripted video is asked for a length:\n%v", err)
	}
}

// TestParseProjectScriptNeedsFolder: ParseProject reads no file, and says so at the key.
func TestParseProjectScriptNeedsFolder(t *testing.T) {
	_, err := ParseProject("month.toml", []byte(scriptProject), scriptCard(t, ""))
	want := "month.toml:9:1: videos[1].script: a script file needs the project's folder"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// TestParseProjectDraftKeys: drafts and draft_resolution are read and checked.
func TestParseProjectDraftKeys(t *testing.T) {
	c := standardCard(t)
	p, err := ParseProject("month.toml", []byte(`plan = "starter"
[[videos]]
name = "Launch"
length = "2m"
resolution = "4k"
drafts = 2
draft_resolution = "720p"
`), c)
	if err != nil {
		t.Fatal(err)
	}
	if v := p.Videos[0]; v.Drafts != 2 || v.DraftResolution != "720p" {
		t.Errorf("%+v", v)
	}
	_, err = ParseProject("month.toml", []byte(`plan = "starter"
[[videos]]
name = "a"
length = "2m"
resolution = "720p"
drafts = 1

[[videos]]
name = "b"
length = "2m"
draft_resolution = "720p"

[[videos]]
name = "c"
length = "2m"
drafts = 50
`), c)
	for _, want := range []string{
		"videos[0].drafts: drafts at 720p are not below the video's 720p",
		"videos[1].draft_resolution: a draft resolution without drafts",
		"videos[2].drafts: must be between 0 and 20 (got 50)",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in:\n%v", want, err)
		}
	}
}

// TestDraftsOnASingleResolutionPlan: a plan with one resolution cannot draft cheaper.
func TestDraftsOnASingleResolutionPlan(t *testing.T) {
	c := mustCard(t, 1, `
[[plans]]
id = "mini"
name = "Mini"
monthly_price = 9
credits = 50
features = ["basic-avatar", "stock-look", "stock-voice", "720p", "dubbing", "stock-media", "studio", "own-script"]
`)
	_, err := ParseProject("month.toml", []byte("plan = \"mini\"\n[[videos]]\nname = \"a\"\nlength = \"1m\"\ndrafts = 2\n"), c)
	want := "month.toml:5:1: videos[0].drafts: Mini renders at a single resolution"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// scripted is a video of the standard card measured by words.
func scripted(c *RateCard, words, count int, picks map[string]string) Video {
	v := video(c, "Launch", 0, picks)
	v.ScriptWords, v.Count = words, count
	c.ApplyScript(&v)
	return v
}

// TestScriptLengthTrim: the rounding a script's length gets, and the trim
// that bills one increment less.
func TestScriptLengthTrim(t *testing.T) {
	c := standardCard(t)
	// Video Agent: 30 a minute in 30 s increments. 420 words at 150 wpm are
	// 168 s (2m48s), billed 180 s: 30 × 3 = 90 a copy. 2m30s holds
	// 150 × 150 / 60 = 375 words: trimming 45 words bills 150 s, 75 a
	// copy, saving 15; two copies, 30.
	v := scripted(c, 420, 2, map[string]string{"agent": "agent"})
	s, ok := c.ScriptLength(&v)
	if !ok {
		t.Fatal("not from a script")
	}
	if s.Seconds != 168 || s.Billed != 180 || s.Increment != 30 || s.TrimWords != 45 || s.TrimSaves != cr("30") {
		t.Errorf("%+v", s)
	}
	if got, want := s.Reading(), "420 words ≈ 2m48s at 150 wpm"; got != want {
		t.Errorf("Reading = %q, want %q", got, want)
	}
	if got, want := s.Rounding(c), "2m48s is billed as 3m (30s increments); trimming 45 words saves 30 premium credits"; got != want {
		t.Errorf("Rounding = %q, want %q", got, want)
	}

	// With Avatar Pro too (20 a minute, 3 s increments): 168 s bills 168 s,
	// 56; the agent's 180 s is the longest billed, so the trim is still to
	// 150 s: the avatar 50 (saves 6) and the agent 75 (saves 15), 21 a copy.
	v = scripted(c, 420, 1, map[string]string{"agent": "agent", "avatar": "avatar-pro"})
	s, _ = c.ScriptLength(&v)
	if s.TrimWords != 45 || s.TrimSaves != cr("21") {
		t.Errorf("with Avatar Pro: %+v", s)
	}

	// Only Avatar Pro: 168 s is a whole number of 3 s increments, billed as
	// it is; 165 s holds 165 × 150 / 60 = 412.5, so 412 words: trimming 8
	// saves 20 × 3 / 60 = 1.
	v = scripted(c, 420, 1, map[string]string{"avatar": "avatar-pro"})
	s, _ = c.ScriptLength(&v)
	if got, want := s.Rounding(c), "2m48s is billed as it is (3s increments); trimming 8 words saves 1 premium credit"; got != want {
		t.Errorf("Rounding = %q, want %q", got, want)
	}

	// Nothing charged by time: no rounding to speak of.
	v = scripted(c, 420, 1, nil)
	if s, _ = c.ScriptLength(&v); s.Rounding(c) != "" || s.TrimWords != 0 {
		t.Errorf("included only: %+v %q", s, s.Rounding(c))
	}
	// A video with a length of its own has no script length.
	plain := video(c, "x", 60, nil)
	if _, ok := c.ScriptLength(&plain); ok {
		t.Error("a plain video has a script length")
	}
}

// TestDraftsCharge: each draft is one more render of the re-rendered
// features, at the draft resolution.
func TestDraftsCharge(t *testing.T) {
	c := standardCard(t)
	v := video(c, "Launch", 120, map[string]string{"avatar": "avatar-pro", "resolution": "4k"})
	v.Drafts = 2
	// Avatar Pro: 20 a minute × 2 m = 40 a render, 3 renders (the final and
	// 2 drafts): 120. 4K: 10 for the final alone; the drafts render at the
	// cheapest resolution, the included 720p: 0. In all 130.
	lines := c.Lines(&v)
	avatar, res := lineFor(t, lines, SlotAvatar), lineFor(t, lines, SlotResolution)
	if avatar.Credits != cr("120") || avatar.Renders != 3 || avatar.Drafts != 2 {
		t.Errorf("avatar line %+v", avatar)
	}
	if res.Credits != cr("10") || res.DraftAt == nil || res.DraftAt.ID != "720p" || res.DraftCredits != 0 {
		t.Errorf("resolution line %+v", res)
	}
	if got, want := avatar.Quantity(), "2m × 3 renders (2 drafts)"; got != want {
		t.Errorf("avatar quantity %q, want %q", got, want)
	}
	if got, want := res.Quantity(), "1 video + 2 drafts at 720p"; got != want {
		t.Errorf("resolution quantity %q, want %q", got, want)
	}
	if got := c.VideoCredits(&v); got != cr("130") {
		t.Errorf("video credits %v, want 130", got)
	}
	// Against re-rendering at full resolution: without drafts 40 + 10 = 50;
	// 2 re-renders in 4K instead, 3 × 40 + 3 × 10 = 150, so 100 for them,
	// against the drafts' 80: saves 20.
	d, ok := c.DraftCost(&v)
	if !ok || d.Cost != cr("80") || d.FullCost != cr("100") || d.Saves != cr("20") {
		t.Errorf("%+v", d)
	}
	if got, want := d.Sentence(c), "2 review drafts at 720p: 80 premium credits, against 100 re-rendering in 4K (saves 20); previews are free"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}
	// Drafts that spend nothing, as re-renders would not either (nothing in
	// the video charges again on a render): said as free, not "0, against 0".
	free := DraftCost{Drafts: 1, At: res.DraftAt, Final: res.DraftAt}
	if got, want := free.Sentence(c), "1 review draft at 720p: spends no premium credits (nothing in the video charges again on a render); previews are free"; got != want {
		t.Errorf("Sentence = %q, want %q", got, want)
	}

	// Drafts at a premium draft resolution that charges on every render:
	// a 1080p of 2 a render (re-rendered): 2 drafts, 2 × 2 = 4.
	c2 := mustCard(t, 1, starterPlan+strings.Replace(premiumFeatures, `id = "ai-look"`, `id = "hd"
name = "HD"
slot = "resolution"
premium = true
rate = 2
unit = "video"
rerender = true
height = 1440

[[features]]
id = "ai-look"`, 1))
	w := video(c2, "Launch", 60, map[string]string{"resolution": "4k"})
	w.Drafts, w.DraftResolution = 2, "hd"
	if res := lineFor(t, c2.Lines(&w), SlotResolution); res.DraftCredits != cr("4") || res.Credits != cr("14") {
		t.Errorf("premium draft resolution: %+v", res)
	}
}

// TestDraftOptions: re-renders at a premium resolution are offered as drafts.
func TestDraftOptions(t *testing.T) {
	c := standardCard(t)
	p := c.NewProject("starter")
	v := video(c, "Launch", 120, map[string]string{"avatar": "avatar-pro", "resolution": "4k"})
	v.Rerenders = 2
	// Now: 3 renders of 40 + 10 = 150. As 2 drafts at 720p: 130. Saves 20.
	p.Videos = []Video{v, video(c, "Plain", 60, nil)}
	plan, _ := c.Plan("starter")
	opts := c.DraftOptions(p, plan)
	if len(opts) != 1 {
		t.Fatalf("%+v", opts)
	}
	if got, want := opts[0].Text(c), "Render 2 review drafts at 720p instead of re-rendering in 4K: saves 20 premium credits"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if w := opts[0].Apply(v); w.Rerenders != 0 || w.Drafts != 2 || c.VideoCredits(&w) != cr("130") {
		t.Errorf("applied: %+v", w)
	}
	// An included final resolution saves nothing by drafting.
	p.Videos[0].Picks[SlotResolution] = "1080p"
	if opts := c.DraftOptions(p, plan); len(opts) != 0 {
		t.Errorf("1080p: %+v", opts)
	}
}

// TestEditProjectKeepsScriptKeys: a save writes the script's words and the
// drafts back in place, keeping comments, and never a length beside them.
func TestEditProjectKeepsScriptKeys(t *testing.T) {
	c := scriptCard(t, "")
	src := []byte(`plan = "starter"   # the plan

# the launch
[[videos]]
name = "Launch"
script_words = 420   # from the doc

[[videos]]
name = "Teaser"
script = "scripts/teaser.md"   # the final cut

[[videos]]
name = "Explainer"
length = "2m"
`)
	fsys := fstest.MapFS{"scripts/teaser.md": {Data: []byte("one two three")}}
	saved, err := ParseProjectFrom("m.toml", src, c, ProjectSources{Scripts: fsys})
	if err != nil {
		t.Fatal(err)
	}
	for i := range saved.Videos {
		saved.Videos[i].ID = i + 1
	}
	edited := saved.Clone()
	edited.Videos[0].ScriptWords = 300
	c.ApplyScript(&edited.Videos[0])
	edited.Videos[1].Drafts = 2
	edited.Videos[1].Picks[SlotResolution] = "4k"
	edited.Videos[2].ScriptWords = 150 // typed in the planner: the length follows
	c.ApplyScript(&edited.Videos[2])
	out, kept := EditProject(src, saved, edited, c)
	if !kept {
		t.Fatalf("layout not kept:\n%s", out)
	}
	for _, want := range []string{"script_words = 300   # from the doc", `script = "scripts/teaser.md"   # the final cut`, "drafts = 2", "# the launch", "script_words = 150"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "length") {
		t.Errorf("a length beside a script:\n%s", out)
	}
	// The full encoding reads back as the same month.
	back, err := ParseProjectFrom("e.toml", EncodeProject(edited, c), c, ProjectSources{Scripts: fsys})
	if err != nil || !SameProject(back, edited) {
		t.Errorf("encoding does not read back: %v\n%s", err, EncodeProject(edited, c))
	}
}
