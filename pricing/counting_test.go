package pricing

import "testing"

// TestCountsAreGroupedLikeCredits: every count a person reads is grouped in
// thousands, as credits and money are ("100,000 videos", never "100000").
func TestCountsAreGroupedLikeCredits(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Count(0), "0"},
		{Count(999), "999"},
		{Count(1000), "1,000"},
		{Count(int64(-1234567)), "-1,234,567"},
		{Plural(1, "video"), "1 video"},
		{Plural(0, "video"), "0 videos"},
		{Plural(100000, "video"), "100,000 videos"},
		{TopUpPurchase{Packs: []PackCount{{Count: 5583, TopUp: &TopUp{Name: "Pack"}}}}.Describe(&RateCard{Currency: "USD"})[:len("5,583 × Pack")], "5,583 × Pack"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
