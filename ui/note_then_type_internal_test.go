package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// A note saved from its dialog shows in the panel's editor by the time the
// dialog closes, before the panel's refresh: what the reader types there
// next goes into that note and is stored, not into the editor the refresh
// then replaces.
func TestTypingRightAfterTheNoteDialogClosesGoesIntoTheNote(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	doc := w.reader.Document()

	held := holdLane(t, w, laneRefresh)
	selectQuote(t, w, "technical level")
	w.annotator.AddNote()
	typeNote(w.annotator.noteDialog, "Who sits there?")
	w.annotator.noteDialog.Save()
	eventually(t, "the note dialog closing", func() bool { return !w.annotator.noteDialog.Open() })

	anns, err := f.lib.Annotations(doc.ID)
	if err != nil || len(anns) != 1 {
		t.Fatalf("%d annotations, %v; want the note", len(anns), err)
	}
	if got := w.panel.Editor.ID(); got != anns[0].ID {
		t.Fatalf("when the dialog closed the editor showed %q, want the new note %s", got, anns[0].ID)
	}
	w.win.Canvas().Focus(w.panel.Editor.body)
	test.Type(w.panel.Editor.body, " At the technical level.")
	held.free()
	w.waitIdle()
	w.panel.Editor.Save()

	anns, _ = f.lib.Annotations(doc.ID)
	// Where in the box the typing lands is the cursor's affair; both
	// parts are the note's.
	if len(anns) != 1 || anns[0].Kind != annotate.KindNote || !strings.Contains(anns[0].Body, "Who sits there?") || !strings.Contains(anns[0].Body, " At the technical level.") {
		t.Fatalf("stored %+v, want the note with what was typed after the dialog", anns)
	}
}
