package store

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// dump is every key and value of the library but the meta and search
// index buckets (stamps that change with every write), nested buckets
// included, as "bucket/.../key" -> value.
func dump(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(prefix string, b *bolt.Bucket)
	walk = func(prefix string, b *bolt.Bucket) {
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				walk(prefix+string(k)+"/", b.Bucket(k))
				return nil
			}
			out[prefix+string(k)] = string(v)
			return nil
		})
	}
	if err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if string(name) != string(bucketMeta) && string(name) != string(bucketSearch) {
				walk(string(name)+"/", b)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// removableLibrary holds two documents: d1 with a revision, a reading
// place, a tagged open question, a note answering it with its own passage,
// a note in the trash, and d2 with a note.
func removableLibrary(t *testing.T) *Store {
	t.Helper()
	s, _ := keptLibrary(t) // d1 (n1, n2), d2 (n3)
	q := searchNote("q1", "d1", "why?")
	q.Kind, q.Status, q.Tags = annotate.KindQuestion, annotate.StatusOpen, []string{"treaty"}
	q.Answer = &annotate.Answer{Text: "because", Link: "n1"}
	n2 := searchNote("n2", "d1", "tagged")
	n2.Tags = []string{"treaty", "d1 only"}
	gone := searchNote("t1", "d1", "deleted before")
	if err := s.Commit(Change{Annotations: []*annotate.Annotation{q, n2, gone}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnotation("t1", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	d1 := searchDoc("d1", "One")
	d1.Revision, d1.Hash, d1.Source = 1, "hash-d1-rev1", "/papers/one.txt"
	if err := s.ReviseDocument(d1, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.PutReading("d1", Reading{Position: 12, Opened: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return s
}

// of d1 says whether a dumped key or value belongs to d1 or its
// annotations.
func ofD1(k, v string) bool {
	for _, id := range []string{"d1", "n1", "n2", "q1", "t1", "hash-d1", "/papers/one.txt", "d1 only", "treaty"} {
		if strings.Contains(k, id) || strings.Contains(v, id) {
			return true
		}
	}
	return false
}

func TestRemovingADocumentTakesAllOfItAndRestoringPutsBackEveryByte(t *testing.T) {
	s := removableLibrary(t)
	before := dump(t, s)
	moved, err := s.RemoveDocument("d1", time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// Its live annotations, whose entries a search index drops; not the
	// one already in the trash, nor d2's.
	if slices.Sort(moved); !slices.Equal(moved, []string{"n1", "n2", "q1"}) {
		t.Errorf("the removal says it moved %q, want n1, n2, q1", moved)
	}
	after := dump(t, s)
	for k, v := range after {
		if !strings.HasPrefix(k, "removed/") && ofD1(k, v) {
			t.Errorf("after removing d1 the library still holds %s", k)
		}
	}
	if _, ok := after["tags/treaty"]; ok {
		t.Errorf("the tag only d1's annotations use is still counted")
	}
	for k, v := range before {
		if !ofD1(k, v) && after[k] != v {
			t.Errorf("removing d1 changed %s, which is d2's", k)
		}
	}
	docs, _ := s.Documents()
	if len(docs) != 1 || docs[0].ID != "d2" {
		t.Errorf("documents after the removal: %v", docs)
	}
	if qs, _ := s.OpenQuestions(); len(qs) != 0 {
		t.Errorf("d1's question is still open: %v", qs)
	}
	if tr, _ := s.Trash(""); len(tr) != 0 {
		t.Errorf("d1's deleted note is still in the annotations' trash: %v", tr)
	}
	removed, err := s.RemovedDocuments()
	if err != nil || len(removed) != 1 || removed[0].Document.Title != "One" || removed[0].Annotations != 3 || removed[0].Trashed != 1 || removed[0].Revisions != 1 {
		t.Fatalf("the trash lists %+v, %v", removed, err)
	}

	if _, err := s.RestoreDocument("d1"); err != nil {
		t.Fatal(err)
	}
	back := dump(t, s)
	if !maps.Equal(back, before) {
		for k := range before {
			if back[k] != before[k] {
				t.Errorf("after the restore %s is %q, was %q", k, back[k], before[k])
			}
		}
		for k := range back {
			if _, ok := before[k]; !ok {
				t.Errorf("after the restore the library holds %s, which it did not", k)
			}
		}
	}
}

func ofOne(id string) bool { return ofD1(id, "") && id != "t1" }

func TestPurgingARemovedDocumentLeavesNoRecordOfIt(t *testing.T) {
	for name, purge := range map[string]func(s *Store) error{
		"PurgeDocument": func(s *Store) error { return s.PurgeDocument("d1") },
		"EmptyTrash": func(s *Store) error {
			docs, anns, err := s.EmptyTrash()
			if docs != 1 || anns != 0 {
				t.Errorf("EmptyTrash says %d documents and %d annotations, want 1 and 0", docs, anns)
			}
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := removableLibrary(t)
			if _, err := s.RemoveDocument("d1", time.Now()); err != nil {
				t.Fatal(err)
			}
			if err := purge(s); err != nil {
				t.Fatal(err)
			}
			for k, v := range dump(t, s) {
				if ofD1(k, v) {
					t.Errorf("after the purge the library still holds %s", k)
				}
			}
			if _, err := s.RestoreDocument("d1"); !errors.Is(err, annotate.ErrNotFound) {
				t.Errorf("restoring a purged document: %v, want ErrNotFound", err)
			}
			if docs, _ := s.Documents(); len(docs) != 1 {
				t.Errorf("the purge took d2 too: %v", docs)
			}
		})
	}
}

func TestARemovalThatFailsMidwayChangesNothing(t *testing.T) {
	s := removableLibrary(t)
	// q1 is read after n1 and n2: its record, damaged, fails the removal
	// once they are moved.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAnnotations).Put([]byte("q1"), []byte("damaged record"))
	}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	if _, err := s.RemoveDocument("d1", time.Now()); !errors.Is(err, annotate.ErrDamaged) {
		t.Fatalf("removing a document with a damaged annotation: %v, want ErrDamaged", err)
	}
	after := dump(t, s)
	if !maps.Equal(before, after) {
		keys := slices.Sorted(maps.Keys(after))
		t.Errorf("a failed removal changed the library; it holds %v", keys)
	}
}

func TestARemovalIsJournalledForTheSearchIndex(t *testing.T) {
	s := removableLibrary(t)
	if _, err := s.RemoveDocument("d1", time.Now()); err != nil {
		t.Fatal(err)
	}
	si, err := s.SearchIndex()
	if err != nil || si == nil {
		t.Fatalf("the kept search index after a removal: %v, %v", si, err)
	}
	for _, id := range []string{"d1", "n1", "n2", "q1"} {
		if !slices.Contains(si.Gone, id) {
			t.Errorf("the journal does not drop %s from the kept index: gone %v", id, si.Gone)
		}
	}
	if _, err := s.RestoreDocument("d1"); err != nil {
		t.Fatal(err)
	}
	if si, err = s.SearchIndex(); err != nil || si == nil {
		t.Fatalf("the kept search index after a restore: %v, %v", si, err)
	}
	if got := ids(si.Annotations); !slices.Equal(got, []string{"n1", "n2", "q1"}) || slices.ContainsFunc(si.Gone, ofOne) || len(si.Documents) != 1 {
		t.Errorf("after the restore the journal puts back %v and documents %v, drops %v", got, si.Documents, si.Gone)
	}
}

func TestTheCheckAndACopyCountTheRemovedDocumentsAndWhatWasPurged(t *testing.T) {
	s := removableLibrary(t)
	if _, err := s.RemoveDocument("d1", time.Now()); err != nil {
		t.Fatal(err)
	}
	counted := func() (Report, Report) {
		t.Helper()
		copyPath := filepath.Join(t.TempDir(), "copy.db")
		f, err := os.Create(copyPath)
		if err != nil {
			t.Fatal(err)
		}
		wrote, err := s.CopyTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		checked, err := Check(copyPath)
		if err != nil || len(checked.Problems) > 0 {
			t.Fatalf("the copy checks as %+v, %v", checked, err)
		}
		return wrote, checked
	}
	wrote, checked := counted()
	// d1, its three live annotations, its deleted note and its earlier text.
	if wrote.Counts != checked.Counts || checked.Removed != 6 || checked.Documents != 1 || checked.Total() != 1+1+6 {
		t.Errorf("the copy counts %+v, the check %+v; want 6 records removed, 8 in all", wrote.Counts, checked.Counts)
	}
	if _, _, err := s.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	if wrote, checked = counted(); wrote.Counts != checked.Counts || checked.Removed != 0 || checked.Purged != 6 {
		t.Errorf("after emptying the trash the copy counts %+v, the check %+v; want 6 purged", wrote.Counts, checked.Counts)
	}
}
