package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

const levyMinutes = "Harbour Levy Minutes\n\nThe council debated the harbour levy at length.\n"

// TestTheDeleteKeyInTheListRemovesTheDocumentAndCtrlZBringsItBack
// removes the open document with Delete in the focused library list: it
// leaves the list and the reader, the status line says how to get it
// back, and Ctrl+Z brings it back with its note.
func TestTheDeleteKeyInTheListRemovesTheDocumentAndCtrlZBringsItBack(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"joint.txt": jointStatement, "levy.txt": levyMinutes})
	openTitled(t, m, "Harbour Levy Minutes")
	test.Tap(rowOf(t, m, "Joint Statement")) // opens it, the list taking the keys
	m.waitIdle()
	if m.reader.Document() == nil || m.reader.Document().Title != "Joint Statement" {
		t.Fatalf("a click on its row opened %v", m.reader.Document())
	}
	if m.win.Canvas().Focused() != m.library.list.list {
		t.Errorf("a click on a row does not give the list the keys: %v has them", m.win.Canvas().Focused())
	}
	addNote(t, m, "negotiated settlement", "zanzibar accord")
	c := m.win.Canvas()
	if c.Focused() != m.library.list.list {
		c.Focus(m.library.list.list) // the note dialog took the focus
	}
	pressKey(c, fyne.KeyDelete)
	m.waitIdle()
	if got := titlesIn(m.library.list); len(got) != 1 || got[0] != "Harbour Levy Minutes" {
		t.Fatalf("after Delete the list shows %q", got)
	}
	if m.reader.Document() != nil || m.win.Title() != "Scholia" {
		t.Errorf("the reader still shows %v (window title %q)", m.reader.Document(), m.win.Title())
	}
	if got := m.status.label.Text; !strings.HasPrefix(got, "Removed “Joint Statement” — Ctrl+Z brings it back") {
		t.Errorf("status %q", got)
	}
	if removed, _ := lib.RemovedDocuments(); len(removed) != 1 || removed[0].Annotations != 1 {
		t.Errorf("the trash holds %+v", removed)
	}

	c.Unfocus()
	m.edits.undo()
	m.waitIdle()
	if got := titlesIn(m.library.list); len(got) != 2 {
		t.Fatalf("after Ctrl+Z the list shows %q", got)
	}
	if !strings.HasPrefix(m.status.label.Text, "Undid the removal of “Joint Statement”") {
		t.Errorf("status after Ctrl+Z %q", m.status.label.Text)
	}
	openTitled(t, m, "Joint Statement")
	if shown := shownIn(m.panel); len(shown) != 1 || shown[0].Body != "zanzibar accord" {
		t.Errorf("the document came back with %v", shown)
	}
}

// TestARightClickOnARowOffersToOpenOrRemoveIt removes a document that is
// not open from its row's menu, and the File menu's item removes the open
// one.
func TestARightClickOnARowOffersToOpenOrRemoveIt(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"joint.txt": jointStatement, "levy.txt": levyMinutes})
	openTitled(t, m, "Joint Statement")
	m.library.list.SetOrder("title")
	test.TapSecondary(rowOf(t, m, "Harbour Levy Minutes"))
	menu := m.library.list.rowMenu
	top := m.win.Canvas().Overlays().Top()
	if _, shown := find(top, func(*widget.PopUpMenu) bool { return true }); menu == nil || top == nil || !shown {
		t.Fatalf("a right-click on a row shows no menu (%v)", m.win.Canvas().Overlays().Top())
	}
	var labels []string
	for _, it := range menu.Items {
		labels = append(labels, it.Label)
	}
	if strings.Join(labels, ", ") != "Open, Remove from Library" {
		t.Errorf("the row's menu offers %q", labels)
	}
	menu.Items[1].Action()
	m.waitIdle()
	if got := titlesIn(m.library.list); len(got) != 1 || got[0] != "Joint Statement" {
		t.Errorf("after Remove from Library the list shows %q", got)
	}
	if m.reader.Document() == nil || m.reader.Document().Title != "Joint Statement" {
		t.Errorf("removing another document closed the open one: %v", m.reader.Document())
	}

	m.trash.removeCurrent() // File > Remove from Library
	m.waitIdle()
	if got := titlesIn(m.library.list); len(got) != 0 || m.reader.Document() != nil {
		t.Errorf("after File > Remove from Library the list shows %q, the reader %v", got, m.reader.Document())
	}
}

// rowOf is the row of the library list showing title.
func rowOf(t *testing.T, m *MainWindow, title string) *docRow {
	t.Helper()
	row := -1
	for i, got := range titlesIn(m.library.list) {
		if got == title {
			row = i
		}
	}
	for _, o := range objects(m.library.list.list) {
		if r, ok := o.(*docRow); ok && r.id == row && r.Visible() {
			return r
		}
	}
	t.Fatalf("no row drawn for %q in %q", title, titlesIn(m.library.list))
	return nil
}

// TestRemovedDocumentsCanBeBroughtBackOrDeletedForGood uses File >
// Removed Documents… after the session that removed them (no undo left).
func TestRemovedDocumentsCanBeBroughtBackOrDeletedForGood(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"joint.txt": jointStatement, "levy.txt": levyMinutes})
	for _, title := range []string{"Joint Statement", "Harbour Levy Minutes"} {
		doc, err := lib.Find(title)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lib.RemoveDocument(doc.ID); err != nil {
			t.Fatal(err)
		}
	}
	m.Reload()
	m.waitIdle()
	c := m.win.Canvas()
	m.trash.show()
	m.waitIdle()
	if got := overlayTexts(c); !strings.Contains(got, "Joint Statement") || !strings.Contains(got, "Harbour Levy Minutes") {
		t.Fatalf("the removed documents dialog shows %q", got)
	}
	tapButton(t, c, "Bring Back") // the newest removed first: the minutes
	m.waitIdle()
	if got := titlesIn(m.library.list); len(got) != 1 || got[0] != "Harbour Levy Minutes" {
		t.Errorf("after Bring Back the list shows %q", got)
	}
	m.trash.show()
	m.waitIdle()
	tapButton(t, c, "Delete for Good…")
	tapButton(t, c, "Delete for Good")
	m.waitIdle()
	if removed, _ := lib.RemovedDocuments(); len(removed) != 0 {
		t.Errorf("after Delete for Good the trash holds %v", removed)
	}
	if !strings.HasPrefix(m.status.label.Text, "Deleted “Joint Statement” for good") {
		t.Errorf("status %q", m.status.label.Text)
	}
}

// The document on show removed, the reader stands empty; brought back
// from Removed Documents…, it shows again.
func TestTheOpenDocumentBroughtBackShowsAgain(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"joint.txt": jointStatement, "levy.txt": levyMinutes})
	openTitled(t, m, "Joint Statement")
	id := m.reader.Document().ID
	m.trash.remove(id)
	m.waitIdle()
	if d := m.reader.Document(); d != nil {
		t.Fatalf("after removing it the reader shows %q", d.Title)
	}
	m.trash.show()
	m.waitIdle()
	tapButton(t, m.win.Canvas(), "Bring Back")
	m.waitIdle()
	if d := m.reader.Document(); d == nil || d.ID != id {
		t.Errorf("after Bring Back the reader shows %v, want the statement", d)
	}
}
