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
		// Comparing from the quote, requoted or fresh, is comparing the month.
		if cmp := c.Compare(q); !reflect.DeepEqual(c.CompareQuote(got, q), cmp) || !reflect.DeepEqual(c.CompareQuote(want, q), cmp) {
			t.Fatalf("seed %d: CompareQuote differs from Compare", seed)
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

// TestRequoteInsertAndRemoveEqualQuote: inserting or removing a video anywhere,
// repricing only what changed, gives exactly the Quote of the edited month
// (every later video renumbered, in itself and in its alternatives).
func TestRequoteInsertAndRemoveEqualQuote(t *testing.T) {
	c := defaultCard(t)
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 13))
		p := randomProject(r, c)
		for range r.IntN(20) {
			v := c.NewVideo("extra")
			changeOneVideo(r, c, &v)
			p.Videos = append(p.Videos, v)
		}
		prev, err := c.Quote(p)
		if err != nil {
			t.Fatal(err)
		}
		q := p.Clone()
		var got *Quote
		if r.IntN(2) == 0 || len(p.Videos) == 0 {
			i := r.IntN(len(p.Videos) + 1)
			v := c.NewVideo("inserted")
			changeOneVideo(r, c, &v)
			if len(p.Videos) > 0 && r.IntN(3) == 0 {
				v = p.Videos[r.IntN(len(p.Videos))].Clone() // a duplicate
			}
			q.Videos = append(q.Videos[:i], append([]Video{v}, q.Videos[i:]...)...)
			got, err = c.RequoteInsert(prev, q, i)
		} else {
			i := r.IntN(len(p.Videos))
			q.Videos = append(q.Videos[:i], q.Videos[i+1:]...)
			got, err = c.RequoteRemove(prev, q, i)
		}
		if err != nil {
			t.Fatal(err)
		}
		want, _ := c.Quote(q)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: RequoteInsert/Remove differs from Quote: premium %s/%s alts %d/%d blocked %q/%q",
				seed, got.Premium, want.Premium, len(got.Alternatives), len(want.Alternatives), got.Blocked, want.Blocked)
		}
		// prev is untouched: it still equals the quote of the month it priced.
		if again, _ := c.Quote(p); !reflect.DeepEqual(prev, again) {
			t.Fatalf("seed %d: RequoteInsert/Remove changed the previous quote", seed)
		}
	}
}

// BenchmarkRequoteInsertRemove100kVideos is the planner's add and delete on
// the largest month: one video inserted in the middle, then removed, against
// quoting the month afresh.
func BenchmarkRequoteInsertRemove100kVideos(b *testing.B) {
	c := defaultCard(b)
	base := thousandVideoMonth(c, "creator")
	p := &Project{Plan: "creator", Seats: 1}
	for len(p.Videos) < MaxVideos {
		p.Videos = append(p.Videos, base.Videos...)
	}
	p.Videos = p.Videos[:MaxVideos]
	q, _ := c.Quote(p)
	added := &Project{Plan: "creator", Seats: 1, Videos: append(append(append([]Video(nil), p.Videos[:50_000]...), c.NewVideo("new")), p.Videos[50_000:]...)}
	b.Run("Quote", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			c.Quote(added)
		}
	})
	b.Run("InsertRemove", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q2, _ := c.RequoteInsert(q, added, 50_000)
			q, _ = c.RequoteRemove(q2, p, 50_000)
		}
	})
}

// TestRequoteOnEveryPlanPairEqualsQuote: from every plan to every other, the
// alternatives a new plan moves (Free has no 4K, agent or AI script steps) are
// redone and the rest kept, and the answer is still Quote's.
func TestRequoteOnEveryPlanPairEqualsQuote(t *testing.T) {
	c := defaultCard(t)
	p := thousandVideoMonth(c, "creator")
	for _, from := range c.Plans {
		for _, to := range c.Plans {
			a := p.Clone()
			a.Plan = from.ID
			prev, _ := c.Quote(a)
			b := a.Clone()
			b.Plan = to.ID
			got, _ := c.Requote(prev, b, NoVideoChanged)
			want, _ := c.Quote(b)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s -> %s: Requote differs from Quote (%d vs %d alternatives)", from.ID, to.ID, len(got.Alternatives), len(want.Alternatives))
			}
		}
	}
}

// TestRequoteInPlaceEqualsQuoteAndLeavesPrev: the planner edits its project in
// place and requotes it; the new quote (which then shares what did not change
// with the previous one) equals a fresh Quote, and the previous quote is as
// it was made.
func TestRequoteInPlaceEqualsQuoteAndLeavesPrev(t *testing.T) {
	c := defaultCard(t)
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 12))
		p := randomProject(r, c)
		prev, err := c.Quote(p)
		if err != nil {
			continue
		}
		for step := range 6 {
			was := p.Clone()
			kept, _ := c.Quote(was) // what prev holds, priced afresh from a copy
			i := NoVideoChanged
			switch r.IntN(3) {
			case 0:
				p.Billing = Billing(r.IntN(2))
				p.Seats = 1 + r.IntN(5)
			case 1:
				p.Plan = c.Plans[r.IntN(len(c.Plans))].ID
			default:
				if len(p.Videos) > 0 {
					i = r.IntN(len(p.Videos))
					p.Videos[i].Count = r.IntN(4)
					p.Videos[i].Seconds = 1 + r.IntN(600)
				}
			}
			got, err := c.Requote(prev, p, i)
			if err != nil {
				break
			}
			want, _ := c.Quote(p)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d step %d: Requote in place differs from Quote", seed, step)
			}
			// prev's entries point at p's videos, which moved on; its prices must not.
			for j := range prev.Videos {
				a, b := prev.Videos[j], kept.Videos[j]
				a.Video, b.Video = nil, nil
				if !reflect.DeepEqual(a, b) {
					t.Fatalf("seed %d step %d: the previous quote's video %d changed", seed, step, j)
				}
			}
			if !reflect.DeepEqual(prev.Alternatives, kept.Alternatives) && !altsSamePrices(prev.Alternatives, kept.Alternatives) {
				t.Fatalf("seed %d step %d: the previous quote's alternatives changed", seed, step)
			}
			prev = got
		}
	}
}

// altsSamePrices compares two month lists but for the names (VideoName is the
// name of the video when priced, and names do not change here).
func altsSamePrices(a, b []Alternative) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		x, y := a[k], b[k]
		x.VideoName, y.VideoName = "", ""
		if x != y {
			return false
		}
	}
	return true
}
