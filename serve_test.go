package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"creditplan/pricing"
)

var pricingProblems = pricing.AsProblems

// The server's proofs run it in-process on 127.0.0.1:0 and talk to it with
// golang.org/x/crypto/ssh as the client, as ssh(1) would.

// testServer is a running server with one authorized user, alice.
type testServer struct {
	t     testing.TB
	s     *server
	addr  string
	alice gossh.Signer
	dir   string
	log   *syncBuffer
	done  chan struct{}
	err   error // serve's result, once done is closed
}

// syncBuffer is a log the server writes while tests read it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func newSigner(t testing.TB) (gossh.Signer, gossh.PublicKey) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, signer.PublicKey()
}

// startServer starts a server on 127.0.0.1:0; edit changes its flags first.
func startServer(t *testing.T, edit func(*serveConfig)) *testServer {
	t.Helper()
	return startServerTB(t, edit)
}

func startServerTB(t testing.TB, edit func(*serveConfig)) *testServer {
	t.Helper()
	dir := t.TempDir()
	alice, pub := newSigner(t)
	keys := filepath.Join(dir, "authorized_keys")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub))) + " alice@laptop\n"
	if err := os.WriteFile(keys, []byte("# the team\n"+line), 0o600); err != nil {
		t.Fatal(err)
	}
	logBuf := &syncBuffer{}
	cfg := serveConfig{
		listen: "127.0.0.1:0", hostKey: filepath.Join(dir, "host_ed25519"), authorizedKeys: keys,
		data: filepath.Join(dir, "data"), idle: time.Minute, maxSessions: 100, perMinute: 1000,
		grace: 5 * time.Second, poll: 50 * time.Millisecond, logOut: logBuf, publicHost: "demo.example",
	}
	if edit != nil {
		edit(&cfg)
	}
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, s: s, addr: ln.Addr().String(), alice: alice, dir: dir, log: logBuf, done: make(chan struct{})}
	go func() { ts.err = s.serve(ln); close(ts.done) }()
	t.Cleanup(func() {
		if !s.stopping.Load() {
			s.cfg.grace = time.Second
			s.shutdown()
		}
		select {
		case <-ts.done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop")
		}
	})
	return ts
}

// dial logs in as user with the given keys (none: no key at all).
func (ts *testServer) dial(user string, keys ...gossh.Signer) (*gossh.Client, error) {
	cfg := &gossh.ClientConfig{User: user, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	if len(keys) > 0 {
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(keys...)}
	}
	return gossh.Dial("tcp", ts.addr, cfg)
}

func (ts *testServer) client() *gossh.Client {
	ts.t.Helper()
	c, err := ts.dial("alice", ts.alice)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.t.Cleanup(func() { c.Close() })
	return c
}

// run runs a command without a terminal, stdin as its input.
func (ts *testServer) run(cmd, stdin string) (stdout, stderr string, code int) {
	ts.t.Helper()
	sess, err := ts.client().NewSession()
	if err != nil {
		ts.t.Fatal(err)
	}
	defer sess.Close()
	var out, errOut bytes.Buffer
	sess.Stdin, sess.Stdout, sess.Stderr = strings.NewReader(stdin), &out, &errOut
	err = sess.Run(cmd)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitStatus()
	case errors.Is(err, io.EOF):
		// The command exited 0 before reading all of stdin (help does not
		// read it): the client's copy of stdin then meets the closed
		// channel. A missing exit status is ExitMissingError, never EOF.
	case err != nil:
		ts.t.Fatalf("%s: %v", cmd, err)
	}
	return out.String(), errOut.String(), code
}

// sshTerm is a session with a terminal, drawn on a VT screen that answers
// the planner's queries through the session.
type sshTerm struct {
	t     testing.TB
	sess  *gossh.Session
	in    io.WriteCloser
	vt    *vt.SafeEmulator
	frame sync.Mutex
	done  chan struct{}
	// got is when the first bytes arrived.
	got   chan struct{}
	first sync.Once
}

func (ts *testServer) terminal(c *gossh.Client, cols, rows int, cmd string) *sshTerm {
	ts.t.Helper()
	return openTerminal(ts.t, c, cols, rows, cmd)
}

func openTerminal(t testing.TB, c *gossh.Client, cols, rows int, cmd string) *sshTerm {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Setenv("COLORTERM", "truecolor"); err != nil {
		t.Log("setenv refused:", err)
	}
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &sshTerm{t: t, sess: sess, in: in, vt: vt.NewSafeEmulator(cols, rows), done: make(chan struct{}), got: make(chan struct{})}
	tm.vt.SetDefaultBackgroundColor(darkBackground)
	tm.vt.SetDefaultForegroundColor(darkForeground)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tm.vt.Read(buf)
			if n > 0 {
				if _, werr := in.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		defer close(tm.done)
		buf := make([]byte, 64*1024)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				tm.first.Do(func() { close(tm.got) })
				tm.frame.Lock()
				tm.vt.Write(buf[:n])
				tm.frame.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	if cmd == "" {
		err = sess.Shell()
	} else {
		err = sess.Start(cmd)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	return tm
}

func (tm *sshTerm) screen() string {
	tm.frame.Lock()
	defer tm.frame.Unlock()
	var b strings.Builder
	for y := range tm.vt.Height() {
		if y > 0 {
			b.WriteByte('\n')
		}
		for x := range tm.vt.Width() {
			c := tm.vt.CellAt(x, y)
			switch {
			case c == nil || c.Content == "":
				b.WriteByte(' ')
			case c.Width == 0:
			default:
				b.WriteString(c.Content)
			}
		}
	}
	return b.String()
}

func (tm *sshTerm) waitFor(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q; it shows:\n%s", text, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (tm *sshTerm) press(keys ...string) {
	tm.t.Helper()
	seq := map[string]string{"enter": "\r", "down": "\x1b[B", "up": "\x1b[A", "right": "\x1b[C", "left": "\x1b[D",
		"ctrl+s": "\x13", "ctrl+o": "\x0f", "ctrl+r": "\x12", "tab": "\t", "esc": "\x1b", "ctrl+u": "\x15"}
	for _, k := range keys {
		b, ok := seq[k]
		if !ok {
			b = k
		}
		if _, err := tm.in.Write([]byte(b)); err != nil {
			tm.t.Fatal(err)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// ended waits for the session to end and returns its exit status.
func (tm *sshTerm) ended() int {
	tm.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- tm.sess.Wait() }()
	select {
	case err := <-errc:
		// What the session wrote last is on the screen once its output ends.
		select {
		case <-tm.done:
		case <-time.After(2 * time.Second):
		}
		var exit *gossh.ExitError
		if errors.As(err, &exit) {
			return exit.ExitStatus()
		}
		if err != nil {
			tm.t.Fatalf("session: %v", err)
		}
		return 0
	case <-time.After(10 * time.Second):
		tm.t.Fatalf("the session did not end; the screen shows:\n%s", tm.screen())
		return -1
	}
}

func TestServeRefusesAStranger(t *testing.T) {
	ts := startServer(t, nil)
	stranger, _ := newSigner(t)
	if c, err := ts.dial("alice", stranger); err == nil {
		c.Close()
		t.Fatal("a key not in authorized_keys got in")
	}
	if c, err := ts.dial("alice"); err == nil {
		c.Close()
		t.Fatal("a client with no key got in")
	}
	// No password is ever asked for, let alone accepted.
	cfg := &gossh.ClientConfig{User: "alice", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
		Auth: []gossh.AuthMethod{gossh.Password("alice")}}
	if c, err := gossh.Dial("tcp", ts.addr, cfg); err == nil {
		c.Close()
		t.Fatal("a password got in")
	}
	if !strings.Contains(ts.log.String(), "key refused") || !strings.Contains(ts.log.String(), "SHA256:") {
		t.Errorf("the refused key is not logged with its fingerprint:\n%s", ts.log.String())
	}
	// The server still serves the team.
	if out, _, code := ts.run("check", readExample(t, "creator-month.toml")); code != 0 || !strings.Contains(out, "ok  stdin") {
		t.Errorf("after the stranger, check exits %d: %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "host_ed25519")); err != nil {
		t.Errorf("no host key was created on first start: %v", err)
	}
}

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeQuoteWithoutATerminal(t *testing.T) {
	ts := startServer(t, nil)
	month := readExample(t, "creator-month.toml")
	out, errOut, code := ts.run("quote --format json", month)
	if code != 0 {
		t.Fatalf("quote over SSH exits %d: %s", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("quote's JSON does not read: %v\n%s", err, out)
	}
	// The same command run locally prints the same bytes.
	var local, localErr bytes.Buffer
	dir := t.TempDir()
	path := filepath.Join(dir, "stdin")
	os.WriteFile(path, []byte(month), 0o644)
	a := &app{stdout: &local, stderr: &localErr, interactive: func() bool { return false }}
	if c := a.run([]string{"quote", "--format", "json", path}); c != 0 {
		t.Fatalf("local quote exits %d: %s", c, localErr.String())
	}
	if want := strings.ReplaceAll(local.String(), path, "stdin"); out != want {
		t.Errorf("quote over SSH differs from the local one:\n%s\nlocal:\n%s", out, want)
	}

	// A broken project: its problems, named stdin:LINE:COL, and exit 1.
	_, errOut, code = ts.run("quote", "plan = \"nope\"\n")
	if code != 1 || !strings.Contains(errOut, "stdin:1:") {
		t.Errorf("a broken project exits %d with %q", code, errOut)
	}
	// An unknown command: the CLI's own message, exit 2.
	_, errOut, code = ts.run("qoute", month)
	if code != 2 || !strings.Contains(errOut, `unknown command "qoute"`) || !strings.Contains(errOut, "quote") {
		t.Errorf("an unknown command exits %d with %q", code, errOut)
	}
	// The client cannot make the server read a card of its choosing.
	_, errOut, code = ts.run("quote --rates /etc/passwd", month)
	if code != 2 || !strings.Contains(errOut, "server's rate card") {
		t.Errorf("--rates over SSH exits %d with %q", code, errOut)
	}
	// The other commands run too.
	for _, cmd := range []string{"compare", "fit", "year", "check", "help"} {
		if _, errOut, code := ts.run(cmd, month); code != 0 {
			t.Errorf("%s over SSH exits %d: %s", cmd, code, errOut)
		}
	}
}

func TestServePlannerSession(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.client()
	start := time.Now()
	tm := ts.terminal(c, 80, 24, "")
	tm.waitFor("1 Video")
	t.Logf("first frame in %v", time.Since(start))
	// A resize reaches the planner: too small, it says how small.
	if err := tm.sess.WindowChange(14, 50); err != nil {
		t.Fatal(err)
	}
	tm.vt.Resize(50, 14)
	tm.waitFor("50x14. q quits")
	if err := tm.sess.WindowChange(30, 100); err != nil {
		t.Fatal(err)
	}
	tm.vt.Resize(100, 30)
	tm.waitFor("1 Video")
	// q ends the session (the new month has no changes to lose).
	tm.press("tab", "q")
	if code := tm.ended(); code != 0 {
		t.Errorf("the session ends with %d", code)
	}
	// The server logs the disconnect after the client has the exit status.
	waitLogCount(t, ts, "disconnect", 1)
	log := ts.log.String()
	for _, want := range []string{"connect", "disconnect", "duration", "key accepted", "fingerprint"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log has no %q:\n%s", want, log)
		}
	}
}

func TestServeConfinesFilesToTheUsersFolder(t *testing.T) {
	ts := startServer(t, nil)
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	secret := filepath.Join(ts.dir, "secret.toml")
	os.WriteFile(secret, []byte(readExample(t, "creator-month.toml")), 0o644)
	os.Symlink(secret, filepath.Join(home, "link.toml"))
	os.WriteFile(filepath.Join(home, "mine.toml"), []byte(readExample(t, "creator-month.toml")), 0o644)

	// Without a terminal: a file of the folder reads; one out of it never.
	if out, errOut, code := ts.run("check mine.toml", ""); code != 0 || !strings.Contains(out, "ok  mine.toml") {
		t.Errorf("check mine.toml exits %d: %s %s", code, out, errOut)
	}
	for _, path := range []string{"../secret.toml", secret, "link.toml", "../../../../etc/passwd"} {
		_, errOut, code := ts.run("quote "+path, "")
		if code != 1 || !strings.Contains(errOut, "outside your folder") {
			t.Errorf("quote %s exits %d with %q", path, code, errOut)
		}
	}
	// In the planner: opening one is refused before it starts...
	c := ts.client()
	tm := ts.terminal(c, 80, 24, "../secret.toml")
	if code := tm.ended(); code != 1 || !strings.Contains(tm.screen(), "outside your folder") {
		t.Errorf("the planner on ../secret.toml ends with %d, showing:\n%s", code, tm.screen())
	}
	// ...and saving out of the folder is refused with a message, the month kept.
	tm = ts.terminal(c, 100, 30, "")
	tm.waitFor("1 Video")
	tm.press("tab", "a", "ctrl+s")
	tm.waitFor("Save as")
	tm.press("ctrl+u")
	for _, r := range "../escape.toml" {
		tm.press(string(r))
	}
	tm.press("enter")
	tm.waitFor("outside your folder")
	if _, err := os.Stat(filepath.Join(ts.dir, "data", "escape.toml")); err == nil {
		t.Error("a save left the user's folder")
	}
	tm.press("ctrl+s")
	tm.waitFor("Save as")
	tm.press("ctrl+u", "o", "k", "enter")
	tm.waitFor("Saved ok.toml")
	if _, err := os.Stat(filepath.Join(home, "ok.toml")); err != nil {
		t.Errorf("the save in the folder is not there: %v", err)
	}
	// A save through a link out of the folder is refused too.
	tm.press("ctrl+s")
	tm.waitFor("Saved ok.toml")
	before, _ := os.ReadFile(secret)
	tm2 := ts.terminal(c, 100, 30, "")
	tm2.waitFor("1 Video")
	tm2.press("tab", "a", "ctrl+s")
	tm2.waitFor("Save as")
	tm2.press("ctrl+u")
	for _, r := range "link.toml" {
		tm2.press(string(r))
	}
	tm2.press("enter")
	tm2.waitFor("outside your folder")
	if after, _ := os.ReadFile(secret); !bytes.Equal(before, after) {
		t.Error("a save through a link changed a file out of the folder")
	}
}

func TestServeFollowMe(t *testing.T) {
	ts := startServer(t, nil)
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	os.WriteFile(filepath.Join(home, "demo.toml"), []byte(readExample(t, "creator-month.toml")), 0o644)
	presenter := ts.terminal(ts.client(), 100, 30, "demo.toml")
	presenter.waitFor("2 Month")
	presenter.press("ctrl+o")
	screen := presenter.waitFor("watch-")
	i := strings.Index(screen, "watch-")
	code := strings.TrimSpace(strings.SplitN(screen[i+len("watch-"):], "@", 2)[0])
	if len(code) != codeLen || !strings.Contains(screen, "ssh -p ") || !strings.Contains(screen, "@demo.example") {
		t.Fatalf("the share line is not ssh -p PORT watch-CODE@HOST:\n%s", screen)
	}

	// A wrong code is refused and logged.
	if c, err := ts.dial(watchPrefix + "wrongcode22"); err == nil {
		c.Close()
		t.Fatal("a wrong watch code got in")
	}
	if !strings.Contains(ts.log.String(), "watch code refused") {
		t.Error("a wrong watch code is not logged")
	}

	// The viewer needs no key and sees the presenter's screen at its own size.
	vc, err := ts.dial(watchPrefix + code)
	if err != nil {
		t.Fatalf("the viewer cannot log in: %v", err)
	}
	defer vc.Close()
	viewer := openTerminal(t, vc, 140, 36, "") // wider than the presenter's 100x30, so its tab line names the plan
	viewer.waitFor("read-only")
	viewer.waitFor("demo.toml")
	// The presenter sees that someone watches.
	presenter.waitFor("1 viewer watching")
	presenter.press("3")
	viewer.waitFor("Plans")
	was := planOnTabLine(presenter.waitFor("Plans"))
	presenter.press("p")
	deadline := time.Now().Add(5 * time.Second)
	for planOnTabLine(presenter.screen()) == was && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	presenterPlan := planOnTabLine(presenter.screen())
	if presenterPlan == was {
		t.Fatalf("p did not change the presenter's plan from %q", was)
	}
	for planOnTabLine(viewer.screen()) != presenterPlan && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := planOnTabLine(viewer.screen()); got != presenterPlan {
		t.Errorf("the viewer shows plan %q, the presenter %q", got, presenterPlan)
	}
	// The viewer changes nothing: its keys are ignored.
	before, _ := os.ReadFile(filepath.Join(home, "demo.toml"))
	viewer.press("p", "2", "x", "ctrl+s", "b", "u")
	time.Sleep(200 * time.Millisecond)
	if got := planOnTabLine(presenter.screen()); got != presenterPlan {
		t.Errorf("a viewer's key changed the presenter's plan to %q", got)
	}
	if after, _ := os.ReadFile(filepath.Join(home, "demo.toml")); !bytes.Equal(before, after) {
		t.Error("a viewer's keys changed the file")
	}
	if !strings.Contains(viewer.screen(), "3 Plans") {
		t.Errorf("the viewer left the presenter's screen:\n%s", viewer.screen())
	}
	// ctrl+o again ends the share: the viewer's session ends, the code is dead.
	presenter.press("ctrl+o")
	presenter.waitFor("The share has ended")
	if code := viewer.ended(); code != 0 {
		t.Errorf("the viewer's session ends with %d", code)
	}
	if c, err := ts.dial(watchPrefix + code); err == nil {
		c.Close()
		t.Error("an ended share's code still works")
	}
}

// planOnTabLine is the plan name the tab line shows (the second line).
func planOnTabLine(screen string) string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 2 {
		return ""
	}
	l := lines[1]
	const lastTab = "5 Scenarios"
	i := strings.Index(l, lastTab)
	if i < 0 {
		return ""
	}
	name, _, _ := strings.Cut(strings.TrimSpace(l[i+len(lastTab):]), " · ")
	return name
}

func TestServeWrongWatchCodesAreRateLimited(t *testing.T) {
	ts := startServer(t, nil)
	sh, err := ts.s.shares.open("alice")
	if err != nil {
		t.Fatal(err)
	}
	for i := range maxWrongCodes {
		if c, err := ts.dial(fmt.Sprintf("%sguess%d", watchPrefix, i)); err == nil {
			c.Close()
			t.Fatal("a guessed code got in")
		}
	}
	// Past the limit even the right code is refused from that address.
	if c, err := ts.dial(watchPrefix + sh.code); err == nil {
		c.Close()
		t.Error("the right code got in after too many wrong ones")
	}
	if !strings.Contains(ts.log.String(), errTooManyCodes.Error()) {
		t.Errorf("the limit is not logged:\n%s", ts.log.String())
	}
	// An expired code does not work.
	book := newShareBook()
	old, _ := book.open("alice")
	book.now = func() time.Time { return time.Now().Add(shareLife + time.Minute) }
	if err := book.check(old.code, "192.0.2.1"); !errors.Is(err, errBadCode) {
		t.Errorf("an hour-old code: %v", err)
	}
}

func TestServeReloadKeepsSessionsAlive(t *testing.T) {
	dir := t.TempDir()
	rates := filepath.Join(dir, "plans.toml")
	os.WriteFile(rates, defaultCard, 0o644)
	ts := startServer(t, func(c *serveConfig) { c.rates = rates })
	tm := ts.terminal(ts.client(), 100, 30, "")
	tm.waitFor("1 Video")
	oldName := ts.s.currentCard().Name

	// A broken card is refused and logged; the old one stays.
	os.WriteFile(rates, []byte("[card]\nname = \n"), 0o644)
	waitLog(t, ts, "reload refused")
	if ts.s.currentCard().Name != oldName {
		t.Fatal("a broken card replaced the good one")
	}
	// A good new card: the session is told and lives on; ctrl+r moves it.
	newCard := bytes.Replace(defaultCard, []byte(`name = "`), []byte(`name = "Reloaded `), 1)
	os.WriteFile(rates, newCard, 0o644)
	waitLog(t, ts, "rates reloaded")
	tm.waitFor("rates updated: ctrl+r reloads")
	tm.press("ctrl+r")
	tm.waitFor("Now on the new rates: Reloaded")
	// SIGHUP's path reloads as well.
	ts.s.reload("SIGHUP")
	if n := ts.s.reloads; n < 2 {
		t.Errorf("%d reloads", n)
	}
	// A new session gets the new card; the old one still answers.
	out, _, code := ts.run("quote --format json", readExample(t, "creator-month.toml"))
	if code != 0 || !strings.Contains(out, "Reloaded ") {
		t.Errorf("a new session does not get the new card (exit %d)", code)
	}
	tm.press("2")
	tm.waitFor("2 Month")
}

func waitLog(t *testing.T, ts *testServer, text string) {
	t.Helper()
	waitLogCount(t, ts, text, 1)
}

// waitLogCount waits until the log says text at least n times.
func waitLogCount(t *testing.T, ts *testServer, text string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for strings.Count(ts.log.String(), text) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the log says %q fewer than %d times:\n%s", text, n, ts.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestServeFiftySessions(t *testing.T) {
	ts := startServer(t, nil)
	const n = 50
	month := readExample(t, "creator-month.toml")
	clients := make([]*gossh.Client, n)
	for i := range n {
		c, err := ts.dial("alice", ts.alice)
		if err != nil {
			t.Fatal(err)
		}
		clients[i] = c
		defer c.Close()
	}
	// 50 planners open at once, each with its own size; while they run,
	// commands run beside them on the same connections.
	terms := make([]*sshTerm, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { terms[i] = openTerminal(t, clients[i], 60+i, 16+i%10, "") })
	}
	wg.Wait()
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			terms[i].waitFor("1 Video")
			terms[i].in.Write([]byte("\t")) // to the Month screen
			terms[i].waitFor("Seats ")
			if i%5 != 0 {
				return
			}
			sess, err := clients[i].NewSession()
			if err != nil {
				errs <- err
				return
			}
			defer sess.Close()
			var out bytes.Buffer
			sess.Stdin, sess.Stdout = strings.NewReader(month), &out
			if err := sess.Run("quote --format json"); err != nil || !json.Valid(out.Bytes()) {
				errs <- fmt.Errorf("session %d: quote: %v", i, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// A command's session ends on the server a moment after the client has
	// its exit status: wait for the count to settle back to the planners.
	for deadline := time.Now().Add(5 * time.Second); ts.s.sessions.Load() != n && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if got := ts.s.sessions.Load(); got != n {
		t.Errorf("%d sessions open, want %d", got, n)
	}
	for i := range n {
		terms[i].in.Write([]byte("q"))
	}
	for i := range n {
		if code := terms[i].ended(); code != 0 {
			t.Errorf("planner %d ends with %d", i, code)
		}
	}
}

func TestServeShutdownSavesAndExits(t *testing.T) {
	ts := startServer(t, nil)
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	os.WriteFile(filepath.Join(home, "demo.toml"), []byte(readExample(t, "creator-month.toml")), 0o644)
	tm := ts.terminal(ts.client(), 100, 30, "demo.toml")
	tm.waitFor("2 Month")
	tm.press("a") // an unsaved change
	tm.waitFor("demo.toml*")
	idle := ts.terminal(ts.client(), 80, 24, "")
	idle.waitFor("1 Video")
	before, _ := os.ReadFile(filepath.Join(home, "demo.toml"))
	stopped := make(chan struct{})
	go func() { ts.s.shutdown(); close(stopped) }()
	tm.ended()
	idle.ended()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("shutdown did not finish")
	}
	<-ts.done
	if ts.err != nil {
		t.Errorf("serve returned %v", ts.err)
	}
	after, _ := os.ReadFile(filepath.Join(home, "demo.toml"))
	if bytes.Equal(before, after) {
		t.Error("the unsaved change was not saved on shutdown")
	}
	if _, err := ts.dial("alice", ts.alice); err == nil {
		t.Error("the server still accepts connections after shutdown")
	}
}

// FuzzParseAuthorizedKeys: any authorized_keys file is read without a panic,
// either as keys whose users are folder-safe names or as problems each
// naming a line of the file.
func FuzzParseAuthorizedKeys(f *testing.F) {
	_, pub := newSigner(f)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
	for _, seed := range []string{"", "# none\n", line + " alice@laptop\n", line + "\n" + line + " ../../etc\n", "ssh-ed25519 !!\n", line + " " + line} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		keys, err := parseAuthorizedKeys("keys", src)
		if err != nil {
			ps, ok := pricingProblems(err)
			if !ok || len(ps) == 0 {
				t.Fatalf("not problems: %v", err)
			}
			lines := strings.Count(string(src), "\n") + 1
			for _, p := range ps {
				if p.Line < 1 || p.Line > lines {
					t.Fatalf("a problem on line %d of %d", p.Line, lines)
				}
			}
			return
		}
		for _, user := range keys {
			if !userName.MatchString(user) || strings.HasPrefix(user, watchPrefix) || !filepath.IsLocal(user) {
				t.Fatalf("user %q is no folder name", user)
			}
		}
	})
}

// TestServeDisconnectMidSaveLosesNothing: a client gone the moment it asked
// for a save leaves the project whole, old or new, and no temporary file;
// the server serves on.
func TestServeDisconnectMidSaveLosesNothing(t *testing.T) {
	ts := startServer(t, nil)
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	month := readExample(t, "agency-month.toml")
	path := filepath.Join(home, "demo.toml")
	os.WriteFile(path, []byte(month), 0o644)
	card, err := loadCard("")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		c, err := ts.dial("alice", ts.alice)
		if err != nil {
			t.Fatal(err)
		}
		tm := openTerminal(t, c, 100, 30, "demo.toml")
		tm.waitFor("2 Month")
		tm.press("a", "ctrl+s")
		c.Close() // gone, mid-save
		deadline := time.Now().Add(5 * time.Second)
		for {
			src, _ := os.ReadFile(path)
			_, perr := pricing.ParseProject(path, src, card)
			entries, _ := os.ReadDir(home)
			temps := 0
			for _, e := range entries {
				if strings.Contains(e.Name(), ".creditplan-tmp-") {
					temps++
				}
			}
			if perr == nil && temps == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("after a disconnect mid-save: the project reads %v, %d temporary files", perr, temps)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	if out, _, code := ts.run("check demo.toml", ""); code != 0 {
		t.Errorf("check after the disconnects exits %d: %s", code, out)
	}
}

// TestServeCustomerPricing: the customers' overlays are loaded once from
// --pricing-dir and shared; a project's pricing = "FILE" and --pricing name
// one by its file name, and nothing out of the folder is ever read for it.
func TestServeCustomerPricing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "acme-pricing.toml"), []byte(readExample(t, "acme-pricing.toml")), 0o644)
	ts := startServer(t, func(c *serveConfig) { c.pricingDir = dir })
	demo := readExample(t, "sales-demo.toml")
	// Acme's Pro is $84.15 (15% off $99.00): compare shows it.
	out, errOut, code := ts.run("compare", demo)
	if code != 0 || !strings.Contains(out, "84.15") {
		t.Errorf("the project's own pricing is not the server's overlay (exit %d): %s\n%s", code, errOut, out)
	}
	out, _, code = ts.run("compare --pricing acme-pricing.toml", readExample(t, "creator-month.toml"))
	if code != 0 || !strings.Contains(out, "84.15") {
		t.Errorf("--pricing NAME is not the server's overlay (exit %d)", code)
	}
	if out, _, _ := ts.run("compare", readExample(t, "creator-month.toml")); strings.Contains(out, "84.15") {
		t.Error("a month without pricing got Acme's prices")
	}
	for _, bad := range []string{"/etc/passwd", "../secret.toml", "nope.toml"} {
		_, errOut, code := ts.run("quote --pricing "+bad, demo)
		if code != 1 || !strings.Contains(errOut, "the server's are acme-pricing.toml") {
			t.Errorf("--pricing %s exits %d: %s", bad, code, errOut)
		}
	}
	// The planner opens the month on its customer's prices.
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	os.WriteFile(filepath.Join(home, "demo.toml"), []byte(demo), 0o644)
	tm := ts.terminal(ts.client(), 120, 40, "demo.toml")
	tm.press("3")
	tm.waitFor("84.15")
	// A broken overlay at reload is refused; the loaded ones stay.
	os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("[overlay]\ncard = \"Nope\"\n"), 0o644)
	waitLog(t, ts, "reload refused")
	if _, err := ts.s.pricingCard("acme-pricing.toml"); err != nil {
		t.Errorf("a broken overlay lost the good one: %v", err)
	}
}

// TestServeMistypedCommandWithATerminal: a word that is neither a command
// nor a project gets the command line's message and exit 2, not a new month
// named after it.
func TestServeMistypedCommandWithATerminal(t *testing.T) {
	ts := startServer(t, nil)
	tm := ts.terminal(ts.client(), 80, 24, "qoute")
	if code := tm.ended(); code != 2 || !strings.Contains(tm.screen(), `unknown command "qoute"`) {
		t.Errorf("ssh -t HOST qoute ends with %d, showing:\n%s", code, tm.screen())
	}
	if _, err := os.Stat(filepath.Join(ts.dir, "data", "alice", "qoute")); err == nil {
		t.Error("a file was made for the mistyped command")
	}
}

// TestServeLimits: past --max-sessions a session is told the server is
// full; past --rate-limit an address is told to wait; both keep serving.
func TestServeLimits(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.maxSessions = 1 })
	tm := ts.terminal(ts.client(), 80, 24, "")
	tm.waitFor("1 Video")
	if _, errOut, code := ts.run("help", ""); code != 1 || !strings.Contains(errOut+ts.log.String(), "session cap reached") {
		t.Errorf("a session past the cap exits %d", code)
	}
	tm.press("\x03")
	tm.ended()
	// The planner's slot is free once the server has logged both sessions
	// out (the refused one and the planner); the client hears the exit first.
	waitLogCount(t, ts, "disconnect", 2)
	if _, _, code := ts.run("help", ""); code != 0 {
		t.Errorf("after the planner left, a session exits %d", code)
	}

	ts = startServer(t, func(c *serveConfig) { c.perMinute = 2 })
	for i := range 3 {
		_, _, code := ts.run("help", "")
		if want := map[bool]int{true: 1, false: 0}[i == 2]; code != want {
			t.Errorf("session %d from one address exits %d, want %d", i+1, code, want)
		}
	}
	if !strings.Contains(ts.log.String(), "rate limited") {
		t.Error("the rate limit is not logged")
	}
}

func TestServeRefusesCommandsThatCannotRunOverSSH(t *testing.T) {
	ts := startServer(t, nil)
	_, errOut, code := ts.run("serve --listen 127.0.0.1:0", "")
	if code != 2 || !strings.Contains(errOut, "serve cannot be run over SSH; these can: quote, compare, fit, year, check, proposal, verify, help") {
		t.Errorf("serve over SSH exits %d: %q", code, errOut)
	}
}

// TestServeDisconnectSavesUnsavedChanges: a client that goes away (or
// idles out) with changes unsaved loses none: they are saved, a month never
// saved to unsaved-month.toml.
func TestServeDisconnectSavesUnsavedChanges(t *testing.T) {
	ts := startServer(t, nil)
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	path := filepath.Join(home, "demo.toml")
	os.WriteFile(path, []byte(readExample(t, "creator-month.toml")), 0o644)
	before, _ := os.ReadFile(path)
	c, err := ts.dial("alice", ts.alice)
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerminal(t, c, 100, 30, "demo.toml")
	tm.waitFor("2 Month")
	tm.press("a")
	tm.waitFor("demo.toml*")
	c2, err := ts.dial("alice", ts.alice)
	if err != nil {
		t.Fatal(err)
	}
	fresh := openTerminal(t, c2, 100, 30, "")
	fresh.waitFor("1 Video")
	fresh.press("tab", "a")
	fresh.waitFor("new month*")
	c.Close()
	c2.Close()
	waitLog(t, ts, "file=unsaved-month.toml")
	waitLog(t, ts, "file=demo.toml")
	if after, _ := os.ReadFile(path); bytes.Equal(before, after) {
		t.Error("the unsaved change to demo.toml was lost")
	}
	if _, err := os.Stat(filepath.Join(home, "unsaved-month.toml")); err != nil {
		t.Errorf("the never-saved month was lost: %v", err)
	}
}

// TestServeProposal: a proposal over SSH is the one made locally, the
// server's card and the customer's overlay embedded; --out is refused.
func TestServeProposal(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "acme-pricing.toml"), []byte(readExample(t, "acme-pricing.toml")), 0o644)
	ts := startServer(t, func(c *serveConfig) { c.pricingDir = dir })
	t.Setenv(todayEnv, "2026-03-02")
	demo := readExample(t, "sales-demo.toml")
	out, errOut, code := ts.run("proposal --format md", demo)
	if code != 0 || !strings.Contains(out, "An estimate, not a contract") || !strings.Contains(out, "84.15") {
		t.Fatalf("proposal over SSH exits %d: %s\n%s", code, errOut, out)
	}
	var local, localErr bytes.Buffer
	a := &app{stdout: &local, stderr: &localErr, interactive: func() bool { return false }}
	os.WriteFile(filepath.Join(dir, "stdin"), []byte(demo), 0o644)
	if c := a.run([]string{"proposal", "--format", "md", "--pricing", filepath.Join(dir, "acme-pricing.toml"), filepath.Join(dir, "stdin")}); c != 0 {
		t.Fatalf("local proposal exits %d: %s", c, localErr.String())
	}
	if strings.Count(out, "84.15") != strings.Count(local.String(), "84.15") {
		t.Errorf("the proposal over SSH differs from the local one")
	}
	_, errOut, code = ts.run("proposal --out /tmp/x.html", demo)
	if code != 2 || !strings.Contains(errOut, "--out: over SSH") {
		t.Errorf("--out over SSH exits %d: %q", code, errOut)
	}
}

// TestServeVerify: a proposal made over SSH verifies over SSH against the
// server's current card (standard input is the proposal), and an edited one
// is named as tampered with exit 1; --rates stays refused.
func TestServeVerify(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "acme-pricing.toml"), []byte(readExample(t, "acme-pricing.toml")), 0o644)
	ts := startServer(t, func(c *serveConfig) { c.pricingDir = dir })
	t.Setenv(todayEnv, "2026-03-02")
	doc, errOut, code := ts.run("proposal --format md", readExample(t, "sales-demo.toml"))
	if code != 0 {
		t.Fatalf("proposal over SSH exits %d: %s", code, errOut)
	}
	out, errOut, code := ts.run("verify", doc)
	if code != 0 || !strings.Contains(out, "stdin: matches") {
		t.Fatalf("verify over SSH of the server's own proposal exits %d: %s\n%s", code, errOut, out)
	}
	edited := strings.Replace(doc, "84.15", "74.15", 1)
	if edited == doc {
		t.Fatal("the proposal shows no 84.15 to edit")
	}
	out, errOut, code = ts.run("verify -", edited)
	if code != 1 || !strings.Contains(out+errOut, "tampered") {
		t.Errorf("verify over SSH of an edited proposal exits %d: %s\n%s", code, errOut, out)
	}
	if _, errOut, code = ts.run("verify --rates plans.toml", doc); code != 2 || !strings.Contains(errOut, "--rates: over SSH") {
		t.Errorf("verify --rates over SSH exits %d: %q", code, errOut)
	}
}
