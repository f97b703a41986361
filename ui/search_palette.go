package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	count   *widget.Label
	popup   *widget.PopUp
	hits    []library.Hit
	current int
	cancel  context.CancelFunc
	serial  int
	pending chan struct{}
}

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

// Type types a query, as a person would, and returns a channel closed
// when its results are shown. The search starts once the box has shown
// the text, as it does after a real keystroke's event has been handled.
func (p *SearchPalette) Type(q string) <-chan struct{} {
	changed := p.entry.OnChanged
	p.entry.OnChanged = nil
	p.entry.SetText(q)
	p.entry.OnChanged = changed
	p.query(q)
	return p.pending
}

// Hits are the results shown.
func (p *SearchPalette) Hits() []library.Hit { return p.hits }

// Count is what the count line says.
func (p *SearchPalette) Count() string { return p.count.Text }

// query starts a search for q off the UI goroutine, cancelling the one
// before it.
func (p *SearchPalette) query(q string) {
	if p.cancel != nil {
		p.cancel()
	}
	p.serial++
	serial := p.serial
	done := make(chan struct{})
	p.pending = done
	if strings.TrimSpace(q) == "" {
		p.show(nil, "")
		close(done)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.guard.goRun(func() {
		var hits []library.Hit
		err := errCrashed
		p.guard.run(func() { hits, err = p.lib.Search(ctx, q, paletteLimit) })
		p.guard.do(func() {
			defer close(done)
			if serial != p.serial || ctx.Err() != nil {
				return
			}
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

// Choose opens result i, as a click does.
func (p *SearchPalette) Choose(i int) {
	p.list.Select(i)
	p.OpenCurrent()
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
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { fillHitRow(o, p.hits[i]) }
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

// newHitRow is a result row: a colour bar, a line naming kind and
// document, the quote and the note, with matched characters in bold.
func newHitRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(4, 0))
	head := widget.NewRichText()
	quote := widget.NewRichText()
	note := widget.NewRichText()
	for _, r := range []*widget.RichText{head, quote, note} {
		r.Truncation = fyne.TextTruncateEllipsis
	}
	return container.NewBorder(nil, nil, bar, nil, container.New(&tightColumn{}, head, quote, note))
}

func fillHitRow(o fyne.CanvasObject, h library.Hit) {
	row := o.(*fyne.Container)
	var col *fyne.Container
	for _, obj := range row.Objects {
		switch x := obj.(type) {
		case *canvas.Rectangle:
			x.FillColor = solid(h.Colour)
			if h.Document {
				x.FillColor = theme.Color(theme.ColorNameDisabled)
			}
			x.Refresh()
		case *fyne.Container:
			col = x
		}
	}
	head, quote, note := col.Objects[0].(*widget.RichText), col.Objects[1].(*widget.RichText), col.Objects[2].(*widget.RichText)
	label := "document"
	if !h.Document {
		label = string(h.Kind)
		if h.Status != "" {
			label += " · " + string(h.Status)
		}
		label += " · " + string(h.Colour)
	}
	head.Segments = append([]widget.RichTextSegment{&widget.TextSegment{Text: label + " · ", Style: captionStyle(false)}},
		boldRuns(h.Title, h.TitleBold, captionStyle)...)
	head.Refresh()
	q, qb := clip(h.Quote, h.QuoteBold, 220)
	if q != "" {
		q, qb = "“"+q+"”", shift(qb, len("“"))
	}
	quote.Segments = boldRuns(q, qb, quoteStyle)
	quote.Refresh()
	b, bb := clip(h.Body, h.BodyBold, 220)
	note.Segments = boldRuns(b, bb, bodyStyle)
	note.Refresh()
}

func captionStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNamePlaceHolder,
		TextStyle: fyne.TextStyle{Bold: bold}}
}

func quoteStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true, Bold: bold}}
}

func bodyStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: bold}}
}

// boldRuns splits text into runs, bold where a byte offset matched.
func boldRuns(text string, bold []int, style func(bool) widget.RichTextStyle) []widget.RichTextSegment {
	if text == "" {
		return []widget.RichTextSegment{&widget.TextSegment{Text: " ", Style: style(false)}}
	}
	marked := make(map[int]bool, len(bold))
	for _, i := range bold {
		marked[i] = true
	}
	var segs []widget.RichTextSegment
	start, cur := 0, marked[0]
	for i := range text {
		if marked[i] != cur {
			segs = append(segs, &widget.TextSegment{Text: text[start:i], Style: style(cur)})
			start, cur = i, marked[i]
		}
	}
	return append(segs, &widget.TextSegment{Text: text[start:], Style: style(cur)})
}

// clip shortens text to about n bytes on one line, keeping the first bold
// character in view, and moves the offsets with it.
func clip(text string, bold []int, n int) (string, []int) {
	text = strings.ReplaceAll(text, "\n", " ")
	if len(text) <= n {
		return text, bold
	}
	from := 0
	if len(bold) > 0 && bold[0] > n-40 {
		from = bold[0] - 40
		for from > 0 && (text[from]&0xC0) == 0x80 {
			from--
		}
	}
	to := min(len(text), from+n)
	for to < len(text) && (text[to]&0xC0) == 0x80 {
		to++
	}
	out := text[from:to]
	var kept []int
	for _, b := range bold {
		if b >= from && b < to {
			kept = append(kept, b-from)
		}
	}
	if from > 0 {
		out, kept = "…"+out, shift(kept, len("…"))
	}
	if to < len(text) {
		out += "…"
	}
	return out, kept
}

func shift(offsets []int, by int) []int {
	out := make([]int, len(offsets))
	for i, o := range offsets {
		out[i] = o + by
	}
	return out
}

// Query is what was last typed into the palette.
func (p *SearchPalette) Query() string { return strings.TrimSpace(p.entry.Text) }
