package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"scholia/annotate/library"
)

// Clicking a document in a list sorted by last opened opens it where it
// stands: nothing moves under the pointer, so the next click opens what
// it is on. An import sorts the list anew, the new document in its place.
func TestOpeningADocumentMovesNothingInTheLibraryList(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{
		"s.txt": jointStatement, "r.txt": analystReply, "w.txt": "Working Paper\n\nA third paper on the talks.\n"})
	m.library.list.SetOrder("last opened")
	for _, title := range []string{"Working Paper", "Analyst Reply", "Joint Statement"} {
		openTitled(t, m, title)
	}
	before := m.library.list.Titles()
	last := before[len(before)-1]
	openTitled(t, m, last)
	if got := m.library.list.Titles(); !slices.Equal(got, before) {
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
	var want []string
	for _, d := range library.Filter(m.library.list.all, "", library.Order("last opened")) {
		want = append(want, d.Title)
	}
	if got := m.library.list.Titles(); len(got) != 4 || !slices.Equal(got, want) {
		t.Errorf("after an import the list reads %q, want it sorted anew: %q", got, want)
	}
}
