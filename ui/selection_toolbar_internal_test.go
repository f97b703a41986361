package ui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// toolbarOnScreen says whether the selection toolbar shows, whole, over
// the reader's visible area.
func toolbarOnScreen(w *MainWindow) bool {
	if !w.overlay.toolbar.Visible() {
		return false
	}
	d := fyne.CurrentApp().Driver()
	r, tb := d.AbsolutePositionForObject(w.reader), d.AbsolutePositionForObject(w.overlay.toolbar)
	rs, ts := w.reader.Size(), w.overlay.toolbar.Size()
	return ts.Width > 0 && tb.X >= r.X && tb.Y >= r.Y && tb.X+ts.Width <= r.X+rs.Width && tb.Y+ts.Height <= r.Y+rs.Height
}

// TestTheToolbarFollowsEveryFinishedSelection drags 50 times from a
// random place of the text to a random place in or around the reader (past
// its edges, over the panels, off the window), with the events in the
// order the GL driver sends them, and double- and triple-clicks between:
// after every selection the toolbar shows, on screen.
func TestTheToolbarFollowsEveryFinishedSelection(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	openTitled(t, w, "Arms Control After 1991")
	mouse := newPointer(w.Window().Canvas())
	d := fyne.CurrentApp().Driver()
	origin, size := d.AbsolutePositionForObject(w.reader), w.reader.Size()
	inText := func(rnd *rand.Rand) fyne.Position {
		return fyne.NewPos(origin.X+size.Width*(0.1+0.8*rnd.Float32()), origin.Y+size.Height*rnd.Float32())
	}
	around := func(rnd *rand.Rand) fyne.Position {
		return fyne.NewPos(origin.X-200+(size.Width+400)*rnd.Float32(), origin.Y-80+(size.Height+160)*rnd.Float32())
	}
	check := func(what string) {
		t.Helper()
		s, e := w.reader.Selection()
		if s == e {
			if w.overlay.toolbar.Visible() {
				t.Errorf("%s: nothing is selected, yet the toolbar shows", what)
			}
			return
		}
		if !toolbarOnScreen(w) {
			t.Errorf("%s selected %d–%d (view at %d): the toolbar is not on screen (visible %v at %v)",
				what, s, e, w.reader.TopPosition(), w.overlay.toolbar.Visible(), w.overlay.toolbar.Position())
		}
	}
	rnd := rand.New(rand.NewPCG(13, 2))
	selected := 0
	for i := range 50 {
		if i%7 == 6 {
			// A turn of three to eight notches of the wheel (25 px each as the
			// driver counts them): 200 to 600 px of text.
			test.Scroll(w.Window().Canvas(), inText(rnd), 0, -70-130*rnd.Float32())
		}
		from := inText(rnd)
		to := around(rnd)
		if i%3 == 0 {
			to = inText(rnd)
		}
		mouse.drag(from, to, 1+rnd.IntN(8))
		if s, e := w.reader.Selection(); s != e {
			selected++
		}
		check(fmt.Sprintf("drag %d %v → %v", i, from, to))
		if i%10 == 4 {
			at := inText(rnd)
			mouse.click(at, 2)
			ws, we := w.reader.Selection()
			check(fmt.Sprintf("double-click at %v", at))
			mouse.click(at, 3)
			if s, e := w.reader.Selection(); !wholeBlock(w, s, e) || s > ws || e < ws {
				t.Errorf("triple-click at %v selected %d–%d, want the paragraph of the word %d–%d", at, s, e, ws, we)
			}
			check(fmt.Sprintf("triple-click at %v", at))
		}
	}
	if selected < 40 {
		t.Errorf("only %d of 50 drags selected anything: the test no longer drags across the text", selected)
	}
}

// wholeBlock says whether [s, e) is exactly one paragraph, heading or list
// item of the open document.
func wholeBlock(w *MainWindow, s, e int) bool {
	for _, b := range w.reader.Document().Blocks {
		if b.Start == s && b.End() == e {
			return true
		}
	}
	return false
}
