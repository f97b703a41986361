package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"scholia/annotate"
)

// Another annotation chosen shows in the editor from its top (its quote
// and note box), not where the last one was scrolled to; the same one
// shown again stays where the reader scrolled.
func TestTheEditorShowsAnotherAnnotationFromItsTop(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	noteOn(t, w, "technical level", annotate.KindQuestion, "Who sits at the technical level, and who decides when they meet?")
	noteOn(t, w, "negotiated settlement", annotate.KindNote, "The usual formula")
	w.waitIdle()
	anns, _ := f.lib.Annotations(w.reader.Document().ID)
	e := w.panel.Editor
	e.view.Resize(fyne.NewSize(300, 120)) // a short panel: the question's fields scroll
	w.panel.Reveal(anns[1].ID)
	e.view.ScrollToBottom()
	if e.view.Offset.Y == 0 {
		t.Fatal("the editor does not scroll: the test shows nothing")
	}
	w.panel.Reveal(anns[1].ID)
	if e.view.Offset.Y == 0 {
		t.Error("the same annotation shown again lost the reader's place")
	}
	w.panel.Reveal(anns[0].ID)
	if e.view.Offset.Y != 0 {
		t.Errorf("another annotation shows scrolled down by %v px", e.view.Offset.Y)
	}
}
