package store

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// linkedIDs is the ids of the questions LinkedTo finds for ids.
func linkedIDs(t *testing.T, s *Store, ids ...string) []string {
	t.Helper()
	qs, err := s.LinkedTo(ids)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// TestAnswerLinksFollowEveryChange: the questions answered with a
// highlight's passage are found from the highlight, and no longer once
// the answer is changed or the question is in the trash; again once it is
// restored, and in a library written before the index, once opened.
func TestAnswerLinksFollowEveryChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := &annotate.Document{ID: "d1", Title: "T", Hash: "h"}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "The delegation met the minister."}})
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	h := &annotate.Annotation{ID: "h1", DocID: "d1", Kind: annotate.KindHighlight, Colour: annotate.Green,
		Anchor: &annotate.Anchor{Start: 4, End: 14, Exact: "delegation"}, Created: now, Modified: now}
	q := &annotate.Annotation{ID: "q1", DocID: "d1", Kind: annotate.KindQuestion, Body: "Who met?", Status: annotate.StatusAnswered,
		Answer: &annotate.Answer{Text: "they did", Link: "h1"}, Created: now, Modified: now}
	other := &annotate.Annotation{ID: "q2", DocID: "d1", Kind: annotate.KindQuestion, Body: "Where?", Status: annotate.StatusAnswered,
		Answer: &annotate.Answer{Text: "here", Link: "h1/x"}, Created: now, Modified: now}
	if err := s.PutAnnotations([]*annotate.Annotation{h, q, other}); err != nil {
		t.Fatal(err)
	}
	if got := linkedIDs(t, s, "h1"); len(got) != 1 || got[0] != "q1" {
		t.Fatalf("answered with h1: %v, want [q1]", got)
	}
	q.Answer = &annotate.Answer{Text: "nobody"}
	if err := s.PutAnnotation(q); err != nil {
		t.Fatal(err)
	}
	if got := linkedIDs(t, s, "h1"); len(got) != 0 {
		t.Fatalf("after the answer lost its link: %v, want none", got)
	}
	q.Answer = &annotate.Answer{Text: "they did", Link: "h1"}
	if err := s.PutAnnotation(q); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnotation("q1", now); err != nil {
		t.Fatal(err)
	}
	if got := linkedIDs(t, s, "h1"); len(got) != 0 {
		t.Fatalf("with the question in the trash: %v, want none", got)
	}
	if _, err := s.RestoreAnnotation("q1"); err != nil {
		t.Fatal(err)
	}
	if got := linkedIDs(t, s, "h1"); len(got) != 1 {
		t.Fatalf("restored: %v, want [q1]", got)
	}
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketLinks) })
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := linkedIDs(t, s, "h1", "h1/x"); len(got) != 2 {
		t.Errorf("a library from before the index, opened: %v, want q1 and q2", got)
	}
}

// TestReadOnlyLibraryWithoutAnswerLinksOpens: a library written before
// the answer_links index, on a read-only disk, still opens for reading;
// nothing links, as nothing can be saved.
func TestReadOnlyLibraryWithoutAnswerLinksOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketLinks) })
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	s = &Store{db: newBoltDB(db), path: path, readOnly: true}
	defer s.Close()
	if err := s.prepare(); err != nil {
		t.Fatalf("opening it read-only: %v", err)
	}
	if got := linkedIDs(t, s, "h1"); len(got) != 0 {
		t.Errorf("linked: %v, want none", got)
	}
}
