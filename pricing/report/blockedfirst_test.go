package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"creditplan/pricing"
)

// blockedMonth is a month Creator cannot make: a 4K video (Creator stops at
// 1080p) and a 45-minute one (longer than Creator allows).
func blockedMonth(t *testing.T) (*pricing.RateCard, *pricing.Project) {
	t.Helper()
	c := loadCard(t, "../../plans.toml")
	launch := c.NewVideo("Launch")
	launch.Picks[pricing.SlotResolution] = "4k"
	webinar := c.NewVideo("Webinar")
	webinar.Seconds = 45 * 60
	return c, &pricing.Project{Plan: "creator", Seats: 1, Videos: []pricing.Video{launch, webinar}}
}

// TestBlockedPlansAreSaidFirst: quote, fit and year on a plan that cannot make
// the month say so before any cost or credit figure, in text and Markdown;
// JSON says it with "can_make" and "blocked" before the numbers, and every CSV
// row carries the reasons.
func TestBlockedPlansAreSaidFirst(t *testing.T) {
	c, p := blockedMonth(t)
	creator, _ := c.Plan("creator")
	q, err := c.Quote(p)
	if err != nil {
		t.Fatal(err)
	}
	y := c.Year(p, creator, pricing.Monthly)
	yearBlocked := c.Blocked(creator, p)
	fit := c.Fit(p, creator, pricing.WholeCredits(1000))
	docs := map[string]func(*bytes.Buffer, Format) error{
		"quote": func(b *bytes.Buffer, f Format) error { return WriteQuote(b, q, f) },
		"year":  func(b *bytes.Buffer, f Format) error { return WriteYearBlocked(b, y, yearBlocked, f) },
		"fit":   func(b *bytes.Buffer, f Format) error { return WriteFit(b, fit, f) },
	}
	for name, write := range docs {
		for _, f := range []Format{Text, Markdown} {
			out := string(render(t, func(b *bytes.Buffer) error { return write(b, f) }))
			at := strings.Index(out, "Creator cannot make this month: ")
			if at < 0 {
				t.Errorf("%s %v does not say Creator cannot make the month:\n%s", name, f, out)
				continue
			}
			for _, figure := range []string{"Cost", "This will use", "this month (", "brings the month within", "Year on monthly"} {
				if i := strings.Index(out, figure); i >= 0 && i < at {
					t.Errorf("%s %v says %q before the block:\n%s", name, f, figure, out)
				}
			}
			if !strings.Contains(out[at:], "Webinar") {
				t.Errorf("%s %v: the block does not name the 45-minute video:\n%s", name, f, out)
			}
		}
		out := render(t, func(b *bytes.Buffer) error { return write(b, JSON) })
		var doc struct {
			CanMake *bool    `json:"can_make"`
			Blocked []string `json:"blocked"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.CanMake == nil || *doc.CanMake || len(doc.Blocked) == 0 {
			t.Errorf("%s json: can_make %v, blocked %q", name, doc.CanMake, doc.Blocked)
		}
		first := bytes.Index(out, []byte(`"premium_credits`))
		if name == "year" {
			first = bytes.Index(out, []byte(`"month_credits"`))
		}
		if b := bytes.Index(out, []byte(`"blocked"`)); b < 0 || first < 0 || b > first {
			t.Errorf("%s json: blocked comes after the credits:\n%s", name, out)
		}
		rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error { return write(b, CSV) }))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for i, h := range rows[0] {
			if h == "blocked" {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("%s csv has no blocked column: %q", name, rows[0])
		}
		for _, r := range rows[1:] {
			if !strings.Contains(r[col], "Webinar") {
				t.Errorf("%s csv row %q: blocked %q", name, r, r[col])
			}
		}
	}
	if v := FitVerdict(fit); strings.Contains(v, "within the balance") && !strings.HasPrefix(v, "Creator cannot make") {
		t.Errorf("fit verdict: %q", v)
	}
}
