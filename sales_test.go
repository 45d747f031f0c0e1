package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"creditplan/pricing"
	"creditplan/ui"
)

// plannerOptions runs the planner command in-process on args and returns
// the Options it would start with.
func plannerOptions(t *testing.T, env map[string]string, args ...string) (ui.Options, int, string) {
	t.Helper()
	var got ui.Options
	var errb bytes.Buffer
	a := &app{stdout: &bytes.Buffer{}, stderr: &errb, interactive: func() bool { return true },
		runPlanner: func(o ui.Options) error { got = o; return nil },
		getenv:     func(k string) string { return env[k] },
		now:        func() time.Time { return time.Date(2026, 12, 3, 23, 59, 0, 0, time.UTC) }}
	code := a.run(args)
	return got, code, errb.String()
}

// The planner opens on the project's negotiated pricing, for its customer,
// with today's date and the warnings the salesperson must see.
func TestPlannerGetsTheSalesContext(t *testing.T) {
	o, code, stderr := plannerOptions(t, nil, "examples/sales-demo.toml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if o.Today != (pricing.Date{Year: 2026, Month: 12, Day: 3}) {
		t.Errorf("today %v, want the clock's 2026-12-03", o.Today)
	}
	if o.PricingFile != "examples/acme-pricing.toml" || o.Card.Custom == nil || o.Card.Custom.File != "acme-pricing.toml" {
		t.Errorf("pricing %q, custom %+v", o.PricingFile, o.Card.Custom)
	}
	if o.Project.Customer == nil || o.Project.Customer.Company != "Acme Corp" || o.Card.Sales == nil ||
		o.Card.Sales.Stamp() != "prepared 2026-12-03, valid until 2027-01-02" {
		t.Errorf("customer %+v, sales %+v", o.Project.Customer, o.Card.Sales)
	}
	if p, _ := o.Card.Plan("pro"); p.MonthlyPrice != 84_1500 {
		t.Errorf("Pro is %v in the planner, want Acme's $84.15", p.MonthlyPrice.Plain())
	}

	// --pricing wins; CREDITPLAN_TODAY wins over the clock; a bad overlay stops the planner.
	o, code, _ = plannerOptions(t, map[string]string{todayEnv: "2028-02-29"}, "--pricing", "testdata/nothing.toml", "examples/sales-demo.toml")
	if code != 1 {
		t.Errorf("a missing --pricing file: exit %d", code)
	}
	bad := writeFile(t, "bad.toml", "[overlay]\ncard = \"HeyGen Premium Credits\"\n[plans.prp]\ncredits = 1\n")
	_, code, stderr = plannerOptions(t, map[string]string{todayEnv: "2028-02-29"}, "--pricing", bad, "examples/sales-demo.toml")
	if code != 1 || !strings.Contains(stderr, `unknown plan "prp"`) {
		t.Errorf("a bad overlay: exit %d, %s", code, stderr)
	}
	_, code, stderr = plannerOptions(t, map[string]string{todayEnv: "tomorrow"}, "examples/sales-demo.toml")
	if code != 2 || !strings.Contains(stderr, "CREDITPLAN_TODAY") {
		t.Errorf("a bad CREDITPLAN_TODAY: exit %d, %s", code, stderr)
	}

	// A past valid_until reaches the planner as a warning, not an error.
	past := writeFile(t, "past.toml", "plan = \"creator\"\n[customer]\nname = \"Dana\"\nvalid_until = 2026-01-01\n")
	o, code, _ = plannerOptions(t, map[string]string{todayEnv: "2026-12-03"}, past)
	if code != 0 || len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "has expired") {
		t.Errorf("exit %d, warnings %q", code, o.Warnings)
	}
	if o.Card.Custom != nil || o.PricingFile != "" {
		t.Error("a project without pricing opened with custom pricing")
	}
}
