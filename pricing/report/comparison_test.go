package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestComparisonGolden pins every format of what `creditplan compare` prints:
// the comparison followed by right-sizing and, for a month with scenarios
// (sales-demo), the scenarios side by side, for every example month.
func TestComparisonGolden(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		cmp, rs, sc := c.Compare(p), c.RightSize(p), c.SideBySide(p)
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteComparisonScenarios(b, cmp, rs, sc, f) }))
			})
		}
	}
}

// TestComparisonTextIsTheComparisonThenRightSizing: the text is exactly the
// comparison, a blank line, and the right-sizing section without the blocked
// and contact-sales plans the comparison already lists.
func TestComparisonTextIsTheComparisonThenRightSizing(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	cmp, rs := c.Compare(p), c.RightSize(p)
	both := string(render(t, func(b *bytes.Buffer) error { return WriteComparison(b, cmp, rs, Text) }))
	alone := string(render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, Text) }))
	// The estimate footnotes end the document, after the right-sizing.
	alone, _, _ = strings.Cut(alone, "\nEstimates (")
	rest, ok := strings.CutPrefix(both, alone+"\n")
	if !ok {
		t.Fatalf("the comparison is not printed first, unchanged:\n%s", both)
	}
	if !strings.HasPrefix(rest, RightSizeLine(rs)+"\n") {
		t.Fatalf("right-sizing does not follow with its one-line answer:\n%s", rest)
	}
	// Free is blocked on this month, and Enterprise has no price: the
	// comparison's table and "Blocked on Free" say so; the section does not repeat it.
	if len(rs.Blocked) == 0 || len(rs.ContactSales) == 0 {
		t.Fatalf("the example changed: blocked %d, contact sales %d", len(rs.Blocked), len(rs.ContactSales))
	}
	if strings.Contains(rest, "cannot make this month") || strings.Contains(rest, "contact sales (no public price)") {
		t.Fatalf("right-sizing repeats the plans the comparison lists:\n%s", rest)
	}
	for i := range rs.BreakEvens {
		if !strings.Contains(rest, rs.BreakEvens[i].Text(c)) {
			t.Errorf("break-even %q missing:\n%s", rs.BreakEvens[i].Text(c), rest)
		}
	}
}

// TestComparisonJSONEmbedsRightSize: the compare document keeps every key of
// the comparison and adds right_size, the same object WriteRightSize writes.
func TestComparisonJSONEmbedsRightSize(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/sales-demo.toml")
	cmp, rs := c.Compare(p), c.RightSize(p)
	var both, alone, rightSize map[string]any
	for out, doc := range map[*map[string]any][]byte{
		&both:      render(t, func(b *bytes.Buffer) error { return WriteComparison(b, cmp, rs, JSON) }),
		&alone:     render(t, func(b *bytes.Buffer) error { return WriteCompare(b, cmp, JSON) }),
		&rightSize: render(t, func(b *bytes.Buffer) error { return WriteRightSize(b, rs, JSON) }),
	} {
		if err := json.Unmarshal(doc, out); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := alone["right_size"]; ok {
		t.Fatal("WriteCompare alone must not carry right_size")
	}
	for k, v := range alone {
		x, _ := json.Marshal(v)
		y, _ := json.Marshal(both[k])
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs: %s vs %s", k, y, x)
		}
	}
	delete(rightSize, "card") // the comparison names the card once, at its top
	x, _ := json.Marshal(both["right_size"])
	y, _ := json.Marshal(rightSize)
	if !bytes.Equal(x, y) || both["right_size"] == nil {
		t.Fatalf("right_size %s\nwant %s", x, y)
	}
}

// TestComparisonCSVAddsTheCheapestWayPerPlan: one row per plan, every row the
// header's width; each plan that can make the month names its cheaper billing
// and month cost from right-sizing, and exactly the best one is marked.
func TestComparisonCSVAddsTheCheapestWayPerPlan(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	cmp, rs := c.Compare(p), c.RightSize(p)
	rows, err := csv.NewReader(bytes.NewReader(render(t, func(b *bytes.Buffer) error {
		return WriteComparison(b, cmp, rs, CSV)
	}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(c.Plans)+1 {
		t.Fatalf("%d rows for %d plans", len(rows), len(c.Plans))
	}
	head := rows[0]
	n := len(head) - len(csvCardColumns) - len(csvSalesColumns) // the sales and card columns come last
	if strings.Join(head[n-3:n], ",") != "cheapest_billing,cheapest_month_cost,cheapest_overall" {
		t.Fatalf("header %v", head)
	}
	best := 0
	for i, r := range rows[1:] {
		plan := &c.Plans[i]
		var want []string
		for j := range rs.Options {
			if o := &rs.Options[j]; o.Plan == plan {
				want = []string{o.Billing.Key(), o.Total.Plain()}
				break
			}
		}
		got := r[n-3 : n-1]
		if (want == nil && (got[0] != "" || got[1] != "")) || (want != nil && (got[0] != want[0] || got[1] != want[1])) {
			t.Errorf("%s: cheapest %v, want %v", plan.ID, got, want)
		}
		if r[n-1] == "true" {
			best++
			if rs.Best == nil || rs.Best.Plan != plan {
				t.Errorf("%s marked cheapest overall; right-sizing says %v", plan.ID, rs.Best)
			}
		}
	}
	if best != 1 {
		t.Errorf("%d plans marked cheapest overall, want 1", best)
	}
}

// TestScenariosGolden pins every format of the scenarios on their own, as
// the planner's e exports the Scenarios screen.
func TestScenariosGolden(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/sales-demo.toml")
	rows := c.SideBySide(p)
	for _, f := range []Format{Text, JSON, Markdown, CSV} {
		t.Run(f.String(), func(t *testing.T) {
			golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteScenarios(b, c, rows, f) }))
		})
	}
	if err := WriteScenarios(&bytes.Buffer{}, c, nil, Text); err == nil {
		t.Error("no rows wrote something")
	}
}
