package ui

import (
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the planner answers to, grouped by where it works:
// Global on every screen, one group per screen, and Prompt for the questions,
// text prompts and overlays (help, fit proposal) that take the keys while open.
// Every key the planner acts on is matched through it with key.Matches, and the
// footer and the full help list the same bindings (see ScreenHelp).
type KeyMap struct {
	Global    GlobalKeys
	Video     VideoKeys
	Month     MonthKeys
	Plans     PlansKeys
	Year      YearKeys
	Scenarios ScenarioKeys
	Prompt    PromptKeys
	Field     FieldKeys
	Mouse     MouseKeys
}

// FieldKeys edit the text of a field or a prompt's answer; the text input
// matches them (applyKeys hands them to it).
type FieldKeys struct {
	Left         key.Binding
	Right        key.Binding
	Start        key.Binding
	End          key.Binding
	Erase        key.Binding
	EraseToStart key.Binding
	EraseToEnd   key.Binding
	EraseWord    key.Binding
	Paste        key.Binding
}

// MouseKeys only document what the mouse does; no key is named after it.
type MouseKeys struct {
	Click key.Binding
	Wheel key.Binding
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	NextScreen key.Binding
	PrevScreen key.Binding
	GoVideo    key.Binding
	GoMonth    key.Binding
	GoPlans    key.Binding
	GoYear     key.Binding
	// GoScenarios goes to the Scenarios screen; NewScenario (N) saves the
	// month's plan, billing, seats and balance as a new scenario.
	GoScenarios key.Binding
	NewScenario key.Binding
	// Screens only documents 1 to 5 in the help as one entry.
	Screens key.Binding
	Help    key.Binding
	Quit    key.Binding
	// Interrupt only documents ctrl+c, which Quit matches too: it quits where
	// q types (a text row, a field being edited).
	Interrupt key.Binding
	Save      key.Binding
	Export    key.Binding
	Undo      key.Binding
	Redo      key.Binding
	CyclePlan key.Binding
	PrevPlan  key.Binding
	Billing   key.Binding
	Balance   key.Binding
	// Budget asks for the month's budget in money.
	Budget key.Binding
	// Fit proposes the changes that bring the month within its balance.
	Fit key.Binding
	// Present enters or leaves presentation mode; ApplyView applies what it
	// shows to the project; Cheaper shows or hides the cheaper options there.
	Present   key.Binding
	ApplyView key.Binding
	Cheaper   key.Binding
	// Share starts and ends a follow-me share, and Reload puts the month on
	// the rate card the server has loaded since: enabled only in a
	// `creditplan serve` session.
	Share  key.Binding
	Reload key.Binding
	// NextVendor prices the month on the next vendor's card: enabled with
	// more than one card (--rates given more than once).
	NextVendor key.Binding
}

// VideoKeys work on the Video screen's form, and in a text field being edited.
type VideoKeys struct {
	Up    key.Binding
	Down  key.Binding
	Left  key.Binding
	Right key.Binding
	Home  key.Binding
	End   key.Binding
	Enter key.Binding
	// Cancel only documents esc (Revert) in the help.
	Cancel key.Binding
	// TypeText only documents that typing on a text row edits it: no key is
	// named "letters", so it never matches.
	TypeText  key.Binding
	Digit     key.Binding
	Erase     key.Binding
	Cheapest  key.Binding
	PrevVideo key.Binding
	NextVideo key.Binding
	// Add adds a video after the last (as enter does in an empty month);
	// Duplicate copies the video after itself; Delete removes it.
	Add       key.Binding
	Duplicate key.Binding
	Delete    key.Binding
	// Jump moves to the next row whose label starts with the letter typed
	// with alt, from any row and out of a field being edited.
	Jump key.Binding

	// In a text field being edited: Keep commits it, Revert puts back what it
	// held, MoveOn commits it and then moves as the key does outside it.
	Keep   key.Binding
	Revert key.Binding
	MoveOn key.Binding
}

// MonthKeys work on the Month screen's table.
type MonthKeys struct {
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Home      key.Binding
	End       key.Binding
	MoveUp    key.Binding
	MoveDown  key.Binding
	Enter     key.Binding
	CountDown key.Binding // ←: the selected video's count −1
	CountUp   key.Binding // →: the selected video's count +1
	Add       key.Binding
	Duplicate key.Binding
	Delete    key.Binding
	// The month's settings: seats +1/−1, whether a watermark is acceptable,
	// whether fit may propose fewer re-renders.
	SeatsUp        key.Binding
	SeatsDown      key.Binding
	Watermark      key.Binding
	FewerRerenders key.Binding
	// OneTime asks for the month's one-time charges (a setup fee, a
	// training) and the month of the year each falls in.
	OneTime key.Binding
}

// PlansKeys work on the Plans screen: ←/→ pick the billing, as the Monthly
// column sits left of Annual.
type PlansKeys struct {
	Up          key.Binding
	Down        key.Binding
	Home        key.Binding
	End         key.Binding
	Enter       key.Binding
	BillMonthly key.Binding
	BillAnnual  key.Binding
	// Vendors shows every vendor's card side by side, or the plans again.
	Vendors key.Binding
}

// YearKeys work on the Year screen: ←/→ change the selected month's volume by a tenth.
type YearKeys struct {
	Up         key.Binding
	Down       key.Binding
	Home       key.Binding
	End        key.Binding
	VolumeDown key.Binding
	VolumeUp   key.Binding
	// Plans shows several plans' years side by side, or the month's plan's alone.
	Plans key.Binding
}

// ScenarioKeys work on the Scenarios screen: the cursor on a row, enter
// applies that scenario to the month, x deletes it.
type ScenarioKeys struct {
	Up     key.Binding
	Down   key.Binding
	Home   key.Binding
	End    key.Binding
	Apply  key.Binding
	Delete key.Binding
}

// PromptKeys answer whatever holds the keys while it is open: a y/n question
// (Yes, No, and the quit question's SaveQuit), a text prompt (Submit, Cancel),
// the full help (Close, and the scrolling keys) and the fit proposal (Apply,
// Toggle, Keep, Cancel, ScrollUp/ScrollDown, a page at a time with
// PageUp/PageDown; k keeps, so it does not scroll there).
type PromptKeys struct {
	Yes      key.Binding
	No       key.Binding
	SaveQuit key.Binding
	Submit   key.Binding
	Cancel   key.Binding
	Close    key.Binding
	Apply    key.Binding
	// Toggle puts the fit change under the cursor in or out; Keep locks its
	// choice ("keep 4K") and fits again; Unkeep forgets every kept choice
	// and fits again.
	Toggle key.Binding
	Keep   key.Binding
	Unkeep key.Binding

	Up         key.Binding
	Down       key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	Home       key.Binding
	End        key.Binding
	ScrollUp   key.Binding
	ScrollDown key.Binding
}

// bindings shared by several groups, each a fresh copy.
func upKey() key.Binding { return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")) }
func downKey() key.Binding {
	return key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
}
func homeKey() key.Binding {
	return key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first"))
}
func endKey() key.Binding { return key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")) }
func enterKey(what string) key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", what))
}
func escKey() key.Binding { return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")) }
func pgUpKey() key.Binding {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
}
func pgDownKey() key.Binding {
	return key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
}

// jumpKeys are alt and the first letter of each field's label, each once.
func jumpKeys() []string {
	var out []string
	seen := map[rune]bool{}
	for _, l := range fieldLabels {
		r := unicode.ToLower([]rune(l)[0])
		if !seen[r] {
			seen[r] = true
			out = append(out, "alt+"+string(r))
		}
	}
	return out
}

// DefaultKeyMap is the planner's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Global: GlobalKeys{
			NextScreen:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
			PrevScreen:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
			GoVideo:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "video")),
			GoMonth:     key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "month")),
			GoPlans:     key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "plans")),
			GoYear:      key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "year")),
			GoScenarios: key.NewBinding(key.WithKeys("5"), key.WithHelp("5", "scenarios")),
			NewScenario: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "save as a scenario")),
			Screens:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "go to a screen")),
			Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
			Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
			Interrupt:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit (also in a text row)")),
			Save:        key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
			Export:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export Markdown")),
			Undo:        key.NewBinding(key.WithKeys("u", "ctrl+z"), key.WithHelp("u", "undo")),
			Redo:        key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "redo")),
			CyclePlan:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "next plan")),
			PrevPlan:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "previous plan")),
			Billing:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "monthly/annual")),
			Balance:     key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "set balance")),
			Budget:      key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "set budget (money)")),
			Fit:         key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fit to budget")),
			Present:     key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "presentation mode on/off")),
			ApplyView:   key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "presenting: apply what is shown")),
			Cheaper:     key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "presenting: show/hide cheaper options")),
			Share:       key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "share the screen (follow-me)"), key.WithDisabled()),
			Reload:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "use the server's new rates"), key.WithDisabled()),
			NextVendor:  key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "next vendor's card")),
		},
		Video: VideoKeys{
			Up:        upKey(),
			Down:      downKey(),
			Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "previous option / −1")),
			Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "next option / +1")),
			Home:      homeKey(),
			End:       endKey(),
			Enter:     enterKey("edit text / apply saving"),
			Cancel:    escKey(),
			TypeText:  key.NewBinding(key.WithKeys("letters"), key.WithHelp("a-z", "type into a text row")),
			Digit:     key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "type a number")),
			Erase:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("bksp", "erase a digit")),
			Cheapest:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "apply biggest saving")),
			PrevVideo: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous video")),
			NextVideo: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next video")),
			Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add video")),
			Duplicate: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "duplicate video")),
			Delete:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete video")),
			Jump:      key.NewBinding(key.WithKeys(jumpKeys()...), key.WithHelp("alt+a-z", "go to a field by initial")),
			Keep:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
			Revert:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "revert")),
			MoveOn:    key.NewBinding(key.WithKeys("tab", "up", "down"), key.WithHelp("tab/↑/↓", "keep and move on")),
		},
		Month: MonthKeys{
			Up:             upKey(),
			Down:           downKey(),
			PageUp:         pgUpKey(),
			PageDown:       pgDownKey(),
			Home:           homeKey(),
			End:            endKey(),
			MoveUp:         key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/⇧↑", "move up")),
			MoveDown:       key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/⇧↓", "move down")),
			Enter:          enterKey("open in Video"),
			CountDown:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "count −1")),
			CountUp:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "count +1")),
			Add:            key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add video")),
			Duplicate:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "duplicate")),
			Delete:         key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
			SeatsUp:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "seats +1")),
			SeatsDown:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "seats −1")),
			Watermark:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "watermark OK / not OK")),
			FewerRerenders: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "fit may cut re-renders")),
			OneTime:        key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "one-time charges")),
		},
		Plans: PlansKeys{
			Up:          upKey(),
			Down:        downKey(),
			Home:        homeKey(),
			End:         endKey(),
			Enter:       enterKey("use this plan"),
			BillMonthly: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "monthly billing")),
			BillAnnual:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "annual billing")),
			Vendors:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "vendors side by side")),
		},
		Year: YearKeys{
			Up:         upKey(),
			Down:       downKey(),
			Home:       homeKey(),
			End:        endKey(),
			VolumeDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "month's volume −0.1")),
			VolumeUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "month's volume +0.1")),
			Plans:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "several plans side by side")),
		},
		Scenarios: ScenarioKeys{
			Up:     upKey(),
			Down:   downKey(),
			Home:   homeKey(),
			End:    endKey(),
			Apply:  enterKey("apply to the month"),
			Delete: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete scenario")),
		},
		Field: FieldKeys{
			Left:         key.NewBinding(key.WithKeys("left", "ctrl+b"), key.WithHelp("←/→", "move the cursor")),
			Right:        key.NewBinding(key.WithKeys("right", "ctrl+f")),
			Start:        key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home/ctrl+a", "start of the text")),
			End:          key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end/ctrl+e", "end of the text")),
			Erase:        key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("backspace", "erase a character")),
			EraseToStart: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "erase to the start")),
			EraseToEnd:   key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "erase to the end")),
			EraseWord:    key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace"), key.WithHelp("ctrl+w", "erase a word")),
			Paste:        key.NewBinding(key.WithKeys("ctrl+v"), key.WithHelp("ctrl+v", "paste")),
		},
		Mouse: MouseKeys{
			Click: key.NewBinding(key.WithKeys("mouse click"), key.WithHelp("click", "pick a tab or a row")),
			Wheel: key.NewBinding(key.WithKeys("mouse wheel"), key.WithHelp("wheel", "scroll the list or the help")),
		},
		Prompt: PromptKeys{
			Yes:        key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
			No:         key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
			SaveQuit:   key.NewBinding(key.WithKeys("s", "S"), key.WithHelp("s", "save and quit")),
			Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
			Cancel:     escKey(),
			Close:      key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close")),
			Apply:      key.NewBinding(key.WithKeys("enter", "f"), key.WithHelp("enter", "apply")),
			Toggle:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "change in/out")),
			Keep:       key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep it, fit again")),
			Unkeep:     key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "forget kept, fit again")),
			Up:         upKey(),
			Down:       downKey(),
			PageUp:     pgUpKey(),
			PageDown:   pgDownKey(),
			Home:       homeKey(),
			End:        endKey(),
			ScrollUp:   key.NewBinding(key.WithKeys("up", "pgup"), key.WithHelp("↑", "scroll")),
			ScrollDown: key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓", "scroll")),
		},
	}
}

// Holder is what takes the keys: a screen, or what is open over it. The
// footer lists the keys that act on what holds them, never the screen's
// under a question or an overlay.
type Holder int

// What can hold the keys.
const (
	HoldScreen      Holder = iota // a screen's own keys
	HoldTextRow                   // the Video screen on a text row: letters type there, so q does
	HoldLoading                   // the month is being read
	HoldLoadingHelp               // the help, open while the month is read
	HoldHelp                      // the full help
	HoldFit                       // the fit proposal
	HoldEditing                   // a Video screen field being edited
	HoldQuestion                  // a y/n question (overwrite, export)
	HoldQuit                      // the unsaved-changes question on quitting
	HoldTextPrompt                // a typed answer (save as, balance)
)

// ScreenHelp is the KeyMap as the help shows it on one screen and under what
// holds the keys there: it implements help.KeyMap, so the footer and the full
// help only list keys that work.
type ScreenHelp struct {
	Keys   *KeyMap
	Screen Screen
	Holder Holder
	// Presenting: presentation mode is on, so its keys lead the footer.
	Presenting bool
	// Proposal: e writes the proposal on the Plans, Year and Scenarios
	// screens (Options.Proposal).
	Proposal bool
}

var _ help.KeyMap = ScreenHelp{}

// relabel is b described for where it acts.
func relabel(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// ShortHelp lists the keys for the footer. On a screen ? help, quit and save
// come first, so a narrow footer cuts the screen's keys, never those;
// under a question or an overlay, only the keys that answer it.
func (h ScreenHelp) ShortHelp() []key.Binding {
	g, p, f, v := &h.Keys.Global, &h.Keys.Prompt, &h.Keys.Field, &h.Keys.Video
	switch h.Holder {
	case HoldLoading:
		return []key.Binding{g.Help, g.Quit}
	case HoldHelp:
		return []key.Binding{relabel(p.Up, "↑/↓", "scroll"), p.PageDown, p.Home, p.End, p.Close}
	case HoldLoadingHelp:
		return []key.Binding{relabel(p.Up, "↑/↓", "scroll"), p.Close, g.Quit}
	case HoldFit:
		return []key.Binding{p.Apply, relabel(p.Cancel, "esc", "close, change nothing"), relabel(p.Toggle, "space", "in/out"),
			relabel(p.Keep, "k", "keep"), g.Quit, relabel(p.ScrollUp, "↑/↓", "move")}
	case HoldEditing:
		return []key.Binding{v.Keep, v.Revert, v.MoveOn, f.EraseToStart, g.Interrupt}
	case HoldQuestion:
		return []key.Binding{p.Yes, relabel(p.No, "n/esc", "no")}
	case HoldQuit:
		return []key.Binding{relabel(p.Yes, "y", "quit without saving"), p.SaveQuit, relabel(p.No, "n/esc", "stay")}
	case HoldTextPrompt:
		return []key.Binding{p.Submit, p.Cancel, f.EraseToStart}
	}
	quit := g.Quit
	if h.Holder == HoldTextRow {
		quit = relabel(g.Interrupt, "ctrl+c", "quit")
	}
	out := []key.Binding{g.Help, quit, g.Save}
	if h.Presenting {
		out = []key.Binding{g.Help, quit, relabel(g.ApplyView, "A", "apply shown"), relabel(g.Present, "ctrl+p", "end presenting"), g.Save}
		if h.Screen == ScreenVideo && h.Holder == HoldScreen {
			out = append(out, relabel(g.Cheaper, "C", "cheaper options"))
		}
	}
	switch h.Screen {
	case ScreenVideo:
		return append(out, relabel(v.Up, "↑/↓", "move"), relabel(v.Left, "←/→", "change"), relabel(v.Enter, "enter", "edit"),
			relabel(v.Cheapest, "c", "biggest saving"), g.Undo, g.NextScreen)
	case ScreenMonth:
		mo := &h.Keys.Month
		return append(out, relabel(mo.Enter, "enter", "edit"), relabel(mo.CountDown, "←/→", "count"), mo.Add, mo.Delete,
			relabel(g.Fit, "f", "fit"), g.CyclePlan, g.Undo)
	case ScreenYear:
		y := &h.Keys.Year
		return append(out, relabel(y.Up, "↑/↓", "month"), relabel(y.VolumeDown, "←/→", "volume"), relabel(y.Plans, "o", "plans"),
			relabel(g.Billing, "b", "billing"), relabel(g.Fit, "f", "fit"), g.Undo)
	case ScreenScenarios:
		sc := &h.Keys.Scenarios
		return append(out, relabel(sc.Up, "↑/↓", "scenario"), relabel(sc.Apply, "enter", "apply"), relabel(sc.Delete, "x", "delete"),
			relabel(g.NewScenario, "N", "save as one"), g.Undo)
	default:
		pl := &h.Keys.Plans
		if pl.Vendors.Enabled() {
			return append(out, relabel(pl.Vendors, "v", "vendors"), relabel(g.NextVendor, "V", "next vendor"),
				relabel(pl.Up, "↑/↓", "plan"), pl.Enter, relabel(pl.BillMonthly, "←/→", "billing"), relabel(g.Fit, "f", "fit"), g.Undo)
		}
		return append(out, relabel(pl.Up, "↑/↓", "plan"), pl.Enter, relabel(pl.BillMonthly, "←/→", "billing"), relabel(g.Fit, "f", "fit"), g.Undo)
	}
}

// exportHelp says what e exports on the screen (what it shows, as Markdown),
// in as few words as the 80x24 help page has room for.
func exportHelp(s Screen, proposal bool) string {
	if proposal && (s == ScreenPlans || s == ScreenYear || s == ScreenScenarios) {
		return "export proposal"
	}
	switch s {
	case ScreenPlans:
		return "export plans"
	case ScreenYear:
		return "export year"
	case ScreenScenarios:
		return "export scenarios"
	}
	return "export quote"
}

// HelpGroup is one titled list of the full help.
type HelpGroup struct {
	Title string
	Keys  []key.Binding
}

// Groups is the full help: every key of the screen, then the keys of every
// screen (the month's plan, billing, balance and fit among them), so a page
// of 80x24 shows both; then a field's editing keys, the questions' answers
// and the mouse.
func (h ScreenHelp) Groups() []HelpGroup {
	g, p, f := &h.Keys.Global, &h.Keys.Prompt, &h.Keys.Field
	if h.Holder == HoldLoading || h.Holder == HoldLoadingHelp {
		return []HelpGroup{{"While the month opens", []key.Binding{g.Help, g.Quit}}}
	}
	global := HelpGroup{"Every screen", []key.Binding{g.NextScreen, g.PrevScreen, g.Screens, relabel(g.CyclePlan, "p/P", "next/previous plan"), g.Billing, relabel(g.Balance, "B/$", "set balance/budget"), g.Fit,
		g.NewScenario, g.Undo, g.Redo, g.Save, relabel(g.Export, "e", exportHelp(h.Screen, h.Proposal)), g.Help, g.Quit, g.Interrupt}}
	field := HelpGroup{"Typing in a field or an answer", []key.Binding{f.Left, f.Start, f.End, f.Erase, f.EraseToStart, f.EraseToEnd, f.EraseWord, f.Paste}}
	questions := HelpGroup{"Questions", []key.Binding{
		p.Yes, relabel(p.No, "n/esc", "no"), relabel(p.SaveQuit, "s", "save and quit (when quitting)"),
		relabel(p.Submit, "enter", "done (a typed answer)"), relabel(p.Cancel, "esc", "cancel (a typed answer)"),
		relabel(p.Apply, "enter/f", "apply the chosen fit"), relabel(p.Toggle, "space", "fit: change in/out"),
		relabel(p.Keep, "k", "fit: keep, fit again"), relabel(p.Unkeep, "K", "fit: forget kept"), relabel(p.Cancel, "esc", "close the fit proposal"),
	}}
	mouse := HelpGroup{"Mouse", []key.Binding{h.Keys.Mouse.Click, h.Keys.Mouse.Wheel}}
	present := HelpGroup{"Presentation mode", []key.Binding{g.Present, g.ApplyView, g.Cheaper}}
	if g.NextVendor.Enabled() {
		// Several vendors' cards: the switch and the side-by-side view follow
		// the presentation keys, on every screen's help.
		present.Keys = append(present.Keys, g.NextVendor, relabel(h.Keys.Plans.Vendors, "v", "Plans: vendors side by side"))
		present.Title = "Presentation mode · vendors"
	}
	var screen []HelpGroup
	switch h.Screen {
	case ScreenVideo:
		v := &h.Keys.Video
		return []HelpGroup{
			{"Video screen", []key.Binding{v.Up, v.Down, relabel(v.Home, "home/end", "first/last row"),
				relabel(v.Left, "←/→", "previous/next option, −1/+1"), v.Enter, v.TypeText, v.Digit, v.Erase, v.Cheapest,
				relabel(v.PrevVideo, "[/]", "previous/next video"), v.Jump, relabel(v.Add, "a/d/x", "add/duplicate/delete video")}},
			global, present,
			{"Editing a field", []key.Binding{v.Keep, v.Revert, v.MoveOn}},
			field, questions, mouse,
		}
	case ScreenMonth:
		mo := &h.Keys.Month
		screen = []HelpGroup{{"Month screen", []key.Binding{relabel(mo.Up, "↑/↓", "select a video"), relabel(mo.PageUp, "pgup/pgdn", "a page up/down"),
			relabel(mo.Home, "home/end", "first/last video"), relabel(mo.MoveUp, "K/J", "move up/down (also ⇧↑/⇧↓)"),
			mo.Enter, relabel(mo.CountDown, "←/→", "count −1/+1"), mo.Add, mo.Duplicate, mo.Delete,
			relabel(mo.SeatsUp, "s/S", "seats +1/−1"), mo.Watermark, mo.FewerRerenders, mo.OneTime}}}
	case ScreenYear:
		y := &h.Keys.Year
		screen = []HelpGroup{{"Year screen", []key.Binding{y.Up, y.Down, y.Home, y.End, y.VolumeDown, y.VolumeUp, y.Plans}}}
	case ScreenScenarios:
		sc := &h.Keys.Scenarios
		screen = []HelpGroup{{"Scenarios screen", []key.Binding{relabel(sc.Up, "↑/↓", "select a scenario"), relabel(sc.Home, "home/end", "first/last"),
			sc.Apply, sc.Delete}}}
	default:
		pl := &h.Keys.Plans
		screen = []HelpGroup{{"Plans screen", []key.Binding{pl.Up, pl.Down, pl.Home, pl.End, pl.Enter, pl.BillMonthly, pl.BillAnnual}}}
	}
	return append(screen, global, present, field, questions, mouse)
}

// FullHelp lists every key that works on the screen, a group per column.
func (h ScreenHelp) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, gr := range h.Groups() {
		out = append(out, gr.Keys)
	}
	return out
}
