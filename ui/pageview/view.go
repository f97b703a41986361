// Package pageview is the page view's widget: a PDF's pages as printed,
// one under the other, scrolled continuously and zoomed, with
// translucent rectangles over highlighted characters, the selection, and
// marks in the margin for notes and questions. It knows pages and points,
// not the document's text: its owner maps points to code points (the
// library's page map) and gives it rectangles to paint.
package pageview

import (
	"image"
	"image/color"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Pages is what the view shows: how many pages there are and each one's
// size in points (1-based).
type Pages interface {
	Count() int
	Size(n int) (w, h float64)
}

// Images draws pages: Get is page n drawn width pixels wide, nil while it
// is not; Want says which pages the view shows (and one ahead), those in
// view first.
type Images interface {
	Get(n, width int) (*image.RGBA, error)
	Want(ns []int, width int)
}

// Rect is a rectangle on a page in points from its top-left corner.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Mark is a translucent rectangle painted over a page: a highlight's
// characters.
type Mark struct {
	Page   int
	Rect   Rect
	Colour color.Color
}

// Marker is a sign in a page's left margin beside a note's or a
// question's first line.
type Marker struct {
	Page     int
	Y0, Y1   float64 // points
	Colour   color.Color
	Question bool
}

// Zoom is how large the pages are shown.
type Zoom int

const (
	// FitWidth shows the widest page across the view.
	FitWidth Zoom = -1
	// FitPage shows a whole page in the view.
	FitPage Zoom = -2
)

// pointsToUnits is a page's size at 100%: a point is 1/72 inch, a Fyne
// unit about 1/96.
const pointsToUnits = 96.0 / 72.0

const (
	gap       = 12 // units between pages and around them
	wheelStep = 40 // units a notch of the wheel scrolls
	minZoom   = 50
	maxZoom   = 400
)

// View shows pages. Its callbacks run on the UI goroutine with a page
// (1-based) and a point on it in points.
type View struct {
	widget.BaseWidget

	pages  Pages
	images Images
	zoom   Zoom // a percentage, or FitWidth or FitPage
	offset float32
	across float32 // scrolled to the right, when the pages are wider than the view
	width  float32 // of the widest page and the gaps
	marks  []Mark
	sel    []Mark
	signs  []Marker

	// the layout, for the size it was computed at
	size   fyne.Size
	scale  float32   // units per point
	tops   []float32 // each page's top, units from the first's
	height float32   // of all pages and the gaps

	// OnPress, OnDrag and OnDragEnd follow a drag; shift says Shift was
	// held at the press. OnDoubleTap is a double-click, OnTap a click,
	// OnHover the pointer moving (at, in the view's coordinates; page 0
	// off the pages).
	OnPress     func(page int, x, y float64, shift bool)
	OnDrag      func(page int, x, y float64)
	OnDragEnd   func()
	OnDoubleTap func(page int, x, y float64)
	OnTap       func(page int, x, y float64)
	OnHover     func(page int, x, y float64, at fyne.Position)
	// OnScrolled is called after the view scrolled or zoomed.
	OnScrolled func()
	// OnUnhandledKey and OnRune get the keys the view does not use.
	OnUnhandledKey func(*fyne.KeyEvent)
	OnRune         func(rune)
	// OnZoom is called when Ctrl+wheel changes the zoom.
	OnZoom func(Zoom)

	dragging bool
}

// New is a view showing nothing.
func New() *View {
	v := &View{zoom: FitWidth}
	v.ExtendBaseWidget(v)
	return v
}

// SetPages shows pages drawn by images, from the first; nil shows none.
func (v *View) SetPages(p Pages, images Images) {
	v.pages, v.images, v.offset = p, images, 0
	v.marks, v.sel, v.signs = nil, nil, nil
	v.size = fyne.Size{}
	v.Refresh()
}

// Count is the number of pages shown.
func (v *View) Count() int {
	if v.pages == nil {
		return 0
	}
	return v.pages.Count()
}

// SetZoom shows the pages at z, keeping the page on top where it is.
func (v *View) SetZoom(z Zoom) {
	if z >= 0 {
		z = min(max(z, minZoom), maxZoom)
	}
	page, y := v.TopPlace()
	v.zoom = z
	v.layout(v.Size())
	v.ScrollToPage(page, y)
}

// Zoom is the zoom asked for.
func (v *View) Zoom() Zoom { return v.zoom }

// Percent is the zoom shown, in percent of the pages' printed size.
func (v *View) Percent() int {
	v.layout(v.Size())
	return int(math.Round(float64(v.scale / pointsToUnits * 100)))
}

// SetMarks sets the highlights' rectangles and the margin's signs.
func (v *View) SetMarks(marks []Mark, signs []Marker) {
	v.marks, v.signs = marks, signs
	v.Refresh()
}

// SetSelection sets the selection's rectangles.
func (v *View) SetSelection(sel []Mark) {
	v.sel = sel
	v.Refresh()
}

// layout computes the scale and the pages' tops for a view of size s.
func (v *View) layout(s fyne.Size) {
	if v.pages == nil || s.Width <= 0 {
		return
	}
	n := v.pages.Count()
	maxW, maxH := 1.0, 1.0
	for i := 1; i <= n; i++ {
		w, h := v.pages.Size(i)
		maxW, maxH = max(maxW, w), max(maxH, h)
	}
	switch v.zoom {
	case FitWidth:
		v.scale = (s.Width - 2*gap) / float32(maxW)
	case FitPage:
		v.scale = min((s.Width-2*gap)/float32(maxW), (s.Height-2*gap)/float32(maxH))
	default:
		v.scale = float32(v.zoom) / 100 * pointsToUnits
	}
	v.scale = max(v.scale, 0.05)
	v.tops = v.tops[:0]
	y := float32(gap)
	for i := 1; i <= n; i++ {
		_, h := v.pages.Size(i)
		v.tops = append(v.tops, y)
		y += float32(h)*v.scale + gap
	}
	v.height = y
	v.width = float32(maxW)*v.scale + 2*gap
	v.size = s
	v.offset = v.clamp(v.offset)
	v.across = max(0, min(v.across, v.width-s.Width))
}

func (v *View) clamp(off float32) float32 {
	return max(0, min(off, v.height-v.size.Height))
}

// pageRect is where page n stands in the view, in units.
func (v *View) pageRect(n int) (fyne.Position, fyne.Size) {
	w, h := v.pages.Size(n)
	size := fyne.NewSize(float32(w)*v.scale, float32(h)*v.scale)
	x := max(gap, (v.size.Width-size.Width)/2) - v.across
	if v.width > v.size.Width { // pages wider than the view: the widest starts at the gap
		x = gap + (v.width-2*gap-size.Width)/2 - v.across
	}
	return fyne.NewPos(x, v.tops[n-1]-v.offset), size
}

// visible is the pages in view, top first: from the last page starting
// above the view's top (found by halving: a book has hundreds).
func (v *View) visible() []int {
	var out []int
	first := max(1, sort.Search(len(v.tops), func(i int) bool { return v.tops[i] > v.offset }))
	for n := first; n <= len(v.tops); n++ {
		pos, size := v.pageRect(n)
		if pos.Y > v.size.Height {
			break
		}
		if pos.Y+size.Height >= 0 {
			out = append(out, n)
		}
	}
	return out
}

// at is the page under a point of the view and the point on it, in
// points; page 0 when there is none. A point in the gap between pages
// goes to the nearer page when near is set.
func (v *View) at(p fyne.Position, near bool) (int, float64, float64) {
	best, bestD := 0, float32(math.MaxFloat32)
	for n := 1; n <= len(v.tops); n++ {
		pos, size := v.pageRect(n)
		d := max(pos.Y-p.Y, p.Y-(pos.Y+size.Height), 0)
		if d < bestD {
			best, bestD = n, d
		}
	}
	if best == 0 || (!near && bestD > 0) {
		return 0, 0, 0
	}
	pos, size := v.pageRect(best)
	x := min(max(p.X-pos.X, 0), size.Width)
	y := min(max(p.Y-pos.Y, 0), size.Height)
	if !near && (p.X < pos.X || p.X > pos.X+size.Width) {
		return 0, 0, 0
	}
	return best, float64(x / v.scale), float64(y / v.scale)
}

// TopPlace is the page at the top of the view and how far down it the
// view starts, in points.
func (v *View) TopPlace() (int, float64) {
	if len(v.tops) == 0 {
		return 1, 0
	}
	for n := len(v.tops); n >= 1; n-- {
		if v.tops[n-1] <= v.offset+gap {
			return n, max(0, float64((v.offset-v.tops[n-1])/v.scale))
		}
	}
	return 1, 0
}

// CurrentPage is the page that fills most of the view's top half.
func (v *View) CurrentPage() int {
	n, _ := v.TopPlace()
	if n < len(v.tops) && v.tops[n]-v.offset < v.size.Height/2 {
		return n + 1
	}
	return n
}

// ScrollToPage shows page n from y points down it at the top of the view.
func (v *View) ScrollToPage(n int, y float64) {
	v.layout(v.Size())
	if n < 1 || n > len(v.tops) {
		return
	}
	v.scrollTo(v.tops[n-1] + float32(y)*v.scale - gap)
}

// Reveal scrolls page n's point at y into the upper third of the view,
// unless it is in view already.
func (v *View) Reveal(n int, y float64) {
	v.layout(v.Size())
	if n < 1 || n > len(v.tops) {
		return
	}
	at := v.tops[n-1] + float32(y)*v.scale
	if at >= v.offset && at <= v.offset+v.size.Height-40 {
		return
	}
	v.scrollTo(at - v.size.Height/3)
}

func (v *View) scrollTo(off float32) {
	off = v.clamp(off)
	if off == v.offset {
		return
	}
	v.offset = off
	v.Refresh()
	if v.OnScrolled != nil {
		v.OnScrolled()
	}
}

// ScrollAcross scrolls the pages sideways by dx units, when they are
// wider than the view.
func (v *View) ScrollAcross(dx float32) {
	across := max(0, min(v.across+dx, v.width-v.size.Width))
	if across == v.across {
		return
	}
	v.across = across
	v.Refresh()
}

// ScrollBy scrolls by dy units.
func (v *View) ScrollBy(dy float32) { v.scrollTo(v.offset + dy) }

// PointOf is where page n's point (x, y), in points, is in the view;
// false when the page is not laid out.
func (v *View) PointOf(n int, x, y float64) (fyne.Position, bool) {
	if n < 1 || n > len(v.tops) {
		return fyne.Position{}, false
	}
	pos, _ := v.pageRect(n)
	return fyne.NewPos(pos.X+float32(x)*v.scale, pos.Y+float32(y)*v.scale), true
}

// Marks are the highlights' rectangles shown.
func (v *View) Marks() []Mark { return v.marks }

// Selection is the selection's rectangles shown.
func (v *View) Selection() []Mark { return v.sel }

// PageSize is where page n stands in the view and its size, in units.
func (v *View) PageSize(n int) (fyne.Position, fyne.Size) {
	if n < 1 || n > len(v.tops) {
		return fyne.Position{}, fyne.Size{}
	}
	return v.pageRect(n)
}
