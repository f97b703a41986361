package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// keptQueries ask for every note and document of the test below, with
// typos, filters and several words.
var keptQueries = []string{"tarifs", "retaliation", "escalaton", "tag:trade", "summit memo", "summit", "wheat export",
	"kind:note", "grain quotas", "memorandum", "tarif schedu", "is:open", "schedules quotas wheat", "disagreed"}

// answers is what each query finds, in order, and the characters in bold.
// (Scores are left out: a query of three words or more weighs each word by
// how many entries use it, and an index changed since it was built still
// counts the entries changed or deleted since.)
func answers(t *testing.T, lib *Library) string {
	t.Helper()
	var b strings.Builder
	for _, q := range keptQueries {
		hits, err := lib.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:", q)
		for _, h := range hits {
			fmt.Fprintf(&b, " %s/%s/%v/%v", h.ID, h.Title, h.QuoteBold, h.BodyBold)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// reopened closes lib and opens it again, as the next process would, and
// checks that the search index loaded from the file, with the changes since
// it was kept, answers every query as an index built from the records.
func reopened(t *testing.T, lib *Library, step string) *Library {
	t.Helper()
	path := lib.Path()
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if kept, err := lib.store.SearchIndex(); kept == nil || err != nil {
		t.Fatalf("%s: the library keeps no search index in step (%v)", step, err)
	}
	got := answers(t, lib)
	built, _, err := lib.search.build()
	if err != nil {
		t.Fatal(err)
	}
	lib.search.index = built
	if want := answers(t, lib); got != want {
		t.Errorf("%s: the kept index answers\n%s\nthe records answer\n%s", step, got, want)
	}
	return lib
}

func TestTheKeptSearchIndexFollowsEveryChangeAcrossProcesses(t *testing.T) {
	_, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs and on grain quotas.\n")
	doc := memo.Document.ID
	a, err := lib.AnnotateQuote(doc, "disagreed on tariffs", 1, Draft{Kind: annotate.KindNote, Body: "retaliation risk", Tags: []string{"trade"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.PrepareSearch(); err != nil { // built, and kept in the file
		t.Fatal(err)
	}
	lib = reopened(t, lib, "kept")
	q, err := lib.AnnotateQuote(doc, "grain quotas", 1, Draft{Kind: annotate.KindQuestion, Body: "wheat export limits?"})
	if err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a new question")
	edited := *a
	edited.Body = "escalation"
	if _, err := lib.UpdateAnnotation(edited); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "an edited note")
	if err := lib.DeleteAnnotation(q.ID); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a deleted question")
	if _, err := lib.RestoreAnnotation(q.ID); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a restored question")
	if err := lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Undo(); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a deletion undone")
	if _, err := lib.ImportBytes("o.txt", "/o.txt", []byte("Tariff Schedules\n\nText.\n")); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a new document")
	if _, err := lib.ImportBytes("memo.txt", "/memo.txt", []byte("Summit Memorandum\n\nThe ministers disagreed on tariffs and on grain quotas, again.\n")); err != nil {
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a document revised under a new title")
	if err := lib.DeleteAnnotation(a.ID); err != nil { // in the snapshot kept first
		t.Fatal(err)
	}
	lib = reopened(t, lib, "a deleted note the snapshot holds")
	_ = lib.Close()
}

func TestADamagedKeptSearchIndexIsBuiltAgain(t *testing.T) {
	_, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs.\n")
	if _, err := lib.AnnotateQuote(memo.Document.ID, "disagreed on tariffs", 1, Draft{Kind: annotate.KindNote, Body: "retaliation risk"}); err != nil {
		t.Fatal(err)
	}
	want := answers(t, lib)
	ix, _ := lib.search.ready()
	bad := ix.Snapshot()
	bad[len(bad)/2] ^= 0x20
	if kept, err := lib.store.PutSearchIndex(bad, lib.store.TxID()); !kept || err != nil {
		t.Fatal("the damaged snapshot was not written", err)
	}
	lib.search.index = nil
	if got := answers(t, lib); got != want {
		t.Errorf("with a damaged kept index, search answers\n%s\nwant\n%s", got, want)
	}
	if kept, _ := lib.store.SearchIndex(); kept == nil || string(kept.Snapshot) == string(bad) {
		t.Error("the damaged kept index was not replaced by a sound one")
	}
	_ = lib.Close()
}

func TestASearchOnlyProcessAnswersFromTheKeptIndex(t *testing.T) {
	path, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs and on grain quotas.\n")
	if _, err := lib.AnnotateQuote(memo.Document.ID, "disagreed on tariffs", 1, Draft{Kind: annotate.KindNote, Body: "retaliation risk", Tags: []string{"trade"}}); err != nil {
		t.Fatal(err)
	}
	_ = lib.Close()
	if _, kept, err := SearchKept(context.Background(), path, "tarifs", 10); kept || err != nil {
		t.Fatalf("a library keeping no search index answered from one (%v)", err)
	}
	lib, _ = Open(path)
	want, err := lib.Search(context.Background(), "retaliaton tag:trade", 10) // builds and keeps the index
	if err != nil || len(want) != 1 {
		t.Fatalf("search before: %+v, %v", want, err)
	}
	if _, err := lib.AnnotateQuote(memo.Document.ID, "grain quotas", 1, Draft{Kind: annotate.KindQuestion, Body: "wheat export limits?"}); err != nil {
		t.Fatal(err)
	}
	_ = lib.Close()
	hits, kept, err := SearchKept(context.Background(), path, "retaliaton tag:trade", 10)
	if !kept || err != nil || len(hits) != 1 || hits[0].ID != want[0].ID || hits[0].Body != "retaliation risk" ||
		hits[0].Title != "Summit Memo" || hits[0].Tags[0] != "trade" || fmt.Sprint(hits[0].BodyBold) != fmt.Sprint(want[0].BodyBold) {
		t.Errorf("from the kept index: %+v, kept %v, %v; want %+v", hits, kept, err, want)
	}
	// A change saved after the index was kept is found too.
	if hits, kept, _ := SearchKept(context.Background(), path, "wheat exprt", 10); !kept || len(hits) != 1 || hits[0].Kind != annotate.KindQuestion {
		t.Errorf("a question saved since: %+v, kept %v", hits, kept)
	}
	// Another Scholia using the library: one sentence, as for Open.
	lib, _ = Open(path)
	defer lib.Close()
	if _, _, err := SearchKept(context.Background(), path, "tarifs", 10); !errors.Is(err, annotate.ErrLocked) {
		t.Errorf("while another holds the library: %v, want ErrLocked", err)
	}
}

func TestASearchOnlyProcessLeavesADamagedFileToTheCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.ImportBytes("memo.txt", "/memo.txt", []byte("Summit Memo\n\nThe ministers disagreed on tariffs.\n")); err != nil {
		t.Fatal(err)
	}
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	_ = lib.Close()
	sound, _ := os.ReadFile(path) // to be cut short below
	lib, _ = Open(path)
	ix, _ := lib.search.ready()
	bad := ix.Snapshot()
	bad[len(bad)-8] ^= 0x01 // in the last entry, read only when shown
	if kept, err := lib.store.PutSearchIndex(bad, lib.store.TxID()); !kept || err != nil {
		t.Fatal("the damaged snapshot was not written", err)
	}
	_ = lib.Close()
	if hits, kept, err := SearchKept(context.Background(), path, "summit", 10); kept || err != nil {
		t.Errorf("an index whose entry fails its checksum answered %+v (%v)", hits, err)
	}
	lib, _ = Open(path)
	if hits, err := lib.Search(context.Background(), "summit", 10); err != nil || len(hits) != 1 || hits[0].Title != "Summit Memo" {
		t.Errorf("the usual way, with that index: %+v, %v", hits, err)
	}
	_ = lib.Close()
	used := usedBytes(t, path) // the file may be longer than its pages
	for _, size := range []int{used / 2, used * 3 / 4, 5000} {
		cut := filepath.Join(t.TempDir(), "cut.db")
		if err := os.WriteFile(cut, sound[:size], 0o600); err != nil {
			t.Fatal(err)
		}
		if hits, kept, err := SearchKept(context.Background(), cut, "summit", 10); kept || err != nil {
			t.Errorf("a file cut to %d of its %d bytes of pages answered %+v (%v) instead of going to the check", size, used, hits, err)
		}
	}
}

func TestManyChangesSinceTheKeptIndexAreKeptAnew(t *testing.T) {
	path, lib, memo := memoLibrary(t, "Summit Memo\n\nThe ministers disagreed on tariffs.\n")
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	_ = lib.Close()
	lib, _ = Open(path)
	many := make([]*annotate.Annotation, journalLimit(0)+1) // an import of many notes
	for i := range many {
		many[i] = &annotate.Annotation{ID: fmt.Sprintf("imported-%05d", i), DocID: memo.Document.ID, Kind: annotate.KindNote,
			Colour: annotate.Yellow, Body: fmt.Sprintf("imported note %d on zanzibar", i)}
	}
	if err := lib.store.PutAnnotations(many); err != nil {
		t.Fatal(err)
	}
	_ = lib.Close()
	if _, kept, err := SearchKept(context.Background(), path, "zanzibar", 5); kept || err != nil {
		t.Errorf("a search-only process replayed %d changes instead of leaving them to be kept anew (%v)", len(many), err)
	}
	lib, _ = Open(path)
	defer lib.Close()
	if hits, err := lib.Search(context.Background(), "zanzibar", 5); err != nil || len(hits) != 5 {
		t.Fatalf("the imported notes: %d found, %v", len(hits), err)
	}
	if kept, _ := lib.store.SearchIndex(); kept == nil || kept.Changes() != 0 {
		t.Errorf("the index was not kept anew after %d changes", len(many))
	}
}

// usedBytes is how much of the library file at path its pages take.
func usedBytes(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	used := 0
	_ = db.View(func(tx *bolt.Tx) error {
		used = int(tx.Size())
		return nil
	})
	return used
}

// memoLibrary is a new library at path holding one memo of the given text.
func memoLibrary(t *testing.T, text string) (string, *Library, Imported) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	memo, err := lib.ImportBytes("memo.txt", "/memo.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return path, lib, memo
}
