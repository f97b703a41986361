package reader

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// Highlight is a coloured range of the document's text.
type Highlight struct {
	Start, End int
	Colour     color.Color
}

// Reader shows one document and lets the reader select exact passages. It
// is assembled from three parts, each owning its state: the view (layout
// and scrolling), the selection (the text and the range selected in it)
// and the marks (highlights, find matches, the flash and margin signs).
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
	// OnUnhandledShortcut gets the shortcuts typed while the reader has
	// the focus that it does not use itself and the main menu has not
	// taken (Ctrl++, the keypad's Ctrl++).
	OnUnhandledShortcut func(fyne.Shortcut)
	// OnRune gets the characters typed while the reader has the focus
	// (1-6 highlight in a colour).
	OnRune func(rune)
	// OnTapped is called with the document position of a plain click.
	OnTapped func(pos int)
	// OnHover is called with the document position under the pointer and
	// the pointer's place in the reader, or pos -1 when it leaves the text.
	OnHover func(pos int, at fyne.Position)
	// OnSecondaryTapped is called with the document position of a right
	// click on the text and the pointer's place on the canvas.
	OnSecondaryTapped func(pos int, at fyne.Position)
	// Guard, when set, runs the work the reader's own timers hand to the
	// UI goroutine (the flash fading, scrolling while a drag rests at an
	// edge) and the goroutine of those timers, so the window can catch a
	// panic in them.
	Guard func(work func())

	*view
	*selection
	*marks

	doc      *annotate.Document
	meta     string
	page     *page
	settings Settings
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
	r := &Reader{}
	r.page = newPage(r)
	r.view = newView(r.page, func() {
		if r.OnScrolled != nil {
			r.OnScrolled(r.TopPosition())
		}
	})
	r.selection = &selection{page: r.page,
		changed: func(s, e int) {
			if r.OnSelectionChanged != nil {
				r.OnSelectionChanged(s, e)
			}
		},
		done: func(s, e int) {
			if r.OnSelectionDone != nil {
				r.OnSelectionDone(s, e)
			}
		},
	}
	r.marks = &marks{page: r.page, guard: r.guarded}
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
	r.glide.stop()
	r.anchor, r.caret = 0, 0
	r.marks.clear()
	r.st = newStyles(r.settings)
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

// Stop ends the reader's timers (the flash, auto-scrolling): the window
// holding it is closing.
func (r *Reader) Stop() {
	r.marks.stop()
	r.page.stopAutoScroll()
}

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

// SelectionSpan is the top of the selection's first line and the bottom
// of its last, in the reader's coordinates (they may lie outside the
// view); ok is false when nothing is selected.
func (r *Reader) SelectionSpan() (top, bottom float32, ok bool) {
	s, e := r.Selection()
	if s == e || r.lay.width == 0 || len(r.lay.items) == 0 {
		return 0, 0, false
	}
	i, j := r.lay.locate(s)
	it := r.lay.at(i)
	if j+1 < len(it.lines) && s-it.start == it.lines[j+1].start {
		j++
	}
	top = it.top + it.line(j).y - r.scroll.Offset.Y
	i, j = r.lay.locate(e)
	it = r.lay.at(i)
	bottom = it.top + it.line(j).y + it.st.lineHeight - r.scroll.Offset.Y
	return top, max(bottom, top), true
}

// blockRange is the range of the block holding pos: a paragraph, heading
// or list item. A position just after a block (a click right of its last
// line, or below it) is that block's, as with words.
func (r *Reader) blockRange(pos int) (int, int) {
	if r.doc == nil || len(r.doc.Blocks) == 0 {
		return 0, 0
	}
	i := r.doc.BlockAt(pos)
	if i < 0 {
		i = len(r.doc.Blocks)
	}
	if i > 0 && (i == len(r.doc.Blocks) || pos < r.doc.Blocks[i].Start) {
		i--
	}
	b := r.doc.Blocks[i]
	return b.Start, b.End()
}

// SelectionColour is the tint behind selected text: the theme's text
// colour, faint, a grey no highlight colour comes near; a line in the
// text colour under the selected text (selectionLineColour) marks it too.
// The theme's own selection colour is not used: it is a tint of the
// primary colour, which a highlight (blue, or the colour of the user's
// choice) can match.
func SelectionColour() color.Color {
	c := color.NRGBAModel.Convert(theme.Color(theme.ColorNameForeground)).(color.NRGBA)
	c.A = 0x38
	return c
}

func selectionLineColour() color.Color {
	c := color.NRGBAModel.Convert(theme.Color(theme.ColorNameForeground)).(color.NRGBA)
	c.A = 0xc0
	return c
}

// FlashColour is the frame drawn around a passage for a moment after a
// jump to it (Flash): the text colour, drawn as an outline so it is never
// taken for a highlight.
func FlashColour() color.Color {
	c := color.NRGBAModel.Convert(theme.Color(theme.ColorNameForeground)).(color.NRGBA)
	c.A = 0xff
	return c
}
