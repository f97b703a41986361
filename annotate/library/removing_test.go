package library_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

const minutes = "Council Minutes\n\nThe council debated the harbour levy at length.\n\nA vote on the levy was deferred.\n"

// twoAnnotatedDocuments is a library holding the memo, with a note, a
// tagged question and a deleted note, and the minutes, with a note.
func twoAnnotatedDocuments(t *testing.T) (*library.Library, string, *annotate.Document, *annotate.Document) {
	t.Helper()
	lib, path := openLibrary(t)
	memoDoc := importMemo(t, lib)
	res, err := lib.ImportBytes("minutes.txt", "/minutes.txt", []byte(minutes))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		doc   string
		quote string
		draft library.Draft
	}{
		{memoDoc.ID, "ministers agreed", library.Draft{Kind: annotate.KindNote, Body: "zanzibar accord"}},
		{memoDoc.ID, "tariffs", library.Draft{Kind: annotate.KindQuestion, Body: "which tariffs?", Tags: []string{"trade"}}},
		{res.Document.ID, "harbour levy", library.Draft{Kind: annotate.KindNote, Body: "levy history"}},
	} {
		if _, err := lib.AnnotateQuote(d.doc, d.quote, 1, d.draft); err != nil {
			t.Fatal(err)
		}
	}
	gone, err := lib.AnnotateQuote(memoDoc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindNote, Body: "deleted zanzibar note"})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteAnnotation(gone.ID); err != nil {
		t.Fatal(err)
	}
	return lib, path, memoDoc, res.Document
}

// shown is what the library shows of itself: its documents, every
// annotation, the trash, the questions, the tags, what a search finds and
// what an export of everything holds.
type shown struct {
	Docs      []library.Summary
	Anns      []annotate.Annotation
	Trash     []library.Deleted
	Questions []library.Question
	Tags      []string
	Found     []string
	Export    string
}

func show(t *testing.T, lib *library.Library) shown {
	t.Helper()
	var s shown
	var err error
	if s.Docs, err = lib.Documents(); err != nil {
		t.Fatal(err)
	}
	if s.Anns, err = lib.AllAnnotations(); err != nil {
		t.Fatal(err)
	}
	if s.Trash, err = lib.Trash(""); err != nil {
		t.Fatal(err)
	}
	if s.Questions, err = lib.OpenQuestions(); err != nil {
		t.Fatal(err)
	}
	if s.Tags, err = lib.Tags(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"zanzibar", "summit", "levy", "tariffs"} {
		hits, err := lib.Search(context.Background(), q, 50)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			s.Found = append(s.Found, q+": "+h.ID)
		}
	}
	s.Export = exportString(t, lib, interop.Markdown, nil)
	return s
}

func TestARemovedDocumentIsNotListedSearchedOrExportedAndUndoBringsAllOfItBack(t *testing.T) {
	lib, _, memoDoc, minutesDoc := twoAnnotatedDocuments(t)
	before := show(t, lib)
	if !strings.Contains(before.Export, "zanzibar") || len(before.Trash) != 1 || len(before.Questions) != 1 {
		t.Fatalf("the library before the removal: %+v", before)
	}
	removed, err := lib.RemoveDocument(memoDoc.ID)
	if err != nil || removed.Title != "Summit Memo" {
		t.Fatalf("RemoveDocument: %v, %v", removed, err)
	}
	after := show(t, lib)
	if len(after.Docs) != 1 || after.Docs[0].ID != minutesDoc.ID {
		t.Errorf("the library lists %v after the removal", after.Docs)
	}
	for _, a := range after.Anns {
		if a.DocID == memoDoc.ID {
			t.Errorf("the removed document's annotation %q is still listed", a.Body)
		}
	}
	if len(after.Trash) != 0 || len(after.Questions) != 0 || strings.Contains(strings.Join(after.Tags, ","), "trade") {
		t.Errorf("the removed document's deleted note, question or tag is still shown: %+v", after)
	}
	for _, f := range after.Found {
		if !strings.HasPrefix(f, "levy: ") {
			t.Errorf("a search still finds the removed document's %s", f)
		}
	}
	if strings.Contains(after.Export, "zanzibar") || strings.Contains(after.Export, "Summit Memo") || !strings.Contains(after.Export, "levy history") {
		t.Errorf("the export after the removal:\n%s", after.Export)
	}
	trash, err := lib.RemovedDocuments()
	if err != nil || len(trash) != 1 || trash[0].Document.ID != memoDoc.ID || trash[0].Annotations != 2 || trash[0].Trashed != 1 {
		t.Fatalf("the trash holds %+v, %v", trash, err)
	}

	what, err := lib.Undo()
	if err != nil || what != "the removal of “Summit Memo”" {
		t.Fatalf("Undo: %q, %v", what, err)
	}
	if back := show(t, lib); !reflect.DeepEqual(back, before) {
		t.Errorf("after Undo the library shows\n%+v\nwant\n%+v", back, before)
	}
	if trash, _ := lib.RemovedDocuments(); len(trash) != 0 {
		t.Errorf("the trash still holds %v after the undo", trash)
	}
}

func TestARemovalSurvivesReopeningWithTheKeptSearchIndex(t *testing.T) {
	lib, path, memoDoc, _ := twoAnnotatedDocuments(t)
	if err := lib.PrepareSearch(); err != nil { // keeps the index in the file
		t.Fatal(err)
	}
	if _, err := lib.RemoveDocument(memoDoc.ID); err != nil {
		t.Fatal(err)
	}
	again := reopen(t, lib, path)
	for _, q := range []string{"zanzibar", "summit"} {
		hits, err := again.Search(context.Background(), q, 10)
		if err != nil || len(hits) != 0 {
			t.Errorf("after reopening, a search for %q finds %d hits of the removed document (%v)", q, len(hits), err)
		}
	}
	back, err := again.RestoreDocument(memoDoc.ID)
	if err != nil || back.Title != "Summit Memo" {
		t.Fatalf("RestoreDocument: %v, %v", back, err)
	}
	if hits, _ := again.Search(context.Background(), "zanzibar", 10); len(hits) != 1 {
		t.Errorf("after the restore a search for zanzibar finds %d hits, want the note", len(hits))
	}
}

func TestImportingARemovedDocumentAgainBringsItBackWithItsNotes(t *testing.T) {
	lib, _, memoDoc, _ := twoAnnotatedDocuments(t)
	if _, err := lib.RemoveDocument(memoDoc.ID); err != nil {
		t.Fatal(err)
	}
	res, err := lib.ImportBytes("memo.txt", "/elsewhere/memo.txt", []byte(memo))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Restored || !res.Existing || res.Document.ID != memoDoc.ID {
		t.Errorf("importing the removed bytes again: %+v; want the document back from the trash", res)
	}
	if docs, _ := lib.Documents(); len(docs) != 2 {
		t.Errorf("%d documents after the import, want the two", len(docs))
	}
	if anns, _ := lib.Annotations(memoDoc.ID); len(anns) != 2 {
		t.Errorf("the document came back with %d annotations, want 2", len(anns))
	}
	if trash, _ := lib.RemovedDocuments(); len(trash) != 0 {
		t.Errorf("the trash still holds %v", trash)
	}
}

func TestAPurgedDocumentIsGoneForGood(t *testing.T) {
	lib, _, memoDoc, _ := twoAnnotatedDocuments(t)
	if _, err := lib.RemoveDocument(memoDoc.ID); err != nil {
		t.Fatal(err)
	}
	if err := lib.PurgeDocument(memoDoc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Undo(); !errors.Is(err, library.ErrCannotUndo) {
		t.Errorf("undoing the removal of a purged document: %v, want ErrCannotUndo", err)
	}
	if _, err := lib.RestoreDocument(memoDoc.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("restoring a purged document: %v, want ErrNotFound", err)
	}
	res, err := lib.ImportBytes("memo.txt", "/memo.txt", []byte(memo))
	if err != nil || res.Restored || res.Existing || res.Document.ID == memoDoc.ID {
		t.Fatalf("importing a purged document's bytes: %+v, %v; want a new document", res, err)
	}
	if anns, _ := lib.Annotations(res.Document.ID); len(anns) != 0 {
		t.Errorf("the new document has %d annotations, want none", len(anns))
	}
}

func TestFindRemovedNamesDocumentsInTheTrashOnly(t *testing.T) {
	lib, _, memoDoc, _ := twoAnnotatedDocuments(t)
	if _, err := lib.FindRemoved("summit"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("FindRemoved of a live document: %v, want ErrNotFound", err)
	}
	if _, err := lib.RemoveDocument(memoDoc.ID); err != nil {
		t.Fatal(err)
	}
	r, err := lib.FindRemoved("summit")
	if err != nil || r.Document.ID != memoDoc.ID {
		t.Errorf("FindRemoved(summit) = %v, %v", r, err)
	}
	if _, err := lib.Find("summit"); !errors.Is(err, annotate.ErrNotFound) || !strings.Contains(err.Error(), "“Summit Memo” is in the trash") {
		t.Errorf("Find of a removed document: %v, want ErrNotFound saying it is in the trash", err)
	}
}
