package reader

import "fyne.io/fyne/v2"

// wheelNotch is how far Fyne's desktop driver reports one notch of a
// mouse wheel has scrolled, in pixels; wheelLines is how many lines of
// running text the reader scrolls for it instead.
const (
	wheelNotch = 25
	wheelLines = 3
)

var _ fyne.Scrollable = (*page)(nil)

// Scrolled scrolls three lines of running text per notch of the wheel
// (a touchpad's finer steps in proportion), smoothly.
func (p *page) Scrolled(e *fyne.ScrollEvent) {
	p.r.wheel(e.Scrolled.DY)
}

// wheel scrolls for a wheel's turn of dy pixels as the driver counts them
// (positive: towards the top), gliding over a few frames.
func (v *view) wheel(dy float32) {
	v.glide.by(-dy / wheelNotch * wheelLines * v.st.paragraph.lineHeight)
}

// scrollToEnd shows the last line of text at the bottom of the view. The
// items near the end are wrapped first, so the end is where it is drawn,
// not where it was estimated.
func (v *view) scrollToEnd() {
	if v.lay.width == 0 || len(v.lay.items) == 0 {
		return
	}
	viewH := v.viewHeight()
	for i := len(v.lay.items) - 1; i >= 0; i-- {
		if v.lay.height-v.lay.at(i).top > 2*viewH {
			break
		}
	}
	last := &v.lay.items[len(v.lay.items)-1]
	bottom := last.top + last.height
	v.scrollToY(bottom + v.lay.pad - viewH)
}
