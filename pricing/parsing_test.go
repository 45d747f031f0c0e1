package pricing

import (
	"strings"
	"testing"
)

// TestBalanceIsReadOneWay: --balance and the planner read a typed balance with
// the same rule and the same sentence, "1,000" included.
func TestBalanceIsReadOneWay(t *testing.T) {
	c := standardCard(t) // precision 1
	for _, tc := range []struct {
		text string
		want Credits
		err  string
	}{
		{"200", cr("200"), ""},
		{" 12.5 ", cr("12.5"), ""},
		{"1,000", 0, `balance "1,000": `},
		{"abc", 0, `(give credits like 200 or 12.5)`},
		{"1.25", 0, `balance "1.25": 1.25 has 2 decimals; this card allows 1 decimal`},
	} {
		got, err := c.ReadBalance(tc.text)
		if tc.err == "" {
			if err != nil || got != tc.want {
				t.Errorf("ReadBalance(%q) = %s, %v; want %s", tc.text, got, err, tc.want)
			}
			if CheckBalance(tc.text) != nil {
				t.Errorf("CheckBalance(%q) refuses a balance the card reads", tc.text)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ReadBalance(%q) error %v, want it to say %q", tc.text, err, tc.err)
		}
		if syntaxErr := CheckBalance(tc.text); syntaxErr != nil && syntaxErr.Error() != err.Error() {
			t.Errorf("CheckBalance(%q) says %q, ReadBalance %q", tc.text, syntaxErr, err)
		}
	}
}

// TestProjectFilesReadBillingAsTheFlagDoes: a project file's billing is read
// by ParseBilling, so it accepts what --billing accepts and refuses the rest
// in its own file:line:col form.
func TestProjectFilesReadBillingAsTheFlagDoes(t *testing.T) {
	c := standardCard(t)
	for _, text := range []string{"monthly", "annual", "annually", "yearly", "year", "Annual", "weekly"} {
		src := "plan = \"starter\"\nbilling = \"" + text + "\"\n"
		p, err := ParseProject("month.toml", []byte(src), c)
		want, flagErr := ParseBilling(text)
		if (err == nil) != (flagErr == nil) {
			t.Errorf("billing %q: project file error %v, --billing error %v", text, err, flagErr)
			continue
		}
		if err == nil && p.Billing != want {
			t.Errorf("billing %q: project reads %v, --billing %v", text, p.Billing, want)
		}
		if err != nil && !strings.Contains(err.Error(), "month.toml:2:1: billing: unknown billing") ||
			err != nil && !strings.Contains(err.Error(), "choose one of: monthly, annual") {
			t.Errorf("billing %q: %v", text, err)
		}
	}
}

// TestVolumeStepsOnTheTenths: a month's multiplier steps to the next tenth up
// or down, and never leaves 0 to MaxVolume.
func TestVolumeStepsOnTheTenths(t *testing.T) {
	for _, tc := range []struct {
		cur      int64
		up, down int64
	}{
		{VolumeAsPlanned, 1100, 900},
		{1250, 1300, 1200},
		{0, 100, 0},
		{50, 100, 0},
		{MaxVolume, MaxVolume, MaxVolume - VolumeStep},
	} {
		if got := StepVolume(tc.cur, true); got != tc.up {
			t.Errorf("StepVolume(%d, up) = %d, want %d", tc.cur, got, tc.up)
		}
		if got := StepVolume(tc.cur, false); got != tc.down {
			t.Errorf("StepVolume(%d, down) = %d, want %d", tc.cur, got, tc.down)
		}
	}
	if VolumeText(1250) != "1.25" || VolumeText(VolumeAsPlanned) != "1" {
		t.Errorf("VolumeText(1250) = %q, VolumeText(1000) = %q", VolumeText(1250), VolumeText(1000))
	}
}

// TestRolloverIsWordedOnce: each rollover rule has one sentence.
func TestRolloverIsWordedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range []Rollover{RolloverNone, RolloverNextCycle, RolloverUntilRenewal} {
		txt := r.Text()
		if !strings.HasPrefix(txt, "unused credits ") || seen[txt] {
			t.Errorf("rollover %s: %q", r.Key(), txt)
		}
		seen[txt] = true
	}
}
