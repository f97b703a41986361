package xwindow

import (
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Key presses key combinations one after the other, such as "ctrl+shift+n"
// or "Escape" (xdotool's key names).
func (s *Session) Key(keys ...string) {
	s.t.Helper()
	s.xdo(append([]string{"key", "--clearmodifiers", "--delay", "40"}, keys...)...)
}

// Type types text one key at a time with the given delay between keys, as
// a person types; xdotool sends each character as the key that makes it.
func (s *Session) Type(text string, perKey time.Duration) {
	s.t.Helper()
	s.xdo("type", "--clearmodifiers", "--delay", strconv.Itoa(int(perKey/time.Millisecond)), "--", text)
}

// Move moves the pointer to x, y of the screen (the window is at 0, 0).
func (s *Session) Move(x, y int) {
	s.t.Helper()
	s.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y))
}

// Down and Up press and release the left button where the pointer is.
func (s *Session) Down() { s.t.Helper(); s.xdo("mousedown", "1") }

// Up releases the left button.
func (s *Session) Up() { s.t.Helper(); s.xdo("mouseup", "1") }

// Click clicks the left button n times at x, y (2 for a double click).
func (s *Session) Click(x, y, n int) {
	s.t.Helper()
	s.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "--repeat", strconv.Itoa(n), "--delay", "60", "1")
}

// RightClick clicks the right button at x, y.
func (s *Session) RightClick(x, y int) {
	s.t.Helper()
	s.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "3")
}

// Drag presses the left button at x0, y0, moves to x1, y1 in steps at a
// hand's pace (a pointer event every 40 ms, as a person's drag sends
// them; a drag delivered all at once hid a fault a slow one showed), and
// releases it there.
func (s *Session) Drag(x0, y0, x1, y1, steps int) {
	s.t.Helper()
	args := []string{"mousemove", strconv.Itoa(x0), strconv.Itoa(y0), "mousedown", "1"}
	for i := 1; i <= steps; i++ {
		args = append(args, "sleep", "0.04", "mousemove", strconv.Itoa(x0+(x1-x0)*i/steps), strconv.Itoa(y0+(y1-y0)*i/steps))
	}
	s.xdo(append(args, "sleep", "0.04", "mouseup", "1")...)
}

// Clipboard is the text on the clipboard, or "" when it holds none. xclip
// also fails for a moment while the app is taking the clipboard over, so a
// failure is tried again for a second before it counts as empty.
func (s *Session) Clipboard() string {
	var text string
	Poll(time.Second, func() bool {
		cmd := exec.Command("xclip", "-selection", "clipboard", "-o")
		cmd.Env = s.env()
		out, err := cmd.Output()
		text = string(out)
		return err == nil
	})
	return text
}

// SetClipboard puts text on the clipboard, so a test can tell a later copy
// from what was there before.
func (s *Session) SetClipboard(text string) {
	s.t.Helper()
	cmd := exec.Command("xclip", "-selection", "clipboard", "-i", "-loops", "1")
	cmd.Env = s.env()
	cmd.Stdin = strings.NewReader(text)
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	go func() { _ = cmd.Wait() }()
	Poll(5*time.Second, func() bool { return s.Clipboard() == text })
}
