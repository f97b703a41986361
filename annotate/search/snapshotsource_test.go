package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/search"
)

// fileSource stands in for the library file: it gives the snapshot where
// it lies, counting the reads still open.
type fileSource struct {
	data  []byte
	open  int
	reads int
}

func (f *fileSource) read() ([]byte, func(), error) {
	f.open++
	f.reads++
	return f.data, func() { f.open-- }, nil
}

func TestAnIndexReadingItsEntriesFromTheFileAnswersAsOneHoldingThem(t *testing.T) {
	entries, sentences := realSentences(t, 7)
	data := search.NewIndex(entries).Snapshot()
	whole, err := search.LoadIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	head := search.SnapshotHead(data, func([]byte) {})
	if head == nil {
		t.Fatal("the snapshot has no head")
	}
	texts := 0
	for _, e := range entries {
		for _, f := range e.Fields {
			texts += len(f)
		}
	}
	if len(head) > len(data)-texts {
		t.Errorf("the head keeps %d of the snapshot's %d bytes, though its entries' texts are %d", len(head), len(data), texts)
	}
	src := &fileSource{data: append([]byte(nil), data...)}
	ix, err := search.LoadIndexFrom(head, src.read)
	if err != nil {
		t.Fatal(err)
	}
	if src.reads != 0 {
		t.Errorf("loading read the file %d times; entries are read when a search needs them", src.reads)
	}
	qs := append(snapshotQueries(sentences), "kind:note")
	want, got := answers(t, whole, qs), answers(t, ix, qs)
	for i := range qs {
		if want[i] != got[i] {
			t.Errorf("%q: answers\n%s\nwant\n%s", qs[i], got[i], want[i])
		}
	}
	if src.reads == 0 || src.open != 0 {
		t.Errorf("the searches read the file %d times and left %d reads open", src.reads, src.open)
	}
	// Results outlive the read: their texts are not where the file lay.
	rs, err := ix.Search(context.Background(), "the", 20)
	if err != nil || len(rs) == 0 {
		t.Fatalf("the finds %d (%v)", len(rs), err)
	}
	before := fmt.Sprint(rs)
	for i := range src.data {
		src.data[i] = 'x'
	}
	if after := fmt.Sprint(rs); after != before {
		t.Error("results read from the file changed with the file after the search")
	}
	copy(src.data, data)
	// Changes read the file as searches do, and leave no read open.
	ix.Put(search.AnnotationEntry(annotate.Annotation{ID: "later", DocID: "d", Kind: annotate.KindNote, Body: "quixotic zanzibar"}, "Fresh"))
	if src.open != 0 {
		t.Errorf("a change left %d reads of the file open", src.open)
	}
}

func TestAnIndexReadingItsEntriesFromTheFileRefusesAnotherSnapshot(t *testing.T) {
	entries, _ := realSentences(t, 10)
	data := search.NewIndex(entries).Snapshot()
	other := search.NewIndex(entries[:len(entries)-1]).Snapshot()
	src := &fileSource{data: data}
	ix, err := search.LoadIndexFrom(search.SnapshotHead(data, func([]byte) {}), src.read)
	if err != nil {
		t.Fatal(err)
	}
	src.data = other // the library kept a new snapshot in place of the one loaded
	if caught := searchAll(ix); caught != search.ErrSnapshotGone {
		t.Errorf("reading entries from another snapshot gave %v, want ErrSnapshotGone", caught)
	}
	// Another snapshot of the same length: a note edited an hour later.
	changed := append([]search.Entry(nil), entries...)
	changed[len(changed)-1].Modified = changed[len(changed)-1].Modified.Add(time.Hour)
	if src.data = search.NewIndex(changed).Snapshot(); len(src.data) != len(data) {
		t.Fatalf("the changed snapshot is %d bytes, the one loaded %d", len(src.data), len(data))
	}
	if caught := searchAll(ix); caught != search.ErrSnapshotGone {
		t.Errorf("reading entries from another snapshot of the same length gave %v, want ErrSnapshotGone", caught)
	}
	bad := append([]byte(nil), data...)
	bad[len(bad)-40] ^= 0x01 // a letter of the last entry
	src.data = bad
	if caught := searchAll(ix); caught != search.ErrSnapshotDamaged {
		t.Errorf("reading a damaged entry gave %v, want ErrSnapshotDamaged", caught)
	}
	if src.open != 0 {
		t.Errorf("failed reads left %d reads of the file open", src.open)
	}
	// Held, its entries no longer depend on the file.
	src.data = data
	ix.HoldEntries()
	src.data = other
	if caught := searchAll(ix); caught != nil {
		t.Errorf("an index holding its entries read the file: %v", caught)
	}
}
