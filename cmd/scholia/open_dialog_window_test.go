package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/internal/xwindow"
)

// In the real window, Ctrl+O opens the Open dialog with the keys in its
// path box: a file's path typed there and Enter imports and opens the
// file; a folder's path imports the folder and names the files it left
// out. The screenshots are kept in test-artifacts.
func TestWindowOpenDialogTakesATypedPath(t *testing.T) {
	s := xwindow.Start(t)
	dir := t.TempDir()
	files := map[string]string{
		"typed.txt":       "Typed Into The Box\n\nA paper opened by its path.\n",
		"shelf/first.txt": "Shelf Paper One\n\nText.\n",
		"shelf/second.md": "# Shelf Paper Two\n\nText.\n",
		"shelf/scan.png":  "\x89PNG",
		"shelf/blank.txt": "",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := briefing(t)
	title := strings.TrimSpace(strings.SplitN(s.CLI("import", doc), "\t", 2)[1])
	s.Open(doc)
	s.WaitTitle(title)

	s.Key("ctrl+o")
	s.Settled(5 * time.Second)
	typeText(t, s, filepath.Join(dir, "typed.txt"), 30*time.Millisecond)
	if _, err := s.Settled(5 * time.Second).Save("open-dialog-typed.png"); err != nil {
		t.Log(err)
	}
	s.Key("Return")
	s.WaitTitle("Typed Into The Box")

	s.Key("ctrl+o")
	s.Settled(5 * time.Second)
	typeText(t, s, filepath.Join(dir, "shelf"), 30*time.Millisecond)
	s.Key("Return")
	if !xwindow.Poll(20*time.Second, func() bool {
		out := s.CLI("list")
		return strings.Contains(out, "Shelf Paper One") && strings.Contains(out, "Shelf Paper Two")
	}) {
		t.Fatalf("the folder typed was not imported: %s", s.CLI("list"))
	}
	if _, err := s.Settled(5 * time.Second).Save("open-dialog-folder-summary.png"); err != nil {
		t.Log(err)
	}
	s.Key("Escape")
}
