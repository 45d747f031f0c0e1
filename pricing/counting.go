package pricing

// Count writes a whole number for people, grouped in thousands as credits and
// money are: 100000 is "100,000". Counts of videos, packs, changes and
// re-renders all go through it, so no output mixes "100000" with "100,000".
func Count[T ~int | ~int64](n T) string { return formatFixed(int64(n), 0, true) }

// Plural words a count with its noun: "1 video", "100,000 videos". The noun
// takes a plain "s"; every noun the outputs count does.
func Plural[T ~int | ~int64](n T, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return Count(n) + " " + word + "s"
}
