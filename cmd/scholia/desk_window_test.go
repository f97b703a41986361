package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/desk"
	"scholia/cmd/scholia/internal/xwindow"
)

// With the window open, the command line works: reads and writes are
// carried out by the window (what they write shows in it), and print what
// they print on the closed library; `scholia FILE` opens FILE in that
// window and exits 0. Killed with kill -9, the window leaves its socket
// behind; the next command line removes it and works on the file itself.
func TestCommandLineWhileTheWindowIsOpen(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "") // as the session runs the app
	s := xwindow.Start(t)
	testdata := filepath.Dir(briefing(t))
	s.CLI("import", briefing(t))
	s.Open()
	socket, err := desk.SocketPath(s.Library)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(socket); err != nil {
		t.Fatalf("the open window has no socket: %v", err)
	}

	out := s.CLI("import", filepath.Join(testdata, "notes.md"))
	if !strings.Contains(out, "Reading Notes on the Treaty") {
		t.Fatalf("import through the window printed %q", out)
	}
	id := strings.TrimSpace(s.CLI("annotate", "Reading Notes", "--quote", "Treaty", "--note", "from the shell"))
	if len(id) != 36 {
		t.Fatalf("annotate through the window printed %q, want the new id", id)
	}
	_, errOut, err := s.TryCLI("show", "no such document")
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(errOut, `no document has the id or title "no such document"`) {
		t.Fatalf("a failing command through the window: %v %q, want exit 1 and its sentence", err, errOut)
	}
	reads := [][]string{{"annotations", "--json"}, {"show", "--text", "Reading Notes"}, {"search", "shell"}, {"export", "--format", "csv"}}
	open := make([]string, len(reads))
	for i, args := range reads {
		open[i] = s.CLI(args...)
	}
	if !strings.Contains(open[2], "from the shell") {
		t.Fatalf("search through the window does not find the note written through it: %q", open[2])
	}

	// The second process hands the file to the window and ends.
	second := exec.Command(s.Bin, "--library", s.Library, filepath.Join(testdata, "article.html"))
	second.Env = append(os.Environ(), "DISPLAY="+s.Display, "LANG=en_US.UTF-8")
	done := make(chan error, 1)
	go func() { done <- second.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("scholia FILE with the window open: %v, want exit 0", err)
		}
	case <-time.After(30 * time.Second):
		_ = second.Process.Kill()
		t.Fatal("scholia FILE with the window open did not end within 30 s")
	}
	s.WaitTitle("Le sommet de Genève")
	if n := s.Windows(); n != 1 {
		t.Fatalf("%d Scholia windows after scholia FILE, want the one", n)
	}
	if path, err := s.Settled(20 * time.Second).Save("window-desk-open-file.png"); err == nil {
		t.Logf("screenshot: %s", path)
	}

	s.Kill()
	if _, err := os.Lstat(socket); err != nil {
		t.Fatalf("kill -9 should leave the socket behind: %v", err)
	}
	if out := s.CLI("list"); !strings.Contains(out, "Le sommet de Genève") || !strings.Contains(out, "Reading Notes on the Treaty") {
		t.Fatalf("list after the window was killed: %q", out)
	}
	if _, err := os.Lstat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the stale socket is still there: %v", err)
	}
	for i, args := range reads {
		if alone := s.CLI(args...); alone != open[i] {
			t.Errorf("scholia %s printed through the window:\n%s\nalone:\n%s", strings.Join(args, " "), open[i], alone)
		}
	}
}
