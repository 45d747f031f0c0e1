// Package ui is creditplan's interactive planner (Bubble Tea v2): a Video screen
// that prices one video as it is built, a Month screen for the month's videos and
// credits, a Plans screen comparing every plan and right-sizing the month, and a
// Year screen following the credit wallet over 12 months. f fits the month to its
// balance from any screen. Every number comes from pricing.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Options is what the planner starts with.
type Options struct {
	Card *pricing.RateCard
	// Project is the month to open; nil starts an empty month with one draft video.
	Project *pricing.Project
	// Path is the project file's path, "" for a month not saved yet.
	Path string
	// ModTime is the project file's modification time when it was read (kept
	// for callers; a save compares the file's bytes with Source instead, which
	// cp -p and rsync -t cannot fool).
	ModTime time.Time
	// Source is the bytes the project was read from: a save edits them, keeping
	// the file's comments and layout, and asks before replacing a file that no
	// longer holds them. nil for a month no file holds yet.
	Source []byte
	// NewFile is set when Path names a file that does not exist yet: the month
	// starts empty and the first save creates it.
	NewFile bool
}

// Run starts the planner and blocks until the user quits.
func Run(opts Options) error {
	// 120 frames a second (Bubble Tea's most) halves the wait between a key and the
	// frame showing it; the renderer writes only changed cells, so idle costs nothing.
	_, err := tea.NewProgram(New(opts), tea.WithFPS(120)).Run()
	return err
}
