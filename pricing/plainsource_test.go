package pricing

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestPlainSourceEightBytesAtATime: the word-at-a-time test marks exactly the
// bytes the byte test refuses, in every position, and plainSource answers
// what a byte-by-byte scan does.
func TestPlainSourceEightBytesAtATime(t *testing.T) {
	for b := range 256 {
		for pos := range 8 {
			var w [8]byte
			for k := range w {
				w[k] = 'a'
			}
			w[pos] = byte(b)
			got := notPlain8(binary.LittleEndian.Uint64(w[:]))
			want := uint64(0)
			if notPlainByte(byte(b)) {
				want = 0x80 << (8 * pos)
			}
			if got != want {
				t.Fatalf("byte %#x at %d: mask %#x, want %#x", b, pos, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 5))
	alphabet := []byte("ab =\"[]\n\t\\\x7f\x80\x1f\xe2'")
	for range 20000 {
		src := make([]byte, rng.IntN(40))
		for k := range src {
			if rng.IntN(4) == 0 {
				src[k] = alphabet[rng.IntN(len(alphabet))]
			} else {
				src[k] = byte(rng.IntN(256))
			}
			if rng.IntN(2) == 0 {
				src[k] = 'a' + byte(rng.IntN(26))
			}
		}
		want := true
		for _, b := range src {
			if notPlainByte(b) {
				want = false
			}
		}
		want = want && !bytes.Contains(src, []byte(`"""`)) && !bytes.Contains(src, []byte("'''"))
		if got := plainSource(src); got != want {
			t.Fatalf("plainSource(%q) = %v, want %v", src, got, want)
		}
	}
}
