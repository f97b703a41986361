package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// steadyPane keeps a pane of the window (the library, the reader, the
// annotations panel) at the minimum width it had when it was built. The
// dividers between panes give way to a pane's minimum width, so a pane
// asking for more room whenever it shows something wider (a question with
// its answer, a long heading in the outline, a count in a tab) would move
// the dividers and re-wrap the text under the reader's eyes. Only the
// reader moves them.
type steadyPane struct{ width float32 }

// steady wraps a pane, fixing its minimum width at what it asks for now.
func steady(pane fyne.CanvasObject) *fyne.Container {
	return container.New(&steadyPane{width: pane.MinSize().Width}, pane)
}

// MinSize is the fixed width, and the height the pane asks for.
func (s *steadyPane) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(s.width, h)
}

// Layout gives the pane all the room it has.
func (s *steadyPane) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}
