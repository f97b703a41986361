package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/search"
)

// answers is every result of each query, as the person sees them: ids,
// scores and bold characters, in order.
func answers(t *testing.T, ix *search.Index, queries []string) []string {
	t.Helper()
	out := make([]string, len(queries))
	for i, q := range queries {
		rs, err := ix.Search(context.Background(), q, 20)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, r := range rs {
			fmt.Fprintf(&b, "%s %d %v %q %v|", r.ID, r.Score, r.Matched, r.Fields, r.Modified.UnixNano())
		}
		out[i] = b.String()
	}
	return out
}

// snapshotQueries are queries of every kind over the real sentences: exact
// words, typos of every kind, long questions, phrases and filters.
func snapshotQueries(sentences []string) []string {
	rng := rand.New(rand.NewPCG(7, 7))
	qs := []string{"hawksih", "propoganda", "sanctoins", "negro problm", `"the negro"`, "kind:highlight soul", "in:souls freedom"}
	for range 60 {
		ws := distinctWords(sentences[rng.IntN(len(sentences))], 4)
		if len(ws) < 3 {
			continue
		}
		kind := typoKinds[rng.IntN(len(typoKinds))]
		q := make([]string, 3)
		for k, w := range ws[:3] {
			q[k] = string(kind.slip([]rune(w), rng))
		}
		qs = append(qs, strings.Join(q, " "), strings.Join(ws[:3], " "), strings.Join(ws, " "), ws[0][:3])
	}
	return qs
}

func TestALoadedSnapshotAnswersAsTheIndexItWasTakenFrom(t *testing.T) {
	entries, sentences := realSentences(t, 7)
	built := search.NewIndex(entries)
	// Changes after the build: a note edited, one deleted, a new one.
	edited := entries[3]
	edited.Fields[search.FieldBody] = "a remark on propaganda and sanctions"
	built.Put(edited)
	built.Remove(entries[5].ID)
	built.Put(search.AnnotationEntry(annotate.Annotation{ID: "new", DocID: "d", Kind: annotate.KindNote, Body: "zanzibar quarrels"}, "Fresh"))
	data := built.Snapshot()
	loaded, err := search.LoadIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Len() != built.Len() {
		t.Fatalf("the loaded index has %d entries, the built one %d", loaded.Len(), built.Len())
	}
	qs := append(snapshotQueries(sentences), "zanzibar", "propaganda sanctions", "zanzibr quarels")
	want, got := answers(t, built, qs), answers(t, loaded, qs)
	for i := range qs {
		if want[i] != got[i] {
			t.Errorf("%q: loaded answers\n%s\nbuilt answers\n%s", qs[i], got[i], want[i])
		}
	}
	// The loaded index takes changes as the built one does.
	for _, ix := range []*search.Index{built, loaded} {
		ix.Put(search.AnnotationEntry(annotate.Annotation{ID: "later", DocID: "d", Kind: annotate.KindNote, Body: "quixotic zanzibar"}, "Fresh"))
		ix.Remove("new")
	}
	want, got = answers(t, built, qs[len(qs)-3:]), answers(t, loaded, qs[len(qs)-3:])
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("after changes, loaded answers\n%s\nbuilt answers\n%s", got, want)
	}
	// A snapshot of the loaded, changed index (the next process's) loads
	// and answers as the index it was taken from.
	again, err := search.LoadIndex(loaded.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if want, got := answers(t, loaded, qs), answers(t, again, qs); strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Error("a snapshot of a loaded index answers otherwise than that index")
	}
}

func TestADamagedSnapshotIsRefused(t *testing.T) {
	entries, _ := realSentences(t, 10)
	data := search.NewIndex(entries).Snapshot()
	for _, cut := range []int{0, 10, 40, len(data) / 2, len(data) - 1} {
		if _, err := search.LoadIndex(append([]byte(nil), data[:cut]...)); err == nil {
			t.Errorf("a snapshot cut at %d of %d bytes loads", cut, len(data))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		bad := append([]byte(nil), data...)
		bad[8+rng.IntN(len(bad)-8)] ^= byte(1 + rng.IntN(255))
		if _, err := search.LoadIndex(bad); err == nil {
			t.Fatal("a snapshot with a byte changed loads")
		}
	}
}

func TestAnEmptyIndexSnapshotLoads(t *testing.T) {
	ix, err := search.LoadIndex(search.NewIndex(nil).Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := ix.Search(context.Background(), "anything", 5); len(rs) != 0 || err != nil {
		t.Errorf("an empty index found %v (%v)", rs, err)
	}
	ix.Put(search.AnnotationEntry(annotate.Annotation{ID: "a", DocID: "d", Kind: annotate.KindNote, Body: "first note"}, "T"))
	if rs, _ := ix.Search(context.Background(), "frist", 5); len(rs) != 1 {
		t.Errorf("a note put into a loaded empty index is not found: %v", rs)
	}
}

// searchAll searches for every entry holding "the", and returns what it
// panicked with, if anything.
func searchAll(ix *search.Index) (caught any) {
	defer func() { caught = recover() }()
	_, _ = ix.Search(context.Background(), "tag:x", 1)
	_, _ = ix.Search(context.Background(), "the", 100000)
	return nil
}

func TestALazilyLoadedSnapshotRefusesADamagedEntryWhenRead(t *testing.T) {
	entries, _ := realSentences(t, 10)
	data := search.NewIndex(entries).Snapshot()
	if _, err := search.LoadIndexLazily(data); err != nil {
		t.Fatal(err)
	}
	bad := append([]byte(nil), data...)
	bad[len(bad)-40] ^= 0x01 // a letter of the last entry
	if _, err := search.LoadIndex(bad); err == nil {
		t.Error("a snapshot with a damaged entry loads when checked whole")
	}
	ix, err := search.LoadIndexLazily(bad)
	if err != nil {
		t.Fatalf("loaded lazily, the damaged entry was read at once: %v", err)
	}
	if caught := searchAll(ix); caught != search.ErrSnapshotDamaged {
		t.Errorf("reading the damaged entry gave %v, want ErrSnapshotDamaged", caught)
	}
}
