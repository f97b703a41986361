package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate"
	"scholia/ui/pageview"
)

// showPages opens the page view on the open PDF and waits for its pages.
func showPages(t *testing.T, m *MainWindow) {
	t.Helper()
	m.pages.toggle()
	m.waitIdle()
	eventually(t, "the pages open", func() bool { return m.pages.pages != nil && m.pages.showing() })
}

// dragOver drags on the pages from just inside the left of the first
// character of [start, end) to just inside the right of its last, as the
// driver sends a drag.
func dragOver(t *testing.T, m *MainWindow, start, end int) {
	t.Helper()
	rects := m.pages.pmap.Rects(start, end)
	if len(rects) != 1 {
		t.Fatalf("the passage has %d rectangles on the pages, want one line", len(rects))
	}
	r := rects[0]
	v := m.pages.view
	from, ok := v.PointOf(r.Page, r.X0+0.5, (r.Y0+r.Y1)/2)
	to, ok2 := v.PointOf(r.Page, r.X1-0.5, (r.Y0+r.Y1)/2)
	if !ok || !ok2 {
		t.Fatalf("page %d is not laid out", r.Page)
	}
	v.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonPrimary})
	for i := 1; i <= 4; i++ {
		at := fyne.NewPos(from.X+(to.X-from.X)*float32(i)/4, from.Y)
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}})
	}
	v.DragEnd()
	m.waitIdle()
}

// A drag across words on the page selects exactly those words in the
// text; Ctrl+H highlights them, and the highlight shows on the page in its
// colour and in the text when the view goes back.
func TestADragOnThePageHighlightsTheSameText(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	showPages(t, m)
	if m.reader.Visible() {
		t.Fatal("the text still shows beside the pages")
	}
	start, end := passage(t, m, "sticking point")
	dragOver(t, m, start, end)
	if s, e := m.reader.Selection(); s != start || e != end {
		t.Fatalf("the drag selected %d-%d (%q), want %d-%d", s, e, string(m.reader.Text()[s:e]), start, end)
	}
	m.annotator.Highlight()
	m.waitIdle()
	anns, err := lib.Annotations(m.reader.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 1 || anns[0].Anchor.Exact != "sticking point" {
		t.Fatalf("the library holds %v, want one highlight of \"sticking point\"", anns)
	}
	want := fill(annotate.Yellow, currentVariant(m.app))
	eventually(t, "the highlight painted on page 2", func() bool {
		for _, mk := range marksOf(m.pages.view) {
			if mk.Page == 2 && mk.Colour == want {
				return true
			}
		}
		return false
	})
	m.pages.toggle()
	m.waitIdle()
	if !m.reader.Visible() || m.pages.showing() {
		t.Fatal("the text did not come back")
	}
}

// Switching views keeps the place: the page shown is the page of the text
// at the top of the reader, and back.
func TestSwitchingViewsKeepsThePlace(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	at, _ := passage(t, m, "Verification")
	m.reader.ScrollTo(at)
	m.waitIdle()
	showPages(t, m)
	if n := m.pages.view.CurrentPage(); n != 2 {
		t.Fatalf("the page view shows page %d, the text at the top is on page 2", n)
	}
	m.pages.view.ScrollToPage(1, 0)
	m.pages.toggle()
	m.waitIdle()
	if top := m.reader.TopPosition(); top >= at {
		t.Fatalf("back from page 1, the text shows code point %d at the top, past page 2's %d", top, at)
	}
}

// A selection made in the text shows on the pages, in the theme's
// selection colour.
func TestTheTextsSelectionShowsOnThePages(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	showPages(t, m)
	start, end := passage(t, m, "treaty lapsed")
	m.reader.Select(start, end)
	sel := selectionOf(m.pages.view)
	if len(sel) != 1 || sel[0].Page != 1 || sel[0].Colour != theme.Color(theme.ColorNameSelection) {
		t.Fatalf("the pages show the selection as %v", sel)
	}
}

func marksOf(v *pageview.View) []pageview.Mark     { return v.Marks() }
func selectionOf(v *pageview.View) []pageview.Mark { return v.Selection() }

// Hovering a note's passage on the page shows the note; a click on it
// shows it in the panel.
func TestHoveringANoteOnThePageShowsIt(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	note := addNote(t, m, "sticking point", "the crux")
	m.reader.ClearSelection()
	showPages(t, m)
	start, end := passage(t, m, "sticking point")
	r := m.pages.pmap.Rects(start, end)[0]
	at, _ := m.pages.view.PointOf(r.Page, (r.X0+r.X1)/2, (r.Y0+r.Y1)/2)
	m.pages.view.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	if got := m.overlay.note(); !strings.Contains(got, "the crux") {
		t.Fatalf("hovering the note's passage shows %q", got)
	}
	m.panel.Editor.Clear()
	m.pages.view.Tapped(&fyne.PointEvent{Position: at})
	m.waitIdle()
	if got := m.panel.Editor.ID(); got != note.ID {
		t.Fatalf("a click on the note's passage edits %q in the panel, want %q", got, note.ID)
	}
}

// A double-click on a word of the page selects that word of the text; the
// page box goes to the page typed.
func TestADoubleClickSelectsAWordAndThePageBoxJumps(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	showPages(t, m)
	start, end := passage(t, m, "sticking")
	r := m.pages.pmap.Rects(start, end)[0]
	at, _ := m.pages.view.PointOf(r.Page, (r.X0+r.X1)/2, (r.Y0+r.Y1)/2)
	m.pages.view.DoubleTapped(&fyne.PointEvent{Position: at})
	if s, e := m.reader.Selection(); s != start || e != end {
		t.Fatalf("the double-click selected %q", string(m.reader.Text()[s:e]))
	}
	m.pages.view.ScrollToPage(1, 0)
	m.pages.number.SetText("2")
	m.pages.number.OnSubmitted("2")
	if n, _ := m.pages.view.TopPlace(); n != 2 {
		t.Fatalf("the page box's 2 shows page %d at the top", n)
	}
	m.pages.goToPage("9")
	if !strings.Contains(m.status.label.Text, "no page") {
		t.Fatalf("a page past the last says %q", m.status.label.Text)
	}
}

// A jump made in the text's terms while the pages show (here the
// outline's) shows the page it leads to.
func TestAJumpWhileThePagesShowGoesToItsPage(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	showPages(t, m)
	at, _ := passage(t, m, "Verification")
	m.reading.jump(at)
	m.waitIdle()
	if n := m.pages.view.CurrentPage(); n != 2 {
		t.Fatalf("a jump to page 2's text shows page %d", n)
	}
}
