package pdf

import "sort"

// Columns: a page set in two columns has a gutter, an upright strip near
// the middle that no line crosses, with many lines ending just left of it
// and many starting just right of it. Lines crossing the gutter (a title,
// a wide figure caption) cut the page into bands; within a band the left
// column is read before the right one.

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
	if len(ls) < 8 {
		return 0, false
	}
	best, bestCross := 0.0, len(ls)+1
	for x := width * 0.3; x <= width*0.7; x += 2 {
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
	for lo-1 > 0 && crosses(ls, lo-1) <= bestCross {
		lo--
	}
	for hi+1 < width && crosses(ls, hi+1) <= bestCross {
		hi++
	}
	mid := (lo + hi) / 2
	left, right := 0, 0
	for _, l := range ls {
		size := max(l.size, 4)
		switch {
		case l.x1 <= mid && l.x1 > lo-3*size:
			left++
		case l.x0 >= mid && l.x0 < hi+3*size:
			right++
		}
	}
	if left < 4 || right < 4 || left*4 < len(ls) || right*4 < len(ls) {
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
