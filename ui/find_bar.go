package ui

import (
	"fmt"
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FindBar finds text in the open document: matches are painted, a count
// shows where you are, Enter and Shift+Enter go to the next and previous
// match, Escape closes it.
type FindBar struct {
	widget.BaseWidget
	entry   *findEntry
	count   *widget.Label
	text    []rune
	matches [][2]int
	current int
	onShow  func(matches [][2]int, current int)
	onClose func()
	// from is the position being read; origin is where it was when the
	// bar opened: the first match shown is the first after it.
	from   func() int
	origin int
}

// NewFindBar builds a hidden find bar; onShow paints matches and reveals
// the current one, onClose returns focus to the reader.
func NewFindBar(onShow func([][2]int, int), onClose func()) *FindBar {
	f := &FindBar{onShow: onShow, onClose: onClose, current: -1}
	f.entry = newFindEntry(f)
	f.entry.SetPlaceHolder("Find in document")
	f.entry.OnChanged = func(string) { f.search() }
	f.count = widget.NewLabel("")
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

// CreateRenderer draws the bar.
func (f *FindBar) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), f.Previous)
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), f.Next)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.Close)
	right := container.NewHBox(f.count, prev, next, closeBtn)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, right, f.entry))
}

// SetText gives the bar the document text to search.
func (f *FindBar) SetText(text []rune) {
	f.text = text
	f.origin = 0
	if f.Visible() {
		f.search()
	}
}

// Open shows the bar and puts the cursor in it; the search starts from
// the position being read.
func (f *FindBar) Open(c fyne.Canvas) {
	if f.from != nil {
		f.origin = f.from()
	}
	f.Show()
	if c != nil {
		c.Focus(f.entry)
	}
	f.search()
}

// Close hides the bar and clears the painted matches.
func (f *FindBar) Close() {
	f.Hide()
	f.matches, f.current = nil, -1
	f.onShow(nil, -1)
	if f.onClose != nil {
		f.onClose()
	}
}

func (f *FindBar) search() {
	f.matches = findAll(f.text, []rune(f.entry.Text))
	f.current = -1
	if len(f.matches) > 0 {
		f.current = sort.Search(len(f.matches), func(i int) bool { return f.matches[i][0] >= f.origin }) % len(f.matches)
	}
	f.show()
}

// Next goes to the next match, wrapping at the end.
func (f *FindBar) Next() { f.step(1) }

// Previous goes to the previous match, wrapping at the start.
func (f *FindBar) Previous() { f.step(-1) }

func (f *FindBar) step(d int) {
	if len(f.matches) == 0 {
		return
	}
	f.current = (f.current + d + len(f.matches)) % len(f.matches)
	f.show()
}

func (f *FindBar) show() {
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("No matches")
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.current+1, len(f.matches)))
	}
	f.onShow(f.matches, f.current)
}

// findAll finds every occurrence of query in text, ignoring letter case.
func findAll(text, query []rune) [][2]int {
	if len(query) == 0 {
		return nil
	}
	q := make([]rune, len(query))
	for i, r := range query {
		q[i] = unicode.ToLower(r)
	}
	var out [][2]int
	for i := 0; i+len(q) <= len(text); i++ {
		if unicode.ToLower(text[i]) != q[0] {
			continue
		}
		ok := true
		for j := 1; j < len(q); j++ {
			if unicode.ToLower(text[i+j]) != q[j] {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, [2]int{i, i + len(q)})
			i += len(q) - 1
		}
	}
	return out
}

// findEntry is the bar's text box: Enter and Shift+Enter step through the
// matches, Escape closes the bar.
type findEntry struct {
	textBox
	bar   *FindBar
	shift bool
}

func newFindEntry(bar *FindBar) *findEntry {
	e := &findEntry{bar: bar}
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown tracks Shift so Enter can go backwards.
func (e *findEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp tracks Shift.
func (e *findEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey steps on Enter and closes on Escape.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift {
			e.bar.Previous()
		} else {
			e.bar.Next()
		}
	case fyne.KeyEscape:
		e.bar.Close()
	default:
		e.textBox.TypedKey(k)
	}
}
