package ui

// rect is a block of the screen in cells: columns x to x+w-1, rows y to y+h-1.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// scrolled is a list shown in rows: where the rows are on screen and the
// first item they show.
type scrolled struct {
	rows   rect
	offset int
}

// at is the item drawn at the screen cell (x, y), or -1 outside the rows.
func (s scrolled) at(x, y int) int {
	if !s.rows.contains(x, y) {
		return -1
	}
	return s.offset + y - s.rows.y
}

// uiLayout is where everything goes on screen. Update works it out after
// every message (updateLayout), from the terminal's size, the screen and what
// it shows; View draws from it and the mouse maps clicks with it, so a click
// lands on what was drawn and View never has to write the model. The scroll
// positions live here too: keys move them, the next layout keeps them in range.
type uiLayout struct {
	width, height int
	// small: the terminal is below MinWidth x MinHeight and only a message shows.
	small bool
	// tabs are the tab titles on the tab line; body the rows between the rule
	// and the status line.
	tabs [numScreens]rect
	body rect
	// wide: the Video screen's form and summary sit side by side.
	wide bool
	// summaryLines is the summary under a narrow form: in full (reasons, the
	// breakdown's header) when it fits, else compact.
	summaryLines []string
	// formValueW is the width of the form's value column.
	formValueW int
	// monthCols are the Month table's columns; names the widest video name
	// they were sized for.
	monthCols monthColumns
	names     monthNames

	form    scrolled // the Video screen's form: a field per row
	summary rect     // the Video screen's summary, beside or under the form
	month   scrolled // the Month screen's table: a video per row
	plans   scrolled // the Plans screen's plan rows
	year    scrolled // the Year screen's twelve months
	fit     scrolled // the fit proposal's change rows (empty while none show)
	help    scrolled // the full help's lines (offset 0 while it is closed)

	// footer is the key help at the bottom, rendered again only when what it
	// depends on changes.
	footer    string
	footerFor helpLineKey
}

// helpLineKey is what the footer's key help depends on.
type helpLineKey struct {
	screen  Screen
	holder  Holder
	width   int
	dark    bool
	present bool
}

// updateLayout works out the layout for the model as it is now.
func (m *Model) updateLayout() { m.layout = m.generateLayout() }

// generateLayout is the layout of the model as it is now; it reads the model
// (and the last layout, for the scroll positions) and writes nothing.
func (m *Model) generateLayout() uiLayout {
	prev := &m.layout
	if m.tooSmall() {
		// Nothing but the message is drawn; the scroll positions wait for a
		// terminal large enough again.
		l := *prev
		l.width, l.height, l.small = m.width, m.height, true
		return l
	}
	w, bh := m.width, m.bodyHeight()
	// The Video form sits beside its summary only where both fit with every
	// option's rate in full; otherwise it takes the width, the summary below.
	formNeed := 2 + labelWidth + 1 + m.video.valueW + 1 + m.video.tagW
	l := uiLayout{width: w, height: m.height, body: rect{0, bodyTop, w, bh}, wide: w >= formNeed+2+m.summaryNeed()}
	l.formValueW = valueWidth
	if w >= 2+labelWidth+1+m.video.valueW+1+width(numberTag) {
		l.formValueW = m.video.valueW
	}
	for i, t := range tabSpans() {
		l.tabs[i] = rect{t.start, 1, t.end - t.start, 1}
	}

	// The Video screen: a title line, then the form (and the summary beside
	// it when wide, under it when narrow, where its length sets the form's).
	// Worked out only while it shows, as the narrow summary is rendered to be
	// measured; elsewhere the form keeps its scroll.
	l.form, l.summary = prev.form, prev.summary
	if m.screen == ScreenVideo {
		h := bh - 1
		formW, rows := w, h
		l.summary = rect{}
		if l.wide {
			formW = formNeed
			l.summary = rect{formW + 2, bodyTop + 1, w - formW - 2, h}
		} else if m.currentVideo() != nil {
			// Under the form the summary is compact unless the whole of it
			// fits below every row.
			// fits below every row. The lines are kept for View, which would
			// only render them again.
			l.summaryLines = m.videoSummary(w-1, h, false)
			if len(m.video.rows)+1+len(l.summaryLines) > h {
				l.summaryLines = m.videoSummary(w-1, h, true)
			}
			rows = narrowFormRows(h, len(l.summaryLines), len(m.video.rows))
			l.summary = rect{1, bodyTop + 1 + rows + 1, w - 1, max(h-rows-1, 0)}
		}
		// A form cut short keeps its last row to say what is above and below.
		shown := rows
		if rows < len(m.video.rows) {
			shown = max(rows-1, 1)
		}
		l.form = scrolled{rect{0, bodyTop + 1, formW, shown},
			window(prev.form.offset, min(m.video.focus, len(m.video.rows)-1), len(m.video.rows), shown)}
	}

	l.names = prev.names
	if m.screen == ScreenMonth && (l.names.project != m.project || l.names.version != m.version) {
		n := 0
		for i := range m.project.Videos {
			n = max(n, width(m.project.Videos[i].Name))
		}
		l.names = monthNames{m.project, m.version, n}
	}
	l.monthCols = m.monthColumnsFor(w, l.names.width)
	rows := max(bh-monthHeadRows-1-m.notesRows(), 1)
	l.month = scrolled{rect{0, bodyTop + monthHeadRows, w, rows}, window(prev.month.offset, m.sel, len(m.project.Videos), rows)}
	l.plans = scrolled{rows: rect{0, bodyTop + plansHeadRows, w, max(min(len(m.card.Plans), bh-plansHeadRows), 0)}}
	l.year = scrolled{rows: rect{0, bodyTop + yearHeadRows, w, max(min(12, bh-yearHeadRows), 0)}}

	if r := m.fit.res; m.fit.open && !m.fit.pending && r != nil && len(r.Changes) > 0 {
		top := len(m.fitHead(w)) + 2 // a blank line and the column header
		rows := max(bh-top-1, 1)     // the last row says which changes show
		l.fit = scrolled{rect{0, bodyTop + top, w, rows}, max(0, min(prev.fit.offset, len(r.Changes)-rows))}
	}
	if m.help.ShowAll {
		l.help = scrolled{l.body, max(0, min(prev.help.offset, len(m.helpBody(w))-bh))}
	}

	// The footer's key help depends only on the screen, what holds the keys,
	// the width and the light or dark styles.
	l.footerFor = m.footerKey(w)
	if prev.footer != "" && prev.footerFor == l.footerFor {
		l.footer = prev.footer
	} else {
		l.footer = m.renderFooter(w)
	}
	return l
}
