package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// frame places the panes: the library on the left, the reading pane in
// the middle and the annotations panel on the right, between the two
// dividers a person drags; the panel shows or hides.
type frame struct {
	left, right *container.Split
	panel       *AnnotationPanel
	panelPane   *fyne.Container // holds the panel in its steady width
}

// newFrame places the panes with the dividers and the panel as st
// remembers them.
func newFrame(list, centre fyne.CanvasObject, panel *AnnotationPanel, st windowState) *frame {
	f := &frame{panel: panel, panelPane: steady(panel)}
	f.showPanel(st.panel)
	f.right = container.NewHSplit(steady(centre), f.panelPane)
	f.right.Offset = st.right
	f.left = container.NewHSplit(steady(list), f.right)
	f.left.Offset = st.left
	return f
}

// togglePanel shows or hides the annotations panel.
func (f *frame) togglePanel() {
	f.showPanel(!f.panel.Visible())
	f.right.Refresh()
}

// showPanel shows or hides the annotations panel, and its place.
func (f *frame) showPanel(on bool) {
	f.panel.Hidden, f.panelPane.Hidden = !on, !on
}
