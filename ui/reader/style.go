package reader

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate"
)

// blockStyle is how one kind of block is drawn.
type blockStyle struct {
	size       float32
	text       fyne.TextStyle
	colour     fyne.ThemeColorName
	indent     float32 // left indent of every line
	bullet     string  // drawn in the indent of the first line
	bar        bool    // a quote's bar in the indent
	link       bool    // lines are links (contents entries)
	above      float32 // space above the block
	lineHeight float32
	font       fyne.Resource // nil: the theme's font for text
	m          *measurer
	bold       *blockStyle // the same in bold (a table's header cells), or nil
}

// styles holds one style per kind of block, built from the theme's text
// size so the reader follows the user's scale.
type styles struct {
	base                   float32
	measure                float32 // the column's widest, in ems
	settings               Settings
	title, meta, paragraph *blockStyle
	headings               [4]*blockStyle // levels 1, 2, 3, 4+
	quote, pre, contents   *blockStyle
	boilerplate            *blockStyle
	list                   [4]*blockStyle // list depth 1..4+
}

// readingScale: running text is a little larger than the UI's labels.
const readingScale = 1.15

func newStyles(set Settings) *styles {
	base := theme.TextSize() * readingScale * set.scale()
	// Styles of one size and font share a measurer.
	type key struct {
		size float32
		ts   fyne.TextStyle
	}
	measurers := map[key]*measurer{}
	mk := func(size float32, ts fyne.TextStyle, colour fyne.ThemeColorName, above, leading float32) *blockStyle {
		font := fontOf(set.Serif, ts)
		m := measurers[key{size, ts}]
		if m == nil {
			m = newMeasurer(size, ts, font)
			measurers[key{size, ts}] = m
		}
		return &blockStyle{size: size, text: ts, colour: colour, above: above * base,
			lineHeight: size * leading * set.spacing(), font: font, m: m}
	}
	s := &styles{base: base, measure: set.Width.ems(), settings: set}
	s.title = mk(base*1.9, fyne.TextStyle{Bold: true}, theme.ColorNameForeground, 0, 1.25)
	s.meta = mk(base*0.9, fyne.TextStyle{}, theme.ColorNamePlaceHolder, 0.4, 1.5)
	s.paragraph = mk(base, fyne.TextStyle{}, theme.ColorNameForeground, 0.75, 1.55)
	s.paragraph.bold = mk(base, fyne.TextStyle{Bold: true}, theme.ColorNameForeground, 0.75, 1.55)
	s.headings[0] = mk(base*1.45, fyne.TextStyle{Bold: true}, theme.ColorNameForeground, 1.6, 1.3)
	s.headings[1] = mk(base*1.25, fyne.TextStyle{Bold: true}, theme.ColorNameForeground, 1.4, 1.3)
	s.headings[2] = mk(base*1.1, fyne.TextStyle{Bold: true}, theme.ColorNameForeground, 1.2, 1.35)
	s.headings[3] = mk(base, fyne.TextStyle{Bold: true, Italic: true}, theme.ColorNameForeground, 1.0, 1.4)
	s.quote = mk(base, fyne.TextStyle{Italic: true}, theme.ColorNameForeground, 0.75, 1.55)
	s.quote.indent, s.quote.bar = base*1.6, true
	s.pre = mk(base*0.9, fyne.TextStyle{Monospace: true}, theme.ColorNameForeground, 0.75, 1.45)
	s.pre.indent = base
	s.contents = mk(base*0.92, fyne.TextStyle{}, theme.ColorNamePrimary, 1.0, 1.45)
	s.contents.link = true
	s.boilerplate = mk(base*0.85, fyne.TextStyle{Italic: true}, theme.ColorNamePlaceHolder, 0.6, 1.45)
	for i := range s.list {
		st := mk(base, fyne.TextStyle{}, theme.ColorNameForeground, 0.35, 1.55)
		st.indent = base * 1.5 * float32(i+1)
		st.bullet = []string{"•", "◦", "▪", "·"}[i]
		s.list[i] = st
	}
	for _, m := range measurers {
		m.text = s.paragraph.m
	}
	return s
}

// of returns the style of a block.
func (s *styles) of(b annotate.Block) *blockStyle {
	switch b.Kind {
	case annotate.BlockTitle:
		return s.title
	case annotate.BlockHeading:
		return s.headings[min(max(b.Level, 1), 4)-1]
	case annotate.BlockQuote:
		return s.quote
	case annotate.BlockPre:
		return s.pre
	case annotate.BlockContents:
		return s.contents
	case annotate.BlockBoilerplate:
		return s.boilerplate
	case annotate.BlockListItem:
		return s.list[min(max(b.Level, 1), 4)-1]
	}
	return s.paragraph
}
