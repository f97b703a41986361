package library_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"scholia/annotate/library"
)

// A PDF's pages can be seen after its import, from the copy the library
// keeps (the file itself gone), after it is removed and restored; deleted
// for good, it leaves nothing behind.
func TestAnImportedPDFsPagesCanBeSeenWithoutItsFile(t *testing.T) {
	lib, _ := openLibrary(t)
	file := writeFile(t, "treaty.pdf", treatyPDF("Talks resumed in Geneva in the autumn.").Bytes())
	res, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	see := func() {
		t.Helper()
		p, err := lib.OpenPages(res.Document.ID, "")
		if err != nil {
			t.Fatalf("opening the pages: %v", err)
		}
		defer p.Close()
		m, err := p.Map()
		if err != nil {
			t.Fatalf("mapping the text on the pages: %v", err)
		}
		if p.Count() != 3 {
			t.Fatalf("%d pages, want 3", p.Count())
		}
		text := []rune(res.Document.Text())
		at := strings.Index(res.Document.Text(), "Verification")
		at = len([]rune(res.Document.Text()[:at]))
		if n := m.PageOf(at); n != 2 {
			t.Fatalf("%q is on page %d, want 2", string(text[at:at+12]), n)
		}
		if boxes := m.Boxes(2, at, at+12); len(boxes) != 1 {
			t.Fatalf("the word %q has %d boxes on page 2: %v", string(text[at:at+12]), len(boxes), boxes)
		}
	}
	see()
	if _, err := lib.RemoveDocument(res.Document.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.RestoreDocument(res.Document.ID); err != nil {
		t.Fatal(err)
	}
	see()
	if _, err := lib.RemoveDocument(res.Document.ID); err != nil {
		t.Fatal(err)
	}
	if err := lib.PurgeDocument(res.Document.ID); err != nil {
		t.Fatal(err)
	}
	again, err := lib.ImportBytes("treaty.pdf", "", treatyPDF("Talks resumed in Geneva in the autumn.").Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if again.Document.ID == res.Document.ID {
		t.Fatal("a document deleted for good came back with its id")
	}
}

// A document that is no PDF has no pages to show, and says so.
func TestATextDocumentHasNoPages(t *testing.T) {
	lib, _ := openLibrary(t)
	res, err := lib.ImportBytes("notes.md", "", []byte("# Notes\n\nA line of text.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.OpenPages(res.Document.ID, ""); !errors.Is(err, library.ErrNoPages) {
		t.Fatalf("opening a Markdown file's pages gave %v, want ErrNoPages", err)
	}
}
