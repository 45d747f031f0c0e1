// Package knapsack solves the multiple-choice knapsack: from every group take
// exactly one option so that the options' weights together stay within a
// capacity and their values together are the best possible.
//
// It knows nothing of what the groups stand for. Values are one of three cell
// types, chosen by the caller for the range its values need: Score (one int64),
// Score128 (two words) and Lex (four int64 compared in order). The dynamic
// programme is written once, generic over the cell type and over the width of
// the table of picks; each cell type brings its own row loops, so the inner
// loop is a plain loop over a slice (branch-free for the scores).
//
// The table is sized before anything is allocated and refused when it would
// pass the caller's Budget; Greedy is then the fallback.
//
// Where each rule lives:
//
//	knapsack.go  the problem, Solve, the budget and the table's layout
//	             (packing or covering, the unit of weight)
//	cells.go     the cell types and their row loops (shift, relax, fuse, best)
//	table.go     the dynamic programme, the table of picks (a bit per entry
//	             for groups of two options) and the walk back
//	greedy.go    the fallback: down each group's upper hull by least gain
//	             lost per unit of weight
package knapsack
