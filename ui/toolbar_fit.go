package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// toolbarFit lays the reader's toolbar out: where the room is short (a
// narrow window, or the panes beside the reader), its buttons drop their
// words and keep their icons, so that nothing is clipped or overlaps. Its
// minimum width is the toolbar without the words.
type toolbarFit struct {
	buttons       []*widget.Button
	words         []string
	compact, full fyne.Size // the toolbar's minimum size without and with the words
	short         bool      // the words are dropped
}

// newToolbarFit lays inner out, dropping the words of buttons when short.
func newToolbarFit(inner fyne.CanvasObject, buttons ...*widget.Button) *fyne.Container {
	t := &toolbarFit{buttons: buttons}
	for _, b := range buttons {
		t.words = append(t.words, b.Text)
	}
	t.full = inner.MinSize()
	t.setShort(true)
	t.compact = inner.MinSize()
	t.setShort(false)
	return &fyne.Container{Layout: t, Objects: []fyne.CanvasObject{inner}}
}

func (t *toolbarFit) setShort(short bool) {
	t.short = short
	for i, b := range t.buttons {
		text := t.words[i]
		if short {
			text = ""
		}
		if b.Text != text {
			b.SetText(text)
		}
	}
}

// MinSize is the toolbar's without the buttons' words.
func (t *toolbarFit) MinSize([]fyne.CanvasObject) fyne.Size { return t.compact }

// Layout drops the words when the toolbar is narrower than it is with
// them, and gives the toolbar all the room.
func (t *toolbarFit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if short := size.Width < t.full.Width; short != t.short {
		t.setShort(short)
	}
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}
