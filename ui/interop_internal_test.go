package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// errNotTold is what a save's done has not replaced: it was never called.
var errNotTold = errors.New("the save never said how it went")

func TestCitationDetailsAreUsedWhenCopying(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	ref := annotate.Reference{Title: "Joint Statement", Authors: []string{"Ann Lee"}, Publisher: "Foreign Ministry", Published: "2026-03-02"}
	var saved error = errNotTold
	w.cites.save(ref, interop.APA, func(err error) { saved = err })
	if saved != nil {
		t.Fatal(saved)
	}
	selectQuote(t, w, "a negotiated settlement")
	w.annotator.CopyWithCitation()
	if got, want := f.app.Clipboard().Content(), "“a negotiated settlement”\n— Lee, A. (2026). Joint Statement. Foreign Ministry."; got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
	saved = errNotTold
	w.cites.reset(func(err error) { saved = err })
	if saved != nil {
		t.Fatal(saved)
	}
	w.annotator.CopyWithCitation()
	if got := f.app.Clipboard().Content(); !strings.HasSuffix(got, "— Joint Statement. (n.d.).") {
		t.Errorf("after reset, copied %q", got)
	}
}

func TestExportThenImportAnnotationsInTheWindow(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	noteOn(t, w, "a negotiated settlement", annotate.KindNote, "The usual formula", "formula")
	noteOn(t, w, "a negotiated settlement", annotate.KindQuestion, "Settled by whom?")

	md := filepath.Join(t.TempDir(), "notes.md")
	n, err := w.exports.export(md, interop.Markdown, ScopeDocument, interop.Chicago)
	if err != nil || n != 2 {
		t.Fatalf("export: %d annotations, %v", n, err)
	}
	data, _ := os.ReadFile(md)
	if !strings.Contains(string(data), "> a negotiated settlement\n\nThe usual formula\n\n#formula\n") || !strings.Contains(string(data), "- [ ] Settled by whom?") {
		t.Errorf("Markdown export:\n%s", data)
	}
	js := filepath.Join(t.TempDir(), "notes.jsonld")
	if _, err := w.exports.export(js, interop.JSONLD, ScopeLibrary, interop.Chicago); err != nil {
		t.Fatal(err)
	}

	g := newFixture(t, map[string]string{"s.txt": jointStatement})
	other := g.window()
	openTitled(t, other, "Joint Statement")
	if !Await(other.ImportAnnotations(js), 10*time.Second) {
		t.Fatal("the import did not finish")
	}
	if got := len(shownIn(other.panel)); got != 2 {
		t.Errorf("the panel shows %d annotations after the import, want 2", got)
	}
	if !strings.Contains(other.status.label.Text, "2 annotations added") {
		t.Errorf("status %q", other.status.label.Text)
	}
	if !Await(other.ImportAnnotations(filepath.Join(t.TempDir(), "missing.json")), 10*time.Second) {
		t.Fatal("the failed import did not finish")
	}
	if got := len(shownIn(other.panel)); got != 2 {
		t.Errorf("a failed import changed the panel: %d", got)
	}
}

func TestAnnotationFilesAreToldFromDocuments(t *testing.T) {
	for name, want := range map[string]bool{
		"export.jsonld": true, "hypothesis.JSON": true, "My Clippings.txt": true,
		"notes.txt": false, "page.html": false, "book.epub": false, "notes.md": false,
	} {
		if got := IsAnnotationFile(filepath.Join("/x", name)); got != want {
			t.Errorf("%s: annotation file %v, want %v", name, got, want)
		}
	}
}
