package pricing

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestRequoteEqualsQuoteAfterOneVideoChanges is Requote's whole promise: after
// any change to one video, repricing only that video gives exactly the Quote of
// the whole month (totals, lines, alternatives in order, limits, top-up, upgrade).
func TestRequoteEqualsQuoteAfterOneVideoChanges(t *testing.T) {
	c := defaultCard(t)
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 7))
		p := randomProject(r, c)
		// More, and more ordinary, videos than randomProject's extremes alone.
		for range r.IntN(30) {
			v := c.NewVideo("extra")
			v.Count = r.IntN(5)
			v.Seconds = 1 + r.IntN(900)
			v.Rerenders = r.IntN(3)
			for s := Slot(0); s < NumSlots; s++ {
				if r.IntN(2) == 0 {
					ids := c.OptionIDs(s)
					v.Picks[s] = ids[r.IntN(len(ids))]
				}
			}
			p.Videos = append(p.Videos, v)
		}
		if len(p.Videos) == 0 {
			continue
		}
		prev, err := c.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		i := r.IntN(len(p.Videos))
		changeOneVideo(r, c, &p.Videos[i])
		if r.IntN(2) == 0 {
			p = p.Clone() // the UI reprices a copy of the month it quoted before
		}
		got, err := c.Requote(prev, p, i)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := c.Quote(p)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: Requote after changing video %d differs from Quote:\n got premium %s short %s alts %d blocked %v\nwant premium %s short %s alts %d blocked %v",
				seed, i, got.Premium, got.Short, len(got.Alternatives), got.Blocked, want.Premium, want.Short, len(want.Alternatives), want.Blocked)
		}
	}
}

func changeOneVideo(r *rand.Rand, c *RateCard, v *Video) {
	switch r.IntN(5) {
	case 0:
		v.Count = r.IntN(20)
	case 1:
		v.Seconds = 1 + r.IntN(3600)
	case 2:
		v.Rerenders = r.IntN(5)
	case 3:
		v.Languages = append(v.Languages[:0:0], "xx", "yy")[:r.IntN(3)]
	}
	s := Slot(r.IntN(int(NumSlots)))
	ids := c.OptionIDs(s)
	v.Picks[s] = ids[r.IntN(len(ids))]
}

// TestRequoteAfterSettingsEqualsQuote: billing, balance, seats and watermark move
// no video's price; Requote with NoVideoChanged reuses every video and must still
// give exactly Quote's answer (fit, shortfall, top-up, upgrade, limits, cost).
func TestRequoteAfterSettingsEqualsQuote(t *testing.T) {
	c := defaultCard(t)
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 11))
		p := randomProject(r, c)
		prev, _ := c.Quote(p)
		q := p.Clone()
		if r.IntN(2) == 0 {
			q.Plan = c.Plans[r.IntN(len(c.Plans))].ID // a new plan offers other alternatives
		}
		q.Billing = Billing(r.IntN(2))
		q.Seats = 1 + r.IntN(5)
		q.WatermarkOK = r.IntN(2) == 0
		if r.IntN(2) == 0 {
			q.Balance, q.HasBalance = Credits(r.Int64N(100_000))*100, true
		} else {
			q.Balance, q.HasBalance = 0, false
		}
		got, _ := c.Requote(prev, q, NoVideoChanged)
		want, _ := c.Quote(q)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: Requote after a settings change differs from Quote: premium %s/%s short %s/%s cost %d/%d",
				seed, got.Premium, want.Premium, got.Short, want.Short, got.Cost, want.Cost)
		}
	}
}

// TestRequoteFallsBackWhenTheMonthChangedMoreThanOneVideo: a new plan, balance or
// number of videos makes the previous quote useless, and Requote must notice.
func TestRequoteFallsBackWhenTheMonthChangedMoreThanOneVideo(t *testing.T) {
	c := defaultCard(t)
	p := thousandVideoMonth(c, "creator")
	prev, _ := c.Quote(p)
	for name, change := range map[string]func(*Project){
		"plan":    func(p *Project) { p.Plan = "pro" },
		"balance": func(p *Project) { p.Balance, p.HasBalance = WholeCredits(5), true },
		"billing": func(p *Project) { p.Billing = Annual },
		"videos":  func(p *Project) { p.Videos = p.Videos[:10] },
	} {
		q := p.Clone()
		change(q)
		got, _ := c.Requote(prev, q, 0)
		want, _ := c.Quote(q)
		if name == "plan" || name == "videos" {
			if again, _ := c.Requote(prev, q, NoVideoChanged); !reflect.DeepEqual(again, want) {
				t.Errorf("after changing the %s, Requote(NoVideoChanged) differs from Quote", name)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("after changing the %s, Requote differs from Quote (premium %s vs %s)", name, got.Premium, want.Premium)
		}
	}
}

// BenchmarkRequoteThousandVideos is the planner's common key: one video of a
// 1,000-video month changes and the month is repriced.
func BenchmarkRequoteThousandVideos(b *testing.B) {
	c := defaultCard(b)
	p := thousandVideoMonth(c, "creator")
	q, _ := c.Quote(p)
	avatars := []string{"avatar-iii", "avatar-iv"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		p.Videos[500].Picks[SlotAvatar] = avatars[n%2]
		q, _ = c.Requote(q, p, 500)
	}
}
