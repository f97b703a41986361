package xwindow

import (
	"bytes"
	"strings"
	"time"
)

// Kill ends the app at once with SIGKILL, as a crash or `kill -9` does:
// it saves nothing more and leaves its files (its socket too) behind.
func (s *Session) Kill() {
	s.t.Helper()
	if s.app == nil {
		s.t.Fatal("xwindow: no window to kill")
	}
	if err := s.app.Process.Kill(); err != nil {
		s.t.Fatalf("kill -9 of the app: %v", err)
	}
	<-s.appDone
	s.app, s.win = nil, ""
}

// Windows is how many visible windows named Scholia... the display shows.
func (s *Session) Windows() int {
	s.t.Helper()
	if s.findWindow() == "" {
		return 0
	}
	return len(strings.Fields(s.xdo("search", "--onlyvisible", "--name", "Scholia")))
}

// Settled waits until two screenshots in a row are the same (what the
// app does after a change has been drawn) and returns the last; it fails
// the test when the screen is still changing after the timeout.
func (s *Session) Settled(timeout time.Duration) Screen {
	s.t.Helper()
	last := s.Shot()
	if !Poll(timeout, func() bool {
		next := s.Shot()
		same := bytes.Equal(next.png, last.png)
		last = next
		return same
	}) {
		s.t.Fatalf("the screen was still changing after %v", timeout)
	}
	return last
}
