package knapsack

import (
	"math/rand/v2"
	"testing"
)

// measures is a test option's worth as four small measures, compared in order;
// each cell type is built from them, so the three tables can be held to the
// same answer.
type measures [4]int64

func (m measures) less(o measures) bool { return Lex(m).Less(Lex(o)) }

// instance is a small random problem: groups of options with weights and
// measures.
type instance struct {
	weights [][]int64
	values  [][]measures
}

func randomInstance(rng *rand.Rand) instance {
	var in instance
	groups := 1 + rng.IntN(5)
	for range groups {
		n := 1 + rng.IntN(4)
		var ws []int64
		var vs []measures
		scale := int64(1 + rng.IntN(3)*7) // shared factors exercise the unit
		for range n {
			ws = append(ws, scale*int64(rng.IntN(12)))
			vs = append(vs, measures{int64(rng.IntN(5)), int64(rng.IntN(3)), int64(rng.IntN(3)), int64(rng.IntN(2))})
		}
		in.weights = append(in.weights, ws)
		in.values = append(in.values, vs)
	}
	return in
}

// scoreOf weighs the measures so that one number orders them as Lex does:
// each measure's whole range over the instance stays below the next weight.
func (in instance) scales() [4]int64 {
	var top [4]int64
	for _, vs := range in.values {
		var m [4]int64
		for _, v := range vs {
			for i := range m {
				m[i] = max(m[i], v[i])
			}
		}
		for i := range top {
			top[i] += m[i]
		}
	}
	var w [4]int64
	w[3] = 1
	for i := 2; i >= 0; i-- {
		w[i] = w[i+1] * (top[i+1] + 1)
	}
	return w
}

func build[V Cell](in instance, cell func(measures) V) *Problem[V] {
	p := NewProblem[V](len(in.weights), 0)
	for g := range in.weights {
		var opts []Option[V]
		for k, w := range in.weights[g] {
			opts = append(opts, Option[V]{Weight: w, Value: cell(in.values[g][k])})
		}
		p.Add(opts...)
	}
	return p
}

func (in instance) problems() (*Problem[Score], *Problem[Score128], *Problem[Lex]) {
	w := in.scales()
	score := func(m measures) int64 { return m[0]*w[0] + m[1]*w[1] + m[2]*w[2] + m[3]*w[3] }
	return build(in, func(m measures) Score { return Score(score(m)) }),
		// The high word carries the first measure, so both words are exercised.
		build(in, func(m measures) Score128 {
			return Score128{Hi: m[0], Lo: uint64(m[1]*w[1] + m[2]*w[2] + m[3]*w[3])}
		}),
		build(in, func(m measures) Lex { return Lex(m) })
}

// brute tries every choice and returns the best total within capacity.
func (in instance) brute(capacity int64) (measures, bool) {
	var best measures
	found := false
	idx := make([]int, len(in.weights))
	for {
		var w int64
		var v measures
		for g, k := range idx {
			w += in.weights[g][k]
			for i := range v {
				v[i] += in.values[g][k][i]
			}
		}
		if w <= capacity && (!found || best.less(v)) {
			best, found = v, true
		}
		g := 0
		for ; g < len(idx); g++ {
			if idx[g]++; idx[g] < len(in.weights[g]) {
				break
			}
			idx[g] = 0
		}
		if g == len(idx) {
			return best, found
		}
	}
}

// total adds up a choice, checking it is one.
func (in instance) total(t *testing.T, picks []int) (int64, measures) {
	t.Helper()
	if len(picks) != len(in.weights) {
		t.Fatalf("%d picks for %d groups", len(picks), len(in.weights))
	}
	var w int64
	var v measures
	for g, k := range picks {
		if k < 0 || k >= len(in.weights[g]) {
			t.Fatalf("group %d: pick %d of %d options", g, k, len(in.weights[g]))
		}
		w += in.weights[g][k]
		for i := range v {
			v[i] += in.values[g][k][i]
		}
	}
	return w, v
}

var roomy = Budget{Bytes: 1 << 24, Work: 1 << 24}

// check solves in with every cell type and holds each to the brute force.
func check(t *testing.T, in instance, capacity int64) {
	t.Helper()
	want, feasible := in.brute(capacity)
	ps, pw, pl := in.problems()
	for name, solve := range map[string]func() ([]int, Status){
		"score":    func() ([]int, Status) { return Solve(ps, capacity, roomy) },
		"score128": func() ([]int, Status) { return Solve(pw, capacity, roomy) },
		"lex":      func() ([]int, Status) { return Solve(pl, capacity, roomy) },
	} {
		picks, st := solve()
		if !feasible {
			if st != Infeasible {
				t.Fatalf("%s: capacity %d: status %d, brute force finds nothing within it\n%+v", name, capacity, st, in)
			}
			continue
		}
		if st != Solved {
			t.Fatalf("%s: capacity %d: status %d, want solved\n%+v", name, capacity, st, in)
		}
		w, got := in.total(t, picks)
		if w > capacity || got != want {
			t.Fatalf("%s: capacity %d: picks %v weigh %d worth %v; brute force %v\n%+v", name, capacity, picks, w, got, want, in)
		}
	}
	if feasible {
		// Greedy is approximate, but never over capacity when a choice fits.
		gain := func(g, k int) int64 { return in.values[g][k][0] }
		for _, picks := range [][]int{Greedy(ps, capacity, gain), Greedy(pw, capacity, gain), Greedy(pl, capacity, gain)} {
			if w, _ := in.total(t, picks); w > capacity {
				t.Fatalf("greedy: capacity %d: picks %v weigh %d\n%+v", capacity, picks, w, in)
			}
		}
	}
}

// TestSolveMatchesBruteForce is the exactness promise on thousands of random
// small problems, every capacity from below the lightest choice to above the
// heaviest, so both table layouts (packing and covering) and both trivial
// cases run.
func TestSolveMatchesBruteForce(t *testing.T) {
	for seed := range uint64(1500) {
		rng := rand.New(rand.NewPCG(seed, 5))
		in := randomInstance(rng)
		ps, _, _ := in.problems()
		lo, hi := ps.Bounds()
		for capacity := lo - 1; capacity <= hi+1; capacity += 1 + int64(rng.IntN(3)) {
			check(t, in, capacity)
		}
	}
}

// TestSolveWidePicks runs a group of more than 256 options, which needs the
// 16-bit table of picks.
func TestSolveWidePicks(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	in := instance{}
	for g := range 3 {
		n := 2 + rng.IntN(3)
		if g == 1 {
			n = 300
		}
		var ws []int64
		var vs []measures
		for range n {
			ws = append(ws, int64(rng.IntN(40)))
			vs = append(vs, measures{int64(rng.IntN(50)), 0, int64(rng.IntN(3)), 0})
		}
		in.weights = append(in.weights, ws)
		in.values = append(in.values, vs)
	}
	ps, _, _ := in.problems()
	if l := plan(ps, 30, 0, 1000); !l.wide {
		t.Fatal("a group of 300 options should need 16-bit picks")
	}
	lo, hi := ps.Bounds()
	for capacity := lo; capacity <= hi; capacity += 7 {
		want, ok := in.brute(capacity)
		picks, st := Solve(ps, capacity, roomy)
		if !ok || st != Solved {
			t.Fatalf("capacity %d: status %d, feasible %v", capacity, st, ok)
		}
		if w, got := in.total(t, picks); w > capacity || got != want {
			t.Fatalf("capacity %d: worth %v, brute force %v", capacity, got, want)
		}
	}
}

// TestSolveRefusesAboveBudget checks that the table is sized before it is
// built: a capacity of 1<<40 distinct units is refused, not allocated.
func TestSolveRefusesAboveBudget(t *testing.T) {
	p := NewProblem[Score](2, 4)
	p.Add(Option[Score]{Weight: 0}, Option[Score]{Weight: 1 << 41, Value: 5})
	p.Add(Option[Score]{Weight: 1}, Option[Score]{Weight: 1 << 41, Value: 3})
	if _, st := Solve(p, 1<<40+1, Budget{Bytes: 1 << 20, Work: 1 << 20}); st != TooLarge {
		t.Fatalf("status %d, want TooLarge", st)
	}
	picks := Greedy(p, 1<<40+1, func(g, k int) int64 { return int64(p.Group(g)[k].Value) })
	if picks[0] != 0 || picks[1] != 0 {
		t.Fatalf("greedy picks %v; only the two light options fit", picks)
	}
}

// FuzzSolve holds the tables to the brute force on problems the fuzzer makes.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{3, 1, 2, 3, 4, 5, 6, 7, 8, 9}, int64(7))
	f.Add([]byte{0, 0, 0, 0}, int64(0))
	f.Add([]byte{9, 200, 13, 7, 1, 99, 4, 4, 4, 4, 4, 30, 2}, int64(40))
	f.Fuzz(func(t *testing.T, data []byte, capacity int64) {
		var in instance
		next := func() int64 {
			if len(data) == 0 {
				return 0
			}
			b := data[0]
			data = data[1:]
			return int64(b)
		}
		for len(data) > 0 && len(in.weights) < 5 {
			n := 1 + int(next()%4)
			var ws []int64
			var vs []measures
			for range n {
				ws = append(ws, next()%32)
				vs = append(vs, measures{next() % 9, next() % 3, next() % 3, next() % 2})
			}
			in.weights = append(in.weights, ws)
			in.values = append(in.values, vs)
		}
		if len(in.weights) == 0 {
			return
		}
		check(t, in, capacity%200)
	})
}

// BenchmarkSolve is a large packing table for each cell type: 100,000 groups
// of two options and 200 units of capacity to spend among them.
func BenchmarkSolve(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var in instance
	for range 100_000 {
		in.weights = append(in.weights, []int64{0, int64(1 + rng.IntN(3))})
		in.values = append(in.values, []measures{{0, 0, 3, 1}, {int64(1 + rng.IntN(9)), 0, 0, 0}})
	}
	ps, pw, pl := in.problems()
	b.Run("score", func(b *testing.B) {
		for b.Loop() {
			Solve(ps, 200, Budget{Bytes: 1 << 30, Work: 1 << 30})
		}
	})
	b.Run("score128", func(b *testing.B) {
		for b.Loop() {
			Solve(pw, 200, Budget{Bytes: 1 << 30, Work: 1 << 30})
		}
	})
	b.Run("lex", func(b *testing.B) {
		for b.Loop() {
			Solve(pl, 200, Budget{Bytes: 1 << 30, Work: 1 << 30})
		}
	})
}
