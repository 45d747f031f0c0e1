package pricing

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// What a proposal embeds.
//
// Every proposal carries the inputs it was computed from as a block of
// lines between two marker lines:
//
//	BEGIN CREDITPLAN PROPOSAL INPUTS 1
//	version 0.1.0
//	format html
//	prepared-on 2026-12-03
//	card-name SGV5R2Vu...              (base64: names are the card's, not ours)
//	card-as-of 2026-01-06
//	card-sha256 4f1c...
//	body-sha256 9a2e...
//	card PGNhcmQ...                    (base64, 76 characters a line, repeated)
//	project W2N1c3...
//	END CREDITPLAN PROPOSAL INPUTS
//
// plus plan, billing, overlay-name, overlay-sha256 and overlay lines when
// they apply. Every
// line is made of letters, digits, spaces and the characters ".:+/=_-", so
// no format needs to escape any of it: HTML holds the block in a <pre hidden>
// element, Markdown in an HTML comment, CSV as one-field rows, JSON as an
// array of strings one a line. One parser reads it back from all four: it
// takes the lines between the markers, trims spaces, the CSV rows' leading
// "inputs,,,", a trailing comma and surrounding double quotes.
//
// The body is the document without the block (from the start of the BEGIN
// marker to the end of the END marker); body-sha256 is its SHA-256, so a
// proposal whose visible text was edited is told from one that was not.

// Proposal inputs block markers.
const (
	inputsBegin = "BEGIN CREDITPLAN PROPOSAL INPUTS"
	inputsEnd   = "END CREDITPLAN PROPOSAL INPUTS"
	// inputsVersion is the block's layout version, after the BEGIN marker.
	inputsVersion = "1"
	// MaxProposalBytes is the largest proposal verify reads: room for the
	// base64 (4/3 of the bytes) of the largest card, overlay and project
	// their loaders accept (21 MiB together, 28 in base64), and for the
	// visible body and the project's re-encoding beside them.
	MaxProposalBytes = 48 << 20
	base64Line       = 76
)

// ProposalInputs are what a proposal was computed from.
type ProposalInputs struct {
	// Version is creditplan's; Format the proposal's (html, md, csv, json).
	Version, Format string
	// PreparedOn is the day the proposal was made, YYYY-MM-DD.
	PreparedOn string
	// Plan and Billing are the --plan and --billing given ("" when not).
	Plan, Billing string
	// CardName and CardAsOf are the card's [card] name and as_of.
	CardName, CardAsOf string
	// OverlayName is the pricing overlay's file name (its base name, as its
	// badge shows it); "" without an overlay.
	OverlayName string
	// CardSHA256, OverlaySHA256 and BodySHA256 are lower-case hex;
	// OverlaySHA256 is "" without an overlay. BodySHA256 is "" while the
	// body is being rendered.
	CardSHA256, OverlaySHA256, BodySHA256 string
	// Card, Overlay and Project are the bytes: the card and overlay as read,
	// the project as ProposalProject wrote it.
	Card, Overlay, Project []byte
}

// SHA256Hex is the lower-case hex SHA-256 of b.
func SHA256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// ProposalProject is the project as a proposal embeds it: the file decoded
// and written again without [customer].notes (internal, never sent) and
// without comments (which are internal too). It reads back as the same
// month. src must be a project that ParseProject accepted.
func ProposalProject(src []byte) ([]byte, error) {
	var tree map[string]any
	if _, err := toml.Decode(string(src), &tree); err != nil {
		return nil, err
	}
	if cu, ok := tree["customer"].(map[string]any); ok {
		delete(cu, "notes")
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(tree); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Block writes the inputs as the lines of a proposal's block, markers
// included, each ending in "\n".
func (in *ProposalInputs) Block() string {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			b.WriteString(k + " " + v + "\n")
		}
	}
	b.WriteString(inputsBegin + " " + inputsVersion + "\n")
	line("version", in.Version)
	line("format", in.Format)
	line("prepared-on", in.PreparedOn)
	line("plan", b64(in.Plan))
	line("billing", in.Billing)
	line("card-name", b64(in.CardName))
	line("card-as-of", in.CardAsOf)
	line("card-sha256", in.CardSHA256)
	line("overlay-name", b64(in.OverlayName))
	line("overlay-sha256", in.OverlaySHA256)
	line("body-sha256", in.BodySHA256)
	for _, k := range []struct {
		key string
		b   []byte
	}{{"card", in.Card}, {"overlay", in.Overlay}, {"project", in.Project}} {
		s := base64.StdEncoding.EncodeToString(k.b)
		for len(s) > 0 {
			n := min(len(s), base64Line)
			line(k.key, s[:n])
			s = s[n:]
		}
	}
	b.WriteString(inputsEnd + "\n")
	return b.String()
}

func b64(s string) string {
	if s == "" {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(s))
}

// ErrNotProposal is returned for a document that holds no inputs block.
var ErrNotProposal = errors.New("not a creditplan proposal, or one cut short: it holds no embedded inputs (no line " + inputsBegin + ")")

// ProposalBody is the document without its inputs block: what body-sha256
// is taken of. ok is false when the document holds no whole block.
func ProposalBody(doc []byte) (body []byte, ok bool) {
	i := bytes.Index(doc, []byte(inputsBegin))
	if i < 0 {
		return nil, false
	}
	j := bytes.Index(doc[i:], []byte(inputsEnd))
	if j < 0 {
		return nil, false
	}
	j += i + len(inputsEnd)
	body = make([]byte, 0, len(doc)-(j-i))
	body = append(append(body, doc[:i]...), doc[j:]...)
	return body, true
}

// ParseProposalInputs reads the inputs block of a proposal in any format.
// Every problem is an error saying what is wrong; it never panics, and
// its work is bounded by the document's length.
func ParseProposalInputs(doc []byte) (*ProposalInputs, error) {
	if len(doc) > MaxProposalBytes {
		return nil, fmt.Errorf("not read: %d bytes is more than a proposal can be (%d at most)", len(doc), MaxProposalBytes)
	}
	i := bytes.Index(doc, []byte(inputsBegin))
	if i < 0 {
		return nil, ErrNotProposal
	}
	if bytes.Count(doc, []byte(inputsBegin)) > 1 {
		return nil, errors.New("holds more than one embedded inputs block: it was edited or pasted together")
	}
	rest := doc[i+len(inputsBegin):]
	j := bytes.Index(rest, []byte(inputsEnd))
	if j < 0 {
		return nil, errors.New("truncated: its embedded inputs have no end line (" + inputsEnd + ")")
	}
	lines := strings.Split(string(rest[:j]), "\n")
	head := cleanInputsLine(lines[0])
	if head != inputsVersion {
		return nil, fmt.Errorf("embedded inputs of layout %q; this creditplan reads layout %s", Printable(head), inputsVersion)
	}
	in := &ProposalInputs{}
	var card, overlay, project strings.Builder
	seen := map[string]bool{}
	var problems []string
	for n, raw := range lines[1:] {
		l := cleanInputsLine(raw)
		if l == "" {
			continue
		}
		key, val, _ := strings.Cut(l, " ")
		single := func(dst *string) {
			if seen[key] {
				problems = append(problems, fmt.Sprintf("line %d of the inputs: %s given twice", n+2, key))
			}
			seen[key] = true
			*dst = val
		}
		switch key {
		case "version":
			single(&in.Version)
		case "format":
			single(&in.Format)
		case "prepared-on":
			single(&in.PreparedOn)
		case "plan":
			single(&in.Plan)
		case "billing":
			single(&in.Billing)
		case "card-name":
			single(&in.CardName)
		case "card-as-of":
			single(&in.CardAsOf)
		case "card-sha256":
			single(&in.CardSHA256)
		case "overlay-name":
			single(&in.OverlayName)
		case "overlay-sha256":
			single(&in.OverlaySHA256)
		case "body-sha256":
			single(&in.BodySHA256)
		case "card":
			card.WriteString(val)
		case "overlay":
			overlay.WriteString(val)
		case "project":
			project.WriteString(val)
		default:
			problems = append(problems, fmt.Sprintf("line %d of the inputs: unknown key %q", n+2, Printable(key)))
		}
		if len(problems) >= 10 {
			break
		}
	}
	decode := func(what, s string, dst *[]byte) {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			problems = append(problems, fmt.Sprintf("the embedded %s is not valid base64 (%v)", what, err))
			return
		}
		*dst = b
	}
	decode("card", card.String(), &in.Card)
	decode("overlay", overlay.String(), &in.Overlay)
	decode("project", project.String(), &in.Project)
	var name, plan, overlayName []byte
	decode("card name", in.CardName, &name)
	decode("plan", in.Plan, &plan)
	decode("overlay name", in.OverlayName, &overlayName)
	in.CardName, in.Plan, in.OverlayName = string(name), string(plan), string(overlayName)
	for _, h := range []struct{ key, v string }{{"card-sha256", in.CardSHA256}, {"body-sha256", in.BodySHA256}, {"overlay-sha256", in.OverlaySHA256}} {
		if (h.v != "" || h.key != "overlay-sha256") && !isSHA256Hex(h.v) {
			problems = append(problems, fmt.Sprintf("its %s is not a SHA-256 (64 hex digits): %q", h.key, Printable(h.v)))
		}
	}
	for _, req := range []struct{ key, v string }{{"version", in.Version}, {"format", in.Format}, {"prepared-on", in.PreparedOn}} {
		if req.v == "" {
			problems = append(problems, "its embedded inputs name no "+req.key)
		}
	}
	for _, tok := range []struct{ key, v string }{{"version", in.Version}, {"format", in.Format}, {"prepared-on", in.PreparedOn}, {"billing", in.Billing}, {"card-as-of", in.CardAsOf}} {
		if !isToken(tok.v) {
			problems = append(problems, fmt.Sprintf("its %s %q is not a word of letters, digits and .+_-", tok.key, Printable(tok.v)))
		}
	}
	if len(in.Card) == 0 {
		problems = append(problems, "its embedded inputs hold no card")
	}
	if len(in.Project) == 0 {
		problems = append(problems, "its embedded inputs hold no project")
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "; "))
	}
	return in, nil
}

// cleanInputsLine trims what a format wraps a block line in: spaces, a
// trailing comma (JSON arrays) and surrounding double quotes (JSON strings).
func cleanInputsLine(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, csvInputsPrefix)
	s = strings.TrimSuffix(s, ",")
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, `"`)
	s = strings.TrimSuffix(s, `"`)
	return strings.TrimSpace(s)
}

// csvInputsPrefix begins each of the block's rows in a CSV proposal: the
// section "inputs" and two empty cells, so the line is the row's value.
const csvInputsPrefix = "inputs,,,"

// isToken reports whether s is empty or a word of letters, digits and
// ".+_-": what the block's plain values are written with.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '+' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
