package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
)

// library100k opens a library file holding 100,000 annotations over 2,001
// documents.
func library100k(b *testing.B) *Library {
	b.Helper()
	lib, err := Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	anns, titles := synthetic.New(42).Annotations(100_000)
	putGenerated(b, lib, anns, titles)
	return lib
}

// putGenerated stores a generator's annotations and their documents (each
// holding its title as its text) straight into the library's store.
func putGenerated(b testing.TB, lib *Library, anns []annotate.Annotation, titles map[string]string) {
	b.Helper()
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
}

// BenchmarkSearchIndexFromStore100k: building the search index from a
// library file holding 100,000 annotations over 2,001 documents (reading
// and checking every record, then indexing).
func BenchmarkSearchIndexFromStore100k(b *testing.B) {
	lib := library100k(b)
	defer lib.Close()
	b.ResetTimer()
	for b.Loop() {
		ix, _, err := lib.search.build()
		if err != nil {
			b.Fatal(err)
		}
		lib.search.index = ix
	}
	b.StopTimer()
	if hits, _ := lib.Search(context.Background(), "lavrov", 5); len(hits) == 0 {
		b.Fatal("the index finds nothing")
	}
}

// BenchmarkCheck100k: verifying that library (bbolt's page check, then
// every record's checksum), in this process: what the child process does
// before the app opens it.
func BenchmarkCheck100k(b *testing.B) {
	lib := library100k(b)
	path := lib.Path()
	_ = lib.Close()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		if r, err := store.Check(path); err != nil || len(r.Problems) > 0 || r.Annotations != 100_000 {
			b.Fatalf("%+v %v", r, err)
		}
	}
}

// BenchmarkBackup100k: one backup of that library: the consistent copy,
// flushed, checked, renamed, with its manifest.
func BenchmarkBackup100k(b *testing.B) {
	lib := library100k(b)
	defer lib.Close()
	fi, _ := os.Stat(lib.Path())
	b.SetBytes(fi.Size())
	at := time.Now()
	b.ResetTimer()
	for b.Loop() {
		at = at.Add(time.Second)
		if _, _, err := backup.Take(lib.store, at, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompact100k: compacting that library, the copy checked before
// it replaces the file.
func BenchmarkCompact100k(b *testing.B) {
	lib := library100k(b)
	path := lib.Path()
	_ = lib.Close()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compact(path, store.Check); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndexLoad100k: loading the search index the library
// file keeps, for 100,000 annotations over 2,001 documents: what every
// process that searches pays before its first search.
func BenchmarkSearchIndexLoad100k(b *testing.B) {
	lib := library100k(b)
	defer lib.Close()
	if err := lib.PrepareSearch(); err != nil {
		b.Fatal(err)
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

// BenchmarkSaveAnnotationIndexKept100k: saving a note in the library of
// 100,000 annotations while its search index is kept in the file (each
// save also notes the note's id in the index's journal, in the same
// transaction) against the same library keeping none; the in-memory index
// follows both.
func BenchmarkSaveAnnotationIndexKept100k(b *testing.B) {
	for _, keep := range []bool{false, true} {
		name := map[bool]string{false: "none", true: "kept"}[keep]
		b.Run(name, func(b *testing.B) {
			lib := library100k(b)
			defer lib.Close()
			if keep {
				if err := lib.PrepareSearch(); err != nil {
					b.Fatal(err)
				}
			} else {
				ix, _, err := lib.search.build()
				if err != nil {
					b.Fatal(err)
				}
				lib.search.index = ix
			}
			if kept, _ := lib.store.SearchIndex(); (kept != nil) != keep {
				b.Fatalf("the library keeps a search index: %v, want %v", kept != nil, keep)
			}
			var times []time.Duration
			i := 0
			for b.Loop() {
				doc := fmt.Sprintf("doc-%06d", i%2000)
				t0 := time.Now()
				if _, err := lib.Annotate(doc, Draft{Kind: annotate.KindNote, Start: 0, End: 5, Body: "a note on sanctions", Tags: []string{"bench"}}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
