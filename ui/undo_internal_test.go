package ui

import (
	"strings"
	"testing"
	"time"
)

// Ctrl+Z pressed while a backup holds the changes undoes the change that
// was last then; an edit saved from the panel before the undo runs stays,
// and the status bar says it stayed. A note saved after the press is
// saved after the undo, as it was asked for after it.
func TestCtrlZBehindABackupUndoesTheChangeLastWhenPressed(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	older := addNote(t, m, "negotiated settlement", "older")
	addNote(t, m, "reaffirmed", "first")
	m.panel.Editor.pause = time.Hour
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Back Up Now", m.backups.now)
	m.win.Canvas().Unfocus()
	returnsSoon(t, "Ctrl+Z", m.edits.undo)
	m.panel.Reveal(older.ID)
	c := m.win.Canvas()
	typeInto(c, m.panel.Editor.body, "older, edited")
	c.Unfocus()
	m.panel.Editor.saver.waitSaved()
	if got, _ := lib.Annotation(older.ID); got.Body != "older, edited" {
		t.Fatalf("the edit made after Ctrl+Z is not saved before the undo runs: %q", got.Body)
	}
	h.free()
	m.waitIdle()
	if want := "Undid the new note; the change made since stays"; !strings.HasPrefix(m.status.label.Text, want) {
		t.Errorf("the status bar says %q, want %q", m.status.label.Text, want)
	}
	h = holdLane(t, m, laneChange)
	returnsSoon(t, "Back Up Now", m.backups.now)
	returnsSoon(t, "Ctrl+Z", m.edits.undo)
	selectText(t, m, "commitment")
	m.annotator.AddNote()
	typeNote(m.annotator.noteDialog, "second")
	returnsSoon(t, "saving a note", m.annotator.noteDialog.Save)
	h.free()
	m.waitIdle()
	var bodies []string
	for _, a := range shownIn(m.panel) {
		bodies = append(bodies, a.Body)
	}
	if strings.Join(bodies, ",") != "second,older" {
		t.Errorf("after Ctrl+Z then a new note, the panel shows %q, want the new note and the edited one as it was", bodies)
	}
}
