// Package ui is creditplan's interactive planner (Bubble Tea v2).
package ui

import (
	"errors"
	"time"

	"creditplan/pricing"
)

// Options is what the planner starts with.
type Options struct {
	Card *pricing.RateCard
	// Project is the month to open; nil starts an empty month with one draft video.
	Project *pricing.Project
	// Path is the project file's path, "" for a month not saved yet.
	Path string
	// ModTime is the project file's modification time when it was read, so a save
	// can tell whether someone changed the file since.
	ModTime time.Time
}

// Run starts the planner and blocks until the user quits.
func Run(opts Options) error {
	return errors.New("the interactive planner is not built yet")
}
