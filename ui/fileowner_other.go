//go:build !unix

package ui

import (
	"io/fs"
	"os"
)

// keepOwner has nothing to keep where files have no Unix owner.
func keepOwner(*os.File, fs.FileInfo) error { return nil }

// readOnly reports whether the file has no write permission.
func readOnly(_ string, st fs.FileInfo) bool { return st.Mode().Perm()&0o222 == 0 }

// processAlive cannot tell here; the age rule removes stale temporary files.
func processAlive(int) bool { return true }
