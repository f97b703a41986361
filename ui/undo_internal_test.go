package ui

import (
	"strings"
	"testing"
)

// Ctrl+Z pressed while a backup holds the changes undoes the change that
// was last then; a note written before the undo runs stays, and the
// status bar says it stayed.
func TestCtrlZBehindABackupUndoesTheChangeLastWhenPressed(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "reaffirmed", "first")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Back Up Now", m.backups.now)
	m.win.Canvas().Unfocus()
	returnsSoon(t, "Ctrl+Z", m.Undo)
	selectText(t, m, "commitment")
	m.AddNote()
	m.noteDialog.Type("second")
	m.noteDialog.Save()
	uiLoop.drain()
	h.free()
	m.waitIdle()
	var bodies []string
	for _, a := range m.panel.Shown() {
		bodies = append(bodies, a.Body)
	}
	if strings.Join(bodies, ",") != "second" {
		t.Errorf("after Ctrl+Z then a new note, the panel shows %q, want the new note alone", bodies)
	}
	if want := "Undid the new note; the change made since stays"; !strings.HasPrefix(m.status.label.Text, want) {
		t.Errorf("the status bar says %q, want %q", m.status.label.Text, want)
	}
}
