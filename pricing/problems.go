package pricing

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with an input file, at a line and column.
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string
}

// String is file:line:col: message, with the file's name and the message made
// Printable: either may hold text from the command line or the file.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", Printable(p.File), p.Line, p.Col, Printable(p.Msg))
}

// Problems is every problem found in a file, in file order. A loader returns all
// of them at once, never a half-loaded value.
type Problems []Problem

// Error lists each problem on its own line as file:line:col: message.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// AsProblems extracts the Problems from an error returned by a loader.
func AsProblems(err error) (Problems, bool) {
	var ps Problems
	ok := errors.As(err, &ps)
	return ps, ok
}

// decoder walks a decoded TOML tree against a schema and collects problems by
// key path ("plans[2].credits"); paths become line:col only when there are problems.
type decoder struct {
	file     string
	src      []byte // read again only to place problems
	problems []pathProblem
	// refused holds the paths of text refused for a character no one may be
	// shown (refuseUnsafeText): every other problem about such a path would be
	// a follow-on of that one, so none is reported.
	refused map[string]bool
	// idsUnread is set when some feature's id could not be read: an id that is
	// then "unknown" may be that one, so no reference is called unknown.
	idsUnread bool
}

type pathProblem struct {
	path string
	msg  string
	// at says what in path the problem is about: its key (the usual), or the
	// first refused character of its text value or of its own key.
	at problemAt
	// dropped is set when a later problem makes this one a follow-on: a missing
	// key next to an unknown one that is its misspelling.
	dropped bool
	// also is another place the problem is about (the first of two rows of
	// one id); its line replaces alsoMark in msg (addAlso).
	also string
}

// alsoMark in a message is replaced by the line of the problem's other place.
const alsoMark = "\x00also"

// addAlso adds a problem at path that also names the line of another path:
// the message's alsoMark becomes "line N".
func (d *decoder) addAlso(path, also, format string, args ...any) {
	if d.refused[path] {
		return
	}
	d.problems = append(d.problems, pathProblem{path: path, msg: fmt.Sprintf(format, args...), also: also})
}

type problemAt int

const (
	atKey problemAt = iota
	atRuneInValue
	atRuneInKey
)

func (d *decoder) addf(path, format string, args ...any) {
	d.addAt(path, atKey, format, args...)
}

// addAt adds a problem about one place in path; a problem about refused text
// is the only one reported for it.
func (d *decoder) addAt(path string, at problemAt, format string, args ...any) {
	if at == atKey && d.refused[path] {
		return
	}
	d.problems = append(d.problems, pathProblem{path: path, msg: fmt.Sprintf(format, args...), at: at})
}

// err turns the collected problems into Problems with positions, in file
// order. Paths and messages go through Printable: a key from the file is part
// of the message and must not reach a terminal raw either.
func (d *decoder) err() error {
	paths := make([]string, 0, len(d.problems))
	for _, p := range d.problems {
		if !p.dropped {
			paths = append(paths, p.path)
			if p.also != "" {
				paths = append(paths, p.also)
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	loc := locate(string(d.src), wantPaths(paths))
	out := make(Problems, 0, len(paths))
	for _, p := range d.problems {
		if p.dropped {
			continue
		}
		var pos position
		switch p.at {
		case atRuneInValue:
			pos = loc.findRune(p.path, false)
		case atRuneInKey:
			pos = loc.findRune(p.path, true)
		default:
			pos = loc.find(p.path)
		}
		msg := p.msg
		if p.also != "" {
			msg = strings.ReplaceAll(msg, alsoMark, fmt.Sprintf("line %d", loc.find(p.also).line))
		}
		if p.path != "" {
			msg = p.path + ": " + msg
		}
		out = append(out, Problem{File: d.file, Line: pos.line, Col: pos.col, Msg: Printable(msg)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Col < out[j].Col
	})
	return out
}
