package pdf

import (
	"math"
	"sort"
	"unicode"
)

// Where the text stands on the page: the reading order rebuilt on import
// keeps, for each code point of every line, the PDFium glyph it came from
// (line.src). The document's text is those lines joined, with spaces and
// blank lines put in, line-end hyphens and bullets taken out. So the text
// and the lines' code points, both in reading order, are aligned by
// walking them together: equal code points pair up, a space of the text
// that the lines lack was put in, and a code point of the lines that the
// text lacks (a hyphen, a bullet) was taken out, looked for a few code
// points ahead. A glyph that made several code points (a ligature, "ffi")
// gives each an equal part of its box. A character's box is as high as
// its line, so that a point on a line, between its letters or above its
// small ones, is on the line. The walk needs no more than the
// text as it was stored: a document imported by an earlier Scholia, whose
// text differs here and there, loses only the characters that differ.

// lookahead is how far the walk looks along the lines for a code point of
// the text it did not find where it was: past a hyphen, a bullet and its
// space.
const lookahead = 16

// Rect is a rectangle on a page, in points from its top-left corner, y
// growing downwards.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Char is one code point of the document's text and its box on a page:
// its glyph's width, its line's height.
type Char struct {
	At  int // code point of Document.Text
	Box Rect
}

// MappedPage is one page: its size in points and the characters of the
// text on it, in the order of the text.
type MappedPage struct {
	Width, Height float64
	Chars         []Char
}

// PageMap is where each character of a document's text stands on its
// pages. Spaces and blank lines put in between lines have no box, nor does
// text that the page does not show as text.
type PageMap struct {
	Pages []MappedPage // Pages[n-1] is page n
}

// PageRect is a rectangle on one page (1-based).
type PageRect struct {
	Page int
	Rect
}

// PageMap reads the PDF again and finds where each code point of text
// (the document's text as imported from these bytes) stands on its pages.
func (e *Engine) PageMap(data []byte, password, text string) (*PageMap, error) {
	r, err := e.readRaw(data, password)
	if err != nil {
		return nil, err
	}
	return pageMapOf(r, text)
}

// source is one code point of the lines, the glyph it came from and the
// top and bottom of its line.
type source struct {
	r      rune
	page   int // 0-based
	glyph  int32
	y0, y1 float64
}

func pageMapOf(r *raw, text string) (*PageMap, error) {
	l := &PageMap{Pages: make([]MappedPage, len(r.pages))}
	for i, p := range r.pages {
		l.Pages[i].Width, l.Pages[i].Height = p.width, p.height
	}
	_, _, paras, err := arrange(r)
	if err != nil {
		if len(r.pages) > 0 {
			return l, nil // pictures only: pages to see, no text on them
		}
		return nil, err
	}
	var src []source
	for _, p := range paras {
		for _, ln := range p.lines {
			i := 0
			for _, c := range ln.text {
				src = append(src, source{c, ln.page - 1, ln.src[i], ln.y0, ln.y1})
				i++
			}
		}
	}
	matched := align([]rune(text), src)
	// A glyph's box shared by the code points it made.
	for at := 0; at < len(matched); {
		s := matched[at]
		if s.glyph < 0 {
			at++
			continue
		}
		end := at + 1
		for end < len(matched) && matched[end].page == s.page && matched[end].glyph == s.glyph {
			end++
		}
		g := r.pages[s.page].glyphs[s.glyph]
		w := (g.x1 - g.x0) / float64(end-at)
		for k := at; k < end; k++ {
			x0 := g.x0 + w*float64(k-at)
			l.Pages[s.page].Chars = append(l.Pages[s.page].Chars, Char{At: k, Box: Rect{x0, s.y0, x0 + w, s.y1}})
		}
		at = end
	}
	for i := range l.Pages {
		shareBoxes(l.Pages[i].Chars)
	}
	return l, nil
}

// shareBoxes gives characters that PDFium gave one box between them (the
// letters of a ligature, "fi") each an equal part of it.
func shareBoxes(cs []Char) {
	for i := 0; i < len(cs); {
		j := i + 1
		for j < len(cs) && cs[j].Box == cs[i].Box {
			j++
		}
		if j-i > 1 {
			b := cs[i].Box
			w := (b.X1 - b.X0) / float64(j-i)
			for k := i; k < j; k++ {
				cs[k].Box.X0 = b.X0 + w*float64(k-i)
				cs[k].Box.X1 = cs[k].Box.X0 + w
			}
		}
		i = j
	}
}

// align pairs each code point of text with the glyph it came from; a code
// point without one gets glyph -1.
func align(text []rune, src []source) []source {
	out := make([]source, len(text))
	j := 0
	for i, t := range text {
		out[i] = source{glyph: -1}
		if j < len(src) && src[j].r == t {
			out[i] = src[j]
			j++
			continue
		}
		if unicode.IsSpace(t) {
			continue
		}
		for k := j + 1; k < min(j+lookahead, len(src)); k++ {
			if src[k].r == t {
				out[i], j = src[k], k+1
				break
			}
		}
	}
	return out
}

// Count is the number of pages.
func (l *PageMap) Count() int { return len(l.Pages) }

// chars is page n's characters (1-based), nil past the pages.
func (l *PageMap) chars(n int) []Char {
	if n < 1 || n > len(l.Pages) {
		return nil
	}
	return l.Pages[n-1].Chars
}

// CharAt is the code point whose box holds the point (x, y) of page n, in
// points (of boxes that overlap, as kerned letters' do, the one whose
// middle is nearest); false when none does.
func (l *PageMap) CharAt(n int, x, y float64) (int, bool) {
	at, bestD := -1, math.Inf(1)
	for _, c := range l.chars(n) {
		if x >= c.Box.X0 && x <= c.Box.X1 && y >= c.Box.Y0 && y <= c.Box.Y1 {
			dx, dy := x-(c.Box.X0+c.Box.X1)/2, y-(c.Box.Y0+c.Box.Y1)/2
			if d := dx*dx + dy*dy; d < bestD {
				at, bestD = c.At, d
			}
		}
	}
	return at, at >= 0
}

// lineWeight is how many points across weigh as much as one point up or
// down in finding the character nearest a point: right of a short line's
// end is on that line, not on the longer line under it, but a point just
// above a line, in its column's margin, is on that line, not on the other
// column's line at its height.
const lineWeight = 50

// Caret is the place between code points nearest the point (x, y) of page
// n: before the character nearest it, or after it when the point is past
// its middle. Nearest counts a point up or down as lineWeight across.
// false when the page has no text.
func (l *PageMap) Caret(n int, x, y float64) (int, bool) {
	cs := l.chars(n)
	if len(cs) == 0 {
		return 0, false
	}
	best, bestD := -1, math.Inf(1)
	for i, c := range cs {
		dy := max(c.Box.Y0-y, y-c.Box.Y1, 0)
		dx := max(c.Box.X0-x, x-c.Box.X1, 0)
		// among boxes the point is in (they overlap), the nearest middle
		mid := math.Hypot(x-(c.Box.X0+c.Box.X1)/2, y-(c.Box.Y0+c.Box.Y1)/2)
		if d := (dx+lineWeight*dy)*1e3 + mid; d < bestD {
			best, bestD = i, d
		}
	}
	c := cs[best]
	if x > (c.Box.X0+c.Box.X1)/2 {
		return c.At + 1, true
	}
	return c.At, true
}

// PageOf is the first page showing a character at or after code point
// pos (the page it stands on), 0 when none does.
func (l *PageMap) PageOf(pos int) int {
	best, bestAt := 0, math.MaxInt
	for n := range l.Pages {
		cs := l.Pages[n].Chars
		i := sort.Search(len(cs), func(i int) bool { return cs[i].At >= pos })
		if i < len(cs) && cs[i].At < bestAt {
			best, bestAt = n+1, cs[i].At
		}
	}
	return best
}

// FirstOn is the first code point shown on page n, false when it shows none.
func (l *PageMap) FirstOn(n int) (int, bool) {
	cs := l.chars(n)
	if len(cs) == 0 {
		return 0, false
	}
	return cs[0].At, true
}

// Boxes are the rectangles covering code points [from, to) on page n: one
// a run of characters on the same line, spaces between words covered.
func (l *PageMap) Boxes(n, from, to int) []Rect {
	cs := l.chars(n)
	i := sort.Search(len(cs), func(i int) bool { return cs[i].At >= from })
	var out []Rect
	for ; i < len(cs) && cs[i].At < to; i++ {
		b := cs[i].Box
		if k := len(out) - 1; k >= 0 && sameLine(out[k], b) {
			out[k] = Rect{min(out[k].X0, b.X0), min(out[k].Y0, b.Y0), max(out[k].X1, b.X1), max(out[k].Y1, b.Y1)}
			continue
		}
		out = append(out, b)
	}
	return out
}

// sameLine: b goes on rightwards from a, at its height.
func sameLine(a, b Rect) bool {
	h := min(a.Y1-a.Y0, b.Y1-b.Y0)
	ov := min(a.Y1, b.Y1) - max(a.Y0, b.Y0)
	return ov >= h/2 && b.X0 >= a.X1-h && b.X0-a.X1 < 3*max(h, 1)
}

// Rects are the rectangles covering code points [from, to) on every page
// that shows some of them.
func (l *PageMap) Rects(from, to int) []PageRect {
	var out []PageRect
	for n := 1; n <= len(l.Pages); n++ {
		for _, r := range l.Boxes(n, from, to) {
			out = append(out, PageRect{n, r})
		}
	}
	return out
}
