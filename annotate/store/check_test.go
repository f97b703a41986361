package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
	"scholia/annotate/store"
)

// flip changes one byte of marker in the file at path, as a failing disk
// would.
func flip(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte(marker))
	if i < 0 {
		t.Fatalf("%q not found in the file", marker)
	}
	raw[i+2] ^= 0x20
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// twoDocumentsAndANote fills a new library with documents a and b and
// the note n1 on a, saying body.
func twoDocumentsAndANote(t *testing.T, body string) (*store.Store, string) {
	t.Helper()
	s, path := openStore(t)
	for _, id := range []string{"a", "b"} {
		if err := s.PutDocument(testDocument(id)); err != nil {
			t.Fatal(err)
		}
	}
	anchor, _ := annotate.NewAnchor([]rune(testDocument("a").Text()), 0, 3)
	if err := s.PutAnnotation(&annotate.Annotation{ID: "n1", DocID: "a", Kind: annotate.KindNote, Colour: annotate.Yellow, Anchor: &anchor, Body: body}); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func TestCheckCountsASoundLibrary(t *testing.T) {
	s, path := twoDocumentsAndANote(t, "kept")
	txid := s.TxID()
	s.Close()
	r, err := store.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 || r.Documents != 2 || r.Annotations != 1 || r.TxID != txid {
		t.Errorf("report %+v, want a sound library of 2 documents and 1 annotation at transaction %d", r, txid)
	}
}

func TestCheckNamesTheRecordWithAFlippedByte(t *testing.T) {
	s, path := twoDocumentsAndANote(t, "a note worth a year")
	s.Close()
	flip(t, path, "a note worth a year")
	r, err := store.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "annotations/n1") {
		t.Fatalf("problems %q, want one naming annotations/n1", r.Problems)
	}
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if a, err := s.Annotation("n1"); err == nil {
		t.Errorf("reading the flipped record gave %q, want an error", a.Body)
	}
	if _, err := s.Document("b"); err != nil {
		t.Errorf("a sound record next to it cannot be read: %v", err)
	}
}

func TestCheckReportsFilesBboltRefuses(t *testing.T) {
	for name, content := range map[string][]byte{"empty": {}, "text": []byte("just words, not a library\n")} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			r, err := store.Check(path)
			if err != nil || len(r.Problems) == 0 {
				t.Errorf("report %+v, error %v; want the damage reported", r, err)
			}
		})
	}
}

func TestOpeningAnUnchangedLibraryWritesNothing(t *testing.T) {
	s, path := openStore(t)
	if err := s.PutDocument(testDocument("a")); err != nil {
		t.Fatal(err)
	}
	before := s.TxID()
	s.Close()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.TxID(); got != before {
		t.Errorf("opening moved the transaction id from %d to %d: every open would look like a change", before, got)
	}
}

// Compaction copies every record; that it shrinks a worked library is
// measured in cmd/scholia/cli (TestCompactShrinksTheFileAndKeepsEveryRecord).
func TestCompactKeepsEveryRecord(t *testing.T) {
	s, path := twoDocumentsAndANote(t, "kept through compaction")
	if err := s.ReviseDocument(testDocument("b"), nil, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want, err := store.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(filepath.Dir(path), "compacted.db")
	swapped := false
	if err := store.Compact(path, dst, func() error { swapped = true; return nil }); err != nil {
		t.Fatal(err)
	}
	r, err := store.Check(dst)
	if err != nil || len(r.Problems) > 0 || r.Counts != want.Counts || want.Total() != 4 || !swapped {
		t.Fatalf("compacted copy: %+v, %v, swap called %v; want %+v", r, err, swapped, want)
	}
	if err := store.Compact(path, dst, func() error { return nil }); err == nil {
		t.Error("compacting over an existing file did not fail")
	}
}

// rewrite changes the record of the annotation id in the closed library
// at path with change, then seals it again with a good checksum: what a
// faulty writer, not a failing disk, would leave.
func rewrite(t *testing.T, path, id string, change func(payload []byte) []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("annotations"))
		payload := change(append([]byte(nil), b.Get([]byte(id))[4:]...))
		rec := binary.BigEndian.AppendUint32(nil, crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
		return b.Put([]byte(id), append(rec, payload...))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A note whose record checksums but does not read as a note (bytes after
// its end, an orphan flag of 2) is named by the check, as a flipped byte
// is, and reading it says it is damaged.
func TestCheckNamesARecordThatDoesNotDecode(t *testing.T) {
	cases := map[string]func([]byte) []byte{
		"a byte after its end": func(p []byte) []byte { return append(p, 0) },
		"an orphan flag of 2":  func(p []byte) []byte { p[len(p)-1] = 2; return p },
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			s, path := twoDocumentsAndANote(t, "a note worth a year")
			s.Close()
			rewrite(t, path, "n1", change)
			r, err := store.Check(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "annotations/n1") {
				t.Fatalf("problems %q, want one naming annotations/n1", r.Problems)
			}
			s, err = store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if a, err := s.Annotation("n1"); !errors.Is(err, annotate.ErrDamaged) {
				t.Errorf("reading the record gave %+v, %v; want ErrDamaged", a, err)
			}
		})
	}
}

// A library without its annotations is damaged; one an older Scholia
// wrote before the trash or revisions existed is not (see
// TestAVersion1LibraryReadsBackExactly).
func TestCheckReportsAMissingAnnotationsBucket(t *testing.T) {
	s, path := twoDocumentsAndANote(t, "kept")
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("annotations")) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.Check(path)
	if err != nil || len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "annotations bucket is missing") {
		t.Errorf("report %+v, %v; want the annotations bucket missing", r, err)
	}
}

// A note an early Scholia stored as JSON reads back, so the check calls a
// library holding one sound; a JSON note that does not read is named.
func TestCheckReadsNotesStoredAsJSON(t *testing.T) {
	cases := []struct {
		name, payload string
		sound         bool
	}{
		{"a note as an early Scholia wrote it", `{"ID":"n1","DocID":"a","Kind":"note","Colour":"yellow","Body":"a note worth a year"}`, true},
		{"a note whose JSON is cut short", `{"ID":"n1","DocID":"a","Kind":"no`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, path := twoDocumentsAndANote(t, "a note worth a year")
			s.Close()
			rewrite(t, path, "n1", func([]byte) []byte { return []byte(c.payload) })
			r, err := store.Check(path)
			if err != nil {
				t.Fatal(err)
			}
			if c.sound && (len(r.Problems) != 0 || r.Annotations != 1) {
				t.Fatalf("report %+v; want a sound library with its 1 note", r)
			}
			if !c.sound && (len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "annotations/n1")) {
				t.Fatalf("problems %q, want one naming annotations/n1", r.Problems)
			}
		})
	}
}
