package library_test

import (
	"context"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// undo is one Undo that must succeed and say what it undid.
func undo(t *testing.T, lib *library.Library, want string) {
	t.Helper()
	what, err := lib.Undo()
	if err != nil || what != want {
		t.Fatalf("Undo: %q %v, want %q", what, err, want)
	}
}

// Deleting a note, restoring it from the trash, then pressing Ctrl+Z
// again and again steps back through each change, never sticking on one.
func TestUndoAfterRestoringFromTheTrashStepsBack(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	n, err := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindNote, Body: "why now?"})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteAnnotation(n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.RestoreAnnotation(n.ID); err != nil {
		t.Fatal(err)
	}
	inTrash := func() int { trash, _ := lib.Trash(doc.ID); return len(trash) }

	undo(t, lib, "the restore")
	if got := painted(t, lib, doc.ID); got != "" || inTrash() != 1 {
		t.Fatalf("after undoing the restore: %q, %d in the trash", got, inTrash())
	}
	undo(t, lib, "the deletion")
	if got := painted(t, lib, doc.ID); got != "note  «sanctions» why now?" || inTrash() != 0 {
		t.Fatalf("after undoing the deletion: %q, %d in the trash", got, inTrash())
	}
	undo(t, lib, "the new note")
	if got := painted(t, lib, doc.ID); got != "" || inTrash() != 1 {
		t.Fatalf("undoing a new note with words keeps them in the trash: %q, %d in the trash", got, inTrash())
	}
	undo(t, lib, "")
}

// Undoing a new plain highlight removes it: the reader did not delete it,
// so it does not wait in the trash.
func TestUndoingANewHighlightLeavesNothingInTheTrash(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	s, e := span(t, "sanctions", 1)
	if _, err := lib.Highlight(doc.ID, s, e, annotate.Yellow, library.Decide); err != nil {
		t.Fatal(err)
	}
	undo(t, lib, "the new highlight")
	if got := painted(t, lib, doc.ID); got != "" {
		t.Errorf("after Undo the passage shows %q", got)
	}
	if trash, _ := lib.Trash(""); len(trash) != 0 {
		t.Errorf("undoing a new highlight put %d in the trash", len(trash))
	}
}

// Restoring a highlight onto a passage highlighted again in the same
// colour since gives one highlight holding both notes and all tags; Undo
// puts both back as they were.
func TestRestoringAHighlightOntoItsTwinJoinsThem(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	s, e := span(t, "sanctions", 1)
	first, err := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Yellow, Start: s, End: e, Body: "first thought", Tags: []string{"trade"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteAnnotation(first.ID); err != nil {
		t.Fatal(err)
	}
	res, err := lib.Highlight(doc.ID, s, e, annotate.Yellow, library.Decide)
	if err != nil || res.Outcome != library.Created {
		t.Fatalf("highlighting again: %v %v", res.Outcome, err)
	}
	second := *res.Annotation
	second.Body, second.Tags = "second thought", []string{"policy"}
	if _, err := lib.UpdateAnnotation(second); err != nil {
		t.Fatal(err)
	}
	// The search index is built by a first search, as the window's is.
	if _, err := lib.Search(context.Background(), "sanctions", 10); err != nil {
		t.Fatal(err)
	}
	kept, err := lib.RestoreAnnotation(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := painted(t, lib, doc.ID), "highlight yellow «sanctions» first thought//second thought #trade #policy"; got != want {
		t.Fatalf("after restoring onto the new highlight:\n got %s\nwant %s", got, want)
	}
	if kept.ID != first.ID {
		t.Errorf("the kept highlight is %s, not the older %s", kept.ID, first.ID)
	}
	if trash, _ := lib.Trash(""); len(trash) != 0 {
		t.Errorf("the trash still holds %d", len(trash))
	}
	if hits, err := lib.Search(context.Background(), "sanctions", 10); err != nil || len(hits) != 1 || hits[0].ID != kept.ID {
		t.Errorf("search finds %+v, %v: want only the joined highlight", hits, err)
	}
	undo(t, lib, "the restore")
	if got, want := painted(t, lib, doc.ID), "highlight yellow «sanctions» second thought #policy"; got != want {
		t.Errorf("after Undo:\n got %s\nwant %s", got, want)
	}
	if trash, _ := lib.Trash(""); len(trash) != 1 || trash[0].ID != first.ID || trash[0].Body != "first thought" {
		t.Errorf("after Undo the trash holds %+v", trash)
	}
}

// A highlight of another colour on the passage is no twin: the restored
// one comes back beside it, as the reader could lay it with Separate.
func TestRestoringBesideAHighlightOfAnotherColourKeepsBoth(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	s, e := span(t, "sanctions", 1)
	first, _ := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Yellow, Start: s, End: e})
	if err := lib.DeleteAnnotation(first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Highlight(doc.ID, s, e, annotate.Green, library.Decide); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.RestoreAnnotation(first.ID); err != nil {
		t.Fatal(err)
	}
	if got := painted(t, lib, doc.ID); strings.Count(got, "highlight") != 2 {
		t.Errorf("after restoring beside a green highlight: %s", got)
	}
}

// The change that was last when Ctrl+Z was pressed is the one undone,
// even when a newer one was saved before the undo ran: the newer stays.
func TestUndoStepRevertsTheChangeMarkedNotANewerOne(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	if _, err := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindNote, Body: "first"}); err != nil {
		t.Fatal(err)
	}
	mark := lib.UndoMark()
	if _, err := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindNote, Body: "second"}); err != nil {
		t.Fatal(err)
	}
	what, newer, err := lib.UndoStep(mark)
	if err != nil || what != "the new note" || newer != 1 {
		t.Fatalf("UndoStep: %q, %d newer, %v; want the new note, 1 newer", what, newer, err)
	}
	if got := painted(t, lib, doc.ID); got != "note  «sanctions» second" {
		t.Fatalf("after undoing the first note: %q, want the second note alone", got)
	}
	if what, _, err := lib.UndoStep(mark); what != "" || err != nil {
		t.Fatalf("undoing the same change twice: %q %v, want nothing", what, err)
	}
	undo(t, lib, "the new note")
	if mark := lib.UndoMark(); mark != 0 {
		t.Fatalf("UndoMark with nothing left to undo: %d, want 0", mark)
	}
}

// Use as answer with a passage nobody highlighted makes a green
// highlight and closes the question: one action, so one Ctrl+Z reopens
// the question and removes the highlight together.
func TestOneUndoRevertsUseAsAnswerWhole(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	qs, qe := span(t, "sanctions", 1)
	q, err := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindQuestion, Start: qs, End: qe, Body: "Why now?"})
	if err != nil {
		t.Fatal(err)
	}
	s, e := span(t, "tariffs", 1)
	if _, err := lib.AnswerWithPassage(q.ID, doc.ID, s, e, "Because."); err != nil {
		t.Fatal(err)
	}
	undo(t, lib, "the answer")
	if got := painted(t, lib, doc.ID); got != "question  «sanctions» Why now?" {
		t.Fatalf("one Undo of Use as answer left the answer's highlight: %q", got)
	}
	back, err := lib.Annotation(q.ID)
	if err != nil || back.Status != annotate.StatusOpen || back.Answer != nil {
		t.Fatalf("one Undo of Use as answer left the question %+v %v, want it open", back, err)
	}
	undo(t, lib, "the new question")
}
