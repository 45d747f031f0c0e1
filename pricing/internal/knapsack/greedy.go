package knapsack

import (
	"math/bits"
	"slices"
)

// Greedy is the fallback for a problem too large to table. Every group starts
// at its best option and, while the weights total more than capacity, the move
// with the least gain lost per unit of weight shed is taken. Moves go down each
// group's upper hull of (weight, gain) over its chain of options (each lighter
// than the next and worse by value), where the next vertex down is always that
// group's cheapest loss per unit, so the whole descent costs O(options × log
// groups). When the lightest options together fit it never stops above
// capacity, since each group's lightest option is on its hull.
//
// gain is an option's worth as one number (group g, option k), which Greedy
// trades against weight; Value only orders a group's options.
func Greedy[V Cell](p *Problem[V], capacity int64, gain func(g, k int) int64) []int {
	switch q := any(p).(type) {
	case *Problem[Score]:
		return greedy[Score, scoreOps[uint8]](q, capacity, gain)
	case *Problem[Score128]:
		return greedy[Score128, wideOps[uint8]](q, capacity, gain)
	case *Problem[Lex]:
		return greedy[Lex, lexOps[uint8]](q, capacity, gain)
	}
	panic("knapsack: unknown cell type")
}

func greedy[V Cell, O ops[V, uint8]](p *Problem[V], capacity int64, gain func(g, k int) int64) []int {
	var o O
	choice := make([]int, p.Len())
	// Every option's gain, asked once, laid out as p.opts is.
	gains := make([]int64, 0, len(p.opts))
	for g := range choice {
		for k := range p.Group(g) {
			gains = append(gains, gain(g, k))
		}
	}
	gainsOf := func(g int) []int64 {
		if g == 0 {
			return gains[:p.ends[0]]
		}
		return gains[p.ends[g-1]:p.ends[g]]
	}
	// Every group's hull, end to end: group g's is flat[ends[g-1]:ends[g]].
	flat := make([]int32, 0, len(p.opts))
	ends := make([]int, p.Len())
	hull := func(g int) []int32 {
		if g == 0 {
			return flat[:ends[0]]
		}
		return flat[ends[g-1]:ends[g]]
	}
	total := int64(0)
	// A typed binary heap, filled at once and sifted in place: no move is boxed
	// into an interface, which on many groups is most of the work.
	var h moveHeap
	var order []int32
	for g := range choice {
		opts := p.Group(g)
		order = chainOf(opts, order[:0], o)
		flat = hullOf(opts, gainsOf(g), order, flat)
		ends[g] = len(flat)
		hull := hull(g)
		choice[g] = int(hull[len(hull)-1])
		total = satAdd(total, opts[choice[g]].Weight)
		if mv, ok := hullMove(opts, gainsOf(g), g, hull, len(hull)-2); ok {
			h = append(h, mv)
		}
	}
	h.init()
	for total > capacity && len(h) > 0 {
		mv := h[0]
		opts := p.Group(mv.group)
		total -= opts[choice[mv.group]].Weight - opts[mv.to].Weight
		choice[mv.group] = mv.to
		if next, ok := hullMove(opts, gainsOf(mv.group), mv.group, hull(mv.group), mv.at-1); ok {
			h[0] = next
		} else {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		h.down(0)
	}
	return choice
}

// chainOf lists the group's options from the lightest, each strictly better
// by value than every lighter one: the others are never worth taking.
func chainOf[V Cell, O ops[V, uint8]](opts []Option[V], out []int32, o O) []int32 {
	for k := range opts {
		out = append(out, int32(k))
	}
	slices.SortStableFunc(out, func(a, b int32) int {
		switch wa, wb := opts[a].Weight, opts[b].Weight; {
		case wa != wb:
			if wa < wb {
				return -1
			}
			return 1
		case o.better(opts[a].Value, opts[b].Value):
			return -1
		case o.better(opts[b].Value, opts[a].Value):
			return 1
		}
		return 0
	})
	keep := out[:1]
	for _, k := range out[1:] {
		if o.better(opts[k].Value, opts[keep[len(keep)-1]].Value) {
			keep = append(keep, k)
		}
	}
	return keep
}

// point is an option as Greedy sees it: weight and gain.
type point struct{ w, g int64 }

func pointOf[V Cell](opts []Option[V], gains []int64, k int32) point {
	return point{opts[k].Weight, gains[k]}
}

// hullOf appends to flat the upper hull of a chain by (weight, gain), from
// the lightest option to the best.
func hullOf[V Cell](opts []Option[V], gains []int64, chain, flat []int32) []int32 {
	start := len(flat)
	out := flat
	for _, k := range chain {
		c := pointOf(opts, gains, k)
		for len(out)-start >= 2 {
			a, b := pointOf(opts, gains, out[len(out)-2]), pointOf(opts, gains, out[len(out)-1])
			if above(a, b, c) {
				break
			}
			out = out[:len(out)-1] // b is under the segment a-c, or on it
		}
		out = append(out, k)
	}
	return out
}

// above reports whether b lies strictly above the segment from a to c
// (a lighter than b, lighter than c): (b.g - a.g)(c.w - a.w) > (c.g - a.g)(b.w - a.w),
// compared exactly in 128 bits.
func above(a, b, c point) bool {
	bg, cw := uint64(max(b.g-a.g, 0)), uint64(c.w-a.w)
	cg, bw := uint64(max(c.g-a.g, 0)), uint64(b.w-a.w)
	lh, ll := bits.Mul64(bg, cw)
	rh, rl := bits.Mul64(cg, bw)
	return lh > rh || (lh == rh && ll > rl)
}

// move is one step down a group's hull: from vertex at+1 to vertex at (option
// to), losing `lost` gain to shed `shed` weight.
type move struct {
	group, to, at int
	lost, shed    uint64
}

func hullMove[V Cell](opts []Option[V], gains []int64, g int, hull []int32, at int) (move, bool) {
	if at < 0 || at+1 >= len(hull) {
		return move{}, false
	}
	cur, to := pointOf(opts, gains, hull[at+1]), pointOf(opts, gains, hull[at])
	return move{group: g, to: int(hull[at]), at: at,
		lost: uint64(max(cur.g-to.g, 0)), shed: uint64(max(cur.w-to.w, 0))}, true
}

// less compares lost/shed ratios exactly, in 128 bits; a bigger shed first on ties.
func (a move) less(b move) bool {
	ah, al := bits.Mul64(a.lost, b.shed)
	bh, bl := bits.Mul64(b.lost, a.shed)
	if ah != bh {
		return ah < bh
	}
	if al != bl {
		return al < bl
	}
	return a.shed > b.shed
}

// moveHeap is a binary min-heap of moves by less.
type moveHeap []move

func (h moveHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h moveHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		j := l
		if r := l + 1; r < len(h) && h[r].less(h[l]) {
			j = r
		}
		if !h[j].less(h[i]) {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}
