package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Typing in Citation Details does not move its fields: the preview keeps
// its height as the citation grows from one line to several, so the
// dialog does not grow and centre itself again under the cursor.
func TestCitationDialogStaysStillWhileTyping(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()
	m.cites.show()
	title, ok := find(c.Overlays().Top(), func(e *shortcutEntry) bool { return e.Text == "Joint Statement" })
	if !ok {
		t.Fatal("no title box in Citation Details")
	}
	dialogHeight := func() float32 {
		top := c.Overlays().Top()
		top.Refresh()
		return top.MinSize().Height
	}
	at := func() fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(title) }
	before, height := at(), dialogHeight()
	typeInto(c, title, strings.Repeat("A very long title that wraps over lines ", 6))
	if after := dialogHeight(); after != height {
		t.Errorf("the dialog grew from %v to %v high while typing a long title", height, after)
	}
	if after := at(); after != before {
		t.Errorf("the title box moved from %v to %v while typing a long title", before, after)
	}
}
