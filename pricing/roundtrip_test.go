package pricing

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// roundTrip encodes p and reads it back against c, failing the test if the
// encoding does not load or does not give back the same project.
func roundTrip(t *testing.T, what string, p *Project, c *RateCard) {
	t.Helper()
	enc := EncodeProject(p, c)
	back, err := ParseProject("encoded.toml", enc, c)
	if err != nil {
		t.Fatalf("%s: the encoding does not load: %v\n%s", what, err, enc)
	}
	if !reflect.DeepEqual(back, p) {
		t.Fatalf("%s: round trip changed the project\n was %+v\n now %+v\n%s", what, p, back, enc)
	}
	// Encoding is stable: the second encoding is byte for byte the first.
	if again := EncodeProject(back, c); string(again) != string(enc) {
		t.Fatalf("%s: encoding is not stable\n%s\n---\n%s", what, enc, again)
	}
}

func TestEncodeProjectRoundTripsExamples(t *testing.T) {
	c := defaultCard(t)
	files, _ := filepath.Glob("../examples/*.toml")
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseProject(f, src, c)
		if err != nil {
			continue // a card, or a project written for another card
		}
		roundTrip(t, f, p, c)
		n++
	}
	// The planner's empty month round trips too.
	roundTrip(t, "new project", c.NewProject("creator"), c)
	if n == 0 {
		t.Log("no example project loads against plans.toml yet; only the new project was checked")
	}
}

// awkwardNames are names a user might type that TOML must escape or carry as is.
// Names with control characters are refused at load (refusedNames, unsafetext_test.go).
var awkwardNames = []string{
	`He said "hi"`, `C:\videos\intro`, `back\\slash "and" quote`,
	"unicode: café, 日本語, emoji 🎬", "'single quotes'", `""" triple """`,
	"trailing space ", " leading space", "# not a comment", "[[videos]]", "a = 1", "\u2028 line separator",
}

// randomProject builds a project within every limit the loader enforces, in the
// shape the loader produces (languages trimmed and distinct, picks filled from
// the card's defaults), so reading it back must give the same value.
func randomProject(r *rand.Rand, c *RateCard) *Project {
	p := &Project{
		Plan:                c.Plans[r.IntN(len(c.Plans))].ID,
		Billing:             Billing(r.IntN(2)),
		Seats:               1 + r.IntN(MaxSeats),
		WatermarkOK:         r.IntN(2) == 0,
		AllowFewerRerenders: r.IntN(2) == 0,
	}
	if r.IntN(2) == 0 {
		// Balances obey the card's precision: tenths on the default card.
		p.Balance, p.HasBalance = Credits(r.Int64N(10_000_000))*100, true
	}
	if r.IntN(3) == 0 {
		p.Volume = make([]int64, 12)
		for i := range p.Volume {
			p.Volume[i] = r.Int64N(100_001)
		}
	}
	p.Videos = make([]Video, r.IntN(6))
	for i := range p.Videos {
		v := Video{
			Name:              randomName(r),
			Count:             r.IntN(MaxCount + 1),
			Seconds:           1 + r.IntN(MaxVideoSeconds),
			BRollClips:        r.IntN(MaxClips + 1),
			ScriptGenerations: r.IntN(MaxGenerations + 1),
			Rerenders:         r.IntN(MaxRerenders + 1),
		}
		for s := Slot(0); s < NumSlots; s++ {
			ids := c.OptionIDs(s)
			v.Picks[s] = ids[r.IntN(len(ids))]
		}
		// Languages are canonical tags (ParseLanguage), each once.
		tags := []string{"es", "de", "pt-BR", "zh-Hant", "ja", "fr"}
		for _, i := range r.Perm(len(tags))[:r.IntN(5)] {
			v.Languages = append(v.Languages, tags[i])
		}
		p.Videos[i] = v
	}
	return p
}

func randomName(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return awkwardNames[r.IntN(len(awkwardNames))]
	}
	const alphabet = "abcXYZ 019\"\\'#=[]{}.é日🎬"
	runes := []rune(alphabet)
	var b strings.Builder
	b.WriteRune('v') // names must not be blank
	for range r.IntN(20) {
		b.WriteRune(runes[r.IntN(len(runes))])
	}
	return b.String()
}

func TestEncodeProjectRoundTripsAwkwardNames(t *testing.T) {
	c := defaultCard(t)
	for _, name := range awkwardNames {
		p := c.NewProject("creator")
		p.Videos[0].Name = name
		// Languages are canonical tags on load ("Spanish" is "es"); only an
		// awkward name that is a language travels as one.
		if l, err := ParseLanguage(name); err == nil {
			p.Videos[0].Languages = []string{l}
		}
		roundTrip(t, name, p, c)
	}
}

func TestEncodeProjectRoundTripsRandomProjects(t *testing.T) {
	c := defaultCard(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		p := randomProject(r, c)
		roundTrip(t, "random project", p, c)
		if t.Failed() {
			t.Fatalf("failed at project %d", i)
		}
	}
}
