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
	m.panel.FilterText("freedmen")
	m.waitIdle()
	if n := len(m.panel.Shown()); n != 1 {
		t.Fatalf("the filter shows %d annotations, want the note", n)
	}
	selectText(t, m, "commitment")
	s, e := m.reader.Selection()
	m.win.Canvas().Unfocus()
	m.typedRune('2')
	m.waitIdle()
	painted := false
	for _, h := range m.reader.Highlights() {
		painted = painted || h.Start == s && h.End == e
	}
	if !painted {
		t.Errorf("the new highlight is not painted in the text while the filter is on (status %q)", m.Status())
	}
	if !strings.Contains(m.panel.count.Text, "hidden by the filter") {
		t.Errorf("the panel's count says %q; it does not say the new highlight is hidden by the filter", m.panel.count.Text)
	}
}
