package main

import (
	"testing"
	"time"
)

// Sessions opened at different moments of one frame start on the same
// boundary, so their frame tickers fire together; a boundary is always
// ahead of now and at most one frame away.
func TestSessionsStartOnOneFrameBoundary(t *testing.T) {
	start := time.Date(2026, 12, 3, 17, 0, 0, 0, time.UTC)
	for _, fps := range []int{1, 10, 30, 60, 120} {
		frame := time.Second / time.Duration(fps)
		base := nextFrame(start, fps) // a boundary; the sessions below open within the frame after it
		first := nextFrame(base.Add(1), fps)
		for _, off := range []time.Duration{1, frame / 3, frame / 2, frame - 1} {
			got := nextFrame(base.Add(off), fps)
			if !got.Equal(first) {
				t.Errorf("fps %d: a session at +%v starts at %v, one at +1ns at %v", fps, off, got, first)
			}
			if wait := got.Sub(base.Add(off)); wait <= 0 || wait > frame {
				t.Errorf("fps %d: a session at +%v waits %v (frame %v)", fps, off, wait, frame)
			}
		}
		if on := nextFrame(first, fps); !on.Equal(first.Add(frame)) {
			t.Errorf("fps %d: on a boundary the next is %v, want %v", fps, on, first.Add(frame))
		}
	}
}
