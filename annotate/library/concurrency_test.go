package library_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/library"
	"scholia/annotate/store"
)

// Saves, reads, searches and backups at once, as the window does them:
// saves on the UI goroutine, searches from the palette's, automatic
// backups from the keeper's, the reading panel reading. Run under -race by
// make test. Every save is found afterwards, by reading and by search, and
// every backup checks clean.
func TestSavesReadsSearchesAndBackupsAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := library.OpenVerified(path, store.Check)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	res, err := lib.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nThe envoys met in Geneva and agreed to keep talking about the border.\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document.ID
	if err := lib.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	const saves = 150
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	background := func(work func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := work(); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	background(func() error { _, err := lib.Search(context.Background(), "geneva envoys", 50); return err })
	background(func() error { _, err := lib.AllAnnotations(); return err })
	background(func() error { _, err := lib.Annotations(doc); return err })
	background(func() error { _, _, err := lib.Backup(""); return err })

	var ids []string
	for i := range saves {
		a, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 4, End: 10, Body: fmt.Sprintf("geneva envoys %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	all, err := lib.AllAnnotations()
	if err != nil || len(all) != saves {
		t.Fatalf("%d annotations after %d saves (%v)", len(all), saves, err)
	}
	hits, err := lib.Search(context.Background(), "geneva envoys", saves+10)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, h := range hits {
		found[h.ID] = true
	}
	for _, id := range ids {
		if !found[id] {
			t.Errorf("note %s saved during the searches is not found by search", id)
		}
	}
	list, err := backup.List(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("no backups listed (%v)", err)
	}
	for _, b := range list {
		if r, err := store.Check(b.Path); err != nil || len(r.Problems) > 0 || r.Counts != b.Counts {
			t.Errorf("backup %s taken during saves: %+v %v, manifest %+v", b.Path, r, err, b.Counts)
		}
	}
}

// The window saves edits made in its panel off the UI goroutine while it
// makes new notes on it, and Ctrl+Z may come at any time: run under -race
// by make test. Every edit and every note is kept, and Undo reverts
// changes one at a time.
func TestEditsSavedWhileNotesAreMadeAndUndone(t *testing.T) {
	lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	res, err := lib.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nThe envoys met in Geneva and agreed to keep talking about the border.\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document.ID
	edited, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 4, End: 10, Body: "first"})
	if err != nil {
		t.Fatal(err)
	}
	const n, undos = 60, 6
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range n {
			a := *edited
			a.Body = fmt.Sprintf("edit %d", i)
			if _, err := lib.UpdateAnnotation(a); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := range n {
		if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 14, End: 20, Body: fmt.Sprintf("note %d", i)}); err != nil {
			t.Fatal(err)
		}
		if i%(n/undos) == 0 {
			if _, err := lib.Undo(); err != nil {
				t.Fatal(err)
			}
		}
	}
	wg.Wait()
	got, err := lib.Annotation(edited.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body == "first" {
		t.Errorf("none of the edits saved alongside the notes is kept")
	}
	anns, err := lib.Annotations(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) < 1+n-undos {
		t.Errorf("%d annotations after the edited one, %d notes and %d undos", len(anns), n, undos)
	}
}
