package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap is every key the planner answers to, grouped by where it works:
// Global on every screen, one group per screen, and Prompt for the questions,
// text prompts and overlays (help, fit proposal) that take the keys while open.
// Every key the planner acts on is matched through it with key.Matches, and the
// footer and the full help list the same bindings (see ScreenHelp).
type KeyMap struct {
	Global GlobalKeys
	Video  VideoKeys
	Month  MonthKeys
	Plans  PlansKeys
	Year   YearKeys
	Prompt PromptKeys
}

// GlobalKeys work on every screen.
type GlobalKeys struct {
	NextScreen key.Binding
	PrevScreen key.Binding
	GoVideo    key.Binding
	GoMonth    key.Binding
	GoPlans    key.Binding
	GoYear     key.Binding
	// Screens only documents 1 to 4 in the help as one entry.
	Screens   key.Binding
	Help      key.Binding
	Quit      key.Binding
	Save      key.Binding
	Export    key.Binding
	Undo      key.Binding
	Redo      key.Binding
	CyclePlan key.Binding
	Billing   key.Binding
	Balance   key.Binding
	// Fit proposes the changes that bring the month within its balance.
	Fit key.Binding
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
	// Add adds the first video of an empty month (as enter does there).
	Add key.Binding

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
}

// YearKeys work on the Year screen: ←/→ change the selected month's volume by a tenth.
type YearKeys struct {
	Up         key.Binding
	Down       key.Binding
	Home       key.Binding
	End        key.Binding
	VolumeDown key.Binding
	VolumeUp   key.Binding
}

// PromptKeys answer whatever holds the keys while it is open: a y/n question
// (Yes, No, and the quit question's SaveQuit), a text prompt (Submit, Cancel),
// the full help (Close, and the scrolling keys) and the fit proposal (Apply,
// Cancel, ScrollUp/ScrollDown, a page at a time with PageUp/PageDown).
type PromptKeys struct {
	Yes      key.Binding
	No       key.Binding
	SaveQuit key.Binding
	Submit   key.Binding
	Cancel   key.Binding
	Close    key.Binding
	Apply    key.Binding

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
func enterKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit / apply"))
}
func escKey() key.Binding { return key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")) }
func pgUpKey() key.Binding {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
}
func pgDownKey() key.Binding {
	return key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
}

// DefaultKeyMap is the planner's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Global: GlobalKeys{
			NextScreen: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next screen")),
			PrevScreen: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
			GoVideo:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "video")),
			GoMonth:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "month")),
			GoPlans:    key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "plans")),
			GoYear:     key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "year")),
			Screens:    key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "video/month/plans/year")),
			Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
			Quit:       key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q/ctrl+c", "quit")),
			Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
			Export:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export Markdown")),
			Undo:       key.NewBinding(key.WithKeys("u", "ctrl+z"), key.WithHelp("u", "undo")),
			Redo:       key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "redo")),
			CyclePlan:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "next plan")),
			Billing:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "monthly/annual")),
			Balance:    key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "set balance")),
			Fit:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fit to budget")),
		},
		Video: VideoKeys{
			Up:        upKey(),
			Down:      downKey(),
			Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "previous option / −1")),
			Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "next option / +1")),
			Home:      homeKey(),
			End:       endKey(),
			Enter:     enterKey(),
			Cancel:    escKey(),
			TypeText:  key.NewBinding(key.WithKeys("letters"), key.WithHelp("a-z", "type into a text row")),
			Digit:     key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "type a number")),
			Erase:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "erase a digit")),
			Cheapest:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "apply biggest saving")),
			PrevVideo: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous video")),
			NextVideo: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next video")),
			Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add video")),
			Keep:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
			Revert:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "revert")),
			MoveOn:    key.NewBinding(key.WithKeys("tab", "up", "down"), key.WithHelp("tab/↑/↓", "keep and move on")),
		},
		Month: MonthKeys{
			Up:        upKey(),
			Down:      downKey(),
			PageUp:    pgUpKey(),
			PageDown:  pgDownKey(),
			Home:      homeKey(),
			End:       endKey(),
			MoveUp:    key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/⇧↑", "move up")),
			MoveDown:  key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/⇧↓", "move down")),
			Enter:     enterKey(),
			CountDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "count −1")),
			CountUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "count +1")),
			Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add video")),
			Duplicate: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "duplicate")),
			Delete:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		},
		Plans: PlansKeys{
			Up:          upKey(),
			Down:        downKey(),
			Home:        homeKey(),
			End:         endKey(),
			Enter:       enterKey(),
			BillMonthly: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "monthly billing")),
			BillAnnual:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "annual billing")),
		},
		Year: YearKeys{
			Up:         upKey(),
			Down:       downKey(),
			Home:       homeKey(),
			End:        endKey(),
			VolumeDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "month's volume −0.1")),
			VolumeUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "month's volume +0.1")),
		},
		Prompt: PromptKeys{
			Yes:        key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
			No:         key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
			SaveQuit:   key.NewBinding(key.WithKeys("s", "S"), key.WithHelp("s", "save and quit")),
			Submit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
			Cancel:     escKey(),
			Close:      key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close")),
			Apply:      key.NewBinding(key.WithKeys("enter", "f"), key.WithHelp("enter", "apply")),
			Up:         upKey(),
			Down:       downKey(),
			PageUp:     pgUpKey(),
			PageDown:   pgDownKey(),
			Home:       homeKey(),
			End:        endKey(),
			ScrollUp:   key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑", "scroll")),
			ScrollDown: key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓", "scroll")),
		},
	}
}

// ScreenHelp is the KeyMap as the help shows it on one screen: it implements
// help.KeyMap, so the footer and the full help only list keys that work there.
type ScreenHelp struct {
	Keys   *KeyMap
	Screen Screen
}

var _ help.KeyMap = ScreenHelp{}

// ShortHelp lists the keys for the footer: the screen's most used keys, then the global ones.
func (h ScreenHelp) ShortHelp() []key.Binding {
	g := &h.Keys.Global
	switch h.Screen {
	case ScreenVideo:
		v := &h.Keys.Video
		return []key.Binding{v.Up, v.Left, v.Enter, v.Cheapest, g.Undo, g.NextScreen, g.Save, g.Help, g.Quit}
	case ScreenMonth:
		mo := &h.Keys.Month
		return []key.Binding{mo.Enter, mo.CountDown, mo.CountUp, mo.Add, mo.Delete, g.Fit, g.CyclePlan, g.Undo, g.Save, g.Help, g.Quit}
	case ScreenYear:
		y := &h.Keys.Year
		return []key.Binding{y.Up, y.VolumeDown, y.VolumeUp, g.Billing, g.Fit, g.Undo, g.Save, g.Help, g.Quit}
	default:
		p := &h.Keys.Plans
		return []key.Binding{p.Up, p.Enter, p.BillMonthly, p.BillAnnual, g.Fit, g.Undo, g.Save, g.Help, g.Quit}
	}
}

// FullHelp lists every key that works on the screen, in three columns so it fits 80 columns.
func (h ScreenHelp) FullHelp() [][]key.Binding {
	g := &h.Keys.Global
	global := []key.Binding{g.NextScreen, g.PrevScreen, g.Screens, g.Fit, g.Undo, g.Redo, g.Save, g.Export, g.Help, g.Quit}
	settings := []key.Binding{g.CyclePlan, g.Billing, g.Balance}
	switch h.Screen {
	case ScreenVideo:
		v := &h.Keys.Video
		return [][]key.Binding{
			{v.Up, v.Down, v.Left, v.Right, v.Enter, v.Cancel, v.TypeText, v.Digit, v.Erase},
			append([]key.Binding{v.Cheapest, v.PrevVideo, v.NextVideo}, settings...),
			global,
		}
	case ScreenMonth:
		mo := &h.Keys.Month
		return [][]key.Binding{
			{mo.Up, mo.Down, mo.PageUp, mo.PageDown, mo.Home, mo.End, mo.MoveUp, mo.MoveDown},
			append([]key.Binding{mo.Enter, mo.CountDown, mo.CountUp, mo.Add, mo.Duplicate, mo.Delete}, settings...),
			global,
		}
	case ScreenYear:
		y := &h.Keys.Year
		return [][]key.Binding{{y.Up, y.Down, y.Home, y.End, y.VolumeDown, y.VolumeUp}, settings, global}
	default:
		p := &h.Keys.Plans
		return [][]key.Binding{{p.Up, p.Down, p.Enter, p.BillMonthly, p.BillAnnual}, settings, global}
	}
}
