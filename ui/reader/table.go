package reader

import (
	"scholia/annotate"
)

// table is a run of table rows laid out together: every row's cells start
// at the same column positions.
type table struct {
	items []int     // the layout's items that are its rows
	cols  []float32 // each column's x from the item's left edge
	width float32   // the column width cols were worked out for
}

// tables groups the layout's table rows that follow one another.
func (l *layout) tables(doc *annotate.Document) {
	var t *table
	for i := range l.items {
		it := &l.items[i]
		if it.block < 0 || len(doc.Blocks[it.block].Cells) == 0 {
			t = nil
			continue
		}
		if t == nil {
			t = &table{}
		}
		t.items = append(t.items, i)
		it.cells = doc.Blocks[it.block].Cells
		it.table = t
		it.bidi = false
	}
}

// columns works out where t's columns start for a line width wide: each
// as wide as its widest cell plus a gap, but no column starts in the last
// quarter of the line.
func (l *layout) columns(t *table, width float32) {
	if t.width == width && t.cols != nil {
		return
	}
	var widths []float32
	var gap float32
	for _, i := range t.items {
		it := &l.items[i]
		gap = it.st.size * 1.5
		for c, cell := range it.cells {
			for len(widths) <= cell.Col {
				widths = append(widths, 0)
			}
			w := cellStyle(it, cell).m.runes(it.runes[cell.Start:cellEnd(it, c)])
			widths[cell.Col] = max(widths[cell.Col], w+gap)
		}
	}
	// A table wider than the line keeps its columns; its last cells wrap.
	t.cols = make([]float32, len(widths))
	x := float32(0)
	for k, w := range widths {
		t.cols[k] = x
		x = min(x+w, width*3/4)
	}
	t.width = width
}

// cellStyle is the style a cell is drawn in: a header cell in the bold of
// the row's style, when it has one.
func cellStyle(it *item, cell annotate.Cell) *blockStyle {
	if cell.Head && it.st.bold != nil {
		return it.st.bold
	}
	return it.st
}

func cellEnd(it *item, c int) int {
	if c+1 < len(it.cells) {
		return it.cells[c+1].Start - len([]rune(annotate.CellSeparator))
	}
	return len(it.runes)
}

// tableLine lays a table row out: each cell a unit at its column, the
// separators between them drawn as nothing, so the row's text (and what
// is selected or highlighted in it) stays the same. A last cell too long
// for the line wraps onto more lines at its column.
func (l *layout) tableLine(it *item) []line {
	l.columns(it.table, l.width-it.st.indent)
	ln := line{start: 0, end: len(it.runes)}
	var lines []line
	for c, cell := range it.cells {
		x := it.st.indent + it.table.cols[cell.Col]
		e := cellEnd(it, c)
		st := cellStyle(it, cell)
		if c > 0 {
			prev := &ln.units[len(ln.units)-1]
			sep := unit{start: prev.end, end: cell.Start, x: prev.x + prev.w}
			sep.w = max(x-sep.x, 0)
			ln.units = append(ln.units, sep)
		}
		pieces := []line{{start: 0, end: e - cell.Start}}
		if c == len(it.cells)-1 {
			pieces = wrapRunes(it.runes[cell.Start:e], max(l.width-x, it.st.size*4), st)
		}
		for k, p := range pieces {
			s, pe := cell.Start+p.start, cell.Start+p.end
			u := unit{start: s, end: pe, x: x, w: st.m.runes(it.runes[s:pe]), text: string(it.runes[s:pe])}
			if st != it.st {
				u.st = st
			}
			if k > 0 {
				ln.end = s
				lines = append(lines, ln)
				ln = line{start: s, end: len(it.runes), y: float32(len(lines)) * it.st.lineHeight}
			}
			ln.units = append(ln.units, u)
		}
	}
	return append(lines, ln)
}
