package library_test

import (
	"context"
	"os"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// A citation's title renames its document, in the search index kept in
// the file too: a process opening the library later finds the document's
// notes under the new title; the reset gives back the import's title.
func TestACitationsTitleRenamesTheDocumentInTheKeptIndex(t *testing.T) {
	lib, path := openLibrary(t)
	res, err := lib.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nThe envoys met in Geneva and agreed to keep talking about the border.\n"))
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document.ID
	if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Start: 10, End: 30, Body: "Who met?"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Search(context.Background(), "met", 10); err != nil { // builds and keeps the index
		t.Fatal(err)
	}
	renamed, err := lib.SetReference(doc, &annotate.Reference{Title: "Border Talks in Geneva", Authors: []string{"Ann Lee"}})
	if err != nil || renamed.Title != "Border Talks in Geneva" || renamed.ImportedTitle != "Talks" {
		t.Fatalf("renamed %+v, %v", renamed, err)
	}
	again := reopen(t, lib, path)
	hits, err := again.Search(context.Background(), "who met", 10)
	if err != nil || len(hits) != 1 || hits[0].Title != "Border Talks in Geneva" {
		t.Fatalf("after reopening: %+v, %v; want the note under the new title", hits, err)
	}
	docs, _ := again.Documents()
	if len(docs) != 1 || docs[0].Title != "Border Talks in Geneva" {
		t.Fatalf("listed %+v", docs)
	}
	back, err := again.SetReference(doc, nil)
	if err != nil || back.Title != "Talks" || back.ImportedTitle != "" {
		t.Fatalf("after the reset %+v, %v; want the imported title back", back, err)
	}
	if hits, _ := again.Search(context.Background(), "who met", 10); len(hits) != 1 || hits[0].Title != "Talks" {
		t.Fatalf("after the reset the note is found under %+v", hits)
	}
}

// A changed source imported again keeps the reader's citation details and
// the title they gave; a document not renamed takes the new text's title.
func TestARevisionKeepsTheCitationAndItsTitle(t *testing.T) {
	lib, _ := openLibrary(t)
	file := writeFile(t, "statement.txt", []byte("Joint Statement\n\nBoth delegations met.\n"))
	first, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	ref := &annotate.Reference{Title: "The Geneva Statement", Publisher: "Foreign Ministry"}
	if _, err := lib.SetReference(first.Document.ID, ref); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("Joint Statement (revised)\n\nBoth delegations met again.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := lib.Import(file)
	if err != nil || !second.Revised {
		t.Fatalf("second import %+v, %v", second, err)
	}
	d, err := lib.Document(first.Document.ID)
	if err != nil || d.Title != "The Geneva Statement" || d.Reference == nil || d.Reference.Publisher != "Foreign Ministry" || d.ImportedTitle != "Joint Statement (revised)" {
		t.Fatalf("after the revision %q (imported %q), reference %+v, %v", d.Title, d.ImportedTitle, d.Reference, err)
	}
	back, err := lib.SetReference(d.ID, nil)
	if err != nil || back.Title != "Joint Statement (revised)" {
		t.Fatalf("reset after the revision: %+v, %v; want the new text's title", back, err)
	}
}
