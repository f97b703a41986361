package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

func searchDoc(id, title string) *annotate.Document {
	d := &annotate.Document{ID: id, Title: title, Format: "text", Hash: "hash-" + id + title}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "Some text of " + id}})
	return d
}

func searchNote(id, doc, body string) *annotate.Annotation {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	return &annotate.Annotation{ID: id, DocID: doc, Kind: annotate.KindNote, Colour: annotate.Yellow, Body: body, Created: at, Modified: at}
}

// keptLibrary is a library of two documents and three notes whose search
// index (here any bytes) is kept.
func keptLibrary(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c := Change{New: []*annotate.Document{searchDoc("d1", "One"), searchDoc("d2", "Two")},
		Annotations: []*annotate.Annotation{searchNote("n1", "d1", "a"), searchNote("n2", "d1", "b"), searchNote("n3", "d2", "c")}}
	if err := s.Commit(c); err != nil {
		t.Fatal(err)
	}
	snapshot := make([]byte, 3<<20+17)
	for i := range snapshot {
		snapshot[i] = byte(i * 7)
	}
	if kept, err := s.PutSearchIndex(snapshot, s.TxID()); !kept || err != nil {
		t.Fatalf("the search index was not kept: %v", err)
	}
	si, err := s.SearchIndex()
	if err != nil || si == nil || !slices.Equal(si.Snapshot, snapshot) || si.Changes() != 0 {
		t.Fatalf("the search index kept reads back as %v, %v", si, err)
	}
	return s, path
}

func ids(anns []annotate.Annotation) []string {
	var out []string
	for _, a := range anns {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

func TestEveryWriteIsJournalledForTheSearchIndex(t *testing.T) {
	s, _ := keptLibrary(t)
	if err := s.PutAnnotation(searchNote("n4", "d2", "new")); err != nil {
		t.Fatal(err)
	}
	if err := s.PutAnnotation(searchNote("n1", "d1", "edited")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnotation("n2", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(Change{Removed: []string{"n3"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutReading("d1", Reading{Position: 3}); err != nil {
		t.Fatal(err)
	}
	si, err := s.SearchIndex()
	if err != nil || si == nil {
		t.Fatalf("the search index kept is lost after saves: %v", err)
	}
	if got := ids(si.Annotations); !slices.Equal(got, []string{"n1", "n4"}) || si.Annotations[0].Body == "a" {
		t.Errorf("changed annotations %v (%+v), want n1 edited and n4", got, si.Annotations)
	}
	if slices.Sort(si.Gone); !slices.Equal(si.Gone, []string{"n2", "n3"}) {
		t.Errorf("gone %v, want n2 n3", si.Gone)
	}
	if _, err := s.RestoreAnnotation("n2"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReviseDocument(searchDoc("d2", "Two, revised"), nil, nil); err != nil {
		t.Fatal(err)
	}
	si, _ = s.SearchIndex()
	if si == nil || len(si.Documents) != 1 || si.Documents[0].Title != "Two, revised" || len(si.Gone) != 1 {
		t.Fatalf("after a restore and a revision: %+v", si)
	}
	// The revised document's annotations all come again: its title is theirs.
	if got := ids(si.Annotations); !slices.Equal(got, []string{"n1", "n2", "n4"}) {
		t.Errorf("changed annotations %v, want n1 n2 n4", got)
	}
}

func TestASearchIndexThatMissedAChangeIsNotUsed(t *testing.T) {
	s, _ := keptLibrary(t)
	// A Scholia of an earlier version writes without journalling.
	writeAsAnOlderScholia(t, s)
	if si, err := s.SearchIndex(); si != nil || err != nil {
		t.Errorf("a search index that missed a change is used: %v, %v", si, err)
	}
}

func TestASaveAfterAnOlderScholiaWroteDoesNotBringItsIndexBackInStep(t *testing.T) {
	s, _ := keptLibrary(t)
	// A Scholia of an earlier version adds a note without journalling...
	writeAsAnOlderScholia(t, s)
	// ...then this Scholia saves another note.
	if err := s.PutAnnotation(searchNote("n8", "d2", "saved after")); err != nil {
		t.Fatal(err)
	}
	if si, err := s.SearchIndex(); si != nil || err != nil {
		t.Errorf("the search index that missed the older Scholia's note is used again after one save (%d changes journalled, the older note not among them): %v", si.Changes(), err)
	}
}

func TestASearchIndexTakenBeforeAChangeIsKeptWithTheChangeJournalled(t *testing.T) {
	s, _ := keptLibrary(t)
	at := s.TxID()
	if err := s.PutAnnotation(searchNote("n9", "d1", "meanwhile")); err != nil {
		t.Fatal(err)
	}
	if kept, err := s.PutSearchIndex([]byte("taken before n9"), at); !kept || err != nil {
		t.Fatalf("a snapshot taken while the library journalled its changes was not kept (%v)", err)
	}
	si, _ := s.SearchIndex()
	if si == nil || string(si.Snapshot) != "taken before n9" || !slices.Equal(ids(si.Annotations), []string{"n9"}) {
		t.Errorf("the kept index does not replay the note saved after its snapshot was taken: %+v", si)
	}
	// Kept again once it holds n9: the journal is empty.
	if kept, err := s.PutSearchIndex([]byte("with n9"), s.TxID()); !kept || err != nil {
		t.Fatal("not kept", err)
	}
	if si, _ := s.SearchIndex(); si == nil || si.Changes() != 0 {
		t.Errorf("changes the snapshot holds are still journalled: %+v", si)
	}
}

func TestASearchIndexTakenBeforeAnUnjournalledChangeIsNotKept(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := s.TxID()
	if err := s.Commit(Change{New: []*annotate.Document{searchDoc("d1", "One")}}); err != nil {
		t.Fatal(err)
	}
	if kept, err := s.PutSearchIndex([]byte("stale"), at); kept || err != nil {
		t.Errorf("a snapshot taken before a change no journal noted was kept (%v)", err)
	}
	if si, _ := s.SearchIndex(); si != nil {
		t.Errorf("the library keeps a snapshot that misses a document: %+v", si)
	}
	// Journalled from before the change: kept, the change replayed.
	at, err = s.JournalSearchChanges()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutAnnotation(searchNote("n1", "d1", "meanwhile")); err != nil {
		t.Fatal(err)
	}
	if kept, err := s.PutSearchIndex([]byte("built"), at); !kept || err != nil {
		t.Fatalf("a snapshot of the records read after the journal began was not kept (%v)", err)
	}
	if si, _ := s.SearchIndex(); si == nil || !slices.Equal(ids(si.Annotations), []string{"n1"}) {
		t.Errorf("the note saved while the index was built is not replayed: %+v", si)
	}
}

func TestCheckAndCompactionKeepASearchIndexInStep(t *testing.T) {
	s, path := keptLibrary(t)
	_ = s.Close()
	r, err := Check(path)
	if err != nil || len(r.Problems) > 0 || r.Annotations != 3 {
		t.Fatalf("check of a library keeping its search index: %+v, %v", r, err)
	}
	dst := filepath.Join(filepath.Dir(path), "compacted.db")
	if err := Compact(path, dst, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	c, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if si, err := c.SearchIndex(); si == nil || err != nil || si.Changes() != 0 || len(si.Snapshot) != 3<<20+17 {
		t.Errorf("the compacted copy lost the search index in step: %v", err)
	}
	if err := c.PutAnnotation(searchNote("n5", "d1", "after compaction")); err != nil {
		t.Fatal(err)
	}
	if si, _ := c.SearchIndex(); si == nil || len(si.Annotations) != 1 {
		t.Errorf("the compacted copy does not keep its search index in step: %+v", si)
	}
	_ = c.Close()
	// A search index that missed a change (an older Scholia wrote) is not
	// carried over: the copy counts its transactions anew, and could reach
	// its stamp.
	old, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("x"), []byte("y")) }); err != nil {
		t.Fatal(err)
	}
	_ = old.Close()
	again := filepath.Join(filepath.Dir(path), "again.db")
	if err := Compact(dst, again, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	a, err := Open(again)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSearch) != nil {
			t.Error("a search index out of step was carried into the compacted copy")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestKeepingTheSearchIndexAnewDoesNotGrowTheFile(t *testing.T) {
	s, path := keptLibrary(t)
	snapshot := make([]byte, 8<<20)
	if kept, err := s.PutSearchIndex(snapshot, s.TxID()); !kept || err != nil {
		t.Fatal("not kept", err)
	}
	fi, _ := os.Stat(path)
	for range 3 {
		if err := s.PutAnnotation(searchNote("n1", "d1", "a change")); err != nil {
			t.Fatal(err)
		}
		if kept, err := s.PutSearchIndex(snapshot, s.TxID()); !kept || err != nil {
			t.Fatal("not kept", err)
		}
	}
	after, _ := os.Stat(path)
	if after.Size() > fi.Size()+int64(len(snapshot))/2 {
		t.Errorf("keeping an 8 MB index anew three times grew the file from %d to %d bytes", fi.Size(), after.Size())
	}
}

func TestARestoreIsJournalledForTheSearchIndex(t *testing.T) {
	s, _ := keptLibrary(t)
	if err := s.DeleteAnnotation("n2", time.Now()); err != nil {
		t.Fatal(err)
	}
	// Kept anew while n2 is in the trash: the journal starts empty.
	if kept, err := s.PutSearchIndex([]byte("without n2"), s.TxID()); !kept || err != nil {
		t.Fatalf("the search index was not kept: %v", err)
	}
	if _, err := s.RestoreAnnotation("n2"); err != nil {
		t.Fatal(err)
	}
	si, err := s.SearchIndex()
	if err != nil || si == nil {
		t.Fatalf("the search index kept is lost after a restore: %v", err)
	}
	if got := ids(si.Annotations); !slices.Equal(got, []string{"n2"}) {
		t.Errorf("changed annotations after a restore %v, want n2", got)
	}
}

// writeAsAnOlderScholia adds a note the way a Scholia of an earlier
// version does: straight into its bucket, without journalling it.
func writeAsAnOlderScholia(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		rec, err := seal(searchNote("old", "d1", "written by an older Scholia"))
		if err != nil {
			return err
		}
		return tx.Bucket(bucketAnnotations).Put([]byte("old"), rec)
	})
	if err != nil {
		t.Fatal(err)
	}
}
