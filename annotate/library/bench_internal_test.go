package library

import (
	"context"
	"path/filepath"
	"testing"

	"scholia/annotate"
	"scholia/annotate/search/synthetic"
)

// BenchmarkSearchIndexFromStore100k: building the search index from a
// library file holding 100,000 annotations over 2,001 documents (reading
// and checking every record, then indexing).
func BenchmarkSearchIndexFromStore100k(b *testing.B) {
	lib, err := Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	anns, titles := synthetic.New(42).Annotations(100_000)
	for id, title := range titles {
		d := &annotate.Document{ID: id, Title: title, Hash: "h-" + id, Format: "text"}
		d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: title}})
		if err := lib.store.PutDocument(d); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < len(anns); i += 5000 {
		batch := make([]*annotate.Annotation, 0, 5000)
		for j := i; j < min(i+5000, len(anns)); j++ {
			batch = append(batch, &anns[j])
		}
		if err := lib.store.PutAnnotations(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		lib.search.index = nil
		if err := lib.PrepareSearch(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if hits, _ := lib.Search(context.Background(), "lavrov", 5); len(hits) == 0 {
		b.Fatal("the index finds nothing")
	}
}
