package ui

import (
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// A read of one note waits seconds while a save grows the file during a
// long read (a backup, an export): opening a search hit reads it off the
// UI goroutine, the status bar saying so.
func TestOpeningAHitLeavesTheWindowFreeWhileTheNoteIsRead(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	var reply string
	docs, err := lib.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Title == "Analyst Reply" {
			reply = d.ID
		}
	}
	a, err := lib.Annotate(reply, library.Draft{Kind: annotate.KindNote, Whole: true, Body: "Read against the communiqué."})
	if err != nil {
		t.Fatal(err)
	}
	h := holdLane(t, m, laneLookup)
	returnsSoon(t, "opening a search hit", func() { m.openHit(library.Hit{ID: a.ID, DocID: reply}) })
	statusSoon(t, m, "Opening…")
	filterStillWorks(t, m, "analyst", 1)
	h.free()
	eventually(t, "the hit's document opening once its note is read", func() bool { return m.reader.Document().Title == "Analyst Reply" })
}

// Quitting records where the reader is off the UI goroutine, and the
// window closes once it is recorded.
func TestQuittingRecordsTheReadingPositionOffTheUIGoroutine(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	alive := func() bool { return windowOpen(m) }
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	if !alive() {
		t.Fatal("the window closed before the reading position was recorded")
	}
	statusSoon(t, m, "Saving before quitting…")
	h.free()
	eventually(t, "the window closing once the position is recorded", func() bool { return !alive() })
	if _, err := lib.ReadingPosition(m.reader.Document().ID); err != nil {
		t.Errorf("the reading position after quitting: %v", err)
	}
}
