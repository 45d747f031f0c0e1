// Package ui is creditplan's interactive planner (Bubble Tea v2): a Video screen
// that prices one video as it is built, a Month screen for the month's videos and
// credits, a Plans screen comparing every plan and right-sizing the month, and a
// Year screen following the credit wallet over 12 months. f fits the month to its
// balance from any screen. Every number comes from pricing.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"creditplan/pricing"
)

// Options is what the planner starts with.
type Options struct {
	Card *pricing.RateCard
	// Project is the month to open; nil starts an empty month with one draft video.
	Project *pricing.Project
	// Path is the project file's path, "" for a month not saved yet.
	Path string
	// ModTime is the project file's modification time when it was read (kept
	// for callers; a save compares the file's bytes with Source instead, which
	// cp -p and rsync -t cannot fool).
	ModTime time.Time
	// Source is the bytes the project was read from: a save edits them, keeping
	// the file's comments and layout, and asks before replacing a file that no
	// longer holds them. nil for a month no file holds yet.
	Source []byte
	// NewFile is set when Path names a file that does not exist yet: the month
	// starts empty and the first save creates it.
	NewFile bool
	// Read, when set, reads the project file at Path in a command instead of
	// the caller reading Project and Source first: the planner shows its header
	// and a progress bar at once, and opens the month once it is read, checked
	// and priced. An error Read or the check returns ends the planner, and Run
	// returns it. For a big month, whose reading takes longer than a frame.
	Read func() (src []byte, modTime time.Time, err error)
	// Plan, with Read, opens the month on this plan instead of the file's.
	Plan string
	// Prepare, with Read, is the card the month read is priced on and the
	// warnings it brings: the caller's own step for a month it reads itself
	// (the overlay the project's pricing key names, its [customer], today's
	// stamp), run in the load's command once the month is parsed, so a big
	// month is priced exactly as a small one. An error ends the planner as a
	// month that cannot be read does. nil prices the month on Card.
	Prepare func(p *pricing.Project) (card *pricing.RateCard, warnings []string, err error)
	// Today is the date outputs are prepared on (the command line's
	// CREDITPLAN_TODAY or the clock); the zero Date when the caller gives none.
	Today pricing.Date
	// PricingFile is the negotiated pricing overlay laid over Card, as its
	// path was given (--pricing, or the project's pricing key made relative
	// to the directory it was run from); "" for the card's list prices. Card
	// then carries the changes (Card.Custom) and Card.Sales the customer and
	// the stamp's dates.
	PricingFile string
	// Warnings are what the salesperson must see and is not an error: a
	// valid_until already past, a price above the card's discount band.
	Warnings []string
	// Cards are every vendor's card (--rates given more than once), in the
	// order given; Card is the one the planner opens on and stands for the
	// card of its origin among them. With two or more, V carries the month to
	// the next card and v on the Plans screen shows the vendors side by side
	// (ui/vendors.go); FX converts their money to the first card's currency.
	Cards []*pricing.RateCard
	FX    *pricing.FX
	// Present opens the planner in presentation mode (see ui/present.go).
	Present bool
	// Proposal, when set, renders a project file's bytes (src, the file at
	// path, "" for a month never saved) as a Markdown proposal, as
	// `creditplan proposal --format md` writes it, with its inputs embedded
	// so `creditplan verify` accepts the file. It reads the card's and the
	// overlay's bytes itself, so the planner calls it in a command. With it,
	// e on the Plans, Year and Scenarios screens writes <base>.proposal.md.
	Proposal func(path string, src []byte) ([]byte, error)
	// Serve is set in a `creditplan serve` session (ui/serve.go).
	Serve *ServeOptions
}

// Run starts the planner and blocks until the user quits.
func Run(opts Options) error {
	// 120 frames a second (Bubble Tea's most) shortens the wait between a key and
	// the frame showing it; the renderer writes only changed cells, so idle costs nothing.
	defer relaxGC()()
	m := New(opts)
	if opts.Read != nil {
		// The month is read while the program starts: Init only waits for it.
		m.loadCmd = nextLoadMsg(beginLoad(opts.Path, m.card, opts.Read, opts.Plan, opts.Prepare))
	}
	if _, err := tea.NewProgram(m, tea.WithFPS(120)).Run(); err != nil {
		return err
	}
	return m.loadErr
}
