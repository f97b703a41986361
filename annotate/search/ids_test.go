package search_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"scholia/annotate/search"
)

func TestSearchingForIDsFindsWhatASearchFinds(t *testing.T) {
	entries, sentences := realSentences(t, 7)
	built := search.NewIndex(entries)
	loaded, err := search.LoadIndexLazily(built.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	qs := append(snapshotQueries(sentences)[:40], "the", "kind:highlight")
	for _, ix := range []*search.Index{built, loaded} {
		for _, q := range qs {
			full, err := ix.Search(context.Background(), q, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			bare, err := ix.SearchIDs(context.Background(), q, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			want, got := make([]string, len(full)), make([]string, len(bare))
			for i, r := range full {
				want[i] = fmt.Sprintf("%s %s %v %d", r.ID, r.DocID, r.Document, r.Score)
			}
			for i, r := range bare {
				got[i] = fmt.Sprintf("%s %s %v %d", r.ID, r.DocID, r.Document, r.Score)
				// Results of a tier come by score, as a search's do.
				if i < len(full) && r.Score != full[i].Score || r.Fields != [len(r.Fields)]string{} {
					t.Fatalf("%q: result %d scores %d, texts %q; the search's %d", q, i, r.Score, r.Fields, full[min(i, len(full)-1)].Score)
				}
			}
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%q: ids found\n%v\nwant\n%v", q, got, want)
			}
		}
	}
}
