package pdf

import (
	pdfium "github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/requests"
)

// Characters TeX draws from parts rather than takes from a font: in a
// roman or bold font an underscore is a short rule on the baseline
// ("asn1_node" in a function's heading), and © is a big circle (a symbol
// font's glyph that PDFium reads as "\r") around a small c. PDFium gives
// the rule no character at all, or a space, and the circle as "\r"; the
// pieces are put back together here.

// maxObjects is the most page objects looked at for rules: a page of
// drawings need not be walked to its last stroke.
const maxObjects = 5000

// box is a rectangle on the page, in points from its top-left corner.
type box struct{ x0, y0, x1, y1 float64 }

// readRules collects the page's short thin rectangles (candidate
// underscores) from its path objects.
func readRules(inst pdfium.Pdfium, ref requests.Page, height float64) []box {
	n, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return nil
	}
	var out []box
	for i := 0; i < min(n.Count, maxObjects); i++ {
		obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: i})
		if err != nil {
			continue
		}
		t, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || t.Type != enums.FPDF_PAGEOBJ_PATH {
			continue
		}
		b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj.PageObject})
		if err != nil {
			continue
		}
		r := box{x0: float64(b.Left), x1: float64(b.Right), y0: height - float64(b.Top), y1: height - float64(b.Bottom)}
		if w, h := r.x1-r.x0, r.y1-r.y0; w > 0 && w < 20 && h < 2 && h < w/2 {
			out = append(out, r)
		}
	}
	return out
}

// underscores puts an underscore where a rule stands on the baseline
// between two glyphs of a line, close to both: in place of the space
// PDFium put there, or between them.
func underscores(gs []glyph, rules []box) []glyph {
	for _, r := range rules {
		for i := 0; i+1 < len(gs); i++ {
			a, j := gs[i], i+1
			if isSpace(gs[j]) && j+1 < len(gs) {
				j++
			}
			b := gs[j]
			if isSpace(a) || isSpace(b) || !underscoreBetween(r, a, b) {
				continue
			}
			u := glyph{text: "_", x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1, size: a.size, bold: a.bold}
			if j == i+2 {
				gs[i+1] = u
			} else {
				gs = append(gs[:j], append([]glyph{u}, gs[j:]...)...)
			}
			break
		}
	}
	return gs
}

func isSpace(g glyph) bool { return g.x1-g.x0 <= 0 || g.text == " " }

// underscoreBetween: the rule is under a third of a size wide to a size,
// fills most of the gap between a and b, and lies on their baseline: its
// top no higher than a fifth of a size above the bottom of the higher of
// the two (a letter without a descender stands on the baseline), its
// bottom no lower than a quarter size under the lower.
func underscoreBetween(r box, a, b glyph) bool {
	size := max(a.size, b.size, 1)
	w := r.x1 - r.x0
	if w < 0.15*size || w > size || r.x0 < a.x1-0.1*size || r.x1 > b.x0+0.1*size {
		return false
	}
	if (r.x0-a.x1)+(b.x0-r.x1) > 0.3*size {
		return false
	}
	return r.y0 >= min(a.y1, b.y1)-0.2*size && r.y1 <= max(a.y1, b.y1)+0.25*size
}

// circled turns TeX's © and ® (a circle glyph read as "\r" with a c or an
// R inside it, drawn in either order) into one character each.
func circled(gs []glyph) []glyph {
	out := gs[:0]
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if g.text == "\r" && g.x1-g.x0 > 0.4*max(g.size, 1) {
			if i+1 < len(gs) && inside(gs[i+1], g) && letterIn(gs[i+1]) != "" {
				g.text = letterIn(gs[i+1])
				i++
			} else if n := len(out); n > 0 && inside(out[n-1], g) && letterIn(out[n-1]) != "" {
				out[n-1].text, out[n-1].x0, out[n-1].x1, out[n-1].y0, out[n-1].y1 = letterIn(out[n-1]), g.x0, g.x1, g.y0, g.y1
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

func inside(g glyph, c glyph) bool {
	return g.x0 >= c.x0 && g.x1 <= c.x1 && g.y0 >= c.y0 && g.y1 <= c.y1
}

func letterIn(g glyph) string {
	switch g.text {
	case "c", "C":
		return "©"
	case "r", "R":
		return "®"
	}
	return ""
}
