package pricing

import (
	"bytes"
	"strings"
)

// Verifying a proposal: the rules that tell a proposal whose inputs or
// visible text were edited (tampered) from one that is as it was made.
// The command (verify.go) re-renders the proposal from its embedded inputs
// and compares the proposals made with the card used and the card now; what
// is a match is decided here.

// ProposalTampering lists what no longer matches in a proposal's own
// record of itself: an embedded card or overlay whose SHA-256 is not the
// one recorded, a body whose SHA-256 is not body-sha256. None: the
// proposal is as some creditplan wrote it (re-rendering it then says
// whether its inputs give what it shows).
func ProposalTampering(doc []byte, in *ProposalInputs) []string {
	var out []string
	if SHA256Hex(in.Card) != in.CardSHA256 {
		out = append(out, "its embedded card is not the card of its card-sha256 ("+in.CardSHA256[:12]+"...): the card was edited")
	}
	switch {
	case in.OverlaySHA256 == "" && len(in.Overlay) > 0:
		out = append(out, "it embeds a pricing overlay but records no overlay-sha256")
	case in.OverlaySHA256 != "" && SHA256Hex(in.Overlay) != in.OverlaySHA256:
		out = append(out, "its embedded pricing overlay is not the one of its overlay-sha256: the overlay was edited")
	}
	body, ok := ProposalBody(doc)
	if !ok || SHA256Hex(body) != in.BodySHA256 {
		out = append(out, "its visible text is not the text it was made with (its body's SHA-256 does not match body-sha256): it was edited after it was made")
	}
	return out
}

// LineChange is a line, or a run of lines, in which a proposal as shown
// differs from the proposal recomputed: Line is its first line's number in
// the shown one.
type LineChange struct {
	Line     int
	Shown    []string
	Computed []string
}

// maxChanges bounds how many changes DiffLines lists, and maxChangeLines
// how many lines of a run it keeps.
const (
	maxChanges     = 12
	maxChangeLines = 8
)

// DiffLines is where shown and computed differ, in linear time: the lines
// between their common beginning and common end; when both sides of that
// run have as many lines (a figure edited in place), only the lines that
// differ, each on its own. Lines are trimmed and made printable.
func DiffLines(shown, computed []byte) []LineChange {
	if bytes.Equal(shown, computed) {
		return nil
	}
	a := strings.Split(string(shown), "\n")
	b := strings.Split(string(computed), "\n")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	j := 0
	for j < len(a)-i && j < len(b)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	ma, mb := a[i:len(a)-j], b[i:len(b)-j]
	if len(ma) != len(mb) {
		return []LineChange{{Line: i + 1, Shown: keepLines(ma), Computed: keepLines(mb)}}
	}
	var out []LineChange
	for k := range ma {
		if ma[k] == mb[k] {
			continue
		}
		if len(out) == maxChanges {
			out = append(out, LineChange{Line: i + k + 1, Shown: []string{"..."}, Computed: []string{"..."}})
			break
		}
		out = append(out, LineChange{Line: i + k + 1, Shown: keepLines(ma[k : k+1]), Computed: keepLines(mb[k : k+1])})
	}
	return out
}

// keepLines is at most maxChangeLines lines, trimmed, each at most 200
// bytes, made printable.
func keepLines(ls []string) []string {
	var out []string
	for k, l := range ls {
		if k == maxChangeLines {
			out = append(out, "...")
			break
		}
		l = strings.TrimSpace(l)
		if len(l) > 200 {
			l = l[:200] + "..."
		}
		out = append(out, Printable(l))
	}
	return out
}
