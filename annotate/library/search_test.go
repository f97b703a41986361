package library_test

import (
	"context"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

func TestSearchFollowsEveryChange(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	find := func(q string) []library.Hit {
		t.Helper()
		hits, err := lib.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	if hits := find("summit memo"); len(hits) != 1 || !hits[0].Document || hits[0].ID != doc.ID {
		t.Fatalf("the document itself: %+v", hits)
	}
	a, _ := lib.AnnotateQuote(doc.ID, "disagreed on tariffs", 1, library.Draft{Kind: annotate.KindNote, Body: "retaliation risk", Tags: []string{"trade"}})
	hits := find("retaliaton tarifs")
	if len(hits) != 1 || hits[0].ID != a.ID || hits[0].Quote != "disagreed on tariffs" || hits[0].Title != "Summit Memo" {
		t.Fatalf("after annotating: %+v", hits)
	}
	if b := hits[0].BodyBold; len(b) == 0 || hits[0].Body[b[0]] != 'r' {
		t.Errorf("bold offsets %v in %q", b, hits[0].Body)
	}
	edited := *a
	edited.Body = "escalation"
	if _, err := lib.UpdateAnnotation(edited); err != nil {
		t.Fatal(err)
	}
	if hits := find("retaliation"); len(hits) != 0 {
		t.Errorf("the old note is still found: %+v", hits)
	}
	if hits := find("escalation"); len(hits) != 1 {
		t.Errorf("the edited note is not found: %+v", hits)
	}
	if err := lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if hits := find("tag:trade"); len(hits) != 0 {
		t.Errorf("a deleted note is found: %+v", hits)
	}
	if _, err := lib.Undo(); err != nil {
		t.Fatal(err)
	}
	if hits := find("tag:trade"); len(hits) != 1 {
		t.Errorf("an undone deletion is not found again: %+v", hits)
	}
	other, _ := lib.ImportBytes("o.txt", "/o.txt", []byte("Tariff Schedules\n\nText.\n"))
	if hits := find("tarif schedu"); len(hits) != 1 || hits[0].ID != other.Document.ID {
		t.Errorf("a newly imported document: %+v", hits)
	}
}
