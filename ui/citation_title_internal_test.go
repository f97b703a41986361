package ui

import (
	"context"
	"slices"
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// A title typed in the citation details renames the document: the
// library list, the window's title and search use it; resetting the
// details gives back the title the import found.
func TestTheCitationsTitleRenamesTheDocument(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	noteOn(t, w, "a negotiated settlement", annotate.KindNote, "The usual formula")
	w.waitIdle()

	var saved error = errNotTold
	w.cites.save(annotate.Reference{Title: "Geneva Communiqué on the Border Talks"}, interop.APA, func(err error) { saved = err })
	if saved != nil {
		t.Fatal(saved)
	}
	w.waitIdle()
	if titles := titlesIn(w.library.list); !slices.Contains(titles, "Geneva Communiqué on the Border Talks") || slices.Contains(titles, "Joint Statement") {
		t.Errorf("the list shows %q, want the new title instead of the old", titles)
	}
	if got := w.win.Title(); got != "Geneva Communiqué on the Border Talks — Scholia" {
		t.Errorf("the window is titled %q", got)
	}
	hits, err := f.lib.Search(context.Background(), "communique border", 10)
	if err != nil || len(hits) == 0 {
		t.Fatalf("searching the new title: %d hits, %v", len(hits), err)
	}
	found := false
	for _, h := range hits {
		found = found || (!h.Document && h.Title == "Geneva Communiqué on the Border Talks")
	}
	if !found {
		t.Errorf("the note is not found under its document's new title: %+v", hits)
	}

	saved = errNotTold
	w.cites.reset(func(err error) { saved = err })
	if saved != nil {
		t.Fatal(saved)
	}
	w.waitIdle()
	if titles := titlesIn(w.library.list); !slices.Contains(titles, "Joint Statement") {
		t.Errorf("after reset the list shows %q, want the imported title back", titles)
	}
}
