package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate"
)

// A PDF's bytes are kept with its import, go to the trash and come back
// with it, are replaced by a revision's, and are deleted with it for good.
func TestAnOriginalFollowsItsDocument(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := searchDoc("d1", "One")
	pdf := []byte("%PDF-1.4 the first bytes")
	if err := s.PutDocumentFrom(doc, pdf); err != nil {
		t.Fatal(err)
	}
	kept := func(want []byte) {
		t.Helper()
		got, err := s.Original("d1")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("kept %q, want %q", got, want)
		}
	}
	kept(pdf)
	if _, err := s.RemoveDocument("d1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if d := dump(t, s); d["originals/d1"] != "" || d["removed/d1/original"] != string(pdf) {
		t.Fatalf("removed, the bytes are under originals %q and in the trash %q", d["originals/d1"], d["removed/d1/original"])
	}
	if _, err := s.RestoreDocument("d1"); err != nil {
		t.Fatal(err)
	}
	kept(pdf)
	next := []byte("%PDF-1.4 the second bytes")
	doc.Revision, doc.Hash = 2, "hash-2"
	if err := s.ReviseDocument(doc, nil, next); err != nil {
		t.Fatal(err)
	}
	kept(next)
	if _, err := s.RemoveDocument("d1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.PurgeDocument("d1"); err != nil {
		t.Fatal(err)
	}
	for k, v := range dump(t, s) {
		if bytes.Contains([]byte(v), []byte("%PDF")) {
			t.Fatalf("deleted for good, the bytes stay under %s", k)
		}
	}
	if _, err := s.Original("d1"); !annotateNotFound(err) {
		t.Fatalf("the bytes of a deleted document: %v", err)
	}
}

func annotateNotFound(err error) bool { return err != nil && errors.Is(err, annotate.ErrNotFound) }
