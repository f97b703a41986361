package library

import (
	"context"
	"errors"
	"testing"
	"time"

	"scholia/annotate"
)

// A restore that fails in the middle of its transaction (here: it joins
// the highlight it was restored onto, which another change sends to the
// trash before the restore commits) leaves nothing half done: both stay
// in the trash, nothing is live, the search index does not find the
// note, and no undo step is recorded.
func TestARestoreThatFailsMidwayLeavesNothingHalfDone(t *testing.T) {
	l, doc, first, again := twinInTrash(t)
	if err := l.PrepareSearch(); err != nil {
		t.Fatal(err)
	}
	restoreHook = func() {
		if err := l.deleteNow(again.ID); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { restoreHook = nil })
	mark := l.UndoMark()

	if _, err := l.RestoreAnnotation(first.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Fatalf("the restore joining a highlight trashed meanwhile returned %v, want that it is not found", err)
	}
	live, err := l.Annotations(doc)
	if err != nil || len(live) != 0 {
		t.Errorf("after the failed restore %d annotations are live (%v), want none: %+v", len(live), err, live)
	}
	trash, err := l.Trash(doc)
	if err != nil || len(trash) != 2 {
		t.Errorf("after the failed restore the trash holds %d annotations (%v), want both", len(trash), err)
	}
	if hits, err := l.Search(context.Background(), "first reading", 5); err != nil || len(hits) != 0 {
		t.Errorf("the search index finds the note the failed restore left in the trash: %+v, %v", hits, err)
	}
	if got := l.UndoMark(); got != mark {
		t.Errorf("the failed restore recorded an undo step (mark %d, was %d)", got, mark)
	}
}

// Changes take turns: a highlight deleted from another goroutine while a
// restore is joining it waits for the restore, which joins it whole; the
// deletion then finds it joined. Without the turns, the restore would
// fail on the highlight trashed under it.
func TestADeletionWaitsForARestoreJoiningIt(t *testing.T) {
	l, doc, first, again := twinInTrash(t)
	deleted := make(chan error, 1)
	restoreHook = func() {
		go func() { deleted <- l.DeleteAnnotation(again.ID) }()
		// Give the deletion the time to go through if nothing holds it
		// back: it must not, before the restore commits.
		select {
		case err := <-deleted:
			deleted <- err
		case <-time.After(time.Second):
		}
	}
	t.Cleanup(func() { restoreHook = nil })

	kept, err := l.RestoreAnnotation(first.ID)
	if err != nil {
		t.Fatalf("the restore failed on a deletion made while it ran: %v", err)
	}
	if err := <-deleted; !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("deleting the highlight the restore joined returned %v, want that it is not found", err)
	}
	live, err := l.Annotations(doc)
	if err != nil || len(live) != 1 || live[0].ID != kept.ID || live[0].Body != "first reading" {
		t.Errorf("after the restore and the deletion the document holds %+v (%v), want the joined highlight", live, err)
	}
}

// twinInTrash is a library whose trash holds a highlight with a note,
// first, while the same passage is highlighted again in its colour.
func twinInTrash(t *testing.T) (l *Library, doc string, first, again *annotate.Annotation) {
	t.Helper()
	l, doc = openForUndo(t)
	first, err := l.AnnotateQuote(doc, "The envoy arrived late.", 1, Draft{Kind: annotate.KindHighlight, Colour: annotate.Yellow, Body: "first reading"})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteAnnotation(first.ID); err != nil {
		t.Fatal(err)
	}
	res, err := l.Highlight(doc, first.Anchor.Start, first.Anchor.End, annotate.Yellow, Decide)
	if err != nil || res.Outcome != Created {
		t.Fatalf("highlighting the passage again: %+v, %v", res, err)
	}
	return l, doc, first, res.Annotation
}
