package pricing

import (
	"bytes"
	"strconv"
	"strings"
)

// Saving a month's one-time charges where they stand.
//
// The month's editor (EditProject) copies a project's [[one_time]] tables as
// they are written. When the planner changes them, editOneTimeNeeds edits
// those tables first: a charge kept keeps its table and comments (a new
// month is written into its month line), a charge dropped loses its table
// with the comments directly above it, and a new charge's table is written
// after the last one (newOneTimeTables). EditProject then checks the whole
// file reads back as the month on screen, as for every other edit.

// editOneTimeNeeds returns src with its [[one_time]] tables changed from
// saved to edited, or false when it cannot edit them in place: the file's
// tables are not saved's, or edited reorders the charges saved kept.
func editOneTimeNeeds(src []byte, plan string, saved, edited []OneTimeNeed) ([]byte, bool) {
	d, ok := scanProjectSource(src)
	if !ok || len(d.oneTime) != len(saved) {
		return nil, false
	}
	var edits []srcEdit
	next := 0 // the first of edited not yet matched to a table
	for k, was := range saved {
		t := d.oneTime[k]
		if next < len(edited) && edited[next].ID == was.ID {
			now := edited[next]
			next++
			if now.Month != was.Month {
				te := d.tableEditor(t.entries, d.lines[t.header].end, &edits)
				if now.Month != 1 || te.find("month") != nil {
					te.set("month", strconv.Itoa(now.Month))
				}
				te.flush()
			}
			continue
		}
		if containsNeed(edited[next:], was.ID) {
			return nil, false // kept, but moved: not an edit in place
		}
		edits = append(edits, d.oneTimeBlock(t))
	}
	if next < len(edited) {
		edits = append(edits, d.newOneTimeTables(plan, edited[next:]))
	}
	sortEdits(edits)
	var b strings.Builder
	d.render(&b, 0, len(src), edits)
	return []byte(b.String()), true
}

// newOneTimeTables is the edit that adds needs' tables, as EncodeProject
// writes them: after the file's last [[one_time]] table; without one, above
// the first video (or scenario) and the comments directly above it, where
// the month's own tables stand; else at the end of the file. A file with no
// key of its own gets its plan written above them: the month's keys go
// above its first table, and a table would otherwise take them in.
func (d *srcDoc) newOneTimeTables(plan string, needs []OneTimeNeed) srcEdit {
	var b strings.Builder
	writeOneTimeNeeds(&b, needs) // each table after a blank line
	text := b.String()
	if len(d.root) == 0 && len(d.oneTime) == 0 {
		text = "plan = " + tomlQuote(plan) + "\n" + text
	}
	at := -1
	switch {
	case len(d.oneTime) > 0:
		last := d.oneTime[len(d.oneTime)-1]
		at = d.lines[last.header].end
		if n := len(last.entries); n > 0 {
			at = last.entries[n-1].lineEnd
		}
	case len(d.videos) > 0:
		at = d.lines[d.attachedStart(d.videos[0].header)].start
	case len(d.scenarios) > 0:
		at = d.lines[d.attachedStart(d.scenarios[0].header)].start
	}
	if at >= 0 && len(d.oneTime) == 0 && len(d.root) > 0 {
		// Above a table: the blank line goes after the new tables instead.
		text = strings.TrimPrefix(text, "\n") + "\n"
	} else if at >= 0 && len(d.oneTime) == 0 {
		text += "\n"
	}
	if at < 0 {
		at = len(d.src)
	}
	text = strings.ReplaceAll(text, "\n", d.nl)
	if at > 0 && d.src[at-1] != '\n' {
		text = d.nl + text // the line before ended the file without a newline
	}
	return srcEdit{at, at, text}
}

// oneTimeBlock is the edit that removes a [[one_time]] table: its header,
// its lines and the comment lines directly above it, and a blank line after
// it when one is also before it, so no gap of two is left.
func (d *srcDoc) oneTimeBlock(t srcTable) srcEdit {
	first := t.header
	for first > 0 && d.isCommentLine(first-1) {
		first--
	}
	end := d.lines[t.header].end
	if n := len(t.entries); n > 0 {
		end = t.entries[n-1].lineEnd
	}
	after := 0
	for after < len(d.lines) && d.lines[after].start < end {
		after++
	}
	blankBefore := first == 0 || d.lines[first-1].kind == lineBlank
	if after < len(d.lines) && d.lines[after].kind == lineBlank && blankBefore {
		end = d.lines[after].end
	}
	return srcEdit{d.lines[first].start, end, ""}
}

// isCommentLine reports whether line i is a comment: the scanner also files a
// copied table's lines as comments, so its text says.
func (d *srcDoc) isCommentLine(i int) bool {
	l := d.lines[i]
	return l.kind == lineComment && bytes.HasPrefix(bytes.TrimLeft(d.src[l.start:l.end], " \t"), []byte("#"))
}
