package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/library"
)

// bodyOf is the note of an annotation as the library holds it.
func bodyOf(t *testing.T, lib *library.Library, id string) string {
	t.Helper()
	a, err := lib.Annotation(id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Body
}

// holdResults keeps the results of saves until the test waits for them:
// Fyne's test driver runs what a goroutine hands to the UI goroutine on
// that goroutine at once, alongside the test's own clicks.
func holdResults(m *MainWindow) { m.panel.Editor.toUI = func(func()) {} }

// twoNotes opens the statement with two notes on it, the first chosen in
// the panel; typing does not save by itself unless a test says so.
func twoNotes(t *testing.T) (*MainWindow, *library.Library, annotate.Annotation, annotate.Annotation) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement, "r.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	a := addNote(t, m, "negotiated settlement", "Which settlement?")
	b := addNote(t, m, "humanitarian questions", "Raised by whom?")
	m.panel.Editor.pause = time.Hour
	holdResults(m)
	chooseAnnotation(m.panel, 0)
	if m.panel.Editor.ID() != a.ID {
		t.Fatalf("choosing the first note edits %q", m.panel.Editor.ID())
	}
	return m, lib, a, b
}

// Changing a note in the panel, then clicking another annotation, keeps
// the change: it is in the library, the status bar says Saved, and the
// panel shows the other one.
func TestAPanelEditIsSavedWhenAnotherAnnotationIsClicked(t *testing.T) {
	m, lib, a, b := twoNotes(t)
	c := m.win.Canvas()
	typed := "The settlement of 1994, renegotiated."
	typeInto(c, m.panel.Editor.body, typed)
	tapLabel(t, c, "Raised by whom?")
	m.panel.Editor.wait()
	if got := bodyOf(t, lib, a.ID); got != typed {
		t.Errorf("after clicking another annotation the library holds %q, want %q", got, typed)
	}
	if m.panel.Editor.ID() != b.ID || m.panel.Editor.body.Text != "Raised by whom?" {
		t.Errorf("the panel edits %q holding %q, want the other note", m.panel.Editor.ID(), m.panel.Editor.body.Text)
	}
	if !strings.HasPrefix(m.status.label.Text, "Saved") {
		t.Errorf("status %q, want Saved", m.status.label.Text)
	}

	// Choosing another one without leaving the box saves too.
	typeInto(c, m.panel.Editor.body, "Raised by the other side.")
	chooseAnnotation(m.panel, 0)
	m.panel.Editor.wait()
	if got := bodyOf(t, lib, b.ID); got != "Raised by the other side." {
		t.Errorf("after choosing another annotation the library holds %q", got)
	}
	if m.panel.Editor.body.Text != typed {
		t.Errorf("the first note shows %q again, want what was saved", m.panel.Editor.body.Text)
	}
}

// A pause in typing saves; so do leaving the box, opening another
// document and quitting.
func TestPanelEditsSaveAfterAPauseAndOnLeaving(t *testing.T) {
	m, lib, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor

	e.pause = 20 * time.Millisecond
	typeInto(c, e.body, "Which settlement? The 1994 one.")
	eventually(t, "the edit saved after a pause in typing", func() bool {
		return bodyOf(t, lib, a.ID) == "Which settlement? The 1994 one."
	})
	e.wait()
	if !strings.HasPrefix(m.status.label.Text, "Saved") || e.body.Text != "Which settlement? The 1994 one." {
		t.Errorf("after the pause: status %q, the box holds %q", m.status.label.Text, e.body.Text)
	}
	e.pause = time.Hour

	typeInto(c, e.tags.entry, "terms, 1994")
	c.Unfocus()
	e.wait()
	if got, _ := lib.Annotation(a.ID); strings.Join(got.Tags, ",") != "terms,1994" {
		t.Errorf("after leaving the tag box the library holds tags %q", got.Tags)
	}

	typeInto(c, e.body, "Opened another document.")
	openTitled(t, m, "Analyst Reply")
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != "Opened another document." {
		t.Errorf("after opening another document the library holds %q", got)
	}

	openTitled(t, m, "Joint Statement")
	chooseAnnotation(m.panel, 0)
	typeInto(c, e.body, "Typed just before quitting.")
	m.closing.quit()
	if got := bodyOf(t, lib, a.ID); got != "Typed just before quitting." {
		t.Errorf("after quitting the library holds %q", got)
	}
}

// A question's answer and status save as its note does: here on leaving
// the answer box, after choosing the status.
func TestAQuestionsAnswerAndStatusSaveThemselves(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "an appropriate time")
	m.annotator.AddQuestion()
	typeNote(m.annotator.noteDialog, "When is an appropriate time?")
	m.annotator.noteDialog.Save()
	e := m.panel.Editor
	e.pause = time.Hour
	holdResults(m)
	c := m.win.Canvas()
	q := shownIn(m.panel)[0]
	chooseAnnotation(m.panel, 0)
	typeInto(c, e.answer, "After the elections.")
	e.status.SetSelected(string(annotate.StatusAnswered))
	c.Unfocus()
	e.wait()
	got, _ := lib.Annotation(q.ID)
	if got.Status != annotate.StatusAnswered || got.Answer == nil || got.Answer.Text != "After the elections." {
		t.Errorf("the question as saved: status %q, answer %+v", got.Status, got.Answer)
	}
	if e.answer.Text != "After the elections." {
		t.Errorf("the answer box holds %q after saving", e.answer.Text)
	}
}

// Esc in the New note dialog with nothing typed closes it at once; with
// text typed it asks, and Keep editing (or Esc again) keeps the text;
// Discard throws it away.
func TestEscInTheNoteDialogAsksBeforeDiscardingText(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()

	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	pressKey(c, fyne.KeyEscape)
	if d.Open() || d.discarding() || c.Overlays().Top() != nil {
		t.Fatalf("Esc on an empty note dialog: open %v, asking %v", d.Open(), d.discarding())
	}

	for _, kind := range []annotate.Kind{annotate.KindNote, annotate.KindQuestion} {
		selectText(t, m, "technical level")
		m.annotator.annotateWithText(kind)
		d = m.annotator.noteDialog
		test.Type(d.body, strings.Repeat("A long thought about who sits at the technical level. ", 12))
		// Compared with what the box holds: keeping it is the point here,
		// not how Fyne's wrapping entry took the typing.
		draft := d.body.Text
		words := fmt.Sprintf("The %d words you typed will be lost.", len(strings.Fields(draft)))
		pressKey(c, fyne.KeyEscape)
		if !d.Open() || !d.discarding() {
			t.Fatalf("Esc with a %s typed: open %v, asking %v", kind, d.Open(), d.discarding())
		}
		asked := texts(c.Overlays().Top())
		if !strings.Contains(asked, "Discard this "+string(kind)+"?") || !strings.Contains(asked, words) {
			t.Errorf("the question asked says %q", asked)
		}
		tapButton(t, c, "Keep editing")
		if !d.Open() || d.discarding() || d.body.Text != draft {
			t.Fatalf("Keep editing: open %v, asking %v, text kept %v", d.Open(), d.discarding(), d.body.Text == draft)
		}
		if c.Focused() != d.body {
			t.Errorf("Keep editing does not put the cursor back in the text")
		}
		pressKey(c, fyne.KeyEscape) // in the text box
		pressKey(c, fyne.KeyEscape) // on the question: keep editing
		if !d.Open() || d.body.Text != draft {
			t.Fatalf("Esc twice: open %v, text kept %v", d.Open(), d.body.Text == draft)
		}
		pressKey(c, fyne.KeyEscape)
		tapButton(t, c, "Discard")
		if d.Open() || c.Overlays().Top() != nil {
			t.Errorf("Discard left the %s dialog open", kind)
		}
	}
	if anns, _ := lib.Annotations(m.reader.Document().ID); len(anns) != 0 {
		t.Errorf("%d annotations saved from discarded dialogs", len(anns))
	}
}

// Typing goes on while a save is being committed: when the save is shown
// (the panel refreshed), the box keeps what was typed since, and that is
// saved in turn.
func TestTypingWhileASaveFinishesIsKept(t *testing.T) {
	m, lib, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	typeInto(c, e.body, "First thought.")
	c.Unfocus()
	typeInto(c, e.body, "Second thought, typed while the first was saved.")
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != "First thought." {
		t.Fatalf("the library holds %q, want the first save", got)
	}
	if e.body.Text != "Second thought, typed while the first was saved." {
		t.Fatalf("showing the first save replaced the typing with %q", e.body.Text)
	}
	c.Unfocus()
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != "Second thought, typed while the first was saved." {
		t.Errorf("the library holds %q, want the second thought", got)
	}
}

// A save that panics is a save that failed: the crash is logged and
// told, the window says Not saved, and the text stays to be saved again.
func TestAPanickingPanelSaveKeepsTheText(t *testing.T) {
	m, lib, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	save := e.OnSave
	e.OnSave = func(annotate.Annotation) error { panic("the disk driver fell over") }
	typed := "Typed as the save crashed."
	typeInto(c, e.body, typed)
	tapLabel(t, c, "Raised by whom?")
	e.wait()
	e.OnSave = save
	if got := bodyOf(t, lib, a.ID); got != "Which settlement?" {
		t.Fatalf("the library holds %q after a crashed save", got)
	}
	if len(m.guard.written()) != 1 || !strings.HasPrefix(m.status.label.Text, "Not saved") {
		t.Errorf("%d crash logs, status %q: want one, and Not saved", len(m.guard.written()), m.status.label.Text)
	}
	pressKey(c, fyne.KeyEscape) // the crash message
	chooseAnnotation(m.panel, 0)
	if e.body.Text != typed {
		t.Fatalf("chosen again after a crashed save, the note shows %q", e.body.Text)
	}
	c.Focus(e.body)
	c.Unfocus()
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != typed {
		t.Errorf("saved again, the library holds %q", got)
	}
}

// An annotation deleted after its edit failed to save leaves nothing to
// ask about: quitting does not warn of an edit the reader threw away.
func TestADeletedAnnotationsFailedEditIsForgotten(t *testing.T) {
	m, _, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	e.OnSave = func(annotate.Annotation) error { panic("the disk driver fell over") }
	typeInto(c, e.body, "Typed as the save crashed.")
	tapLabel(t, c, "Raised by whom?")
	e.wait()
	pressKey(c, fyne.KeyEscape) // the crash message
	m.notes.deleteAnnotation(a.ID)
	m.closing.quit()
	if strings.Contains(overlayTexts(c), "Quit without saving?") {
		t.Fatalf("quitting asked about the edit of a deleted annotation: %q", overlayTexts(c))
	}
}
