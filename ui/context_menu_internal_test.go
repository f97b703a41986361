package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// rightClick right-clicks the open document's text at the first
// occurrence of s, a few letters in, and returns the menu it opened.
func rightClick(t *testing.T, w *MainWindow, s string) *fyne.Menu {
	t.Helper()
	text := w.reader.Document().Text()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the document", s)
	}
	pos := len([]rune(text[:i])) + 3
	w.reader.Reveal(pos)
	pt, ok := w.reader.PointOf(pos)
	if !ok {
		t.Fatalf("%q is not drawn", s)
	}
	d := fyne.CurrentApp().Driver()
	page := w.reader.Page().(fyne.SecondaryTappable)
	at := d.AbsolutePositionForObject(w.reader).Add(pt).Subtract(d.AbsolutePositionForObject(page.(fyne.CanvasObject)))
	w.menu.shown = nil
	test.TapSecondaryAt(page, at.AddXY(2, 4))
	if w.menu.shown == nil {
		t.Fatalf("a right click on %q opened no menu", s)
	}
	if w.Window().Canvas().Overlays().Top() == nil || !w.menu.popUp.Visible() {
		t.Errorf("the menu on %q is not on screen", s)
	}
	return w.menu.shown
}

// choose runs the menu item at the end of path (a submenu's label, then
// the item's) as a click on it does: the menu goes, then the item acts.
func choose(t *testing.T, w *MainWindow, m *fyne.Menu, path ...string) {
	t.Helper()
	w.menu.popUp.Hide()
	for i, label := range path {
		var found *fyne.MenuItem
		for _, it := range m.Items {
			if it.Label == label {
				found = it
			}
		}
		if found == nil {
			t.Fatalf("the menu has no %q", label)
		}
		if i == len(path)-1 {
			found.Action()
			return
		}
		m = found.ChildMenu
	}
}

// annotationOn is the open document's annotation on quote, of kind.
func annotationOn(w *MainWindow, quote string, kind annotate.Kind) (annotate.Annotation, bool) {
	for _, a := range w.annotator.anns {
		if a.Anchor != nil && a.Anchor.Exact == quote && a.Kind == kind {
			return a, true
		}
	}
	return annotate.Annotation{}, false
}

// A right click on a highlight offers what can be done to it, and each
// item does it and stores it; on the selection it offers the toolbar's.
func TestTheContextMenuActsOnAHighlightAndTheSelection(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	openTitled(t, w, "Arms Control After 1991")
	const quote = "signed in haste"

	selectText(t, w, "Verification came later")
	choose(t, w, rightClick(t, w, "Verification came later"), "Highlight", "Pink")
	w.waitIdle()
	if a, ok := annotationOn(w, "Verification came later", annotate.KindHighlight); !ok || a.Colour != annotate.Pink {
		t.Fatalf("Highlight > Pink on the selection made %+v", a)
	}

	selectText(t, w, quote)
	w.annotator.HighlightIn(annotate.Blue)
	w.waitIdle()
	w.reader.ClearSelection()
	hl, ok := annotationOn(w, quote, annotate.KindHighlight)
	if !ok {
		t.Fatal("the highlight was not made")
	}

	choose(t, w, rightClick(t, w, quote), "Colour", "Green")
	w.waitIdle()
	if a, err := w.lib.Annotation(hl.ID); err != nil || a.Colour != annotate.Green {
		t.Errorf("Colour > Green left the highlight %+v (%v)", a, err)
	}

	choose(t, w, rightClick(t, w, quote), "Copy")
	if got := w.app.Clipboard().Content(); got != quote {
		t.Errorf("Copy put %q on the clipboard, want %q", got, quote)
	}
	if s, e := w.reader.Selection(); s != e {
		t.Errorf("Copy left %d–%d selected: a right click there now opens the selection's menu", s, e)
	}
	choose(t, w, rightClick(t, w, quote), "Copy with Citation")
	if got := w.app.Clipboard().Content(); !strings.Contains(got, quote) || !strings.Contains(got, "Arms Control After 1991") {
		t.Errorf("Copy with Citation put %q on the clipboard", got)
	}

	choose(t, w, rightClick(t, w, quote), "Note…")
	if w.panel.Editor.ID() != hl.ID || w.Window().Canvas().Focused() != w.panel.Editor.body {
		t.Fatalf("Note… did not open the highlight %s's note in the editor (editing %q, note box focused %v)", hl.ID, w.panel.Editor.ID(), w.Window().Canvas().Focused() == w.panel.Editor.body)
	}
	w.panel.Editor.body.SetText("Why the hurry?")
	w.panel.Editor.Save()
	w.waitIdle()
	eventually(t, "the note saved", func() bool {
		a, err := w.lib.Annotation(hl.ID)
		return err == nil && a.Body == "Why the hurry?"
	})

	choose(t, w, rightClick(t, w, quote), "Question…")
	typeNote(w.annotator.noteDialog, "Who was in a hurry?")
	w.annotator.noteDialog.Save()
	w.waitIdle()
	if q, ok := annotationOn(w, quote, annotate.KindQuestion); !ok || q.Body != "Who was in a hurry?" {
		t.Errorf("Question… asked %+v", q)
	}

	w.reader.ClearSelection()
	selectText(t, w, "Inspectors came later")
	w.annotator.HighlightIn(annotate.Yellow)
	w.waitIdle()
	w.reader.ClearSelection()
	gone, _ := annotationOn(w, "Inspectors came later", annotate.KindHighlight)
	choose(t, w, rightClick(t, w, "Inspectors came later"), "Delete")
	w.waitIdle()
	if _, ok := annotationOn(w, "Inspectors came later", annotate.KindHighlight); ok {
		t.Fatal("Delete left the highlight on the page")
	}
	w.edits.undo()
	w.waitIdle()
	if a, ok := annotationOn(w, "Inspectors came later", annotate.KindHighlight); !ok || a.ID != gone.ID {
		t.Error("Ctrl+Z did not bring the deleted highlight back")
	}
}
