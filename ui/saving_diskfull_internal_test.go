//go:build linux

package ui

import (
	"strings"
	"testing"
)

// The disk fills while a note and a highlight wait to be saved: the note
// dialog, which said Saving…, stays open with the text and says why; the
// highlight is not painted, the passage stays selected, and a sentence
// says it was not saved.
func TestSavesThatMeetAFullDiskKeepWhatWasAskedFor(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typed := "Typed as the disk filled."
	typeNote(d, typed)
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "saving the note", d.Save)
	room := diskFull(t)
	h.free()
	m.waitIdle()
	room()
	if !d.Open() || d.isSaving() || d.body.Text != typed || len(annotationsOn(t, m, lib)) != 0 {
		t.Fatalf("after the disk filled: dialog open %v, saving %v, text %q", d.Open(), d.isSaving(), d.body.Text)
	}
	if !strings.Contains(d.problemText(), "is full") || !strings.HasPrefix(m.status.label.Text, "Not saved") {
		t.Errorf("the dialog says %q, the status bar %q", d.problemText(), m.status.label.Text)
	}
	d.Save()
	m.waitIdle()
	if anns := annotationsOn(t, m, lib); d.Open() || len(anns) != 1 || anns[0].Body != typed {
		t.Fatalf("saved again with room: dialog open %v, library %+v", d.Open(), anns)
	}

	selectText(t, m, "negotiated settlement")
	s, e := m.reader.Selection()
	h = holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+H", m.annotator.Highlight)
	room = diskFull(t)
	h.free()
	m.waitIdle()
	room()
	if n := len(annotationsOn(t, m, lib)); n != 1 || len(m.reader.Highlights()) != 1 {
		t.Fatalf("after a highlight met a full disk the library holds %d and %d passages are painted", n, len(m.reader.Highlights()))
	}
	if cs, ce := m.reader.Selection(); cs != s || ce != e {
		t.Errorf("the passage is no longer selected (%d-%d, was %d-%d)", cs, ce, s, e)
	}
	if !strings.HasPrefix(m.status.label.Text, "Not saved") || !strings.Contains(overlayTexts(m.win.Canvas()), "is full") {
		t.Errorf("the status bar says %q, the dialogs %q", m.status.label.Text, overlayTexts(m.win.Canvas()))
	}
}

// Quit pressed while a highlight is saved waits for it; when that save
// meets a full disk the window stays open and says the highlight was not
// saved. (A note typed in its dialog would keep the window open anyway:
// quitting asks before throwing it away.)
func TestAFailedSaveStopsAPendingQuit(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	alive := func() bool { return windowOpen(m) }
	selectText(t, m, "technical level")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+H", m.annotator.Highlight)
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	room := diskFull(t)
	h.free()
	m.waitIdle()
	room()
	if !alive() || len(annotationsOn(t, m, lib)) != 0 {
		t.Fatalf("after the save failed with Quit pending: window open %v", alive())
	}
	if !strings.HasPrefix(m.status.label.Text, "Not saved") || !strings.Contains(overlayTexts(m.win.Canvas()), "is full") {
		t.Errorf("the status bar says %q, the dialogs %q", m.status.label.Text, overlayTexts(m.win.Canvas()))
	}
}
