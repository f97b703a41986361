package reader

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// multiClick is how close in time and space clicks must be to count as a
// double or triple click.
const (
	multiClickTime = 500 * time.Millisecond
	multiClickDist = 5
	// autoScrollEdge is how near the view's top or bottom edge a drag
	// scrolls the view.
	autoScrollEdge = 28
)

// page is the tall canvas inside the reader's scroller: it lays out only
// the lines in view and turns pointer and key events into selections.
type page struct {
	widget.BaseWidget
	r         *Reader
	minHeight float32

	dragging  bool
	lastPoint fyne.Position // last pointer position while dragging (page coordinates)
	clicks    int
	lastDown  time.Time
	downAt    fyne.Position
	moved     bool
	ticker    *time.Ticker
	stopTick  chan struct{}
}

var (
	_ desktop.Mouseable      = (*page)(nil)
	_ desktop.Cursorable     = (*page)(nil)
	_ fyne.Draggable         = (*page)(nil)
	_ fyne.Focusable         = (*page)(nil)
	_ fyne.Shortcutable      = (*page)(nil)
	_ fyne.SecondaryTappable = (*page)(nil)
	_ desktop.Hoverable      = (*page)(nil)
)

func newPage(r *Reader) *page {
	p := &page{r: r}
	p.ExtendBaseWidget(p)
	return p
}

// MinSize is the column's full height, so the scroller can scroll it.
func (p *page) MinSize() fyne.Size {
	return fyne.NewSize(p.r.st.base*12, p.minHeight)
}

func (p *page) CreateRenderer() fyne.WidgetRenderer { return newPageRenderer(p) }

// Cursor is the text cursor: everything here can be selected.
func (p *page) Cursor() desktop.Cursor { return desktop.TextCursor }

// positionAt maps a point of the page to a document position.
func (p *page) positionAt(pt fyne.Position) int {
	return p.r.lay.hit(pt.X-p.r.colX, pt.Y)
}

// MouseDown starts a selection: one click places the caret (Shift+click
// extends the selection), two select a word, three a paragraph.
func (p *page) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary || p.r.doc == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	// Clicks in quick succession at one place count up; a press after a
	// drag starts afresh.
	now := time.Now()
	d := e.Position.Subtract(p.downAt)
	if !p.moved && now.Sub(p.lastDown) < multiClickTime && d.X*d.X+d.Y*d.Y < multiClickDist*multiClickDist {
		p.clicks++
	} else {
		p.clicks = 1
	}
	p.lastDown, p.downAt, p.moved = now, e.Position, false
	pos := p.positionAt(e.Position)
	switch {
	case p.clicks == 2:
		s, end := wordAt(p.r.text, pos)
		p.r.setSelection(s, end)
	case p.clicks >= 3:
		s, end := p.r.blockRange(pos)
		p.r.setSelection(s, end)
	case e.Modifier&fyne.KeyModifierShift != 0:
		p.r.setSelection(p.r.anchor, pos)
	default:
		p.r.setSelection(pos, pos)
	}
	p.dragging = true
}

// MouseUp ends a selection; a plain click on a contents entry follows it.
func (p *page) MouseUp(e *desktop.MouseEvent) {
	p.endDrag()
	if e.Button != desktop.MouseButtonPrimary || p.moved || p.clicks != 1 || e.Modifier != 0 {
		return
	}
	if entry, ok := p.r.linkAt(e.Position); ok && p.r.OnLinkTapped != nil {
		p.r.OnLinkTapped(entry)
		return
	}
	if p.r.OnTapped != nil && p.r.overText(e.Position) {
		p.r.OnTapped(p.positionAt(e.Position))
	}
}

// Dragged extends the selection to the pointer, scrolling the view when
// the pointer nears or leaves its top or bottom edge.
func (p *page) Dragged(e *fyne.DragEvent) {
	if p.r.doc == nil {
		return
	}
	if !p.dragging {
		// The press landed on something over the text (the selection
		// toolbar): the drag still selects, from where it began.
		if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
			c.Focus(p)
		}
		start := e.Position.Subtract(e.Dragged)
		pos := p.positionAt(start)
		p.r.setSelection(pos, pos)
		p.dragging, p.clicks = true, 1
	}
	p.moved = true
	p.lastPoint = e.Position
	p.r.setSelection(p.r.anchor, p.positionAt(e.Position))
	if p.edgeSpeed() != 0 {
		p.startAutoScroll()
	} else {
		p.stopAutoScroll()
	}
}

// DragEnd ends a drag.
func (p *page) DragEnd() { p.endDrag() }

func (p *page) endDrag() {
	was := p.dragging
	p.dragging = false
	p.stopAutoScroll()
	if was {
		p.r.selectionDone()
	}
}

// edgeSpeed is how far to scroll per tick for the last pointer position:
// negative near the top, positive near the bottom, faster past the edge.
func (p *page) edgeSpeed() float32 {
	y := p.lastPoint.Y - p.r.scroll.Offset.Y
	h := p.r.scroll.Size().Height
	switch {
	case y < autoScrollEdge:
		return -min(autoScrollEdge-y, 4*autoScrollEdge) / 2
	case y > h-autoScrollEdge:
		return min(y-(h-autoScrollEdge), 4*autoScrollEdge) / 2
	}
	return 0
}

// autoScrollStep scrolls one step and extends the selection to where the
// pointer now is over the text; false when the view cannot move further.
func (p *page) autoScrollStep() bool {
	dy := p.edgeSpeed()
	if dy == 0 || !p.dragging {
		return false
	}
	before := p.r.scroll.Offset.Y
	if !p.r.scrollBy(dy) {
		return false
	}
	p.lastPoint.Y += p.r.scroll.Offset.Y - before
	p.r.setSelection(p.r.anchor, p.positionAt(p.lastPoint))
	return true
}

// startAutoScroll keeps scrolling while the pointer rests near an edge.
func (p *page) startAutoScroll() {
	if p.ticker != nil {
		return
	}
	p.ticker = time.NewTicker(30 * time.Millisecond)
	stop := make(chan struct{})
	p.stopTick = stop
	tick := p.ticker.C
	go p.r.guarded(func() {
		for {
			select {
			case <-stop:
				return
			case <-tick:
				fyne.Do(func() {
					p.r.guarded(func() {
						if !p.autoScrollStep() {
							p.stopAutoScroll()
						}
					})
				})
			}
		}
	})
}

func (p *page) stopAutoScroll() {
	if p.ticker == nil {
		return
	}
	p.ticker.Stop()
	close(p.stopTick)
	p.ticker, p.stopTick = nil, nil
}

// TappedSecondary tells of a right click on the text.
func (p *page) TappedSecondary(e *fyne.PointEvent) {
	if p.r.OnSecondaryTapped != nil && p.r.doc != nil && p.r.overText(e.Position) {
		p.r.OnSecondaryTapped(p.positionAt(e.Position), e.AbsolutePosition)
	}
}

// FocusGained and FocusLost: the page takes keys once clicked.
func (p *page) FocusGained() {}
func (p *page) FocusLost()   {}

// TypedRune passes typed characters on (the text itself is read-only).
func (p *page) TypedRune(r rune) {
	if p.r.OnRune != nil {
		p.r.OnRune(r)
	}
}

// MouseIn, MouseMoved and MouseOut report what the pointer is over.
func (p *page) MouseIn(e *desktop.MouseEvent) { p.MouseMoved(e) }

// MouseMoved reports the document position under the pointer.
func (p *page) MouseMoved(e *desktop.MouseEvent) {
	if p.r.OnHover == nil || p.r.doc == nil || p.dragging {
		return
	}
	at := fyne.NewPos(e.Position.X, e.Position.Y-p.r.scroll.Offset.Y)
	if !p.r.overText(e.Position) {
		p.r.OnHover(-1, at)
		return
	}
	p.r.OnHover(p.positionAt(e.Position), at)
}

// MouseOut reports that the pointer left the text.
func (p *page) MouseOut() {
	if p.r.OnHover != nil {
		p.r.OnHover(-1, fyne.Position{})
	}
}

// TypedKey scrolls with the arrow, page and Home/End keys; Escape clears
// the selection.
func (p *page) TypedKey(e *fyne.KeyEvent) {
	line := p.r.st.paragraph.lineHeight
	view := p.r.scroll.Size().Height
	switch e.Name {
	case fyne.KeyUp:
		p.r.scrollBy(-3 * line)
	case fyne.KeyDown:
		p.r.scrollBy(3 * line)
	case fyne.KeyPageUp:
		p.r.scrollBy(-(view - 2*line))
	case fyne.KeyPageDown, fyne.KeySpace:
		p.r.scrollBy(view - 2*line)
	case fyne.KeyHome:
		p.r.scrollToY(0)
	case fyne.KeyEnd:
		p.r.scrollToEnd()
	case fyne.KeyEscape:
		p.r.ClearSelection()
		if p.r.OnUnhandledKey != nil {
			p.r.OnUnhandledKey(e)
		}
	default:
		if p.r.OnUnhandledKey != nil {
			p.r.OnUnhandledKey(e)
		}
	}
}

// TypedShortcut copies and selects all, and passes other shortcuts on.
func (p *page) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		p.r.Copy()
	case *fyne.ShortcutSelectAll:
		p.r.SelectAll()
	default:
		if p.r.OnUnhandledShortcut != nil {
			p.r.OnUnhandledShortcut(s)
		}
	}
}
