package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// within says whether o shows whole inside the rectangle of box.
func within(o, box fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	op, bp := d.AbsolutePositionForObject(o), d.AbsolutePositionForObject(box)
	os, bs := o.Size(), box.Size()
	return o.Visible() && os.Width > 0 && os.Height > 0 &&
		op.X >= bp.X-0.5 && op.Y >= bp.Y-0.5 && op.X+os.Width <= bp.X+bs.Width+0.5 && op.Y+os.Height <= bp.Y+bs.Height+0.5
}

// A question open in the editor shows its answer box, Save and Delete
// without scrolling, inside the window, at the default size and at 1200
// px wide: a user test found Save and Delete cut off.
func TestTheEditorShowsSaveDeleteAndTheAnswer(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	if !w.panel.Visible() {
		w.frame.togglePanel()
	}
	// A long passage and a two-line question, as a reader's are.
	long := "Further consultations at the technical level would take place at an appropriate time.\n\nProgress on the humanitarian questions raised by either side remains a condition."
	ask(t, w, long, "Who decides when the time is appropriate: the delegations, or the mediators who drafted the statement?")
	w.waitIdle()
	q, ok := annotationOn(w, long, "question")
	if !ok {
		t.Fatal("the question was not asked")
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1200, Height: 800}, {Width: 1200, Height: 780}} {
		w.Window().Resize(size)
		w.panel.Reveal(q.ID)
		e := w.panel.Editor
		for name, o := range map[string]fyne.CanvasObject{"Save": e.saveBtn, "Delete": e.deleteBtn, "the answer": e.answer} {
			what := fmt.Sprintf("at %.0f×%.0f, %s", size.Width, size.Height, name)
			box := fyne.CanvasObject(e)
			if o == fyne.CanvasObject(e.answer) {
				box = e.view
			}
			if !within(o, box) {
				d := fyne.CurrentApp().Driver()
				t.Errorf("%s is not in view in the editor (at %v, %v; the editor's view at %v, %v)", what,
					d.AbsolutePositionForObject(o), o.Size(), d.AbsolutePositionForObject(e.view), e.view.Size())
			}
			if !within(o, w.Window().Content()) {
				t.Errorf("%s is outside the window", what)
			}
		}
	}
}

// The Delete key on the panel's list moves the annotation chosen there to
// the trash; Ctrl+Z brings it back.
func TestTheDeleteKeyMovesTheChosenAnnotationToTheTrash(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	if !w.panel.Visible() {
		w.frame.togglePanel()
	}
	n := addNote(t, w, "an appropriate time", "Which time?")
	w.panel.Reveal(n.ID)
	c := w.Window().Canvas()
	c.Focus(w.panel.list)
	pressKey(c, fyne.KeyDelete)
	w.waitIdle()
	if _, ok := annotationOn(w, "an appropriate time", "note"); ok {
		t.Fatal("Delete on the chosen annotation left it on the page")
	}
	if len(w.panel.deleted) != 1 {
		t.Errorf("the trash holds %d, want the note", len(w.panel.deleted))
	}
	w.edits.undo()
	w.waitIdle()
	if a, ok := annotationOn(w, "an appropriate time", "note"); !ok || a.Body != "Which time?" {
		t.Error("Ctrl+Z did not bring the note back")
	}
}
