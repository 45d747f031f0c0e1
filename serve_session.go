package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"

	"creditplan/pricing"
	"creditplan/sourcefile"
	"creditplan/ui"
)

// handle runs one session: a viewer's (user watch-CODE), a planner (a
// terminal), or a command (no terminal).
func (s *server) handle(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if code, ok := strings.CutPrefix(sess.User(), watchPrefix); ok {
			s.watch(sess, code)
			next(sess)
			return
		}
		user, ok := s.keys[string(keyBytes(sess.PublicKey()))]
		if !ok {
			// Only an authorized key gets this far; this is a guard.
			wish.Println(sess, "creditplan serve: a key is needed.")
			sess.Exit(1)
			return
		}
		root, err := s.userRoot(user)
		if err != nil {
			s.log.Error("cannot open the user's folder", "folder", user, "error", err)
			wish.Println(sess, "creditplan serve: your folder cannot be opened; tell the server's administrator.")
			sess.Exit(1)
			return
		}
		defer root.Close()
		args := sess.Command()
		if _, _, isPty := sess.Pty(); isPty && (len(args) == 0 || lookup(args[0]) == nil && looksLikeProject(root, args[0])) {
			sess.Exit(s.plan(sess, user, root, args))
		} else {
			sess.Exit(s.command(sess, root, args))
		}
		next(sess)
	}
}

// looksLikeProject tells a project's path from a mistyped command, as
// looksLikeFile does, in the user's folder: it ends in .toml, has a
// slash, or names a file there.
func looksLikeProject(root *os.Root, s string) bool {
	if strings.HasSuffix(strings.ToLower(s), ".toml") || strings.ContainsAny(s, `/\`) {
		return true
	}
	if !filepath.IsLocal(s) {
		return false
	}
	_, err := root.Stat(s)
	return err == nil
}

func keyBytes(k ssh.PublicKey) []byte {
	if k == nil {
		return nil
	}
	return k.Marshal()
}

// plan runs the planner for one session, on the project args names in the
// user's folder (or a new month), and returns the exit status.
func (s *server) plan(sess ssh.Session, user string, root *os.Root, args []string) int {
	// The terminal shows what the session writes, not its stderr.
	stderr := ssh.NewPtyWriter(sess)
	if len(args) > 1 {
		fmt.Fprintf(stderr, "creditplan serve: a session opens one PROJECT.toml at a time, got %d\n", len(args))
		return exitUsage
	}
	card := s.currentCard()
	sh := &presenter{s: s, user: user}
	opts := ui.Options{Card: card, Serve: &ui.ServeOptions{Root: root, Share: sh}}
	today, err := serverApp(stderr).today(plannerCommand)
	if err != nil {
		printErr(stderr, err)
		return exitUsage
	}
	if len(args) == 1 {
		path := args[0]
		src, _, err := ui.ReadInRoot(root, path, pricing.MaxProjectBytes)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			opts.Path, opts.NewFile = path, true
		case err != nil:
			fmt.Fprintf(stderr, "creditplan: cannot open %s: %v\n", path, err)
			return exitInvalid
		default:
			p, err := parseProjectIn(root, path, src, card)
			if err != nil {
				printErr(stderr, err)
				return exitInvalid
			}
			opts.Path, opts.Project, opts.Source = path, p, src
		}
	}
	// The month's customer pricing (its pricing = "FILE"), one of the
	// server's overlays, and its customer and date for the stamps.
	cf := &cardFor{today: today, project: opts.Project}
	if opts.Project != nil {
		cf.pricing = opts.Project.PricingFile
	}
	if opts.Card, err = s.cardOf(cf); err != nil {
		printErr(stderr, err)
		return exitInvalid
	}
	opts.Today, opts.PricingFile, opts.Warnings = today, cf.pricing, opts.Card.Sales.Warnings
	// e's proposal reads the server's card and overlays, as the proposal
	// command does over SSH.
	pa := serverApp(stderr)
	pa.session = &sessionFiles{card: card, pricing: s.pricingCard, root: root, cardSource: s.cardSource, overlaySource: s.overlaySource}
	opts.Proposal = pa.plannerProposal(plannerCommand, &options{}, "")
	m := ui.New(opts)
	defer sh.end()
	code := s.runProgram(sess, m, cf, sh.attach)
	// A planner that ended with changes unsaved lost its client (gone, or
	// idle past --idle-timeout): nothing is lost, they are saved.
	switch path, err := m.SaveUnsaved(); {
	case err != nil:
		s.log.Warn("unsaved changes could not be saved", "folder", user, "file", path, "error", err.Error())
	case path != "":
		s.log.Info("unsaved changes saved as the session ended", "folder", user, "file", path)
	}
	return code
}

// serverApp is an app that reads the server's own environment: a session's
// date is the server's (CREDITPLAN_TODAY or its clock), whatever the client
// sends.
func serverApp(stderr io.Writer) *app { return &app{stdout: io.Discard, stderr: stderr} }

// runProgram runs a planner or a viewer on the session's terminal with
// wish's Bubble Tea middleware (its emulated terminal, the session's size,
// colours and environment; resizes reach the program), registered for
// reloads and shutdown.
func (s *server) runProgram(sess ssh.Session, m tea.Model, cf *cardFor, started ...func(*tea.Program)) int {
	p := tea.NewProgram(m, append(bubbletea.MakeOptions(sess), tea.WithFPS(s.cfg.fps))...)
	for _, f := range started {
		f(p)
	}
	s.register(p, cf)
	defer s.unregister(p)
	time.Sleep(time.Until(nextFrame(time.Now(), s.cfg.fps)))
	bubbletea.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return p })(func(ssh.Session) {})(sess)
	return exitOK
}

// nextFrame is the first frame boundary after now at fps frames a second,
// counted from the Unix epoch. Each session's program starts there, so that
// Bubble Tea's per-program frame tickers (which keep the phase they start
// with) fire together: the runtime then wakes once a frame for every idle
// session instead of once for each (docs/performance.md, "Idle CPU").
func nextFrame(now time.Time, fps int) time.Time {
	frame := time.Second / time.Duration(max(fps, 1))
	return now.Truncate(frame).Add(frame)
}

// printErr prints a loader's error as the command line does.
func printErr(w io.Writer, err error) {
	if ps, ok := pricing.AsProblems(err); ok {
		for _, p := range ps {
			fmt.Fprintln(w, p.String())
		}
		return
	}
	fmt.Fprintf(w, "creditplan: %v\n", err)
}

// command runs a command line for a session without a terminal: the
// command table's, with the session's streams, the server's card, and the
// project read from standard input ("-" or no file named) or from the
// user's folder. Its exit status is returned.
func (s *server) command(sess ssh.Session, root *os.Root, args []string) int {
	var stdout, stderr io.Writer = sess, sess.Stderr()
	if _, _, isPty := sess.Pty(); isPty {
		// On a terminal both go to the screen, as a local terminal shows them.
		stdout = ssh.NewPtyWriter(sess)
		stderr = stdout
	}
	env := sess.Environ()
	a := &app{
		stdout:      stdout,
		stderr:      stderr,
		interactive: func() bool { return false },
		runPlanner:  func(ui.Options) error { return errors.New("the planner needs a terminal: ssh -t") },
		getenv: func(name string) string {
			if name == todayEnv {
				return os.Getenv(name) // the server's date, not the client's
			}
			for _, kv := range env {
				if k, v, ok := strings.Cut(kv, "="); ok && k == name {
					return v
				}
			}
			return ""
		},
		session: &sessionFiles{card: s.currentCard(), pricing: s.pricingCard, stdin: sess, root: root,
			cardSource: s.cardSource, overlaySource: s.overlaySource},
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && lookup(args[0]) == nil {
		return a.exitCode(unknownCommand(plannerCommand, args[0]))
	}
	if len(args) > 0 && lookup(args[0]) != nil && !overSSH[args[0]] {
		return a.exitCode(&exitError{code: exitUsage, msg: args[0] + " cannot be run over SSH; these can: " + strings.Join(sshCommandNames(), ", ")})
	}
	return a.run(args)
}

// overSSH are the commands a session may run: those whose every file is
// read through the session (sessionFiles) and that write only to it.
var overSSH = map[string]bool{"quote": true, "compare": true, "fit": true, "year": true, "check": true, "proposal": true, "verify": true, "help": true}

// sshCommandNames are overSSH's commands in the command table's order.
func sshCommandNames() []string {
	var names []string
	for _, n := range commandNames() {
		if overSSH[n] {
			names = append(names, n)
		}
	}
	return names
}

// sessionFiles is where a command run over SSH reads: the server's card
// (never a file the client names), the project from standard input, or a
// file in the user's folder.
type sessionFiles struct {
	card *pricing.RateCard
	// pricing is the server's card for an overlay's name (server.pricingCard).
	pricing func(name string) (*pricing.RateCard, error)
	stdin   io.Reader
	root    *os.Root
	// cardSource and overlaySource are the bytes of the server's card and
	// of an overlay (server.overlaySource), which a proposal embeds.
	cardSource    func() ([]byte, string)
	overlaySource func(name string) ([]byte, error)
}

// readCardSource is a proposal's card: --rates's bytes (or the built-in
// card's) and what errors call it; in a session the server's.
func (a *app) readCardSource(path string) ([]byte, string, error) {
	if a.session == nil {
		if path == "" {
			return defaultCard, defaultCardOrigin, nil
		}
		src, err := readCardFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("rate card: %w", err)
		}
		return src, path, nil
	}
	if path != "" {
		return nil, "", &exitError{code: exitUsage, msg: "--rates: over SSH the server's rate card is used; leave --rates out"}
	}
	src, origin := a.session.cardSource()
	return src, origin, nil
}

// readProjectSource is readProjectFile's bytes and the name messages give
// the project; in a session standard input or the user's folder.
func (a *app) readProjectSource(path string) ([]byte, string, error) {
	if a.session == nil {
		src, _, err := readProjectFile(path)
		return src, path, err
	}
	return a.session.read(path, pricing.MaxProjectBytes)
}

// readOverlaySource is readOverlayFile, or in a session one of the server's
// overlays by name.
func (a *app) readOverlaySource(path string) ([]byte, error) {
	if a.session == nil {
		return readOverlayFile(path)
	}
	return a.session.overlaySource(path)
}

// writeOutFile is writeFileAtomic for --out; over SSH output goes to the
// session (ssh HOST proposal < month.toml > proposal.html).
func (a *app) writeOutFile(path string, data []byte) error {
	if a.session != nil {
		return &exitError{code: exitUsage, msg: "--out: over SSH the output goes to standard output; redirect it on your side (> FILE)"}
	}
	return writeFileAtomic(path, data)
}

// applyPricing is applyPricing, or in a session the server's card for the
// overlay named: one of --pricing-dir's, by its file name, never a file the
// client names.
func (a *app) applyPricing(card *pricing.RateCard, path string) (*pricing.RateCard, error) {
	if a.session == nil || path == "" {
		return applyPricing(card, path)
	}
	return a.session.pricing(path)
}

// stdinName is what messages call a project read from standard input.
const stdinName = "stdin"

// readCard is loadCard, or the server's card in a session.
func (a *app) readCard(path string) (*pricing.RateCard, error) {
	if a.session == nil {
		return loadCard(path)
	}
	if path != "" {
		return nil, &exitError{code: exitUsage, msg: "--rates: over SSH the server's rate card is used; leave --rates out"}
	}
	return a.session.card, nil
}

// readProject is loadProject, or in a session the project from standard
// input ("-") or the user's folder.
func (a *app) readProject(path string, card *pricing.RateCard) (*pricing.Project, error) {
	if a.session == nil {
		p, _, err := loadProject(path, card)
		return p, err
	}
	src, name, err := a.session.read(path, pricing.MaxProjectBytes)
	if err != nil {
		return nil, fmt.Errorf("project: %w", err)
	}
	return a.parseProject(name, src, card)
}

// readChecked is readCheckedFile, or in a session standard input or a
// file in the user's folder; name is what messages call it.
func (a *app) readChecked(path string) (src []byte, name string, err error) {
	limit := max(pricing.MaxCardBytes, pricing.MaxProjectBytes)
	if a.session == nil {
		src, err := readCheckedFile(path)
		return src, path, err
	}
	return a.session.read(path, limit)
}

// read reads standard input ("-") or a file of the user's folder.
func (f *sessionFiles) read(path string, limit int) ([]byte, string, error) {
	if path == "-" {
		src, err := io.ReadAll(io.LimitReader(f.stdin, int64(limit)+1))
		return src, stdinName, err
	}
	src, _, err := ui.ReadInRoot(f.root, filepath.Clean(path), limit)
	if err != nil {
		return nil, path, fmt.Errorf("%s: %w", path, err)
	}
	return src, path, nil
}

// stdinDefault is the files a command reads: in a session, standard input
// when none is named.
func (a *app) stdinDefault(files []string) []string {
	if a.session != nil && len(files) == 0 {
		return []string{"-"}
	}
	return files
}

// readProposalSource is a proposal's bytes for verify and the name messages
// give it: the file, or in a session standard input ("-") or a file in the
// user's folder. A proposal over pricing.MaxProposalBytes is refused.
func (a *app) readProposalSource(path string) ([]byte, string, error) {
	if a.session == nil {
		doc, _, err := sourcefile.Read(path, pricing.MaxProposalBytes)
		return doc, path, err
	}
	doc, name, err := a.session.read(path, pricing.MaxProposalBytes)
	if err == nil && len(doc) > pricing.MaxProposalBytes {
		err = fmt.Errorf("%s: larger than %s bytes, the most a proposal may be", name, pricing.Count(pricing.MaxProposalBytes))
	}
	return doc, name, err
}
