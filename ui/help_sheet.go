package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// helpSheet is the sheet listing every shortcut: the window's actions and
// the keys the reader handles itself.
type helpSheet struct {
	win     fyne.Window
	dialogs *openDialogs
	actions func() []action
	open    bool // the sheet is showing
}

// show shows the sheet.
func (h *helpSheet) show() {
	var rows []fyne.CanvasObject
	add := func(what, keys string) {
		k := widget.NewLabelWithStyle(keys, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		k.Wrapping = fyne.TextWrapWord
		rows = append(rows, widget.NewLabel(what), k)
	}
	for _, a := range h.actions() {
		if a.keys != "" {
			add(a.label, a.keys)
		}
	}
	for _, r := range readingKeys {
		add(r[0], r[1])
	}
	sheet := container.NewVScroll(container.New(layout.NewFormLayout(), rows...))
	sheet.SetMinSize(fyne.NewSize(600, 440))
	d := dialog.NewCustom("Keyboard shortcuts", "Close", sheet, h.win)
	d.Resize(fyne.NewSize(660, 540))
	h.open = true
	d.SetOnClosed(func() { h.open = false })
	h.dialogs.show(d)
}
