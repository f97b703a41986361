package library

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"scholia/annotate"
)

// A save made while the search index is being built waits for nothing:
// it is put into the index once built, and kept with it in the library.
func TestASaveDoesNotWaitForTheSearchIndexToBeBuilt(t *testing.T) {
	path, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs and on grain quotas.\n")
	doc := memo.Document.ID
	if _, err := lib.AnnotateQuote(doc, "grain quotas", 1, Draft{Kind: annotate.KindNote, Body: "before the build"}); err != nil {
		t.Fatal(err)
	}
	release, prepared := buildHeld(t, lib)
	saved := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := lib.AnnotateQuote(doc, "disagreed on tariffs", 1, Draft{Kind: annotate.KindNote, Body: "retaliation meanwhile"})
		saved <- err
	}()
	select {
	case err := <-saved:
		if err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > 200*time.Millisecond {
			t.Errorf("a save while the search index was built took %v", took)
		}
	case <-time.After(2 * time.Second):
		close(release)
		<-prepared
		t.Fatal("a save waited for the search index to be built")
	}
	close(release)
	if err := <-prepared; err != nil {
		t.Fatal(err)
	}
	hits, err := lib.Search(context.Background(), "retaliation", 5)
	if err != nil || len(hits) != 1 || hits[0].Body != "retaliation meanwhile" {
		t.Fatalf("the note saved while the index was built is not found: %+v, %v", hits, err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	hits, kept, err := SearchKept(context.Background(), path, "retaliation", 5)
	if err != nil || !kept {
		t.Fatalf("the library keeps no search index in step after the build (%v)", err)
	}
	if len(hits) != 1 || hits[0].Body != "retaliation meanwhile" {
		t.Errorf("the kept index misses the note saved while it was built: %+v", hits)
	}
}

// Annotations imported from a file while the search index is being built
// (the window builds it in the background at start, and imports in
// another goroutine) are found by search once it is built. Under -race
// this is also the import writing its batch while the builder reads it.
func TestAnnotationsImportedWhileTheIndexIsBuiltAreFound(t *testing.T) {
	_, lib, _ := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs.\n")
	defer lib.Close()
	release, prepared := buildHeld(t, lib)
	rows := `{"total": 1, "rows": [{"id": "hG1", "uri": "https://example.org/geneva", "text": "Quotas were the sticking point.",
		"created": "2026-01-05T10:00:00+00:00", "updated": "2026-01-05T10:00:00+00:00", "document": {"title": ["Geneva Talks"]},
		"target": [{"source": "https://example.org/geneva", "selector": [{"type": "TextQuoteSelector", "exact": "grain quotas stayed"}]}]}]}`
	type result struct {
		imported AnnotationsImported
		err      error
	}
	done := make(chan result, 1)
	go func() {
		imported, err := lib.ImportAnnotationBytes("hypothesis.json", []byte(rows))
		done <- result{imported, err}
	}()
	// The builder goes on once the import's change waits for it, while
	// the import goroutine finishes: nothing orders the two.
	for deadline := time.Now().Add(10 * time.Second); !lib.search.waiting(); {
		if time.Now().After(deadline) {
			close(release)
			t.Fatal("the import's change never waited for the index")
		}
		runtime.Gosched()
	}
	close(release)
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	if res.imported.Added != 1 {
		t.Fatalf("the import added %d annotations, want 1", res.imported.Added)
	}
	if err := <-prepared; err != nil {
		t.Fatal(err)
	}
	hits, err := lib.Search(context.Background(), "sticking point", 5)
	if err != nil || len(hits) != 1 || hits[0].Body != "Quotas were the sticking point." || hits[0].Title != "Geneva Talks" {
		t.Errorf("the note imported while the index was built is not found with its document's title: %+v, %v", hits, err)
	}
	hits, err = lib.Search(context.Background(), "geneva talks", 5)
	if err != nil || !slices.ContainsFunc(hits, func(h Hit) bool { return h.Document && h.Title == "Geneva Talks" }) {
		t.Errorf("the document the import made while the index was built is not found: %+v, %v", hits, err)
	}
}

// waiting says whether a change waits for the index being built.
func (s *searcher) waiting() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queued) > 0
}

// buildHeld starts building lib's search index in the background and
// holds it once the records are read, until release is closed; prepared
// then says how the build ended.
func buildHeld(t *testing.T, lib *Library) (release chan struct{}, prepared chan error) {
	t.Helper()
	building, release := make(chan struct{}), make(chan struct{})
	buildHook = func() {
		close(building)
		<-release
	}
	t.Cleanup(func() { buildHook = nil })
	prepared = make(chan error, 1)
	go func() { prepared <- lib.PrepareSearch() }()
	select {
	case <-building:
	case <-time.After(10 * time.Second):
		t.Fatal("the search index was not built")
	}
	return release, prepared
}
