package library_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

func TestChangedSourceBecomesARevisionAndNotesFollow(t *testing.T) {
	lib, path := openLibrary(t)
	file := filepath.Join(t.TempDir(), "statement.txt")
	v1 := "Joint Statement\n\nBoth delegations reaffirmed their commitment, in principle, to a negotiated settlement.\n\nFurther consultations will take place at the technical level.\n"
	if err := os.WriteFile(file, []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := first.Document
	kept, _ := lib.AnnotateQuote(doc.ID, "in principle, to a negotiated settlement", 1, library.Draft{Kind: annotate.KindNote, Body: "the qualifier"})
	lost, _ := lib.AnnotateQuote(doc.ID, "Further consultations will take place at the technical level.", 1, library.Draft{Kind: annotate.KindQuestion, Body: "when?"})

	v2 := "Joint Statement (revised)\n\nAfter long talks, both delegations reaffirmed their commitment, in principle, to a negotiated settlement.\n\nNo further meetings are planned.\n"
	if err := os.WriteFile(file, []byte(v2), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Revised || second.Document.ID != doc.ID || second.Placed != 1 || second.Orphans != 1 {
		t.Fatalf("second import %+v", second)
	}
	docs, _ := lib.Documents()
	if len(docs) != 1 {
		t.Errorf("%d documents, want the one document revised", len(docs))
	}
	lib.Close()
	lib, err = library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	now, _ := lib.Document(doc.ID)
	text := []rune(now.Text())
	a, _ := lib.Annotation(kept.ID)
	if a.Orphan || string(text[a.Anchor.Start:a.Anchor.End]) != "in principle, to a negotiated settlement" {
		t.Errorf("the kept note is %+v", a)
	}
	b, _ := lib.Annotation(lost.ID)
	if !b.Orphan || b.Anchor.Exact != "Further consultations will take place at the technical level." || b.Body != "when?" {
		t.Errorf("the orphan is %+v", b)
	}
	revs, _ := lib.Revisions(doc.ID)
	if len(revs) != 1 || !strings.Contains(revs[0].Text(), "Further consultations") || now.Revision != 2 {
		t.Errorf("revisions %d, revision number %d", len(revs), now.Revision)
	}
	s := strings.Index(now.Text(), "No further meetings")
	start := len([]rune(now.Text()[:s]))
	placed, err := lib.PlaceAnnotation(lost.ID, start, start+len("No further meetings are planned."))
	if err != nil || placed.Orphan || placed.Anchor.Exact != "No further meetings are planned." {
		t.Errorf("placing the orphan: %+v %v", placed, err)
	}
}

func TestRestoringFromTheTrashAfterARevisionPlacesAgain(t *testing.T) {
	lib, _ := openLibrary(t)
	file := filepath.Join(t.TempDir(), "memo.txt")
	if err := os.WriteFile(file, []byte("Memo\n\nThe envoy arrived late. The talks began at noon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, _ := lib.Import(file)
	a, _ := lib.AnnotateQuote(res.Document.ID, "The talks began at noon.", 1, library.Draft{})
	if err := lib.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("Memo\n\nA long new opening sentence was added here. The envoy arrived late. The talks began at noon.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(file); err != nil {
		t.Fatal(err)
	}
	back, err := lib.RestoreAnnotation(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := lib.Document(res.Document.ID)
	if back.Orphan || string([]rune(doc.Text())[back.Anchor.Start:back.Anchor.End]) != "The talks began at noon." {
		t.Errorf("restored %+v reads %q", back.Anchor, string([]rune(doc.Text())[back.Anchor.Start:back.Anchor.End]))
	}
}
