package library

import (
	"context"
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
	building, release := make(chan struct{}), make(chan struct{})
	buildHook = func() {
		close(building)
		<-release
	}
	t.Cleanup(func() { buildHook = nil })
	prepared := make(chan error, 1)
	go func() { prepared <- lib.PrepareSearch() }()
	select {
	case <-building:
	case <-time.After(10 * time.Second):
		t.Fatal("the search index was not built")
	}
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
