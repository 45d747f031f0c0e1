package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"

	"creditplan/ui"
)

// Follow-me shares: a presenter's ctrl+o opens one under a fresh code; a
// viewer logs in as watch-CODE without a key and is shown the presenter's
// planner, redrawn at the viewer's own size, read-only. A code works while
// its share is open and for at most shareLife; wrong codes are counted per
// address, and past maxWrongCodes in wrongCodeWindow every code from that
// address is refused until the window is over.

// watchPrefix starts a viewer's user name: watch-CODE.
const watchPrefix = "watch-"

const (
	shareLife       = time.Hour
	maxWrongCodes   = 5
	wrongCodeWindow = 10 * time.Minute
	// codeAlphabet leaves out letters and digits read alike (0 o, 1 l i).
	codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	codeLen      = 10
)

// shareBook is the open shares by code, and the wrong codes by address.
type shareBook struct {
	mu     sync.Mutex
	byCode map[string]*share
	wrong  *addrLimiter
	now    func() time.Time
	// code makes a new share's code (newCode; tests fix it).
	code func() (string, error)
}

func newShareBook() *shareBook {
	return &shareBook{byCode: map[string]*share{}, wrong: newAddrLimiter(maxWrongCodes, wrongCodeWindow), now: time.Now, code: newCode}
}

// share is one open share: the presenter's latest state, and a channel
// closed (and replaced) whenever it changes, which viewers wait on.
type share struct {
	code    string
	expires time.Time
	user    string

	mu      sync.Mutex
	latest  ui.Shared
	seq     uint64
	changed chan struct{}
	over    chan struct{}
	ended   bool
	// viewers is how many watch now; tell gives the presenter the count.
	viewers int
	tell    func(n int)
}

// joined counts a viewer in (+1) or out (-1) and tells the presenter.
func (sh *share) joined(d int) {
	sh.mu.Lock()
	sh.viewers += d
	n, tell := sh.viewers, sh.tell
	sh.mu.Unlock()
	if tell != nil {
		tell(n)
	}
}

// errBadCode is the one refusal a wrong, expired or ended code gets, so a
// guesser learns nothing from it.
var errBadCode = errors.New("no open share has that code (it may have ended or expired)")

// errTooManyCodes refuses an address that got too many codes wrong.
var errTooManyCodes = errors.New("too many wrong watch codes from this address; wait a few minutes")

// newCode is codeLen letters from codeAlphabet, from crypto/rand.
func newCode() (string, error) {
	b := make([]byte, codeLen)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b), nil
}

// open starts a share for user under a new code.
func (b *shareBook) open(user string) (*share, error) {
	code, err := b.code()
	if err != nil {
		return nil, err
	}
	sh := &share{code: code, user: user, expires: b.now().Add(shareLife), changed: make(chan struct{}), over: make(chan struct{})}
	b.mu.Lock()
	b.byCode[code] = sh
	b.mu.Unlock()
	return sh, nil
}

// find is the open, unexpired share with code, or nil.
func (b *shareBook) find(code string) *share {
	b.mu.Lock()
	defer b.mu.Unlock()
	sh := b.byCode[code]
	if sh == nil {
		return nil
	}
	if b.now().After(sh.expires) {
		delete(b.byCode, code)
		sh.end()
		return nil
	}
	return sh
}

// check is the login check of a watch code from addr: refused while addr
// has had too many wrong codes, and counted against it when wrong.
func (b *shareBook) check(code, addr string) error {
	if b.wrong.count(addr) >= maxWrongCodes {
		return errTooManyCodes
	}
	if b.find(code) == nil {
		b.wrong.add(addr)
		return errBadCode
	}
	return nil
}

// close ends a share: its code stops working and its viewers leave.
func (b *shareBook) close(sh *share) {
	b.mu.Lock()
	if b.byCode[sh.code] == sh {
		delete(b.byCode, sh.code)
	}
	b.mu.Unlock()
	sh.end()
}

// endAll ends every share (the server is stopping).
func (b *shareBook) endAll() {
	b.mu.Lock()
	all := b.byCode
	b.byCode = map[string]*share{}
	b.mu.Unlock()
	for _, sh := range all {
		sh.end()
	}
}

func (sh *share) end() {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if !sh.ended {
		sh.ended = true
		close(sh.over)
	}
}

// publish takes the presenter's latest state.
func (sh *share) publish(st ui.Shared) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.ended {
		return
	}
	sh.latest = st
	sh.seq++
	close(sh.changed)
	sh.changed = make(chan struct{})
}

// next waits for a state newer than seen; ok is false once the share has
// ended or gone is closed (the viewer left).
func (sh *share) next(seen uint64, gone <-chan struct{}) (st ui.Shared, seq uint64, ok bool) {
	for {
		sh.mu.Lock()
		if sh.ended {
			sh.mu.Unlock()
			return ui.Shared{}, seen, false
		}
		if sh.seq > seen {
			st, seq = sh.latest, sh.seq
			sh.mu.Unlock()
			return st, seq, true
		}
		changed := sh.changed
		sh.mu.Unlock()
		select {
		case <-changed:
		case <-sh.over:
		case <-gone:
			return ui.Shared{}, seen, false
		}
	}
}

// presenter is a planner session's ui.ShareHook.
type presenter struct {
	s    *server
	user string
	mu   sync.Mutex
	sh   *share
	prog *tea.Program
}

// attach names the presenter's program, which is told how many watch.
func (p *presenter) attach(prog *tea.Program) {
	p.mu.Lock()
	p.prog = prog
	p.mu.Unlock()
}

// StartShare opens a share and returns the line a viewer runs.
func (p *presenter) StartShare() (string, error) {
	if p.s.stopping.Load() {
		return "", errors.New("the server is stopping")
	}
	sh, err := p.s.shares.open(p.user)
	if err != nil {
		return "", err
	}
	p.mu.Lock()
	old := p.sh
	p.sh = sh
	prog := p.prog
	p.mu.Unlock()
	if prog != nil {
		sh.mu.Lock()
		sh.tell = func(n int) { go prog.Send(ui.ViewersMsg{Watching: n}) }
		sh.mu.Unlock()
	}
	if old != nil {
		p.s.shares.close(old)
	}
	p.s.log.Info("share started", "folder", p.user, "expires", sh.expires.Format(time.RFC3339))
	return p.s.shareLine(sh.code), nil
}

// StopShare ends the share.
func (p *presenter) StopShare() {
	p.mu.Lock()
	sh := p.sh
	p.sh = nil
	p.mu.Unlock()
	if sh != nil {
		p.s.shares.close(sh)
		p.s.log.Info("share ended", "folder", p.user)
	}
}

// Publish hands the viewers the presenter's state.
func (p *presenter) Publish(st ui.Shared) {
	p.mu.Lock()
	sh := p.sh
	p.mu.Unlock()
	if sh != nil {
		sh.publish(st)
	}
}

// end closes the share when the presenter's session ends.
func (p *presenter) end() { p.StopShare() }

// watch runs a viewer's session: the share's planner, read-only.
func (s *server) watch(sess ssh.Session, code string) {
	sh := s.shares.find(code)
	if sh == nil {
		// The code expired or ended between the login and now.
		wish.Println(sess, "creditplan serve: "+errBadCode.Error()+".")
		sess.Exit(1)
		return
	}
	if _, _, isPty := sess.Pty(); !isPty {
		wish.Println(sess, "creditplan serve: watching needs a terminal: ssh -t -p PORT "+watchPrefix+"CODE@HOST")
		sess.Exit(1)
		return
	}
	var seen uint64
	gone := sess.Context().Done()
	first, seq, ok := sh.next(0, gone)
	if !ok {
		sess.Exit(0)
		return
	}
	seen = seq
	pending := &first
	m := ui.New(ui.Options{Card: first.Card, Serve: &ui.ServeOptions{Watch: func() (ui.Shared, bool) {
		if pending != nil {
			st := *pending
			pending = nil
			return st, true
		}
		st, seq, ok := sh.next(seen, gone)
		seen = seq
		return st, ok
	}}})
	s.log.Info("viewer joined", "folder", sh.user, "remote-addr", sess.RemoteAddr().String())
	sh.joined(1)
	defer sh.joined(-1)
	s.runProgram(sess, m, nil)
	fmt.Fprint(sess, "\r\nThe follow-me session has ended.\r\n")
	sess.Exit(0)
}
