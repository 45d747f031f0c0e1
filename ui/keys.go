package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the planner answers to. It implements help.KeyMap; the
// help it shows depends on the screen, so the footer only lists keys that work there.
type KeyMap struct {
	// Screen selects which screen's keys ShortHelp and FullHelp list.
	Screen Screen

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
	// Fit proposes the changes that bring the month within its balance; in
	// the proposal, Fit or Enter applies it.
	Fit key.Binding

	Up       key.Binding
	Down     key.Binding
	Left     key.Binding
	Right    key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Enter    key.Binding
	Cancel   key.Binding
	Digit    key.Binding
	Erase    key.Binding
	// TypeText only documents that typing on a text row edits it: no key is
	// named "letters", so it never matches.
	TypeText key.Binding

	// Video screen.
	Cheapest  key.Binding
	PrevVideo key.Binding
	NextVideo key.Binding

	// Month screen.
	Add       key.Binding
	Duplicate key.Binding
	Delete    key.Binding
	MoveUp    key.Binding
	MoveDown  key.Binding
	Balance   key.Binding
	// CountDown and CountUp are ←/→ on the Month screen: the selected video's count.
	CountDown key.Binding
	CountUp   key.Binding

	// Plans screen: ←/→ pick the billing, as the Monthly column sits left of Annual.
	BillMonthly key.Binding
	BillAnnual  key.Binding

	// Year screen: ←/→ change the selected month's volume by a tenth.
	VolumeDown key.Binding
	VolumeUp   key.Binding

	// The fit proposal: scroll its changes.
	ScrollUp   key.Binding
	ScrollDown key.Binding

	// Answers to a y/n question; SaveQuit is the quit question's third answer.
	Yes      key.Binding
	No       key.Binding
	SaveQuit key.Binding
}

// DefaultKeyMap is the planner's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
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
		Fit:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fit to budget")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "previous option / −1")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "next option / +1")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Home:     key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		End:      key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit / apply")),
		TypeText: key.NewBinding(key.WithKeys("letters"), key.WithHelp("a-z", "type into a text row")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Digit:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "type a number")),
		Erase:    key.NewBinding(key.WithKeys("backspace"), key.WithHelp("⌫", "erase a digit")),

		Cheapest:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "apply biggest saving")),
		PrevVideo: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous video")),
		NextVideo: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next video")),

		Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add video")),
		Duplicate: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "duplicate")),
		Delete:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		MoveUp:    key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/⇧↑", "move up")),
		MoveDown:  key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/⇧↓", "move down")),
		Balance:   key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "set balance")),
		CountDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "count −1")),
		CountUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "count +1")),

		BillMonthly: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "monthly billing")),
		BillAnnual:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "annual billing")),

		VolumeDown: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "month's volume −0.1")),
		VolumeUp:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "month's volume +0.1")),

		ScrollUp:   key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑", "scroll")),
		ScrollDown: key.NewBinding(key.WithKeys("down", "j", "pgdown"), key.WithHelp("↓", "scroll")),

		Yes:      key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
		SaveQuit: key.NewBinding(key.WithKeys("s", "S"), key.WithHelp("s", "save and quit")),
	}
}

// ShortHelp lists the keys for the footer: the screen's most used keys, then the global ones.
func (k KeyMap) ShortHelp() []key.Binding {
	switch k.Screen {
	case ScreenVideo:
		return []key.Binding{k.Up, k.Left, k.Enter, k.Cheapest, k.Undo, k.NextScreen, k.Save, k.Help, k.Quit}
	case ScreenMonth:
		return []key.Binding{k.Enter, k.CountDown, k.CountUp, k.Add, k.Delete, k.Fit, k.CyclePlan, k.Undo, k.Save, k.Help, k.Quit}
	case ScreenYear:
		return []key.Binding{k.Up, k.VolumeDown, k.VolumeUp, k.Billing, k.Fit, k.Undo, k.Save, k.Help, k.Quit}
	default:
		return []key.Binding{k.Up, k.Enter, k.BillMonthly, k.BillAnnual, k.Fit, k.Undo, k.Save, k.Help, k.Quit}
	}
}

// FullHelp lists every key that works on the screen, in three columns so it fits 80 columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	global := []key.Binding{k.NextScreen, k.PrevScreen, k.Screens, k.Fit, k.Undo, k.Redo, k.Save, k.Export, k.Help, k.Quit}
	switch k.Screen {
	case ScreenVideo:
		return [][]key.Binding{
			{k.Up, k.Down, k.Left, k.Right, k.Enter, k.Cancel, k.TypeText, k.Digit, k.Erase},
			{k.Cheapest, k.PrevVideo, k.NextVideo, k.CyclePlan, k.Billing, k.Balance},
			global,
		}
	case ScreenMonth:
		return [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.MoveUp, k.MoveDown},
			{k.Enter, k.CountDown, k.CountUp, k.Add, k.Duplicate, k.Delete, k.CyclePlan, k.Billing, k.Balance},
			global,
		}
	case ScreenYear:
		return [][]key.Binding{
			{k.Up, k.Down, k.Home, k.End, k.VolumeDown, k.VolumeUp},
			{k.CyclePlan, k.Billing, k.Balance},
			global,
		}
	default:
		return [][]key.Binding{{k.Up, k.Down, k.Enter, k.BillMonthly, k.BillAnnual}, {k.CyclePlan, k.Billing, k.Balance}, global}
	}
}
