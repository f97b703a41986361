package xwindow

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Width and Height are the size the window is given when it opens: the
// default size of a laptop screen, as a reader first sees it.
const (
	Width  = 1280
	Height = 800
)

// Open starts the window on the session's library (with args such as a
// file to open), waits until it is on screen and drawn, and puts it at the
// top left corner at Width x Height. The app is ended when the test ends.
func (s *Session) Open(args ...string) {
	s.t.Helper()
	if s.app != nil {
		s.t.Fatal("xwindow: the window is already open")
	}
	log, err := os.OpenFile(filepath.Join(s.Dir, "app.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		s.t.Fatal(err)
	}
	cmd := exec.Command(s.Bin, append([]string{"--library", s.Library}, args...)...)
	cmd.Env = s.env()
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("starting scholia: %v", err)
	}
	s.app, s.appDone = cmd, make(chan struct{})
	go func() {
		_ = cmd.Wait()
		log.Close()
		close(s.appDone)
	}()
	if !Poll(60*time.Second, func() bool {
		s.win = s.findWindow()
		return s.win != "" || s.exited()
	}) || s.win == "" {
		s.t.Fatalf("no Scholia window within 60 s; the app said: %s", s.Log())
	}
	if w, h := s.Resize(Width, Height); w != Width || h != Height {
		s.t.Fatalf("the window took the size %dx%d, not %dx%d", w, h, Width, Height)
	}
	s.xdo("windowmove", s.win, "0", "0")
	// The GL driver presents its first frame a moment after the window is
	// mapped: wait until the screen shows more than a flat colour.
	if !Poll(20*time.Second, func() bool { return s.Shot().Colours() > 20 }) {
		s.t.Fatalf("the window stayed blank for 20 s; the app said: %s", s.Log())
	}
}

// findWindow is the X id of the visible window named Scholia..., or "".
func (s *Session) findWindow() string {
	cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Scholia")
	cmd.Env = s.env()
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(out))
	if len(fields) == 0 {
		return ""
	}
	return fields[len(fields)-1]
}

// exited says whether the app has ended.
func (s *Session) exited() bool {
	select {
	case <-s.appDone:
		return true
	default:
		return false
	}
}

// Running says whether the app is still running.
func (s *Session) Running() bool { return s.app != nil && !s.exited() }

// Title is the main window's title (it names the open document).
func (s *Session) Title() string {
	s.t.Helper()
	return s.xdo("getwindowname", s.win)
}

// WaitTitle waits until the window's title contains part.
func (s *Session) WaitTitle(part string) {
	s.t.Helper()
	if !Poll(20*time.Second, func() bool { return strings.Contains(s.Title(), part) }) {
		s.t.Fatalf("the window's title is %q, not naming %q, after 20 s", s.Title(), part)
	}
}

// Resize gives the window a new size, as a person dragging its corner
// does, and returns the size it took: the app may keep a window wider
// than asked when what it shows needs the room (a dialog open, say), as
// a window manager lets it.
func (s *Session) Resize(w, h int) (int, int) {
	s.t.Helper()
	s.xdo("windowsize", s.win, strconv.Itoa(w), strconv.Itoa(h))
	var gw, gh int
	Poll(5*time.Second, func() bool {
		gw, gh = s.size()
		return gw == w && gh == h
	})
	return gw, gh
}

// size is the window's size as X reports it.
func (s *Session) size() (int, int) {
	s.t.Helper()
	var w, h int
	for _, line := range strings.Split(s.xdo("getwindowgeometry", s.win), "\n") {
		if g, ok := strings.CutPrefix(strings.TrimSpace(line), "Geometry: "); ok {
			fmt.Sscanf(g, "%dx%d", &w, &h)
		}
	}
	return w, h
}

// Quit presses Ctrl+Q and waits until the app has ended and released the
// library, so the command line can read what it stored.
//
// When the app is still running 20 s later, a screenshot is kept for a
// person to look at, and the test does what a person would: Esc to close
// a dialog left open on a loaded machine, then Ctrl+Q again. What the app
// stored is checked by the test afterwards all the same.
func (s *Session) Quit() {
	s.t.Helper()
	s.Key("ctrl+q")
	select {
	case <-s.appDone:
	case <-time.After(20 * time.Second):
		path, _ := s.Shot().Save("window-quit-stuck.png")
		s.t.Logf("Ctrl+Q did not end the app within 20 s (screenshot %s); pressing Esc and Ctrl+Q again", path)
		s.Key("Escape", "ctrl+q")
		select {
		case <-s.appDone:
		case <-time.After(20 * time.Second):
			s.t.Fatalf("Ctrl+Q did not end the app, nor Esc and Ctrl+Q again (screenshot %s); it said: %s", path, s.Log())
		}
	}
	s.app, s.win = nil, ""
}

// stopApp ends an app still running when the test ends.
func (s *Session) stopApp() {
	if s.app == nil || s.exited() {
		return
	}
	_ = s.app.Process.Kill()
	<-s.appDone
}

// Log is what the app has written on its standard output and error.
func (s *Session) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "app.log"))
	return string(b)
}

// Size is the window's size as X reports it.
func (s *Session) Size() (int, int) {
	s.t.Helper()
	return s.size()
}
