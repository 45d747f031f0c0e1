package ui

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// promptKind says what a prompt asks and what its answer does.
type promptKind int

const (
	promptSaveAs   promptKind = iota + 1 // where to save a month saved for the first time
	promptBalance                        // the month's starting balance
	promptQuit                           // unsaved changes: quit anyway, or save and quit?
	promptQuestion                       // the first waiting question (overwrite, export): y or n
	promptBudget                         // the month's budget in money
	promptOneTime                        // the month's one-time charges
)

// prompt is the one question the status line asks. While it is open it takes
// every key; the model holds at most one (Model.prompt), and questions that
// arrive meanwhile wait in Model.questions.
type prompt struct {
	kind promptKind
	// question is what is asked; options the answers it takes, as shown after
	// it (or after the typed text).
	question string
	options  string
	// input: the answer is typed into Model.input; err is why the text typed
	// was refused (the prompt stays open with it).
	input bool
	err   string
}

// promptIs reports whether the open prompt is of kind k.
func (m *Model) promptIs(k promptKind) bool { return m.prompt != nil && m.prompt.kind == k }

// takesText reports whether typed text goes to Model.input: a text prompt or
// a Video screen field being edited.
func (m *Model) takesText() bool {
	return m.video.editing || (m.prompt != nil && m.prompt.input)
}

// idle reports whether the screens themselves take the keys: no prompt, no
// fit proposal and no field being edited (the full help is apart: it is
// modal, but a question may still open over it).
func (m *Model) idle() bool { return m.prompt == nil && !m.fit.open && !m.video.editing }

// openTextPrompt opens a prompt whose answer is typed, starting from value;
// a value given is shown selected and replaced by the first character typed.
func (m *Model) openTextPrompt(kind promptKind, question, options, placeholder, value string) {
	m.prompt = &prompt{kind: kind, question: question, options: options, input: true}
	m.input.Reset()
	m.input.Placeholder = placeholder
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.Focus()
	m.inputFresh = m.input.Value() != ""
}

// askQuit asks whether to quit a month with unsaved changes.
func (m *Model) askQuit() {
	name := "this month"
	switch {
	case m.path != "" && m.present.on:
		name = m.monthName()
	case m.path != "":
		name = filepath.Base(m.path)
	}
	m.prompt = &prompt{kind: promptQuit, question: "Unsaved changes to " + name + ". Quit without saving?",
		options: "(y/n · s: save and quit)"}
}

// smallQuitQuestion is the quit question on a terminal too small for the planner.
const smallQuitQuestion = "Unsaved changes. Quit without saving? (y/n)"

// closePrompt closes the open prompt, and its input if it had one.
func (m *Model) closePrompt() {
	if m.prompt != nil && m.prompt.input {
		m.input.Blur()
		m.inputFresh = false
	}
	m.prompt = nil
}

// promptKey answers a key while a prompt is open.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys.Prompt
	switch m.prompt.kind {
	case promptQuit:
		switch {
		case key.Matches(msg, k.Yes):
			return tea.Quit
		case key.Matches(msg, k.SaveQuit):
			m.closePrompt()
			m.quitAfterSave = true
			return m.save()
		case key.Matches(msg, k.No):
			m.closePrompt()
			m.setStatus("Still here.")
		}
		return nil
	case promptQuestion:
		if !key.Matches(msg, k.Yes) {
			m.quitAfterSave = false // no save, so no quit after it
		}
		return m.answerKey(msg)
	}
	switch {
	case key.Matches(msg, k.Submit):
		return m.submitPrompt()
	case key.Matches(msg, k.Cancel):
		m.closePrompt()
		m.quitAfterSave = false
		m.setStatus("Cancelled.")
		return nil
	}
	return m.updateInput(msg)
}

// promptLine is the open prompt as the status line shows it.
func (m *Model) promptLine() string {
	s := &m.styles
	p := m.prompt
	if !p.input {
		return " " + s.Prompt.Render(m.scrubPaths(p.question)+" "+p.options)
	}
	line := " " + s.Prompt.Render(p.question) + m.inputView()
	if p.options != "" {
		line += s.Muted.Render("  " + p.options)
	}
	if p.err != "" {
		why := "  " + s.Error.Render("✗ "+p.err) + s.Muted.Render(" · esc cancels")
		if width(ansi.Strip(line+why)) > m.width {
			// A long refusal: what is wrong matters more than the question
			// the user has just answered.
			line = " " + m.inputView()
		}
		line += why
	}
	return line
}
