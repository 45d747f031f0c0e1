package pricing

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Round-trip editing: a save changes only what the user changed.
//
// EditProject takes the bytes of a project file, the project those bytes hold,
// and the project as the user left it, and returns the file with only the
// differences applied: a changed value is replaced where it stands (its
// comment kept, in the same column when there is room), a key that now needs
// writing is added after its table's last key, a key whose value has no
// spelling any more (a balance or volume switched off) loses its own line, a
// removed video loses its table with the comments directly above it, a new
// video is appended as EncodeProject writes it, and reordered videos move as
// whole blocks. Every other byte (comments, blank lines, key order, spelling
// such as length = 2.5 or count = 0x4) is kept.
//
// Videos are told apart by Video.ID: the video of the edited project whose ID
// is that of the saved project's k-th video is the k-th [[videos]] table of
// the file; a video with ID 0, or an ID already taken, is new.

// EditProject returns original edited from saved to edited, and whether the
// file's layout was kept. It falls back to EncodeProject (kept = false) when
// there is no original, when the file uses a shape it does not edit in place
// (an inline videos array, dotted keys, other tables, scenarios before a
// video), or when the edited
// bytes would not read back as the full encoding does: a save never writes a
// file that means something else than the month on screen.
func EditProject(original []byte, saved, edited *Project, card *RateCard) (out []byte, kept bool) {
	full := func() ([]byte, bool) { return EncodeProject(edited, card), false }
	if len(original) == 0 || saved == nil {
		return full()
	}
	if !slices.Equal(saved.OneTime, edited.OneTime) {
		// The one-time charges first, in their own tables; the month's editor
		// then sees them as saved.
		src, ok := editOneTimeNeeds(original, edited.Plan, saved.OneTime, edited.OneTime)
		if !ok {
			return full()
		}
		s := *saved
		s.OneTime = edited.OneTime
		original, saved = src, &s
	}
	doc, ok := scanProjectSource(original)
	if !ok || len(doc.videos) != len(saved.Videos) {
		return full()
	}
	out = doc.editWithScenarios(saved, edited, card)
	// The script files are not read again: their words are the ones on screen.
	known := knownScripts(saved, edited)
	got, err := ParseProjectFrom("edited.toml", out, card, known)
	if err != nil {
		return full()
	}
	if SameProject(got, edited) {
		return out, true
	}
	// The loader may spell some values its own way (a trimmed language): the
	// edit is right when it reads as the full encoding reads.
	if want, err := ParseProjectFrom("encoded.toml", EncodeProject(edited, card), card, known); err == nil && SameProject(got, want) {
		return out, true
	}
	return full()
}

// SameProject reports whether a and b are the same month: every field equal,
// Video.ID aside (it names a video, it is not part of it), and an empty list
// equal to none.
func SameProject(a, b *Project) bool {
	if a.Plan != b.Plan || a.Billing != b.Billing || a.HasBalance != b.HasBalance || a.Seats != b.Seats ||
		a.WatermarkOK != b.WatermarkOK || a.AllowFewerRerenders != b.AllowFewerRerenders ||
		!slices.Equal(a.Volume, b.Volume) || len(a.Videos) != len(b.Videos) {
		return false
	}
	if a.HasBalance && a.Balance != b.Balance {
		return false
	}
	if a.HasBudget != b.HasBudget || a.HasBudget && a.Budget != b.Budget || !slices.Equal(a.OneTime, b.OneTime) {
		return false
	}
	if a.PricingFile != b.PricingFile || (a.Customer == nil) != (b.Customer == nil) ||
		a.Customer != nil && *a.Customer != *b.Customer {
		return false
	}
	for i := range a.Videos {
		if !sameVideo(&a.Videos[i], &b.Videos[i]) {
			return false
		}
	}
	return sameScenarios(a.Scenarios, b.Scenarios)
}

func sameVideo(a, b *Video) bool {
	return a.Name == b.Name && a.Count == b.Count && a.Seconds == b.Seconds && a.Picks == b.Picks &&
		slices.Equal(a.Languages, b.Languages) && a.BRollClips == b.BRollClips &&
		a.ScriptGenerations == b.ScriptGenerations && a.Rerenders == b.Rerenders && sameScriptAndDrafts(a, b)
}

// writeVideo writes one [[videos]] table as EncodeProject does, each line ended by nl.
func writeVideo(b *strings.Builder, v *Video, card *RateCard, nl string) {
	line := func(key, value string) {
		b.WriteString(key)
		b.WriteString(" = ")
		b.WriteString(value)
		b.WriteString(nl)
	}
	b.WriteString("[[videos]]" + nl)
	line("name", tomlQuote(v.Name))
	line("count", strconv.Itoa(v.Count))
	writeLengthKeys(line, v)
	for s := Slot(0); s < NumSlots; s++ {
		if v.Picks[s] != "" && v.Picks[s] != card.Defaults[s] && !(s == SlotScript && v.ScriptFile != "") {
			line(s.Key(), tomlQuote(v.Picks[s]))
		}
	}
	if len(v.Languages) > 0 {
		line("languages", languagesValue(v.Languages))
	}
	if v.BRollClips > 0 {
		line("broll_clips", strconv.Itoa(v.BRollClips))
	}
	if v.ScriptGenerations > 0 {
		line("script_generations", strconv.Itoa(v.ScriptGenerations))
	}
	if v.Rerenders > 0 {
		line("rerenders", strconv.Itoa(v.Rerenders))
	}
	writeDraftKeys(line, v)
}

func lengthValue(seconds int) string { return strconv.Quote(FormatLength(seconds)) }

func languagesValue(langs []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, l := range langs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(tomlQuote(l))
	}
	b.WriteByte(']')
	return b.String()
}

func volumeValue(vol []int64) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, m := range vol {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(formatFixed(m, 3, false))
	}
	b.WriteByte(']')
	return b.String()
}

// The scanner: where each line, key and value of a project file sits.

type lineKind uint8

const (
	lineBlank lineKind = iota
	lineComment
	lineKey    // a key = value line (its value may run over several lines)
	lineHeader // a [[videos]] or [[scenarios]] line
)

type srcLine struct {
	kind       lineKind
	start, end int // end is just past the line's newline, or the end of the file
}

// srcEntry is one key = value line.
type srcEntry struct {
	key                string // the key, unquoted
	start, keyStart    int    // the line's start, and where the key begins (after indentation)
	valStart, valEnd   int
	commentAt, lineEnd int // the trailing comment's start (-1: none); just past the newline
}

type srcTable struct {
	header  int // index of the [[videos]] line in lines
	entries []srcEntry
}

type srcDoc struct {
	src    []byte
	lines  []srcLine
	root   []srcEntry
	videos []srcTable
	// scenarios are the [[scenarios]] tables, all after the last video
	// (scenarioedit.go edits them).
	scenarios []srcTable
	// oneTime are the [[one_time]] tables, copied as they stand by the
	// month's editor and edited before it (onetimeedit.go).
	oneTime []srcTable
	nl      string
}

// maxEditDepth bounds the nesting of arrays and inline tables the scanner
// follows; a project's values nest at most one level.
const maxEditDepth = 32

type srcScanner struct {
	src []byte
	i   int
}

func (s *srcScanner) eof() bool { return s.i >= len(s.src) }

func (s *srcScanner) peek(k int) byte {
	if s.i+k < len(s.src) {
		return s.src[s.i+k]
	}
	return 0
}

func (s *srcScanner) skipSpace() {
	for !s.eof() && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipComment skips a comment up to (not including) its newline.
func (s *srcScanner) skipComment() {
	for !s.eof() && s.src[s.i] != '\n' {
		s.i++
	}
}

// endLine expects the end of a line (after optional spaces and a comment) and
// returns the comment's start (-1 for none).
func (s *srcScanner) endLine() (comment int, ok bool) {
	s.skipSpace()
	comment = -1
	if !s.eof() && s.src[s.i] == '#' {
		comment = s.i
		s.skipComment()
	}
	switch {
	case s.eof():
		return comment, true
	case s.src[s.i] == '\n':
		s.i++
		return comment, true
	case s.src[s.i] == '\r' && s.peek(1) == '\n':
		s.i += 2
		return comment, true
	}
	return comment, false
}

// skipBlank skips spaces, newlines and comments (inside arrays and inline tables).
func (s *srcScanner) skipBlank() {
	for !s.eof() {
		switch s.src[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

// simpleKey reads one bare or quoted key and returns its name (a quoted key's
// text as written: escapes are not decoded, so such a key matches no known key).
func (s *srcScanner) simpleKey() (string, bool) {
	start := s.i
	switch s.peek(0) {
	case '"':
		s.i++
		for !s.eof() && s.src[s.i] != '"' && s.src[s.i] != '\n' {
			if s.src[s.i] == '\\' {
				s.i++
			}
			s.i++
		}
		if s.eof() || s.src[s.i] != '"' {
			return "", false
		}
		s.i++
		return string(s.src[start+1 : s.i-1]), true
	case '\'':
		s.i++
		for !s.eof() && s.src[s.i] != '\'' && s.src[s.i] != '\n' {
			s.i++
		}
		if s.eof() || s.src[s.i] != '\'' {
			return "", false
		}
		s.i++
		return string(s.src[start+1 : s.i-1]), true
	}
	for !s.eof() && isBareKeyByte(s.src[s.i]) {
		s.i++
	}
	return string(s.src[start:s.i]), s.i > start
}

// keyPath reads a possibly dotted key and returns its parts.
func (s *srcScanner) keyPath() ([]string, bool) {
	var parts []string
	for {
		k, ok := s.simpleKey()
		if !ok {
			return nil, false
		}
		parts = append(parts, k)
		s.skipSpace()
		if s.peek(0) != '.' {
			return parts, true
		}
		s.i++
		s.skipSpace()
	}
}

// value skips one TOML value.
func (s *srcScanner) value(depth int) bool {
	if depth > maxEditDepth || s.eof() {
		return false
	}
	switch c := s.src[s.i]; {
	case c == '"' || c == '\'':
		if s.peek(1) == c && s.peek(2) == c {
			return s.multiline(c)
		}
		s.i++
		for !s.eof() && s.src[s.i] != c && s.src[s.i] != '\n' {
			if c == '"' && s.src[s.i] == '\\' {
				s.i++
			}
			s.i++
		}
		if s.eof() || s.src[s.i] != c {
			return false
		}
		s.i++
		return true
	case c == '[':
		s.i++
		for {
			s.skipBlank()
			if s.peek(0) == ']' {
				s.i++
				return true
			}
			if !s.value(depth + 1) {
				return false
			}
			s.skipBlank()
			switch s.peek(0) {
			case ',':
				s.i++
			case ']':
				s.i++
				return true
			default:
				return false
			}
		}
	case c == '{':
		s.i++
		for {
			s.skipBlank()
			if s.peek(0) == '}' {
				s.i++
				return true
			}
			if _, ok := s.keyPath(); !ok {
				return false
			}
			s.skipSpace()
			if s.peek(0) != '=' {
				return false
			}
			s.i++
			s.skipSpace()
			if !s.value(depth + 1) {
				return false
			}
			s.skipBlank()
			switch s.peek(0) {
			case ',':
				s.i++
			case '}':
				s.i++
				return true
			default:
				return false
			}
		}
	}
	// A number, boolean or date: up to the next delimiter. A date and time may
	// be separated by one space ("1979-05-27 07:32:00").
	start := s.i
	for !s.eof() {
		c := s.src[s.i]
		if c == ' ' && s.i-start == 10 && s.src[start+4] == '-' && s.peek(1) >= '0' && s.peek(1) <= '9' {
			s.i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#' || c == ',' || c == ']' || c == '}' {
			break
		}
		s.i++
	}
	return s.i > start
}

// multiline skips a """ or ”' string; its closing run may be up to five quotes.
func (s *srcScanner) multiline(q byte) bool {
	s.i += 3
	for !s.eof() {
		c := s.src[s.i]
		if q == '"' && c == '\\' {
			s.i += 2
			continue
		}
		if c == q && s.peek(1) == q && s.peek(2) == q {
			run := 3
			for run < 5 && s.peek(run) == q {
				run++
			}
			s.i += run
			return true
		}
		s.i++
	}
	return false
}

// scanProjectSource finds the lines, keys and [[videos]] tables of a project
// file. It reports false for what it does not edit in place: any table other
// than [[videos]] and [[scenarios]], a video after a scenario, a dotted key,
// or an inline videos or scenarios array. Each step of it
// moves forward, so it ends within the file's length.
func scanProjectSource(src []byte) (*srcDoc, bool) {
	d := &srcDoc{src: src, nl: "\n"}
	if strings.Contains(string(src), "\r\n") {
		d.nl = "\r\n"
	}
	s := &srcScanner{src: src}
	if strings.HasPrefix(string(src), "\uFEFF") {
		s.i = 3
	}
	inOpaque, sawOpaque, inOneTime := false, false, false
	for !s.eof() {
		start := s.i
		s.skipSpace()
		sawOpaque = sawOpaque || inOpaque
		switch {
		case s.eof() || s.peek(0) == '\n' || s.peek(0) == '\r':
			if _, ok := s.endLine(); !ok {
				return nil, false
			}
			d.lines = append(d.lines, srcLine{lineBlank, start, s.i})
		case s.peek(0) == '#':
			if _, ok := s.endLine(); !ok {
				return nil, false
			}
			d.lines = append(d.lines, srcLine{lineComment, start, s.i})
		case s.peek(0) == '[' && s.peek(1) != '[':
			// A [customer] table is kept as it is written: the planner never
			// edits it, so its lines are copied like comments.
			s.i++
			s.skipSpace()
			path, ok := s.keyPath()
			if !ok || len(path) != 1 || !contains(opaqueTables, path[0]) || s.peek(0) != ']' {
				return nil, false
			}
			s.i++
			if _, ok := s.endLine(); !ok {
				return nil, false
			}
			inOpaque, inOneTime = true, false
			d.lines = append(d.lines, srcLine{lineComment, start, s.i})
		case s.peek(0) == '[':
			inOpaque, inOneTime = false, false
			s.i += 2
			s.skipSpace()
			path, ok := s.keyPath()
			if !ok || len(path) != 1 || (path[0] != "videos" && path[0] != "scenarios" && !contains(opaqueArrays, path[0])) || s.peek(0) != ']' || s.peek(1) != ']' {
				return nil, false
			}
			s.i += 2
			if _, ok := s.endLine(); !ok {
				return nil, false
			}
			if contains(opaqueArrays, path[0]) {
				// Copied as it is written, like [customer]; a save that
				// changes it is written anew (EditProject checks).
				inOpaque = true
				if path[0] == "one_time" {
					// Recorded to be edited where it stands (onetimeedit.go).
					inOneTime = true
					d.oneTime = append(d.oneTime, srcTable{header: len(d.lines)})
				}
				d.lines = append(d.lines, srcLine{lineComment, start, s.i})
				continue
			}
			switch {
			case path[0] == "scenarios":
				d.scenarios = append(d.scenarios, srcTable{header: len(d.lines)})
			case len(d.scenarios) > 0:
				return nil, false // a video after the scenarios: not a layout edited in place
			default:
				d.videos = append(d.videos, srcTable{header: len(d.lines)})
			}
			d.lines = append(d.lines, srcLine{lineHeader, start, s.i})
		default:
			keyStart := s.i
			path, ok := s.keyPath()
			if !ok || len(path) != 1 || s.peek(0) != '=' {
				return nil, false
			}
			s.i++
			s.skipSpace()
			vs := s.i
			if !s.value(0) {
				return nil, false
			}
			e := srcEntry{key: path[0], start: start, keyStart: keyStart, valStart: vs, valEnd: s.i}
			if e.commentAt, ok = s.endLine(); !ok {
				return nil, false
			}
			e.lineEnd = s.i
			if inOpaque {
				if inOneTime {
					t := &d.oneTime[len(d.oneTime)-1]
					t.entries = append(t.entries, e)
				}
				d.lines = append(d.lines, srcLine{lineComment, start, s.i})
				continue
			}
			if len(d.scenarios) > 0 {
				t := &d.scenarios[len(d.scenarios)-1]
				t.entries = append(t.entries, e)
			} else if len(d.videos) == 0 {
				if e.key == "videos" || e.key == "scenarios" {
					return nil, false
				}
				d.root = append(d.root, e)
			} else {
				t := &d.videos[len(d.videos)-1]
				t.entries = append(t.entries, e)
			}
			d.lines = append(d.lines, srcLine{lineKey, start, s.i})
		}
	}
	if (sawOpaque || inOpaque) && len(d.root) == 0 {
		// New keys of the month would go after the table: written anew instead.
		return nil, false
	}
	return d, true
}

// opaqueTables are the tables of a project a save copies unchanged.
var opaqueTables = []string{"customer"}

// opaqueArrays are the arrays of tables of a project a save copies unchanged.
var opaqueArrays = []string{"one_time"}

// The editor.

// srcEdit replaces src[start:end] with text; an insertion has start == end.
type srcEdit struct {
	start, end int
	text       string
}

// tableEditor collects the edits to one table (the root or a video).
type tableEditor struct {
	d       *srcDoc
	entries []srcEntry
	// insertAt is where new keys go: after the table's last key, or after its
	// header; blankLine adds a blank line after them (new root keys before a video).
	insertAt  int
	indent    string
	edits     *[]srcEdit
	inserted  strings.Builder
	blankLine bool
}

func (t *tableEditor) find(key string) *srcEntry {
	for i := range t.entries {
		if t.entries[i].key == key {
			return &t.entries[i]
		}
	}
	return nil
}

// set gives key the value text: in place if the key is there, else on a new line.
func (t *tableEditor) set(key, text string) {
	e := t.find(key)
	if e == nil {
		t.inserted.WriteString(t.indent + key + " = " + text + t.d.nl)
		return
	}
	src := t.d.src
	end := e.valEnd
	// Comments inside the old value (an array over several lines) are kept as
	// comment lines above the key.
	if cs := valueComments(src, e.valStart, e.valEnd); len(cs) > 0 {
		var above strings.Builder
		for _, c := range cs {
			above.WriteString(string(src[e.start:e.keyStart]) + c + t.d.nl)
		}
		*t.edits = append(*t.edits, srcEdit{e.start, e.start, above.String()})
	}
	// Keep a trailing comment in its column when the value leaves room.
	if e.commentAt > e.valEnd && !strings.ContainsAny(string(src[e.valStart:e.commentAt]), "\n\t") {
		room := utf8.RuneCount(src[e.valStart:e.commentAt])
		text += strings.Repeat(" ", max(1, room-utf8.RuneCountInString(text)))
		end = e.commentAt
	}
	*t.edits = append(*t.edits, srcEdit{e.valStart, end, text})
}

// valueComments returns the comments inside src[from:to], a value.
func valueComments(src []byte, from, to int) []string {
	var out []string
	s := &srcScanner{src: src[:to], i: from}
	for !s.eof() {
		switch s.src[s.i] {
		case '"', '\'':
			if !s.value(0) {
				return out
			}
		case '#':
			at := s.i
			s.skipComment()
			out = append(out, strings.TrimRight(string(src[at:s.i]), "\r"))
		default:
			s.i++
		}
	}
	return out
}

// remove deletes key's line, if the key is there.
func (t *tableEditor) remove(key string) {
	if e := t.find(key); e != nil {
		*t.edits = append(*t.edits, srcEdit{e.start, e.lineEnd, ""})
	}
}

// flush adds the new keys' lines as one insertion.
func (t *tableEditor) flush() {
	if t.inserted.Len() == 0 {
		return
	}
	text := t.inserted.String()
	if t.insertAt > 0 && t.d.src[t.insertAt-1] != '\n' {
		text = t.d.nl + text // the table's last line ended the file without a newline
	}
	if t.blankLine {
		text += t.d.nl
	}
	*t.edits = append(*t.edits, srcEdit{t.insertAt, t.insertAt, text})
}

func (d *srcDoc) tableEditor(entries []srcEntry, after int, edits *[]srcEdit) *tableEditor {
	t := &tableEditor{d: d, entries: entries, insertAt: after, edits: edits}
	if n := len(entries); n > 0 {
		last := entries[n-1]
		t.insertAt = last.lineEnd
		t.indent = string(d.src[last.start:last.keyStart])
	}
	return t
}

// render copies src[start:end] with the edits that fall inside it applied.
func (d *srcDoc) render(b *strings.Builder, start, end int, edits []srcEdit) {
	at := start
	for _, e := range edits {
		if e.start < start || e.end > end || e.start < at {
			continue
		}
		b.Write(d.src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(d.src[at:end])
}

func sortEdits(edits []srcEdit) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
}

// editRoot records the changes to the month's own keys.
func (d *srcDoc) editRoot(saved, edited *Project, headerEnd int, edits *[]srcEdit) {
	t := d.tableEditor(d.root, headerEnd, edits)
	if len(d.root) == 0 && len(d.videos) > 0 {
		t.blankLine = true
	}
	// A month with no videos left needs its plan written down to read back
	// (an empty project is refused), even when the file left it to the card.
	if saved.Plan != edited.Plan || len(edited.Videos) == 0 && !slices.ContainsFunc(d.root, func(e srcEntry) bool { return e.key == "plan" }) {
		t.set("plan", tomlQuote(edited.Plan))
	}
	if saved.Billing != edited.Billing {
		t.set("billing", strconv.Quote(edited.Billing.Key()))
	}
	if saved.HasBalance != edited.HasBalance || saved.Balance != edited.Balance {
		if edited.HasBalance {
			t.set("balance", edited.Balance.String())
		} else {
			t.remove("balance")
		}
	}
	if saved.Seats != edited.Seats {
		t.set("seats", strconv.Itoa(edited.Seats))
	}
	if saved.WatermarkOK != edited.WatermarkOK {
		t.set("watermark_ok", strconv.FormatBool(edited.WatermarkOK))
	}
	if saved.AllowFewerRerenders != edited.AllowFewerRerenders {
		t.set("allow_fewer_rerenders", strconv.FormatBool(edited.AllowFewerRerenders))
	}
	if !slices.Equal(saved.Volume, edited.Volume) {
		if len(edited.Volume) == 12 {
			t.set("volume", volumeValue(edited.Volume))
		} else {
			t.remove("volume")
		}
	}
	if saved.HasBudget != edited.HasBudget || saved.Budget != edited.Budget {
		if edited.HasBudget {
			t.set("budget", budgetValue(edited.Budget))
		} else {
			t.remove("budget")
		}
	}
	t.flush()
}

// editVideo records the changes to one video's table.
func (d *srcDoc) editVideo(k int, s, e *Video, card *RateCard, edits *[]srcEdit) {
	tbl := &d.videos[k]
	t := d.tableEditor(tbl.entries, d.lines[tbl.header].end, edits)
	if s.Name != e.Name {
		t.set("name", tomlQuote(e.Name))
	}
	if s.Count != e.Count {
		t.set("count", strconv.Itoa(e.Count))
	}
	editScriptKeys(t, s, e, card)
	for slot := Slot(0); slot < NumSlots; slot++ {
		if s.Picks[slot] == e.Picks[slot] || slot == SlotScript && (s.ScriptFile != "" || e.ScriptFile != "") {
			continue
		}
		if e.Picks[slot] == "" {
			t.remove(slot.Key())
		} else {
			t.set(slot.Key(), tomlQuote(e.Picks[slot]))
		}
	}
	if !slices.Equal(s.Languages, e.Languages) {
		t.set("languages", languagesValue(e.Languages))
	}
	if s.BRollClips != e.BRollClips {
		t.set("broll_clips", strconv.Itoa(e.BRollClips))
	}
	if s.ScriptGenerations != e.ScriptGenerations {
		t.set("script_generations", strconv.Itoa(e.ScriptGenerations))
	}
	if s.Rerenders != e.Rerenders {
		t.set("rerenders", strconv.Itoa(e.Rerenders))
	}
	editDraftKeys(t, s, e)
	t.flush()
}

// block is one video's part of the file: the comment lines directly above its
// [[videos]] line, the table, and what follows up to the next video's block
// (body), then the blank lines after it (gap).
type block struct {
	start, bodyEnd, end int
}

// blocks cuts the file after its header into one block per video, and the
// trailer: comments after the last video's table that a blank line sets
// apart, which stay at the end of the file whatever video comes last.
func (d *srcDoc) blocks() (headerEnd int, bs []block, trailer int) {
	n := len(d.videos)
	if n == 0 {
		return len(d.src), nil, len(d.src)
	}
	first := make([]int, n) // each block's first line
	for k, t := range d.videos {
		j := t.header
		for j > 0 && d.lines[j-1].kind == lineComment {
			j--
		}
		first[k] = j
	}
	lineStart := func(j int) int {
		if j < len(d.lines) {
			return d.lines[j].start
		}
		return len(d.src)
	}
	bs = make([]block, n)
	trailer = len(d.src)
	for k := range n {
		endLine := len(d.lines)
		if k+1 < n {
			endLine = first[k+1]
		}
		bodyEnd := endLine // one past the body's last line
		if k+1 < n {
			for bodyEnd > first[k] && d.lines[bodyEnd-1].kind == lineBlank {
				bodyEnd--
			}
		} else {
			// The last video: its body ends with its last key (or header) and the
			// comments right under it; a blank line starts the gap, and what
			// follows the gap is the file's trailer.
			j := d.videos[k].header
			for i := j; i < endLine; i++ {
				if d.lines[i].kind == lineKey || d.lines[i].kind == lineHeader {
					j = i
				}
			}
			bodyEnd = j + 1
			for bodyEnd < endLine && d.lines[bodyEnd].kind == lineComment {
				bodyEnd++
			}
			gapEnd := bodyEnd
			for gapEnd < endLine && d.lines[gapEnd].kind == lineBlank {
				gapEnd++
			}
			trailer = lineStart(gapEnd)
			endLine = gapEnd
		}
		bs[k] = block{start: lineStart(first[k]), bodyEnd: lineStart(bodyEnd), end: lineStart(endLine)}
	}
	return bs[0].start, bs, trailer
}

func (d *srcDoc) edit(saved, edited *Project, card *RateCard) []byte {
	headerEnd, bs, trailer := d.blocks()
	// Each table's edits are kept apart: an insertion where one part of the
	// file ends and the next begins belongs to one of them only.
	var rootEdits []srcEdit
	videoEdits := make([][]srcEdit, len(bs))
	d.editRoot(saved, edited, headerEnd, &rootEdits)
	sortEdits(rootEdits)

	// Match each edited video to the saved one with its ID, first come first served.
	byID := make(map[int]int, len(saved.Videos))
	for k := range saved.Videos {
		if id := saved.Videos[k].ID; id != 0 {
			if _, dup := byID[id]; !dup {
				byID[id] = k
			}
		}
	}
	from := make([]int, len(edited.Videos)) // the saved video each edited one is, or -1
	for j := range edited.Videos {
		from[j] = -1
		if k, ok := byID[edited.Videos[j].ID]; ok && edited.Videos[j].ID != 0 {
			from[j] = k
			delete(byID, edited.Videos[j].ID)
			d.editVideo(k, &saved.Videos[k], &edited.Videos[j], card, &videoEdits[k])
			sortEdits(videoEdits[k])
		}
	}

	var b strings.Builder
	b.Grow(len(d.src) + len(d.src)/8)
	d.render(&b, 0, headerEnd, rootEdits)
	endLine := func() {
		if s := b.String(); len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteString(d.nl)
		}
	}
	n := len(bs)
	gap := func(pos int) string { // the blank lines after the video at position pos
		switch {
		case n == 0:
			return d.nl
		case pos < n-1:
			return string(d.src[bs[pos].bodyEnd:bs[pos].end])
		case n >= 2:
			return string(d.src[bs[n-2].bodyEnd:bs[n-2].end])
		}
		return d.nl
	}
	if n == 0 && len(edited.Videos) > 0 && b.Len() > 0 {
		endLine()
		if s := b.String(); !strings.HasSuffix(s, d.nl+d.nl) && s != d.nl {
			b.WriteString(d.nl)
		}
	}
	for j := range edited.Videos {
		if j > 0 {
			endLine()
			b.WriteString(gap(j - 1))
		}
		if k := from[j]; k >= 0 {
			d.render(&b, bs[k].start, bs[k].bodyEnd, videoEdits[k])
		} else {
			writeVideo(&b, &edited.Videos[j], card, d.nl)
		}
	}
	if n > 0 {
		if len(edited.Videos) > 0 {
			endLine()
			b.WriteString(string(d.src[bs[n-1].bodyEnd:trailer]))
		}
		b.Write(d.src[trailer:])
	}
	return []byte(b.String())
}
