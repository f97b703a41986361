package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/ui/reader"
)

// overlay is what floats over the reader: the selection toolbar beside a
// finished selection, and the note of the passage under the pointer.
type overlay struct {
	reader     *reader.Reader
	toolbar    *SelectionToolbar
	tooltip    *widget.RichText
	tags       *widget.Label
	noteText   string // the hover card's text, as plain text
	tooltipBox *fyne.Container
	tooltipBg  *canvas.Rectangle
	floating   *fyne.Container // the layer holding both, over the reader
	// annotationAt is the annotation whose passage holds a position;
	// setStatus says something in the status bar.
	annotationAt func(pos int) (annotate.Annotation, bool)
	setStatus    func(string)
}

// newOverlay builds what floats over r; the toolbar's buttons highlight
// in a colour, write a note or a question, and use the passage as the
// answer awaited.
func newOverlay(r *reader.Reader, onColour func(annotate.Colour), onNote, onQuestion, onAnswer func()) *overlay {
	o := &overlay{reader: r}
	o.toolbar = NewSelectionToolbar(onColour, onNote, onQuestion, onAnswer)
	o.tooltip = noteRichText(false)
	o.tags = widget.NewLabel("")
	o.tags.Wrapping = fyne.TextWrapWord
	o.tooltipBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	o.tooltipBg.StrokeWidth = 1
	o.tooltipBox = container.NewStack(o.tooltipBg, container.NewVBox(o.tooltip, o.tags))
	o.tooltipBox.Hide()
	o.floating = container.NewWithoutLayout(o.toolbar, o.tooltipBox)
	return o
}

// hover shows the note of a, the annotation under the pointer at at, if
// ok, or hides it.
func (o *overlay) hover(a annotate.Annotation, ok bool, at fyne.Position) {
	if !ok || (a.Body == "" && len(a.Tags) == 0) {
		o.tooltipBox.Hide()
		return
	}
	body := trimQuote(a.Body, 400)
	var tags []string
	for _, t := range a.Tags {
		tags = append(tags, "#"+t)
	}
	if a.Kind == annotate.KindQuestion {
		tags = append([]string{"Question (" + string(a.Status) + ")"}, tags...)
	}
	// The theme may have changed since the note was last shown, while it
	// was hidden and so not redrawn: it takes the colours of the theme now.
	o.tooltipBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	o.tooltipBg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	o.tooltipBg.CornerRadius = theme.InputRadiusSize()
	o.tooltipBg.Refresh()
	setNote(o.tooltip, body, false)
	o.tags.SetText(strings.Join(tags, " "))
	o.tags.Hidden = len(tags) == 0
	o.noteText = strings.TrimSpace(o.tooltip.String() + " " + o.tags.Text)
	w := min(float32(360), o.reader.Size().Width-20)
	o.tooltipBox.Resize(fyne.NewSize(w, 0))
	h := o.tooltipBox.MinSize().Height
	o.tooltipBox.Resize(fyne.NewSize(w, h))
	x := min(max(at.X+12, 4), o.reader.Size().Width-w-4)
	y := at.Y + 18
	if y+h > o.reader.Size().Height {
		y = at.Y - h - 12
	}
	o.tooltipBox.Move(fyne.NewPos(x, y))
	o.tooltipBox.Show()
}

// note is the note shown while hovering, "" when hidden.
func (o *overlay) note() string {
	if !o.tooltipBox.Visible() {
		return ""
	}
	return o.noteText
}

// selectionDone shows the toolbar beside a finished selection.
func (o *overlay) selectionDone(start, end int) {
	if start == end {
		o.toolbar.Hide()
		return
	}
	o.place()
	o.toolbar.Show()
	// Showing the toolbar alone did not always get it drawn after a drag
	// made at a hand's pace (Fyne 2.7.1 left it undrawn, though it took
	// clicks, until something else redrew the window): redraw the layer.
	o.floating.Refresh()
}

// place puts the toolbar over the selection's first line, or under its
// last line when there is no room above, never on the selected text: a
// Shift+click to extend the selection must land on text, not on a
// button. Only a selection taller than the view leaves no room either
// side; the toolbar then sits at the top of the view. It stays inside the
// reader, even when the selection has scrolled out of view, so a finished
// selection always offers it.
func (o *overlay) place() {
	x, _, _, _, ok := o.reader.SelectionEdge()
	top, bottom, spanned := o.reader.SelectionSpan()
	if !ok || !spanned {
		return
	}
	size := o.toolbar.MinSize()
	o.toolbar.Resize(size)
	view := o.reader.Size()
	const gap = 4
	y := top - size.Height - gap
	if y < 0 {
		y = bottom + gap
	}
	if y+size.Height > view.Height && top-size.Height-gap < 0 {
		y = 0
	}
	x = min(max(x-size.Width/2, 4), view.Width-size.Width-4)
	y = min(max(y, 0), view.Height-size.Height)
	o.toolbar.Move(fyne.NewPos(max(x, 0), max(y, 0)))
}

// hovered shows the note of the passage under the pointer.
func (o *overlay) hovered(pos int, at fyne.Position) {
	a, ok := o.annotationAt(pos)
	o.hover(a, ok && pos >= 0, at)
}

// selectionChanged hides the toolbar while the mouse makes a selection and
// says in the status bar what is selected.
func (o *overlay) selectionChanged(start, end int) {
	if o.reader.Selecting() {
		o.toolbar.Hide()
	}
	if start == end {
		o.setStatus("")
		return
	}
	o.setStatus(fmt.Sprintf("Selected %s (%d–%d)", plural(end-start, "character"), start, end))
}
