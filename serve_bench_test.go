package main

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"creditplan/pricing"
	"creditplan/ui"
)

// The server's costs, measured side by side with the local planner in one
// run (docs/performance.md, "creditplan serve"):
//
//	go test -run XXX -bench ServeKeyToFrame .
//	CREDITPLAN_SERVE_MEASURE=1 go test -run TestServeCosts -v .

// frameWaiter presses keys into a planner and waits for the frame that
// shows each, on a VT screen fed with the planner's output.
type frameWaiter struct {
	in  io.Writer
	vt  *vt.SafeEmulator
	out chan struct{} // a chunk of output arrived
}

func newFrameWaiter(in io.Writer, out io.Reader, cols, rows int) *frameWaiter {
	fw := &frameWaiter{in: in, vt: vt.NewSafeEmulator(cols, rows), out: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := fw.vt.Read(buf)
			if n > 0 {
				in.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		buf := make([]byte, 64*1024)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				fw.vt.Write(buf[:n])
				select {
				case fw.out <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return fw
}

func (fw *frameWaiter) screen() string {
	var b strings.Builder
	for y := range fw.vt.Height() {
		for x := range fw.vt.Width() {
			if c := fw.vt.CellAt(x, y); c != nil && c.Content != "" {
				b.WriteString(c.Content)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// waitFor waits until the screen shows text.
func (fw *frameWaiter) waitFor(text string) error {
	deadline := time.After(10 * time.Second)
	for !strings.Contains(fw.screen(), text) {
		select {
		case <-fw.out:
		case <-time.After(time.Millisecond):
		case <-deadline:
			return fmt.Errorf("never showed %q:\n%s", text, fw.screen())
		}
	}
	return nil
}

// keyToFrame presses 3 and 2 in turn (Plans, Month) and times each key to
// the frame showing its screen.
func keyToFrame(b *testing.B, fw *frameWaiter) {
	b.Helper()
	if err := fw.waitFor("# Video"); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		key, want := "3", "Cheapest way"
		if i%2 == 1 {
			key, want = "2", "# Video"
		}
		// A person's key lands anywhere between two frames, not just
		// after one: wait, untimed, up to a 15th of a second, a whole
		// number of frames at 60, 75 and 120 a second, so the key's place
		// in its frame is uniform at each rate measured.
		b.StopTimer()
		time.Sleep(time.Duration(rng.Int64N(int64(time.Second / 15))))
		b.StartTimer()
		fw.in.Write([]byte(key))
		if err := fw.waitFor(want); err != nil {
			b.Fatal(err)
		}
	}
}

func benchProject(b *testing.B) (*pricing.RateCard, *pricing.Project, []byte) {
	b.Helper()
	card, err := loadCard("")
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("examples", "agency-month.toml"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := pricing.ParseProject("agency-month.toml", src, card)
	if err != nil {
		b.Fatal(err)
	}
	return card, p, src
}

// BenchmarkServeKeyToFrame: local is the planner as `creditplan` runs it
// (its frame rate), in-process over pipes; ssh is a server session over
// loopback SSH, x/crypto/ssh as the client. Both on agency-month.toml at
// 100x30, drawn on the same emulator.
func BenchmarkServeKeyToFrame(b *testing.B) {
	b.Run("local", func(b *testing.B) {
		card, p, src := benchProject(b)
		master, tty, err := pty.Open()
		if err != nil {
			b.Skipf("no pseudo-terminal: %v", err)
		}
		defer master.Close()
		defer tty.Close()
		pty.Setsize(master, &pty.Winsize{Cols: 100, Rows: 30})
		m := ui.New(ui.Options{Card: card, Project: p, Path: "agency-month.toml", Source: src})
		// As ui.Run starts it, on a terminal of its own.
		prog := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithFPS(120),
			tea.WithEnvironment([]string{"TERM=xterm-256color", "COLORTERM=truecolor"}))
		done := make(chan struct{})
		go func() { prog.Run(); close(done) }()
		keyToFrame(b, newFrameWaiter(master, master, 100, 30))
		b.StopTimer()
		prog.Kill()
		<-done
	})
	for _, fps := range []int{60, 75, 120} {
		b.Run(fmt.Sprintf("ssh-%dfps", fps), func(b *testing.B) { benchSSH(b, fps) })
	}
}

func benchSSH(b *testing.B, fps int) {
	{
		ts := startBenchServer(b, fps)
		c, err := ts.dial("alice", ts.alice)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		sess, err := c.NewSession()
		if err != nil {
			b.Fatal(err)
		}
		defer sess.Close()
		sess.Setenv("COLORTERM", "truecolor")
		sess.RequestPty("xterm-256color", 30, 100, nil)
		in, _ := sess.StdinPipe()
		out, _ := sess.StdoutPipe()
		if err := sess.Start("agency-month.toml"); err != nil {
			b.Fatal(err)
		}
		keyToFrame(b, newFrameWaiter(in, out, 100, 30))
		b.StopTimer()
	}
}

// startBenchServer is startServer for a benchmark, with agency-month.toml
// in alice's folder.
func startBenchServer(b *testing.B, fps int) *testServer {
	b.Helper()
	ts := startServerTB(b, func(c *serveConfig) { c.fps = fps })
	home := filepath.Join(ts.dir, "data", "alice")
	os.MkdirAll(home, 0o750)
	src, _ := os.ReadFile(filepath.Join("examples", "agency-month.toml"))
	os.WriteFile(filepath.Join(home, "agency-month.toml"), src, 0o644)
	return ts
}

// TestServeCosts measures what sessions cost the server, run as its own
// process (the test binary's build of creditplan) so the client's half is
// not counted: its resident memory as 20 planner sessions open, and the CPU
// it uses over 5 s with 50 idle ones. It only runs with
// CREDITPLAN_SERVE_MEASURE=1 (it takes ~20 s); CREDITPLAN_SERVE_FPS sets
// the server's --fps (default 60).
func TestServeCosts(t *testing.T) {
	if os.Getenv("CREDITPLAN_SERVE_MEASURE") == "" {
		t.Skip("set CREDITPLAN_SERVE_MEASURE=1 to measure")
	}
	ts := startServer(t, nil) // for its keys and folders; the process below serves
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(binary, "serve", "--listen", addr, "--host-key", filepath.Join(ts.dir, "host2"),
		"--authorized-keys", filepath.Join(ts.dir, "authorized_keys"), "--data", filepath.Join(ts.dir, "data"), "--rate-limit", "0",
		"--fps", cmp.Or(os.Getenv("CREDITPLAN_SERVE_FPS"), "60"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	ts.addr = addr
	var c *gossh.Client
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err = ts.dial("alice", ts.alice); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer c.Close()
	pid := cmd.Process.Pid
	idle0, idleStart := cpuTicks(t, pid), time.Now()
	time.Sleep(3 * time.Second)
	t.Logf("cpu: no session: %v in %v", time.Duration(cpuTicks(t, pid)-idle0)*10*time.Millisecond, time.Since(idleStart).Round(time.Millisecond))
	openTerminal(t, c, 100, 30, "").waitFor("1 Video")
	time.Sleep(time.Second)
	before := rssKB(t, pid)
	const n = 20
	for range n {
		openTerminal(t, c, 100, 30, "").waitFor("1 Video")
	}
	time.Sleep(time.Second)
	after := rssKB(t, pid)
	t.Logf("memory: resident %d MB with 1 session, %d MB with %d: %.2f MB a planner session",
		before>>10, after>>10, n+1, float64(after-before)/n/1024)
	for i := 0; i < 50-n-1; i++ {
		openTerminal(t, c, 100, 30, "").waitFor("1 Video")
	}
	time.Sleep(2 * time.Second) // let the first frames settle
	// CREDITPLAN_SERVE_IDLE sets the window (default 5s): the clock ticks
	// are 10 ms, so a longer one reads finer.
	window, err := time.ParseDuration(cmp.Or(os.Getenv("CREDITPLAN_SERVE_IDLE"), "5s"))
	if err != nil {
		t.Fatal(err)
	}
	cpu0, start := cpuTicks(t, pid), time.Now()
	time.Sleep(window)
	cpu1, wall := cpuTicks(t, pid), time.Since(start)
	cpu := time.Duration(cpu1-cpu0) * 10 * time.Millisecond // USER_HZ = 100
	t.Logf("cpu: 50 idle planner sessions used %v of CPU in %v: %.2f%% of one core", cpu, wall.Round(time.Millisecond), 100*cpu.Seconds()/wall.Seconds())
}

// rssKB is a process's resident memory in KB (/proc/PID/status VmRSS).
func rssKB(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.Fields(v)[0], 10, 64)
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// cpuTicks is a process's user and system time in clock ticks (/proc/PID/stat).
func cpuTicks(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return u + s
}
