package ui

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textBox is every box a person types into: a widget.Entry that keeps the
// cursor at the place in the text where the last keystroke left it, so
// what is stored is exactly what was typed.
//
// Why it is needed (Fyne 2.7.1, widget/entry.go and widget/richtext.go):
// an Entry keeps its cursor as a row and column of the wrapped text, not
// as an offset. When word wrapping cuts a line at a space, lineBounds
// drops that space from both rows: row r ends before it and row r+1
// begins after it. If the space is the last character of its line (it
// was just typed at the end of the text, or before a newline), no row
// begins after it, so the offset just past it has no row and column.
// TypedRune inserts the space and asks rowColFromTextPos for that offset;
// it counts every row that ends before the offset and answers a row one
// past the line's last, with the column counted from the last row's
// start. The Refresh that ends TypedRune runs updateCursorAndSelection,
// whose truncatePosition clamps that to the end of the last row: one
// character before the space. The next letter is inserted before the
// space, and so is the rest: "after such talks?" is stored as "aftersuch
// talks? ", the space travelling with the cursor to the end. Typing over
// a selection is worse: eraseSelection gets the same row past the end,
// and TypedRune turns it straight back into an offset with
// textPosFromRowCol, which for a row that does not exist answers the
// column alone, counted from the start of the text, so the letter lands
// lines earlier. fyne-io/fyne#2698 and #1737 report cursor misplacement
// at wrap points of the same kind.
//
// Fyne cannot be changed here, so textBox works around it in two steps.
// After each edit it works out from the text where the cursor belongs
// (after what was inserted, where the deletion was) and puts it there.
// Before each edit, a cursor at the end of a row whose line ends in such
// a hidden space is taken to be after that space: on screen the two
// places are one, and it is where the last keystroke left it (End,
// a click or the arrows reach it the same way). Fyne turns a column past
// the end of a row into an offset without checking it (textPosFromRowCol
// is the row's beginning plus the column), so giving the column back one
// more than the row holds makes the edit land after the space, on the
// row the reader sees.
type textBox struct {
	widget.Entry
}

// newTextBox builds a box; a multi-line one wraps at word boundaries.
func newTextBox(multiLine bool) *textBox {
	t := &textBox{}
	t.MultiLine = multiLine
	if multiLine {
		t.Wrapping = fyne.TextWrapWord
	}
	t.ExtendBaseWidget(t)
	return t
}

// editKind says what an edit does around the cursor, and so where it
// leaves the cursor: after what was typed or pasted, where Backspace or
// cutting erased, where Delete erased.
type editKind int

const (
	typing editKind = iota
	erasing
	erasingForward
)

// TypedRune types r where the cursor is.
func (t *textBox) TypedRune(r rune) {
	t.edit(typing, func() { t.Entry.TypedRune(r) })
}

// TypedKey edits with Backspace, Delete and, in a box of several lines,
// Enter and Tab; other keys move the cursor as Fyne does.
func (t *textBox) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
		if t.MultiLine {
			t.edit(typing, func() { t.Entry.TypedKey(k) })
			return
		}
	case fyne.KeyBackspace:
		t.edit(erasing, func() { t.Entry.TypedKey(k) })
		return
	case fyne.KeyDelete:
		t.edit(erasingForward, func() { t.Entry.TypedKey(k) })
		return
	}
	t.Entry.TypedKey(k)
}

// TypedShortcut pastes, cuts and deletes words keeping the cursor after
// the edit, and goes to the start or end of the text.
func (t *textBox) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutPaste:
		t.edit(typing, func() { t.Entry.TypedShortcut(s) })
		return
	case *fyne.ShortcutCut:
		t.edit(erasing, func() { t.Entry.TypedShortcut(s) })
		return
	case *desktop.CustomShortcut:
		switch s.KeyName {
		case fyne.KeyBackspace:
			t.edit(erasing, func() { t.Entry.TypedShortcut(s) })
			return
		case fyne.KeyDelete:
			t.edit(erasingForward, func() { t.Entry.TypedShortcut(s) })
			return
		case fyne.KeyHome, fyne.KeyEnd:
			// Ctrl+Home and Ctrl+End go to the start and the end of the
			// whole text, as in every editor; Fyne 2.7.1 does nothing.
			if s.Modifier == fyne.KeyModifierShortcutDefault {
				if s.KeyName == fyne.KeyHome {
					t.place(0)
				} else {
					t.place(len([]rune(t.Text)))
				}
				return
			}
		}
	}
	t.Entry.TypedShortcut(s)
}

// Resize rewraps the text keeping the cursor at its place in the text.
func (t *textBox) Resize(size fyne.Size) {
	if size == t.Size() {
		return
	}
	cursor := t.cursor()
	t.Entry.Resize(size)
	t.place(cursor)
}

// edit runs one editing keystroke from the cursor's place in the text and
// puts the cursor where the edit leaves it. Typing over a selection first
// erases it as Backspace does: Fyne would erase it and insert in one go,
// inserting at a place it cannot give a row and column when the erasure
// ends the line just after a hidden space.
func (t *textBox) edit(kind editKind, keystroke func()) {
	if kind == typing && t.SelectedText() != "" {
		t.edit(erasing, func() { t.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) })
	}
	cursor := t.cursor()
	before := []rune(t.Text)
	selected := len([]rune(t.SelectedText()))
	keystroke()
	if want, ok := cursorAfter(kind, before, []rune(t.Text), cursor, selected); ok {
		t.place(want)
	}
}

// cursor is the cursor's offset in the text, after a space hidden at the
// wrap that ends the cursor's row and line; Fyne's own column is then
// made to say so.
func (t *textBox) cursor() int {
	offset := t.CursorTextOffset()
	text := []rune(t.Text)
	if offset >= len(text) || text[offset] == '\n' || !unicode.IsSpace(text[offset]) ||
		(offset+1 < len(text) && text[offset+1] != '\n') || t.SelectedText() != "" {
		return offset
	}
	column := t.CursorColumn
	t.CursorColumn++
	t.Refresh()
	if t.CursorColumn == column { // the row has no room for the space
		t.CursorColumn++
		return offset + 1
	}
	t.CursorColumn = column
	t.Refresh()
	return offset
}

// place puts the cursor at offset, or at the end of the row when offset
// follows a space hidden at the wrap.
func (t *textBox) place(offset int) {
	if t.CursorTextOffset() != offset {
		t.CursorRow, t.CursorColumn = t.rowColumn(offset)
		t.Refresh()
	}
}

// rowColumn is the row and column of offset in the wrapped text: the last
// row that begins at or before it. Fyne keeps its rows to itself, so each
// row's beginning is read through CursorTextOffset; past the last row
// that gives back the column, 0.
func (t *textBox) rowColumn(offset int) (row, column int) {
	keepRow, keepColumn := t.CursorRow, t.CursorColumn
	defer func() { t.CursorRow, t.CursorColumn = keepRow, keepColumn }()
	begin := 0
	for r := 1; ; r++ {
		t.CursorRow, t.CursorColumn = r, 0
		b := t.CursorTextOffset()
		if b <= 0 || b > offset {
			break
		}
		row, begin = r, b
	}
	return row, offset - begin
}

// cursorAfter is where an edit of kind leaves the cursor, from the text
// before and after it, the cursor before it and how many characters were
// selected. An edit replaces a stretch before[a:b] of the text with what
// was typed and leaves the cursor after that: the stretch is the selection
// (the cursor at either end of it), or else ends at the cursor (typing,
// Backspace) or, erasing forward, starts there. ok is false when the
// texts do not say which.
func cursorAfter(kind editKind, before, after []rune, cursor, selected int) (want int, ok bool) {
	if string(before) == string(after) {
		return cursor, true
	}
	var stretches [][2]int
	switch {
	case selected > 0:
		stretches = [][2]int{{cursor, cursor + selected}, {cursor - selected, cursor}}
	case kind == erasingForward:
		stretches = [][2]int{{cursor, cursor + len(before) - len(after)}}
	default:
		stretches = [][2]int{{0, cursor}}
	}
	found := false
	for _, s := range stretches {
		a, b := s[0], s[1]
		w := len(after) - (len(before) - b)
		if a < 0 || b < a || b > len(before) || w < a ||
			!hasPrefix(after, before[:a]) || !hasSuffix(after, before[b:]) {
			continue
		}
		if found && w != want {
			return 0, false
		}
		want, found = w, true
	}
	return want, found
}

func hasPrefix(s, prefix []rune) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
}

func hasSuffix(s, suffix []rune) bool {
	return len(s) >= len(suffix) && string(s[len(s)-len(suffix):]) == string(suffix)
}
