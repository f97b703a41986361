package reader

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
)

// selection is the text on show and the range selected in it: from the
// anchor, where it began, to the caret, its moving end.
type selection struct {
	page          *page
	text          []rune
	anchor, caret int
	// changed and done are called when the selection changes and when it
	// is complete.
	changed, done func(start, end int)
}

// Selection is the selected range [start, end); start == end when nothing
// is selected.
func (s *selection) Selection() (int, int) {
	return min(s.anchor, s.caret), max(s.anchor, s.caret)
}

// Selecting says whether the mouse is making a selection: the button is
// still down.
func (s *selection) Selecting() bool { return s.page.dragging }

// SelectedText is exactly the selected text.
func (s *selection) SelectedText() string {
	start, end := s.Selection()
	if start == end || end > len(s.text) {
		return ""
	}
	return string(s.text[start:end])
}

// Select selects [start, end) and repaints.
func (s *selection) Select(start, end int) {
	s.setSelection(start, end)
}

func (s *selection) setSelection(anchor, caret int) {
	n := len(s.text)
	anchor, caret = min(max(anchor, 0), n), min(max(caret, 0), n)
	if anchor == s.anchor && caret == s.caret {
		return
	}
	s.anchor, s.caret = anchor, caret
	s.page.Refresh()
	s.changed(s.Selection())
	if !s.page.dragging {
		s.selectionDone()
	}
}

func (s *selection) selectionDone() {
	s.done(s.Selection())
}

// SelectAll selects the whole text.
func (s *selection) SelectAll() { s.setSelection(0, len(s.text)) }

// ClearSelection removes the selection.
func (s *selection) ClearSelection() { s.setSelection(s.caret, s.caret) }

// Copy puts exactly the selected text on the clipboard; it does nothing
// when nothing is selected.
func (s *selection) Copy() {
	if t := s.SelectedText(); t != "" {
		fyne.CurrentApp().Clipboard().SetContent(t)
	}
}

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
