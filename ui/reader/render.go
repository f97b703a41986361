package reader

import (
	"image/color"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// pageRenderer draws the lines in and near the view from pools of canvas
// objects: rectangles (highlights, selection, quote bars) behind texts.
type pageRenderer struct {
	p       *page
	texts   []*canvas.Text
	rects   []*canvas.Rectangle
	objects []fyne.CanvasObject
	nt, nr  int
	width   float32
}

func newPageRenderer(p *page) *pageRenderer { return &pageRenderer{p: p} }

func (pr *pageRenderer) Destroy()                     {}
func (pr *pageRenderer) Objects() []fyne.CanvasObject { return pr.objects }
func (pr *pageRenderer) MinSize() fyne.Size           { return pr.p.MinSize() }

// Layout re-wraps the document when the width changes.
func (pr *pageRenderer) Layout(size fyne.Size) {
	if size.Width != pr.width && size.Width > 0 {
		pr.width = size.Width
		pr.p.r.relayout(size.Width)
	}
	pr.Refresh()
}

func (pr *pageRenderer) text() *canvas.Text {
	if pr.nt == len(pr.texts) {
		t := canvas.NewText("", color.Black)
		pr.texts = append(pr.texts, t)
		pr.rebuild()
	}
	t := pr.texts[pr.nt]
	pr.nt++
	t.Show()
	return t
}

func (pr *pageRenderer) rect(c color.Color) *canvas.Rectangle {
	if pr.nr == len(pr.rects) {
		pr.rects = append(pr.rects, canvas.NewRectangle(c))
		pr.rebuild()
	}
	rc := pr.rects[pr.nr]
	pr.nr++
	rc.FillColor = c
	rc.CornerRadius = 0
	rc.StrokeWidth = 0
	rc.Show()
	return rc
}

func (pr *pageRenderer) rebuild() {
	pr.objects = pr.objects[:0]
	for _, r := range pr.rects {
		pr.objects = append(pr.objects, r)
	}
	for _, t := range pr.texts {
		pr.objects = append(pr.objects, t)
	}
}

// Refresh lays out the visible lines and the ranges painted behind them.
func (pr *pageRenderer) Refresh() {
	r := pr.p.r
	r.settle()
	pr.nt, pr.nr = 0, 0
	lay := r.lay
	if lay.width > 0 && len(lay.items) > 0 {
		viewH := r.viewHeight()
		top := r.scroll.Offset.Y - viewH/2
		bottom := r.scroll.Offset.Y + viewH*1.5
		selS, selE := r.Selection()
		sel := []Highlight{{Start: selS, End: selE, Colour: SelectionColour()}}
		for i := lay.itemAtY(max(top, 0)); i < len(lay.items); i++ {
			it := &lay.items[i]
			if it.top > bottom {
				break
			}
			pr.drawItem(it, top, bottom, sel)
		}
	}
	for _, t := range pr.texts[pr.nt:] {
		t.Hide()
	}
	for _, rc := range pr.rects[pr.nr:] {
		rc.Hide()
	}
	canvas.Refresh(pr.p)
}

func (pr *pageRenderer) drawItem(it *item, top, bottom float32, sel []Highlight) {
	r := pr.p.r
	x0 := r.colX
	fg := theme.Color(it.st.colour)
	if it.st.bar {
		bar := pr.rect(theme.Color(theme.ColorNameSeparator))
		bx := x0 + it.st.indent - r.st.base*0.9
		if it.rtl {
			bx = x0 + r.lay.width - it.st.indent + r.st.base*0.9 - 3
		}
		bar.Move(fyne.NewPos(bx, it.top))
		bar.Resize(fyne.NewSize(3, it.height))
	}
	for j := range it.lines {
		y := it.top + it.lines[j].y
		if y+it.st.lineHeight < top || y > bottom {
			continue
		}
		ln := it.line(j)
		if it.block >= 0 {
			gs, ge := it.start+ln.start, it.start+ln.end
			more := j+1 < len(it.lines) || it.block+1 < len(r.doc.Blocks)
			pr.paint(it, ln, y, gs, ge, r.highlights, lookFill, more)
			pr.paint(it, ln, y, gs, ge, r.finds, lookSorted, more)
			pr.paint(it, ln, y, gs, ge, r.flash, lookOutline, more)
			pr.paint(it, ln, y, gs, ge, sel, lookSelection, more)
		}
		if it.block >= 0 {
			pr.drawMarkers(it, ln, y)
		}
		if j == 0 && it.st.bullet != "" {
			b := pr.text()
			pr.setText(b, it.st, it.st.bullet, fg)
			bx := x0 + it.st.indent - r.st.base*0.9
			if it.rtl {
				bx = x0 + r.lay.width - it.st.indent + r.st.base*0.9 - b.MinSize().Width
			}
			b.Move(pixel(bx, y+pr.baselineShift(it.st, b)))
		}
		if ln.units == nil {
			t := pr.text()
			pr.setText(t, it.st, string(it.runes[ln.start:ln.end]), fg)
			t.Move(pixel(x0+it.st.indent, y+pr.baselineShift(it.st, t)))
			continue
		}
		for i := range ln.units {
			u := &ln.units[i]
			if strings.TrimSpace(u.text) == "" {
				continue
			}
			t := pr.text()
			pr.setText(t, it.styleOf(u), u.text, fg)
			t.Move(pixel(x0+u.x, y+pr.baselineShift(it.st, t)))
		}
	}
}

// drawMarkers draws the margin signs of annotations starting on a line.
func (pr *pageRenderer) drawMarkers(it *item, ln line, y float32) {
	r := pr.p.r
	gs, ge := it.start+ln.start, it.start+ln.end
	x, step := r.colX-r.st.base*1.1, -r.st.base*0.9
	if it.rtl {
		x, step = r.colX+r.lay.width+r.st.base*0.6, -step
	}
	for _, m := range r.markers {
		if m.Pos < gs || m.Pos > ge || (m.Pos == ge && ln.end < len(it.runes)) {
			continue
		}
		if m.Question {
			t := pr.text()
			pr.setText(t, it.st, "?", m.Colour)
			t.TextStyle = fyne.TextStyle{Bold: true}
			t.Resize(t.MinSize())
			t.Move(pixel(x, y+pr.baselineShift(it.st, t)))
		} else {
			d := r.st.base * 0.5
			dot := pr.rect(m.Colour)
			dot.CornerRadius = d / 2
			dot.Move(pixel(x, y+(it.st.lineHeight-d)/2))
			dot.Resize(fyne.NewSize(d, d))
		}
		x += step
	}
}

func (pr *pageRenderer) setText(t *canvas.Text, st *blockStyle, s string, c color.Color) {
	t.Text, t.TextSize, t.TextStyle, t.Color, t.FontSource = s, st.size, st.text, c, st.font
	t.Resize(t.MinSize())
}

// pixel rounds a text's position to whole pixels, where glyphs are sharp.
func pixel(x, y float32) fyne.Position {
	return fyne.NewPos(float32(math.Round(float64(x))), float32(math.Round(float64(y))))
}

// baselineShift centres a text vertically in its line.
func (pr *pageRenderer) baselineShift(st *blockStyle, t *canvas.Text) float32 {
	return (st.lineHeight - t.MinSize().Height) / 2
}

// look is how a range is painted: highlights and find matches fill the
// line behind the text with their colour; the selection and the flash of
// the annotation chosen have looks of their own no highlight colour can
// take, so a blue highlight never passes for the selection.
type look int

const (
	lookFill      look = iota
	lookSorted         // filled; the ranges have growing ends (find matches)
	lookSelection      // a neutral tint and a line under the text
	lookOutline        // a frame around the text, no fill
)

// paint draws the parts of ranges that fall on one line. Ranges are sorted
// by start; sorted ones (find matches) also have growing ends, so the first
// relevant one is found by binary search.
func (pr *pageRenderer) paint(it *item, ln line, y float32, gs, ge int, ranges []Highlight, lk look, more bool) {
	first := 0
	if lk == lookSorted {
		first = sort.Search(len(ranges), func(i int) bool { return ranges[i].End > gs })
	}
	r := pr.p.r
	for _, h := range ranges[first:] {
		if h.Start > ge || (h.Start == ge && ge > gs) {
			break
		}
		if h.End <= gs || h.Start == h.End {
			continue
		}
		s, e := max(h.Start, gs)-it.start, min(h.End, ge)-it.start
		if ln.units != nil {
			pr.paintUnits(it, ln, y, s, e, h.Colour, lk)
			continue
		}
		xa, xb := it.x(ln, s), it.x(ln, e)
		if h.End > ge && more {
			xb += it.st.m.word(" ")
		}
		if xb <= xa {
			continue
		}
		pr.mark(lk, h.Colour, r.colX+xa, y, xb-xa, it.st.lineHeight)
	}
}

// mark paints one rectangle of a range in its look.
func (pr *pageRenderer) mark(lk look, c color.Color, x, y, w, h float32) {
	rc := pr.rect(c)
	rc.Move(fyne.NewPos(x, y))
	rc.Resize(fyne.NewSize(w, h))
	switch lk {
	case lookSelection:
		under := pr.rect(selectionLineColour())
		under.Move(fyne.NewPos(x, y+h-2))
		under.Resize(fyne.NewSize(w, 2))
	case lookOutline:
		rc.FillColor = color.Transparent
		rc.StrokeColor = c
		rc.StrokeWidth = 2
		rc.CornerRadius = 2
	}
}

// paintUnits paints runes [s, e) of a bidirectional line: a range of the
// text may fall in several places on screen, one rectangle per unit.
func (pr *pageRenderer) paintUnits(it *item, ln line, y float32, s, e int, c color.Color, lk look) {
	for i := range ln.units {
		u := &ln.units[i]
		a, b := max(s, u.start), min(e, u.end)
		if a >= b {
			continue
		}
		xa, xb := it.edge(u, a), it.edge(u, b)
		if xa > xb {
			xa, xb = xb, xa
		}
		pr.mark(lk, c, pr.p.r.colX+xa, y, xb-xa, it.st.lineHeight)
	}
}
