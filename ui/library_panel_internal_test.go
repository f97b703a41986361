package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Clicking a document in a list sorted by last opened opens it where it
// stands: nothing moves under the pointer, so the next click opens what
// it is on. A newly imported document takes its place in the order,
// the others keeping theirs.
func TestOpeningADocumentMovesNothingInTheLibraryList(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{
		"s.txt": jointStatement, "r.txt": analystReply, "w.txt": "Working Paper\n\nA third paper on the talks.\n"})
	m.list.SetOrder("last opened")
	for _, title := range []string{"Working Paper", "Analyst Reply", "Joint Statement"} {
		openTitled(t, m, title)
	}
	before := m.list.Titles()
	last := before[len(before)-1]
	openTitled(t, m, last)
	if got := m.list.Titles(); !slices.Equal(got, before) {
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
	got := m.list.Titles()
	if others := slices.DeleteFunc(slices.Clone(got), func(s string) bool { return s == "New Brief" }); len(got) != 4 || !slices.Equal(others, before) {
		t.Errorf("after an import the list reads %q, want New Brief among %q as they were", got, before)
	}
}
