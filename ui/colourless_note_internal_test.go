package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/library"
)

// A note made without a colour (from the command line) keeps having none
// when it is edited after a yellow highlight: the editor says "No colour"
// and saving the typed words does not paint it.
func TestANoteWithoutAColourKeepsNoneWhenEdited(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	doc := w.reader.Document()
	hl, err := f.lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Yellow, Start: at(t, w, "Both delegations"), End: at(t, w, "Both delegations") + 16})
	if err != nil {
		t.Fatal(err)
	}
	note, err := f.lib.AnnotateQuote(doc.ID, "technical level", 1, library.Draft{Kind: annotate.KindNote, Body: "Who sits there?"})
	if err != nil || note.Colour != "" {
		t.Fatalf("note %+v, %v; want one without a colour", note, err)
	}
	w.Reload()
	w.waitIdle()
	w.panel.Reveal(hl.ID)
	w.panel.Reveal(note.ID)
	if got := w.panel.Editor.colour.Selected; got != "" {
		t.Fatalf("the editor shows the colour %q for a note without one", got)
	}
	w.win.Canvas().Focus(w.panel.Editor.body)
	test.Type(w.panel.Editor.body, " (1957)")
	w.panel.Editor.Save()
	stored, err := f.lib.Annotation(note.ID)
	if err != nil || stored.Colour != "" || stored.Body == "Who sits there?" {
		t.Fatalf("stored %+v, %v; want the typed words and still no colour", stored, err)
	}
}
