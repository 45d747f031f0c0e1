package pricing

import (
	"os"
	"regexp"
	"testing"
)

// TestDocMapsRulesToFilesThatExist: the package overview's map of rules to
// files names only files the package has, so a newcomer following it finds
// each rule where it says.
func TestDocMapsRulesToFilesThatExist(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	names := regexp.MustCompile(`(?m)\b[a-z]+\.go\b`).FindAllString(string(src), -1)
	if len(names) < 30 {
		t.Fatalf("doc.go names only %d files", len(names))
	}
	for _, name := range names {
		if _, err := os.Stat(name); err != nil {
			t.Errorf("doc.go names %s: %v", name, err)
		}
	}
}
