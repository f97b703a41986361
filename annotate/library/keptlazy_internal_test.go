package library

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
)

// notesLibrary is a library of n notes on one memo, each body about size
// bytes, its search index kept in the file, reopened as the window opens
// it.
func notesLibrary(t *testing.T, n, size int) *Library {
	t.Helper()
	path, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs.\n")
	words := strings.Fields("the ministers disagreed on tariffs and grain quotas while the summit went on into the night")
	notes := make([]*annotate.Annotation, n)
	for i := range notes {
		var b strings.Builder
		for k := 0; b.Len() < size; k++ {
			b.WriteString(words[(i+k)%len(words)])
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "zanzibar%d", i)
		notes[i] = &annotate.Annotation{ID: fmt.Sprintf("note-%05d", i), DocID: memo.Document.ID, Kind: annotate.KindNote,
			Colour: annotate.Yellow, Body: b.String()}
	}
	if err := lib.store.PutAnnotations(notes); err != nil {
		t.Fatal(err)
	}
	if err := lib.PrepareSearch(); err != nil { // built, and kept in the file
		t.Fatal(err)
	}
	_ = lib.Close()
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	return lib
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func TestTheWindowsSearchIndexLeavesTheNotesTextsInTheFile(t *testing.T) {
	const notes, size = 2000, 8000 // 16 MB of notes' texts
	lib := notesLibrary(t, notes, size)
	before := heapInUse()
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	grew := int64(heapInUse()) - int64(before)
	if grew > notes*size/2 {
		t.Errorf("loading the kept search index took %d MB of memory for %d MB of notes' texts", grew>>20, notes*size>>20)
	}
	hits, err := lib.Search(context.Background(), "zanzibar1234", 5)
	if err != nil || len(hits) == 0 || hits[0].ID != "note-01234" || !strings.HasSuffix(hits[0].Body, " zanzibar1234") || len(hits[0].Body) < size {
		t.Fatalf("the note's text read from the file: %d hits, %v", len(hits), err)
	}
	runtime.KeepAlive(lib)
}

func TestAKeptIndexFoundDamagedOrReplacedWhileInUseIsBuiltAgain(t *testing.T) {
	lib := notesLibrary(t, 50, 100)
	ix, err := lib.search.ready()
	if err != nil {
		t.Fatal(err)
	}
	sound := ix.Snapshot()
	for _, c := range []struct {
		name string
		put  func([]byte) []byte
	}{
		{"an entry damaged", func(b []byte) []byte { b[len(b)-8] ^= 0x01; return b }},
		{"another snapshot", func(b []byte) []byte { return b[:len(b)-1] }},
	} {
		if err := lib.PrepareSearch(); err != nil {
			t.Fatal(err)
		}
		if kept, err := lib.store.PutSearchIndex(c.put(append([]byte(nil), sound...)), lib.store.TxID()); !kept || err != nil {
			t.Fatalf("%s: not written (%v)", c.name, err)
		}
		// Reads every note; the second time, one was edited below.
		hits, err := lib.Search(context.Background(), "zanzibar", 100)
		if err != nil || len(hits) < 49 {
			t.Errorf("%s: search finds %d notes, %v", c.name, len(hits), err)
		}
		if !lib.search.failed {
			t.Errorf("%s: the search did not find the kept index unusable", c.name)
		}
		// A change meeting the damage is saved, and found.
		lib.search.mu.Lock()
		lib.search.index, lib.search.failed = nil, false
		lib.search.mu.Unlock()
		if err := lib.PrepareSearch(); err != nil {
			t.Fatal(err)
		}
		if kept, err := lib.store.PutSearchIndex(c.put(append([]byte(nil), sound...)), lib.store.TxID()); !kept || err != nil {
			t.Fatalf("%s: not written (%v)", c.name, err)
		}
		a, err := lib.Annotation("note-00009")
		if err != nil {
			t.Fatal(err)
		}
		a.Body = "quixotic remark"
		if _, err := lib.UpdateAnnotation(*a); err != nil {
			t.Fatalf("%s: saving: %v", c.name, err)
		}
		if hits, err := lib.Search(context.Background(), "quixotic", 5); err != nil || len(hits) == 0 || hits[0].ID != "note-00009" {
			t.Errorf("%s: the change saved is found as %+v, %v", c.name, hits, err)
		}
		lib.search.mu.Lock()
		lib.search.index, lib.search.failed = nil, false
		lib.search.mu.Unlock()
	}
}

func TestSearchesReadingTheFileGoOnWhileSavesGrowIt(t *testing.T) {
	lib := notesLibrary(t, 200, 200)
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	memo, err := lib.Documents()
	if err != nil || len(memo) == 0 {
		t.Fatal(err)
	}
	done := make(chan error, 2)
	go func() { // saves, each growing the file, which bbolt then maps anew
		for i := range 300 {
			a := &annotate.Annotation{ID: fmt.Sprintf("grown-%04d", i), DocID: memo[0].ID, Kind: annotate.KindNote,
				Colour: annotate.Yellow, Body: strings.Repeat("filler ", 2000) + fmt.Sprintf("quokka%d", i)}
			if err := lib.store.PutAnnotations([]*annotate.Annotation{a}); err != nil {
				done <- err
				return
			}
			lib.search.putAnnotation(a)
		}
		done <- nil
	}()
	go func() {
		for i := range 300 {
			hits, err := lib.Search(context.Background(), fmt.Sprintf("zanzibar%d", i%200), 5)
			if err != nil || len(hits) == 0 {
				done <- fmt.Errorf("search %d: %d hits, %v", i, len(hits), err)
				return
			}
		}
		done <- nil
	}()
	deadline := time.After(60 * time.Second)
	for range 2 {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-deadline:
			t.Fatal("searches and saves did not finish within 60 s: they wait on each other")
		}
	}
	if hits, err := lib.Search(context.Background(), "quokka299", 1); err != nil || len(hits) != 1 || hits[0].ID != "grown-0299" {
		t.Errorf("the last note saved: %+v, %v", hits, err)
	}
	if lib.search.failed {
		t.Error("the kept index was found unusable while the file grew")
	}
}

func TestHitsOutliveTheFileGrowing(t *testing.T) {
	lib := notesLibrary(t, 300, 200)
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	hits, err := lib.Search(context.Background(), "zanzibar123", 1)
	if err != nil || len(hits) != 1 || hits[0].ID != "note-00123" {
		t.Fatalf("the note searched for: %+v, %v", hits, err)
	}
	want := strings.Clone(hits[0].Body)
	memo, err := lib.Documents()
	if err != nil || len(memo) == 0 {
		t.Fatal(err)
	}
	for i := range 50 { // each save grows the file, which bbolt maps anew, unmapping the old
		a := &annotate.Annotation{ID: fmt.Sprintf("grown-%04d", i), DocID: memo[0].ID, Kind: annotate.KindNote,
			Colour: annotate.Yellow, Body: strings.Repeat("filler ", 200000)}
		if err := lib.store.PutAnnotations([]*annotate.Annotation{a}); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasSuffix(hits[0].Body, " zanzibar123") || hits[0].Body != want {
		t.Errorf("the hit's text changed once the file grew: %.60q", hits[0].Body)
	}
}
