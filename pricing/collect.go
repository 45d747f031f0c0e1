package pricing

import "runtime"

// collectGarbageFrom is the source size from which loading a file collects
// garbage at its two turning points: once the decoder is done (its record of
// every key's position and type, and its copies of the text, are garbage), and
// once the videos are read (the decoded tree is garbage). The commands run the
// collector lazily (gc.go: five times the live heap), so without these the
// largest month's peak memory holds both, twice the decoder's own; with them
// the videos and the quote reuse that memory. Each collection costs a mark of
// what is live, a few milliseconds on a big month, so a small file, whose
// garbage is a few megabytes, skips them. 1 MiB is about 15,000 short videos.
const collectGarbageFrom = 1 << 20

// collectAfter collects garbage when src is big enough to make it pay.
func collectAfter(src []byte) {
	if len(src) >= collectGarbageFrom {
		runtime.GC()
	}
}
