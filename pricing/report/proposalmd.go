package report

import (
	"bufio"
	"strings"
)

// writeProposalMarkdown writes the proposal as Markdown: headings, lists and
// pipe tables, the inputs block in an HTML comment (which renderers hide),
// then the closing line.
func writeProposalMarkdown(w *bufio.Writer, doc *proposalDoc, inputs string) {
	w.WriteString("# " + md(doc.Title) + "\n\n")
	for _, p := range doc.Lead {
		w.WriteString(md(p) + "\n\n")
	}
	for _, s := range doc.Sections {
		w.WriteString("## " + md(s.Title) + "\n\n")
		for _, p := range s.Paras {
			w.WriteString(md(p) + "\n\n")
		}
		for _, t := range s.Tables {
			w.WriteString("*" + md(t.Caption) + "*\n\n")
			cells := make([]string, len(t.Head))
			for i, h := range t.Head {
				cells[i] = md(h)
			}
			row(w, cells...)
			for i := range cells {
				cells[i] = "---"
				if i < len(t.Num) && t.Num[i] {
					cells[i] = "---:"
				}
			}
			row(w, cells...)
			for _, r := range t.Rows {
				for i, v := range r {
					cells[i] = md(v)
				}
				row(w, cells...)
			}
			w.WriteString("\n")
		}
		for _, l := range s.List {
			w.WriteString("- " + md(l) + "\n")
		}
		if len(s.List) > 0 {
			w.WriteString("\n")
		}
	}
	if inputs != "" {
		w.WriteString("<!-- What this proposal was computed from: creditplan verify reads it.\n")
		w.WriteString(inputs)
		w.WriteString("-->\n\n")
	}
	w.WriteString(md(doc.Closing) + "\n")
}

// proposalCSVHeader is the proposal CSV's one header row: every value is a
// row of section, item (the row a table's value is in), field and value.
var proposalCSVHeader = []string{"section", "item", "field", "value"}

// writeProposalCSV writes the proposal as one long table (section, item,
// field, value), which any sheet can filter; the inputs block is rows of
// section "inputs", and the last row is the closing line.
func writeProposalCSV(w *bufio.Writer, doc *proposalDoc, inputs string) error {
	cw := newPlainCSV(w)
	cw.row(proposalCSVHeader...)
	cw.row("proposal", "", "title", doc.Title)
	for _, p := range doc.Lead {
		cw.row("proposal", "", "text", p)
	}
	for _, s := range doc.Sections {
		cw.row(s.ID, "", "title", s.Title)
		for _, p := range s.Paras {
			cw.row(s.ID, "", "text", p)
		}
		for _, t := range s.Tables {
			for _, r := range t.Rows {
				for i := 1; i < len(r) && i < len(t.Head); i++ {
					cw.row(s.ID, r[0], t.Head[i], r[i])
				}
			}
		}
		for _, l := range s.List {
			cw.row(s.ID, "", "item", l)
		}
	}
	for _, l := range inputsLines(inputs) {
		cw.raw("inputs,,," + l)
	}
	cw.row("closing", "", "text", doc.Closing)
	return cw.end()
}

// plainCSV writes CSV rows with every cell through csvCell, and the
// inputs block's lines as they are (they need no quoting: checkInputsBlock).
type plainCSV struct {
	w   *bufio.Writer
	err error
}

func newPlainCSV(w *bufio.Writer) *plainCSV { return &plainCSV{w: w} }

func (c *plainCSV) row(cells ...string) {
	for i, s := range cells {
		if i > 0 {
			c.w.WriteByte(',')
		}
		s = csvCell(s)
		if strings.ContainsAny(s, ",\"\r\n") || strings.HasPrefix(s, " ") {
			s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
		}
		c.w.WriteString(s)
	}
	c.w.WriteString("\n")
}

func (c *plainCSV) raw(line string) { c.w.WriteString(line + "\n") }

func (c *plainCSV) end() error { return c.err }
