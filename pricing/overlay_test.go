package pricing

import (
	"os"
	"strings"
	"testing"
)

func TestOverlayExample(t *testing.T) {
	c := defaultCard(t)
	src, err := os.ReadFile("../examples/acme-pricing.toml")
	if err != nil {
		t.Fatal(err)
	}
	nc, _, err := c.LoadOverlay("acme-pricing.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, ch := range nc.Custom.Changes {
		lines = append(lines, ch.Line())
	}
	t.Log("\n" + strings.Join(lines, "\n"))
	t.Log(nc.Custom.Warnings)
}
