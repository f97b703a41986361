package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// toolbarFit lays the reader's toolbar out: where the room is short (a
// narrow window, or the panes beside the reader), its buttons drop their
// words and keep their icons, and the spare buttons (what the menus offer
// as well) go, so that nothing is clipped or overlaps. Its minimum width
// is the toolbar without them.
type toolbarFit struct {
	inner   fyne.CanvasObject
	buttons []*widget.Button
	words   []string
	spare   []fyne.CanvasObject
	extra   float32 // how much wider the words and spare buttons make it
	short   bool    // the words and spare buttons are dropped
}

// newToolbarFit lays inner out, dropping the words of buttons and the
// spare buttons when short. Buttons shown or hidden later (the page
// view's, only for a PDF) count as they are.
func newToolbarFit(inner fyne.CanvasObject, buttons []*widget.Button, spare ...fyne.CanvasObject) *fyne.Container {
	t := &toolbarFit{inner: inner, buttons: buttons, spare: spare}
	for _, b := range buttons {
		t.words = append(t.words, b.Text)
	}
	full := inner.MinSize()
	t.setShort(true)
	t.extra = full.Width - inner.MinSize().Width
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
	for _, o := range t.spare {
		if short {
			o.Hide()
		} else {
			o.Show()
		}
	}
}

// compact is the toolbar's minimum size without the words and spare
// buttons.
func (t *toolbarFit) compact() fyne.Size {
	size := t.inner.MinSize()
	if !t.short {
		size.Width -= t.extra
	}
	return size
}

// MinSize is the toolbar's without the buttons' words.
func (t *toolbarFit) MinSize([]fyne.CanvasObject) fyne.Size { return t.compact() }

// Layout drops the words when the toolbar is narrower than it is with
// them, and gives the toolbar all the room.
func (t *toolbarFit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if short := size.Width < t.compact().Width+t.extra; short != t.short {
		t.setShort(short)
	}
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}
