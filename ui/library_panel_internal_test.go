package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"scholia/annotate/library"
)

// Opening a document in a list sorted by last opened, by a click or
// anything else, moves nothing under the pointer, so the next click opens
// what it is on; nor does reading the list again after an import, the new
// document standing where the order puts it. The order applies to all
// again the next time the list is sorted or filtered.
func TestOpeningADocumentMovesNothingInTheLibraryList(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{
		"s.txt": jointStatement, "r.txt": analystReply, "w.txt": "Working Paper\n\nA third paper on the talks.\n"})
	m.library.list.SetOrder("last opened")
	for _, title := range []string{"Working Paper", "Analyst Reply", "Joint Statement"} {
		openTitled(t, m, title)
	}
	before := titlesIn(m.library.list)
	last := before[len(before)-1]
	openTitled(t, m, last)
	if got := titlesIn(m.library.list); !slices.Equal(got, before) {
		t.Fatalf("opening %q reordered the list from %q to %q", last, before, got)
	}

	p := filepath.Join(t.TempDir(), "n.txt")
	if err := os.WriteFile(p, []byte("New Brief\n\nJust imported.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Import(p); err != nil {
		t.Fatal(err)
	}
	m.Reload()
	m.waitIdle()
	if got, want := titlesIn(m.library.list), append(slices.Clone(before), "New Brief"); !slices.Equal(got, want) {
		t.Errorf("after an import the list reads %q, want %q", got, want)
	}
	for _, d := range m.library.list.all {
		if d.Title == "New Brief" {
			m.OpenDocument(d.ID) // as a search result opens it
		}
	}
	m.waitIdle()
	if m.reader.Document().Title != "New Brief" {
		t.Fatalf("opened %q", m.reader.Document().Title)
	}
	if got, want := titlesIn(m.library.list), append(slices.Clone(before), "New Brief"); !slices.Equal(got, want) {
		t.Errorf("opening a document from outside the list reordered it to %q, want %q", got, want)
	}
	m.library.list.filter.SetText("a")
	m.library.list.filter.SetText("")
	var want []string
	for _, d := range library.Filter(m.library.list.all, "", library.Order("last opened")) {
		want = append(want, d.Title)
	}
	if got := titlesIn(m.library.list); !slices.Equal(got, want) || got[0] != m.reader.Document().Title {
		t.Errorf("filtered again, the list reads %q, want it sorted by last opened: %q", got, want)
	}
}
