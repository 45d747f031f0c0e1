package pricing

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestParseOneTimeNeeds: ids or names, a month after them (1 when left
// out); the charges the month pays keep their order; every problem in one
// line.
func TestParseOneTimeNeeds(t *testing.T) {
	c := defaultCard(t)
	was := []OneTimeNeed{{"photo-avatar-training", 1}, {"studio-avatar", 2}}
	got, err := c.ParseOneTimeNeeds("studio-avatar 3, Photo avatar training", "creator", was)
	if err != nil {
		t.Fatal(err)
	}
	// Typed studio first, but the month already paid both: their order stays.
	if want := []OneTimeNeed{{"photo-avatar-training", 1}, {"studio-avatar", 3}}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if text := OneTimeNeedsText(got); text != "photo-avatar-training, studio-avatar 3" {
		t.Errorf("text %q", text)
	}
	back, err := c.ParseOneTimeNeeds(OneTimeNeedsText(got), "creator", got)
	if err != nil || !slices.Equal(back, got) {
		t.Errorf("the text does not read back: %v %v", back, err)
	}
	// A new charge follows the ones paid.
	got, err = c.ParseOneTimeNeeds("studio-avatar 5, photo-avatar-training 2", "pro", []OneTimeNeed{{"studio-avatar", 1}})
	if want := []OneTimeNeed{{"studio-avatar", 5}, {"photo-avatar-training", 2}}; err != nil || !slices.Equal(got, want) {
		t.Errorf("got %v %v, want %v", got, err, want)
	}
	if got, err := c.ParseOneTimeNeeds("  ", "creator", was); err != nil || got != nil {
		t.Errorf("empty text: %v %v, want none", got, err)
	}
	_, err = c.ParseOneTimeNeeds("studio-avatr, photo-avatar-training 13, studio-avatar 0, photo-avatar-training, Photo Avatar Training", "creator", nil)
	if err == nil {
		t.Fatal("read")
	}
	for _, want := range []string{
		`unknown one-time charge "studio-avatr" (did you mean "studio-avatar"?); choose one of: studio-avatar, photo-avatar-training`,
		"photo-avatar-training: the month must be 1-12 (1 is the month quoted), not 13",
		"studio-avatar: the month must be 1-12 (1 is the month quoted), not 0",
		"photo-avatar-training is named twice; a charge is paid once",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no %q in %v", want, err)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("the problems are not one line: %q", err)
	}
	_, err = c.ParseOneTimeNeeds("studio-avatar", "free", nil)
	if want := "Custom Studio Avatar setup is not offered on Free; plans that offer it: Creator, Pro, Business, Enterprise"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	// A name that ends in a number is the charge's, not a month.
	numbered := *c
	numbered.OneTime = append([]OneTimeCharge{{ID: "training-2", Name: "Training 2026", Price: 100}}, c.OneTime...)
	if got, err := numbered.ParseOneTimeNeeds("Training 2026, Training 2026 4", "creator", nil); err == nil || !strings.Contains(err.Error(), "named twice") {
		t.Errorf("a name ending in a number: %v %v", got, err)
	}
	if got, err := numbered.ParseOneTimeNeeds("training 2026 4", "creator", nil); err != nil || len(got) != 1 || got[0].Month != 4 {
		t.Errorf("a name ending in a number, then its month: %v %v", got, err)
	}
	_, err = c.ParseOneTimeNeeds("studio-avatar \x1b[2J", "creator", nil)
	if err == nil || strings.ContainsRune(err.Error(), 0x1b) {
		t.Errorf("an escape typed: %q", err)
	}
}

// TestEditProjectKeepsOneTimeTables: a save changes a charge's month in its
// own line, drops a charge with its comment, and appends a new one; every
// other byte stays, and the file reads back as the month.
func TestEditProjectKeepsOneTimeTables(t *testing.T) {
	c := defaultCard(t)
	src, err := os.ReadFile("../examples/studio-avatar-month.toml")
	if err != nil {
		t.Fatal(err)
	}
	saved, err := ParseProject("m.toml", src, c)
	if err != nil {
		t.Fatal(err)
	}
	for i := range saved.Videos {
		saved.Videos[i].ID = i + 1
	}
	moved := saved.Clone()
	moved.OneTime = []OneTimeNeed{{"photo-avatar-training", 1}, {"studio-avatar", 4}}
	out, kept := EditProject(src, saved, moved, c)
	if want := strings.Replace(string(src), "id = \"studio-avatar\"\nmonth = 2\n", "id = \"studio-avatar\"\nmonth = 4\n", 1); !kept || string(out) != want {
		t.Fatalf("kept %v; a new month is one line:\n%s", kept, out)
	}
	dropped := saved.Clone()
	dropped.OneTime = []OneTimeNeed{{"studio-avatar", 2}}
	out, kept = EditProject(src, saved, dropped, c)
	if want := strings.Replace(string(src), "[[one_time]]\nid = \"photo-avatar-training\" # month 1, the month quoted\n\n", "", 1); !kept || string(out) != want {
		t.Fatalf("kept %v; a charge dropped takes its table:\n%s", kept, out)
	}
	// Dropped, then added back in month 3: after the charges kept, above the videos.
	readded := dropped.Clone()
	readded.OneTime = append(readded.OneTime, OneTimeNeed{"photo-avatar-training", 3})
	out2, kept := EditProject(out, dropped, readded, c)
	if !kept || !strings.Contains(string(out2), "month = 2\n\n[[one_time]]\nid = \"photo-avatar-training\"\nmonth = 3\n\n[[videos]]") ||
		!strings.Contains(string(out2), "budget = 60 # dollars, the card's currency") {
		t.Fatalf("kept %v:\n%s", kept, out2)
	}
	back, err := ParseProject("m.toml", out2, c)
	if err != nil || !SameProject(back, readded) {
		t.Fatalf("the save does not read back: %v", err)
	}
	// None at all: both tables go, the videos stay.
	none := saved.Clone()
	none.OneTime = nil
	out, kept = EditProject(src, saved, none, c)
	if !kept || strings.Contains(string(out), "one_time") || !strings.Contains(string(out), "# A creator's month") {
		t.Fatalf("kept %v:\n%s", kept, out)
	}
	// A first charge goes above the videos, a blank line after it.
	first := none.Clone()
	first.OneTime = []OneTimeNeed{{"studio-avatar", 5}}
	out3, kept := EditProject(out, none, first, c)
	if !kept || !strings.Contains(string(out3), "\n[[one_time]]\nid = \"studio-avatar\"\nmonth = 5\n\n[[videos]]") {
		t.Fatalf("kept %v:\n%s", kept, out3)
	}
}
