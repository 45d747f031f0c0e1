package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// writeBigProject writes a month of n videos that uses every premium feature
// of the default card in a mix of lengths, languages, clips and re-renders, so
// the quote path's speed is measured on realistic work, not a repeated line.
func writeBigProject(tb testing.TB, dir string, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("plan = \"business\"\nbilling = \"monthly\"\nseats = 2\n")
	avatars := []string{"avatar-iii", "avatar-iv"}
	for i := range n {
		fmt.Fprintf(&b, "\n[[videos]]\nname = \"Video %d\"\ncount = %d\nlength = \"%dm%ds\"\navatar = %q\n",
			i+1, 1+i%5, 1+i%4, (i*7)%60, avatars[i%2])
		if i%3 == 0 {
			b.WriteString("languages = [\"es\", \"de\"]\ntranslation = \"lipsync\"\n")
		}
		if i%4 == 0 {
			b.WriteString("broll = \"sora-2\"\nbroll_clips = 2\n")
		}
		if i%5 == 0 {
			b.WriteString("resolution = \"4k\"\n")
		}
		if i%6 == 0 {
			b.WriteString("script_generations = 3\n")
		}
		fmt.Fprintf(&b, "rerenders = %d\n", i%3)
	}
	path := filepath.Join(dir, fmt.Sprintf("month-%d.toml", n))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkQuoteCommand10k runs `creditplan quote` in-process on a 10,000-video
// month, from reading the files to the last byte of text output.
func BenchmarkQuoteCommand10k(b *testing.B) {
	path := writeBigProject(b, b.TempDir(), 10_000)
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			a := &app{stdout: io.Discard, stderr: io.Discard}
			for b.Loop() {
				if code := a.run([]string{"quote", "--format", format, path}); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// TestWriteBigProject writes the 10,000-video month to CREDITPLAN_BIG_DIR when
// set, for timing the real binary against tomlfloor with hyperfine.
func TestWriteBigProject(t *testing.T) {
	dir := os.Getenv("CREDITPLAN_BIG_DIR")
	if dir == "" {
		t.Skip("set CREDITPLAN_BIG_DIR to write the 10,000-video month there")
	}
	t.Log(writeBigProject(t, dir, 10_000))
}

// writeGenMonth writes docs/genmonth.py's month of n videos (name, length,
// avatar), the file the command-line timings against tomlfloor read.
func writeGenMonth(tb testing.TB, dir string, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("plan = \"business\"\nbilling = \"monthly\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[videos]]\nname = \"Video %d\"\nlength = \"%dm%ds\"\navatar = \"avatar-iv\"\n", i+1, 1+i%4, (i*7)%60)
	}
	path := filepath.Join(dir, fmt.Sprintf("gen-%d.toml", n))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkQuoteJSONGenMonth runs `creditplan quote --format json` in-process
// on docs/genmonth.py's months of 10,000 and 50,000 videos, against decoding
// the same file alone (what tomlfloor does), for profiling the gap between
// them.
func BenchmarkQuoteJSONGenMonth(b *testing.B) {
	for _, n := range []int{10_000, 50_000} {
		path := writeGenMonth(b, b.TempDir(), n)
		b.Run(fmt.Sprintf("Decode%d", n), func(b *testing.B) {
			for b.Loop() {
				var v map[string]any
				if _, err := toml.DecodeFile(path, &v); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Quote%d", n), func(b *testing.B) {
			a := &app{stdout: io.Discard, stderr: io.Discard}
			for b.Loop() {
				// Each run starts from a collected heap, as a fresh process does.
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				if code := a.run([]string{"quote", "--format", "json", path}); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
