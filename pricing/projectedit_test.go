package pricing

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// exampleSources are the example months the default card reads, with their text.
func exampleSources(tb testing.TB, c *RateCard) map[string][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../examples/*.toml")
	out := map[string][]byte{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := ParseProject(f, src, c); err == nil {
			out[f] = src
		}
	}
	if len(out) < 3 {
		tb.Fatalf("only %d examples load against plans.toml", len(out))
	}
	return out
}

// opened is what the planner holds after opening a file: the project with each
// video numbered by its place in the file.
func opened(tb testing.TB, name string, src []byte, c *RateCard) *Project {
	tb.Helper()
	p, err := ParseProject(name, src, c)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range p.Videos {
		p.Videos[i].ID = i + 1
	}
	for i := range p.Scenarios {
		p.Scenarios[i].ID = i + 1
	}
	return p
}

// lineDiff returns the lines only a has and the lines only b has, by a longest
// common subsequence of lines.
func lineDiff(a, b []byte) (onlyA, onlyB []string) {
	// Lines compare without their ends: a last line given a newline is the same line.
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range la {
		la[i] = strings.TrimSuffix(la[i], "\r")
	}
	for i := range lb {
		lb[i] = strings.TrimSuffix(lb[i], "\r")
	}
	n, m := len(la), len(lb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if la[i] == lb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case la[i] == lb[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA = append(onlyA, la[i])
			i++
		default:
			onlyB = append(onlyB, lb[j])
			j++
		}
	}
	onlyA = append(onlyA, la[i:]...)
	onlyB = append(onlyB, lb[j:]...)
	return onlyA, onlyB
}

func TestEditProjectChangingOneCountChangesOneLine(t *testing.T) {
	c := defaultCard(t)
	for name, src := range exampleSources(t, c) {
		saved := opened(t, name, src, c)
		// Nothing changed: the file is written back byte for byte.
		if out, kept := EditProject(src, saved, saved.Clone(), c); !kept || string(out) != string(src) {
			t.Fatalf("%s: an unchanged month must save as the same bytes (kept %v)", name, kept)
		}
		for i := range saved.Videos {
			edited := saved.Clone()
			edited.Videos[i].Count++
			out, kept := EditProject(src, saved, edited, c)
			if !kept {
				t.Fatalf("%s: layout not kept", name)
			}
			gone, added := lineDiff(src, out)
			if len(gone) != 1 || len(added) != 1 || !strings.Contains(added[0], fmt.Sprint(edited.Videos[i].Count)) {
				t.Fatalf("%s video %d: count+1 must change one line; removed %q, added %q", name, i, gone, added)
			}
			// The trailing comment stays, in its column.
			if k := strings.Index(gone[0], "#"); k >= 0 && strings.Index(added[0], "#") != k && len(strings.TrimRight(gone[0][:k], " ")) < k-1 {
				t.Fatalf("%s: comment moved: %q -> %q", name, gone[0], added[0])
			}
		}
	}
}

const editSample = `# My month: comments everywhere.
plan = "creator"   # where we are
billing = "monthly"

# First: the explainer
[[videos]]
name = "A"
count = 4          # one a week
length = 2.5       # minutes

# Second, the short
[[videos]]
name = "B"
count = 0x6
length = "45s"
languages = [
  "es",  # Spanish
  "de",
]

[[videos]]
  name = 'C'
  length = "1m"
  # note under C

# end of file
`

func editSampleProject(t *testing.T, c *RateCard) *Project {
	return opened(t, "sample.toml", []byte(editSample), c)
}

func TestEditProjectShapes(t *testing.T) {
	c := defaultCard(t)
	cases := []struct {
		name string
		edit func(p *Project)
		want string // the file after the edit
	}{
		{"delete a video with its comments", func(p *Project) { p.Videos = slices.Delete(p.Videos, 1, 2) },
			strings.Replace(editSample, "# Second, the short\n[[videos]]\nname = \"B\"\ncount = 0x6\nlength = \"45s\"\nlanguages = [\n  \"es\",  # Spanish\n  \"de\",\n]\n\n", "", 1)},
		{"delete the last video keeps the trailer", func(p *Project) { p.Videos = p.Videos[:2] },
			strings.Replace(editSample, "\n[[videos]]\n  name = 'C'\n  length = \"1m\"\n  # note under C\n", "", 1)},
		{"swap moves whole blocks", func(p *Project) { p.Videos[0], p.Videos[2] = p.Videos[2], p.Videos[0] },
			"# My month: comments everywhere.\nplan = \"creator\"   # where we are\nbilling = \"monthly\"\n\n" +
				"[[videos]]\n  name = 'C'\n  length = \"1m\"\n  # note under C\n\n" +
				"# Second, the short\n[[videos]]\nname = \"B\"\ncount = 0x6\nlength = \"45s\"\nlanguages = [\n  \"es\",  # Spanish\n  \"de\",\n]\n\n" +
				"# First: the explainer\n[[videos]]\nname = \"A\"\ncount = 4          # one a week\nlength = 2.5       # minutes\n\n# end of file\n"},
		{"add a video", func(p *Project) {
			v := c.NewVideo("D")
			p.Videos = append(p.Videos, v)
		}, strings.Replace(editSample, "  # note under C\n", "  # note under C\n\n[[videos]]\nname = \"D\"\ncount = 1\nlength = \"1m\"\n", 1)},
		{"a key that was left out goes under the table's last key, indented alike", func(p *Project) { p.Videos[2].Rerenders = 2 },
			strings.Replace(editSample, "  length = \"1m\"\n", "  length = \"1m\"\n  rerenders = 2\n", 1)},
		{"balance on, then the header keeps its comments", func(p *Project) { p.HasBalance, p.Balance = true, 1500 },
			strings.Replace(editSample, "billing = \"monthly\"\n", "billing = \"monthly\"\nbalance = 1.5\n", 1)},
		{"a value in a multi-line array is replaced whole", func(p *Project) { p.Videos[1].Languages = []string{"fr"} },
			strings.Replace(editSample, "languages = [\n  \"es\",  # Spanish\n  \"de\",\n]", "# Spanish\nlanguages = [\"fr\"]", 1)},
		{"a longer value keeps one space before its comment", func(p *Project) { p.Videos[0].Name = "A much longer name than before" },
			strings.Replace(editSample, "name = \"A\"", "name = \"A much longer name than before\"", 1)},
		{"count keeps the comment column", func(p *Project) { p.Videos[0].Count = 12 },
			strings.Replace(editSample, "count = 4          # one a week", "count = 12         # one a week", 1)},
	}
	for _, tc := range cases {
		saved := editSampleProject(t, c)
		edited := saved.Clone()
		tc.edit(edited)
		out, kept := EditProject([]byte(editSample), saved, edited, c)
		if !kept || string(out) != tc.want {
			t.Errorf("%s: kept %v\n--- got\n%s--- want\n%s", tc.name, kept, out, tc.want)
		}
	}
}

func TestEditProjectBalanceOffRemovesItsLine(t *testing.T) {
	c := defaultCard(t)
	src := "plan = \"creator\"\nbalance = 12   # left this cycle\nbilling = \"annual\"\n\n[[videos]]\nname = \"A\"\nlength = \"1m\"\n"
	saved := opened(t, "b.toml", []byte(src), c)
	edited := saved.Clone()
	edited.HasBalance, edited.Balance = false, 0
	out, kept := EditProject([]byte(src), saved, edited, c)
	if want := strings.Replace(src, "balance = 12   # left this cycle\n", "", 1); !kept || string(out) != want {
		t.Fatalf("got\n%s", out)
	}
}

func TestEditProjectCRLFAndNoFinalNewline(t *testing.T) {
	c := defaultCard(t)
	src := "plan = \"creator\"\r\n\r\n[[videos]]\r\nname = \"A\"\r\nlength = \"1m\""
	saved := opened(t, "crlf.toml", []byte(src), c)
	edited := saved.Clone()
	edited.Videos[0].Rerenders = 1
	edited.Videos = append(edited.Videos, c.NewVideo("B"))
	out, kept := EditProject([]byte(src), saved, edited, c)
	want := "plan = \"creator\"\r\n\r\n[[videos]]\r\nname = \"A\"\r\nlength = \"1m\"\r\nrerenders = 1\r\n\r\n[[videos]]\r\nname = \"B\"\r\ncount = 1\r\nlength = \"1m\"\r\n"
	if !kept || string(out) != want {
		t.Fatalf("kept %v got %q", kept, out)
	}
}

// A file the editor does not edit in place is written in full, never wrongly.
func TestEditProjectFallsBackToAFullEncoding(t *testing.T) {
	c := defaultCard(t)
	src := "plan = \"creator\"\nvideos = [{name = \"A\", length = \"1m\"}]\n"
	saved := opened(t, "inline.toml", []byte(src), c)
	edited := saved.Clone()
	edited.Videos[0].Count = 3
	out, kept := EditProject([]byte(src), saved, edited, c)
	if kept || string(out) != string(EncodeProject(edited, c)) {
		t.Fatalf("kept %v:\n%s", kept, out)
	}
}

// commentsOf lists every comment in src (from # to the end of its line),
// except those in the given byte ranges.
func commentsOf(src []byte, skip [][2]int) []string {
	d, ok := scanProjectSource(src)
	if !ok {
		return nil
	}
	var out []string
	add := func(from, to int) {
		for _, r := range skip {
			if from >= r[0] && from < r[1] {
				return
			}
		}
		out = append(out, strings.TrimRight(string(src[from:to]), "\r\n"))
	}
	for _, l := range d.lines {
		text := string(src[l.start:l.end])
		// A copied table's lines ([customer], [[one_time]]) are filed as
		// comments too: only what follows a '#' is one.
		if at := strings.Index(text, "#"); l.kind == lineComment && at >= 0 {
			add(l.start+at, l.end)
		}
	}
	// Trailing comments, and comments inside multi-line values.
	for _, es := range append([][]srcEntry{d.root}, tablesEntries(d)...) {
		for _, e := range es {
			s := &srcScanner{src: src[:e.lineEnd], i: e.valStart}
			for s.i < len(s.src) {
				switch s.src[s.i] {
				case '"', '\'':
					s.value(0)
					continue
				case '#':
					from := s.i
					s.skipComment()
					add(from, s.i)
					continue
				}
				s.i++
			}
		}
	}
	slices.Sort(out)
	return out
}

func tablesEntries(d *srcDoc) [][]srcEntry {
	var out [][]srcEntry
	for _, t := range d.videos {
		out = append(out, t.entries)
	}
	return out
}

// containsAll reports whether every element of want is in got, as many times.
func containsAll(got, want []string) (string, bool) {
	count := map[string]int{}
	for _, g := range got {
		count[g]++
	}
	for _, w := range want {
		if count[w] == 0 {
			return w, false
		}
		count[w]--
	}
	return "", true
}

// randomEdit changes p as a planner user might: values of the month and its
// videos, deleted, added and swapped videos. It returns the keys it changed
// and whether videos were removed, added or moved.
func randomEdit(r *rand.Rand, p *Project, c *RateCard) (keys map[string]bool, structural bool) {
	keys = map[string]bool{}
	for range 1 + r.IntN(4) {
		switch k := r.IntN(19); {
		case k == 17:
			randomOneTimeEdit(r, p, c)
			structural = true
		case k == 18:
			// The script's language, as the planner's Script lang. row sets it.
			for i := range p.Videos {
				if v := &p.Videos[i]; v.FromScript() {
					v.ScriptLanguage = []string{"", "es", "pt-BR"}[r.IntN(3)]
					keys["script_language"] = true
				}
			}
		case k >= 14:
			structural = randomScenarioEdit(r, k, p, c, keys) || structural
		case k == 0:
			p.Plan = c.Plans[r.IntN(len(c.Plans))].ID
			if c.CheckOnOwnPlan(p) != nil {
				// The planner refuses to save a month on a plan that does not
				// offer its one-time charges or cannot render its drafts (such
				// a file is refused when read).
				p.Plan = c.Plans[len(c.Plans)-2].ID
			}
			keys["plan"] = true
		case k == 1:
			p.Billing = 1 - p.Billing
			keys["billing"] = true
		case k == 2:
			p.HasBalance = !p.HasBalance
			p.Balance = 0
			if p.HasBalance {
				p.Balance = Credits(r.Int64N(100_000)) * 100
			}
			keys["balance"] = true
		case k == 3:
			p.Seats = 1 + r.IntN(20)
			keys["seats"] = true
		case k == 4:
			p.Volume = nil
			if r.IntN(2) == 0 {
				p.Volume = make([]int64, 12)
				for i := range p.Volume {
					p.Volume[i] = r.Int64N(3000)
				}
			}
			keys["volume"] = true
		case k == 5 && len(p.Videos) > 0:
			i := r.IntN(len(p.Videos))
			p.Videos = slices.Delete(p.Videos, i, i+1)
			structural = true
		case k == 6:
			v := c.NewVideo(awkwardNames[r.IntN(len(awkwardNames))])
			v.Count = r.IntN(20)
			p.Videos = slices.Insert(p.Videos, r.IntN(len(p.Videos)+1), v)
			structural = true
		case k == 7 && len(p.Videos) > 1:
			i, j := r.IntN(len(p.Videos)), r.IntN(len(p.Videos))
			p.Videos[i], p.Videos[j] = p.Videos[j], p.Videos[i]
			structural = structural || i != j
		case len(p.Videos) > 0:
			v := &p.Videos[r.IntN(len(p.Videos))]
			switch k {
			case 8:
				v.Count = r.IntN(MaxCount + 1)
				keys["count"] = true
			case 9:
				v.Name = awkwardNames[r.IntN(len(awkwardNames))]
				keys["name"] = true
			case 10:
				v.Seconds = 1 + r.IntN(3600)
				// A length typed over a script's replaces it, as the planner does.
				if v.FromScript() {
					v.ScriptWords, v.ScriptFile, v.ScriptLanguage = 0, "", ""
					keys["script_words"], keys["script"], keys["script_language"] = true, true, true
				}
				keys["length"] = true
			case 11:
				s := Slot(r.IntN(int(NumSlots)))
				opts := c.OptionIDs(s)
				v.Picks[s] = opts[r.IntN(len(opts))]
				keys[s.Key()] = true
			case 12:
				v.Languages = []string{"es", "fr", "de", "ja"}[:r.IntN(5)]
				keys["languages"] = true
			default:
				v.Rerenders, v.BRollClips, v.ScriptGenerations = r.IntN(4), r.IntN(4), r.IntN(4)
				keys["rerenders"], keys["broll_clips"], keys["script_generations"] = true, true, true
			}
		}
	}
	return keys, structural
}

// randomOneTimeEdit makes one of the planner's one-time prompt's edits:
// drop a charge, move one to another month, or add one the plan offers
// (after the ones paid, as ParseOneTimeNeeds orders them).
func randomOneTimeEdit(r *rand.Rand, p *Project, c *RateCard) {
	switch k := r.IntN(3); {
	case k == 0 && len(p.OneTime) > 0:
		i := r.IntN(len(p.OneTime))
		p.OneTime = slices.Delete(slices.Clone(p.OneTime), i, i+1)
	case k == 1 && len(p.OneTime) > 0:
		p.OneTime = slices.Clone(p.OneTime)
		p.OneTime[r.IntN(len(p.OneTime))].Month = 1 + r.IntN(12)
	default:
		for _, o := range c.OneTime {
			if o.OfferedOn(p.Plan) && !containsNeed(p.OneTime, o.ID) {
				p.OneTime = append(slices.Clone(p.OneTime), OneTimeNeed{o.ID, 1 + r.IntN(12)})
				return
			}
		}
	}
}

// checkEdit is the round trip's promise for one edit of src: the file reads
// back as the edited month, keeps every comment but those of removed videos,
// and (for edits of values alone) differs only in lines of changed keys.
func checkEdit(t *testing.T, src []byte, saved, edited *Project, c *RateCard, keys map[string]bool, structural bool) {
	t.Helper()
	out, kept := EditProject(src, saved, edited, c)
	back, err := ParseProject("out.toml", out, c)
	if err != nil {
		t.Fatalf("edited file does not load: %v\n%s", err, out)
	}
	if !SameProject(back, edited) {
		t.Fatalf("edited file reads back as another month\n%s", out)
	}
	if !kept {
		t.Fatalf("layout not kept\n--- was\n%s--- now\n%s", src, out)
	}
	// The comments of videos that are gone may go; every other one stays.
	d, _ := scanProjectSource(src)
	_, bs, _ := d.blocks()
	alive := map[int]bool{}
	for _, v := range edited.Videos {
		alive[v.ID] = true
	}
	var skip [][2]int
	for k, v := range saved.Videos {
		if !alive[v.ID] {
			skip = append(skip, [2]int{bs[k].start, bs[k].bodyEnd})
		}
	}
	// And so may a deleted scenario's.
	aliveScenario := map[int]bool{}
	for _, s := range edited.Scenarios {
		aliveScenario[s.ID] = true
	}
	if sbs := d.scenarioBlocks(); len(sbs) == len(saved.Scenarios) {
		for k, s := range saved.Scenarios {
			if !aliveScenario[s.ID] {
				skip = append(skip, [2]int{sbs[k].start, sbs[k].bodyEnd})
			}
		}
	}
	// And so may a dropped one-time charge's.
	if len(d.oneTime) == len(saved.OneTime) {
		for k, n := range saved.OneTime {
			if !containsNeed(edited.OneTime, n.ID) {
				e := d.oneTimeBlock(d.oneTime[k])
				skip = append(skip, [2]int{e.start, e.end})
			}
		}
	}
	if missing, ok := containsAll(commentsOf(out, nil), commentsOf(src, skip)); !ok {
		t.Fatalf("comment %q was lost\n--- was\n%s--- now\n%s", missing, src, out)
	}
	if structural {
		return
	}
	// Lines of an edited key's value may go; a key line of an edited key, or a
	// comment from inside a replaced value, may come.
	mayGo := map[string]bool{}
	for _, es := range append([][]srcEntry{d.root}, tablesEntries(d)...) {
		for _, e := range es {
			if keys[e.key] {
				for _, l := range strings.Split(string(src[e.start:e.lineEnd]), "\n") {
					mayGo[strings.TrimSuffix(l, "\r")] = true
				}
			}
		}
	}
	isEditedKey := func(l string) bool {
		key, _, ok := strings.Cut(l, "=")
		return ok && keys[strings.TrimSpace(key)]
	}
	gone, added := lineDiff(src, out)
	for _, l := range gone {
		if strings.TrimSpace(l) != "" && !mayGo[l] && !isEditedKey(l) {
			t.Fatalf("line %q went, but only %v were edited\n--- was\n%s--- now\n%s", l, keys, src, out)
		}
	}
	for _, l := range added {
		if c := strings.TrimSpace(l); c != "" && !isEditedKey(l) && !(strings.HasPrefix(c, "#") && strings.Contains(string(src), c)) {
			t.Fatalf("line %q came, but only %v were edited\n--- was\n%s--- now\n%s", l, keys, src, out)
		}
	}
}

func TestEditProjectRandomEdits(t *testing.T) {
	c := defaultCard(t)
	srcs := exampleSources(t, c)
	srcs["sample.toml"] = []byte(editSample)
	r := rand.New(rand.NewPCG(7, 7))
	for name, src := range srcs {
		for range 300 {
			saved := opened(t, name, src, c)
			edited := saved.Clone()
			keys, structural := randomEdit(r, edited, c)
			if c.CheckOnOwnPlan(edited) != nil {
				// The planner refuses to save such a month (a resolution
				// its drafts are not below, a plan that cannot draft): the
				// file it would write does not read back.
				continue
			}
			checkEdit(t, src, saved, edited, c, keys, structural)
		}
	}
}

// randomScenarioEdit makes one of the planner's edits to the scenarios:
// delete one, save a new one (N), or change one's seats or plan. It reports
// whether the edit was structural.
func randomScenarioEdit(r *rand.Rand, k int, p *Project, c *RateCard, keys map[string]bool) bool {
	switch {
	case k == 14 && len(p.Scenarios) > 0:
		i := r.IntN(len(p.Scenarios))
		p.Scenarios = slices.Delete(p.Scenarios, i, i+1)
		return true
	case k == 15 || len(p.Scenarios) == 0:
		name := awkwardNames[r.IntN(len(awkwardNames))] + " " + strconv.Itoa(r.IntN(1_000_000))
		p.Scenarios = append(p.Scenarios, ScenarioFrom(name, c.Plans[r.IntN(len(c.Plans))].ID, Billing(r.IntN(2)), 1+r.IntN(5), nil))
		return true
	}
	s := &p.Scenarios[r.IntN(len(p.Scenarios))]
	if r.IntN(2) == 0 {
		n := 1 + r.IntN(20)
		s.Seats = &n
		keys["seats"] = true
	} else {
		s.Plan = c.Plans[r.IntN(len(c.Plans))].ID
		keys["plan"] = true
	}
	return false
}

// FuzzEditProjectRoundTrip applies random planner edits to the examples' text
// (and to whatever text the fuzzer makes that loads) and checks every save: it
// reads back as the edited month, keeps the comments, and changes only edited lines.
func FuzzEditProjectRoundTrip(f *testing.F) {
	c := defaultCard(f)
	for _, src := range exampleSources(f, c) {
		f.Add(src, uint64(1))
		f.Add(src, uint64(99))
	}
	f.Add([]byte(editSample), uint64(3))
	f.Fuzz(func(t *testing.T, src []byte, seed uint64) {
		// Deep nesting is slow in the TOML decoder itself (BurntSushi/toml#496), a
		// matter for the loader's own bounds: these edits are of project-shaped text.
		if len(src) > 16<<10 || bracketDepth(src) > 8 {
			return
		}
		saved, err := ParseProject("fuzz.toml", src, c)
		if err != nil {
			return
		}
		for i := range saved.Videos {
			saved.Videos[i].ID = i + 1
		}
		for i := range saved.Scenarios {
			saved.Scenarios[i].ID = i + 1
		}
		if _, ok := scanProjectSource(src); !ok {
			// A shape saved in full: still the same month.
			out, kept := EditProject(src, saved, saved.Clone(), c)
			if back, err := ParseProject("out.toml", out, c); kept || err != nil || !SameProject(back, saved) {
				t.Fatalf("fallback: kept %v err %v", kept, err)
			}
			return
		}
		r := rand.New(rand.NewPCG(seed, seed>>7))
		edited := saved.Clone()
		keys, structural := randomEdit(r, edited, c)
		out, kept := EditProject(src, saved, edited, c)
		if back, err := ParseProject("out.toml", out, c); err != nil || !SameProject(back, edited) {
			t.Fatalf("edited file does not read back as the edited month: %v\n%s", err, out)
		}
		if kept {
			checkEdit(t, src, saved, edited, c, keys, structural)
		}
	})
}

// bracketDepth is the deepest nesting of [ and { in src, strings or not.
func bracketDepth(src []byte) int {
	depth, most := 0, 0
	for _, c := range src {
		switch c {
		case '[', '{':
			depth++
			most = max(most, depth)
		case ']', '}':
			depth--
		}
	}
	return most
}
