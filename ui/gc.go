package ui

import "runtime/debug"

// plannerGCPercent lets the planner's heap grow to five times what was live
// after the last collection before collecting again, as the batch commands
// do: a key on a big month makes a new quote (a new array of video entries
// and a new list of alternatives, both as long as the month) while the old
// one becomes garbage, and at Go's default (100) the collector marks the whole
// month every few keys. plannerHeapLimit bounds the heap whatever the
// percentage says, so the largest month collects sooner rather than growing
// to five times its live heap (docs/performance.md has the figures).
const (
	plannerGCPercent = 400
	plannerHeapLimit = 256 << 20
)

// relaxGC sets the planner's garbage collection and returns a function that
// restores the settings it found.
func relaxGC() (restore func()) {
	limit := debug.SetMemoryLimit(plannerHeapLimit)
	percent := debug.SetGCPercent(plannerGCPercent)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
