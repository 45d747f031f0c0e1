package knapsack

import "encoding/binary"

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
	t := newPicks[P](p, n)
	scratch := make([]P, n)
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
		row := t.row(g, scratch)
		if t.kind[g] != wideRow {
			// A group of one or two options keeps a bit per entry: it is
			// tabled into a scratch row, which must start empty, then packed.
			clear(row[:newReach+1])
		}
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
		t.pack(g, row[:newReach+1])
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
		k := t.get(g, at)
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

// picks remembers, for every group and table entry, which option the best
// entry took, so the choice can be walked back from the end: nothing for a
// group of one option, a bit per entry for a group of two (most groups, in most
// problems), a P per entry otherwise.
type picks[P pick] struct {
	n, words int
	kind     []rowKind
	at       []int // per group, its row's offset in wide or bits
	wide     []P
	bits     []uint64
}

type rowKind uint8

const (
	noRow rowKind = iota
	bitRow
	wideRow
)

func kindOf(options int) rowKind {
	switch options {
	case 1:
		return noRow
	case 2:
		return bitRow
	}
	return wideRow
}

func newPicks[P pick, V Cell](p *Problem[V], n int) *picks[P] {
	t := &picks[P]{n: n, words: (n + 63) / 64, kind: make([]rowKind, p.Len()), at: make([]int, p.Len())}
	wide, small := 0, 0
	for g := range t.at {
		switch t.kind[g] = kindOf(len(p.Group(g))); t.kind[g] {
		case bitRow:
			t.at[g] = small * t.words
			small++
		case wideRow:
			t.at[g] = wide * n
			wide++
		}
	}
	t.wide = make([]P, wide*n)
	t.bits = make([]uint64, small*t.words)
	return t
}

// picksBytes is the memory newPicks takes for a table of entries, P being
// pick bytes wide.
func picksBytes[V Cell](p *Problem[V], entries, pick int64) int64 {
	bytes := int64(0)
	for g := range p.ends {
		switch kindOf(len(p.Group(g))) {
		case bitRow:
			bytes = satAdd(bytes, satMul(satAdd(entries, 63)/64, 8))
		case wideRow:
			bytes = satAdd(bytes, satMul(entries, pick))
		}
	}
	return bytes
}

// row is where group g's picks are written: its own row, or scratch.
func (t *picks[P]) row(g int, scratch []P) []P {
	if t.kind[g] == wideRow {
		return t.wide[t.at[g] : t.at[g]+t.n]
	}
	return scratch
}

// pack stores a two-option group's scratch row (every entry 0 or 1) as bits.
func (t *picks[P]) pack(g int, row []P) {
	if t.kind[g] != bitRow {
		return
	}
	bits := t.bits[t.at[g] : t.at[g]+t.words]
	if b, ok := any(row).([]uint8); ok {
		packBytes(b, bits)
		return
	}
	for w := range bits {
		chunk := row[min(w*64, len(row)):min(w*64+64, len(row))]
		x := uint64(0)
		for i, k := range chunk {
			x |= uint64(k&1) << i
		}
		bits[w] = x
	}
}

// packBytes packs bytes that are 0 or 1 eight at a time: the multiplication
// moves byte j's low bit to bit 56+j, and no two partial products meet.
func packBytes(row []uint8, bits []uint64) {
	for w := range bits {
		chunk := row[min(w*64, len(row)):min(w*64+64, len(row))]
		x, i := uint64(0), 0
		for ; i+8 <= len(chunk); i += 8 {
			x |= (binary.LittleEndian.Uint64(chunk[i:]) * 0x0102040810204080 >> 56) << i
		}
		for ; i < len(chunk); i++ {
			x |= uint64(chunk[i]) << i
		}
		bits[w] = x
	}
}

func (t *picks[P]) get(g int, at int64) int {
	switch t.kind[g] {
	case noRow:
		return 0
	case wideRow:
		return int(t.wide[t.at[g]+int(at)])
	}
	return int(t.bits[t.at[g]+int(at/64)] >> (at % 64) & 1)
}
