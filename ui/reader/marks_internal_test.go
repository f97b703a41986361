package reader

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// painted are the rectangles the page draws.
func painted(r *Reader) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(r.page).Objects() {
		if rc, ok := o.(*canvas.Rectangle); ok && rc.Visible() {
			out = append(out, rc)
		}
	}
	return out
}

// The selection is underlined and the passage just jumped to framed, so
// neither is taken for a highlight, which fills the line with colour.
func TestSelectionIsUnderlinedAndTheFlashFramed(t *testing.T) {
	r, _ := newTestReader(t)
	s := indexOf(r, "envoys met")
	r.setSelection(s, s+len("envoys met"))
	underlined := 0
	for _, rc := range painted(r) {
		if rc.Size().Height == 2 && rc.FillColor == selectionLineColour() {
			underlined++
		}
	}
	if underlined == 0 {
		t.Error("the selection has no line under it")
	}
	r.ClearSelection()
	r.Flash(s, s+5)
	framed := 0
	for _, rc := range painted(r) {
		if rc.StrokeWidth > 0 && rc.StrokeColor == FlashColour() && rc.FillColor == color.Transparent {
			framed++
		}
	}
	if framed == 0 {
		t.Error("the passage flashed is not framed")
	}
}
