package reader

import (
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// unit is a piece of a bidirectional line drawn as one text: runes
// [start, end) of its item, at x from the item's left edge, w wide. The
// first rune of a right-to-left unit is at its right edge. Fyne shapes the
// letters of a word in their direction but lays a string's words out left
// to right, so right-to-left text is drawn a word (or a mark) at a time.
type unit struct {
	start, end int
	x, w       float32
	rtl        bool
	text       string      // as drawn: a bracket in right-to-left text is mirrored
	st         *blockStyle // nil: the item's; a table's header cells are bold
}

// styleOf is the style unit u is drawn and measured in.
func (it *item) styleOf(u *unit) *blockStyle {
	if u.st != nil {
		return u.st
	}
	return it.st
}

// rightToLeft says whether a block is laid out right to left: the
// document's direction when it has one, otherwise the direction of the
// block's first strong letter (as a browser does with dir="auto").
func rightToLeft(docDirection string, text []rune) bool {
	switch docDirection {
	case "rtl":
		return true
	case "ltr":
		return false
	}
	for _, r := range text {
		switch class(r) {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}

// needsBidi says whether text holds anything written right to left.
func needsBidi(text []rune) bool {
	for _, r := range text {
		if r < 0x0590 {
			continue
		}
		switch class(r) {
		case bidi.R, bidi.AL, bidi.AN:
			return true
		}
	}
	return false
}

func class(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// bidiLevels is the embedding level of each rune of text (0 left to right,
// 1 right to left, 2 left to right inside right-to-left), resolved a
// paragraph (a '\n'-separated piece) at a time in the block's direction.
func bidiLevels(text []rune, rtl bool) []uint8 {
	levels := make([]uint8, len(text))
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && class(text[i]) != bidi.B {
			continue
		}
		resolve(text[start:i], levels[start:i], rtl)
		if i < len(text) {
			levels[i] = baseLevel(rtl)
		}
		start = i + 1
	}
	return levels
}

func baseLevel(rtl bool) uint8 {
	if rtl {
		return 1
	}
	return 0
}

// resolve fills levels for one paragraph with x/text's bidi algorithm. A
// leading mark (LRM or RLM) fixes the paragraph's direction. The package
// is still under construction upstream; should it fail, the paragraph
// keeps its base level rather than taking the reader down.
func resolve(para []rune, levels []uint8, rtl bool) {
	base := baseLevel(rtl)
	for i := range levels {
		levels[i] = base
	}
	if len(para) == 0 {
		return
	}
	defer func() { _ = recover() }()
	mark := '\u200e'
	if rtl {
		mark = '\u200f'
	}
	var p bidi.Paragraph
	if _, err := p.SetString(string(mark) + string(para)); err != nil {
		return
	}
	o, err := p.Order()
	if err != nil {
		return
	}
	for i := 0; i < o.NumRuns(); i++ {
		run := o.Run(i)
		s, e := run.Pos()
		s, e = max(s-1, 0), min(e, len(para)) // drop the mark; e was inclusive
		lv := runLevel(run.Direction() == bidi.RightToLeft, para[s:e], rtl)
		for k := s; k < e; k++ {
			levels[k] = lv
		}
	}
}

// runLevel is the level of a run of one direction: right-to-left runs are
// at 1; left-to-right runs inside right-to-left text, and numbers (no
// strong letter) anywhere, are at 2; other left-to-right text is at 0.
func runLevel(runRTL bool, run []rune, rtl bool) uint8 {
	if runRTL {
		return 1
	}
	if rtl {
		return 2
	}
	for _, r := range run {
		if class(r) == bidi.L {
			return 0
		}
	}
	return 2
}

// piece is a run of one level within a line.
type piece struct {
	start, end int
	level      uint8
}

// visualUnits lays out line ln of it in visual order (UAX #9 rules L1 and
// L2): whitespace ending the line takes the paragraph's level, then every
// sequence of pieces at or above each odd level is reversed. Units are
// placed from the left edge (indent) or, right to left, flush with the
// right edge of a line width wide.
func visualUnits(it *item, ln line, levels []uint8, width float32) []unit {
	if ln.end <= ln.start {
		return nil
	}
	base := baseLevel(it.rtl)
	lv := append([]uint8(nil), levels[ln.start:ln.end]...)
	trailing := ln.end
	for k := len(lv) - 1; k >= 0 && unicode.IsSpace(it.runes[ln.start+k]); k-- {
		lv[k] = base
		trailing = ln.start + k
	}
	var pieces []piece
	var top, lowestOdd uint8 = 0, 255
	for k := 0; k < len(lv); k++ {
		if len(pieces) > 0 && pieces[len(pieces)-1].level == lv[k] {
			pieces[len(pieces)-1].end = ln.start + k + 1
		} else {
			pieces = append(pieces, piece{ln.start + k, ln.start + k + 1, lv[k]})
		}
		top = max(top, lv[k])
		if lv[k]%2 == 1 {
			lowestOdd = min(lowestOdd, lv[k])
		}
	}
	for level := top; level >= lowestOdd && level > 0; level-- {
		for i := 0; i < len(pieces); {
			if pieces[i].level < level {
				i++
				continue
			}
			j := i
			for j < len(pieces) && pieces[j].level >= level {
				j++
			}
			reverse(pieces[i:j])
			i = j
		}
	}
	var units []unit
	for _, p := range pieces {
		if p.level%2 == 0 {
			units = append(units, unit{start: p.start, end: p.end, text: string(it.runes[p.start:p.end])})
			continue
		}
		units = appendRTL(units, it.runes, p.start, p.end)
	}
	x := it.st.indent
	var text float32 // the width of all but the spaces ending the line
	for i := range units {
		units[i].w = it.st.m.word(units[i].text)
		if units[i].start < trailing {
			text += units[i].w
		}
	}
	if it.rtl {
		// Spaces ending the line sit at its left end, hanging in the margin.
		x = width - it.st.indent - text
		for _, u := range units {
			if u.start >= trailing {
				x -= u.w
			}
		}
	}
	for i := range units {
		units[i].x = x
		x += units[i].w
	}
	return units
}

// appendRTL appends runes [s, e) of right-to-left text in visual order:
// words (letters and their marks) whole, other characters one at a time,
// brackets mirrored.
func appendRTL(units []unit, text []rune, s, e int) []unit {
	var logical []unit
	for k := s; k < e; {
		j := k + 1
		if isWordRune(text[k]) {
			for j < e && isWordRune(text[j]) {
				j++
			}
			logical = append(logical, unit{start: k, end: j, rtl: true, text: string(text[k:j])})
		} else {
			logical = append(logical, unit{start: k, end: j, rtl: true, text: string(bidi.AppendReverse(nil, []byte(string(text[k]))))})
		}
		k = j
	}
	reverse(logical)
	return append(units, logical...)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '\u200c' || r == '\u200d'
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// edge is the x (from the item's left edge) of the boundary before rune k
// of unit u, start <= k <= end.
func (it *item) edge(u *unit, k int) float32 {
	var d float32
	switch k {
	case u.start:
	case u.end:
		d = u.w
	default:
		d = it.styleOf(u).m.runes(it.runes[u.start:k])
	}
	if u.rtl {
		return u.x + u.w - d
	}
	return u.x + d
}

// unitOf is the unit holding rune k of the line, or the one ending at k
// when k ends the line.
func unitOf(units []unit, k int) *unit {
	var last *unit
	for i := range units {
		u := &units[i]
		if k >= u.start && k < u.end {
			return u
		}
		if k == u.end {
			last = u
		}
	}
	return last
}

// unitAtX is the unit under x, or the nearest one.
func unitAtX(units []unit, x float32) *unit {
	for i := range units {
		if x < units[i].x+units[i].w || i == len(units)-1 {
			return &units[i]
		}
	}
	return nil
}
