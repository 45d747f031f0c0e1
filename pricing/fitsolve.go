package pricing

import (
	"math/big"
	"math/bits"

	"creditplan/pricing/internal/knapsack"
)

// Solving a month whose budget binds, with the knapsack in
// pricing/internal/knapsack: every option's weight is its credits and its value
// the fitter's order (compareOptions) folded into one knapsack value, so the
// best knapsack choice is the best month.

// The exact table is sized before anything is allocated, and refused (the
// month is then fitted greedily and marked approximate, FitTableTooLarge) when
// it would need more than fitTableBytes of memory or more than fitTableWork
// cell updates:
//
//	bytes = Σ per group entries × (1 bit for two options, else 1 or 2 bytes of picks)
//	        + 2 rows × entries × cell
//	work  = entries × Σ options per group (× 4 for the Lex cell)
//
// where entries is the capacity in units of the greatest common divisor of the
// options' costs (and the capacity) plus one, and cell is 8, 16 or 32 bytes
// (fitCell). So no number in a project (a balance, a count, a length) can make
// the fitter allocate more than fitTableBytes or loop more than fitTableWork
// times.
const (
	fitTableBytes = 128 << 20
	fitTableWork  = 1 << 28
)

var fitBudget = knapsack.Budget{Bytes: fitTableBytes, Work: fitTableWork}

// fitCell is the knapsack value type a month is solved with: the smallest
// whose range holds the order's four measures side by side.
type fitCell uint8

const (
	cellAuto     fitCell = iota
	cellScore            // one int64
	cellScore128         // two words
	cellLex              // the four measures, compared in order
)

// fitMeasures are a month's four measures as non-negative numbers, larger is
// better: value, re-renders kept, credits under the group's dearest option
// (in units of unit) and changes under the group's most. top is each one's
// greatest total over the month.
type fitMeasures struct {
	unit int64
	top  [4]uint64
	// weights of value, kept and credits in a score (changes weigh 1), each
	// above every total of the measures after it.
	a, b, d uint128
}

type uint128 struct{ hi, lo uint64 }

func (m *fitModel) measures() fitMeasures {
	var ms fitMeasures
	for _, g := range m.groups {
		for _, o := range g.opts {
			ms.unit = gcd(ms.unit, int64(o.cost-g.min))
		}
	}
	ms.unit = max(ms.unit, 1)
	for _, g := range m.groups {
		var v, k, c uint64
		for _, o := range g.opts {
			v, k, c = max(v, uint64(o.value)), max(k, uint64(o.kept)), max(c, uint64(o.changes))
		}
		ms.top[0] = satAddU(ms.top[0], v)
		ms.top[1] = satAddU(ms.top[1], k)
		ms.top[2] = satAddU(ms.top[2], uint64(g.max-g.min)/uint64(ms.unit))
		ms.top[3] = satAddU(ms.top[3], c)
	}
	return ms
}

// cell chooses the value type and, for the scores, sets the weights.
func (ms *fitMeasures) cell() fitCell {
	// span[i] is the product of (top+1) over the measures from i on: the
	// weight measure i-1 needs, and at 0 the range of the whole score.
	var span [5]*big.Int
	span[4] = big.NewInt(1)
	for i := 3; i >= 0; i-- {
		t := new(big.Int).SetUint64(ms.top[i])
		span[i] = t.Mul(t.Add(t, big.NewInt(1)), span[i+1])
	}
	to128 := func(x *big.Int) uint128 {
		lo := new(big.Int).And(x, new(big.Int).SetUint64(^uint64(0)))
		return uint128{hi: new(big.Int).Rsh(x, 64).Uint64(), lo: lo.Uint64()}
	}
	switch n := span[0].BitLen(); {
	case n <= 62:
		ms.a, ms.b, ms.d = to128(span[1]), to128(span[2]), to128(span[3])
		return cellScore
	case n <= 126:
		ms.a, ms.b, ms.d = to128(span[1]), to128(span[2]), to128(span[3])
		return cellScore128
	}
	return cellLex
}

// of is the option's four measures.
func (ms *fitMeasures) of(g *fitGroup, o *fitOption, most int32) [4]uint64 {
	return [4]uint64{uint64(o.value), uint64(o.kept), uint64(g.max-o.cost) / uint64(ms.unit), uint64(most - o.changes)}
}

func (ms *fitMeasures) score(g *fitGroup, o *fitOption, most int32) knapsack.Score {
	x := ms.of(g, o, most)
	return knapsack.Score(x[0]*ms.a.lo + x[1]*ms.b.lo + x[2]*ms.d.lo + x[3])
}

func (ms *fitMeasures) score128(g *fitGroup, o *fitOption, most int32) knapsack.Score128 {
	x := ms.of(g, o, most)
	// The weights are chosen so that no product or sum passes 1<<126.
	mul := func(x uint64, w uint128) uint128 {
		hi, lo := bits.Mul64(x, w.lo)
		return uint128{hi: hi + x*w.hi, lo: lo}
	}
	add := func(a, b uint128) uint128 {
		lo, carry := bits.Add64(a.lo, b.lo, 0)
		return uint128{hi: a.hi + b.hi + carry, lo: lo}
	}
	s := add(add(mul(x[0], ms.a), mul(x[1], ms.b)), add(mul(x[2], ms.d), uint128{lo: x[3]}))
	return knapsack.Score128{Hi: int64(s.hi), Lo: s.lo}
}

func (ms *fitMeasures) lex(g *fitGroup, o *fitOption, most int32) knapsack.Lex {
	x := ms.of(g, o, most)
	return knapsack.Lex{int64(x[0]), int64(x[1]), int64(x[2]), int64(x[3])}
}

// solve is the knapsack for a budget that binds (minSum <= avail < maxSum). It
// returns each group's option index and why the answer is approximate, if it is.
func (m *fitModel) solve(avail Credits) ([]int, FitApproximation) {
	return m.solveAs(avail, cellAuto, false, fitBudget)
}

// greedy is the fallback alone, as a month too large to table gets it.
func (m *fitModel) greedy(avail Credits) []int {
	choice, _ := m.solveAs(avail, cellAuto, true, fitBudget)
	return choice
}

// solveAs solves with the given value type (cellAuto: the smallest that
// holds the month) and table budget, or greedily when greedy is set.
func (m *fitModel) solveAs(avail Credits, cell fitCell, greedy bool, b knapsack.Budget) ([]int, FitApproximation) {
	ms := m.measures()
	if auto := ms.cell(); cell == cellAuto {
		cell = auto
	}
	switch cell {
	case cellScore:
		return solveWith(m, avail, greedy, b, ms.score)
	case cellScore128:
		return solveWith(m, avail, greedy, b, ms.score128)
	}
	return solveWith(m, avail, greedy, b, ms.lex)
}

func solveWith[V knapsack.Cell](m *fitModel, avail Credits, greedy bool, b knapsack.Budget, value func(*fitGroup, *fitOption, int32) V) ([]int, FitApproximation) {
	n := 0
	for _, g := range m.groups {
		n += len(g.opts)
	}
	p := knapsack.NewProblem[V](len(m.groups), n)
	var buf []knapsack.Option[V]
	for gi := range m.groups {
		g := &m.groups[gi]
		most := int32(0)
		for _, o := range g.opts {
			most = max(most, o.changes)
		}
		buf = buf[:0]
		for k := range g.opts {
			o := &g.opts[k]
			buf = append(buf, knapsack.Option[V]{Weight: int64(o.cost), Value: value(g, o, most)})
		}
		p.Add(buf...)
	}
	var why FitApproximation
	if m.thinned {
		why |= FitOptionsThinned
	}
	var choice []int
	st := knapsack.TooLarge
	if !greedy {
		choice, st = knapsack.Solve(p, int64(avail), b)
	}
	switch st {
	case knapsack.TooLarge:
		choice = knapsack.Greedy(p, int64(avail), func(g, k int) int64 { return m.groups[g].opts[k].value })
		why |= FitTableTooLarge
	case knapsack.Infeasible:
		// Not for a budget that binds; kept total for saturated months.
		choice = m.each(cheaperFirst)
	}
	return choice, why
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// satAddU adds two unsigned measures, saturating at the top of the range, so
// an absurd month chooses the Lex value rather than wrap.
func satAddU(a, b uint64) uint64 {
	if a > ^uint64(0)-b {
		return ^uint64(0)
	}
	return a + b
}
