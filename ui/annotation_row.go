package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// newAnnotationRow is a list row: a colour bar, then kind and status, the
// quote and the note.
func newAnnotationRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(4, 0))
	head := widget.NewLabel("")
	head.SizeName = theme.SizeNameCaptionText
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Truncation = fyne.TextTruncateEllipsis
	quote := widget.NewLabel("")
	quote.TextStyle = fyne.TextStyle{Italic: true}
	quote.Truncation = fyne.TextTruncateEllipsis
	note := noteRichText(true)
	return container.NewBorder(nil, nil, bar, nil, container.New(&tightColumn{}, head, quote, note))
}

func newTrashRow() fyne.CanvasObject {
	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewCenter(restore), newAnnotationRow())
}

func fillAnnotationRow(o fyne.CanvasObject, a annotate.Annotation, where string) {
	row := o.(*fyne.Container)
	var bar *canvas.Rectangle
	var col *fyne.Container
	for _, obj := range row.Objects {
		switch x := obj.(type) {
		case *canvas.Rectangle:
			bar = x
		case *fyne.Container:
			col = x
		}
	}
	if c := solid(a.Colour); bar.FillColor != c {
		bar.FillColor = c
		bar.Refresh()
	}
	head := []string{string(a.Kind)}
	if a.Status != "" {
		head = append(head, string(a.Status))
	}
	for _, t := range a.Tags {
		head = append(head, "#"+t)
	}
	if where != "" {
		head = append(head, where)
	}
	if a.Orphan {
		head = append([]string{"could not be placed"}, head...)
	}
	quote := "(the whole document)"
	if a.Anchor != nil {
		quote = "“" + oneLine(trimQuote(a.Anchor.Exact, 160)) + "”"
	}
	setLabel(col.Objects[0].(*widget.Label), strings.Join(head, " · "))
	setLabel(col.Objects[1].(*widget.Label), quote)
	setNote(col.Objects[2].(*widget.RichText), a.Body, true)
}

// setLabel shows s in a row's label unless it shows it already: a list
// refreshed after a save fills its rows again, and a truncated label
// shapes its whole text anew each time it is set.
func setLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
