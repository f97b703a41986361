package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The selection toolbar never covers the selected lines: at the top, in
// the middle and at the bottom of the view, after drags down and up over
// one line and over three, it sits above the selection or, without room
// there, below it, so a Shift+click on the next line lands on text.
func TestTheToolbarNeverCoversTheSelection(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	openTitled(t, w, "Arms Control After 1991")
	mouse := newPointer(w.Window().Canvas())
	d := fyne.CurrentApp().Driver()
	origin, size := d.AbsolutePositionForObject(w.reader), w.reader.Size()
	test.Scroll(w.Window().Canvas(), fyne.NewPos(origin.X+size.Width/2, origin.Y+size.Height/2), 0, -600)
	line := w.reader.Size().Height / 30
	for _, at := range []float32{0.03, 0.2, 0.5, 0.8, 0.97} {
		for _, lines := range []float32{0, 2} {
			for _, up := range []bool{false, true} {
				y := origin.Y + size.Height*at
				from := fyne.NewPos(origin.X+size.Width*0.2, y)
				to := fyne.NewPos(origin.X+size.Width*0.7, y+lines*line)
				if to.Y > origin.Y+size.Height-4 {
					from.Y, to.Y = from.Y-lines*line, to.Y-lines*line
				}
				if up {
					from, to = to, from
				}
				// A drag along the gap between paragraphs selects nothing:
				// move down a little until it lands on a line.
				for try := 0; try < 4; try++ {
					w.reader.ClearSelection()
					w.overlay.toolbar.Hide()
					mouse.drag(from, to, 3)
					if s, e := w.reader.Selection(); s != e {
						break
					}
					from.Y, to.Y = from.Y-8, to.Y-8
				}
				what := fmt.Sprintf("drag at %.0f%% of the view over %.0f more lines, upwards %v", at*100, lines, up)
				s, e := w.reader.Selection()
				if s == e {
					t.Fatalf("%s selected nothing", what)
				}
				if !toolbarOnScreen(w) {
					t.Fatalf("%s: the toolbar is not on screen", what)
				}
				tb, ts := d.AbsolutePositionForObject(w.overlay.toolbar), w.overlay.toolbar.Size()
				top, bottom, _ := w.reader.SelectionSpan()
				top, bottom = top+origin.Y, bottom+origin.Y
				if tb.Y < bottom && tb.Y+ts.Height > top {
					t.Errorf("%s: the toolbar (y %.0f–%.0f) overlaps the selected lines (y %.0f–%.0f)", what, tb.Y, tb.Y+ts.Height, top, bottom)
				}
			}
		}
	}
}
