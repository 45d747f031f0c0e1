package pricing

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// oneProblemAt checks that err is exactly one problem at line:col whose message holds want.
func oneProblemAt(t *testing.T, err error, line, col int, want string) {
	t.Helper()
	ps, ok := AsProblems(err)
	if !ok || len(ps) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	if p := ps[0]; p.Line != line || p.Col != col || !strings.Contains(p.Msg, want) {
		t.Fatalf("got %s; want %d:%d: ...%s...", p, line, col, want)
	}
}

// Each source limit refuses its attack before the decoder runs, at the place
// the limit is crossed, and fast: these inputs took seconds and hundreds of
// megabytes (or ran out of memory) in BurntSushi/toml before the guard.
func TestSourceLimitsRefuseBeforeDecoding(t *testing.T) {
	card := defaultCard(t)
	videos := strings.Repeat("[[videos]]\nlength = \"1m\"\n", MaxVideos) + "[[videos]]\nlength = \"1m\"\n"
	inline := "videos = [" + strings.Repeat("{length = \"1m\"}, ", MaxVideos) + "{length = \"1m\"}]\n"
	keys := &strings.Builder{}
	for i := range MaxDistinctKeys + 1 {
		fmt.Fprintf(keys, "k%d = 1\n", i)
	}
	cases := []struct {
		name, src string
		line, col int
		want      string
	}{
		{"nested inline tables", "a = " + strings.Repeat("{a=", 4096) + strings.Repeat("}", 4096) + "\n",
			1, 5 + 3*MaxNesting, fmt.Sprintf("nest more than %d deep", MaxNesting)},
		{"nested arrays", "plan = \"x\"\nv = " + strings.Repeat("[", 12<<10) + "\n",
			2, 5 + MaxNesting, "nest more than"},
		{"dotted key", "x = 1\n" + strings.Repeat("a.", 30<<10) + "a = 1\n", 2, 1, fmt.Sprintf("more than %d dotted parts", MaxKeyParts)},
		{"dotted header", "[" + strings.Repeat("a.", 30<<10) + "a]\n", 1, 1, "dotted parts"},
		{"long key", `"` + strings.Repeat("k", 60<<10) + `" = 1` + "\n", 1, 1, fmt.Sprintf("longer than %d bytes", MaxKeyBytes)},
		{"many keys", keys.String(), MaxDistinctKeys + 1, 1, "at most " + Count(MaxDistinctKeys)},
		{"videos as tables", videos, 2*MaxVideos + 1, 1, "at most " + Count(MaxVideos) + " (this is video " + Count(MaxVideos+1) + ")"},
		{"videos inline", inline, 1, 11 + MaxVideos*len(`{length = "1m"}, `), "this is video " + Count(MaxVideos+1)},
		{"empty", "", 1, 1, "the file is empty"},
		{"only comments", "# a month\n\n   # nothing yet\n", 1, 1, "the file is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := ParseProject("m.toml", []byte(c.src), card)
			oneProblemAt(t, err, c.line, c.col, c.want)
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %s to refuse", d)
			}
		})
	}
}

func TestSourceSizeCaps(t *testing.T) {
	big := strings.Repeat("# padding\n", MaxProjectBytes/10+1)
	_, err := ParseProject("m.toml", []byte(big), defaultCard(t))
	oneProblemAt(t, err, MaxProjectBytes/10+1, MaxProjectBytes%10+1, "larger than 16 MiB, the most a project may be")
	_, err = ParseRateCard("c.toml", []byte(strings.Repeat("#\n", MaxCardBytes/2)+"x"))
	oneProblemAt(t, err, MaxCardBytes/2+1, 1, "larger than 4 MiB, the most a rate card may be")
	_, err = ParseRateCard("c.toml", nil)
	oneProblemAt(t, err, 1, 1, "empty: a rate card needs")
}

// Text inside strings and comments is not structure: a name holding
// "[[videos]]" or braces counts for nothing, and a key spelled two ways is one key.
func TestSourceScanSkipsStringsAndComments(t *testing.T) {
	src := "\ufeff" + `name = """
[[videos]]
{{{{{{{{{{{{{{{{{{{{{{{{{{
\""" still inside """
other = '''[[videos]]'''''
lit = '[[[[[[[[[[[[[[[[[[[[[[[[' # [[[[[[[[[[[[[[[[[[[[[[[[[[[[
"quoted.key" = 1
'quoted'.key = 2
[[videos]]
name = "a"
[[ "videos" ]]
name = "{[[videos]]"
[['videos']]
dt = 1979-05-27 07:32:00Z
`
	s := newSourceScan("x", []byte(src), projectSource)
	s.run()
	if s.confused || s.problem != nil {
		t.Fatalf("confused %v, problem %v at byte %d", s.confused, s.problem, s.i)
	}
	if s.videos != 3 {
		t.Errorf("counted %d videos, want 3", s.videos)
	}
	if _, err := toml.Decode(src, new(map[string]any)); err != nil {
		t.Fatalf("the test's TOML is not valid: %v", err)
	}
}

// The largest month allowed, MaxVideos videos with every key written, fits
// the project limits with room to spare; the largest card fits the card's.
func TestLargestMonthFitsTheSourceLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("# the largest month\nplan = \"business\"\nbilling = \"annual\"\nbalance = 123456.5\nseats = 20\n")
	b.WriteString("volume = [1, 1.5, 2, 1, 1, 1, 1, 1, 1, 1, 1, 3]\n")
	for i := range MaxVideos {
		// A video of the largest month (maxVideoValues values), at its longest.
		fmt.Fprintf(&b, "\n[[videos]]  # video %d of the month, with a comment\nname = \"Product walkthrough for the spring launch, part %06d\"\ncount = 10000\nlength = \"12m30s\"\n", i, i)
		b.WriteString("avatar = \"avatar-iv-with-expressive-gestures\"\n")
	}
	src := []byte(b.String())
	per := len(src) / MaxVideos
	if per > maxVideoBytes {
		t.Fatalf("a video of the largest month is %d bytes, over maxVideoBytes %d", per, maxVideoBytes)
	}
	if len(src)*5/4 > MaxProjectBytes {
		t.Fatalf("the largest month is %d bytes: less than a quarter's margin under %d", len(src), MaxProjectBytes)
	}
	s := newSourceScan("m.toml", src, projectSource)
	s.run()
	if s.problem != nil || s.confused {
		t.Fatalf("the largest month is refused: %v (confused %v)", s.problem, s.confused)
	}
	if s.values > MaxProjectValues || s.videos != MaxVideos {
		t.Fatalf("%d values (limit %d), %d videos", s.values, MaxProjectValues, s.videos)
	}
	t.Logf("largest month: %d bytes (%d a video), %d values of %d", len(src), per, s.values, MaxProjectValues)

	b.Reset()
	b.WriteString("[card]\nname = \"Largest\"\nvendor = \"V\"\ncurrency = \"USD\"\nas_of = 2026-01-06\nschema = 1\nprecision = 3\nsources = [\"https://example.com/pricing\"]\n\n[defaults]\navatar = \"f0\"\n")
	for i := range maxCardCounts {
		fmt.Fprintf(&b, "\n[[features]]  # a feature with every key\nid = \"f%d\"\nname = \"Feature number %d\"\nslot = \"avatar\"\npremium = true\nrate = 12.125\nunit = \"minute\"\nincrement = \"30s\"\nminimum = \"1m\"\nrerender = true\nalternative = \"f%d\"\nalternative_reason = \"cheaper, and nearly as good for most videos\"\nweight = 2\nheight = 1080\n", i, i, (i+1)%maxCardCounts)
	}
	for i := range maxCardCounts {
		fmt.Fprintf(&b, "\n[[plans]]  # a plan with every key\nid = \"p%d\"\nname = \"Plan number %d\"\nmonthly_price = 129.99\nannual_price = 1299.99\ncredits = 12500\nincluded_seats = 3\nextra_seat_price = 29.99\nmax_length = \"30m\"\nmax_resolution = \"4k\"\nwatermark = false\nvideos_per_month = 1000\nfeatures = [\"f1\", \"f2\", \"f3\", \"f4\"]\nrollover = \"none\"\ncredits_expire_days = 30\nannual_upfront = true\n", i, i)
		for j := range maxTopUps {
			fmt.Fprintf(&b, "  [[plans.topups]]\n  id = \"t%d\"\n  name = \"Top-up %d\"\n  credits = 1000\n  price = 99.99\n  lasts_days = 365\n", j, j)
		}
	}
	src = []byte(b.String())
	if len(src)*2 > MaxCardBytes {
		t.Fatalf("the largest card is %d bytes: not half of %d", len(src), MaxCardBytes)
	}
	s = newSourceScan("c.toml", src, cardSource)
	s.run()
	if s.problem != nil || s.confused || !s.rootCard {
		t.Fatalf("the largest card is refused: %v (confused %v, card %v)", s.problem, s.confused, s.rootCard)
	}
	t.Logf("largest card: %d bytes, %d values of %d", len(src), s.values, MaxCardValues)
}

func TestSourceIsRateCard(t *testing.T) {
	for src, want := range map[string]bool{
		"[card]\nname = 1\n":            true,
		"# c\n[ card . x ]\n":           true,
		"card = {name = \"x\"}\n":       true,
		"card.name = \"x\"\n":           true,
		"'card'.name = \"x\"\n":         true,
		"[plans]\ncard = 1\n":           false,
		"plan = \"x\"\n[[videos]]\n":    false,
		"name = \"\"\"\n[card]\n\"\"\"": false,
		"[card":                         false,
	} {
		if got := SourceIsRateCard([]byte(src)); got != want {
			t.Errorf("SourceIsRateCard(%q) = %v", src, got)
		}
	}
}

// FuzzSourceLimits holds the scan to the decoder: text the scan cannot follow
// must be text the decoder refuses (else the limits would not apply to the
// rest of it), and on text both accept, the videos counted are the videos
// decoded, and a card is found exactly when there is a top-level card table.
func FuzzSourceLimits(f *testing.F) {
	for _, s := range []string{
		"plan = \"x\"\n[[videos]]\nname = \"a\"\nlanguages = [\"es\", \"de\"]\n",
		"videos = [{name = \"a\"}, {name = \"b\", languages = []}]\n",
		"[card]\nname = \"\"\"\n[[videos]]\n\"\"\"\nx = '''a'''''\n[[plans.topups]]\nid = 'a'\n",
		"\ufeffa.\"b.c\".'d' = {x = [1, [2, {y = 1979-05-27 07:32:00Z}]]} # c\r\n[ \"videos\" ]\n",
		"card.name = 1\n[[ 'videos' ]]\nv = \"\\\"[[videos]]\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s := newSourceScan("f.toml", src, projectSource)
		s.run()
		// A refused text is not decoded: past the limits is where the decoder
		// is slow (text the scan stopped on may hide deep nesting in its rest,
		// so long inputs are not decoded either).
		if s.problem != nil || len(src) > 2048 {
			return
		}
		var tree map[string]any
		_, err := toml.Decode(string(src), &tree)
		if s.confused && err == nil {
			t.Fatalf("the scan stopped at byte %d of text the decoder accepts", s.i)
		}
		if err != nil {
			return
		}
		want := 0
		switch v := tree["videos"].(type) {
		case []map[string]any:
			want = len(v)
		case []any:
			want = len(v)
		}
		if s.videos != want {
			t.Fatalf("counted %d videos, decoded %d", s.videos, want)
		}
		_, card := tree["card"].(map[string]any)
		if s.rootCard != card {
			t.Fatalf("found a card table: %v; decoded one: %v", s.rootCard, card)
		}
	})
}
