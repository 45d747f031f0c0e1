// Package sourcefile reads the files creditplan is given, rate cards and
// projects, by the one rule every reader follows: only a regular file is
// read (a named pipe would wait forever, a device such as /dev/zero never
// ends), and never more than one byte past the size its kind may have, so the
// loader can say that it is too big without holding all of it.
package sourcefile

import (
	"fmt"
	"io"
	"io/fs"
)

// Read opens path (a symbolic link to a regular file is followed), refuses
// anything but a regular file, and reads at most limit+1 bytes. A file over
// limit comes back cut at limit+1 bytes: pricing.ParseRateCard and
// pricing.ParseProject refuse it then, naming the limit and the line it was
// crossed on. info is the file's, as opened.
func Read(path string, limit int) (src []byte, info fs.FileInfo, err error) {
	f, err := open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, info, &NotRegularError{Path: path, Mode: info.Mode()}
	}
	// Read to the end, not to the size stat gave: the file may grow while it
	// is read. The buffer starts at that size (and one byte to see the end),
	// so a file that does not grow is read into one allocation.
	src = make([]byte, 0, min(max(info.Size(), 0), int64(limit))+1)
	r := io.LimitReader(f, int64(limit)+1)
	for {
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)]
		}
		n, err := r.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return src, info, nil
		}
		if err != nil {
			return nil, info, err
		}
	}
}

// NotRegularError is a path that names something other than a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s); give the path of a .toml file", e.Path, kind(e.Mode))
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe, which would be read forever"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device, which may never end"
	}
	return "not a file"
}
