package pdftest

import "strings"

// linesPerPage is how many lines of 10-point text a page holds between
// y 720 and the bottom margin, a paragraph's gap counted as a line.
const linesPerPage = 46

// Book fills pages with paragraphs, over again from the first when they
// run out, as a long book of prose: a paragraph too long for what is left
// of a page is cut at a word and goes on on the next. It returns the PDF
// and its paragraphs in order as they stand on the pages, pieces of a cut
// paragraph as paragraphs of their own (the same text for a plain-text
// file to compare with).
func Book(title string, paras []string, pages int) (PDF, []string) {
	doc := PDF{Title: title}
	var text, page []string
	left := linesPerPage
	next := func() { doc.Pages, page, left = append(doc.Pages, page), nil, linesPerPage }
	for i := 0; len(doc.Pages) < pages && len(paras) > 0; i++ {
		words := strings.Fields(paras[i%len(paras)])
		for len(words) > 0 && len(doc.Pages) < pages {
			n, lines := fit(words, left-1)
			if n == 0 {
				next()
				continue
			}
			part := strings.Join(words[:n], " ")
			page, text = append(page, part), append(text, part)
			words = words[n:]
			if left -= lines + 1; left <= 1 {
				next()
			}
		}
	}
	return doc, text
}

// fit is how many of words fill at most max lines as wrap sets them, and
// how many lines they take.
func fit(words []string, max int) (int, int) {
	lines, width := 0, 0
	for i, w := range words {
		if width == 0 || width+1+len(w) > 80 {
			lines, width = lines+1, len(w)
		} else {
			width += 1 + len(w)
		}
		if lines > max {
			return i, lines - 1
		}
	}
	return len(words), lines
}
