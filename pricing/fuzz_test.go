package pricing

import (
	"fmt"
	"math/big"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/; run a fuzzer with
//   go test ./pricing -run '^$' -fuzz FuzzParseProject -fuzztime 60s

// checkLoadError asserts what every failed load promises: Problems, at least
// one, each at a real position inside the file (a line it has, a column on
// that line or just past its end), and a message that is printable.
func checkLoadError(t *testing.T, file string, src []byte, err error) {
	t.Helper()
	ps, ok := AsProblems(err)
	if !ok {
		t.Fatalf("error is %T, not Problems: %v", err, err)
	}
	if len(ps) == 0 {
		t.Fatal("an error with no problems")
	}
	lines := strings.Split(string(src), "\n")
	for _, p := range ps {
		if p.File != file || p.Line < 1 || p.Col < 1 || p.Msg == "" {
			t.Fatalf("problem without a place or message: %+v", p)
		}
		if p.Line > len(lines) || p.Col > len(lines[p.Line-1])+1 {
			t.Fatalf("problem outside the file (%d lines): %+v", len(lines), p)
		}
		if _, r, bad := FirstUnsafe(p.String()); bad {
			t.Fatalf("a problem carries %s raw: %q", DescribeRune(r), p.String())
		}
	}
}

// checkPrintable asserts that no text in v (a loaded card or project: every
// string field, exported or not, in structs, slices, arrays, maps and
// pointers) holds a character UnsafeRune refuses.
func checkPrintable(t *testing.T, what string, v any) {
	t.Helper()
	seen := map[uintptr]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if _, r, bad := FirstUnsafe(v.String()); bad {
				t.Fatalf("%s: %s holds %s: %q", what, path, DescribeRune(r), v.String())
			}
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(path, v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(path+"{key}", it.Key())
				walk(fmt.Sprintf("%s[%v]", path, it.Key()), it.Value())
			}
		}
	}
	walk(what, reflect.ValueOf(v))
}

// checkQuote prices p against its plan and checks the totals add up: every
// video's Each is the sum of its lines, its Credits Each × Count, the month the
// sum of the videos, and Compare spends the same.
func checkQuote(t *testing.T, c *RateCard, p *Project) {
	t.Helper()
	q, err := c.Quote(p)
	if err != nil {
		t.Fatalf("a loaded project does not quote: %v", err)
	}
	var month Credits
	var copies int64
	for i, vq := range q.Videos {
		var each Credits
		for _, l := range vq.Lines {
			if l.Credits < 0 || (!l.Premium() && l.Credits != 0) {
				t.Fatalf("video %d: line %s charges %s", i, l.Feature.ID, l.Credits)
			}
			each += l.Credits
		}
		if each != vq.Each || vq.Credits != each*Credits(vq.Video.Count) {
			t.Fatalf("video %d: lines add to %s, each %s, credits %s for %d copies", i, each, vq.Each, vq.Credits, vq.Video.Count)
		}
		if got := c.VideoCredits(vq.Video); got != each {
			t.Fatalf("video %d: VideoCredits %s, lines %s", i, got, each)
		}
		for _, a := range vq.Alternatives {
			if a.Each <= 0 || a.Each > vq.Each || a.Saves != a.Each*Credits(vq.Video.Count) {
				t.Fatalf("video %d: alternative %+v", i, a)
			}
		}
		month += vq.Credits
		copies += int64(vq.Video.Count)
	}
	// The month spends its videos and its one-time credits.
	if month != q.Premium-q.OneTimeCredits || copies != q.Copies {
		t.Fatalf("videos add to %s in %d copies; quote says %s in %d", month, copies, q.Premium, q.Copies)
	}
	if q.Fits != (q.Premium <= q.Balance) || (q.Fits && q.Remaining != q.Balance-q.Premium) || (!q.Fits && q.Short != q.Premium-max(q.Balance, 0)) {
		t.Fatalf("fits %v, premium %s, balance %s, remaining %s, short %s", q.Fits, q.Premium, q.Balance, q.Remaining, q.Short)
	}
	if ((q.RunsOutAt == 0) != q.Fits && q.OneTimeCredits == 0) || q.RunsOutAt > q.Copies {
		t.Fatalf("runs out at %d of %d, fits %v", q.RunsOutAt, q.Copies, q.Fits)
	}
	if q.TopUp.Credits < q.Short && len(q.TopUp.Packs) > 0 {
		t.Fatalf("top-up of %s does not cover %s short", q.TopUp.Credits, q.Short)
	}
	_ = q.Message()
	cmp := c.Compare(p)
	if cmp.Premium != q.Premium-q.OneTimeCredits {
		t.Fatalf("compare spends %s, quote %s", cmp.Premium, q.Premium)
	}
}

func FuzzParseRateCard(f *testing.F) {
	if src, err := os.ReadFile("../plans.toml"); err == nil {
		f.Add(src)
		f.Add(append(src, "\n[card.words_per_minute_by_language]\nes = 140\nSpanish = 141\n\"pt-BR\" = 999\n"...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseRateCard("fuzz.toml", data)
		if err != nil {
			if c != nil {
				t.Fatal("a card with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", data, err)
			return
		}
		checkPrintable(t, "card", c)
		// A loaded card prices: on each plan (a few, to bound the work), one month
		// with a video per feature, every quantity set so every slot charges.
		p := &Project{Seats: 2}
		for i := range min(len(c.Features), 40) {
			f := &c.Features[i]
			v := c.NewVideo("v")
			v.Picks[f.Slot] = f.ID
			v.Seconds, v.Count, v.Rerenders = 61, 2, 1
			v.Languages = []string{"es", "de"}
			v.BRollClips, v.ScriptGenerations = 3, 2
			p.Videos = append(p.Videos, v)
		}
		for i := range min(len(c.Plans), 4) {
			p.Plan = c.Plans[i].ID
			checkQuote(t, c, p)
			// The project a card makes for the planner round trips through the file format.
			np := c.NewProject(p.Plan)
			back, err := ParseProject("new.toml", EncodeProject(np, c), c)
			if err != nil || !reflect.DeepEqual(back, np) {
				t.Fatalf("new project does not round trip: %v", err)
			}
		}
	})
}

// scenarioSeeds are projects with [[scenarios]] in every spelling the loader
// reads, good and bad, for FuzzParseProject to start from.
var scenarioSeeds = []string{
	"plan = \"creator\"\n[[videos]]\nname = \"a\"\nlength = \"1m\"\navatar = \"avatar-iv\"\n" +
		"[[scenarios]]\nname = \"s\"\nplan = \"pro\"\nbilling = \"annual\"\nseats = 3\nbalance = 12.5\nvolume = \"1.5\"\n" +
		"substitute = { \"avatar-iv\" = \"avatar-iii\" }\n",
	"plan = \"creator\"\n[[videos]]\nname = \"a\"\nlength = \"1m\"\ntranslation = \"lipsync\"\nlanguages = [\"es\"]\n" +
		"[[scenarios]]\nname = \"b\"\nvolume = 2\nsubstitute = [{ from = \"lipsync\", to = \"dubbing\" }, { from = \"dubbing\", to = \"lipsync\" }]\n" +
		"[[scenarios]]\nname = \"B\"\n",
	"[[scenarios]]\nname = \"x\"\nsubstitute = { \"avatar-iv\" = \"voice-clone\" }\nvolume = 0.0001\n",
	"scenarios = [{ name = \"inline\", plan = \"business\", seats = 2 }]\n[[videos]]\nname = \"a\"\nlength = 2.5\n",
}

// oneTimeSeeds are projects with one-time charges and a budget, good and bad.
var oneTimeSeeds = []string{
	"plan = \"pro\"\nbudget = 59.5\n[[one_time]]\nid = \"studio-avatar\"\n[[one_time]]\nid = \"photo-avatar-training\"\nmonth = 12\n" +
		"[[videos]]\nname = \"a\"\nlength = \"1m\"\n",
	"plan = \"free\"\nbudget = -1\none_time = [{ id = \"studio-avatar\", month = 0 }]\n",
	"budget = 1e300\n[[one_time]]\nid = \"studio-avatar\"\n[[one_time]]\nid = \"studio-avatar\"\nmonth = 13\n",
}

func FuzzParseProject(f *testing.F) {
	c := defaultCard(f)
	for _, s := range scenarioSeeds {
		f.Add([]byte(s))
	}
	for _, s := range oneTimeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProject("fuzz.toml", data, c)
		if err != nil {
			if p != nil {
				t.Fatal("a project with problems was returned")
			}
			checkLoadError(t, "fuzz.toml", data, err)
			return
		}
		checkPrintable(t, "project", p)
		checkQuote(t, c, p)
		checkScenarios(t, c, p)
		// Whatever loads, saves and loads back the same.
		back, err := ParseProject("again.toml", EncodeProject(p, c), c)
		if err != nil {
			t.Fatalf("the encoding of a loaded project does not load: %v\n%s", err, EncodeProject(p, c))
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("round trip changed the project\n was %+v\n now %+v", p, back)
		}
	})
}

// checkScenarios prices a loaded project's scenarios side by side and checks
// each row is what the standing core says of its month, and that pricing them
// leaves the project as it was.
func checkScenarios(t *testing.T, c *RateCard, p *Project) {
	t.Helper()
	if len(p.Scenarios) > MaxScenarios {
		t.Fatalf("%d scenarios loaded; at most %d", len(p.Scenarios), MaxScenarios)
	}
	before := p.Clone()
	rows := c.SideBySide(p)
	if len(p.Scenarios) > 0 && len(rows) != len(p.Scenarios)+1 {
		t.Fatalf("%d rows for %d scenarios", len(rows), len(p.Scenarios))
	}
	for i, r := range rows {
		if r.Plan == nil {
			t.Fatalf("row %d (%s) on no plan: %v", i, r.Name, r.Blocked)
		}
		q := p
		if i > 0 {
			q = ApplyScenario(p, &p.Scenarios[i-1])
		}
		// The shared additions of the month say what the month as changed says.
		st := c.Stand(q, r.Plan, q.BalanceOn(r.Plan))
		if st.Premium != r.PremiumCredits || st.Fits != r.Fits || st.Cost != r.TotalCost || q.Seats != r.Seats ||
			(!r.ContactSales && c.Year(q, r.Plan, q.Billing).Cost != r.YearCost) {
			t.Fatalf("row %d (%s): %s credits, fits %v, %v; the month as changed: %s, %v, %v", i, r.Name, r.PremiumCredits, r.Fits, r.TotalCost, st.Premium, st.Fits, st.Cost)
		}
	}
	if !SameProject(before, p) {
		t.Fatal("pricing the scenarios changed the project")
	}
}

func FuzzParseLength(f *testing.F) {
	for _, s := range []string{"307445734561825861:00", "+1:+5", "-0:30", "1_0", "99999999h", "1440:00", "0001:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sec, err := ParseLength(s)
		// minutes:seconds worked out in big numbers: what no overflow can change.
		if m, se, ok := strings.Cut(strings.TrimSpace(s), ":"); ok && len(se) == 2 && allDigits(m) && allDigits(se) {
			mins, _ := new(big.Int).SetString(m, 10)
			want := mins.Mul(mins, big.NewInt(60)).Add(mins, big.NewInt(int64((se[0]-'0')*10+se[1]-'0')))
			fits := se[0] < '6' && want.Sign() > 0 && want.Cmp(big.NewInt(MaxVideoSeconds)) <= 0
			if fits != (err == nil) || (fits && int64(sec) != want.Int64()) {
				t.Fatalf("ParseLength(%q) = %d, %v; worked out: %s", s, sec, err, want)
			}
		}
		if err != nil {
			if sec != 0 || err.Error() == "" {
				t.Fatalf("ParseLength(%q) = %d with error %v", s, sec, err)
			}
			return
		}
		if strings.ContainsAny(s, "+-_") {
			t.Fatalf("ParseLength(%q) = %d: a sign or an underscore was read as a number", s, sec)
		}
		if sec <= 0 || sec > MaxVideoSeconds {
			t.Fatalf("ParseLength(%q) = %d, outside (0, 24h]", s, sec)
		}
		text := FormatLength(sec)
		back, err := ParseLength(text)
		if err != nil || back != sec {
			t.Fatalf("ParseLength(%q) = %d, FormatLength gives %q, which reads back as %d, %v", s, sec, text, back, err)
		}
	})
}

// FuzzEncodeProjectRoundTrip builds a one-video project from arbitrary values,
// brought into the ranges the loader accepts, and checks it survives a save and load.
func FuzzEncodeProjectRoundTrip(f *testing.F) {
	c := defaultCard(f)
	f.Fuzz(func(t *testing.T, name, language string, seconds, count, rerenders int, balance int64, pick uint8) {
		if !utf8.ValidString(name) || !utf8.ValidString(language) {
			t.Skip("names come from TOML files and typing: always valid UTF-8")
		}
		p := c.NewProject(c.Plans[int(pick)%len(c.Plans)].ID)
		v := &p.Videos[0]
		if strings.TrimSpace(name) != "" { // a blank name is a load error, not a round trip
			v.Name = name
		}
		if l, err := ParseLanguage(language); err == nil { // a loaded language is a canonical tag
			v.Languages = []string{l}
		}
		v.Seconds = 1 + abs(seconds)%MaxVideoSeconds
		v.Count = abs(count) % (MaxCount + 1)
		v.Rerenders = abs(rerenders) % (MaxRerenders + 1)
		s := Slot(int(pick) % int(NumSlots))
		opts := c.OptionIDs(s)
		v.Picks[s] = opts[int(pick)/int(NumSlots)%len(opts)]
		if balance > 0 {
			p.Balance, p.HasBalance = Credits(balance%1_000_000_000)*100, true
		}
		enc := EncodeProject(p, c)
		back, err := ParseProject("encoded.toml", enc, c)
		if _, _, unsafe := FirstUnsafe(v.Name + strings.Join(v.Languages, "")); unsafe {
			// Text no terminal may be shown is refused at load, never carried.
			if err == nil || !strings.Contains(err.Error(), "holds U+") {
				t.Fatalf("unsafe text %q loaded: %v\n%s", v.Name, err, enc)
			}
			return
		}
		if err != nil {
			t.Fatalf("the encoding does not load: %v\n%s", err, enc)
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("round trip changed the project\n was %+v\n now %+v\n%s", p, back, enc)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the most negative int
			return 0
		}
		return -n
	}
	return n
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
