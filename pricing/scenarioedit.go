package pricing

import (
	"strconv"
	"strings"
)

// Editing [[scenarios]] in place. A file's scenarios follow its videos; the
// file is cut where the first scenario's block begins (its header, and the
// comment lines directly above it): the part before is the month, edited as
// projectedit.go edits it, and the part after is the scenarios, edited here
// the way videos are. Each scenario's block (its comments, header, keys, and
// what follows up to the next block) is kept, with only its changed keys
// rewritten; a deleted scenario loses its block; a new one is appended as
// EncodeProject writes it. Scenarios are told apart by Scenario.ID, as videos
// are by Video.ID.

// editWithScenarios is edit for a file that may hold scenarios.
func (d *srcDoc) editWithScenarios(saved, edited *Project, card *RateCard) []byte {
	if len(d.scenarios) == 0 && len(edited.Scenarios) == 0 {
		return d.edit(saved, edited, card)
	}
	cut := len(d.src)
	if len(d.scenarios) > 0 {
		cut = d.lines[d.attachedStart(d.scenarios[0].header)].start
	}
	month, ok := scanProjectSource(d.src[:cut])
	if !ok || len(month.videos) != len(d.videos) || len(d.scenarios) != len(saved.Scenarios) {
		return EncodeProject(edited, card) // EditProject then reads it as the full encoding
	}
	month.nl = d.nl
	var b strings.Builder
	b.Write(month.edit(saved, edited, card))
	d.editScenarios(&b, saved, edited)
	return []byte(b.String())
}

// attachedStart is the first of the comment lines directly above line h
// (h itself when there are none).
func (d *srcDoc) attachedStart(h int) int {
	for h > 0 && d.lines[h-1].kind == lineComment {
		h--
	}
	return h
}

// scenarioBlocks cuts the scenarios' part of the file into one block per
// scenario: start (its attached comments), bodyEnd (after its last line that
// is not blank) and end (the next block's start, or the end of the file).
func (d *srcDoc) scenarioBlocks() []block {
	n := len(d.scenarios)
	bs := make([]block, n)
	lineStart := func(j int) int {
		if j < len(d.lines) {
			return d.lines[j].start
		}
		return len(d.src)
	}
	for k := range n {
		first := d.attachedStart(d.scenarios[k].header)
		endLine := len(d.lines)
		if k+1 < n {
			endLine = d.attachedStart(d.scenarios[k+1].header)
		}
		bodyEnd := endLine
		for bodyEnd > first && d.lines[bodyEnd-1].kind == lineBlank {
			bodyEnd--
		}
		bs[k] = block{start: lineStart(first), bodyEnd: lineStart(bodyEnd), end: lineStart(endLine)}
	}
	return bs
}

// editScenarios writes the edited project's scenarios after the month in b:
// each one the file holds in its own block, edited; each new one as
// EncodeProject writes it.
func (d *srcDoc) editScenarios(b *strings.Builder, saved, edited *Project) {
	bs := d.scenarioBlocks()
	byID := make(map[int]int, len(saved.Scenarios))
	for k := range saved.Scenarios {
		if id := saved.Scenarios[k].ID; id != 0 && k < len(bs) {
			if _, dup := byID[id]; !dup {
				byID[id] = k
			}
		}
	}
	endLine := func() {
		if s := b.String(); len(s) > 0 && s[len(s)-1] != '\n' {
			b.WriteString(d.nl)
		}
	}
	// What separates two scenarios: the file's own gap after the first
	// scenario, or one blank line.
	gap := d.nl
	if len(bs) > 1 {
		gap = string(d.src[bs[0].bodyEnd:bs[0].end])
	}
	for j := range edited.Scenarios {
		e := &edited.Scenarios[j]
		endLine()
		if j > 0 {
			b.WriteString(gap)
		} else if s := b.String(); len(s) > 0 && !endsBlank(s) {
			b.WriteString(d.nl)
		}
		k, ok := byID[e.ID]
		if !ok || e.ID == 0 {
			writeScenario(b, e, d.nl)
			continue
		}
		delete(byID, e.ID)
		var edits []srcEdit
		d.editScenario(k, &saved.Scenarios[k], e, &edits)
		sortEdits(edits)
		d.render(b, bs[k].start, bs[k].bodyEnd, edits)
	}
	if len(edited.Scenarios) > 0 {
		endLine()
	}
}

// editScenario records the changes to one scenario's table.
func (d *srcDoc) editScenario(k int, s, e *Scenario, edits *[]srcEdit) {
	tbl := &d.scenarios[k]
	t := d.tableEditor(tbl.entries, d.lines[tbl.header].end, edits)
	if s.Name != e.Name {
		t.set("name", tomlQuote(e.Name))
	}
	text := func(key string, was, now string) {
		switch {
		case was == now:
		case now == "":
			t.remove(key)
		default:
			t.set(key, now)
		}
	}
	plan := func(sc *Scenario) string {
		if sc.Plan == "" {
			return ""
		}
		return tomlQuote(sc.Plan)
	}
	billing := func(sc *Scenario) string {
		if sc.Billing == nil {
			return ""
		}
		return strconv.Quote(sc.Billing.Key())
	}
	seats := func(sc *Scenario) string {
		if sc.Seats == nil {
			return ""
		}
		return strconv.Itoa(*sc.Seats)
	}
	balance := func(sc *Scenario) string {
		if sc.Balance == nil {
			return ""
		}
		return sc.Balance.String()
	}
	volume := func(sc *Scenario) string {
		if sc.Volume <= 0 {
			return ""
		}
		return VolumeText(sc.Volume)
	}
	text("plan", plan(s), plan(e))
	text("billing", billing(s), billing(e))
	text("seats", seats(s), seats(e))
	text("balance", balance(s), balance(e))
	if !sameScenario(&Scenario{Substitute: s.Substitute}, &Scenario{Substitute: e.Substitute}) {
		if len(e.Substitute) == 0 {
			t.remove("substitute")
		} else {
			t.set("substitute", substitutionsValue(e.Substitute))
		}
	}
	text("volume", volume(s), volume(e))
	t.flush()
}

// endsBlank reports whether s ends with a blank line.
func endsBlank(s string) bool {
	return strings.HasSuffix(s, "\n\n") || strings.HasSuffix(s, "\n\r\n")
}
