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

// SelectionEnd is where the selection ends on screen, in the reader's
// coordinates: the bottom-right of its last character, for placing a
// toolbar. ok is false when nothing is selected or it is out of view.
func (r *Reader) SelectionEnd() (fyne.Position, bool) {
	s, e := r.Selection()
	if s == e || r.lay.width == 0 {
		return fyne.Position{}, false
	}
	i, j := r.lay.locate(e)
	it := &r.lay.items[i]
	ln := it.line(j)
	if e-it.start <= ln.start && j > 0 {
		ln = it.line(j - 1)
	}
	x := r.colX + it.x(ln, e-it.start)
	y := it.top + ln.y + it.st.lineHeight - r.scroll.Offset.Y
	if y < 0 || y > r.scroll.Size().Height {
		return fyne.Position{}, false
	}
	return fyne.NewPos(x, y), true
}

// PointOf is where document position pos is drawn, in the reader's
// coordinates (the middle of its line); ok is false when out of view.
func (r *Reader) PointOf(pos int) (fyne.Position, bool) {
	if r.lay.width == 0 || len(r.lay.items) == 0 {
		return fyne.Position{}, false
	}
	i, j := r.lay.locate(pos)
	it := &r.lay.items[i]
	ln := it.line(j)
	y := it.top + ln.y + it.st.lineHeight/2 - r.scroll.Offset.Y
	if y < 0 || y > r.scroll.Size().Height {
		return fyne.Position{}, false
	}
	return fyne.NewPos(r.colX+it.x(ln, pos-it.start), y), true
}
