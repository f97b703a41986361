package reader

import (
	"fyne.io/fyne/v2"
)

// measurer measures text in one size and style. Text of simple runes
// (Latin, Greek, Cyrillic: see advances.simple) is measured from the
// font's advances and kerning; other text is shaped by fyne.MeasureText,
// and the widths of the words it has seen are cached: a book repeats its
// vocabulary.
type measurer struct {
	size   float32
	style  fyne.TextStyle
	font   fyne.Resource // nil: the theme's
	fast   *advances     // nil when the theme's font could not be read
	loaded bool          // fast was looked for
	words  map[string]float32
	avg    float32 // average width of a letter of running text; 0 until measured
	// text is the measurer of running text, whose average the others
	// scale to their size, so that estimating does not read their fonts.
	text *measurer
}

// averageSample is running English text, for the average width of a
// letter.
const averageSample = "The quick brown fox jumps over the lazy dog, and then, as it happens, it rests."

// monospaceAdvance is the advance of a monospaced font's letters, in
// ems: 0.6 for Fyne's and most others.
const monospaceAdvance = 0.6

// average is about the average width of a letter (spaces included) of
// running text, for estimating the height of a paragraph not wrapped yet.
func (m *measurer) average() float32 {
	if m.avg == 0 {
		switch {
		case m.style.Monospace:
			m.avg = m.size * monospaceAdvance
		case m.text != nil && m.text != m:
			m.avg = m.text.average() * m.size / m.text.size
		default:
			text := []rune(averageSample)
			m.avg = max(m.runes(text)/float32(len(text)), 1)
		}
	}
	return m.avg
}

func newMeasurer(size float32, style fyne.TextStyle, font fyne.Resource) *measurer {
	return &measurer{size: size, style: style, font: font, words: map[string]float32{}}
}

// advances are the font's advances and kerning at this size, read when
// first needed (a font only some headings use is read when one is
// shown); nil when the theme's font could not be read.
func (m *measurer) advances() *advances {
	if !m.loaded {
		m.loaded = true
		if tf := typefaceOf(m.style, m.font); tf != nil {
			m.fast = newAdvances(tf, m.size)
		}
	}
	return m.fast
}

// runes is the width of text as drawn.
func (m *measurer) runes(text []rune) float32 {
	if a := m.advances(); a != nil && a.simpleRunes(text) {
		return a.width(text)
	}
	if len(text) <= 32 {
		return m.word(string(text))
	}
	return m.shaped(string(text))
}

// word is the width of a short piece of text, cached.
func (m *measurer) word(s string) float32 {
	if w, ok := m.words[s]; ok {
		return w
	}
	w := m.width(s)
	if len(m.words) < 200_000 {
		m.words[s] = w
	}
	return w
}

// width measures a piece of text as drawn.
func (m *measurer) width(s string) float32 {
	if a := m.advances(); a != nil {
		text := []rune(s)
		if a.simpleRunes(text) {
			return a.width(text)
		}
	}
	return m.shaped(s)
}

// shaped is the width fyne.MeasureText gives.
func (m *measurer) shaped(s string) float32 {
	if s == "" {
		return 0
	}
	if m.font != nil {
		w, _ := fyne.CurrentApp().Driver().RenderedTextSize(s, m.size, m.style, m.font)
		return w.Width
	}
	return fyne.MeasureText(s, m.size, m.style).Width
}

// space is the width of the space r after prev on a line (prev -1 when
// r begins it).
func (m *measurer) space(prev, r rune) float32 {
	a := m.advances()
	if a == nil || !a.simple(r) {
		return m.word(" ")
	}
	return m.joint(prev, r) + a.of(r)
}

// joint is the kerning between a and b side by side, when both are simple
// runes (0 otherwise, and when a is -1: nothing before b).
func (m *measurer) joint(a, b rune) float32 {
	if f := m.advances(); f == nil || !f.simple(a) || !f.simple(b) {
		return 0
	}
	return m.fast.pair(a, b)
}
