package reader

import (
	"fyne.io/fyne/v2"
)

// measurer measures text in one size and style, caching the widths of the
// words it has seen: a book repeats its vocabulary.
type measurer struct {
	size  float32
	style fyne.TextStyle
	words map[string]float32
}

func newMeasurer(size float32, style fyne.TextStyle) *measurer {
	return &measurer{size: size, style: style, words: map[string]float32{}}
}

// word is the cached width of a short piece of text.
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
	if s == "" {
		return 0
	}
	return fyne.MeasureText(s, m.size, m.style).Width
}
