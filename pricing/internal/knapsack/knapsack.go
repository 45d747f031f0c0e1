package knapsack

import "math/bits"

// Option is one way to fill a group.
type Option[V Cell] struct {
	// Weight is what the option uses of the capacity; never negative.
	Weight int64
	// Value is what the option is worth. Its components are never negative.
	Value V
}

// Problem is a list of groups, each a list of options, stored flat.
type Problem[V Cell] struct {
	opts []Option[V]
	ends []int // group g's options are opts[ends[g-1]:ends[g]]
}

// NewProblem returns an empty problem with room for about the given number of
// groups and options.
func NewProblem[V Cell](groups, options int) *Problem[V] {
	return &Problem[V]{opts: make([]Option[V], 0, options), ends: make([]int, 0, groups)}
}

// Add appends a group; it must have at least one option.
func (p *Problem[V]) Add(opts ...Option[V]) {
	if len(opts) == 0 {
		panic("knapsack: a group without options")
	}
	p.opts = append(p.opts, opts...)
	p.ends = append(p.ends, len(p.opts))
}

// Len is the number of groups.
func (p *Problem[V]) Len() int { return len(p.ends) }

// Group returns group g's options.
func (p *Problem[V]) Group(g int) []Option[V] {
	start := 0
	if g > 0 {
		start = p.ends[g-1]
	}
	return p.opts[start:p.ends[g]]
}

// Budget bounds the exact table: Bytes of memory for its rows and picks, Work
// cell updates. A problem whose table would pass either is not tabled. An
// update of a Lex cell counts as lexWork: its four measures are compared with
// branches, which cost most when they are least predictable, where the scores'
// loops are branch-free; so the same Work bounds the time whatever the cell type.
type Budget struct {
	Bytes, Work int64
}

// Status is how Solve ended.
type Status uint8

const (
	// Solved: the picks are the best choice within the capacity.
	Solved Status = iota
	// Infeasible: even the lightest options together weigh more than the
	// capacity. There are no picks.
	Infeasible
	// TooLarge: the exact table would pass the budget. There are no picks;
	// Greedy gives an approximate answer.
	TooLarge
)

// Bounds returns the total of every group's lightest and heaviest weights,
// saturating.
func (p *Problem[V]) Bounds() (lightest, heaviest int64) {
	for g := range p.ends {
		lo, hi := weightRange(p.Group(g))
		lightest, heaviest = satAdd(lightest, lo), satAdd(heaviest, hi)
	}
	return lightest, heaviest
}

func weightRange[V Cell](opts []Option[V]) (lo, hi int64) {
	lo, hi = opts[0].Weight, opts[0].Weight
	for _, o := range opts[1:] {
		lo, hi = min(lo, o.Weight), max(hi, o.Weight)
	}
	return lo, hi
}

// Solve picks one option per group (an index into the group) so that the
// weights total at most capacity and the values' total is the best. Among
// equally good choices it returns one of them, always the same for the same
// problem.
func Solve[V Cell](p *Problem[V], capacity int64, b Budget) ([]int, Status) {
	switch q := any(p).(type) {
	case *Problem[Score]:
		return solvePicks[Score, scoreOps[uint8], scoreOps[uint16]](q, capacity, b)
	case *Problem[Score128]:
		return solvePicks[Score128, wideOps[uint8], wideOps[uint16]](q, capacity, b)
	case *Problem[Lex]:
		return solvePicks[Lex, lexOps[uint8], lexOps[uint16]](q, capacity, b)
	}
	panic("knapsack: unknown cell type")
}

// Cell is the value type of a problem: one of the three cell types.
type Cell interface {
	Score | Score128 | Lex
}

// layout is the shape of one table: packing (entry i = i units above the
// lightest options) or covering (entry i = i units below the heaviest, the
// last entry holding every choice that goes at least that far).
type layout struct {
	size, unit int64
	covering   bool
	wide       bool // picks need 16 bits
}

// plan works out the layout for a capacity strictly between the totals of the
// lightest and the heaviest options.
func plan[V Cell](p *Problem[V], capacity, lightest, heaviest int64) layout {
	pack := capacity - lightest // spend at most this above the lightest
	need := heaviest - capacity // shed at least this below the heaviest
	unit := int64(0)
	l := layout{covering: need < pack}
	for g := range p.ends {
		opts := p.Group(g)
		lo, _ := weightRange(opts)
		for _, o := range opts {
			unit = gcd(unit, o.Weight-lo)
		}
		if len(opts) > 256 {
			l.wide = true
		}
	}
	if l.covering {
		unit = gcd(unit, need)
	} else {
		unit = gcd(unit, pack)
	}
	l.unit = max(unit, 1)
	if l.covering {
		l.size = need / l.unit
	} else {
		l.size = pack / l.unit
	}
	return l
}

// fits reports whether the layout's table stays within the budget.
func fits[V Cell](p *Problem[V], l layout, b Budget) bool {
	entries := satAdd(l.size, 1)
	pick := int64(1)
	if l.wide {
		pick = 2
	}
	for g := range p.ends {
		if len(p.Group(g)) > 1<<16 {
			return false
		}
	}
	var zero V
	cell := int64(cellSize(zero))
	bytes := satAdd(picksBytes(p, entries, pick), satMul(entries, 2*cell))
	work := satMul(entries, int64(len(p.opts)))
	if _, lex := any(zero).(Lex); lex {
		work = satMul(work, lexWork)
	}
	return bytes <= b.Bytes && work <= b.Work
}

// lexWork is what one Lex cell update counts for in Budget.Work.
const lexWork = 4

func cellSize(v any) int {
	switch v.(type) {
	case Score:
		return 8
	case Score128:
		return 16
	}
	return 32
}

func solvePicks[V Cell, O8 ops[V, uint8], O16 ops[V, uint16]](p *Problem[V], capacity int64, b Budget) ([]int, Status) {
	lightest, heaviest := p.Bounds()
	switch {
	case capacity < lightest:
		return nil, Infeasible
	case capacity >= heaviest:
		// Nothing binds: every group takes its best option.
		var o O8
		choice := make([]int, p.Len())
		for g := range choice {
			opts := p.Group(g)
			for k := range opts {
				if o.better(opts[k].Value, opts[choice[g]].Value) {
					choice[g] = k
				}
			}
		}
		return choice, Solved
	}
	l := plan(p, capacity, lightest, heaviest)
	if !fits(p, l, b) {
		return nil, TooLarge
	}
	if l.wide {
		return run[V, uint16, O16](p, l), Solved
	}
	return run[V, uint8, O8](p, l), Solved
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func satAdd(a, b int64) int64 {
	if s := a + b; (s > a) == (b > 0) {
		return s
	}
	if b > 0 {
		return 1<<63 - 1
	}
	return -1 << 63
}

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > 1<<63-1 {
		return 1<<63 - 1
	}
	return int64(lo)
}
