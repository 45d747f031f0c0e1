package main

import (
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/logging"
	rcv "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"creditplan/pricing"
	"creditplan/sourcefile"
	"creditplan/ui"
)

// creditplan serve: the planner and the command line over SSH, for a team
// that shares one company rate card. serve.go is the server (flags, keys,
// middleware, reload, shutdown); serve_session.go runs a session (the
// planner, or a command without a terminal); serve_share.go the follow-me
// shares. docs/server.md is how to run it.

var serveCommand = &command{
	name:     "serve",
	synopsis: "serve   [flags]",
	summary:  "serve the planner and the commands over SSH",
	usage: `Usage: creditplan serve [--listen 127.0.0.1:23234] [--rates FILE] [--pricing-dir DIR]
                        [--host-key FILE] [--authorized-keys FILE] [--data DIR]

Serves the planner over SSH to the keys in --authorized-keys (no passwords):
every session with a terminal gets its own planner, its files in DATA/NAME/
(NAME is the key's comment up to its @); a session without one runs a
command with standard input as the project:

  ssh -p 23234 HOST quote --format json < month.toml

In a planner ctrl+o shares the screen: a viewer runs the ssh line it shows
(ssh -p PORT watch-CODE@HOST), needs no key and watches read-only. The rate
card is reloaded when its file changes or on SIGHUP; SIGTERM stops the
server once the sessions have saved. See docs/server.md.

Flags:
`,
	flags: func(fs *flag.FlagSet, o *options) {
		o.serve = &serveConfig{}
		c := o.serve
		fs.StringVar(&c.listen, "listen", "127.0.0.1:23234", "listen on `ADDR` (host:port)")
		ratesFlag(fs, o)
		fs.StringVar(&c.pricingDir, "pricing-dir", "", "read the customers' pricing overlays from `DIR`/*.toml")
		fs.StringVar(&c.hostKey, "host-key", "creditplan_host_ed25519", "read the server's host key from `FILE`, created there on first start")
		fs.StringVar(&c.authorizedKeys, "authorized-keys", "authorized_keys", "let in only the keys in `FILE`, one a line as in ~/.ssh/authorized_keys")
		fs.StringVar(&c.data, "data", "data", "each user's projects go in `DIR`/NAME/")
		fs.StringVar(&c.publicHost, "public-host", "", "the host `NAME` a viewer's ssh line names (default: the listen address's host, or this machine's name)")
		fs.DurationVar(&c.idle, "idle-timeout", 30*time.Minute, "close a connection idle for `D`")
		fs.IntVar(&c.maxSessions, "max-sessions", 200, "at most `N` sessions at once")
		fs.IntVar(&c.perMinute, "rate-limit", 30, "at most `N` new sessions a minute from one address")
		fs.DurationVar(&c.grace, "grace", 20*time.Second, "on SIGTERM, wait up to `D` for sessions to save and close")
		fs.IntVar(&c.fps, "fps", 60, "draw each session at most `N` frames a second (1-120)")
	},
	run: runServe,
}

// serveConfig is serve's flags.
type serveConfig struct {
	listen, rates, pricingDir, hostKey, authorizedKeys, data, publicHost string
	idle, grace                                                          time.Duration
	maxSessions, perMinute, fps                                          int
	// poll is how often the card's and overlays' files are checked for a
	// change (0: every two seconds).
	poll time.Duration
	// logOut is where the log goes (nil: stderr).
	logOut io.Writer
	// linePort is the port a viewer's ssh line names (0: the listener's).
	linePort int
}

// runServe starts the server and serves until SIGTERM or SIGINT.
func runServe(a *app, c *command, o *options, pos []string) error {
	if len(pos) > 0 {
		return usagef(c, "serve takes no arguments, got %s", strings.Join(pos, " "))
	}
	cfg := *o.serve
	cfg.rates = o.rates
	if cfg.logOut == nil {
		cfg.logOut = a.stderr
	}
	s, err := newServer(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	done := make(chan error, 1)
	go func() { done <- s.serve(ln) }()
	for {
		select {
		case err := <-done:
			return err
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				s.reload("SIGHUP")
				continue
			}
			s.log.Info("stopping", "signal", sig.String())
			s.shutdown()
			<-done
			return nil
		}
	}
}

// server is one running creditplan serve.
type server struct {
	cfg  serveConfig
	log  *log.Logger
	ssh  *ssh.Server
	keys map[string]string // authorized key (wire bytes) → the user's name

	mu   sync.Mutex
	card *pricing.RateCard
	// overlays are the customers' cards: --pricing-dir's overlays laid over
	// card, by file name; loaded with it, shared read-only.
	overlays map[string]*pricing.RateCard
	// sources are the bytes card and overlays were read from, which a
	// proposal embeds.
	sources cardSources
	reloads int
	stamps  map[string]fileStamp // the watched files as last loaded
	// programs are the running planners and viewers, each with the card a
	// reload gives it (nil for a viewer, which follows its presenter).
	programs map[*tea.Program]*cardFor

	sessions  atomic.Int64
	stopping  atomic.Bool
	wg        sync.WaitGroup
	limiter   *addrLimiter
	shares    *shareBook
	port      int
	stopPoll  chan struct{}
	closeOnce sync.Once
}

// newServer loads the card and the keys and builds the SSH server; it does
// not listen yet.
func newServer(cfg serveConfig) (*server, error) {
	if cfg.logOut == nil {
		cfg.logOut = os.Stderr
	}
	if cfg.poll == 0 {
		cfg.poll = 2 * time.Second
	}
	if cfg.fps <= 0 {
		cfg.fps = 60
	}
	s := &server{
		cfg:      cfg,
		log:      log.NewWithOptions(cfg.logOut, log.Options{ReportTimestamp: true, Prefix: "serve"}),
		programs: map[*tea.Program]*cardFor{},
		stamps:   map[string]fileStamp{},
		limiter:  newAddrLimiter(cfg.perMinute, time.Minute),
		shares:   newShareBook(),
		stopPoll: make(chan struct{}),
	}
	card, overlays, sources, err := s.loadCards()
	if err != nil {
		return nil, err
	}
	s.card, s.overlays, s.sources = card, overlays, sources
	s.stamps = s.watchedStamps()
	if s.keys, err = readAuthorizedKeys(cfg.authorizedKeys); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.data, 0o750); err != nil {
		return nil, fmt.Errorf("serve: --data: %w", err)
	}
	logger := s.log
	s.ssh, err = wish.NewServer(
		wish.WithHostKeyPath(cfg.hostKey),
		wish.WithPublicKeyAuth(s.allowKey),
		wish.WithIdleTimeout(cfg.idle),
		func(srv *ssh.Server) error {
			srv.ServerConfigCallback = s.sshConfig
			return nil
		},
		wish.WithMiddleware(rcv.MiddlewareWithLogger(logger,
			s.handle,
			s.capSessions,
			s.rateLimit,
			logging.StructuredMiddlewareWithLogger(logger, log.InfoLevel),
		)),
	)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return s, nil
}

// serve accepts connections on ln until shutdown, and watches the card's
// files for changes meanwhile.
func (s *server) serve(ln net.Listener) error {
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		s.port = tcp.Port
	}
	s.log.Info("listening", "addr", ln.Addr().String(), "card", s.card.Name, "as_of", s.card.AsOf, "data", s.cfg.data)
	go s.pollFiles()
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// shutdown stops the server: no new session is let in, every planner is
// told (it finishes its save, saves what is unsaved, and quits), and once
// they are gone, or the grace period is over, the server closes.
func (s *server) shutdown() {
	s.stopping.Store(true)
	s.closeOnce.Do(func() { close(s.stopPoll) })
	s.broadcast(ui.ShutdownMsg{})
	s.shares.endAll()
	waited := make(chan struct{})
	go func() { s.wg.Wait(); close(waited) }()
	grace := s.cfg.grace
	if grace <= 0 {
		grace = 20 * time.Second
	}
	select {
	case <-waited:
	case <-time.After(grace):
		s.log.Warn("sessions still open after the grace period; closing them", "grace", grace)
	}
	s.ssh.Close()
}

// currentCard is the card new sessions get.
func (s *server) currentCard() *pricing.RateCard {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.card
}

// cardFor is what a planner's card is made of: the overlay it was opened
// on, and the month's customer and date for the stamps.
type cardFor struct {
	pricing string
	project *pricing.Project
	today   pricing.Date
}

// card is the card cf makes from the server's cards now.
func (s *server) cardOf(cf *cardFor) (*pricing.RateCard, error) {
	c, err := s.pricingCard(cf.pricing)
	if err != nil {
		return nil, err
	}
	return c.ForCustomer(cf.project, cf.today), nil
}

// register and unregister keep the running planners, which reloads and
// shutdown tell.
func (s *server) register(p *tea.Program, cf *cardFor) {
	s.mu.Lock()
	s.programs[p] = cf
	s.mu.Unlock()
}

// broadcastRates gives every planner its card made from the new rates.
func (s *server) broadcastRates() {
	s.mu.Lock()
	ps := make(map[*tea.Program]*cardFor, len(s.programs))
	maps.Copy(ps, s.programs)
	s.mu.Unlock()
	for p, cf := range ps {
		if cf == nil {
			continue
		}
		c, err := s.cardOf(cf)
		if err != nil {
			// Its overlay is gone from --pricing-dir: it keeps its card.
			continue
		}
		go p.Send(ui.RatesMsg{Card: c})
	}
}

func (s *server) unregister(p *tea.Program) {
	s.mu.Lock()
	delete(s.programs, p)
	s.mu.Unlock()
}

// broadcast sends msg to every running planner without waiting for any.
func (s *server) broadcast(msg tea.Msg) {
	s.mu.Lock()
	ps := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		ps = append(ps, p)
	}
	s.mu.Unlock()
	for _, p := range ps {
		go p.Send(msg)
	}
}

// fileStamp is what tells that a watched file changed.
type fileStamp struct {
	size int64
	mod  time.Time
}

// watchedFiles are the files a reload reads: the card (none for the
// built-in one) and the overlays.
func (s *server) watchedFiles() []string {
	var files []string
	if s.cfg.rates != "" {
		files = append(files, s.cfg.rates)
	}
	return append(files, s.overlayFiles()...)
}

// overlayFiles are --pricing-dir's *.toml files, in name order.
func (s *server) overlayFiles() []string {
	if s.cfg.pricingDir == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(s.cfg.pricingDir, "*.toml"))
	if len(files) > maxOverlays {
		files = files[:maxOverlays]
	}
	return files
}

// maxOverlays bounds how many overlays --pricing-dir may hold.
const maxOverlays = 10000

// loadCards reads the card and lays every overlay over it. Every problem of
// every file is returned at once, and then no card.
func (s *server) loadCards() (*pricing.RateCard, map[string]*pricing.RateCard, cardSources, error) {
	src, origin := defaultCard, defaultCardOrigin
	if s.cfg.rates != "" {
		var err error
		if src, err = readCardFile(s.cfg.rates); err != nil {
			return nil, nil, cardSources{}, fmt.Errorf("rate card: %w", err)
		}
		origin = s.cfg.rates
	}
	card, err := pricing.ParseRateCard(origin, src)
	if err != nil {
		return nil, nil, cardSources{}, err
	}
	sources := cardSources{card: src, origin: origin, overlays: map[string][]byte{}}
	overlays := map[string]*pricing.RateCard{}
	if s.cfg.pricingDir != "" {
		if st, err := os.Stat(s.cfg.pricingDir); err != nil || !st.IsDir() {
			return nil, nil, cardSources{}, fmt.Errorf("serve: --pricing-dir %s is not a folder", s.cfg.pricingDir)
		}
	}
	var problems pricing.Problems
	var others []string
	for _, f := range s.overlayFiles() {
		src, err := readOverlayFile(f)
		if err != nil {
			others = append(others, fmt.Sprintf("pricing: %v", err))
			continue
		}
		oc, _, err := card.LoadOverlay(f, src)
		if ps, ok := pricing.AsProblems(err); ok {
			problems = append(problems, ps...)
			continue
		} else if err != nil {
			others = append(others, err.Error())
			continue
		}
		overlays[filepath.Base(f)] = oc
		sources.overlays[filepath.Base(f)] = src
	}
	switch {
	case len(others) > 0:
		lines := others
		for _, p := range problems {
			lines = append(lines, p.String())
		}
		return nil, nil, cardSources{}, errors.New(strings.Join(lines, "\n"))
	case len(problems) > 0:
		return nil, nil, cardSources{}, problems
	}
	return card, overlays, sources, nil
}

// cardSources are the bytes the server's cards were read from.
type cardSources struct {
	card     []byte
	origin   string
	overlays map[string][]byte
}

// cardSource is the server's card's bytes and what errors call it.
func (s *server) cardSource() ([]byte, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sources.card, s.sources.origin
}

// overlaySource is the bytes of the overlay name names (pricingCard's rule).
func (s *server) overlaySource(name string) ([]byte, error) {
	if _, err := s.pricingCard(name); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sources.overlays[filepath.Base(name)], nil
}

// pricingCard is the card of the overlay a session names (--pricing, or a
// project's pricing = "FILE"): over SSH an overlay is named by its file name
// in --pricing-dir, and nothing else is read.
func (s *server) pricingCard(name string) (*pricing.RateCard, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if name == "" {
		return s.card, nil
	}
	if c, ok := s.overlays[filepath.Base(name)]; ok {
		return c, nil
	}
	names := make([]string, 0, len(s.overlays))
	for n := range s.overlays {
		names = append(names, n)
	}
	slices.Sort(names)
	list := "the server has none"
	if len(names) > 0 {
		list = "the server's are " + strings.Join(names, ", ")
	}
	return nil, fmt.Errorf("pricing %q: over SSH a pricing overlay is one of the server's --pricing-dir, named by its file name; %s", pricing.Printable(name), list)
}

func (s *server) watchedStamps() map[string]fileStamp {
	out := map[string]fileStamp{}
	for _, f := range s.watchedFiles() {
		if st, err := os.Stat(f); err == nil {
			out[f] = fileStamp{st.Size(), st.ModTime()}
		}
	}
	return out
}

// pollFiles reloads when a watched file's size or time changes.
func (s *server) pollFiles() {
	t := time.NewTicker(s.cfg.poll)
	defer t.Stop()
	for {
		select {
		case <-s.stopPoll:
			return
		case <-t.C:
		}
		now := s.watchedStamps()
		s.mu.Lock()
		changed := len(now) != len(s.stamps)
		for f, st := range now {
			if old, ok := s.stamps[f]; !ok || old != st {
				changed = true
			}
		}
		s.mu.Unlock()
		if changed {
			s.reload("file changed")
		}
	}
}

// reload reads the card again. A card that does not load is refused and
// logged, and the one in use kept; a good one goes to new sessions, and the
// running planners are told (ctrl+r moves a month to it).
func (s *server) reload(why string) {
	stamps := s.watchedStamps()
	card, overlays, sources, err := s.loadCards()
	s.mu.Lock()
	s.stamps = stamps // a broken file is not read again until it changes again
	if err != nil {
		s.mu.Unlock()
		s.log.Error("reload refused; keeping the card in use", "why", why, "error", oneLine(err))
		return
	}
	s.card, s.overlays, s.sources = card, overlays, sources
	s.reloads++
	n := s.reloads
	s.mu.Unlock()
	s.log.Info("rates reloaded", "why", why, "card", card.Name, "as_of", card.AsOf, "overlays", len(overlays), "reloads", n)
	s.broadcastRates()
}

// oneLine is an error's message on one line (a card's problems are one a line).
func oneLine(err error) string {
	if ps, ok := pricing.AsProblems(err); ok {
		parts := make([]string, len(ps))
		for i, p := range ps {
			parts[i] = p.String()
		}
		return strings.Join(parts, "; ")
	}
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// userName is the folder name a key's comment gives (alice@laptop → alice);
// a key without a usable one is named after its fingerprint.
var userName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

func keyUser(comment string, key gossh.PublicKey) string {
	name, _, _ := strings.Cut(strings.TrimSpace(comment), "@")
	name = strings.ToLower(name)
	if userName.MatchString(name) && !strings.HasPrefix(name, watchPrefix) {
		return name
	}
	sum := sha256.Sum256(key.Marshal())
	return fmt.Sprintf("key-%x", sum[:6])
}

// readAuthorizedKeys reads an authorized_keys file (parseAuthorizedKeys).
func readAuthorizedKeys(path string) (map[string]string, error) {
	src, _, err := sourcefile.Read(path, maxKeysBytes)
	if err != nil {
		return nil, fmt.Errorf("serve: --authorized-keys: %w", err)
	}
	keys, err := parseAuthorizedKeys(path, src)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("serve: --authorized-keys %s holds no key: no one could log in", path)
	}
	return keys, nil
}

// maxKeysBytes bounds an authorized_keys file: thousands of keys.
const maxKeysBytes = 4 << 20

// parseAuthorizedKeys reads authorized_keys lines: every line a key (blank
// lines and # comments aside), each mapped to its user's name (keyUser).
// Every line that is not a key is reported at once, as FILE:LINE:1.
func parseAuthorizedKeys(name string, src []byte) (map[string]string, error) {
	if len(src) > maxKeysBytes {
		return nil, pricing.Problems{{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("the file is over %d bytes", maxKeysBytes)}}
	}
	keys := map[string]string{}
	var bad pricing.Problems
	for i, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, comment, _, rest, err := gossh.ParseAuthorizedKey([]byte(line))
		if err == nil && len(strings.TrimSpace(string(rest))) > 0 {
			err = errors.New("more than one key on the line")
		}
		if err != nil {
			bad = append(bad, pricing.Problem{File: name, Line: i + 1, Col: 1, Msg: "not a public key line (" + err.Error() + ")"})
			continue
		}
		keys[string(key.Marshal())] = keyUser(comment, key)
	}
	if len(bad) > 0 {
		return nil, bad
	}
	return keys, nil
}

// allowKey lets in the authorized keys, and logs every key it sees.
func (s *server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	user, ok := s.keys[string(key.Marshal())]
	fp := gossh.FingerprintSHA256(key)
	if !ok {
		s.log.Warn("key refused", "user", ctx.User(), "remote-addr", ctx.RemoteAddr().String(), "fingerprint", fp)
		return false
	}
	s.log.Info("key accepted", "user", ctx.User(), "folder", user, "remote-addr", ctx.RemoteAddr().String(), "fingerprint", fp)
	return true
}

// sshConfig lets a viewer (user watch-CODE) in without a key when CODE is an
// open share's; every other user needs an authorized key.
func (s *server) sshConfig(ssh.Context) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		NoClientAuth: true,
		NoClientAuthCallback: func(c gossh.ConnMetadata) (*gossh.Permissions, error) {
			code, ok := strings.CutPrefix(c.User(), watchPrefix)
			if !ok {
				return nil, errors.New("a key is needed")
			}
			addr := hostOf(c.RemoteAddr())
			if err := s.shares.check(code, addr); err != nil {
				s.log.Warn("watch code refused", "remote-addr", c.RemoteAddr().String(), "why", err.Error())
				return nil, err
			}
			s.log.Info("watch code accepted", "remote-addr", c.RemoteAddr().String())
			return nil, nil
		},
	}
}

// hostOf is an address without its port.
func hostOf(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok {
		return tcp.IP.String()
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

// rateLimit refuses a session when its address opened too many this minute.
func (s *server) rateLimit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !s.limiter.allow(hostOf(sess.RemoteAddr())) {
			s.log.Warn("rate limited", "remote-addr", sess.RemoteAddr().String())
			wish.Println(sess, "creditplan serve: too many sessions from your address; try again in a minute.")
			sess.Exit(1)
			return
		}
		next(sess)
	}
}

// capSessions refuses a session past --max-sessions, and every session once
// the server is stopping.
func (s *server) capSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if s.stopping.Load() {
			wish.Println(sess, "creditplan serve is stopping; try again shortly.")
			sess.Exit(1)
			return
		}
		if n := s.sessions.Add(1); s.cfg.maxSessions > 0 && n > int64(s.cfg.maxSessions) {
			s.sessions.Add(-1)
			s.log.Warn("session cap reached", "remote-addr", sess.RemoteAddr().String(), "max", s.cfg.maxSessions)
			wish.Println(sess, "creditplan serve: the server is full ("+strconv.Itoa(s.cfg.maxSessions)+" sessions); try again later.")
			sess.Exit(1)
			return
		}
		s.wg.Add(1)
		defer func() {
			s.sessions.Add(-1)
			s.wg.Done()
		}()
		next(sess)
	}
}

// addrLimiter allows each address n events a period: a fixed window per
// address, forgotten when it is over.
type addrLimiter struct {
	mu     sync.Mutex
	n      int
	period time.Duration
	seen   map[string]*window
}

type window struct {
	start time.Time
	count int
}

func newAddrLimiter(n int, period time.Duration) *addrLimiter {
	return &addrLimiter{n: n, period: period, seen: map[string]*window{}}
}

// allow counts one event from addr and reports whether it is within the limit.
func (l *addrLimiter) allow(addr string) bool {
	if l.n <= 0 {
		return true
	}
	return l.add(addr) <= l.n
}

// add counts one event from addr and returns how many it has had this period.
func (l *addrLimiter) add(addr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if len(l.seen) > 10000 {
		for a, w := range l.seen {
			if now.Sub(w.start) > l.period {
				delete(l.seen, a)
			}
		}
	}
	w := l.seen[addr]
	if w == nil || now.Sub(w.start) > l.period {
		w = &window{start: now}
		l.seen[addr] = w
	}
	w.count++
	return w.count
}

// count is how many events addr has had this period, without adding one.
func (l *addrLimiter) count(addr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.seen[addr]
	if w == nil || time.Since(w.start) > l.period {
		return 0
	}
	return w.count
}

// userRoot opens DATA/NAME, creating it on first use.
func (s *server) userRoot(name string) (*os.Root, error) {
	dir := filepath.Join(s.cfg.data, name)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	return os.OpenRoot(dir)
}

// shareLine is the command a viewer runs to watch code.
func (s *server) shareLine(code string) string {
	host := s.cfg.publicHost
	if host == "" {
		h, _, err := net.SplitHostPort(s.cfg.listen)
		if err == nil && h != "" && h != "0.0.0.0" && h != "::" {
			host = h
		} else if name, err := os.Hostname(); err == nil {
			host = name
		} else {
			host = "localhost"
		}
	}
	port := s.port
	if s.cfg.linePort != 0 {
		port = s.cfg.linePort
	}
	return fmt.Sprintf("ssh -p %d %s%s@%s", port, watchPrefix, code, host)
}
