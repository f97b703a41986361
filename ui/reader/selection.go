package reader

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
)

// wordAt is the word around pos: letters, digits and the apostrophes and
// hyphens inside a word. On a space or punctuation it is that one rune.
func wordAt(text []rune, pos int) (int, int) {
	if len(text) == 0 {
		return 0, 0
	}
	pos = min(max(pos, 0), len(text)-1)
	if !inWord(text, pos) {
		if pos > 0 && inWord(text, pos-1) {
			pos--
		} else {
			return pos, pos + 1
		}
	}
	s, e := pos, pos
	for s > 0 && inWord(text, s-1) {
		s--
	}
	for e < len(text) && inWord(text, e) {
		e++
	}
	return s, e
}

func inWord(text []rune, i int) bool {
	r := text[i]
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return true
	}
	if strings.ContainsRune("'’-‐", r) && i > 0 && i+1 < len(text) {
		a, b := text[i-1], text[i+1]
		return (unicode.IsLetter(a) || unicode.IsDigit(a)) && (unicode.IsLetter(b) || unicode.IsDigit(b))
	}
	return false
}

// blockRange is the range of the block holding pos: a paragraph, heading
// or list item. A position just after a block (a click right of its last
// line, or below it) is that block's, as with words.
func (r *Reader) blockRange(pos int) (int, int) {
	if r.doc == nil || len(r.doc.Blocks) == 0 {
		return 0, 0
	}
	i := r.doc.BlockAt(pos)
	if i < 0 {
		i = len(r.doc.Blocks)
	}
	if i > 0 && (i == len(r.doc.Blocks) || pos < r.doc.Blocks[i].Start) {
		i--
	}
	b := r.doc.Blocks[i]
	return b.Start, b.End()
}

// overText says whether a point of the page is on a line of text.
func (r *Reader) overText(pt fyne.Position) bool {
	if len(r.lay.items) == 0 {
		return false
	}
	it := r.lay.at(r.lay.itemAtY(pt.Y))
	if it.block < 0 || pt.Y < it.top || pt.Y >= it.top+it.height {
		return false
	}
	ln := it.line(it.lineAtY(pt.Y))
	x := pt.X - r.colX
	left, right := it.span(ln)
	return x >= left && x <= right
}

// linkAt is the contents entry under a point of the page, if any.
func (r *Reader) linkAt(pt fyne.Position) (string, bool) {
	if len(r.lay.items) == 0 {
		return "", false
	}
	it := r.lay.at(r.lay.itemAtY(pt.Y))
	if !it.st.link || pt.Y < it.top || pt.Y >= it.top+it.height {
		return "", false
	}
	ln := it.line(it.lineAtY(pt.Y))
	x := pt.X - r.colX
	left, right := it.span(ln)
	if x < left || x > right+r.st.base {
		return "", false
	}
	// A wrapped entry: take the whole source line around this one.
	s, e := ln.start, ln.end
	for s > 0 && it.runes[s-1] != '\n' {
		s--
	}
	for e < len(it.runes) && it.runes[e] != '\n' {
		e++
	}
	return string(it.runes[s:e]), true
}
