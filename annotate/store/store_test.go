package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/store"
)

// openStore opens a fresh library in a temporary folder.
func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib", "library.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func testDocument(id string) *annotate.Document {
	d := &annotate.Document{ID: id, Title: "Doc " + id, Format: "text", Hash: "hash-" + id,
		Source: "/tmp/" + id + ".txt", Imported: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockTitle, Text: "Doc " + id}, {Kind: annotate.BlockParagraph, Text: "A unique marker paragraph " + id}})
	return d
}

func TestNewLibraryIsPrivate(t *testing.T) {
	_, path := openStore(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", di.Mode().Perm())
	}
}

func TestEverythingSurvivesReopening(t *testing.T) {
	s, path := openStore(t)
	doc := testDocument("a")
	if err := s.PutDocument(doc); err != nil {
		t.Fatal(err)
	}
	anchor, _ := annotate.NewAnchor([]rune(doc.Text()), 0, 3)
	ann := &annotate.Annotation{ID: "n1", DocID: "a", Kind: annotate.KindQuestion, Colour: annotate.Blue,
		Anchor: &anchor, Body: "why?", Tags: []string{"x"}, Status: annotate.StatusOpen,
		Created: doc.Imported, Modified: doc.Imported}
	if err := s.PutAnnotation(ann); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Document("a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text() != doc.Text() || got.Title != doc.Title || !got.Imported.Equal(doc.Imported) || got.Hash != doc.Hash {
		t.Errorf("document came back as %+v", got)
	}
	anns, err := s.Annotations("a")
	if err != nil || len(anns) != 1 || anns[0].Body != "why?" || anns[0].Anchor.Exact != "Doc" || anns[0].Status != annotate.StatusOpen {
		t.Errorf("annotations %+v, %v", anns, err)
	}
	counts, _ := s.AnnotationCounts()
	if counts["a"] != 1 {
		t.Errorf("counts %v", counts)
	}
	if id, _ := s.DocumentIDByHash("hash-a"); id != "a" {
		t.Errorf("hash lookup gave %q", id)
	}
	if v, _ := s.Schema(); v != store.SchemaVersion {
		t.Errorf("schema %d", v)
	}
}

func TestAnnotationNeedsItsDocument(t *testing.T) {
	s, _ := openStore(t)
	err := s.PutAnnotation(&annotate.Annotation{ID: "x", DocID: "missing", Kind: annotate.KindNote})
	if !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
}

func TestSecondOpenFailsWithErrLocked(t *testing.T) {
	_, path := openStore(t)
	start := time.Now()
	s, err := store.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("a second open of a library in use succeeded")
	}
	if !errors.Is(err, annotate.ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited > 3*time.Second {
		t.Errorf("waited %v for the lock, want about %v", waited, store.LockTimeout)
	}
	if msg := err.Error(); !bytes.Contains([]byte(msg), []byte("another Scholia is using the library")) {
		t.Errorf("message %q does not say another Scholia is using it", msg)
	}
}

func TestDamagedFilesAreReportedNotReplaced(t *testing.T) {
	cases := map[string][]byte{
		"empty":   {},
		"text":    []byte("this is not a database, just some words\n"),
		"garbage": bytes.Repeat([]byte{0xAB, 0xCD}, 8192),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := store.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("a damaged file opened as a library")
			}
			if !errors.Is(err, annotate.ErrDamaged) {
				t.Fatalf("got %v, want ErrDamaged", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the damaged file was changed")
			}
		})
	}
}

func TestFlippedByteIsAnErrorNotWrongData(t *testing.T) {
	s, path := openStore(t)
	if err := s.PutDocument(testDocument("b")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	marker := []byte("A unique marker paragraph b")
	i := bytes.Index(raw, marker)
	if i < 0 {
		t.Fatal("marker not found in the file")
	}
	raw[i] = 'X'
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Document("b"); !errors.Is(err, annotate.ErrDamaged) {
		t.Errorf("reading a record with a flipped byte gave %v, want ErrDamaged", err)
	}
}

func TestDocumentsAreFoundByTheirSource(t *testing.T) {
	s, _ := openStore(t)
	if err := s.PutDocument(testDocument("a")); err != nil {
		t.Fatal(err)
	}
	if id, err := s.DocumentIDBySource("/tmp/a.txt"); err != nil || id != "a" {
		t.Errorf("by source: %q %v", id, err)
	}
	if id, _ := s.DocumentIDBySource("/tmp/other.txt"); id != "" {
		t.Errorf("an unknown source found %q", id)
	}
}
