package search_test

import (
	"context"
	"testing"

	"scholia/annotate"
	"scholia/annotate/search"
)

// Removing a document takes out its entry and its annotations' entries,
// named by their ids, and nothing else: an id of another document's
// annotation passed by mistake stays, and the other documents are found
// as before. The same on an index built in memory, on one loaded from its
// snapshot (its entries read from the snapshot), and on a loaded one that
// took a new annotation since (entries of both kinds).
func TestRemovingADocumentTakesOutExactlyItsEntries(t *testing.T) {
	loaded := func(t *testing.T) *search.Index {
		ix, err := search.LoadIndex(fixtureIndex().Snapshot())
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	added := note("a6", "d1", "Rubio Meets Lavrov", "a joint press conference", "Lavrov again", nil, annotate.KindNote, "", annotate.Purple, 0)
	for _, c := range []struct {
		name  string
		index func(t *testing.T) *search.Index
		ofD1  []string
	}{
		{"built", func(*testing.T) *search.Index { return fixtureIndex() }, []string{"a1", "a2"}},
		{"loaded", loaded, []string{"a1", "a2"}},
		{"loaded, then a note added", func(t *testing.T) *search.Index {
			ix := loaded(t)
			ix.Put(added)
			return ix
		}, []string{"a1", "a2", "a6"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ix := c.index(t)
			before := ix.Len()
			// a3 is d2's: named by mistake, it stays.
			ix.RemoveDocument("d1", append(c.ofD1, "a3"))
			if got, want := ix.Len(), before-len(c.ofD1)-1; got != want {
				t.Errorf("%d entries left of %d, want %d", got, before, want)
			}
			for _, q := range []struct{ query, want string }{
				{"rubio", ""},
				{"lavrov", "a4"},
				{"sanctions", "a3 a4 d2"},
				{"verification", "a5"},
				{"kind:note", "a5"},
			} {
				rs, err := ix.Search(context.Background(), q.query, 10)
				if err != nil {
					t.Fatal(err)
				}
				if got := sortedIDs(rs); got != q.want {
					t.Errorf("%q finds %q after the removal, want %q", q.query, got, q.want)
				}
			}
		})
	}
}
