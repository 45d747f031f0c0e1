package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestRightSizeGolden pins every format of right-sizing for every example month.
func TestRightSizeGolden(t *testing.T) {
	for _, m := range exampleMonths {
		c, p := loadMonth(t, m.card, m.project)
		r := c.RightSize(p)
		for _, f := range []Format{Text, JSON, Markdown, CSV} {
			t.Run(m.name+"/"+f.String(), func(t *testing.T) {
				golden.RequireEqual(t, render(t, func(b *bytes.Buffer) error { return WriteRightSize(b, r, f) }))
			})
		}
	}
}

// TestRightSizeJSONEmbeds: the value RightSizeJSON returns marshals inside
// another document (as the compare writer may embed it) to the same object
// WriteRightSize writes on its own, less the card it starts with.
func TestRightSizeJSONEmbeds(t *testing.T) {
	c, p := loadMonth(t, "../../plans.toml", "../../examples/creator-month.toml")
	r := c.RightSize(p)
	alone := render(t, func(b *bytes.Buffer) error { return WriteRightSize(b, r, JSON) })
	embedded, err := json.Marshal(map[string]any{"right_size": RightSizeJSON(r)})
	if err != nil {
		t.Fatal(err)
	}
	var a, e map[string]any
	if err := json.Unmarshal(alone, &a); err != nil {
		t.Fatal(err)
	}
	if a["card"] == nil {
		t.Fatal("right-sizing alone does not name its card")
	}
	delete(a, "card") // the embedding document names the card itself
	if err := json.Unmarshal(embedded, &e); err != nil {
		t.Fatal(err)
	}
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(e["right_size"])
	if !bytes.Equal(x, y) {
		t.Fatalf("embedded %s\nalone %s", y, x)
	}
}
