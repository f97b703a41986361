package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// paletteLimit is how many results the palette shows.
const paletteLimit = 50

// SearchPalette is the Ctrl+K search over the whole library: results
// update as you type (off the UI goroutine, older queries cancelled), the
// matched characters in bold; arrow keys and Enter, or a click, open one.
type SearchPalette struct {
	lib     *library.Library
	guard   *crashGuard
	win     fyne.Window
	open    func(h library.Hit)
	entry   *paletteEntry
	list    *paletteList
	rows    hitRows
	count   *widget.Label
	popup   *widget.PopUp
	hits    []library.Hit
	current int
	cancel  context.CancelFunc
	serial  int
	shown   int // the serial of the query whose results show
	pending chan struct{}
}

// holdSearch, when set (by tests), runs on the palette's search goroutine
// before it searches for q: a test holds a search there to see what the
// palette shows meanwhile.
var holdSearch func(q string)

// NewSearchPalette builds a hidden palette; open shows a result.
func NewSearchPalette(lib *library.Library, win fyne.Window, open func(library.Hit)) *SearchPalette {
	p := &SearchPalette{lib: lib, win: win, open: open, current: -1}
	p.entry = newPaletteEntry(p)
	p.entry.SetPlaceHolder(`Search every note: words (typos welcome), "exact phrase", tag:, kind:, is:open, colour:, in:"title"`)
	p.entry.OnChanged = func(q string) { p.query(q) }
	p.count = widget.NewLabel("")
	p.count.SizeName = theme.SizeNameCaptionText
	p.list = newPaletteList(p)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.current = i
	}
	content := container.NewBorder(container.NewVBox(p.entry, p.count), nil, nil, nil, p.list)
	p.popup = widget.NewModalPopUp(content, win.Canvas())
	return p
}

// Show opens the palette with the cursor in the query.
func (p *SearchPalette) Show() {
	size := p.win.Canvas().Size()
	w, h := min(size.Width-40, 820), min(size.Height-80, 560)
	p.popup.Resize(fyne.NewSize(w, h))
	p.rows.fit(w)
	p.popup.ShowAtPosition(fyne.NewPos((size.Width-w)/2, 40))
	p.win.Canvas().Focus(p.entry)
	p.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// Hide closes the palette and cancels a running search.
func (p *SearchPalette) Hide() {
	if p.cancel != nil {
		p.cancel()
	}
	p.popup.Hide()
}

// Visible says whether the palette is open.
func (p *SearchPalette) Visible() bool { return p.popup.Visible() }

// query starts a search for q off the UI goroutine, cancelling the one
// before it; after progressAfter without its results, the count line says
// it is searching.
func (p *SearchPalette) query(q string) {
	if p.cancel != nil {
		p.cancel()
	}
	p.serial++
	serial := p.serial
	done := make(chan struct{})
	p.pending = done
	if strings.TrimSpace(q) == "" {
		p.shown = serial
		p.show(nil, "")
		close(done)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	slow := p.guard.after(progressAfter, func() {
		if serial == p.serial && p.shown != serial && p.Visible() {
			p.count.SetText("Searching…")
		}
	})
	hold := holdSearch
	p.guard.goRun(func() {
		var hits []library.Hit
		err := errCrashed
		p.guard.run(func() {
			if hold != nil {
				hold(q)
			}
			hits, err = p.lib.Search(ctx, q, paletteLimit)
		})
		p.guard.do(func() {
			defer close(done)
			slow.Stop()
			if serial != p.serial || ctx.Err() != nil {
				return
			}
			p.shown = serial
			if err != nil {
				p.show(nil, capitalise(err.Error())+".")
				return
			}
			msg := "Nothing matches."
			switch {
			case len(hits) == paletteLimit:
				msg = fmt.Sprintf("The best %d results", paletteLimit)
			case len(hits) > 0:
				msg = plural(len(hits), "result")
			}
			p.show(hits, msg)
		})
	})
}

func (p *SearchPalette) show(hits []library.Hit, msg string) {
	p.hits = hits
	p.count.SetText(msg)
	p.list.UnselectAll()
	p.current = -1
	if len(hits) > 0 {
		p.Move(0)
	}
	p.list.Refresh()
}

// Move selects the next (d > 0) or previous result.
func (p *SearchPalette) Move(d int) {
	if len(p.hits) == 0 {
		return
	}
	i := min(max(p.current+d, 0), len(p.hits)-1)
	if p.current < 0 {
		i = 0
	}
	p.list.Select(i)
	p.list.ScrollTo(i)
	p.current = i
}

// OpenCurrent opens the selected result and closes the palette.
func (p *SearchPalette) OpenCurrent() {
	if p.current < 0 || p.current >= len(p.hits) {
		return
	}
	h := p.hits[p.current]
	p.Hide()
	p.open(h)
}

// paletteEntry is the query box: arrows move through the results, Enter
// opens one, Escape closes the palette.
type paletteEntry struct {
	textBox
	p *SearchPalette
}

func newPaletteEntry(p *SearchPalette) *paletteEntry {
	e := &paletteEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

func (e *paletteEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		e.p.Move(1)
	case fyne.KeyUp:
		e.p.Move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.OpenCurrent()
	case fyne.KeyEscape:
		e.p.Hide()
	default:
		e.textBox.TypedKey(k)
	}
}

// paletteList is the list of results; a click gives it the keys, and
// there too Enter opens the chosen result and Escape closes the palette.
type paletteList struct {
	widget.List
	p *SearchPalette
}

func newPaletteList(p *SearchPalette) *paletteList {
	l := &paletteList{p: p}
	l.Length = func() int { return len(p.hits) }
	l.CreateItem = newHitRow
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { p.rows.fill(o, p.hits[i]) }
	l.ExtendBaseWidget(l)
	return l
}

func (l *paletteList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.p.OpenCurrent()
	case fyne.KeyEscape:
		l.p.Hide()
	default:
		l.List.TypedKey(k)
	}
}

// Query is what was last typed into the palette.
func (p *SearchPalette) Query() string { return strings.TrimSpace(p.entry.Text) }
