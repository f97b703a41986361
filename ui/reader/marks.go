package reader

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
)

// Marker is a sign in the margin beside the line where a note or question
// starts: a dot for a note, a question mark for a question.
type Marker struct {
	Pos      int
	Question bool
	Colour   color.Color
}

// SetMarkers replaces the margin signs.
func (r *Reader) SetMarkers(m []Marker) {
	r.markers = append(r.markers[:0], m...)
	r.page.Refresh()
}

// flashTime is how long Flash shows a passage.
const flashTime = 1200 * time.Millisecond

// Flash paints a passage strongly for a moment, so the eye finds it after
// a jump.
func (r *Reader) Flash(start, end int) {
	r.flash = []Highlight{{Start: start, End: end, Colour: flashColour()}}
	r.page.Refresh()
	gen := r.flashGen + 1
	r.flashGen = gen
	if r.flashTimer != nil {
		r.flashTimer.Stop()
	}
	r.flashTimer = time.AfterFunc(flashTime, func() {
		fyne.Do(func() {
			r.guarded(func() {
				if r.flashGen == gen {
					r.flash = nil
					r.page.Refresh()
				}
			})
		})
	})
}

// Stop ends the reader's timers (the flash, auto-scrolling): the window
// holding it is closing.
func (r *Reader) Stop() {
	if r.flashTimer != nil {
		r.flashTimer.Stop()
	}
	r.page.stopAutoScroll()
}

// Flashing is the passage being flashed, if any.
func (r *Reader) Flashing() (int, int, bool) {
	if len(r.flash) == 0 {
		return 0, 0, false
	}
	return r.flash[0].Start, r.flash[0].End, true
}

func flashColour() color.Color { return color.NRGBA{R: 0xff, G: 0x6a, B: 0x00, A: 0x90} }

// SelectionEdge is where the moving end of the selection (the caret:
// where the pointer let go) is drawn, in the reader's coordinates: its x
// and the top and bottom of its line, which may lie outside the view.
// forward says the caret ends the selection, as after a drag downwards or
// a double or triple click; ok is false when nothing is selected.
func (r *Reader) SelectionEdge() (x, top, bottom float32, forward, ok bool) {
	s, e := r.Selection()
	if s == e || r.lay.width == 0 || len(r.lay.items) == 0 {
		return 0, 0, 0, false, false
	}
	forward = r.caret == e
	i, j := r.lay.locate(r.caret)
	it := r.lay.at(i)
	rel := r.caret - it.start
	if !forward && j+1 < len(it.lines) && rel == it.lines[j+1].start {
		// The selection starts a line: show it there, not at the end of
		// the line before.
		j++
	}
	ln := it.line(j)
	x = r.colX + it.x(ln, rel)
	top = it.top + ln.y - r.scroll.Offset.Y
	return x, top, top + it.st.lineHeight, forward, true
}

// PointOf is where document position pos is drawn, in the reader's
// coordinates (the middle of its line); ok is false when out of view.
func (r *Reader) PointOf(pos int) (fyne.Position, bool) {
	if r.lay.width == 0 || len(r.lay.items) == 0 {
		return fyne.Position{}, false
	}
	i, j := r.lay.locate(pos)
	it := r.lay.at(i)
	ln := it.line(j)
	y := it.top + ln.y + it.st.lineHeight/2 - r.scroll.Offset.Y
	if y < 0 || y > r.scroll.Size().Height {
		return fyne.Position{}, false
	}
	return fyne.NewPos(r.colX+it.x(ln, pos-it.start), y), true
}
