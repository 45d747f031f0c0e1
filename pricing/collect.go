package pricing

import "runtime"

// CollectGarbageFrom is the source size from which loading a file collects
// garbage at its two turning points: once the decoder is done (its record of
// every key's position and type, and its copies of the text, are garbage), and
// once the videos are read (the decoded tree is garbage). The commands run the
// collector lazily (gc.go), so without these the largest month's peak memory
// holds both beside the videos and the quote; with them the videos and the
// quote reuse that memory. Each collection marks what is live, which a small
// file's few megabytes of garbage do not repay, so a small file skips them
// (docs/performance.md, "Garbage collection", has the measurements).
const CollectGarbageFrom = 1 << 20

// collectAfter collects garbage when src is big enough to make it pay.
func collectAfter(src []byte) {
	if len(src) >= CollectGarbageFrom {
		runtime.GC()
	}
}
