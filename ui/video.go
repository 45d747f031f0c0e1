package ui

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"creditplan/pricing"
	"creditplan/pricing/report"
)

// field is one row of the Video screen's form. Rows after the last field are the
// video's cheaper options, so up/down reaches them like any other row.
type field int

const (
	fieldName field = iota
	fieldLength
	fieldCount
	fieldAvatar
	fieldLook
	fieldVoice
	fieldResolution
	fieldTranslation
	fieldLanguages
	fieldBRoll
	fieldClips
	fieldAgent
	fieldScript
	fieldGenerations
	fieldRerenders
	// The script's words and the drafts come last: rows are reached by their
	// place, and the earlier ones keep theirs.
	fieldWords
	fieldDrafts
	// fieldScriptLanguage picks the script's language, whose pace the card
	// may give (words_per_minute_by_language); shown only on such a card.
	fieldScriptLanguage
	numFields

	noField field = -1
)

var fieldLabels = [numFields]string{
	"Name", "Length", "This month", "Avatar", "Look", "Voice", "Resolution", "Translation",
	"Languages", "B-roll", "B-roll clips", "Agent", "Script", "Generations", "Re-renders",
	"Script words", "Drafts", "Script lang.",
}

// slot is the pricing slot a field picks a feature for.
func (f field) slot() (pricing.Slot, bool) {
	switch f {
	case fieldAvatar:
		return pricing.SlotAvatar, true
	case fieldLook:
		return pricing.SlotLook, true
	case fieldVoice:
		return pricing.SlotVoice, true
	case fieldResolution:
		return pricing.SlotResolution, true
	case fieldTranslation:
		return pricing.SlotTranslation, true
	case fieldBRoll:
		return pricing.SlotBRoll, true
	case fieldAgent:
		return pricing.SlotAgent, true
	case fieldScript:
		return pricing.SlotScript, true
	}
	return 0, false
}

func (f field) isNumber() bool {
	return f == fieldCount || f == fieldClips || f == fieldGenerations || f == fieldRerenders ||
		f == fieldWords || f == fieldDrafts
}

func (f field) isText() bool { return f == fieldName || f == fieldLength || f == fieldLanguages }

// number returns a number field's value and the most the project file allows.
func (f field) number(v *pricing.Video) (n, limit int) {
	switch f {
	case fieldCount:
		return v.Count, pricing.MaxCount
	case fieldClips:
		return v.BRollClips, pricing.MaxClips
	case fieldGenerations:
		return v.ScriptGenerations, pricing.MaxGenerations
	case fieldRerenders:
		return v.Rerenders, pricing.MaxRerenders
	case fieldWords:
		return v.ScriptWords, pricing.MaxScriptWords
	case fieldDrafts:
		return v.Drafts, pricing.MaxDrafts
	}
	return 0, 0
}

func (f field) setNumber(v *pricing.Video, n int) {
	switch f {
	case fieldCount:
		v.Count = n
	case fieldClips:
		v.BRollClips = n
	case fieldGenerations:
		v.ScriptGenerations = n
	case fieldRerenders:
		v.Rerenders = n
	case fieldWords:
		setScriptWords(v, n)
	case fieldDrafts:
		v.Drafts = n
		if n == 0 {
			v.DraftResolution = ""
		}
	}
}

// videoPanel is the Video screen's own state: which row has focus and the
// text being typed into a field with its last error (the first row shown is
// the layout's).
type videoPanel struct {
	focus int
	// editing: a text field (the focused row) is open in Model.input.
	editing  bool
	editErr  string
	editOrig pricing.Video
	// editVersion and editRedo are the version and redo stack before the edit,
	// put back when the edit ends with the video as it was.
	editVersion int
	editRedo    []snapshot
	// run is the number field digits were last typed into: the first digit
	// typed into a field replaces its value, the next ones append.
	run editKey
	// rows are the form's rows: every field, less the choices the card has
	// no option for (a card without agents has no Agent row).
	rows []field
	// valueW and tagW are the form's columns that show every option of the
	// card in full (formWidths).
	valueW, tagW int
}

func (p *videoPanel) clamp(n int) {
	p.focus = max(0, min(p.focus, n-1))
}

// videoKey answers a key on the Video screen; run is the number field the
// previous key typed a digit into, if any.
func (m *Model) videoKey(msg tea.KeyPressMsg, run editKey) tea.Cmd {
	k := &m.keys.Video
	v := m.currentVideo()
	n := m.fieldCount()
	f := m.fieldAt(m.video.focus)
	switch {
	case key.Matches(msg, k.PrevVideo):
		m.selectVideo(m.sel - 1)
	case key.Matches(msg, k.NextVideo):
		m.selectVideo(m.sel + 1)
	case key.Matches(msg, k.Add):
		m.addVideo()
		m.video.focus = 0
	case v == nil:
		if key.Matches(msg, k.Enter) {
			m.addVideo()
		}
	case key.Matches(msg, k.Duplicate):
		m.duplicateVideo()
	case key.Matches(msg, k.Delete):
		m.deleteVideo()
		m.video.clamp(m.fieldCount())
	case key.Matches(msg, k.Jump):
		m.jumpToField(msg)
	case key.Matches(msg, k.Up):
		m.video.focus = max(0, m.video.focus-1)
	case key.Matches(msg, k.Down):
		m.video.focus = min(n-1, m.video.focus+1)
	case key.Matches(msg, k.Home):
		m.video.focus = 0
	case key.Matches(msg, k.End):
		m.video.focus = n - 1
	case key.Matches(msg, k.Cheapest):
		if alts := m.currentAlternatives(); len(alts) > 0 {
			m.applyAlternative(alts[0])
		} else if m.cheaperHidden() {
			m.setStatus("The cheaper options are hidden (C shows them).")
		} else {
			m.setStatus("No cheaper option for this video.")
		}
	case m.video.focus >= len(m.video.rows):
		if key.Matches(msg, k.Enter) {
			alts := m.currentAlternatives()
			if i := m.video.focus - len(m.video.rows); i < len(alts) {
				m.applyAlternative(alts[i])
			}
		}
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		d := 1
		if key.Matches(msg, k.Left) {
			d = -1
		}
		if s, ok := f.slot(); ok {
			m.cycleOption(s, d)
		} else if f == fieldScriptLanguage {
			m.cycleScriptLanguage(d)
		} else if f.isNumber() {
			cur, limit := f.number(v)
			if next := max(0, min(limit, cur+d)); next != cur {
				m.editVideo(fieldLabels[f]+" change", f, func(v *pricing.Video) { f.setNumber(v, next) })
			}
		}
	case f.isNumber() && key.Matches(msg, k.Digit):
		// The first digit replaces the number; the next ones are typed after it.
		ek := editKey{video: m.sel, field: f, ok: true}
		m.video.run = ek
		cur, limit := f.number(v)
		next := int(msg.Code - '0')
		if run == ek {
			next += cur * 10
		}
		if next > limit {
			m.setError(errorText(fieldLabels[f] + " can be at most " + strconv.Itoa(limit)))
			return nil
		}
		m.editVideo(fieldLabels[f]+" change", f, func(v *pricing.Video) { f.setNumber(v, next) })
	case f.isNumber() && key.Matches(msg, k.Erase):
		m.video.run = editKey{video: m.sel, field: f, ok: true}
		cur, _ := f.number(v)
		m.editVideo(fieldLabels[f]+" change", f, func(v *pricing.Video) { f.setNumber(v, cur/10) })
	case f.isText() && key.Matches(msg, k.Enter):
		m.startEdit(f)
	case f.isNumber() && key.Matches(msg, k.Enter):
		m.setStatus(fieldLabels[f] + " is a number: type digits to replace it, or ←/→ to add or take one.")
	case key.Matches(msg, k.Enter):
		// A choice row has no editor: say how it changes, so the next word typed
		// is not taken for commands.
		m.setStatus(fieldLabels[f] + " is a choice: ←/→ pick another option (enter edits only Name, Length and Languages).")
	}
	return nil
}

// jumpToField moves the focus to the next form row, after the focused one and
// wrapping round, whose label starts with the letter typed with alt: alt+l goes
// to Length, then Look, then Languages.
func (m *Model) jumpToField(msg tea.KeyPressMsg) {
	name := msg.String()
	letter, ok := strings.CutPrefix(name, "alt+")
	if !ok || letter == "" {
		return
	}
	n := len(m.video.rows)
	for d := 1; d <= n; d++ {
		i := (m.video.focus + d) % n
		if l := fieldLabels[m.video.rows[i]]; strings.EqualFold(l[:1], letter) {
			m.video.focus = i
			return
		}
	}
}

// paste puts pasted text where typing it would go: into a text row (editing
// it), or a number row when the text is a number; anywhere else it says why
// nothing changed rather than dropping the text unseen.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	f := m.fieldAt(m.video.focus)
	if m.screen != ScreenVideo || m.currentVideo() == nil || m.video.focus >= len(m.video.rows) || !(f.isText() || f.isNumber()) {
		m.setError(errorText("nothing here takes pasted text: paste into Name, Length, Languages or a number on the Video screen"))
		return nil
	}
	if f.isText() {
		m.startEdit(f)
		return m.updateInput(msg)
	}
	text := strings.TrimSpace(msg.Content)
	_, limit := f.number(m.currentVideo())
	n, err := strconv.Atoi(text)
	switch {
	case err != nil || n < 0 || text == "" || strings.ContainsAny(text, "+-_"):
		m.setError(errorText(fieldLabels[f] + " takes a whole number; pasted " + strconv.Quote(pricing.Printable(text)) + " is not one"))
		return nil
	case n > limit:
		m.setError(errorText(fieldLabels[f] + " can be at most " + strconv.Itoa(limit)))
		return nil
	}
	m.editVideo(fieldLabels[f]+" change", noField, func(v *pricing.Video) { f.setNumber(v, n) })
	return nil
}

// selectVideo moves the Video screen to another video of the month.
func (m *Model) selectVideo(i int) {
	if i < 0 || i >= len(m.project.Videos) {
		return
	}
	m.sel = i
	m.lastEdit = editKey{}
	m.video.clamp(m.fieldCount())
}

func (m *Model) cycleOption(s pricing.Slot, d int) {
	v := m.currentVideo()
	opts := m.card.Options(s)
	if len(opts) == 0 {
		return
	}
	at := 0
	for i, o := range opts {
		if o.ID == v.Picks[s] {
			at = i
		}
	}
	next := opts[(at+d+len(opts))%len(opts)]
	if next.ID == v.Picks[s] {
		return
	}
	m.editVideo(s.Title()+" change", noField, func(v *pricing.Video) { v.Picks[s] = next.ID })
	if m.quote != nil {
		if why := m.card.Unavailable(m.quote.Plan, next); why != "" {
			m.setError(errorText(next.Name + ": " + why + "; see the Plans screen"))
			return
		}
	}
	// What the option costs, said while cycling, so a price is never a surprise.
	m.setStatus(s.Title() + ": " + next.Name + " · " + m.costWords(next))
}

// cycleScriptLanguage picks the next language the card gives a pace for,
// "not said" (the card's own pace) between the last and the first.
func (m *Model) cycleScriptLanguage(d int) {
	v := m.currentVideo()
	if !v.FromScript() {
		m.setError(errorText("the script's language sets its pace, and this video's length is typed: give Script words first"))
		return
	}
	langs := append([]string{""}, m.card.ScriptLanguages()...)
	at := max(0, slices.Index(langs, v.ScriptLanguage))
	next := langs[(at+d+len(langs))%len(langs)]
	m.editVideo(fieldLabels[fieldScriptLanguage]+" change", noField, func(v *pricing.Video) { v.ScriptLanguage = next })
	name := next
	if name == "" {
		name = "not said (the card's pace)"
	}
	m.setStatus("Script language: " + name + " · " + m.scriptReading(v))
}

// costWords says what an option costs in words: "included", or
// "Premium, 20 credits a minute" (with its increment and minimum, if any).
func (m *Model) costWords(f *pricing.Feature) string {
	if !f.Premium {
		return "included"
	}
	word := m.card.CreditNamePlural
	if f.Rate == pricing.CreditScale {
		word = m.card.CreditName
	}
	// "premium credits" reads "credits" after "Premium,".
	if i := strings.LastIndexByte(word, ' '); i >= 0 {
		word = word[i+1:]
	}
	out := "Premium, " + f.Rate.String() + " " + word + " " + unitWords[f.Unit]
	if f.Unit.IsTime() && f.IncrementSeconds > 1 {
		out += ", billed in " + pricing.FormatLength(f.IncrementSeconds) + " steps"
	}
	if f.Minimum > 0 {
		out += ", at least " + f.Minimum.String()
	}
	return out
}

// unitWords say what a rate is charged per, after the amount.
var unitWords = map[pricing.Unit]string{
	pricing.PerMinute:         "a minute",
	pricing.PerSecond:         "a second",
	pricing.PerVideo:          "a video",
	pricing.PerLanguageMinute: "a minute per language",
	pricing.PerClip:           "a clip",
	pricing.PerGeneration:     "a generation",
}

// lengthOver is the plan's limit the video's length breaks, or "" (a video
// made zero times is not counted, as on Month).
func (m *Model) lengthOver(v *pricing.Video) string {
	q := m.quote
	if q == nil || v.Count <= 0 || q.Plan.MaxSeconds <= 0 || v.Seconds <= q.Plan.MaxSeconds {
		return ""
	}
	return "longer than " + q.Plan.Name + "'s " + pricing.FormatLength(q.Plan.MaxSeconds) + " maximum"
}

// premiumHint is what the first premium option of the form costs, for a
// video that spends nothing yet: "→ on Avatar: Avatar IV is Premium, 20
// credits a minute".
func (m *Model) premiumHint(v *pricing.Video) string {
	for _, f := range m.video.rows {
		sl, ok := f.slot()
		if !ok {
			continue
		}
		if cur, ok := m.card.Feature(v.Picks[sl]); ok && cur.Premium {
			continue
		}
		for _, o := range m.card.Options(sl) {
			if o.Premium {
				return "→ on " + fieldLabels[f] + ": " + o.Name + " is " + m.costWords(o)
			}
		}
	}
	return ""
}

func (m *Model) applyAlternative(a pricing.Alternative) {
	text := a.Text(m.card)
	m.editVideo("cheaper option", noField, func(v *pricing.Video) { v.Picks[a.Slot] = a.To.ID })
	m.setStatus("Applied: " + text + ". u undoes.")
	m.video.clamp(m.fieldCount())
}

// textValue is what a text field shows and what editing starts from.
func (m *Model) textValue(f field, v *pricing.Video) string {
	switch f {
	case fieldName:
		return v.Name
	case fieldLength:
		return pricing.FormatLength(v.Seconds)
	case fieldLanguages:
		return strings.Join(v.Languages, ", ")
	}
	return ""
}

// startEdit opens a text field with its value selected: the first character
// typed replaces it, ←/→ and ⌫ edit it.
func (m *Model) startEdit(f field) {
	v := m.currentVideo()
	m.video.editing = true
	m.video.editErr = ""
	m.video.editOrig = v.Clone()
	m.video.editVersion, m.video.editRedo = m.version, m.redo
	m.push(snapshot{index: m.sel, video: v.Clone(), what: fieldLabels[f] + " change"})
	m.lastEdit = editKey{}
	m.input.Reset()
	m.input.Placeholder = ""
	m.input.SetValue(m.textValue(f, v))
	m.input.CursorEnd()
	m.input.Focus()
	m.inputFresh = m.input.Value() != ""
}

// applyTextField puts the text being typed into the video on every key: an invalid
// length or language list shows its error beside the field and keeps the last valid value.
func (m *Model) applyTextField() {
	v := m.currentVideo()
	if v == nil {
		return
	}
	text := m.input.Value()
	m.video.editErr = ""
	switch m.fieldAt(m.video.focus) {
	case fieldName:
		if strings.TrimSpace(text) == "" {
			m.video.editErr = "a video needs a name"
			return
		}
		if _, r, bad := pricing.FirstUnsafe(text); bad {
			m.video.editErr = "a name cannot hold " + pricing.DescribeRune(r)
			return
		}
		v.Name = text
	case fieldLength:
		sec, err := pricing.ParseLength(text)
		if err != nil {
			m.video.editErr = err.Error()
			return
		}
		v.Seconds = sec
		// A length typed replaces the script's: the words no longer say it.
		v.ScriptWords, v.ScriptFile, v.ScriptLanguage = 0, "", ""
	case fieldLanguages:
		langs, err := pricing.ParseLanguages(text)
		if err != nil {
			m.video.editErr = err.Error()
			return
		}
		v.Languages = langs
	}
	m.bump()
	m.repriceVideo(m.sel)
}

// finishEdit leaves a text field: esc puts back what the field held before; either
// way an edit that changed nothing leaves no undo step, and the month its
// version from before (so it is not marked unsaved) and its redo.
func (m *Model) finishEdit(revert bool) {
	v := m.currentVideo()
	m.video.editing = false
	m.input.Blur()
	m.video.editErr = ""
	m.inputFresh = false
	if v == nil {
		return
	}
	if revert {
		*v = m.video.editOrig.Clone()
		m.setStatus("Reverted.")
	}
	if sameVideo(*v, m.video.editOrig) {
		if len(m.undo) > 0 {
			m.undo = m.undo[:len(m.undo)-1]
		}
		m.redo = m.video.editRedo
		if m.version != m.video.editVersion {
			m.version = m.video.editVersion
			m.repriceVideo(m.sel)
		}
	}
	m.video.editRedo = nil
}

func sameVideo(a, b pricing.Video) bool {
	if a.Name != b.Name || a.Count != b.Count || a.Seconds != b.Seconds || a.Picks != b.Picks ||
		a.BRollClips != b.BRollClips || a.ScriptGenerations != b.ScriptGenerations || a.Rerenders != b.Rerenders ||
		a.ScriptWords != b.ScriptWords || a.ScriptFile != b.ScriptFile || a.ScriptLanguage != b.ScriptLanguage || a.Drafts != b.Drafts ||
		a.DraftResolution != b.DraftResolution || len(a.Languages) != len(b.Languages) {
		return false
	}
	for i := range a.Languages {
		if a.Languages[i] != b.Languages[i] {
			return false
		}
	}
	return true
}

type errorText string

func (e errorText) Error() string { return string(e) }

// Rendering.

const (
	labelWidth = 13
	valueWidth = 27 // the value column when the terminal cannot show every option in full
	// summaryMinWidth is the narrowest summary set beside the form; a
	// terminal with less room than the full form and this puts it below.
	summaryMinWidth = 64
)

// formRows are the fields the form shows for a card: a choice the card has
// no option for is left out rather than shown blank.
func formRows(c *pricing.RateCard) []field {
	out := make([]field, 0, numFields)
	for f := range numFields {
		if sl, ok := f.slot(); ok && len(c.Options(sl)) == 0 {
			continue
		}
		if f == fieldScriptLanguage && len(c.LanguagePace) == 0 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// fieldAt is the field of form row i, or noField for a row past the form
// (the cheaper options).
func (m *Model) fieldAt(i int) field {
	if i < 0 || i >= len(m.video.rows) {
		return noField
	}
	return m.video.rows[i]
}

// formWidths is how wide the form's value and tag columns must be for every
// option of the card to show in full: the longest option's name, and the
// longest tag (its rate or "included", and why it is not charged).
func formWidths(c *pricing.RateCard) (value, tag int) {
	value = valueWidth
	tag = max(width("type or enter edits"), width(numberTag))
	for f := range numFields {
		sl, ok := f.slot()
		if !ok {
			continue
		}
		for _, feat := range c.Options(sl) {
			value = max(value, width("‹ "+feat.Name+" ›"))
			if feat.Premium {
				tag = max(tag, width("Premium "+feat.RateText()+" (not charged: "+report.InactiveReason(sl)+")"))
			}
		}
	}
	return value, tag
}

// numberTag is the hint on a focused number row.
const numberTag = "digits replace, bksp erases, ←/→ add"

func (m *Model) renderVideo(w, h int) []string {
	s := &m.styles
	v := m.currentVideo()
	if v == nil {
		return []string{"", " " + s.Muted.Render("This month has no videos. Press enter (or a) to add one.")}
	}
	title := " " + s.Heading.Render("Video "+pricing.Count(m.sel+1)+" of "+pricing.Count(len(m.project.Videos))) +
		"  " + s.Value.Render(v.Name) + s.Muted.Render("  × "+itoa(int64(v.Count))+"   [ ] other videos")
	out := []string{clip(title, w)}
	h--
	l := &m.layout
	if l.wide {
		formW, sumW := l.form.rows.w, l.summary.w
		form := m.formLines(v, formW)
		sum := m.videoSummary(sumW, h, false)
		for i := 0; i < h; i++ {
			l, r := "", ""
			if i < len(form) {
				l = form[i]
			}
			if i < len(sum) {
				r = sum[i]
			}
			out = append(out, fit(l, formW)+"  "+clip(r, sumW))
		}
		return out
	}
	sum := l.summaryLines
	out = append(out, m.formLines(v, w)...)
	out = append(out, "")
	for _, l := range sum {
		out = append(out, " "+l)
	}
	return out
}

// narrowFormRows is how many form rows a narrow Video screen of h rows shows
// above a summary of sum lines.
func narrowFormRows(h, sum, n int) int { return max(min(n, h-sum-1), min(7, h)) }

// formLines draws the form rows the layout shows, scrolled so the focused
// row shows, and under them, when some do not show, which ones.
func (m *Model) formLines(v *pricing.Video, w int) []string {
	f := &m.layout.form
	out := make([]string, 0, f.rows.h+1)
	end := f.offset
	n := len(m.video.rows)
	for ; end < n && len(out) < f.rows.h; end++ {
		out = append(out, m.formLine(end, v, w))
	}
	if f.offset == 0 && end == n {
		return out
	}
	var parts []string
	if f.offset > 0 {
		parts = append(parts, "↑ "+pricing.Count(f.offset)+" above")
	}
	if below := n - end; below > 0 {
		names := make([]string, 0, below)
		for _, r := range m.video.rows[end:] {
			names = append(names, fieldLabels[r])
		}
		parts = append(parts, "↓ "+pricing.Count(below)+" more: "+strings.Join(names, ", "))
	}
	return append(out, m.styles.Muted.Render(clip("  "+strings.Join(parts, " · "), w)))
}

// formLine draws form row i.
func (m *Model) formLine(i int, v *pricing.Video, w int) string {
	s := &m.styles
	f := m.video.rows[i]
	focused := m.video.focus == i
	marker := "  "
	if focused {
		marker = "› "
	}
	label := s.Label.Render(fit(fieldLabels[f], labelWidth))
	var value, tag string
	switch {
	case f.isText():
		if focused && m.video.editing {
			value = m.inputView()
			switch {
			case m.video.editErr != "":
				tag = s.Blocked.Render("✗ " + m.video.editErr)
			case f == fieldLength:
				// The reading of what is typed so far: "90" is 1h30m.
				tag = s.Muted.Render("reads " + pricing.FormatLength(v.Seconds))
			}
		} else {
			value = m.textValue(f, v)
			if f == fieldLanguages && value == "" {
				value = s.Muted.Render("none")
			}
			if focused {
				tag = s.Muted.Render("type or enter edits")
			}
		}
		if f == fieldLength && !(focused && m.video.editing) {
			if reads := m.scriptReading(v); reads != "" {
				tag = strings.TrimSpace(s.Muted.Render(reads) + " " + tag)
			}
		}
		if over := m.lengthOver(v); f == fieldLength && over != "" && (!focused || !m.video.editing || m.video.editErr == "") {
			tag = strings.TrimSpace(tag + " " + s.Blocked.Render("✗ "+over))
		}
	case f.isNumber():
		n, _ := f.number(v)
		value = itoa(int64(n))
		if focused {
			tag = s.Muted.Render(numberTag)
		}
		if t := m.scriptRowTag(f, v, focused); t != "" {
			tag = strings.TrimSpace(tag + " " + s.Muted.Render(t))
		}
	case f == fieldScriptLanguage:
		value = "‹ not said ›"
		if v.ScriptLanguage != "" {
			value = "‹ " + pricing.Printable(v.ScriptLanguage) + " ›"
		}
		if v.FromScript() {
			tag = s.Muted.Render("read at " + m.card.PaceText(v))
		} else {
			tag = s.Muted.Render("(applies to a length from a script)")
		}
	default:
		sl, _ := f.slot()
		feat, ok := m.card.Feature(v.Picks[sl])
		if !ok {
			value = v.Picks[sl]
			break
		}
		value = "‹ " + feat.Name + " ›"
		var parts []string
		if m.quote != nil {
			if why := m.card.Unavailable(m.quote.Plan, feat); why != "" {
				parts = append(parts, s.Blocked.Render("✗ "+why))
			}
		}
		rate := len(parts)
		if feat.Premium {
			parts = append(parts, s.Premium.Render("Premium")+" "+s.Muted.Render(feat.RateText()))
		} else {
			parts = append(parts, s.Muted.Render("included"))
		}
		if !v.Active(sl) && feat.Premium {
			// An included option is never charged; a premium one says why it is not yet.
			parts = append(parts, s.Muted.Render("(not charged: "+report.InactiveReason(sl)+")"))
		}
		tag = strings.Join(parts, " ")
		if focused && feat.Premium {
			// The focused row says the rate in words when the row has room for them.
			parts[rate] = s.Premium.Render("Premium") + s.Muted.Render(strings.TrimPrefix(m.costWords(feat), "Premium"))
			if words := strings.Join(parts, " "); width(ansi.Strip(words)) <= w-4-labelWidth-m.layout.formValueW {
				tag = words
			}
		}
	}
	line := marker + label + " " + fit(value, m.layout.formValueW) + " " + tag
	line = fit(line, w)
	if focused && !m.video.editing {
		return s.Selected.Render(ansi.Strip(line))
	}
	return line
}

// breakdownWidths sizes the breakdown's feature, quantity and rate columns
// to their content, then, when the three do not fit in room, narrows the
// widest until they do.
func breakdownWidths(lines []pricing.Line, room int) (name, qty, rate int) {
	w := [3]int{width("Total per copy") - 2, width("Quantity"), width("Rate")}
	for _, l := range lines {
		name := l.Feature.Name
		if l.Premium() {
			name += " " + premiumMark
		}
		w[0] = max(w[0], width(name))
		w[1] = max(w[1], width(l.Quantity()))
		w[2] = max(w[2], width(l.Feature.RateText()))
	}
	for w[0]+w[1]+w[2]+2 > room {
		i := 0
		for j := 1; j < 3; j++ {
			if w[j] > w[i] {
				i = j
			}
		}
		if w[i] <= 4 {
			break
		}
		w[i]--
	}
	return w[0], w[1], w[2]
}

// summaryNeed is how wide the summary beside the Video form must be for the
// selected video's breakdown to show every rate in full: the form goes beside
// it only then, so a wide terminal never cuts what a stacked layout would show.
func (m *Model) summaryNeed() int {
	q := m.quote
	if q == nil || m.sel >= len(q.Videos) {
		return summaryMinWidth
	}
	name, qty, rate := breakdownWidths(q.Videos[m.sel].Lines, math.MaxInt32)
	return max(summaryMinWidth, name+qty+rate+2+breakdownCreditsW+3)
}

// breakdownCreditsW is the width of the breakdown's credits column.
const breakdownCreditsW = 8

// premiumMark marks a line that spends premium credits; the breakdown's
// last line is its legend.
const premiumMark = "◆"

// videoSummary is the panel beside (or under) the form: the upfront message, the
// cheaper options and the line breakdown, cut to h rows. compact (under the form
// on a narrow terminal) drops the reasons and lists included features on one line.
func (m *Model) videoSummary(w, h int, compact bool) []string {
	s := &m.styles
	q := m.quote
	if q == nil || m.sel >= len(q.Videos) {
		return nil
	}
	vq := &q.Videos[m.sel]
	var out []string
	msgStyle := s.Good
	if vq.Credits > q.BalanceBefore(m.sel) {
		msgStyle = s.Bad
	}
	for _, l := range strings.Split(ansi.Wordwrap(q.VideoMessage(m.sel), max(w, 10), ""), "\n") {
		out = append(out, msgStyle.Render(l))
	}
	if vq.Each == 0 {
		// A draft that spends nothing: say what premium costs, and where the examples are.
		if hint := m.premiumHint(vq.Video); hint != "" {
			out = append(out, s.Premium.Render(clip(hint, w)))
		}
		// Compact too: the first screen of a first run says where to start.
		if m.path == "" && len(m.project.Videos) == 1 && !m.present.on {
			out = append(out, s.Muted.Render(clip("Examples: examples/ in the repo; try creditplan quote examples/creator-month.toml", w)))
		}
	}
	if over := m.lengthOver(vq.Video); over != "" {
		out = append(out, s.Blocked.Render(clip("✗ Length "+pricing.FormatLength(vq.Video.Seconds)+": "+over, w)))
	}
	// Options the month's plan cannot use, with the reason: they stay selectable so a
	// salesperson can show what a bigger plan allows, but they are never hidden.
	for sl := pricing.Slot(0); sl < pricing.NumSlots; sl++ {
		if f, ok := m.card.Feature(vq.Video.Picks[sl]); ok && vq.Video.Active(sl) {
			if why := m.card.Unavailable(q.Plan, f); why != "" {
				out = append(out, s.Blocked.Render(clip("✗ "+f.Name+": "+why, w)))
			}
		}
	}
	out = append(out, s.Muted.Render(clip("One copy: "+m.card.CreditWord(vq.Each)+" × "+itoa(int64(vq.Video.Count))+" this month", w)))
	out = append(out, m.scriptSummary(vq.Video, w)...)

	if cheaper := m.cheaperLines(vq, w, compact); len(cheaper) > 0 {
		if !compact {
			out = append(out, "")
		}
		out = append(out, cheaper...)
	}

	if !compact {
		out = append(out, "")
	}
	out = append(out, s.Heading.Render("Breakdown, one copy"))
	credW := breakdownCreditsW
	nameW, qtyW, rateW := breakdownWidths(vq.Lines, max(w-credW-3, 12))
	if !compact {
		out = append(out, s.Muted.Render(fit("Feature", nameW)+" "+fit("Quantity", qtyW)+" "+fit("Rate", rateW)+" "+right("Credits", credW)))
	}
	var included []string
	for _, l := range vq.Lines {
		if !l.Premium() {
			if compact {
				included = append(included, l.Feature.Name)
				continue
			}
			out = append(out, s.Muted.Render(fit(l.Feature.Name, nameW)+" "+fit(l.Quantity(), qtyW)+" "+fit(l.Feature.RateText(), rateW)+" "+right(l.Credits.Grouped(), credW)))
			continue
		}
		out = append(out, fit(l.Feature.Name+" "+premiumMark, nameW)+" "+fit(l.Quantity(), qtyW)+" "+fit(l.Feature.RateText(), rateW)+" "+right(l.Credits.Grouped(), credW))
	}
	out = append(out, fit("Total per copy", nameW+qtyW+rateW+2)+" "+right(vq.Each.Grouped(), credW))
	if compact && len(included) > 0 {
		out = append(out, s.Muted.Render(clip("Included: "+strings.Join(included, ", "), w)))
	} else if !compact {
		out = append(out, s.Muted.Render(premiumMark+" premium: spends "+m.card.CreditNamePlural))
	}
	if len(out) > h {
		out = out[:max(h, 0)]
	}
	return out
}

// cheaperLines is the Video summary's "Cheaper options": each alternative
// with its saving (and, unless compact, its reason). Hidden while presenting
// after C, it is nil: the customer sees no sign of it.
func (m *Model) cheaperLines(vq *pricing.VideoQuote, w int, compact bool) []string {
	s := &m.styles
	if m.cheaperHidden() {
		return nil
	}
	out := []string{s.Heading.Render("Cheaper options")}
	drafts := m.draftOptionLines(vq.Video, w)
	if len(vq.Alternatives) == 0 && len(drafts) == 0 {
		out = append(out, s.Muted.Render(clip("None: no premium feature here has a cheaper alternative.", w)))
	}
	for i, a := range vq.Alternatives {
		focused := m.video.focus == len(m.video.rows)+i
		hint := "  "
		if i == 0 {
			hint = "c "
		}
		text := a.Text(m.card)
		if focused {
			hint, text = "› ", text+"  (enter)"
		}
		// Wide, the whole suggestion shows (its saving is at the end); compact, one line each.
		lines := []string{fit(hint+text, w)}
		if !compact {
			lines = wrap(text, w-2)
			for j := range lines {
				if j == 0 {
					lines[j] = fit(hint+lines[j], w)
				} else {
					lines[j] = fit("  "+lines[j], w)
				}
			}
		}
		for _, line := range lines {
			if focused {
				line = s.Selected.Render(ansi.Strip(line))
			}
			out = append(out, line)
		}
		if !compact && a.Reason != "" {
			for _, l := range wrap(a.Reason, max(w-4, 10)) {
				out = append(out, s.Muted.Render("    "+l))
			}
		}
	}
	return append(out, drafts...)
}

// setScriptWords sets the words the video's length follows from; 0 leaves
// the length as it last read. Words typed replace a script file's count: the
// file is no longer what the month says.
func setScriptWords(v *pricing.Video, n int) {
	v.ScriptWords, v.ScriptFile = n, ""
	if n == 0 {
		v.ScriptLanguage = "" // a typed length has no script to be in a language
	}
}

// scriptReading is what the Length row says of a length from a script:
// "420 words ≈ 2m48s at 150 wpm", or "".
func (m *Model) scriptReading(v *pricing.Video) string {
	if !v.FromScript() {
		return ""
	}
	return pricing.Plural(v.ScriptWords, "word") + " ≈ " + pricing.FormatLength(v.Seconds) + " at " + m.card.PaceText(v)
}

// scriptRowTag is the hint of the Script words and Drafts rows.
func (m *Model) scriptRowTag(f field, v *pricing.Video, focused bool) string {
	switch f {
	case fieldWords:
		switch {
		case v.ScriptFile != "":
			return "from " + v.ScriptFile
		case !v.FromScript() && focused:
			return "0: the length is typed"
		}
	case fieldDrafts:
		if m.quote != nil {
			if why := m.card.DraftProblem(m.quote.Plan, v); why != "" {
				return "✗ " + why
			}
		}
		if v.Drafts > 0 {
			if d := m.card.DraftFeature(v); d != nil {
				return "at " + d.Name + " · previews are free"
			}
		}
	}
	return ""
}

// scriptSummary is what the Video summary says of the script's rounding and
// the drafts' cost: the sentences every output gives.
func (m *Model) scriptSummary(v *pricing.Video, w int) []string {
	s := &m.styles
	var out []string
	if sl, ok := m.card.ScriptLength(v); ok {
		if r := sl.Rounding(m.card); r != "" {
			for _, l := range wrap(r, max(w, 10)) {
				out = append(out, s.Muted.Render(l))
			}
		}
	}
	if d, ok := m.card.DraftCost(v); ok {
		for _, l := range wrap(d.Sentence(m.card), max(w, 10)) {
			out = append(out, s.Muted.Render(l))
		}
	}
	return out
}

// draftOptionLines is the video's draft option among its cheaper options:
// "Render 1 review draft at 720p instead of re-rendering in 4K: saves 30".
func (m *Model) draftOptionLines(v *pricing.Video, w int) []string {
	if m.quote == nil {
		return nil
	}
	o, ok := m.card.DraftOption(v, m.quote.Plan)
	if !ok {
		return nil
	}
	var out []string
	for _, l := range wrap(o.Text(m.card), max(w-2, 10)) {
		out = append(out, fit("  "+l, w))
	}
	return out
}

// parseLoaded reads a month the planner loads in the background, its script
// files from the project's folder and no further (os.Root refuses "..",
// absolute paths and links out), as the command line reads them.
func parseLoaded(path string, src []byte, card *pricing.RateCard) (*pricing.Project, error) {
	root, err := os.OpenRoot(filepath.Dir(path))
	if path == "" || err != nil {
		return pricing.ParseProject(path, src, card)
	}
	defer root.Close()
	return pricing.ParseProjectFrom(path, src, card, pricing.ProjectSources{Scripts: root.FS()})
}
