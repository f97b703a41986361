package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// controls are the buttons and drop-downs drawn in the window (not in a
// dialog), each with where it is drawn.
func controls(m *MainWindow) map[fyne.CanvasObject][2]fyne.Position {
	d := fyne.CurrentApp().Driver()
	out := map[fyne.CanvasObject][2]fyne.Position{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o.(type) {
		case *widget.Button, *widget.Select:
			at := d.AbsolutePositionForObject(o)
			out[o] = [2]fyne.Position{at, at.Add(o.Size())}
			return
		case *widget.List:
			return // rows scroll inside the list
		}
		children := childrenOf(o)
		for _, c := range children {
			walk(c)
		}
	}
	walk(m.win.Content())
	return out
}

// checkNothingClipped fails when a button or drop-down of the window
// reaches past its right edge or overlaps another.
func checkNothingClipped(t *testing.T, m *MainWindow, what string) {
	t.Helper()
	width := m.win.Canvas().Size().Width
	cs := controls(m)
	if len(cs) == 0 {
		t.Fatalf("%s: no buttons drawn", what)
	}
	for o, r := range cs {
		if r[0].X < -0.5 || r[1].X > width+0.5 {
			t.Errorf("%s: %s drawn from x=%v to %v, the window is %v wide", what, describe(o), r[0].X, r[1].X, width)
		}
		for p, q := range cs {
			if p != o && r[0].X < q[1].X-0.5 && q[0].X < r[1].X-0.5 && r[0].Y < q[1].Y-0.5 && q[0].Y < r[1].Y-0.5 {
				t.Errorf("%s: %s overlaps %s", what, describe(o), describe(p))
			}
		}
	}
}

func describe(o fyne.CanvasObject) string {
	if b, ok := o.(*widget.Button); ok {
		return fmt.Sprintf("the button %q (%p)", b.Text, b)
	}
	return fmt.Sprintf("%T", o)
}

// shownPanes says which of the library, the reader and the panel show.
func shownPanes(m *MainWindow) string {
	s := ""
	for _, p := range []struct {
		name string
		on   bool
	}{{"library", m.frame.libPane.Visible()}, {"reader", m.frame.centrePane.Visible()}, {"panel", m.panel.Visible()}} {
		if p.on {
			s += p.name + " "
		}
	}
	return s
}

// resizeTo gives the window a width, as a person dragging its edge.
func resizeTo(m *MainWindow, width float32) {
	m.win.Resize(fyne.NewSize(width, 800))
	uiLoop.drain()
}

// A window 480 px wide stays usable: the library and the panel collapse
// into toggles that show each in the reader's place, nothing is clipped
// or overlaps, and Ctrl+Shift+P never changes what the window needs.
func TestANarrowWindowCollapsesItsPanes(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement, "r.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	note := addNote(t, m, "in principle", "what does it bind?")
	resizeTo(m, 480)
	need := m.win.Content().MinSize()
	if need.Width > 480 {
		t.Fatalf("the window needs %v px, more than 480", need.Width)
	}
	if got := shownPanes(m); got != "reader " {
		t.Errorf("at 480 px the window shows %q, want the reader alone", got)
	}
	checkNothingClipped(t, m, "480 px")
	m.tapped(note.Anchor.Start + 1)
	if got := shownPanes(m); got != "reader " {
		t.Errorf("a click on a note at 480 px shows %q, want the reader kept", got)
	}

	menuShortcut(t, m, "Annotations Panel")
	if got := shownPanes(m); got != "panel " {
		t.Errorf("Ctrl+Shift+P at 480 px shows %q, want the panel in the reader's place", got)
	}
	if got := m.win.Content().MinSize(); got != need {
		t.Errorf("Ctrl+Shift+P changed what the window needs from %v to %v", need, got)
	}
	checkNothingClipped(t, m, "480 px, the panel shown")
	menuShortcut(t, m, "Annotations Panel")
	if got := shownPanes(m); got != "reader " {
		t.Errorf("Ctrl+Shift+P again shows %q, want the reader back", got)
	}
	menuShortcut(t, m, "Annotations Panel")
	back, ok := find(m.win.Content(), func(b *widget.Button) bool { return b.Text == "Back to the Reader" && b.Visible() })
	if !ok {
		t.Fatal("the panel shown in the reader's place has no button back to the reader")
	}
	test.Tap(back)
	if got := shownPanes(m); got != "reader " {
		t.Errorf("Back to the Reader shows %q, want the reader", got)
	}

	menuShortcut(t, m, "Library List")
	if got := shownPanes(m); got != "library " {
		t.Errorf("the library toggle at 480 px shows %q, want the library in the reader's place", got)
	}
	if w := m.frame.libPane.Size().Width; w < 470 {
		t.Errorf("the library alone is %v px wide in a window of 480", w)
	}
	checkNothingClipped(t, m, "480 px, the library shown")
	openTitled(t, m, "Analyst Reply")
	if got := shownPanes(m); got != "reader " {
		t.Errorf("picking a document in the library leaves %q shown, want the reader", got)
	}
	menuShortcut(t, m, "Library List")
	for _, d := range m.library.list.shown {
		if d.ID != m.reader.Document().ID {
			m.OpenDocument(d.ID) // as a search result or an import opens one
			break
		}
	}
	m.waitIdle()
	if got := shownPanes(m); got != "reader " {
		t.Errorf("a document opened while the library stands in the reader's place leaves %q shown, want the reader", got)
	}
	menuShortcut(t, m, "Library List")
	resizeTo(m, 1200)
	resizeTo(m, 480)
	if got := shownPanes(m); got != "reader " {
		t.Errorf("after the window was widened and narrowed again it shows %q, want the reader", got)
	}
	if got := m.win.Content().MinSize(); got.Width != need.Width {
		t.Errorf("the toggles changed the width the window needs from %v to %v", need.Width, got.Width)
	}
}

// At 1200 and 1900 px the three panes show side by side, and the panel's
// toggle hides and shows the panel without changing what the window
// needs.
func TestAWideWindowShowsThePanesSideBySide(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	for _, w := range []float32{1200, 1900} {
		resizeTo(m, w)
		what := fmt.Sprintf("%v px", w)
		if got := shownPanes(m); got != "library reader panel " {
			t.Errorf("%s: shows %q, want the three panes", what, got)
		}
		checkNothingClipped(t, m, what)
		need := m.win.Content().MinSize()
		menuShortcut(t, m, "Annotations Panel")
		if got := shownPanes(m); got != "library reader " {
			t.Errorf("%s: Ctrl+Shift+P shows %q, want the panel hidden", what, got)
		}
		if got := m.win.Content().MinSize(); got != need {
			t.Errorf("%s: Ctrl+Shift+P changed what the window needs from %v to %v", what, need, got)
		}
		checkNothingClipped(t, m, what+", the panel hidden")
		menuShortcut(t, m, "Annotations Panel")
	}
}
