package library

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/cputime"
	"scholia/annotate/search/synthetic"
)

// The benchmarks below save on a real book of about 150,000 words (the
// corpus's Gutenberg books joined, over again, paragraph by paragraph
// until long enough), open in a library of 2,000 other documents and
// 100,000 annotations cut from the same books, with the search index
// built as the window builds it. Each save is one committed (fsynced)
// transaction at a passage spread over the whole book; they report the
// 50th and 99th percentile of one save (issue 14: p99 at most 15 ms).
//
//	go test -run '^$' -bench 'OnBook' -benchtime 300x ./annotate/library

// bookLibrary is a library of 2,000 documents and 100,000 annotations whose
// quotes and notes are cut from the corpus's books (the documents hold
// their titles only), plus the joined book of 150,000 words with
// 1,000 annotations of its own, its search index built; it returns the
// library and the book as the window holds it (opened).
func bookLibrary(b *testing.B) (*Library, *annotate.Document) {
	b.Helper()
	gen, err := synthetic.FromBooks(42, corpus.Path(b, "text"))
	if err != nil {
		b.Fatal(err)
	}
	lib, err := Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = lib.Close() })
	anns, titles := gen.Annotations(100_000)
	putGenerated(b, lib, anns, titles)
	res, err := lib.ImportBytes("joined.txt", "/books/joined.txt", []byte(corpus.JoinedBooks(b, 150_000)))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := lib.Document(res.Document.ID)
	if err != nil {
		b.Fatal(err)
	}
	text := []rune(doc.Text())
	var own []*annotate.Annotation
	for i := 0; i < 1000; i++ {
		s := (i*7919 + 11) % (len(text) - 200)
		an, _ := annotate.NewAnchor(text, s, s+30+i%90)
		a := &annotate.Annotation{ID: fmt.Sprintf("own-%05d", i), DocID: doc.ID, Kind: annotate.KindHighlight,
			Colour: annotate.Green, Anchor: &an, Created: time.Now().UTC(), Modified: time.Now().UTC()}
		if i%4 == 0 {
			a.Kind, a.Body, a.Tags = annotate.KindNote, "a note on this", []string{"reading"}
		}
		own = append(own, a)
	}
	if err := lib.store.PutAnnotations(own); err != nil {
		b.Fatal(err)
	}
	if err := lib.PrepareSearch(); err != nil {
		b.Fatal(err)
	}
	words := doc.Words()
	runtime.GC() // the setup's garbage is not the saves' to collect
	b.Cleanup(func() { b.ReportMetric(float64(words), "words") })
	return lib, doc
}

// samples are the wall-clock times of operations, and the processor
// time they used in all (which waiting for the disk does not count, nor
// a busy machine inflate).
type samples struct {
	wall []time.Duration
	cpu  time.Duration
}

// time runs f and records how long it took.
func (s *samples) time(f func()) {
	c0, t0 := cputime.Used(), time.Now()
	f()
	s.wall = append(s.wall, time.Since(t0))
	s.cpu += cputime.Used() - c0
}

// report reports the 50th and 99th percentile of the wall-clock times and
// the mean processor time, named after prefix.
func (s *samples) report(b *testing.B, prefix string) {
	b.Helper()
	sort.Slice(s.wall, func(i, j int) bool { return s.wall[i] < s.wall[j] })
	b.ReportMetric(float64(s.wall[len(s.wall)/2].Microseconds())/1000, prefix+"p50-ms")
	b.ReportMetric(float64(s.wall[len(s.wall)*99/100].Microseconds())/1000, prefix+"p99-ms")
	b.ReportMetric(float64(s.cpu.Microseconds())/1000/float64(len(s.wall)), prefix+"cpu-ms")
}

// spread is the i-th passage of a series spread over the whole text of n
// code points, none of the book's own annotations' ranges.
func spread(i, n int) (int, int) {
	s := (i*104729 + 5003) % (n - 300)
	return s, s + 40 + i%80
}

// BenchmarkSaveOnBook: a note with a tag on a passage of the book, as the
// note dialog saves it.
func BenchmarkSaveOnBook(b *testing.B) {
	lib, doc := bookLibrary(b)
	n := doc.Len()
	var saves samples
	i := 0
	for b.Loop() {
		s, e := spread(i, n)
		saves.time(func() {
			if _, err := lib.Annotate(doc.ID, Draft{Kind: annotate.KindNote, Start: s, End: e, Body: "a note", Tags: []string{"bench"}}); err != nil {
				b.Fatal(err)
			}
		})
		i++
	}
	saves.report(b, "")
}

// BenchmarkCommitOnBook: the floor under a save on this machine: the
// same note, anchored beforehand, only committed in its transaction.
func BenchmarkCommitOnBook(b *testing.B) {
	lib, doc := bookLibrary(b)
	n := doc.Len()
	var commits samples
	i := 0
	for b.Loop() {
		s, e := spread(i, n)
		an, err := anchorIn(doc, s, e)
		if err != nil {
			b.Fatal(err)
		}
		now := time.Now().UTC()
		a := &annotate.Annotation{ID: fmt.Sprintf("commit-%06d", i), DocID: doc.ID, Kind: annotate.KindNote, Anchor: &an,
			Body: "a note", Tags: []string{"bench"}, Created: now, Modified: now}
		commits.time(func() {
			if err := lib.store.PutAnnotation(a); err != nil {
				b.Fatal(err)
			}
		})
		i++
	}
	commits.report(b, "")
}

// BenchmarkSaveOnBookHighlight: a colour chosen on a passage of the book
// (a new highlight), then on exactly it in another colour (a recolour),
// then Extend on a passage a little wider (a merge with it and any
// highlight of the book it overlaps); each is timed.
func BenchmarkSaveOnBookHighlight(b *testing.B) {
	lib, doc := bookLibrary(b)
	n := doc.Len()
	var created, recoloured, merged samples
	i := 0
	for b.Loop() {
		s, e := spread(i, n)
		for _, step := range []struct {
			s, e  int
			c     annotate.Colour
			how   HighlightChoice
			times *samples
		}{{s, e, annotate.Pink, Separate, &created}, {s, e, annotate.Blue, Decide, &recoloured}, {s - 5, e + 5, annotate.Blue, Extend, &merged}} {
			step.times.time(func() {
				res, err := lib.Highlight(doc.ID, step.s, step.e, step.c, step.how)
				if err != nil || res.Annotation == nil {
					b.Fatalf("%+v %v", res, err)
				}
			})
		}
		i++
	}
	created.report(b, "new-")
	recoloured.report(b, "recolour-")
	merged.report(b, "extend-")
}

// BenchmarkSaveOnBookUndo: Ctrl+Z on a note just saved on the book (the
// note goes to the trash); only the undo is timed.
func BenchmarkSaveOnBookUndo(b *testing.B) {
	lib, doc := bookLibrary(b)
	n := doc.Len()
	var undos samples
	i := 0
	for b.Loop() {
		s, e := spread(i, n)
		if _, err := lib.Annotate(doc.ID, Draft{Kind: annotate.KindNote, Start: s, End: e, Body: "a note", Tags: []string{"bench"}}); err != nil {
			b.Fatal(err)
		}
		undos.time(func() {
			if what, err := lib.Undo(); err != nil || what == "" {
				b.Fatalf("%q %v", what, err)
			}
		})
		i++
	}
	undos.report(b, "")
}
