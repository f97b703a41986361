package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// measureEms is the widest line of text comfortable to read, in widths of
// the letter "m": about 80 characters of running text.
const measureEms = 44

// readingColumn lays its one object out in a centred column no wider than a
// comfortable measure, with padding on every side.
type readingColumn struct{}

func (readingColumn) maxWidth() float32 {
	return fyne.MeasureText("m", theme.TextSize(), fyne.TextStyle{}).Width * measureEms
}

func (c readingColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * 4
	w := min(size.Width-2*pad, c.maxWidth())
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		o.Move(fyne.NewPos((size.Width-w)/2, pad))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
	}
}

func (c readingColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding() * 4
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(theme.TextSize()*10, h+2*pad)
}
