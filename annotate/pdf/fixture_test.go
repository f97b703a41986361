package pdf

import (
	"fmt"
	"scholia/annotate/pdf/pdftest"
	"strings"
)

// A PDF writer for tests: pages of text runs in Helvetica (bold or not),
// with an Info dictionary, page labels, bookmarks and a trailer /ID, so each
// test builds the PDF it needs instead of copying one in.

type run struct {
	x, y, size float64 // y from the page's top, as a reader sees it
	bold       bool
	mono       bool // set in Courier
	text       string
	raw        string // content-stream operators written as they are (a rule, a glyph of the symbol font F3), instead of text
}

type mark struct {
	title string
	page  int // 1-based
}

type fixture struct {
	pages   [][]run
	title   string
	author  string
	created string // D:YYYYMMDD...
	roman   int    // the first roman pages get labels i, ii, ...; the rest 1, 2, ...
	marks   []mark
	id      string // hex
}

const pageHeight = 792.0

func (f fixture) bytes() []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("")
	pagesObj := add("")
	info := add(fmt.Sprintf("<< /Title (%s) /Author (%s) /CreationDate (%s) >>", pdftest.Escape(f.title), pdftest.Escape(f.author), f.created))
	regular := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	bold := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	courier := add("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
	circle := add("<< /Length 48 >>\nstream\n1000 0 0 -250 1000 750 d1 0 -250 1000 1000 re f\nendstream")
	symbol := add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 -250 1000 750] /FontMatrix [0.001 0 0 0.001 0 0] "+
		"/CharProcs << /circlecopyrt %d 0 R >> /Encoding << /Type /Encoding /Differences [13 /circlecopyrt] >> /FirstChar 13 /LastChar 13 /Widths [1000] /Resources << >> >>", circle))
	var kids []string
	var pageIDs []int
	for _, runs := range f.pages {
		var c strings.Builder
		for _, r := range runs {
			if r.raw != "" {
				c.WriteString(r.raw + "\n")
				continue
			}
			font := "F1"
			if r.bold {
				font = "F2"
			}
			if r.mono {
				font = "F4"
			}
			fmt.Fprintf(&c, "BT /%s %g Tf %g %g Td (%s) Tj ET\n", font, r.size, r.x, pageHeight-r.y, pdftest.Escape(r.text))
		}
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()))
		p := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R >> >> >>",
			pagesObj, content, regular, bold, symbol, courier))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
		pageIDs = append(pageIDs, p)
	}
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	cat := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", pagesObj)
	if f.roman > 0 {
		cat += fmt.Sprintf(" /PageLabels << /Nums [0 << /S /r >> %d << /S /D >>] >>", f.roman)
	}
	if len(f.marks) > 0 {
		outlines := add("")
		first := len(objs) + 1
		for i, m := range f.marks {
			item := fmt.Sprintf("<< /Title (%s) /Parent %d 0 R /Dest [%d 0 R /XYZ 0 792 0]", pdftest.Escape(m.title), outlines, pageIDs[m.page-1])
			if i > 0 {
				item += fmt.Sprintf(" /Prev %d 0 R", first+i-1)
			}
			if i < len(f.marks)-1 {
				item += fmt.Sprintf(" /Next %d 0 R", first+i+1)
			}
			add(item + " >>")
		}
		objs[outlines-1] = fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, len(objs), len(f.marks))
		cat += fmt.Sprintf(" /Outlines %d 0 R", outlines)
	}
	objs[catalog-1] = cat + " >>"
	return pdftest.File(objs, catalog, info, f.id)
}

// column lays text out as lines of at most width characters from (x, y),
// one line every 14 points, a blank line between paragraphs.
func column(x, y float64, width int, paragraphs ...string) []run {
	var out []run
	for _, p := range paragraphs {
		line := ""
		for _, w := range strings.Fields(p) {
			if line != "" && len(line)+1+len(w) > width {
				out = append(out, run{x: x, y: y, size: 10, text: line})
				y += 14
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		if line != "" {
			out = append(out, run{x: x, y: y, size: 10, text: line})
			y += 14
		}
		y += 10
	}
	return out
}
