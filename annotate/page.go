package annotate

import (
	"sort"
	"strconv"
)

// PageStart says where a page's text begins: the code point of
// Document.Text at which the first block starting on page Page stands.
// A PDF's documents keep one per page that starts a block, in the
// document's record (not with the blocks), so that listing and exporting
// annotations give pages without reading any text.
type PageStart struct {
	At   int `json:"at"`
	Page int `json:"page"`
}

// indexPages fills PageStarts from the blocks' pages and the page turns
// inside them; documents whose blocks have none (every format but PDF)
// keep none.
func (d *Document) indexPages() {
	d.PageStarts = nil
	last := 0
	add := func(at, page int) {
		if page > 0 && page != last {
			d.PageStarts = append(d.PageStarts, PageStart{At: at, Page: page})
			last = page
		}
	}
	for _, b := range d.Blocks {
		add(b.Start, b.Page)
		for _, t := range b.Turns {
			add(b.Start+t.At, t.Page)
		}
	}
}

// PageAt is the 1-based page holding code point pos; 0 for a document
// without pages.
func (d *Document) PageAt(pos int) int {
	if len(d.PageStarts) == 0 {
		return 0
	}
	// The first start past pos; the page before it holds pos.
	i := sort.Search(len(d.PageStarts), func(i int) bool { return d.PageStarts[i].At > pos })
	return d.PageStarts[max(i-1, 0)].Page
}

// PageLabel is how page n is printed: the PDF's label for it where it has
// one, else its number.
func (d *Document) PageLabel(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(d.PageLabels) && d.PageLabels[n-1] != "" {
		return d.PageLabels[n-1]
	}
	return strconv.Itoa(n)
}

// Pages are the pages a passage spans as they are printed: first and
// last ("" for a document without pages; first == last on one page).
func (d *Document) Pages(a *Anchor) (first, last string) {
	if a == nil || len(d.PageStarts) == 0 {
		return "", ""
	}
	end := max(a.Start, a.End-1)
	return d.PageLabel(d.PageAt(a.Start)), d.PageLabel(d.PageAt(end))
}

// PageCitation is how a citation gives a passage's pages: "p. 12",
// "pp. 12–13"; "" for a document without pages.
func (d *Document) PageCitation(a *Anchor) string {
	first, last := d.Pages(a)
	switch {
	case first == "":
		return ""
	case first == last:
		return "p. " + first
	}
	return "pp. " + first + "–" + last
}
