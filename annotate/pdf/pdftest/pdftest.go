// Package pdftest writes small PDFs for the tests of the packages that
// import PDFs, so that each test builds the PDF it needs (pages of
// paragraphs, metadata, a trailer /ID, printed page labels) instead of
// copying one in.
package pdftest

import (
	"bytes"
	"fmt"
	"strings"
)

// PDF describes a PDF to write. Each page is a list of paragraphs set in
// 10-point Helvetica at most 80 characters a line; a paragraph written
// "# Heading" is set at 20 points.
type PDF struct {
	Title, Author, Subject string
	Created                string // D:YYYYMMDDHHmmSS
	ID                     string // the trailer's /ID, hex; none when empty
	FirstLabel             int    // printed label of the first page when > 0 (pages numbered on from it)
	Pages                  [][]string
}

// Bytes is the PDF's file.
func (p PDF) Bytes() []byte {
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("")
	pages := add("")
	info := add(fmt.Sprintf("<< /Title (%s) /Author (%s) /Subject (%s) /CreationDate (%s) >>", Escape(p.Title), Escape(p.Author), Escape(p.Subject), p.Created))
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, paras := range p.Pages {
		content := page(paras)
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
		k := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", pages, c, font))
		kids = append(kids, fmt.Sprintf("%d 0 R", k))
	}
	objs[pages-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	cat := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", pages)
	if p.FirstLabel > 0 {
		cat += fmt.Sprintf(" /PageLabels << /Nums [0 << /S /D /St %d >>] >>", p.FirstLabel)
	}
	objs[catalog-1] = cat + " >>"
	return File(objs, catalog, info, p.ID)
}

// File writes a PDF file of objs (object n is objs[n-1]), with its
// cross-reference table and a trailer naming the catalog and the Info
// dictionary by number, and id (hex) as the trailer's /ID unless empty.
func File(objs []string, catalog, info int, id string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R", len(objs)+1, catalog, info)
	if id != "" {
		fmt.Fprintf(&b, " /ID [<%s> <%s>]", id, id)
	}
	fmt.Fprintf(&b, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// page is a page's content stream: its paragraphs line by line from the
// top, a blank line between them.
func page(paras []string) string {
	var c strings.Builder
	y := 720
	for _, para := range paras {
		size := 10
		if h, ok := strings.CutPrefix(para, "# "); ok {
			size, para = 20, h
		}
		for _, l := range wrap(para, 80) {
			fmt.Fprintf(&c, "BT /F1 %d Tf 72 %d Td (%s) Tj ET\n", size, y, Escape(l))
			y -= 4 + size
		}
		y -= 14
	}
	return c.String()
}

func wrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// winAnsi is where WinAnsiEncoding puts the punctuation it has above 127
// but not at its Unicode code point.
var winAnsi = map[rune]string{'•': `\225`, '‘': `\221`, '’': `\222`, '“': `\223`, '”': `\224`, '–': `\226`, '—': `\227`}

// Escape writes s as a PDF string in WinAnsiEncoding; letters it lacks
// are left out.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b.WriteByte('\\')
			b.WriteRune(r)
		case winAnsi[r] != "":
			b.WriteString(winAnsi[r])
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, `\%03o`, r)
		}
	}
	return b.String()
}
