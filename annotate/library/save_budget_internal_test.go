package library

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/cputime"
	"scholia/annotate/search/synthetic"
)

// TestSaveOnBookCostsLittle: with a book of 150,000 real words open in a
// library of 20,000 annotations, a note saved on it and the Ctrl+Z that
// takes it back each use a few milliseconds of processor time, however
// big the book and the library: neither reads the whole book nor every
// annotation (issue 14: a save read, decoded and converted the whole
// book, 14 ms a save; an undo read every annotation of the library).
func TestSaveOnBookCostsLittle(t *testing.T) {
	if cputime.Used() == 0 {
		t.Skip("skipped: this system does not report processor time")
	}
	gen, err := synthetic.FromBooks(7, corpus.Path(t, "text"))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	anns, titles := gen.Annotations(20_000)
	putGenerated(t, lib, anns, titles)
	res, err := lib.ImportBytes("joined.txt", "/books/joined.txt", []byte(corpus.JoinedBooks(t, 150_000)))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lib.Document(res.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune(doc.Text())
	var saves, undos []time.Duration
	for i := 0; i < 15; i++ {
		s, e := spread(i, doc.Len())
		c0 := cputime.Used()
		a, err := lib.Annotate(doc.ID, Draft{Kind: annotate.KindNote, Start: s, End: e, Body: fmt.Sprint("note ", i), Tags: []string{"budget"}})
		c1 := cputime.Used()
		if err != nil || a.Anchor.Exact != string(text[s:e]) {
			t.Fatalf("save %d: %+v %v", i, a, err)
		}
		if what, err := lib.Undo(); err != nil || what != "the new note" {
			t.Fatalf("undo %d: %q %v", i, what, err)
		}
		saves, undos = append(saves, c1-c0), append(undos, cputime.Used()-c1)
	}
	const budget = 4 * time.Millisecond
	for name, times := range map[string][]time.Duration{"a save": saves, "an undo": undos} {
		slices.Sort(times)
		m := times[len(times)/2]
		t.Logf("%s: %v of processor time (median)", name, m)
		if m > budget {
			t.Errorf("%s on the book takes %v of processor time (median of %d), want at most %v", name, m, len(times), budget)
		}
	}
	if trash, _ := lib.Trash(doc.ID); len(trash) != 15 || !strings.HasPrefix(trash[0].Body, "note ") {
		t.Errorf("the trash holds %d notes, want the 15 undone", len(trash))
	}
}
