package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The page view's toggle shows only while a PDF is open (a text document
// leaves its room to the words of Open and Search), and its room comes
// out of those words, never out of the window.
func TestTheToolbarKeepsItsWordsAndShowsThePagesToggleForAPDF(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement, "report.pdf": reportPDF()})
	resizeTo(m, 1900)
	worded := func() bool {
		_, open := find(m.win.Content(), func(b *widget.Button) bool { return b.Text == "Open" })
		return open
	}
	openTitled(t, m, "Joint Statement")
	if m.pages.button.Visible() {
		t.Error("the page view's toggle shows for a text document")
	}
	if !worded() {
		t.Error("at 1900 px the toolbar dropped the word Open")
	}
	openTitled(t, m, "Arms Control Report")
	if !m.pages.button.Visible() {
		t.Error("the page view's toggle does not show for a PDF")
	}
	checkNothingClipped(t, m, "1900 px, a PDF open")
	resizeTo(m, 1200)
	checkNothingClipped(t, m, "1200 px, a PDF open")
	resizeTo(m, 480)
	checkNothingClipped(t, m, "480 px, a PDF open")
	if got := m.win.Canvas().Size().Width; got > 480 {
		t.Errorf("a PDF open made the window %v px wide, more than 480", got)
	}
}
