package reader

import (
	"image/color"
	"sort"
	"time"

	"fyne.io/fyne/v2"
)

// Marker is a sign in the margin beside the line where a note or question
// starts: a dot for a note, a question mark for a question.
type Marker struct {
	Pos      int
	Question bool
	Colour   color.Color
}

// marks are what the reader paints on the text besides the selection:
// highlights, find matches, the flash after a jump, and margin signs.
type marks struct {
	page       *page
	guard      func(work func())
	highlights []Highlight
	finds      []Highlight
	flash      []Highlight
	flashGen   int
	flashTimer *time.Timer
	markers    []Marker
}

// clear removes every mark: a new document is on show.
func (m *marks) clear() {
	m.highlights, m.finds, m.flash, m.markers = nil, nil, nil, nil
}

// SetHighlights replaces the coloured ranges painted behind the text.
func (m *marks) SetHighlights(h []Highlight) {
	m.highlights = sortedRanges(h)
	m.page.Refresh()
}

// Highlights are the coloured ranges painted behind the text.
func (m *marks) Highlights() []Highlight { return m.highlights }

// Markers are the margin signs drawn.
func (m *marks) Markers() []Marker { return m.markers }

// SetMarkers replaces the margin signs.
func (m *marks) SetMarkers(mk []Marker) {
	m.markers = append(m.markers[:0], mk...)
	m.page.Refresh()
}

// SetFindMatches paints the matches of a search in the document; current
// (an index into matches, or -1) is painted more strongly.
func (m *marks) SetFindMatches(matches [][2]int, current int) {
	m.finds = m.finds[:0]
	for i, r := range matches {
		c := findColour()
		if i == current {
			c = currentFindColour()
		}
		m.finds = append(m.finds, Highlight{Start: r[0], End: r[1], Colour: c})
	}
	m.page.Refresh()
}

// flashTime is how long Flash shows a passage.
const flashTime = 1200 * time.Millisecond

// Flash paints a passage strongly for a moment, so the eye finds it after
// a jump.
func (m *marks) Flash(start, end int) {
	m.flash = []Highlight{{Start: start, End: end, Colour: FlashColour()}}
	m.page.Refresh()
	gen := m.flashGen + 1
	m.flashGen = gen
	if m.flashTimer != nil {
		m.flashTimer.Stop()
	}
	m.flashTimer = time.AfterFunc(flashTime, func() {
		fyne.Do(func() {
			m.guard(func() {
				if m.flashGen == gen {
					m.flash = nil
					m.page.Refresh()
				}
			})
		})
	})
}

// stop ends the flash's timer.
func (m *marks) stop() {
	if m.flashTimer != nil {
		m.flashTimer.Stop()
	}
}

// Flashing is the passage being flashed, if any.
func (m *marks) Flashing() (int, int, bool) {
	if len(m.flash) == 0 {
		return 0, 0, false
	}
	return m.flash[0].Start, m.flash[0].End, true
}

func sortedRanges(h []Highlight) []Highlight {
	out := append([]Highlight(nil), h...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func findColour() color.Color {
	return color.NRGBA{R: 0xff, G: 0x9f, B: 0x1c, A: 0x55}
}

func currentFindColour() color.Color {
	return color.NRGBA{R: 0xff, G: 0x9f, B: 0x1c, A: 0xc0}
}
