package ui

import (
	"strings"
	"testing"

	"scholia/annotate"
)

// undoes presses Ctrl+Z outside any text box and checks the status bar
// says what it undid and no dialog opened.
func undoes(t *testing.T, w *MainWindow, want string) {
	t.Helper()
	w.Window().Canvas().Unfocus()
	w.edits.undo()
	if top := w.Window().Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Ctrl+Z opened a dialog (status %q)", w.status.label.Text)
	}
	if !strings.HasPrefix(w.status.label.Text, want) {
		t.Fatalf("after Ctrl+Z the status says %q, want %q", w.status.label.Text, want)
	}
}

// Deleting a highlight, restoring it from the trash, then pressing Ctrl+Z
// steps back through the restore, the deletion and the highlighting, with
// no error and nothing left in the trash.
func TestCtrlZAfterRestoringStepsBackThroughEachChange(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	p := w.panel
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)
	id := shownIn(p)[0].ID
	p.Editor.OnDelete(id)
	p.OnRestore(id)
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" || len(p.deleted) != 0 {
		t.Fatalf("after restoring: %s, %d in the trash", got, len(p.deleted))
	}
	undoes(t, w, "Undid the restore")
	if got := shown(t, f, w); got != "" || len(p.deleted) != 1 {
		t.Fatalf("after undoing the restore: %q, %d in the trash", got, len(p.deleted))
	}
	undoes(t, w, "Undid the deletion")
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" || len(p.deleted) != 0 {
		t.Fatalf("after undoing the deletion: %q, %d in the trash", got, len(p.deleted))
	}
	undoes(t, w, "Undid the new highlight")
	if got := shown(t, f, w); got != "" || len(p.deleted) != 0 {
		t.Fatalf("after undoing the highlight: %q, %d in the trash", got, len(p.deleted))
	}
	undoes(t, w, "Nothing to undo")
}

// Highlighting a passage, undoing it and highlighting it again leaves one
// highlight and an empty trash; a highlight deleted and restored onto the
// passage highlighted again joins it instead of doubling it.
func TestAPassageHighlightedAgainNeverCarriesTwo(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	p := w.panel
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)
	undoes(t, w, "Undid the new highlight")
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" || len(p.deleted) != 0 {
		t.Fatalf("highlighting again after Ctrl+Z: %s, %d in the trash", got, len(p.deleted))
	}

	first := shownIn(p)[0].ID
	p.Editor.OnDelete(first)
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)
	p.OnRestore(first)
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" || len(p.deleted) != 0 {
		t.Fatalf("restoring onto the passage highlighted again: %s, %d in the trash", got, len(p.deleted))
	}
	undoes(t, w, "Undid the restore")
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" || len(p.deleted) != 1 || p.deleted[0].ID != first {
		t.Fatalf("after undoing the restore: %s, %d in the trash", got, len(p.deleted))
	}
}
