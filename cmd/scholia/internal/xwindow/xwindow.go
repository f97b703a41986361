// Package xwindow runs the real scholia binary in a real window under Xvfb
// and drives it with xdotool the way a person does (keys typed one by one,
// the mouse pressed, moved and released), for the window tests of
// cmd/scholia. Each Session has its own X server (Xvfb picks a free display
// itself), its own HOME and XDG folders and its own library, so sessions
// run side by side and leave nothing behind.
//
// When Xvfb or xdotool is missing the tests are skipped with a sentence
// saying what to install; with CI set they fail instead, so a machine that
// cannot run them never passes silently.
package xwindow

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// tools are the programs a Session runs; `make test` installs them.
var tools = []string{"Xvfb", "xdotool", "xdpyinfo", "import", "xclip"}

// Session is one X server with one library, on which the app is opened and
// the command line run.
type Session struct {
	t       testing.TB
	Dir     string // the session's folder: home, XDG folders, library, log
	Library string // the library file
	Display string // ":N"
	Bin     string // the scholia binary
	app     *exec.Cmd
	appDone chan struct{}
	win     string // the main window's X id while the app runs
}

// Start starts an X server for the test, or skips it (fails it under CI)
// when the tools are missing. Everything is stopped when the test ends.
func Start(t testing.TB) *Session {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := fmt.Sprintf("%s is not installed; the real-window tests need xvfb xauth x11-utils xdotool xclip imagemagick (make test installs them)", tool)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip("skipped: " + msg)
		}
	}
	s := &Session{t: t, Dir: t.TempDir(), Bin: Binary(t)}
	s.Library = filepath.Join(s.Dir, "library.db")
	s.Display = startX(t, s.Dir)
	t.Cleanup(s.stopApp)
	return s
}

// startX starts Xvfb on a display it picks itself (-displayfd) and waits
// until it answers.
func startX(t testing.TB, dir string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	log, err := os.Create(filepath.Join(dir, "xvfb.log"))
	if err != nil {
		t.Fatal(err)
	}
	// -r: no auto-repeat, so a key held a moment long by a loaded machine
	// is one keystroke, as it is for a person. -noreset: when its last
	// client leaves (xdpyinfo's check, an app that quit), Xvfb otherwise
	// resets, and an app connecting meanwhile fails to open the display.
	x := exec.Command("Xvfb", "-displayfd", "3", "-r", "-noreset", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	x.Stdout, x.Stderr = log, log
	if err := x.Start(); err != nil {
		t.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		// SIGTERM, not SIGKILL: Xvfb then removes its lock file and
		// socket, and the next session's server, which may take the same
		// display number, never meets a stale one.
		_ = x.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = x.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = x.Process.Kill()
			<-done
		}
		log.Close()
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
		r.Close()
	}()
	var n string
	select {
	case n = <-line:
	case <-time.After(20 * time.Second):
	}
	if _, err := strconv.Atoi(n); err != nil {
		b, _ := os.ReadFile(filepath.Join(dir, "xvfb.log"))
		t.Fatalf("Xvfb did not say its display within 20 s: %s", b)
	}
	display := ":" + n
	if !Poll(10*time.Second, func() bool {
		return exec.Command("xdpyinfo", "-display", display).Run() == nil
	}) {
		t.Fatalf("Xvfb on %s does not answer", display)
	}
	return display
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// Binary builds scholia as `make build` does, once per test process, and
// returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			buildErr = err
			return
		}
		// Beside make build's binary (bin/ is ignored by git), so runs
		// replace one file instead of leaving a copy each in /tmp.
		binPath = filepath.Join(root, "bin", "scholia-xwindow")
		if buildErr = os.MkdirAll(filepath.Dir(binPath), 0o755); buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binPath, "./cmd/scholia")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// moduleRoot is the folder holding go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside the scholia module")
	}
	return filepath.Dir(gomod), nil
}

// env is the environment of everything the session runs: its own home and
// XDG folders, its display, a locale Fyne can parse.
func (s *Session) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "HOME", "DISPLAY", "LANG", "LC_ALL", "LC_MESSAGES", "WAYLAND_DISPLAY", "SCHOLIA_LIBRARY",
			"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"HOME="+filepath.Join(s.Dir, "home"),
		"XDG_CONFIG_HOME="+filepath.Join(s.Dir, "config"),
		"XDG_CACHE_HOME="+filepath.Join(s.Dir, "cache"),
		"XDG_DATA_HOME="+filepath.Join(s.Dir, "data"),
		"XDG_STATE_HOME="+filepath.Join(s.Dir, "state"),
		"DISPLAY="+s.Display,
		"LANG=en_US.UTF-8",
	)
}

// CLI runs a scholia command on the session's library and returns what it
// printed on standard output; a failure fails the test with its stderr.
func (s *Session) CLI(args ...string) string {
	s.t.Helper()
	out, errOut, err := s.TryCLI(args...)
	if err != nil {
		s.t.Fatalf("scholia %s: %v: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// TryCLI runs a scholia command and returns its output and error.
func (s *Session) TryCLI(args ...string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.Bin, append([]string{"--library", s.Library}, args...)...)
	cmd.Env = s.env()
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// xdo runs xdotool on the session's display, under a UTF-8 locale every
// system has, so it types letters beyond ASCII.
func (s *Session) xdo(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(s.env(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Poll calls cond until it holds or the timeout passes, and says whether
// it held: the tests' only way of waiting.
func Poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}
