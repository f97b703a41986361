package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate"
)

// Reading the annotations in batches gives every live one once, in
// creation order, whatever the batch size, a deleted one not at all, and
// stops at fn's first error.
func TestEachAnnotationGivesEveryAnnotationOnce(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := &annotate.Document{ID: "d1", Title: "Memo", Hash: "h1", Format: "text"}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "Memo"}})
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
	var batch []*annotate.Annotation
	for i := 0; i < 10; i++ {
		batch = append(batch, &annotate.Annotation{ID: fmt.Sprintf("a%02d", i), DocID: "d1", Kind: annotate.KindNote, Body: fmt.Sprint("note ", i)})
	}
	if err := s.PutAnnotations(batch); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnotation("a04", time.Now()); err != nil {
		t.Fatal(err)
	}
	want := "a00 a01 a02 a03 a05 a06 a07 a08 a09 "
	for _, size := range []int{1, 3, 9, 10, 100} {
		got := ""
		if err := s.EachAnnotation(size, func(a *annotate.Annotation) error {
			got += a.ID + " "
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("batches of %d give %q, want %q", size, got, want)
		}
	}
	stop := fmt.Errorf("enough")
	n := 0
	if err := s.EachAnnotation(3, func(*annotate.Annotation) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("fn's error: EachAnnotation returned %v after %d calls", err, n)
	}
}
