package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/cli"
	"scholia/cmd/scholia/internal/xwindow"
)

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// importFixture imports a file of annotate/ingest/testdata and returns
// the document's id and title.
func importFixture(t *testing.T, s *xwindow.Session, name string) (id, title string) {
	t.Helper()
	fields := strings.SplitN(s.CLI("import", filepath.Join(filepath.Dir(briefing(t)), name)), "\t", 2)
	return fields[0], strings.TrimSpace(fields[1])
}

// holdCheck makes the checks of the windows opened next wait until the
// returned release is called.
func holdCheck(t *testing.T, s *xwindow.Session) (release func()) {
	t.Helper()
	file := filepath.Join(s.Dir, "release-check")
	t.Setenv(cli.HoldEnv, file)
	return func() {
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// The window opens and shows a document while the library's check is
// still under way; a highlight made meanwhile is saved once the check has
// passed, the file untouched until then.
func TestTheWindowReadsWhileTheLibraryIsChecked(t *testing.T) {
	s := xwindow.Start(t)
	id, title := importFixture(t, s, "briefing.txt")
	before := fileBytes(t, s.Library)
	release := holdCheck(t, s)
	s.Open(id)
	s.WaitTitle(title)
	s.Drag(420, 430, 900, 470, 8)
	s.Key("ctrl+h")
	if xwindow.Poll(time.Second, func() bool { return !bytes.Equal(fileBytes(t, s.Library), before) }) {
		t.Fatal("the library was written before its check passed")
	}
	release()
	if !xwindow.Poll(30*time.Second, func() bool { return !bytes.Equal(fileBytes(t, s.Library), before) }) {
		t.Fatalf("the highlight was not saved after the check passed; the app said: %s", s.Log())
	}
	s.Quit()
	if as := annotations(t, s); len(as) != 1 || as[0].Kind != "highlight" {
		t.Fatalf("stored %+v, want the highlight", as)
	}
}

// A library gone back to a state older than its backup is damage the
// check finds after the window opened on it: the window gives way to the
// damage window, and the file is set aside exactly as it was read.
func TestDamageFoundAfterTheWindowOpenedShowsTheDamageWindow(t *testing.T) {
	s := xwindow.Start(t)
	id, title := importFixture(t, s, "briefing.txt")
	older := fileBytes(t, s.Library)
	importFixture(t, s, "notes.md")
	s.CLI("backup")
	if err := os.WriteFile(s.Library, older, 0o600); err != nil {
		t.Fatal(err)
	}
	release := holdCheck(t, s)
	s.Open(id)
	s.WaitTitle(title)
	release()
	if !xwindow.Poll(30*time.Second, func() bool { return strings.Contains(s.Log(), "is damaged") }) {
		t.Fatalf("no damage said; the app said: %s", s.Log())
	}
	var kept []string
	if !xwindow.Poll(10*time.Second, func() bool {
		kept, _ = filepath.Glob(s.Library + ".damaged-*")
		return len(kept) == 1
	}) || !bytes.Equal(fileBytes(t, kept[0]), older) {
		t.Fatalf("kept %v; want the damaged file kept byte for byte", kept)
	}
	// The main window is named after its document; the damage window is
	// "Scholia" alone.
	if !xwindow.Poll(10*time.Second, func() bool {
		return slices.Equal(visibleWindows(s), []string{"Scholia"})
	}) || !s.Running() {
		t.Fatalf("the windows shown are %q (running %v), want the damage window alone; the app said: %s", visibleWindows(s), s.Running(), s.Log())
	}
	if path, err := s.Shot().Save("window-damage-after-open.png"); err == nil {
		t.Log(path)
	}
}

// visibleWindows names the windows on the session's screen.
func visibleWindows(s *xwindow.Session) []string {
	xdo := func(args ...string) string {
		cmd := exec.Command("xdotool", args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+s.Display)
		out, _ := cmd.Output()
		return string(out)
	}
	var names []string
	for _, id := range strings.Fields(xdo("search", "--onlyvisible", "--name", ".")) {
		names = append(names, strings.TrimSpace(xdo("getwindowname", id)))
	}
	return names
}
