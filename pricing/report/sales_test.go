package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"creditplan/pricing"
)

// salesDemo is examples/sales-demo.toml as the command line prices it: its
// negotiated pricing (acme-pricing.toml) laid over plans.toml, for its
// customer, prepared on the tests' day.
func salesDemo(t testing.TB) (*pricing.RateCard, *pricing.Project) {
	t.Helper()
	c := loadCard(t, "../../plans.toml")
	src, err := os.ReadFile("../../examples/sales-demo.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := pricing.ParseProject("sales-demo.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	osrc, err := os.ReadFile(filepath.Join("../../examples", p.PricingFile))
	if err != nil {
		t.Fatal(err)
	}
	nc, _, err := c.LoadOverlay(p.PricingFile, osrc)
	if err != nil {
		t.Fatal(err)
	}
	return nc.ForCustomer(p, testToday), p
}

// TestSalesGolden: the quote, comparison, fit and year of the sales demo in
// every format, with its customer, stamp, custom-pricing badge and changes,
// and estimate footnotes.
func TestSalesGolden(t *testing.T) {
	c, p := salesDemo(t)
	q := quoteOf(t, c, p)
	cu, err := c.CuresQuote(q, p)
	if err != nil {
		t.Fatal(err)
	}
	fit, err := c.FitProject(p)
	if err != nil {
		t.Fatal(err)
	}
	y, err := c.YearProject(p)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]func(b *bytes.Buffer, f Format) error{
		"quote":   func(b *bytes.Buffer, f Format) error { return WriteQuoteCures(b, q, cu, f) },
		"compare": func(b *bytes.Buffer, f Format) error { return WriteComparison(b, c.Compare(p), c.RightSize(p), f) },
		"fit":     func(b *bytes.Buffer, f Format) error { return WriteFit(b, fit, f) },
		"year":    func(b *bytes.Buffer, f Format) error { return WriteYearBlocked(b, y, c.Blocked(y.Plan, p), f) },
	}
	for name, write := range docs {
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				out := render(t, func(b *bytes.Buffer) error { return write(b, f) })
				// The customer's notes are internal: in no output, any format.
				if bytes.Contains(out, []byte("Renewal in March")) || bytes.Contains(out, []byte("notes")) {
					t.Errorf("the customer's notes are in the %s %s", name, f)
				}
				for _, want := range []string{"2026-12-03", "2027-01-02", "acme-pricing.toml", "Acme Corp"} {
					if !bytes.Contains(out, []byte(want)) {
						t.Errorf("the %s %s lacks %q", name, f, want)
					}
				}
				if f == Text && !bytes.Contains(out, []byte("prepared 2026-12-03, valid until 2027-01-02")) {
					t.Errorf("the %s text has no stamp", name)
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// TestSalesJSONKeys: quote and compare JSON carry customer, prepared_on,
// valid_until, custom_pricing{file,changes[]{what,list,yours}} and
// estimates[]{what,why}, as the issue names them.
func TestSalesJSONKeys(t *testing.T) {
	c, p := salesDemo(t)
	var doc struct {
		Customer *struct {
			Name, Company string
			PreparedBy    string `json:"prepared_by"`
		} `json:"customer"`
		PreparedOn    string `json:"prepared_on"`
		ValidUntil    string `json:"valid_until"`
		CustomPricing *struct {
			File    string `json:"file"`
			Changes []struct{ What, List, Yours string }
		} `json:"custom_pricing"`
		Estimates []struct{ What, Why string } `json:"estimates"`
	}
	for name, write := range map[string]func(b *bytes.Buffer) error{
		"quote":   func(b *bytes.Buffer) error { return WriteQuote(b, quoteOf(t, c, p), JSON) },
		"compare": func(b *bytes.Buffer) error { return WriteCompare(b, c.Compare(p), JSON) },
	} {
		if err := json.Unmarshal(render(t, write), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Customer == nil || doc.Customer.Company != "Acme Corp" || doc.Customer.PreparedBy != "Sam Seller" ||
			doc.PreparedOn != "2026-12-03" || doc.ValidUntil != "2027-01-02" {
			t.Errorf("%s: customer %+v, %s to %s", name, doc.Customer, doc.PreparedOn, doc.ValidUntil)
		}
		if doc.CustomPricing == nil || doc.CustomPricing.File != "acme-pricing.toml" || len(doc.CustomPricing.Changes) == 0 {
			t.Fatalf("%s: custom pricing %+v", name, doc.CustomPricing)
		}
		ch := doc.CustomPricing.Changes[0]
		if ch.What != "Pro monthly price (15% off)" || ch.List != "$99.00" || ch.Yours != "$84.15" {
			t.Errorf("%s: first change %+v", name, ch)
		}
		if len(doc.Estimates) == 0 || doc.Estimates[0].Why == "" {
			t.Errorf("%s: estimates %+v", name, doc.Estimates)
		}
	}
	// Without a customer or an overlay: null, and still the dates.
	plain := loadCard(t, "../../plans.toml").ForCustomer(&pricing.Project{}, testToday)
	out := string(render(t, func(b *bytes.Buffer) error { return WriteCompare(b, plain.Compare(p), JSON) }))
	for _, want := range []string{`"customer": null`, `"custom_pricing": null`, `"prepared_on": "2026-12-03"`} {
		if !strings.Contains(out, want) {
			t.Errorf("a plain comparison lacks %s", want)
		}
	}
}
