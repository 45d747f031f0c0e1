package pricing

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// thousandVideoMonth is a busy agency month on the default card: 1,000 kinds of
// video, varied so every premium feature, translation, b-roll and re-render path
// is exercised, on the given plan.
func thousandVideoMonth(c *RateCard, plan string) *Project {
	p := &Project{Plan: plan, Seats: 3, Videos: make([]Video, 0, 1000)}
	langs := []string{"es", "de", "fr", "it", "ja"}
	for i := range 1000 {
		v := c.NewVideo(fmt.Sprintf("Video %d", i+1))
		v.Count = 1 + i%3
		v.Seconds = 30 + (i*37)%570 // 30 s to 10 min
		if i%2 == 0 {
			v.Picks[SlotAvatar] = "avatar-iv"
		}
		if i%7 == 0 {
			v.Picks[SlotLook] = "ai-look"
		}
		if i%11 == 0 {
			v.Picks[SlotResolution] = "4k"
		}
		if i%3 == 0 {
			v.Languages = langs[:1+i%len(langs)]
			if i%2 == 0 {
				v.Picks[SlotTranslation] = "lipsync"
			}
		}
		if i%5 == 0 {
			v.BRollClips = 1 + i%4
			v.Picks[SlotBRoll] = []string{"sora-2", "veo-3.1", "stock-media"}[i%3]
		}
		if i%13 == 0 {
			v.Picks[SlotAgent] = "video-agent"
		}
		v.ScriptGenerations = i % 3
		v.Rerenders = i % 4
		p.Videos = append(p.Videos, v)
	}
	return p
}

// BenchmarkCompareThousandVideos is the Plans screen's work for a big month:
// every plan of the default card. Target: under 2 ms per op on one core.
func BenchmarkCompareThousandVideos(b *testing.B) {
	c := defaultCard(b)
	p := thousandVideoMonth(c, "creator")
	b.ReportAllocs()
	for b.Loop() {
		c.Compare(p)
	}
}

// BenchmarkQuoteThousandVideos is a full quote with lines and alternatives.
func BenchmarkQuoteThousandVideos(b *testing.B) {
	c := defaultCard(b)
	p := thousandVideoMonth(c, "creator")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Quote(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRightSizeThousandVideos is `creditplan rightsize` on a big month:
// every plan under both billings, and the break-evens between them.
func BenchmarkRightSizeThousandVideos(b *testing.B) {
	c := defaultCard(b)
	p := thousandVideoMonth(c, "creator")
	b.ReportAllocs()
	for b.Loop() {
		c.RightSize(p)
	}
}

// BenchmarkYearThousandVideos is the Year screen's work for a big month: the
// wallet over twelve months under both billings.
func BenchmarkYearThousandVideos(b *testing.B) {
	c := defaultCard(b)
	p := thousandVideoMonth(c, "creator")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.YearProject(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseProjectThousandVideos reads the 1,000-video month from its file.
func BenchmarkParseProjectThousandVideos(b *testing.B) {
	c := defaultCard(b)
	src := EncodeProject(thousandVideoMonth(c, "creator"), c)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseProject("month.toml", src, c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCompareAgreesWithQuote holds the promise that the Plans screen (Compare)
// and `creditplan quote` on a plan never disagree about that plan.
func TestCompareAgreesWithQuote(t *testing.T) {
	c := defaultCard(t)
	months := map[string]*Project{"1,000 videos": thousandVideoMonth(c, "creator")}
	small := c.NewProject("creator")
	small.Videos[0].Picks[SlotAvatar] = "avatar-iv"
	small.Videos[0].Seconds = 150
	months["one video"] = small
	shortOnAll := thousandVideoMonth(c, "creator")
	for i := range shortOnAll.Videos {
		shortOnAll.Videos[i].Count *= 50
	}
	months["50,000 copies"] = shortOnAll
	for name, base := range months {
		for _, billing := range []Billing{Monthly, Annual} {
			p := base.Clone()
			p.Billing = billing
			cmp := c.Compare(p)
			for _, o := range cmp.Options {
				p.Plan = o.Plan.ID
				q, err := c.Quote(p)
				if err != nil {
					t.Fatal(err)
				}
				where := fmt.Sprintf("%s, %s, %s", name, billing.Key(), o.Plan.ID)
				if o.Premium != q.Premium || o.Fits != q.Fits || o.Short != q.Short || o.Remaining != q.Remaining {
					t.Errorf("%s: compare %s/%v/short %s/left %s, quote %s/%v/short %s/left %s", where,
						o.Premium, o.Fits, o.Short, o.Remaining, q.Premium, q.Fits, q.Short, q.Remaining)
				}
				if !reflect.DeepEqual(o.TopUp, q.TopUp) {
					t.Errorf("%s: compare tops up %s, quote %s", where, o.TopUp.Describe(c), q.TopUp.Describe(c))
				}
				if !o.Plan.ContactSales && o.Total != q.Cost {
					t.Errorf("%s: compare total %s, quote cost %s", where, c.Money(o.Total), c.Money(q.Cost))
				}
				// Compare may add "sells no top-ups"; everything the quote blocks on, it shows first.
				agree := len(o.Blocked) >= len(q.Blocked)
				for i := range q.Blocked {
					agree = agree && o.Blocked[i] == q.Blocked[i]
				}
				if !agree {
					t.Errorf("%s: compare blocked %q, quote %q", where, o.Blocked, q.Blocked)
				}
			}
		}
	}
}

// genMonth is docs/genmonth.py's month of n videos (name, length, avatar), the
// file the command-line timings read.
func genMonth(n int) []byte {
	var b strings.Builder
	b.WriteString("plan = \"business\"\nbilling = \"monthly\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[videos]]\nname = \"Video %d\"\nlength = \"%dm%ds\"\navatar = \"avatar-iv\"\n", i+1, 1+i%4, (i*7)%60)
	}
	return []byte(b.String())
}

// BenchmarkParseProject100kVideos reads the largest month allowed, as
// `creditplan check` does, against decoding the same text alone (the floor the
// loader is measured against).
func BenchmarkParseProject100kVideos(b *testing.B) {
	c := defaultCard(b)
	src := genMonth(MaxVideos)
	b.Run("Decode", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			var tree map[string]any
			if _, err := toml.Decode(string(src), &tree); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ParseProject", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseProject("month.toml", src, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// tenThousandVideoMonth is thousandVideoMonth ten times over.
func tenThousandVideoMonth(c *RateCard, plan string) *Project {
	base := thousandVideoMonth(c, plan)
	p := base.Clone()
	for range 9 {
		p.Videos = append(p.Videos, base.Clone().Videos...)
	}
	return p
}

// BenchmarkSettingsKey10kVideos is the planner's billing and plan keys on a
// 10,000-video month: the month requoted with no video changed, and every plan
// compared again. The promise is 2 ms a key on one core.
func BenchmarkSettingsKey10kVideos(b *testing.B) {
	c := defaultCard(b)
	p := tenThousandVideoMonth(c, "creator")
	q, _ := c.Quote(p)
	b.Run("Billing", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.Billing = 1 - p.Billing
			q, _ = c.Requote(q, p, NoVideoChanged)
			c.CompareQuote(q, p)
		}
	})
	b.Run("Plan", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n++
			p.Plan = c.Plans[n%len(c.Plans)].ID
			q, _ = c.Requote(q, p, NoVideoChanged)
			c.CompareQuote(q, p)
		}
	})
}
