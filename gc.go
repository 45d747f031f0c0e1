package main

import (
	"runtime/debug"

	"creditplan/pricing"
)

// batchHeapLimit is the heap past which a batch command collects garbage as
// often as it must, whatever the GC percentage says.
const batchHeapLimit = 512 << 20

// batchGCPercent lets a batch command's heap grow to five times what was live
// after the last collection before collecting again: decoding a month's TOML
// allocates a tree that is garbage moments later, and at Go's default (100) a
// big month's quote spends a fifth of its time collecting it. A plain
// percentage does about as well as switching the collector off, with less
// memory (docs/performance.md has the figures and how to measure them).
const batchGCPercent = 400

// relaxGC sets a batch command's garbage collection: batchGCPercent, with
// batchHeapLimit as the bound, so even the largest month allowed (50,000
// videos) peaks near the limit, not at five times its live heap.
func relaxGC() {
	debug.SetMemoryLimit(batchHeapLimit)
	debug.SetGCPercent(batchGCPercent)
}

// decodeGCPercent is the collector's percentage while a batch command
// decodes a project smaller than the size from which the loader collects
// itself (pricing.CollectGarbageFrom): the decoder's garbage then never
// reaches a collection at all, where at batchGCPercent a 10,000-video month
// (0.7 MB) is collected a few times mid-decode, with its write barriers on
// (docs/performance.md, "Garbage collection"). The command's own work runs at
// batchGCPercent again, so the memory a fit builds is collected as before.
const decodeGCPercent = 1600

// decodeGC sets the collector for decoding a project of size bytes and
// returns what puts it back.
func decodeGC(size int) func() {
	if size >= pricing.CollectGarbageFrom {
		return func() {}
	}
	old := debug.SetGCPercent(decodeGCPercent)
	return func() { debug.SetGCPercent(old) }
}
