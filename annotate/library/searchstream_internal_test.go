package library

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	sharedcorpus "scholia/annotate/corpus"
	"scholia/annotate/search/synthetic"
)

// The search index built streamed from the records, read in batches,
// answers as the one built from every record in memory: every entry,
// each once (the batches meet without a gap or an overlap), in the same
// order, with the same scores and the same letters in bold. The library is
// cut from the shared corpus's books and spans three batches.
func TestTheStreamedSearchIndexAnswersAsTheOneBuiltInMemory(t *testing.T) {
	c, err := synthetic.FromBooks(11, sharedcorpus.Path(t, "text"))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	anns, titles := c.Annotations(2*buildBatch + 417)
	putGenerated(t, lib, anns, titles)
	streamed, snapshot, err := lib.search.build()
	if err != nil {
		t.Fatal(err)
	}
	if snapshot == nil {
		t.Fatal("the streamed build gave no snapshot to keep")
	}
	inMemory, err := lib.search.buildInMemory()
	if err != nil {
		t.Fatal(err)
	}
	if streamed.Len() != inMemory.Len() || streamed.Len() != len(anns)+len(titles) {
		t.Fatalf("the streamed index holds %d entries, the one built in memory %d, the library %d",
			streamed.Len(), inMemory.Len(), len(anns)+len(titles))
	}
	queries := append(c.Queries(anns, 80), "propaganda", "the", "is:open", "kind:note", "sanctoins", "hawksih")
	for _, q := range queries {
		lib.search.index = inMemory
		want, err := lib.Search(context.Background(), q, 30)
		if err != nil {
			t.Fatal(err)
		}
		lib.search.index = streamed
		got, err := lib.Search(context.Background(), q, 30)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: the streamed index finds\n%+v\nthe one built in memory\n%+v", q, got, want)
		}
	}
}
