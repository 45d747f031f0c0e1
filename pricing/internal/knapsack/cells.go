package knapsack

import "math/bits"

// Score is a value in one word, larger is better. Every option's Score and
// every total of them stays below 1<<62.
type Score int64

// Score128 is a value in two words (Hi the signed high word), larger is
// better. Every option's and every total's Hi stays below 1<<62.
type Score128 struct {
	Hi int64
	Lo uint64
}

// Lex is a value of four measures compared in order, larger is better; it has
// no range limit beyond that its sums must not overflow.
type Lex [4]int64

// Add returns a + b.
func (a Score128) Add(b Score128) Score128 {
	lo, carry := bits.Add64(a.Lo, b.Lo, 0)
	return Score128{Hi: a.Hi + b.Hi + int64(carry), Lo: lo}
}

// Less reports whether a < b.
func (a Score128) Less(b Score128) bool {
	return a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo)
}

// Less reports whether a < b, comparing the measures in order.
func (a Lex) Less(b Lex) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// pick is the type of one entry of the table of picks.
type pick interface{ ~uint8 | ~uint16 }

// ops are one cell type's row operations. Every value a table holds is either
// reachable (components >= 0) or empty; empty plus anything stays empty.
type ops[V any, P pick] interface {
	empty() V
	isEmpty(v V) bool
	better(a, b V) bool // a strictly better than b
	// shift sets dst[i] = src[i] + d.
	shift(dst, src []V, d V)
	// relax keeps, in every dst[i], the better of dst[i] and src[i] + d (dst
	// on ties), recording k in pk[i] where src[i] + d wins.
	relax(dst, src []V, d V, pk []P, k P)
	// best returns the first index of the best src[i] + d among reachable
	// entries, or -1.
	best(src []V, d V) (int, V)
}

// Scores: empty is far below zero, so adding any delta keeps it negative and
// the loops need no test for it.
const emptyScore = -(1 << 62)

type scoreOps[P pick] struct{}

func (scoreOps[P]) empty() Score           { return emptyScore }
func (scoreOps[P]) isEmpty(v Score) bool   { return v < 0 }
func (scoreOps[P]) better(a, b Score) bool { return a > b }
func (scoreOps[P]) shift(dst, src []Score, d Score) {
	dst = dst[:len(src)]
	for i, b := range src {
		dst[i] = b + d
	}
}

func (scoreOps[P]) relax(dst, src []Score, d Score, pk []P, k P) {
	// Equal lengths, stated, let the compiler drop the bounds checks.
	dst, pk = dst[:len(src)], pk[:len(src)]
	for i, b := range src {
		// Branch-free "keep the better": the comparison is a coin toss for the
		// CPU, and this loop is the whole cost of a large table.
		c, old := b+d, dst[i]
		mask := (old - c) >> 63 // all ones when c > old
		dst[i] = old ^ ((old ^ c) & mask)
		pk[i] ^= (pk[i] ^ k) & P(mask)
	}
}

func (scoreOps[P]) best(src []Score, d Score) (int, Score) {
	at, v := -1, Score(0)
	for i, b := range src {
		if b >= 0 && (at < 0 || b+d > v) {
			at, v = i, b+d
		}
	}
	return at, v
}

// fuse fills a packing row from the previous one with two options at once:
// the zero move (delta d0, pick z) and a move of st entries (delta d1, pick o).
// Two passes over the row would cost nearly twice as much: memory, not
// arithmetic, is the limit. Ties go to the zero move, as they would if the
// options were taken one after the other.
func (scoreOps[P]) fuse(cur, next []Score, pk []P, reach, newReach, st int64, d0, d1 Score, z, o P) {
	for j := int64(0); j < st && j <= newReach; j++ {
		if j <= reach {
			next[j] = cur[j] + d0
		} else {
			next[j] = emptyScore
		}
		pk[j] = z
	}
	if st <= reach {
		n := reach - st + 1
		a, b := cur[st:st+n], cur[:n]
		dst, p := next[st:st+n], pk[st:st+n]
		dst, p, b = dst[:len(a)], p[:len(a)], b[:len(a)]
		for i := range a {
			x, y := a[i]+d0, b[i]+d1
			mask := (x - y) >> 63 // all ones when y > x
			dst[i] = x ^ ((x ^ y) & mask)
			p[i] = z ^ ((z ^ o) & P(mask))
		}
	}
	for j := max(st, reach+1); j <= newReach; j++ {
		if j-st <= reach {
			next[j] = cur[j-st] + d1
			pk[j] = o
		} else {
			next[j] = emptyScore
		}
	}
}

// Score128: empty has a high word far below zero, as for Score.
type wideOps[P pick] struct{}

func (wideOps[P]) empty() Score128           { return Score128{Hi: emptyScore} }
func (wideOps[P]) isEmpty(v Score128) bool   { return v.Hi < 0 }
func (wideOps[P]) better(a, b Score128) bool { return b.Less(a) }
func (wideOps[P]) shift(dst, src []Score128, d Score128) {
	dst = dst[:len(src)]
	for i, b := range src {
		dst[i] = b.Add(d)
	}
}

func (wideOps[P]) relax(dst, src []Score128, d Score128, pk []P, k P) {
	dst, pk = dst[:len(src)], pk[:len(src)]
	for i, b := range src {
		lo, carry := bits.Add64(b.Lo, d.Lo, 0)
		hi := b.Hi + d.Hi + int64(carry)
		old := dst[i]
		// old - c: negative exactly when c is better.
		_, borrow := bits.Sub64(old.Lo, lo, 0)
		mask := (old.Hi - hi - int64(borrow)) >> 63
		dst[i] = Score128{Hi: old.Hi ^ ((old.Hi ^ hi) & mask), Lo: old.Lo ^ ((old.Lo ^ lo) & uint64(mask))}
		pk[i] ^= (pk[i] ^ k) & P(mask)
	}
}

// fuse is scoreOps.fuse for two words.
func (wideOps[P]) fuse(cur, next []Score128, pk []P, reach, newReach, st int64, d0, d1 Score128, z, o P) {
	for j := int64(0); j < st && j <= newReach; j++ {
		if j <= reach {
			next[j] = cur[j].Add(d0)
		} else {
			next[j] = Score128{Hi: emptyScore}
		}
		pk[j] = z
	}
	if st <= reach {
		n := reach - st + 1
		a, b := cur[st:st+n], cur[:n]
		dst, p := next[st:st+n], pk[st:st+n]
		dst, p, b = dst[:len(a)], p[:len(a)], b[:len(a)]
		for i := range a {
			xl, cx := bits.Add64(a[i].Lo, d0.Lo, 0)
			xh := a[i].Hi + d0.Hi + int64(cx)
			yl, cy := bits.Add64(b[i].Lo, d1.Lo, 0)
			yh := b[i].Hi + d1.Hi + int64(cy)
			_, borrow := bits.Sub64(xl, yl, 0)
			mask := (xh - yh - int64(borrow)) >> 63 // all ones when y > x
			dst[i] = Score128{Hi: xh ^ ((xh ^ yh) & mask), Lo: xl ^ ((xl ^ yl) & uint64(mask))}
			p[i] = z ^ ((z ^ o) & P(mask))
		}
	}
	for j := max(st, reach+1); j <= newReach; j++ {
		if j-st <= reach {
			next[j] = cur[j-st].Add(d1)
			pk[j] = o
		} else {
			next[j] = Score128{Hi: emptyScore}
		}
	}
}

func (wideOps[P]) best(src []Score128, d Score128) (int, Score128) {
	at, v := -1, Score128{}
	for i, b := range src {
		if b.Hi >= 0 && (at < 0 || v.Less(b.Add(d))) {
			at, v = i, b.Add(d)
		}
	}
	return at, v
}

// Lex: empty is a first measure below zero, tested for explicitly (the sums
// have no headroom to absorb it).
type lexOps[P pick] struct{}

func (lexOps[P]) empty() Lex         { return Lex{-1} }
func (lexOps[P]) isEmpty(v Lex) bool { return v[0] < 0 }
func (lexOps[P]) add(a, b Lex) Lex {
	if a[0] < 0 || b[0] < 0 {
		return Lex{-1}
	}
	return Lex{a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]}
}
func (o lexOps[P]) better(a, b Lex) bool {
	return a[0] >= 0 && (b[0] < 0 || b.Less(a))
}
func (lexOps[P]) shift(dst, src []Lex, d Lex) {
	dst = dst[:len(src)]
	for i := range src {
		b := &src[i]
		if b[0] < 0 {
			dst[i] = Lex{-1}
			continue
		}
		dst[i] = Lex{b[0] + d[0], b[1] + d[1], b[2] + d[2], b[3] + d[3]}
	}
}

func (lexOps[P]) relax(dst, src []Lex, d Lex, pk []P, k P) {
	dst, pk = dst[:len(src)], pk[:len(src)]
	for i := range src {
		b := &src[i]
		if b[0] < 0 {
			continue
		}
		c := Lex{b[0] + d[0], b[1] + d[1], b[2] + d[2], b[3] + d[3]}
		old := &dst[i]
		// c is better unless old is reachable and at least as good.
		if old[0] >= 0 && !lexLess(old, &c) {
			continue
		}
		*old, pk[i] = c, k
	}
}

// lexLess is a.Less(b) written out, for the inner loop.
func lexLess(a, b *Lex) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	if a[1] != b[1] {
		return a[1] < b[1]
	}
	if a[2] != b[2] {
		return a[2] < b[2]
	}
	return a[3] < b[3]
}

func (o lexOps[P]) best(src []Lex, d Lex) (int, Lex) {
	at, v := -1, Lex{-1}
	for i, b := range src {
		if c := o.add(b, d); o.better(c, v) {
			at, v = i, c
		}
	}
	return at, v
}
