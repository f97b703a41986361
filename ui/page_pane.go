package ui

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/pageview"
	"scholia/ui/reader"
)

// pageCacheBudget is how many bytes of drawn pages the page view keeps:
// about a dozen pages across a large screen.
const pageCacheBudget = 48 << 20

// pagePane is the page view: a PDF's pages as printed in place of the
// reflowed text, with the same highlights, notes and questions. Selecting
// on a page selects the same code points in the reader, so every
// annotating action (the menus, Ctrl+H, the keys 1-6) works on it as on
// the text; the reader stays the one selection and the one document.
type pagePane struct {
	view   *pageview.View
	box    *fyne.Container // the view with its bar of page and zoom
	number *widget.Entry
	of     *widget.Label
	zoom   *widget.Select
	button *widget.Button // the toolbar's toggle, shown while a PDF is open

	lib     *library.Library
	tasks   *tasks
	guard   *crashGuard
	reader  *reader.Reader
	overlay *overlay
	status  func(string)
	tapped  func(pos int)
	canvas  fyne.Canvas // the window's, to give the pages the keys
	opened  int         // pages opened so far: each opening its own lane

	docID  string           // the document whose pages are open
	pages  *library.Pages   // nil until open
	pmap   *library.PageMap // where the text stands on the pages, nil until mapped
	cache  *library.PageCache
	anns   []annotate.Annotation
	varnt  fyne.ThemeVariant
	anchor int // where a drag on a page began, a code point
	caret  int
}

// zoomChoices are the zoom list's entries: the fits, then the steps of
// Ctrl+wheel.
var zoomChoices = func() []string {
	out := []string{"Fit Width", "Fit Page"}
	for _, s := range pageview.Steps {
		out = append(out, strconv.Itoa(s)+"%")
	}
	return out
}()

func newPagePane(lib *library.Library, t *tasks, g *crashGuard, r *reader.Reader, o *overlay, status func(string), tapped func(int)) *pagePane {
	p := &pagePane{view: pageview.New(), lib: lib, tasks: t, guard: g, reader: r, overlay: o, status: status, tapped: tapped}
	p.number = widget.NewEntry()
	p.number.OnSubmitted = p.goToPage
	p.of = widget.NewLabel("of 0")
	p.zoom = widget.NewSelect(zoomChoices, p.zoomChosen)
	p.zoom.SetSelected("Fit Width")
	bar := container.NewHBox(widget.NewLabel("Page"), container.NewGridWrap(fyne.NewSize(64, p.number.MinSize().Height), p.number), p.of, p.zoom)
	clip := container.NewScroll(p.view) // the pages scroll themselves: this only clips them
	clip.Direction = container.ScrollNone
	p.box = container.NewBorder(bar, nil, nil, nil, clip)
	p.box.Hide()
	v := p.view
	v.OnPress, v.OnDrag, v.OnDragEnd = p.press, p.drag, p.dragEnd
	v.OnDoubleTap, v.OnTap, v.OnHover = p.doubleTap, p.tap, p.hover
	v.OnScrolled = p.scrolled
	v.OnZoom = func(z pageview.Zoom) { p.zoom.SetSelected(fmt.Sprintf("%d%%", z)) }
	return p
}

// showing says whether the page view is shown.
func (p *pagePane) showing() bool { return p.box.Visible() }

// toggle shows the open PDF's pages, at the page of the text at the top
// of the reader, or goes back to the text, at the text at the top of the
// page shown.
func (p *pagePane) toggle() {
	if p.showing() {
		p.hide()
		return
	}
	doc := p.reader.Document()
	if doc == nil || doc.Format != "pdf" {
		p.status("Only a PDF has pages to show; this document is its text")
		return
	}
	pos := p.reader.TopPosition()
	if p.pages != nil && p.docID == doc.ID {
		p.show(pos)
		return
	}
	p.open(doc.ID, pos)
}

// open opens a document's pages off the UI goroutine, then shows them at
// code point pos.
func (p *pagePane) open(docID string, pos int) {
	p.close()
	p.opened++
	start(p.tasks, "pages"+strconv.Itoa(p.opened), "Opening the pages…", func() (*library.Pages, error) {
		return p.lib.OpenPages(docID, "")
	}, func(pages *library.Pages, err error) {
		if err != nil {
			p.status(capitalise(err.Error()))
			if errors.Is(err, library.ErrNoPages) {
				return
			}
			fyne.LogError("opening a PDF's pages", err)
			return
		}
		if d := p.reader.Document(); d == nil || d.ID != docID {
			_ = pages.Close() // another document was opened meanwhile
			return
		}
		p.status("")
		p.docID, p.pages = docID, pages
		p.cache = pages.NewCache(pageCacheBudget, func(int, int) { p.guard.do(p.view.Refresh) })
		p.view.SetPages(pages, p.cache)
		p.of.SetText("of " + strconv.Itoa(pages.Count()))
		p.show(pos)
		p.mapText(docID, pages, pos)
	})
}

// mapText finds, off the UI goroutine, where the text stands on the
// pages; then the pages take selections and show the annotations, and
// the view goes to the place of pos unless the reader has scrolled.
func (p *pagePane) mapText(docID string, pages *library.Pages, pos int) {
	start(p.tasks, "pages"+strconv.Itoa(p.opened), "Finding the text on the pages…", pages.Map, func(m *library.PageMap, err error) {
		if p.pages != pages {
			return // closed meanwhile
		}
		if err != nil {
			p.status("The text cannot be found on the pages: " + err.Error())
			return
		}
		p.status("")
		top, _ := p.view.TopPlace()
		p.pmap = m
		p.paint(p.anns, p.varnt)
		p.selectionChanged(p.reader.Selection())
		if top == 1 && p.showing() {
			n, y := p.placeOf(pos)
			p.view.ScrollToPage(n, max(0, y-12))
		}
	})
}

// show shows the pages at the place of code point pos.
func (p *pagePane) show(pos int) {
	p.box.Show()
	p.reader.Hide()
	p.overlay.toolbar.Hide()
	p.selectionChanged(p.reader.Selection())
	n, y := p.placeOf(pos)
	p.view.ScrollToPage(n, max(0, y-12))
	p.scrolled()
	p.focus()
}

// focus gives the pages the keys (arrows, Page Up and Down scroll them).
func (p *pagePane) focus() {
	if p.canvas != nil {
		p.canvas.Focus(p.view)
	}
}

// hide goes back to the text, at the text at the top of the page shown.
func (p *pagePane) hide() {
	pos, ok := p.topPosition()
	p.box.Hide()
	p.reader.Show()
	p.overlay.toolbar.Hide()
	if ok {
		p.reader.ScrollTo(pos)
	}
	p.reader.Focus()
}

// readerMoved follows the reader while the pages show: a jump made in
// the text's terms (an outline entry, a match of the find bar, Back, an
// annotation chosen in the panel) shows its page.
func (p *pagePane) readerMoved() {
	if !p.showing() || p.pmap == nil {
		return
	}
	n, y := p.placeOf(p.reader.TopPosition())
	p.view.ScrollToPage(n, max(0, y-12))
}

// documentShown follows the reader to another document: its pages, if
// the page view is shown and it is a PDF; else back to the text.
func (p *pagePane) documentShown(doc *annotate.Document, pos int) {
	if p.button != nil {
		if doc != nil && doc.Format == "pdf" {
			p.button.Show()
		} else {
			p.button.Hide() // only a PDF has pages: the toolbar keeps its words
		}
	}
	if doc != nil && doc.ID == p.docID {
		return
	}
	wasShowing := p.showing()
	p.close()
	if !wasShowing {
		return
	}
	if doc == nil || doc.Format != "pdf" {
		p.box.Hide()
		p.reader.Show()
		return
	}
	p.open(doc.ID, pos)
}

// close lets the open pages go.
func (p *pagePane) close() {
	if p.cache != nil {
		p.cache.Close()
	}
	if p.pages != nil {
		_ = p.pages.Close()
	}
	p.pages, p.pmap, p.cache, p.docID = nil, nil, nil, ""
	p.view.SetPages(nil, nil)
}

// placeOf is the page showing code point pos (or the next one shown) and
// how far down it, in points.
func (p *pagePane) placeOf(pos int) (int, float64) {
	if p.pmap == nil {
		return 1, 0
	}
	n := p.pmap.PageOf(pos)
	if n == 0 {
		return 1, 0
	}
	cs := p.pmap.Pages[n-1].Chars
	i := sort.Search(len(cs), func(i int) bool { return cs[i].At >= pos })
	if i == len(cs) {
		return n, 0
	}
	return n, cs[i].Box.Y0
}

// topPosition is the first code point of the text shown at the top of the
// view: of the characters on the top page below the view's top, the first
// in the text.
func (p *pagePane) topPosition() (int, bool) {
	if p.pmap == nil {
		return 0, false
	}
	n, y := p.view.TopPlace()
	for ; n <= p.pmap.Count(); n++ {
		best := -1
		for _, c := range p.pmap.Pages[n-1].Chars {
			if c.Box.Y1 >= y && (best < 0 || c.At < best) {
				best = c.At
			}
		}
		if best >= 0 {
			return best, true
		}
		y = 0
	}
	return 0, false
}

func (p *pagePane) scrolled() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.number)
	if c == nil || c.Focused() != p.number {
		p.number.SetText(strconv.Itoa(p.view.CurrentPage()))
	}
	p.overlay.tooltipBox.Hide()
}

func (p *pagePane) goToPage(s string) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > p.view.Count() {
		p.status(fmt.Sprintf("There is no page %q; the pages go from 1 to %d", s, p.view.Count()))
		return
	}
	p.view.ScrollToPage(n, 0)
	p.focus()
}

func (p *pagePane) zoomChosen(s string) {
	switch s {
	case "Fit Width":
		p.view.SetZoom(pageview.FitWidth)
	case "Fit Page":
		p.view.SetZoom(pageview.FitPage)
	default:
		if pct, err := strconv.Atoi(strings.TrimSuffix(s, "%")); err == nil {
			p.view.SetZoom(pageview.Zoom(pct))
		}
	}
}

// paint draws the document's annotations on its pages: each passage's
// characters in its colour, a sign in the margin by a note's or a
// question's first line.
func (p *pagePane) paint(anns []annotate.Annotation, variant fyne.ThemeVariant) {
	p.anns, p.varnt = anns, variant
	if p.pmap == nil {
		return
	}
	var marks []pageview.Mark
	var signs []pageview.Marker
	for _, a := range anns {
		if a.Anchor == nil || a.Orphan {
			continue
		}
		rects := p.pmap.Rects(a.Anchor.Start, a.Anchor.End)
		for _, r := range rects {
			marks = append(marks, pageview.Mark{Page: r.Page, Rect: pageview.Rect(r.Rect), Colour: fill(a.Colour, variant)})
		}
		if a.Kind != annotate.KindHighlight && len(rects) > 0 {
			r := rects[0]
			signs = append(signs, pageview.Marker{Page: r.Page, Y0: r.Y0, Y1: r.Y1, Colour: solid(a.Colour), Question: a.Kind == annotate.KindQuestion})
		}
	}
	p.view.SetMarks(marks, signs)
}

// selectionChanged paints the reader's selection on the pages.
func (p *pagePane) selectionChanged(start, end int) {
	p.paintSelection(start, end)
}

func (p *pagePane) paintSelection(start, end int) {
	if p.pmap == nil {
		return
	}
	var sel []pageview.Mark
	colour := theme.Color(theme.ColorNameSelection)
	for _, r := range p.pmap.Rects(start, end) {
		sel = append(sel, pageview.Mark{Page: r.Page, Rect: pageview.Rect(r.Rect), Colour: colour})
	}
	p.view.SetSelection(sel)
}

// press starts a selection at the character nearest the pointer; with
// Shift it extends the selection there.
func (p *pagePane) press(n int, x, y float64, shift bool) {
	if p.pmap == nil {
		return
	}
	at, ok := p.pmap.Caret(n, x, y)
	if !ok {
		return
	}
	p.overlay.toolbar.Hide()
	if shift {
		s, e := p.reader.Selection()
		if at < s {
			s = e
		}
		p.anchor, p.caret = s, at
		p.reader.Select(p.anchor, p.caret)
		p.placeToolbar()
		return
	}
	p.anchor, p.caret = at, at
	p.paintSelection(at, at)
}

func (p *pagePane) drag(n int, x, y float64) {
	if p.pmap == nil {
		return
	}
	if at, ok := p.pmap.Caret(n, x, y); ok {
		p.caret = at
		p.paintSelection(min(p.anchor, at), max(p.anchor, at))
	}
}

// dragEnd makes the pages' selection the reader's: the same code points.
func (p *pagePane) dragEnd() {
	if p.pmap == nil {
		return
	}
	p.reader.Select(p.anchor, p.caret)
	p.placeToolbar()
}

// doubleTap selects the word under the pointer.
func (p *pagePane) doubleTap(n int, x, y float64) {
	if p.pmap == nil {
		return
	}
	at, ok := p.pmap.CharAt(n, x, y)
	if !ok {
		return
	}
	text := p.reader.Text()
	s, e := at, at+1
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' }
	if at < len(text) && isWord(text[at]) {
		for s > 0 && isWord(text[s-1]) {
			s--
		}
		for e < len(text) && isWord(text[e]) {
			e++
		}
	}
	p.anchor, p.caret = s, e
	p.reader.Select(s, e)
	p.placeToolbar()
}

// tap on a highlight shows it in the panel.
func (p *pagePane) tap(n int, x, y float64) {
	if p.pmap == nil {
		return
	}
	if at, ok := p.pmap.CharAt(n, x, y); ok {
		p.tapped(at)
	}
}

// hover shows the note of the passage under the pointer.
func (p *pagePane) hover(n int, x, y float64, at fyne.Position) {
	if p.pmap == nil || n == 0 || p.view.Dragging() {
		p.overlay.hover(annotate.Annotation{}, false, at)
		return
	}
	pos, ok := p.pmap.CharAt(n, x, y)
	if !ok {
		p.overlay.hover(annotate.Annotation{}, false, at)
		return
	}
	was := p.overlay.note()
	p.overlay.hovered(pos, at.Add(p.view.Position()))
	if p.overlay.note() != was {
		// Nothing else redraws the layer over the pages (the reader
		// redraws itself on hover): shown alone, the note stayed undrawn.
		p.overlay.floating.Refresh()
	}
}

// placeToolbar puts the selection toolbar above the selection's first
// line on the page (below it when there is no room).
func (p *pagePane) placeToolbar() {
	s, e := p.reader.Selection()
	if s == e || p.pmap == nil {
		p.overlay.toolbar.Hide()
		return
	}
	rects := p.pmap.Rects(s, e)
	if len(rects) == 0 {
		return
	}
	top, ok := p.view.PointOf(rects[0].Page, rects[0].X0, rects[0].Y0)
	if !ok {
		return
	}
	top = top.Add(p.view.Position())
	size := p.overlay.toolbar.MinSize()
	p.overlay.toolbar.Resize(size)
	y := top.Y - size.Height - 4
	if y < 0 {
		y = top.Y + 24
	}
	x := min(max(top.X, 4), p.box.Size().Width-size.Width-4)
	p.overlay.toolbar.Move(fyne.NewPos(x, y))
	p.overlay.toolbar.Show()
	p.overlay.floating.Refresh()
}
