package main

import (
	"io/fs"

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
