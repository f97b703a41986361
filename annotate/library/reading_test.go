package library_test

import (
	"strings"
	"testing"
	"time"

	"scholia/annotate/library"
)

func TestReadingPositionAndLastOpenedSurviveReopening(t *testing.T) {
	lib, path := openLibrary(t)
	a, _ := lib.ImportBytes("a.txt", "/a.txt", []byte("Alpha\n\nText.\n"))
	b, _ := lib.ImportBytes("b.txt", "/b.txt", []byte("Beta\n\nText.\n"))
	if id, _ := lib.LastOpened(); id != "" {
		t.Errorf("a new library has a last opened document %q", id)
	}
	if err := lib.MarkRead(b.Document.ID, 7); err != nil {
		t.Fatal(err)
	}
	if err := lib.MarkRead(a.Document.ID, 3); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if id, _ := lib.LastOpened(); id != a.Document.ID {
		t.Errorf("last opened %q, want %q", id, a.Document.ID)
	}
	if pos, _ := lib.ReadingPosition(b.Document.ID); pos != 7 {
		t.Errorf("position %d, want 7", pos)
	}
	if err := lib.MarkRead("no-such-document", 1); err == nil {
		t.Error("reading position saved for a document that does not exist")
	}
}

func TestFilterAndOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	docs := []library.Summary{
		{LastOpened: day(2)},
		{LastOpened: day(9)},
		{},
	}
	docs[0].ID, docs[0].Title, docs[0].Imported = "1", "zeta sanctions", day(5)
	docs[1].ID, docs[1].Title, docs[1].Imported = "2", "Alpha treaty", day(1)
	docs[2].ID, docs[2].Title, docs[2].Imported = "3", "mid ceasefire", day(8)
	order := func(s []library.Summary) string {
		var ids []string
		for _, d := range s {
			ids = append(ids, d.ID)
		}
		return strings.Join(ids, ",")
	}
	for o, want := range map[library.Order]string{library.ByLastOpened: "2,1,3", library.ByTitle: "2,3,1", library.ByImported: "3,1,2"} {
		if got := order(library.Filter(docs, "", o)); got != want {
			t.Errorf("%s: %s, want %s", o, got, want)
		}
	}
	if got := order(library.Filter(docs, "cesfire", library.ByTitle)); got != "3" {
		t.Errorf("fuzzy filter: %s", got)
	}
}
