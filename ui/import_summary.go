package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// summaryWrapped is how many lines an import's summary shows as wrapped
// text; a longer one (a folder of 3,000 photos skipped) shows its first
// paragraph so, and the rest as a list, one line a row: wrapping 3,000
// lines took the UI goroutine 1.6 s.
const summaryWrapped = 30

// showSummary shows what an import did in a dialog whose text wraps and
// scrolls when it is long.
func (im *importer) showSummary(title, text string) {
	lines := strings.Split(text, "\n")
	var content fyne.CanvasObject
	if len(lines) <= summaryWrapped {
		msg := widget.NewLabel(text)
		msg.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(msg)
		n := len(text)/70 + len(lines)
		scroll.SetMinSize(fyne.NewSize(520, min(float32(60+30*n), 320)))
		content = scroll
	} else {
		head := 1
		for head < len(lines) && head < summaryWrapped/2 && lines[head] != "" {
			head++
		}
		msg := widget.NewLabel(strings.Join(lines[:head], "\n"))
		msg.Wrapping = fyne.TextWrapWord
		rest := lines[head:]
		if len(rest) > 0 && rest[0] == "" {
			rest = rest[1:]
		}
		list := widget.NewList(func() int { return len(rest) }, func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(rest[id])
		})
		room := canvas.NewRectangle(color.Transparent)
		room.SetMinSize(fyne.NewSize(520, 260))
		content = container.NewBorder(msg, nil, nil, nil, container.NewStack(room, list))
	}
	im.dialogs.show(dialog.NewCustom(title, "Close", content, im.win))
}
