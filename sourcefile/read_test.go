package sourcefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "june.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "a named pipe", zero: "a device", dir: "a directory"} {
		done := make(chan error, 1)
		go func() { _, _, err := Read(path, 1<<20); done <- err }()
		select {
		case err := <-done:
			var nr *NotRegularError
			if !errors.As(err, &nr) || !strings.Contains(err.Error(), path+": not a regular file ("+want) {
				t.Errorf("Read(%s): %v", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Read(%s) still waiting after 5 s", path)
		}
	}
}

func TestReadStopsOneBytePastTheLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(path, []byte(strings.Repeat("#", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for limit, want := range map[int]int{10: 11, 100: 100, 1000: 100} {
		src, info, err := Read(link, limit)
		if err != nil || len(src) != want || info.Size() != 100 {
			t.Errorf("Read(limit %d) = %d bytes, %v; want %d", limit, len(src), err, want)
		}
	}
	if _, _, err := Read(filepath.Join(dir, "missing.toml"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
