//go:build linux

package ui

import (
	"strings"
	"syscall"
	"testing"

	"scholia/annotate"
)

// A full disk, made by a file size limit (ulimit -f) of 0, which fails
// every write to the library as a full disk does: the note is not saved,
// the window says so in the status bar and the note dialog in one
// sentence, keeping what was typed, and saving again works once there is
// room.
func TestAFailedSaveKeepsTheNoteAndSaysSo(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	selectQuote(t, w, "technical level")
	w.annotator.AddNote()
	body := "A reflection typed when the disk had no room left."
	typeNote(w.annotator.noteDialog, body)

	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	full := old
	full.Cur = 0
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Fatal(err)
	}
	w.annotator.noteDialog.Save()
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}

	if !w.annotator.noteDialog.Open() || w.annotator.noteDialog.body.Text != body {
		t.Fatal("the note dialog closed, or lost its text, though nothing was saved")
	}
	if !strings.HasPrefix(w.status.label.Text, "Not saved") {
		t.Errorf("status bar says %q, want it to start with Not saved", w.status.label.Text)
	}
	if p := w.annotator.noteDialog.problemText(); !strings.Contains(p, "is full; free some space and try again") || !strings.HasSuffix(p, "What you typed stays here: Save tries again.") {
		t.Errorf("the note dialog says %q, want why the note was not saved", p)
	}
	if anns, _ := f.lib.Annotations(w.reader.Document().ID); len(anns) != 0 {
		t.Errorf("%d annotations after a failed save", len(anns))
	}

	w.annotator.noteDialog.Save()
	anns, err := f.lib.Annotations(w.reader.Document().ID)
	if err != nil || len(anns) != 1 || anns[0].Body != body || anns[0].Kind != annotate.KindNote {
		t.Fatalf("saving again with room: %d annotations, %v", len(anns), err)
	}
	if w.annotator.noteDialog.Open() || !strings.HasPrefix(w.status.label.Text, "Saved") {
		t.Errorf("after saving: dialog open %v, status %q", w.annotator.noteDialog.Open(), w.status.label.Text)
	}
}
