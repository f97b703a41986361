package reader

import (
	"math"
	"sort"
	"unicode"

	"scholia/annotate"
)

// line is one laid-out line: runes [start, end) of its item, at y below the
// item's top. A '\n' that ends a line is not part of it.
type line struct {
	start, end int
	y          float32
	units      []unit // in visual order; nil on a line of left-to-right text
}

// item is one laid-out block, or the metadata line under the title
// (block -1), which is not part of the document's text.
type item struct {
	block  int
	runes  []rune
	start  int // document position of runes[0]
	st     *blockStyle
	lines  []line
	top    float32 // y of the first line
	height float32
	rtl    bool            // laid out right to left: aligned right, indent on the right
	bidi   bool            // holds right-to-left text, so lines are drawn a unit at a time
	levels []uint8         // bidi levels of runes, resolved when first needed
	width  float32         // the column's width when wrapped
	cells  []annotate.Cell // a table row's cells
	table  *table          // the table a row belongs to
}

// line is line j of it, with its units in visual order when it holds
// right-to-left text. They are worked out when the line is first drawn or
// pointed at, so opening or re-wrapping a book pays only for what is seen.
func (it *item) line(j int) line {
	ln := &it.lines[j]
	if it.bidi && ln.units == nil && ln.end > ln.start {
		if it.levels == nil {
			it.levels = bidiLevels(it.runes, it.rtl)
		}
		ln.units = visualUnits(it, *ln, it.levels, it.width)
	}
	return *ln
}

// end is the document position after the item; the metadata line has no
// text in the document, so it ends where it starts.
func (it *item) end() int {
	if it.block < 0 {
		return it.start
	}
	return it.start + len(it.runes)
}

// layout is a document wrapped at one width. Items are wrapped when
// first needed (see at): until then an item's height is estimated from
// its length, so opening a book or changing the width wraps only the
// paragraphs in view, and every item's top is the sum of the heights,
// wrapped or estimated, above it.
type layout struct {
	items  []item
	width  float32
	height float32
	pad    float32
	// grew is told when wrapping item i changed its height by delta: the
	// items after it moved.
	grew func(i int, delta float32)
}

// newLayout prepares the items of a document whose text is text; wrap
// lays them out. Items share text's runes.
func newLayout(doc *annotate.Document, text []rune, meta string, st *styles) *layout {
	l := &layout{pad: st.base}
	for i, b := range doc.Blocks {
		l.items = append(l.items, item{block: i, runes: text[b.Start:b.End():b.End()], start: b.Start, st: st.of(b)})
		if b.Kind == annotate.BlockTitle && meta != "" {
			l.items = append(l.items, item{block: -1, runes: []rune(meta), start: b.End(), st: st.meta})
		}
	}
	for i := range l.items {
		it := &l.items[i]
		it.rtl = rightToLeft(doc.Direction, it.runes)
		it.bidi = it.rtl || needsBidi(it.runes)
	}
	l.tables(doc)
	return l
}

// wrap lays the items out for a column width wide: none is wrapped yet,
// each has its estimated height.
func (l *layout) wrap(width float32) {
	l.width = width
	y := l.pad
	for i := range l.items {
		it := &l.items[i]
		if i > 0 {
			y += it.st.above
		}
		it.top = y
		it.lines = nil
		it.width = width
		it.height = estimateLines(it.runes, width-it.st.indent, it.st) * it.st.lineHeight
		y += it.height
	}
	l.height = y + l.pad*4
}

// estimateLines is about how many lines text takes in a column width
// wide: its pieces between '\n's at the style's average letter width, a
// line at least each.
func estimateLines(text []rune, width float32, st *blockStyle) float32 {
	perLine := max(width/st.m.average(), 1)
	var lines float32
	n := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			n++
			continue
		}
		lines += max(float32(math.Ceil(float64(float32(n)/perLine))), 1)
		n = 0
	}
	return lines
}

// at is item i, wrapped.
func (l *layout) at(i int) *item {
	it := &l.items[i]
	if it.lines != nil {
		return it
	}
	before := it.height
	if it.table != nil {
		it.lines = l.tableLine(it)
	} else {
		it.lines = wrapRunes(it.runes, l.width-it.st.indent, it.st)
	}
	it.height = float32(len(it.lines)) * it.st.lineHeight
	if d := it.height - before; d != 0 {
		for k := i + 1; k < len(l.items); k++ {
			l.items[k].top += d
		}
		l.height += d
		if l.grew != nil {
			l.grew(i, d)
		}
	}
	return it
}

// wrapAll wraps every item.
func (l *layout) wrapAll() {
	for i := range l.items {
		l.at(i)
	}
}

// wrapRunes breaks text greedily at spaces (and at '\n', always); a word
// wider than the line is broken between letters.
func wrapRunes(text []rune, width float32, st *blockStyle) []line {
	var lines []line
	add := func(s, e int) {
		lines = append(lines, line{start: s, end: e, y: float32(len(lines)) * st.lineHeight})
	}
	m := st.m
	lineStart, x := 0, float32(0)
	i := 0
	for i < len(text) {
		if text[i] == '\n' {
			add(lineStart, i)
			i++
			lineStart, x = i, 0
			continue
		}
		j := i
		for j < len(text) && !unicode.IsSpace(text[j]) {
			j++
		}
		w := m.runes(text[i:j])
		var join float32 // the kerning with the space before, on a line begun
		if x > 0 {
			join = m.joint(text[i-1], text[i])
		}
		if x > 0 && x+join+w > width {
			add(lineStart, i)
			lineStart, x, join = i, 0, 0
		}
		for w > width && j-i > 1 {
			k := fitRunes(text[i:j], width-x, m)
			add(lineStart, i+k)
			i += k
			lineStart, x = i, 0
			w = m.runes(text[i:j])
		}
		x += join + w
		for j < len(text) && text[j] != '\n' && unicode.IsSpace(text[j]) {
			prev := rune(-1) // none: the line begins with spaces
			if j > 0 {
				prev = text[j-1]
			}
			x += m.space(prev, text[j])
			j++
		}
		i = j
	}
	if lineStart < len(text) || len(lines) == 0 || text[len(text)-1] == '\n' {
		add(lineStart, len(text))
	}
	return lines
}

// fitRunes is how many of word's runes fit in width (at least one).
func fitRunes(word []rune, width float32, m *measurer) int {
	k := sort.Search(len(word), func(n int) bool { return m.runes(word[:n+1]) > width })
	return max(k, 1)
}

// itemAtY is the index of the item at or just above y.
func (l *layout) itemAtY(y float32) int {
	i := sort.Search(len(l.items), func(i int) bool { return l.items[i].top > y })
	return max(i-1, 0)
}

// lineAtY is the index of the line of it at y (clamped).
func (it *item) lineAtY(y float32) int {
	n := int((y - it.top) / it.st.lineHeight)
	return min(max(n, 0), len(it.lines)-1)
}

// x is the distance from the item's left edge to the boundary before rune
// k of line ln (after the line's last rune when k ends it).
func (it *item) x(ln line, k int) float32 {
	k = min(max(k, ln.start), ln.end)
	if u := unitOf(ln.units, k); u != nil {
		return it.edge(u, k)
	}
	return it.st.indent + it.st.m.runes(it.runes[ln.start:k])
}

// span is where line ln's text begins and ends, from the item's left edge.
func (it *item) span(ln line) (float32, float32) {
	if n := len(ln.units); n > 0 {
		return ln.units[0].x, ln.units[n-1].x + ln.units[n-1].w
	}
	return it.st.indent, it.x(ln, ln.end)
}

// runeAtX is the rune boundary of line ln nearest to x (item coordinates).
func (it *item) runeAtX(ln line, x float32) int {
	if u := unitAtX(ln.units, x); u != nil {
		x -= u.x
		if u.rtl {
			x = u.w - x
		}
		return it.nearest(it.styleOf(u).m, u.start, u.end, x)
	}
	return it.nearest(it.st.m, ln.start, ln.end, x-it.st.indent)
}

// nearest is the boundary in runes [s, e) nearest to x from where rune s
// begins, measured along the text.
func (it *item) nearest(m *measurer, s, e int, x float32) int {
	text := it.runes[s:e]
	k := sort.Search(len(text), func(n int) bool { return m.runes(text[:n+1]) >= x })
	if k < len(text) {
		before := m.runes(text[:k])
		after := m.runes(text[:k+1])
		if x-before > after-x {
			k++
		}
	}
	return s + k
}

// hit maps a point of the column (x from the column's left edge) to a
// document position. Points on the metadata line or between blocks map to
// the nearest text position.
func (l *layout) hit(x, y float32) int {
	if len(l.items) == 0 {
		return 0
	}
	it := l.at(l.itemAtY(y))
	if it.block < 0 {
		return it.start
	}
	if y >= it.top+it.height {
		return it.end()
	}
	ln := it.line(it.lineAtY(y))
	return it.start + it.runeAtX(ln, x)
}

// locate finds the item and line holding document position pos.
func (l *layout) locate(pos int) (int, int) {
	i := sort.Search(len(l.items), func(i int) bool { return l.items[i].end() >= pos })
	if i == len(l.items) {
		i = len(l.items) - 1
	}
	for i < len(l.items)-1 && l.items[i].block < 0 {
		i++
	}
	it := l.at(i)
	rel := pos - it.start
	for j, ln := range it.lines {
		if rel <= ln.end {
			return i, j
		}
	}
	return i, len(it.lines) - 1
}

// yOf is the top of the line holding pos.
func (l *layout) yOf(pos int) float32 {
	if len(l.items) == 0 {
		return 0
	}
	i, j := l.locate(pos)
	it := &l.items[i]
	return it.top + it.lines[j].y
}

// yOfStart is the top of the line holding pos; where a line wraps, of
// the line pos starts (yOf's is the one it ends, for a caret).
func (l *layout) yOfStart(pos int) float32 {
	if len(l.items) == 0 {
		return 0
	}
	i, j := l.locate(pos)
	it := &l.items[i]
	if j+1 < len(it.lines) && it.lines[j+1].start <= pos-it.start {
		j++
	}
	return it.top + it.lines[j].y
}

// positionAtY is the document position at the start of the line at y.
func (l *layout) positionAtY(y float32) int {
	if len(l.items) == 0 {
		return 0
	}
	i := l.itemAtY(y)
	for i < len(l.items)-1 && l.items[i].block < 0 {
		i++
	}
	it := l.at(i)
	return it.start + it.lines[it.lineAtY(y)].start
}
