package knapsack

// fuser is a cell type's optional packing pass that takes a group's zero move
// and one other option together.
type fuser[V any, P pick] interface {
	fuse(cur, next []V, pk []P, reach, newReach, st int64, d0, d1 V, z, o P)
}

// run is the dynamic programme. In packing mode entry i holds the best choice
// of the groups so far weighing exactly i units above their lightest options.
// In covering mode entry i holds the best choice weighing exactly i units below
// their heaviest options, the last entry every choice at least size units
// below. Only the entries up to reach (the most any choice so far can move)
// are visited.
func run[V Cell, P pick, O ops[V, P]](p *Problem[V], l layout) []int {
	var o O
	fu, canFuse := any(o).(fuser[V, P])
	size := l.size
	n := int(size) + 1
	groups := p.Len()
	cur, next := make([]V, n), make([]V, n)
	for i := range cur {
		cur[i] = o.empty()
	}
	// The first entry holds the empty choice, worth zero.
	cur[0] = *new(V)
	picks := make([]P, n*groups)
	// capPrev is, per group, the entry the covering table's last entry came
	// from: that entry has many possible predecessors, every other entry one.
	var capPrev []int32
	if l.covering {
		capPrev = make([]int32, groups)
	}
	var steps []int64
	reach := int64(0)
	for g := range groups {
		opts := p.Group(g)
		lo, hi := weightRange(opts)
		steps = steps[:0]
		top := int64(0)
		zero := -1
		for k, op := range opts {
			st := (op.Weight - lo) / l.unit
			if l.covering {
				st = (hi - op.Weight) / l.unit
			}
			steps = append(steps, st)
			top = max(top, st)
			if st == 0 && zero < 0 {
				zero = k
			}
		}
		newReach := min(reach+top, size)
		row := picks[n*g : n*(g+1)]
		// Every group has an option that moves no entry (its lightest when
		// packing, its heaviest when covering). It goes first, as a plain copy
		// that needs no comparison, since the rest of the row is still empty.
		d0 := opts[zero].Value
		fused := -1
		if !l.covering && canFuse {
			for k, st := range steps {
				if k != zero && st <= size {
					fused = k
					break
				}
			}
		}
		if fused >= 0 {
			fu.fuse(cur, next, row, reach, newReach, steps[fused], d0, opts[fused].Value, P(zero), P(fused))
		} else {
			o.shift(next[:reach+1], cur[:reach+1], d0)
			for i := reach + 1; i <= newReach; i++ {
				next[i] = o.empty()
			}
			if l.covering && reach == size {
				capPrev[g] = int32(size) // the last entry's copy of itself
			}
			if zero != 0 {
				for i := range row[:reach+1] {
					row[i] = P(zero)
				}
			}
		}
		for k, st := range steps {
			if k == zero || k == fused {
				continue
			}
			d := opts[k].Value
			// Entries whose move lands inside the table (below the last entry
			// when covering, since that one keeps its own predecessor)...
			last := min(reach, size-st)
			if l.covering {
				last = min(reach, size-st-1)
			}
			if last >= 0 {
				o.relax(next[st:st+last+1], cur[:last+1], d, row[st:st+last+1], P(k))
			}
			// ...and, when covering, those that shed all that is needed or more.
			if l.covering {
				from := max(last+1, 0)
				if at, c := o.best(cur[from:reach+1], d); at >= 0 && o.better(c, next[size]) {
					next[size] = c
					row[size] = P(k)
					capPrev[g] = int32(from + int64(at))
				}
			}
		}
		reach = newReach
		cur, next = next, cur
	}
	end := size
	if !l.covering {
		end = -1
		for i := int64(0); i <= reach; i++ {
			if !o.isEmpty(cur[i]) && (end < 0 || o.better(cur[i], cur[end])) {
				end = i
			}
		}
	}
	// Walk the picks back from the best last entry.
	choice := make([]int, groups)
	at := end
	for g := groups - 1; g >= 0; g-- {
		opts := p.Group(g)
		lo, hi := weightRange(opts)
		k := int(picks[n*g+int(at)])
		choice[g] = k
		w := opts[k].Weight
		switch {
		case l.covering && at == size:
			at = int64(capPrev[g])
		case l.covering:
			at -= (hi - w) / l.unit
		default:
			at -= (w - lo) / l.unit
		}
	}
	return choice
}
