package reader

import (
	"image/color"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// Highlight is a coloured range of the document's text.
type Highlight struct {
	Start, End int
	Colour     color.Color
}

// measureEms is the widest column comfortable to read, in widths of "m" at
// the reading size: about 80 characters of running text.
const measureEms = 38

// Reader shows one document and lets the reader select exact passages.
type Reader struct {
	widget.BaseWidget

	// OnSelectionChanged is called when the selection changes, with the
	// selected range (start == end when nothing is selected).
	OnSelectionChanged func(start, end int)
	// OnSelectionDone is called when a selection is complete: the mouse
	// button is released, or it was made by a command.
	OnSelectionDone func(start, end int)
	// OnScrolled is called after scrolling with the document position of
	// the first line in view.
	OnScrolled func(top int)
	// OnLinkTapped is called when a line of a contents list is clicked.
	OnLinkTapped func(entry string)
	// OnUnhandledKey gets the keys the reader does not use itself (F1...).
	OnUnhandledKey func(*fyne.KeyEvent)
	// OnRune gets the characters typed while the reader has the focus
	// (1-6 highlight in a colour).
	OnRune func(rune)
	// OnTapped is called with the document position of a plain click.
	OnTapped func(pos int)
	// OnHover is called with the document position under the pointer and
	// the pointer's place in the reader, or pos -1 when it leaves the text.
	OnHover func(pos int, at fyne.Position)
	// Guard, when set, runs the work the reader's own timers hand to the
	// UI goroutine (the flash fading, scrolling while a drag rests at an
	// edge) and the goroutine of those timers, so the window can catch a
	// panic in them.
	Guard func(work func())

	doc        *annotate.Document
	text       []rune
	meta       string
	st         *styles
	lay        *layout
	page       *page
	scroll     *container.Scroll
	anchor     int
	caret      int
	highlights []Highlight
	finds      []Highlight
	flash      []Highlight
	flashGen   int
	flashTimer *time.Timer
	markers    []Marker
	colX       float32
	settling   bool
}

// guarded runs f through Guard, if set.
func (r *Reader) guarded(f func()) {
	if r.Guard != nil {
		r.Guard(f)
		return
	}
	f()
}

// New builds an empty reader.
func New() *Reader {
	r := &Reader{st: newStyles()}
	r.page = newPage(r)
	r.scroll = container.NewVScroll(r.page)
	r.scroll.OnScrolled = func(fyne.Position) {
		r.page.Refresh()
		if r.OnScrolled != nil {
			r.OnScrolled(r.TopPosition())
		}
	}
	r.lay = &layout{}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the reader: a scroller around the page.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.scroll)
}

// SetDocument shows doc from its top, with meta (byline, site, date) under
// its title; nil empties the reader.
func (r *Reader) SetDocument(doc *annotate.Document, meta string) {
	r.doc, r.meta = doc, meta
	r.anchor, r.caret = 0, 0
	r.highlights, r.finds, r.flash, r.markers = nil, nil, nil, nil
	r.st = newStyles()
	if doc == nil {
		r.text, r.lay = nil, &layout{}
	} else {
		r.text = []rune(doc.Text())
		r.lay = newLayout(doc, r.text, meta, r.st)
		r.lay.grew = r.grew
	}
	if w := r.page.Size().Width; w > 0 {
		r.relayout(w)
	}
	r.scroll.Offset = fyne.Position{}
	r.scroll.Refresh()
	r.page.Refresh()
}

// Page is the part of the reader that takes the keyboard focus.
func (r *Reader) Page() fyne.Focusable { return r.page }

// Focus gives the reader the keyboard focus.
func (r *Reader) Focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.page); c != nil {
		c.Focus(r.page)
	}
}

// Text is the document's text as code points; callers must not change it.
func (r *Reader) Text() []rune { return r.text }

// Document is the document on show, or nil.
func (r *Reader) Document() *annotate.Document { return r.doc }

// relayout wraps the document for a page of this width, keeping the line
// at the top of the view in view.
func (r *Reader) relayout(width float32) {
	top := r.TopPosition()
	wrapped := r.lay.width > 0
	colW := min(width-2*r.st.base, r.st.paragraph.m.word("m")*measureEms)
	colW = max(colW, r.st.base*8)
	r.colX = max((width-colW)/2, 0)
	r.lay.wrap(colW)
	r.page.minHeight = r.lay.height + r.tailRoom()
	if wrapped {
		r.scroll.Offset.Y = r.lay.yOf(top) - r.lay.pad
	}
	r.scroll.Refresh()
}

// viewHeight is the height of the view, or a guess before it has one.
func (r *Reader) viewHeight() float32 {
	if h := r.scroll.Size().Height; h > 0 {
		return h
	}
	return 1000
}

// settle wraps the items in and near the view (half a view above and
// below), keeping the view on the text it shows, and fits the page to
// the heights found.
func (r *Reader) settle() {
	if r.settling || r.lay.width == 0 {
		return
	}
	r.settling = true
	defer func() { r.settling = false }()
	offset, height := r.scroll.Offset.Y, r.lay.height
	viewH := r.viewHeight()
	for i := r.lay.itemAtY(max(offset-viewH/2, 0)); i < len(r.lay.items) && r.lay.items[i].top <= r.scroll.Offset.Y+viewH*1.5; i++ {
		r.lay.at(i)
	}
	if r.lay.height != height {
		r.page.minHeight = r.lay.height + r.tailRoom()
	}
	if r.lay.height != height || r.scroll.Offset.Y != offset {
		r.scroll.Refresh()
	}
}

// grew keeps the view on the text it shows when item i, wrapped for the
// first time, changed height by d: an item above the view moves the view
// with the text.
func (r *Reader) grew(i int, d float32) {
	if r.lay.items[i].top < r.scroll.Offset.Y {
		r.scroll.Offset.Y += d
	}
}

// Selection is the selected range [start, end); start == end when nothing
// is selected.
func (r *Reader) Selection() (int, int) {
	return min(r.anchor, r.caret), max(r.anchor, r.caret)
}

// Selecting says whether the mouse is making a selection: the button is
// still down.
func (r *Reader) Selecting() bool { return r.page.dragging }

// SelectedText is exactly the selected text.
func (r *Reader) SelectedText() string {
	s, e := r.Selection()
	if s == e || e > len(r.text) {
		return ""
	}
	return string(r.text[s:e])
}

// Select selects [start, end) and repaints.
func (r *Reader) Select(start, end int) {
	r.setSelection(start, end)
}

func (r *Reader) setSelection(anchor, caret int) {
	n := len(r.text)
	anchor, caret = min(max(anchor, 0), n), min(max(caret, 0), n)
	if anchor == r.anchor && caret == r.caret {
		return
	}
	r.anchor, r.caret = anchor, caret
	r.page.Refresh()
	if r.OnSelectionChanged != nil {
		s, e := r.Selection()
		r.OnSelectionChanged(s, e)
	}
	if !r.page.dragging {
		r.selectionDone()
	}
}

func (r *Reader) selectionDone() {
	if r.OnSelectionDone != nil {
		s, e := r.Selection()
		r.OnSelectionDone(s, e)
	}
}

// SelectAll selects the whole text.
func (r *Reader) SelectAll() { r.setSelection(0, len(r.text)) }

// ClearSelection removes the selection.
func (r *Reader) ClearSelection() { r.setSelection(r.caret, r.caret) }

// Copy puts exactly the selected text on the clipboard; it does nothing
// when nothing is selected.
func (r *Reader) Copy() {
	if t := r.SelectedText(); t != "" {
		fyne.CurrentApp().Clipboard().SetContent(t)
	}
}

// SetHighlights replaces the coloured ranges painted behind the text.
func (r *Reader) SetHighlights(h []Highlight) {
	r.highlights = sortedRanges(h)
	r.page.Refresh()
}

// Highlights are the coloured ranges painted behind the text.
func (r *Reader) Highlights() []Highlight { return r.highlights }

// Markers are the margin signs drawn.
func (r *Reader) Markers() []Marker { return r.markers }

// SetFindMatches paints the matches of a search in the document; current
// (an index into matches, or -1) is painted more strongly.
func (r *Reader) SetFindMatches(matches [][2]int, current int) {
	r.finds = r.finds[:0]
	for i, m := range matches {
		c := findColour()
		if i == current {
			c = currentFindColour()
		}
		r.finds = append(r.finds, Highlight{Start: m[0], End: m[1], Colour: c})
	}
	r.page.Refresh()
}

func sortedRanges(h []Highlight) []Highlight {
	out := append([]Highlight(nil), h...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// TopPosition is the document position of the first line in view.
func (r *Reader) TopPosition() int {
	if r.lay.width == 0 {
		return 0
	}
	return r.lay.positionAtY(r.scroll.Offset.Y + r.lay.pad)
}

// ScrollTo brings the line holding pos to the top of the view.
func (r *Reader) ScrollTo(pos int) {
	if r.lay.width == 0 {
		return
	}
	r.scrollToY(r.lay.yOf(pos) - r.lay.pad)
}

// Reveal scrolls, if needed, so that pos is in view, a third from the top.
func (r *Reader) Reveal(pos int) {
	if r.lay.width == 0 {
		return
	}
	y := r.lay.yOf(pos)
	h := r.scroll.Size().Height
	if y >= r.scroll.Offset.Y && y < r.scroll.Offset.Y+h-r.st.base*3 {
		return
	}
	r.scrollToY(y - h/3)
}

// tailRoom is the space after the last line: enough for any heading, the
// last one too, to be scrolled to the top of the view.
func (r *Reader) tailRoom() float32 {
	return max(r.scroll.Size().Height-4*r.st.paragraph.lineHeight, 0)
}

func (r *Reader) scrollToY(y float32) {
	if want := r.lay.height + r.tailRoom(); r.page.minHeight != want {
		r.page.minHeight = want
		r.scroll.Refresh()
	}
	maxY := max(r.page.minHeight-r.scroll.Size().Height, 0)
	r.scroll.Offset.Y = min(max(y, 0), maxY)
	r.scroll.Refresh()
	r.page.Refresh()
	if r.OnScrolled != nil {
		r.OnScrolled(r.TopPosition())
	}
}

// scrollBy scrolls by dy and reports whether the view moved.
func (r *Reader) scrollBy(dy float32) bool {
	before := r.scroll.Offset.Y
	r.scrollToY(before + dy)
	return r.scroll.Offset.Y != before
}

func findColour() color.Color {
	return color.NRGBA{R: 0xff, G: 0x9f, B: 0x1c, A: 0x55}
}

func currentFindColour() color.Color {
	return color.NRGBA{R: 0xff, G: 0x9f, B: 0x1c, A: 0xc0}
}

func selectionColour() color.Color {
	return theme.Color(theme.ColorNameSelection)
}
