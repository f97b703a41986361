package pdf

import "sort"

// Columns: a page set in two columns has a gutter, an upright strip near
// the middle that no line crosses, with many lines ending just left of it
// and many starting just right of it; the two columns are of about the
// same width (a table's columns need not be). Lines crossing the gutter (a
// title, a wide figure caption) cut the page into bands; within a band the
// left column is read before the right one.

// readingOrder returns the page's lines in reading order. Within a column
// the lines keep PDFium's order, which is the content's (a table's cells
// row by row).
func readingOrder(ls []line, width float64) []line {
	gutter, ok := findGutter(ls, width)
	if !ok {
		return ls // one column
	}
	var across []float64
	for _, l := range ls {
		if l.x0 < gutter && l.x1 > gutter {
			across = append(across, l.y0)
		}
	}
	sort.Float64s(across)
	type keyed struct {
		band, slot int
		l          line
	}
	out := make([]keyed, len(ls))
	for i, l := range ls {
		band := sort.SearchFloat64s(across, l.y0)
		switch {
		case l.x1 <= gutter:
			l.col = 1
		case l.x0 >= gutter:
			l.col = 2
		default:
			l.col = 3
		}
		out[i] = keyed{band, l.col, l}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].band != out[j].band {
			return out[i].band < out[j].band
		}
		return out[i].slot < out[j].slot
	})
	ordered := make([]line, len(out))
	for i, k := range out {
		ordered[i] = k.l
	}
	return ordered
}

// findGutter looks for the x of a gutter between two columns.
func findGutter(ls []line, width float64) (float64, bool) {
	if len(ls) < 6 {
		return 0, false
	}
	if !(width > 0 && width < 20000) { // points; a page wider than 7 m is no page to read in columns
		return 0, false
	}
	step := max(2, width/300)
	best, bestCross := 0.0, len(ls)+1
	for x := width * 0.3; x <= width*0.7; x += step {
		cross := 0
		for _, l := range ls {
			if l.x0 < x && l.x1 > x {
				cross++
			}
		}
		if cross < bestCross {
			best, bestCross = x, cross
		}
	}
	if bestCross*10 > len(ls) {
		return 0, false
	}
	// widen the best x into the whole empty strip and take its middle
	lo, hi := best, best
	for lo-step > 0 && crosses(ls, lo-step) <= bestCross {
		lo -= step
	}
	for hi+step < width && crosses(ls, hi+step) <= bestCross {
		hi += step
	}
	mid := (lo + hi) / 2
	left, right, nearLeft, nearRight := 0, 0, 0, 0
	for _, l := range ls {
		size := max(l.size, 4)
		if l.x1 <= mid {
			left++
			if l.x1 > lo-3*size {
				nearLeft++
			}
		}
		if l.x0 >= mid {
			right++
			if l.x0 < hi+3*size {
				nearRight++
			}
		}
	}
	if left < 3 || right < 3 || nearLeft < 2 || nearRight < 2 || (left+right)*10 < len(ls)*6 {
		return 0, false
	}
	// columns share the text's width about evenly; a table's columns need not
	x0, x1 := ls[0].x0, ls[0].x1
	for _, l := range ls {
		x0, x1 = min(x0, l.x0), max(x1, l.x1)
	}
	wl, wr := mid-x0, x1-mid
	if min(wl, wr) < 0.6*max(wl, wr) {
		return 0, false
	}
	return mid, true
}

func crosses(ls []line, x float64) int {
	n := 0
	for _, l := range ls {
		if l.x0 < x && l.x1 > x {
			n++
		}
	}
	return n
}
