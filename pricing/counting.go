package pricing

// Count writes a whole number for people, grouped in thousands as credits and
// money are: 100000 is "100,000". Counts of videos, packs, changes and
// re-renders all go through it, so no output mixes "100000" with "100,000".
func Count[T ~int | ~int64](n T) string { return formatFixed(int64(n), 0, true) }

// AppendCount appends n as Count writes it.
func AppendCount[T ~int | ~int64](dst []byte, n T) []byte { return appendFixed(dst, int64(n), 0, true) }

// AppendPlural appends n and its noun as Plural writes them.
func AppendPlural[T ~int | ~int64](dst []byte, n T, word string) []byte {
	if n == 1 {
		return append(append(dst, "1 "...), word...)
	}
	dst = append(AppendCount(dst, n), ' ')
	return append(append(dst, word...), 's')
}

// Plural words a count with its noun: "1 video", "100,000 videos". The noun
// takes a plain "s"; every noun the outputs count does.
func Plural[T ~int | ~int64](n T, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return Count(n) + " " + word + "s"
}
