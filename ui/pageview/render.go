package pageview

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// CreateRenderer builds the view's renderer.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &renderer{v: v, back: canvas.NewRectangle(desk())}
}

// desk is the colour around the pages: the theme's input background on a
// dark theme, a mid grey on a light one, where the theme's would be
// nearly the paper's white.
func desk() color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	if (r+g+b)/3 > 0x8000 {
		return color.NRGBA{0xc4, 0xc4, 0xc4, 0xff}
	}
	return theme.Color(theme.ColorNameInputBackground)
}

// renderer draws the pages in view from pools of objects it reuses: an
// image each (so that a page scrolled away gives its texture to the next
// one), a paper rectangle behind each while it is being drawn, and
// rectangles for marks.
type renderer struct {
	v       *View
	back    *canvas.Rectangle
	papers  []*canvas.Rectangle
	images  map[int]*canvas.Image // by the page it shows
	rects   []*canvas.Rectangle
	circles []*canvas.Circle
	objects []fyne.CanvasObject
}

func (r *renderer) Layout(s fyne.Size) {
	r.back.Resize(s)
	if s != r.v.size {
		r.v.layout(s)
	}
	r.build()
}

func (r *renderer) MinSize() fyne.Size { return fyne.NewSize(100, 100) }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

func (r *renderer) Refresh() {
	r.back.FillColor = desk()
	if r.v.Size() != r.v.size {
		r.v.layout(r.v.Size())
	}
	r.build()
	canvas.Refresh(r.v)
}

// pixels is a page's width on screen in pixels, rounded up to 8 so that
// pages of nearly the same width share their drawings.
func (r *renderer) pixels(w float32) int {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.v); c != nil {
		scale = c.Scale()
	}
	px := int(w*scale + 0.5)
	return (px + 7) / 8 * 8
}

// build places the objects of the pages in view and asks for their
// drawings (and the next page's).
func (r *renderer) build() {
	v := r.v
	r.objects = append(r.objects[:0], r.back)
	if v.pages == nil || len(v.tops) == 0 {
		return
	}
	shown := v.visible()
	nImg, nRect, nCircle := 0, 0, 0
	width := 0
	for _, n := range shown {
		pos, size := v.pageRect(n)
		width = r.pixels(size.Width)
		paper := r.paper(nImg)
		paper.Move(pos)
		paper.Resize(size)
		r.objects = append(r.objects, paper)
		if v.images != nil {
			if img, _ := v.images.Get(n, width); img != nil {
				ci := r.image(n, shown)
				if ci.Image != img {
					ci.Image = img
					canvas.Refresh(ci)
				}
				ci.Move(pos)
				ci.Resize(size)
				r.objects = append(r.objects, ci)
			}
		}
		nImg++
		for _, group := range [][]Mark{v.marks, v.sel} {
			for _, m := range group {
				if m.Page != n {
					continue
				}
				rect := r.rect(nRect)
				nRect++
				rect.FillColor = m.Colour
				rect.Move(fyne.NewPos(pos.X+float32(m.Rect.X0)*v.scale, pos.Y+float32(m.Rect.Y0)*v.scale))
				rect.Resize(fyne.NewSize(float32(m.Rect.X1-m.Rect.X0)*v.scale, float32(m.Rect.Y1-m.Rect.Y0)*v.scale))
				rect.Refresh()
				r.objects = append(r.objects, rect)
			}
		}
		for _, s := range v.signs {
			if s.Page != n {
				continue
			}
			y0, y1 := pos.Y+float32(s.Y0)*v.scale, pos.Y+float32(s.Y1)*v.scale
			if s.Question {
				c := r.circle(nCircle)
				nCircle++
				c.FillColor = s.Colour
				d := min(y1-y0, 10)
				c.Move(fyne.NewPos(pos.X-d-3, y0))
				c.Resize(fyne.NewSize(d, d))
				c.Refresh()
				r.objects = append(r.objects, c)
				continue
			}
			bar := r.rect(nRect)
			nRect++
			bar.FillColor = s.Colour
			bar.Move(fyne.NewPos(pos.X-6, y0))
			bar.Resize(fyne.NewSize(3, y1-y0))
			bar.Refresh()
			r.objects = append(r.objects, bar)
		}
	}
	if v.images != nil {
		want := append([]int(nil), shown...)
		if last := shown[len(shown)-1]; last < v.pages.Count() {
			want = append(want, last+1) // one ahead
		}
		v.images.Want(want, width)
	}
}

func (r *renderer) paper(i int) *canvas.Rectangle {
	for len(r.papers) <= i {
		p := canvas.NewRectangle(color.White)
		p.StrokeColor = color.NRGBA{0, 0, 0, 0x30}
		p.StrokeWidth = 1
		r.papers = append(r.papers, p)
	}
	return r.papers[i]
}

// image is the image object showing page n: the one that showed it
// already, or one whose page is no longer shown, or a new one.
func (r *renderer) image(n int, shown []int) *canvas.Image {
	if ci, ok := r.images[n]; ok {
		return ci
	}
	if r.images == nil {
		r.images = map[int]*canvas.Image{}
	}
	for p, ci := range r.images {
		if !slices.Contains(shown, p) {
			delete(r.images, p)
			r.images[n] = ci
			return ci
		}
	}
	ci := canvas.NewImageFromImage(nil)
	ci.FillMode = canvas.ImageFillStretch
	ci.ScaleMode = canvas.ImageScaleFastest
	r.images[n] = ci
	return ci
}

func (r *renderer) rect(i int) *canvas.Rectangle {
	for len(r.rects) <= i {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	return r.rects[i]
}

func (r *renderer) circle(i int) *canvas.Circle {
	for len(r.circles) <= i {
		r.circles = append(r.circles, canvas.NewCircle(color.Transparent))
	}
	return r.circles[i]
}
