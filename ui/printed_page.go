package ui

import (
	"sort"
	"strconv"
	"strings"

	"scholia/annotate"
)

// PagePosition is where the page a printed index or contents line names
// starts, for a line that names no section: "Porting . . . . 1" goes to
// the page printed 1. A PDF without page labels prints numbers that are
// not its page numbers (a manual's page 1 is its fourth); the difference
// is learnt from the contents lines that do name a section.
func (o *Outline) PagePosition(doc *annotate.Document, line string) (int, bool) {
	m := pageTail.FindStringSubmatch(line)
	if doc == nil || m == nil || m[2] == "" || len(doc.PageStarts) == 0 {
		return 0, false
	}
	n := 0
	for i, l := range doc.PageLabels {
		if l == m[2] {
			n = i + 1
			break
		}
	}
	if n == 0 {
		p, err := strconv.Atoi(m[2])
		if err != nil {
			return 0, false
		}
		n = p + o.pageOffset(doc)
	}
	i := sort.Search(len(doc.PageStarts), func(i int) bool { return doc.PageStarts[i].Page >= n })
	if i == len(doc.PageStarts) {
		return 0, false
	}
	return doc.PageStarts[i].At, true
}

// pageOffset is the page number less the printed one that most contents
// lines naming a section agree on; 0 where the PDF labels its pages.
func (o *Outline) pageOffset(doc *annotate.Document) int {
	if len(doc.PageLabels) > 0 {
		return 0
	}
	votes := map[int]int{}
	for _, b := range doc.Blocks {
		if b.Kind != annotate.BlockContents {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			m := pageTail.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			p, err := strconv.Atoi(m[2])
			if err != nil {
				continue
			}
			if e, ok := o.entryFor(pageTail.ReplaceAllString(line, "")); ok {
				votes[doc.PageAt(e.Start)-p]++
			}
		}
	}
	best, most := 0, 0
	for off, n := range votes {
		if n > most || (n == most && off < best) {
			best, most = off, n
		}
	}
	return best
}
