package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// frame places the panes: the library on the left, the reading pane in
// the middle and the annotations panel on the right, between the two
// dividers a person drags; the library and the panel show or hide. In a
// window too narrow for them beside the reader they collapse, and their
// toggles show each alone in the reader's place (see frameFit).
type frame struct {
	left, right *container.Split
	panel       *AnnotationPanel
	libPane     *fyne.Container // the library in its steady width
	centrePane  *fyne.Container // the reader and its toolbar
	panelPane   *fyne.Container // holds the panel in its steady width
	root        *fyne.Container // the splits, laid out by frameFit
	back        *fyne.Container // the bar over a pane shown in the reader's place

	panelOn bool   // the reader wants the panel shown
	libOn   bool   // the reader wants the library shown (in a wide window)
	solo    string // in a narrow window, the pane shown in the reader's place: "", soloLibrary or soloPanel
	width   float32
}

// newFrame places the panes with the dividers and the panel as st
// remembers them.
func newFrame(list, centre fyne.CanvasObject, panel *AnnotationPanel, st windowState) *frame {
	f := &frame{panel: panel, panelPane: steady(panel), libPane: steady(list), centrePane: steady(centre),
		panelOn: st.panel, libOn: true}
	f.showPanel(st.panel)
	f.right = container.NewHSplit(f.centrePane, f.panelPane)
	f.right.Offset = st.right
	f.left = container.NewHSplit(f.libPane, f.right)
	f.left.Offset = st.left
	backBtn := widget.NewButtonWithIcon("Back to the Reader", theme.NavigateBackIcon(), f.backToReader)
	f.back = container.NewHBox(backBtn)
	f.root = container.New(&frameFit{f: f}, f.left, f.back)
	return f
}

// showPanel shows or hides the annotations panel, and its place.
func (f *frame) showPanel(on bool) {
	f.panel.Hidden, f.panelPane.Hidden = !on, !on
}
