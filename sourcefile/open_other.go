//go:build !unix

package sourcefile

import "os"

func open(path string) (*os.File, error) { return os.Open(path) }
