package store

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// TestAnnotationsOverAPassage: of a document's annotations, those whose
// passage overlaps the one asked about, whatever their record's form (an
// earlier version's JSON included); not those beside it, orphans, notes on
// the whole document or another document's.
func TestAnnotationsOverAPassage(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []string{"d1", "d2"} {
		d := &annotate.Document{ID: id, Title: id, Hash: "h" + id}
		d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "The delegation met the minister late at night."}})
		if err := s.PutDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now().UTC()
	on := func(id, doc string, start, end int, orphan bool) *annotate.Annotation {
		a := &annotate.Annotation{ID: id, DocID: doc, Kind: annotate.KindHighlight, Colour: annotate.Yellow, Orphan: orphan, Created: now, Modified: now}
		if start >= 0 {
			a.Anchor = &annotate.Anchor{Start: start, End: end, Exact: "x"}
		} else {
			a.Kind, a.Colour, a.Body = annotate.KindNote, "", "on the whole"
		}
		return a
	}
	anns := []*annotate.Annotation{
		on("a-before", "d1", 0, 10, false), // ends where the passage starts
		on("b-inside", "d1", 12, 14, false),
		on("c-across", "d1", 5, 11, false),
		on("d-after", "d1", 20, 30, false), // starts where it ends
		on("e-orphan", "d1", 10, 20, true),
		on("f-whole", "d1", -1, -1, false),
		on("g-other", "d2", 10, 20, false),
		on("h-covers", "d1", 0, 40, false),
		on("j-last", "d1", 19, 22, false), // overlaps its last character
	}
	if err := s.PutAnnotations(anns); err != nil {
		t.Fatal(err)
	}
	old := on("i-json", "d1", 15, 25, false)
	payload, _ := json.Marshal(old)
	rec := binary.BigEndian.AppendUint32(nil, crc(payload))
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketAnnotations).Put([]byte(old.ID), append(rec, payload...)); err != nil {
			return err
		}
		return index(tx, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.AnnotationsOver("d1", 10, 20)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if want := []string{"b-inside", "c-across", "h-covers", "i-json", "j-last"}; !slices.Equal(ids, want) {
		t.Errorf("over 10-20: %v, want %v", ids, want)
	}
}
