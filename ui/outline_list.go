package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The outline's entries open as a scrollable list under the drop-down,
// as tall as the window leaves room for: a long outline never grows
// upwards over the menu bar (Fyne's own drop-down moved up to fit).

// Tapped opens the list of entries.
func (o *Outline) Tapped(*fyne.PointEvent) {
	if !o.Disabled() {
		o.showList()
	}
}

// TypedKey opens the list on Space or the arrow keys, as the drop-down did.
func (o *Outline) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		if !o.Disabled() {
			o.showList()
		}
	default:
		o.Select.TypedKey(e)
	}
}

// showList shows the entries in a list below the drop-down, scrolled to
// the section marked.
func (o *Outline) showList() {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || len(o.Options) == 0 {
		return
	}
	opts := o.Options
	var pop *widget.PopUp
	list := widget.NewList(func() int { return len(opts) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) { obj.(*widget.Label).SetText(opts[i]) })
	list.OnSelected = func(i widget.ListItemID) {
		pop.Hide()
		o.SetSelectedIndex(i)
	}
	pop = widget.NewPopUp(list, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	top := at.Y + o.Size().Height
	row := widget.NewLabel("Xy").MinSize().Height + theme.Padding() // a row and the gap below it, as the list spaces them
	h := min(row*float32(len(opts)), c.Size().Height-top-theme.Padding())
	w := min(max(o.Size().Width, 360), c.Size().Width-at.X-theme.Padding())
	pop.ShowAtPosition(fyne.NewPos(at.X, top))
	pop.Resize(fyne.NewSize(w, max(h, row)))
	if i := o.SelectedIndex(); i >= 0 {
		list.ScrollTo(i)
	}
}
