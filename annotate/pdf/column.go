package pdf

import "sort"

// Columns: a page set in two columns has a gutter, an upright strip near
// the middle that no line crosses, with many lines ending just left of it
// and many starting just right of it. Lines crossing the gutter (a title,
// a wide figure caption) cut the page into bands; within a band the left
// column is read before the right one.

// readingOrder returns the page's lines in reading order.
func readingOrder(ls []line, width float64) []line {
	gutter, ok := findGutter(ls, width)
	if !ok {
		return ls // one column: PDFium's order is the content's
	}
	sorted := append([]line(nil), ls...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y0 < sorted[j].y0 })
	var out, left, right []line
	flush := func() {
		out = append(out, left...)
		out = append(out, right...)
		left, right = left[:0], right[:0]
	}
	for _, l := range sorted {
		switch {
		case l.x1 <= gutter:
			l.col = 1
			left = append(left, l)
		case l.x0 >= gutter:
			l.col = 2
			right = append(right, l)
		default:
			flush()
			l.col = 3
			out = append(out, l)
		}
	}
	flush()
	return out
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
