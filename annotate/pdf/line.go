package pdf

import (
	"sort"
	"strings"
	"unicode"
)

// line is one line of text rebuilt from glyphs by their boxes: a glyph
// that does not share the height of the line so far, or stands past a wide
// gap (a column gutter), or goes back left, starts a new line. PDFium's own
// line breaks are only spaces: it breaks after a small bullet glyph, for one.
type line struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64 // the size of most of its glyphs
	bold           bool    // most of its glyphs are bold
	mono           bool    // most of its glyphs are in a typewriter font
	page           int
	col            int // 0 for one column; 1 left, 2 right, 3 across two columns
	// src is, for each code point of text, the index of the page's glyph
	// it comes from, or -1 for a space put in between glyphs.
	src []int32
}

// lineBuilder gathers glyphs until a line ends.
type lineBuilder struct {
	out    []line
	text   strings.Builder
	src    []int32 // the glyph of each code point of text, as line.src
	real   []glyph
	spaced bool // a space ends text
	page   int
}

// linesOf rebuilds the lines of one page, in the order PDFium gives them.
func linesOf(p page) []line {
	b := &lineBuilder{page: p.number}
	for i, g := range p.glyphs {
		switch {
		case g.text == "\r" || g.text == "\n":
			b.space() // PDFium's line break; add decides whether it ends the line
		case strings.TrimSpace(cleanGlyph(g.text)) == "": // a space has no height to go by
			b.space()
		default:
			b.add(g, int32(i))
		}
	}
	b.flush()
	return b.out
}

func (b *lineBuilder) space() {
	if b.text.Len() > 0 && !b.spaced {
		b.text.WriteByte(' ')
		b.src = append(b.src, -1)
		b.spaced = true
	}
}

func (b *lineBuilder) add(g glyph, at int32) {
	if n := len(b.real); n > 0 {
		last := b.real[n-1]
		size := max(last.size, g.size, 1)
		switch {
		case !overlapY(b.real, g) && !smallMark(b.real, g):
			b.flush()
		case g.x0-last.x1 > 1.5*size || g.x1 < last.x0-size:
			b.flush()
		case g.x0-last.x1 > 0.5*size: // PDFium infers most spaces itself
			b.space()
		}
	}
	for _, r := range cleanGlyph(g.text) {
		b.text.WriteRune(r)
		b.src = append(b.src, at)
	}
	b.spaced = false
	b.real = append(b.real, g)
}

// overlapY reports whether g sits on the line so far: its height overlaps
// the line's by at least a third of the smaller.
func overlapY(real []glyph, g glyph) bool {
	y0, y1 := lineHeight(real)
	ov := min(y1, g.y1) - max(y0, g.y0)
	return ov >= min(y1-y0, g.y1-g.y0)/3
}

// smallMark reports whether g is a small mark that belongs to the line though
// its box hardly meets the line's: an underscore below the baseline
// ("asn1_node"), an apostrophe above the small letters ("wasn’t"). It is
// less than half a size high, follows the last glyph closely, and stands
// within a third of a size of the line's height.
func smallMark(real []glyph, g glyph) bool {
	last := real[len(real)-1]
	size := max(last.size, g.size, 1)
	if g.y1-g.y0 >= 0.5*size || g.x0 < last.x1-0.2*size || g.x0-last.x1 > size {
		return false
	}
	y0, y1 := lineHeight(real)
	return g.y0 >= y0-size/3 && g.y1 <= y1+size/3
}

// lineHeight is the top and bottom of the line's first and last glyphs.
func lineHeight(real []glyph) (float64, float64) {
	y0, y1 := real[0].y0, real[0].y1
	for _, r := range real[len(real)-min(len(real), 8):] {
		y0, y1 = min(y0, r.y0), max(y1, r.y1)
	}
	return y0, y1
}

func (b *lineBuilder) flush() {
	runes := []rune(b.text.String())
	lo, hi := 0, len(runes)
	for lo < hi && unicode.IsSpace(runes[lo]) {
		lo++
	}
	for hi > lo && unicode.IsSpace(runes[hi-1]) {
		hi--
	}
	if lo < hi && len(b.real) > 0 {
		l := line{text: string(runes[lo:hi]), x0: b.real[0].x0, y0: b.real[0].y0, x1: b.real[0].x1, y1: b.real[0].y1, page: b.page,
			src: append([]int32(nil), b.src[lo:hi]...)}
		sizes := make([]float64, 0, len(b.real))
		bold, mono := 0, 0
		for _, g := range b.real {
			l.x0, l.x1 = min(l.x0, g.x0), max(l.x1, g.x1)
			l.y0, l.y1 = min(l.y0, g.y0), max(l.y1, g.y1)
			sizes = append(sizes, g.size)
			if g.bold {
				bold++
			}
			if g.mono {
				mono++
			}
		}
		sort.Float64s(sizes)
		l.size = sizes[len(sizes)/2]
		l.bold = bold*2 > len(b.real)
		l.mono = mono*2 > len(b.real)
		b.out = append(b.out, l)
	}
	b.text.Reset()
	b.src = b.src[:0]
	b.real = b.real[:0]
	b.spaced = false
}

// cleanGlyph undoes typesetting that is not text: ligatures become their
// letters, PDFium's mark for a line-end hyphen becomes a hyphen.
func cleanGlyph(s string) string {
	switch s {
	case "\ufb00":
		return "ff"
	case "\ufb01":
		return "fi"
	case "\ufb02":
		return "fl"
	case "\ufb03":
		return "ffi"
	case "\ufb04":
		return "ffl"
	case "\u0002", "\u00ad":
		return "-"
	case "\u00a0":
		return " "
	}
	return s
}
