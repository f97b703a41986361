package library

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// A highlight decides on the annotations it read: one committed meanwhile
// on the same passage waits for it, and then joins it, rather than both
// highlighting the passage twice.
func TestAHighlightWaitsForTheOneDecidingOnItsPassage(t *testing.T) {
	l, doc := openForUndo(t)
	start, end := 0, len([]rune("Talks"))
	other := make(chan error, 1)
	var once sync.Once
	highlightHook = func() {
		once.Do(func() {
			go func() {
				_, err := l.Highlight(doc, start, end, annotate.Yellow, Decide)
				other <- err
			}()
			// Give the other highlight the time to go through if nothing
			// holds it back: it must not, before this one commits.
			select {
			case err := <-other:
				other <- err
			case <-time.After(time.Second):
			}
		})
	}
	t.Cleanup(func() { highlightHook = nil })
	if _, err := l.Highlight(doc, start, end, annotate.Yellow, Decide); err != nil {
		t.Fatal(err)
	}
	if err := <-other; err != nil {
		t.Fatal(err)
	}
	live, err := l.Annotations(doc)
	if err != nil || len(live) != 1 {
		t.Errorf("two highlights of one passage at once left %d annotations (%v), want one", len(live), err)
	}
}

// A batch of imported annotations is placed on the text it commits on: a
// revision of the document arriving meanwhile waits for the batch, then
// finds its annotations again in the new text.
func TestARevisionWaitsForTheImportBatchBeingPlaced(t *testing.T) {
	src, doc := openForUndo(t)
	const quote = "The talks began at noon."
	if _, err := src.AnnotateQuote(doc, quote, 1, Draft{Kind: annotate.KindNote, Body: "noon"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notes.jsonld")
	if _, err := src.Exports().DocumentsFile(path, interop.JSONLD, nil, ""); err != nil {
		t.Fatal(err)
	}
	l, doc := openForUndo(t)
	revised := make(chan error, 1)
	var once sync.Once
	importHook = func() {
		once.Do(func() {
			go func() {
				_, err := l.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nA preface came first, at length. The envoy arrived late. The talks began at noon.\n"))
				revised <- err
			}()
			// Give the revision the time to go through if nothing holds
			// it back: it must not, before the batch commits.
			select {
			case err := <-revised:
				revised <- err
			case <-time.After(time.Second):
			}
		})
	}
	t.Cleanup(func() { importHook = nil })
	if _, err := l.ImportAnnotations(path); err != nil {
		t.Fatal(err)
	}
	if err := <-revised; err != nil {
		t.Fatal(err)
	}
	d, err := l.Document(doc)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := l.Annotations(doc)
	if err != nil || len(anns) != 1 || anns[0].Anchor == nil {
		t.Fatalf("after the import and the revision the document holds %+v (%v)", anns, err)
	}
	text := []rune(d.Text())
	if a := anns[0].Anchor; a.End > len(text) || string(text[a.Start:a.End]) != quote {
		t.Errorf("the imported note lies on %q of the revised text, want %q", string(text[a.Start:min(a.End, len(text))]), quote)
	}
}
