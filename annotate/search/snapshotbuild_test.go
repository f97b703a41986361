package search_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	sharedcorpus "scholia/annotate/corpus"
	"scholia/annotate/search"
	"scholia/annotate/search/synthetic"
)

// builtSnapshot is the snapshot a SnapshotBuilder writes of entries.
func builtSnapshot(t testing.TB, entries []search.Entry) []byte {
	t.Helper()
	b, err := search.NewSnapshotBuilder(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i := range entries {
		b.Add(&entries[i])
	}
	var buf bytes.Buffer
	n, err := b.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) || n != b.Size() {
		t.Fatalf("the builder wrote %d bytes, said it wrote %d and would write %d", buf.Len(), n, b.Size())
	}
	return buf.Bytes()
}

// The index loaded from a snapshot built entry by entry, through files,
// answers every query as the index built in memory does, and as its own
// snapshot: same entries, same order, same scores, same letters in bold.
// The library is cut from the shared corpus's books, with documents, and
// the queries are its words typed whole, cut short, with typos and letter
// by letter.
func TestAStreamedSnapshotAnswersAsTheIndexBuiltInMemory(t *testing.T) {
	dir := sharedcorpus.Path(t, "text")
	c, err := synthetic.FromBooks(7, dir)
	if err != nil {
		t.Fatal(err)
	}
	anns, titles := c.Annotations(6000) // more than one core's share: NewIndex numbers words its own way
	var entries []search.Entry
	docs := 0
	for id, title := range titles {
		entries = append(entries, search.DocumentEntry(annotate.Document{ID: id, Title: title,
			Byline: "by " + strings.Fields(title)[0], Imported: time.Date(2026, 3, docs%28+1, 0, 0, 0, 0, time.UTC)}))
		docs++
	}
	for i, a := range anns {
		if i%97 == 0 {
			a.Modified = time.Time{} // the zero time, which the snapshot says with a flag
		}
		entries = append(entries, search.AnnotationEntry(a, titles[a.DocID]))
	}
	inMemory := search.NewIndex(append([]search.Entry(nil), entries...))
	fromSnapshot, err := search.LoadIndex(inMemory.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	streamed, err := search.LoadIndex(builtSnapshot(t, entries))
	if err != nil {
		t.Fatalf("the streamed snapshot does not load: %v", err)
	}
	if streamed.Len() != len(entries) {
		t.Fatalf("the streamed snapshot holds %d entries, want %d", streamed.Len(), len(entries))
	}
	queries := c.Queries(anns, 60)
	queries = append(queries, withTypos(queries)...)
	queries = append(queries, keystrokes(queries[:8])...)
	queries = append(queries, "propaganda", "the", "a", "by", "zzzz", strings.Fields(entries[0].Fields[search.FieldTitle])[0])
	found := 0
	for _, q := range queries {
		want, err := inMemory.Search(context.Background(), q, 50)
		if err != nil {
			t.Fatal(err)
		}
		found += len(want)
		for name, ix := range map[string]*search.Index{"its own snapshot": fromSnapshot, "the streamed snapshot": streamed} {
			got, err := ix.Search(context.Background(), q, 50)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(describe(got), describe(want)) {
				t.Fatalf("%q: %s answers\n%s\nthe index built in memory answers\n%s", q, name, describe(got), describe(want))
			}
		}
	}
	if found < len(queries) {
		t.Fatalf("the queries found too little to compare (%d results for %d queries)", found, len(queries))
	}
}

// describe is what a person sees of results: each entry, its place, its
// score and its bold letters, and every text it shows.
func describe(rs []search.Result) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s %d %v %+v\n", r.ID, r.Score, r.Matched, r.Entry)
	}
	return b.String()
}

// A streamed snapshot changes as a built one does: an entry put after
// loading replaces the stored one, and one removed is no longer found.
func TestAStreamedSnapshotTakesChanges(t *testing.T) {
	entries := []search.Entry{
		search.AnnotationEntry(annotate.Annotation{ID: "a1", DocID: "d", Body: "grain quotas disputed"}, "Summit"),
		search.AnnotationEntry(annotate.Annotation{ID: "a2", DocID: "d", Body: "tariffs on steel"}, "Summit"),
	}
	ix, err := search.LoadIndex(builtSnapshot(t, entries))
	if err != nil {
		t.Fatal(err)
	}
	ix.Put(search.AnnotationEntry(annotate.Annotation{ID: "a1", DocID: "d", Body: "retaliation instead"}, "Summit"))
	ix.Remove("a2")
	for q, want := range map[string]string{"retaliation": "a1", "grain": "", "tariffs": ""} {
		rs, err := ix.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(rs) > 0 {
			got = rs[0].ID
		}
		if len(rs) > 1 || got != want {
			t.Errorf("%q finds %s, want %q", q, describe(rs), want)
		}
	}
}

// An empty library's snapshot loads and finds nothing.
func TestAStreamedSnapshotOfNothingLoads(t *testing.T) {
	ix, err := search.LoadIndex(builtSnapshot(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := ix.Search(context.Background(), "anything", 5); err != nil || len(rs) != 0 {
		t.Errorf("an empty index finds %v (%v)", rs, err)
	}
}

// BenchmarkSnapshotBuild100k: the snapshot of 100,000 annotations cut from
// the shared corpus's books, written entry by entry through temporary
// files (streamed), or by building the index in memory then taking its
// snapshot (inMemory), as the library did before.
func BenchmarkSnapshotBuild100k(b *testing.B) {
	entries, _ := syntheticEntries(b, 100_000)
	b.Run("streamed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sb, err := search.NewSnapshotBuilder(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			for i := range entries {
				sb.Add(&entries[i])
			}
			if _, err := sb.WriteTo(io.Discard); err != nil {
				b.Fatal(err)
			}
			sb.Close()
		}
	})
	b.Run("inMemory", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if search.NewIndex(append([]search.Entry(nil), entries...)).Snapshot() == nil {
				b.Fatal("no snapshot")
			}
		}
	})
}
