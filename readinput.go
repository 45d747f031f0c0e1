package main

import (
	"fmt"
	"io/fs"
	"time"

	"creditplan/pricing"
	"creditplan/sourcefile"
)

// The command line reads every rate card and project through these: only a
// regular file, and no more than one byte past its kind's size limit
// (pricing.MaxCardBytes, pricing.MaxProjectBytes), which the loader then
// refuses with the limit and where it was crossed.

func readCardFile(path string) ([]byte, error) {
	src, _, err := sourcefile.Read(path, pricing.MaxCardBytes)
	return src, err
}

func readProjectFile(path string) ([]byte, fs.FileInfo, error) {
	return sourcefile.Read(path, pricing.MaxProjectBytes)
}

// readCheckedFile reads a file check will classify as a card or a project:
// up to the larger of the two limits.
func readCheckedFile(path string) ([]byte, error) {
	src, _, err := sourcefile.Read(path, max(pricing.MaxCardBytes, pricing.MaxProjectBytes))
	return src, err
}

// loadCard reads the rate card at path, or the embedded one when path is "".
func loadCard(path string) (*pricing.RateCard, error) {
	if path == "" {
		return pricing.ParseRateCard(defaultCardOrigin, defaultCard)
	}
	src, err := readCardFile(path)
	if err != nil {
		return nil, fmt.Errorf("rate card: %w", err)
	}
	return pricing.ParseRateCard(path, src)
}

// loadProject reads a project file against the card, and when it was last
// modified.
func loadProject(path string, card *pricing.RateCard) (*pricing.Project, time.Time, error) {
	p, _, mod, err := loadProjectSource(path, card)
	return p, mod, err
}

// loadProjectSource is loadProject that also returns the bytes it read: the
// planner's save edits them, keeping the file's layout, and compares them with
// the file to tell whether someone changed it since.
func loadProjectSource(path string, card *pricing.RateCard) (*pricing.Project, []byte, time.Time, error) {
	src, info, err := readProjectFile(path)
	if err != nil {
		return nil, nil, time.Time{}, fmt.Errorf("project: %w", err)
	}
	p, err := parseProjectAt(path, src, card)
	return p, src, info.ModTime(), err
}
