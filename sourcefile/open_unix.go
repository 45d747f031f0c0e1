//go:build unix

package sourcefile

import (
	"os"
	"syscall"
)

// open opens path without blocking: opening a named pipe for reading waits
// for a writer unless O_NONBLOCK is set, and the file is refused after it is
// opened, by what it is, not by its name.
func open(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
