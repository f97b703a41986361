package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A revision that changes the title shows the new title in the list: the
// import opens the document again (again true), which reads the list.
// Nothing tested this: with `listed := p.list.title(id) != ""` (again
// ignored) every ui test passes.
func TestARevisedTitleShowsInTheList(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": "Old Title\n\nThe envoys met in Geneva.\n"})
	w := f.window()
	openTitled(t, w, "Old Title")
	if err := os.WriteFile(filepath.Join(f.dir, "s.txt"), []byte("New Title\n\nThe envoys met in Geneva again.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !Await(w.ImportFiles([]string{filepath.Join(f.dir, "s.txt")}), 10*time.Second) {
		t.Fatal("the import did not finish")
	}
	w.waitIdle()
	if got := titlesIn(w.library.list); len(got) != 1 || got[0] != "New Title" {
		t.Fatalf("the list shows %q after the revision, want New Title", got)
	}
}

// `scholia s.txt` forwarded to the running window (cmd/scholia/serve.go
// openHere) imports the file, then calls w.Reload() and
// w.OpenDocument(id). When s.txt is a revision of the document on show,
// OpenDocument returns at once (the document is on show, again false):
// the reader keeps the old text while the annotations read again are
// placed on the new one.
func TestAForwardedRevisionOfTheOpenDocumentShowsTheNewText(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": "Talks\n\nThe envoys met in Geneva.\n"})
	w := f.window()
	openTitled(t, w, "Talks")
	path := filepath.Join(f.dir, "s.txt")
	if err := os.WriteFile(path, []byte("Talks\n\nThe envoys met in Vienna instead.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := f.lib.Import(path)
	if err != nil || !res.Revised {
		t.Fatalf("import: %+v %v, want a revision", res, err)
	}
	w.Reload()
	w.OpenDocument(res.Document.ID)
	w.waitIdle()
	if !strings.Contains(w.reader.Document().Text(), "Vienna") {
		t.Fatalf("the reader shows %q after the forwarded revision, want the new text", w.reader.Document().Text())
	}
}
