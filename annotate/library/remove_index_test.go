package library_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// hitsOf lists, for each query, the hits (document or annotation ids) of
// the document docID.
func hitsOf(t *testing.T, lib *library.Library, docID string, queries ...string) []string {
	t.Helper()
	var out []string
	for _, q := range queries {
		hits, err := lib.Search(context.Background(), q, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.DocID == docID || h.ID == docID {
				out = append(out, fmt.Sprintf("%s:%s", q, h.ID))
			}
		}
	}
	slices.Sort(out)
	return out
}

// A document with a note, a question, a highlight, a note in the trash
// and an orphan-free answer passage, removed while the search index is in
// use, loaded from the kept snapshot (journal replayed) or not loaded at
// all, leaves no entry a search finds; undone, everything comes back;
// removed again, gone again.
func TestRemovingADocumentLeavesNoSearchEntry(t *testing.T) {
	queries := []string{"zanzibar", "quokka", "kind:note", "kind:question", "tag:walrus"}
	setup := func(t *testing.T) (*library.Library, string, string) {
		lib, path := openLibrary(t)
		res, err := lib.ImportBytes("z.txt", "/z.txt", []byte("Zanzibar Talks\n\nThe envoys met in Zanzibar and agreed to keep talking about the quokka border.\n"))
		if err != nil {
			t.Fatal(err)
		}
		other, err := lib.ImportBytes("o.txt", "/o.txt", []byte("Other Talks\n\nNothing of note here at all, only envoys.\n"))
		if err != nil {
			t.Fatal(err)
		}
		_ = other
		doc := res.Document.ID
		if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 20, End: 30, Body: "quokka note", Tags: []string{"walrus"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindQuestion, Start: 35, End: 45, Body: "which quokka?"}); err != nil {
			t.Fatal(err)
		}
		gone, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 50, End: 60, Body: "quokka trashed"})
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.DeleteAnnotation(gone.ID); err != nil {
			t.Fatal(err)
		}
		return lib, path, doc
	}
	for _, c := range []struct {
		name string
		run  func(t *testing.T) (*library.Library, string)
	}{
		{"index in use", func(t *testing.T) (*library.Library, string) {
			lib, _, doc := setup(t)
			if err := lib.PrepareSearch(); err != nil {
				t.Fatal(err)
			}
			if got := hitsOf(t, lib, doc, queries...); len(got) == 0 {
				t.Fatal("the document is not found before its removal: the test finds nothing")
			}
			if _, err := lib.RemoveDocument(doc); err != nil {
				t.Fatal(err)
			}
			return lib, doc
		}},
		{"kept index, annotated since, loaded, then removed", func(t *testing.T) (*library.Library, string) {
			lib, path, doc := setup(t)
			if err := lib.PrepareSearch(); err != nil { // keeps the snapshot
				t.Fatal(err)
			}
			lib = reopen(t, lib, path)
			if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 61, End: 70, Body: "quokka journalled"}); err != nil {
				t.Fatal(err)
			}
			lib = reopen(t, lib, path)
			if err := lib.PrepareSearch(); err != nil {
				t.Fatal(err)
			}
			if _, err := lib.RemoveDocument(doc); err != nil {
				t.Fatal(err)
			}
			return lib, doc
		}},
		{"removed while no index is loaded, then loaded", func(t *testing.T) (*library.Library, string) {
			lib, path, doc := setup(t)
			if err := lib.PrepareSearch(); err != nil {
				t.Fatal(err)
			}
			lib = reopen(t, lib, path)
			if _, err := lib.RemoveDocument(doc); err != nil {
				t.Fatal(err)
			}
			return lib, doc
		}},
		{"removed, undone, removed again", func(t *testing.T) (*library.Library, string) {
			lib, _, doc := setup(t)
			if err := lib.PrepareSearch(); err != nil {
				t.Fatal(err)
			}
			if _, err := lib.RemoveDocument(doc); err != nil {
				t.Fatal(err)
			}
			if _, err := lib.Undo(); err != nil {
				t.Fatal(err)
			}
			if got := hitsOf(t, lib, doc, queries...); len(got) == 0 {
				t.Fatal("undone, the removal leaves the document unfound")
			}
			if _, err := lib.RemoveDocument(doc); err != nil {
				t.Fatal(err)
			}
			return lib, doc
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			lib, doc := c.run(t)
			if got := hitsOf(t, lib, doc, queries...); len(got) > 0 {
				t.Errorf("after the removal a search still finds %q", got)
			}
		})
	}
}
