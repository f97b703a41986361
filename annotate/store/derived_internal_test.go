package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// An older Scholia, which keeps no answer_links nor (older still) sources,
// answers a question with a note's passage and imports a file: opened
// again by this Scholia, the library finds both.
func TestAnOlderScholiasWritesAreIndexedAtTheNextOpen(t *testing.T) {
	s, path := keptLibrary(t)
	q := searchNote("q-old", "d1", "Who wrote this?")
	q.Kind, q.Status = annotate.KindQuestion, annotate.StatusAnswered
	q.Answer = &annotate.Answer{Text: "the delegation", Link: "n1"}
	doc := searchDoc("d-old", "Imported by an older Scholia")
	doc.Source = "/old.txt"
	err := s.db.Update(func(tx *bolt.Tx) error { // as an older Scholia writes: records only
		rec, err := seal(q)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketAnnotations).Put([]byte(q.ID), rec); err != nil {
			return err
		}
		info, blocks, err := sealDocument(doc)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocuments).Put([]byte(doc.ID), info); err != nil {
			return err
		}
		return tx.Bucket(bucketBlocks).Put([]byte(doc.ID), blocks)
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if got := linkedIDs(t, s, "n1"); len(got) != 1 || got[0] != "q-old" {
		t.Errorf("the question an older Scholia answered with n1's passage is not found from n1: %v", got)
	}
	if id, err := s.DocumentIDBySource("/old.txt"); id != "d-old" || err != nil {
		t.Errorf("the document an older Scholia imported from /old.txt is not found by its source: %q, %v", id, err)
	}
	// In step again: the next open writes nothing.
	_ = s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	before := s.TxID()
	_ = s.Close()
	if s, err = Open(path); err != nil { // closed at cleanup
		t.Fatal(err)
	}
	if s.TxID() != before {
		t.Errorf("opening a library this Scholia wrote last wrote to it (transaction %d, was %d)", s.TxID(), before)
	}
}
