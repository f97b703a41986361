package library

import (
	"path/filepath"
	"testing"

	"scholia/annotate"
)

// TestAnchorFromBlocksIsTheWholeTextsAnchor: an anchor cut from the
// blocks around a passage is the one made on the whole text, for passages
// starting and ending anywhere, in blocks of accented and non-Latin text,
// in the blank lines between them and at both ends.
func TestAnchorFromBlocksIsTheWholeTextsAnchor(t *testing.T) {
	doc := &annotate.Document{ID: "d"}
	doc.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockTitle, Text: "Über die Grenzen"},
		{Kind: annotate.BlockParagraph, Text: "Die Delegation traf den Minister; «les pourparlers» durèrent."},
		{Kind: annotate.BlockParagraph, Text: "短い段落。"},
		{Kind: annotate.BlockParagraph, Text: "x"},
		{Kind: annotate.BlockParagraph, Text: "Verse one\nverse two — and the end, with 🙂 in it."},
	})
	text := []rune(doc.Text())
	for s := 0; s < len(text); s++ {
		for e := s + 1; e <= len(text); e++ {
			want, _ := annotate.NewAnchor(text, s, e)
			got, err := anchorIn(doc, s, e)
			if err != nil || got != want {
				t.Fatalf("passage %d-%d: %+v %v, want %+v", s, e, got, err, want)
			}
		}
	}
	for _, r := range [][2]int{{-1, 3}, {3, 3}, {0, len(text) + 1}} {
		if _, err := anchorIn(doc, r[0], r[1]); err == nil {
			t.Errorf("passage %d-%d: no error", r[0], r[1])
		}
	}
}

// TestSaveAfterNewTextAnchorsOnIt: a document opened, then imported again
// with another text (a new revision), is annotated on the new text, not
// on the text the library kept of it.
func TestSaveAfterNewTextAnchorsOnIt(t *testing.T) {
	lib, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	res, err := lib.ImportBytes("a.txt", "/src/a.txt", []byte("Talks\n\nThe delegation met the minister at noon.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Document(res.Document.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.ImportBytes("a.txt", "/src/a.txt", []byte("Talks\n\nLate at night, the envoy met the general.\n")); err != nil {
		t.Fatal(err)
	}
	a, err := lib.Annotate(res.Document.ID, Draft{Kind: annotate.KindNote, Start: 7, End: 20, Body: "when?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Anchor.Exact != "Late at night" || a.Anchor.Prefix != "Talks\n\n" {
		t.Errorf("anchored on %+v, want the new text's \"Late at night\"", a.Anchor)
	}
}
