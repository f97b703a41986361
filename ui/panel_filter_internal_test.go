package ui

import (
	"strings"
	"testing"
)

// A highlight made while the panel's filter hides it shows in the text
// at once, and the panel says the filter hides it.
func TestANewHighlightShowsInTheTextWhileThePanelFilterHidesIt(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "reaffirmed", "freedmen")
	m.panel.text.SetText("freedmen")
	m.waitIdle()
	if n := len(shownIn(m.panel)); n != 1 {
		t.Fatalf("the filter shows %d annotations, want the note", n)
	}
	selectText(t, m, "commitment")
	s, e := m.reader.Selection()
	m.win.Canvas().Unfocus()
	m.annotator.typedRune('2')
	m.waitIdle()
	painted := false
	for _, h := range m.reader.Highlights() {
		painted = painted || h.Start == s && h.End == e
	}
	if !painted {
		t.Errorf("the new highlight is not painted in the text while the filter is on (status %q)", m.status.label.Text)
	}
	if !strings.Contains(m.panel.count.Text, "hidden by the filter") {
		t.Errorf("the panel's count says %q; it does not say the new highlight is hidden by the filter", m.panel.count.Text)
	}
}

// addTagged writes a note with tags on s through the note dialog.
func addTagged(t *testing.T, m *MainWindow, s, body string, tags ...string) {
	t.Helper()
	selectText(t, m, s)
	m.annotator.AddNote()
	typeNote(m.annotator.noteDialog, body, tags...)
	m.annotator.noteDialog.Save()
	m.waitIdle()
	if m.annotator.noteDialog.Open() {
		t.Fatalf("the note %q was not saved: %s", body, m.status.label.Text)
	}
}

// The panel's tag filter offers the open document's tags, each with how
// many of its annotations carry it, not every tag of the library.
func TestTheTagFilterOffersThisDocumentsTagsCounted(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Analyst Reply")
	addTagged(t, m, "nothing is agreed", "elsewhere", "formula")
	openTitled(t, m, "Joint Statement")
	addTagged(t, m, "reaffirmed", "first", "summit", "wording")
	addTagged(t, m, "commitment", "second", "summit")
	want := []string{anyTag, "summit (2)", "wording (1)"}
	if got := m.panel.tag.Options; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("the tag filter offers %q, want %q", got, want)
	}
	m.panel.tag.SetSelected("wording (1)")
	if shown := shownIn(m.panel); len(shown) != 1 || shown[0].Body != "first" {
		t.Errorf("choosing wording shows %d annotations, want the first note", len(shown))
	}
	addTagged(t, m, "principle", "third", "wording")
	if m.panel.tag.Selected != "wording (2)" || len(shownIn(m.panel)) != 2 {
		t.Errorf("after a third note the tag filter shows %q and %d annotations, want wording (2) and 2", m.panel.tag.Selected, len(shownIn(m.panel)))
	}
}

// Undoing a new highlight with no filter set leaves the panel saying only
// how many annotations there are, not that a filter hides one.
func TestUndoingANewHighlightBlamesNoFilter(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "commitment")
	m.win.Canvas().Unfocus()
	m.annotator.typedRune('2')
	m.waitIdle()
	eventually(t, "the highlight is listed", func() bool { return len(shownIn(m.panel)) == 1 })
	m.edits.undo()
	m.waitIdle()
	eventually(t, "the highlight is undone", func() bool { return len(shownIn(m.panel)) == 0 })
	if got := m.panel.count.Text; got != "0 annotations" {
		t.Errorf("after undoing the only highlight the panel says %q, want \"0 annotations\"", got)
	}
}
