package pricing

import (
	"strings"
	"testing"
)

// A derived number is marked only when what it rests on is an estimate: the
// month's credits on a used feature's estimated rate, the grant on the
// plan's credits marks, a cost on its billing's price mark, and a cost that
// buys top-ups on the packs and on the credit figures.
func TestDerivedMarksFollowWhatTheNumbersRestOn(t *testing.T) {
	const avatarPro = `
[[features]]
id = "avatar-pro"
name = "Avatar Pro"
slot = "avatar"
premium = true
rate = 20
unit = "minute"
`
	plan := func(extra string) string {
		return "\n[[plans]]\nid = \"starter\"\nname = \"Starter\"\nmonthly_price = 29\nannual_price = 24\ncredits = 200\n" + extra
	}
	const month = "plan = \"starter\"\n[[videos]]\nname = \"Intro\"\nlength = \"1m\"\navatar = \"%s\"\n"
	for _, c := range []struct {
		name, card, avatar string
		want               DerivedMarks
	}{
		{"no estimates", plan("") + avatarPro, "avatar-pro", DerivedMarks{}},
		{"estimated credits", plan("estimated = [\"credits\"]\nwhy = \"a guess\"\n") + avatarPro, "avatar-pro", DerivedMarks{Grant: true}},
		{"estimated annual price", plan("estimated = [\"annual_price\"]\nwhy = \"a guess\"\n") + avatarPro, "avatar-pro",
			DerivedMarks{Price: [2]bool{false, true}}},
		{"estimated rate, used", plan("") + avatarPro + "estimated = [\"rate\"]\nwhy = \"a guess\"\n", "avatar-pro", DerivedMarks{Need: true}},
		{"estimated rate, unused", plan("") + avatarPro + "estimated = [\"rate\"]\nwhy = \"a guess\"\n", "basic-avatar", DerivedMarks{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			card := mustCard(t, 1, c.card)
			p, err := ParseProject("month.toml", []byte(strings.Replace(month, "%s", c.avatar, 1)), card)
			if err != nil {
				t.Fatal(err)
			}
			y := card.Year(p, &card.Plans[0], Monthly)
			if y.Marks != c.want {
				t.Errorf("year marks %+v, want %+v", y.Marks, c.want)
			}
			rs := card.RightSize(p)
			if len(rs.Options) == 0 {
				t.Fatal("no way to make the month")
			}
			if got := rs.Marks(&rs.Options[0]); got != c.want {
				t.Errorf("right-size marks %+v, want %+v", got, c.want)
			}
			d := c.want
			if (d.CostMark(Monthly, false) != "") != d.Price[0] || (d.CostMark(Annual, false) != "") != d.Price[1] {
				t.Errorf("cost marks without top-ups follow the price marks only: %+v", d)
			}
			if (d.CostMark(Monthly, true) != "") != (d.Price[0] || d.Need || d.Grant) {
				t.Errorf("a cost that buys top-ups rests on the credit figures too: %+v", d)
			}
		})
	}
}
