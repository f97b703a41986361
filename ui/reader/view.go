package reader

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// view is the reader's layout and scrolling: the document wrapped into a
// centred column on the page, and the scroller showing part of it.
type view struct {
	page     *page
	scroll   *container.Scroll
	st       *styles
	lay      *layout
	colX     float32
	settling bool
	glide    *glide // the wheel's scrolling, over a few frames
	// scrolled is called after each scroll.
	scrolled func()
}

func newView(p *page, scrolled func()) *view {
	v := &view{page: p, st: newStyles(Settings{}), lay: &layout{}, scrolled: scrolled}
	v.glide = newGlide(func(dy float32) { v.scrollBy(dy) })
	v.scroll = container.NewVScroll(p)
	v.scroll.OnScrolled = func(fyne.Position) {
		v.page.Refresh()
		v.scrolled()
	}
	return v
}

// relayout wraps the document for a page of this width, keeping the line
// at the top of the view in view.
func (v *view) relayout(width float32) {
	top := v.TopPosition()
	wrapped := v.lay.width > 0
	colW := min(width-2*v.st.base, v.st.paragraph.m.word("m")*v.st.measure)
	colW = max(colW, v.st.base*8)
	v.colX = max((width-colW)/2, 0)
	v.lay.wrap(colW)
	v.page.minHeight = v.lay.height + v.tailRoom()
	if wrapped {
		v.scroll.Offset.Y = v.lay.yOf(top) - v.lay.pad
	}
	v.scroll.Refresh()
}

// viewHeight is the height of the view, or a guess before it has one.
func (v *view) viewHeight() float32 {
	if h := v.scroll.Size().Height; h > 0 {
		return h
	}
	return 1000
}

// settle wraps the items in and near the view (half a view above and
// below), keeping the view on the text it shows, and fits the page to
// the heights found.
func (v *view) settle() {
	if v.settling || v.lay.width == 0 {
		return
	}
	v.settling = true
	defer func() { v.settling = false }()
	offset, height := v.scroll.Offset.Y, v.lay.height
	viewH := v.viewHeight()
	for i := v.lay.itemAtY(max(offset-viewH/2, 0)); i < len(v.lay.items) && v.lay.items[i].top <= v.scroll.Offset.Y+viewH*1.5; i++ {
		v.lay.at(i)
	}
	if v.lay.height != height {
		v.page.minHeight = v.lay.height + v.tailRoom()
	}
	if v.lay.height != height || v.scroll.Offset.Y != offset {
		v.scroll.Refresh()
	}
}

// grew keeps the view on the text it shows when item i, wrapped for the
// first time, changed height by d: an item above the view moves the view
// with the text.
func (v *view) grew(i int, d float32) {
	if v.lay.items[i].top < v.scroll.Offset.Y {
		v.scroll.Offset.Y += d
	}
}

// TopPosition is the document position of the first line in view. Half
// a pixel down: ScrollTo puts a line's top there up to a float32 rounding
// error, which must not make the line above it the one at the top.
func (v *view) TopPosition() int {
	if v.lay.width == 0 {
		return 0
	}
	return v.lay.positionAtY(v.scroll.Offset.Y + v.lay.pad + 0.5)
}

// ScrollTo brings the line holding pos to the top of the view.
func (v *view) ScrollTo(pos int) {
	if v.lay.width == 0 {
		return
	}
	v.glide.stop()
	v.scrollToY(v.lay.yOfStart(pos) - v.lay.pad)
}

// Reveal scrolls, if needed, so that pos is in view, a third from the top.
func (v *view) Reveal(pos int) {
	if v.lay.width == 0 {
		return
	}
	y := v.lay.yOf(pos)
	h := v.scroll.Size().Height
	if y >= v.scroll.Offset.Y && y < v.scroll.Offset.Y+h-v.st.base*3 {
		return
	}
	v.scrollToY(y - h/3)
}

// tailRoom is the space after the last line: enough for any heading, the
// last one too, to be scrolled to the top of the view.
func (v *view) tailRoom() float32 {
	return max(v.scroll.Size().Height-4*v.st.paragraph.lineHeight, 0)
}

func (v *view) scrollToY(y float32) {
	if want := v.lay.height + v.tailRoom(); v.page.minHeight != want {
		v.page.minHeight = want
		v.scroll.Refresh()
	}
	maxY := max(v.page.minHeight-v.scroll.Size().Height, 0)
	v.scroll.Offset.Y = min(max(y, 0), maxY)
	v.scroll.Refresh()
	v.page.Refresh()
	v.scrolled()
}

// scrollBy scrolls by dy and reports whether the view moved.
func (v *view) scrollBy(dy float32) bool {
	before := v.scroll.Offset.Y
	v.scrollToY(before + dy)
	return v.scroll.Offset.Y != before
}

// PointOf is where document position pos is drawn, in the reader's
// coordinates (the middle of its line); ok is false when out of view.
func (v *view) PointOf(pos int) (fyne.Position, bool) {
	if v.lay.width == 0 || len(v.lay.items) == 0 {
		return fyne.Position{}, false
	}
	i, j := v.lay.locate(pos)
	it := v.lay.at(i)
	ln := it.line(j)
	y := it.top + ln.y + it.st.lineHeight/2 - v.scroll.Offset.Y
	if y < 0 || y > v.scroll.Size().Height {
		return fyne.Position{}, false
	}
	return fyne.NewPos(v.colX+it.x(ln, pos-it.start), y), true
}

// overText says whether a point of the page is on a line of text.
func (v *view) overText(pt fyne.Position) bool {
	if len(v.lay.items) == 0 {
		return false
	}
	it := v.lay.at(v.lay.itemAtY(pt.Y))
	if it.block < 0 || pt.Y < it.top || pt.Y >= it.top+it.height {
		return false
	}
	ln := it.line(it.lineAtY(pt.Y))
	x := pt.X - v.colX
	left, right := it.span(ln)
	return x >= left && x <= right
}

// linkAt is the contents entry under a point of the page, if any.
func (v *view) linkAt(pt fyne.Position) (string, bool) {
	if len(v.lay.items) == 0 {
		return "", false
	}
	it := v.lay.at(v.lay.itemAtY(pt.Y))
	if !it.st.link || pt.Y < it.top || pt.Y >= it.top+it.height {
		return "", false
	}
	ln := it.line(it.lineAtY(pt.Y))
	x := pt.X - v.colX
	left, right := it.span(ln)
	if x < left || x > right+v.st.base {
		return "", false
	}
	// A wrapped entry: take the whole source line around this one.
	s, e := ln.start, ln.end
	for s > 0 && it.runes[s-1] != '\n' {
		s--
	}
	for e < len(it.runes) && it.runes[e] != '\n' {
		e++
	}
	return string(it.runes[s:e]), true
}
