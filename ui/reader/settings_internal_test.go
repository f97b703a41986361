package reader

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A larger text size sets the text larger and keeps the line read at the
// top of the view, and the selection as it was.
func TestLargerTextKeepsPlaceAndSelection(t *testing.T) {
	r, _ := newTestReader(t)
	pos := indexOf(r, "2. Closing")
	r.ScrollTo(pos - 400)
	top := r.TopPosition()
	s, e := top+10, top+30
	r.setSelection(s, e)
	size := r.st.paragraph.size

	r.SetSettings(Settings{SizeStep: 2})

	if got := r.st.paragraph.size; got <= size*1.15 {
		t.Fatalf("text size %.1f after two steps up from %.1f: want about a fifth larger", got, size)
	}
	if got := r.TopPosition(); got > top || top-got > 200 {
		t.Errorf("the line at the top was at %d, now %d: the place read moved", top, got)
	}
	if gs, ge := r.Selection(); gs != s || ge != e {
		t.Errorf("selection %d-%d after the size change, want %d-%d", gs, ge, s, e)
	}
	if y := r.lay.yOf(top) - r.scroll.Offset.Y - r.lay.pad; math.Abs(float64(y)) > 1 {
		t.Errorf("the line read is %.1f px from the top of the view", y)
	}
}

// Each setting changes the text as it says.
func TestSettingsChangeTheText(t *testing.T) {
	r, _ := newTestReader(t)
	colW, lineH, font := r.lay.width, r.st.paragraph.lineHeight, r.st.paragraph.font
	r.SetSettings(Settings{Width: WidthNarrow})
	if r.lay.width >= colW {
		t.Errorf("narrow lines are %.0f px wide, medium ones %.0f", r.lay.width, colW)
	}
	r.SetSettings(Settings{SpacingStep: 3})
	if r.st.paragraph.lineHeight <= lineH*1.2 {
		t.Errorf("looser spacing: line height %.1f, was %.1f", r.st.paragraph.lineHeight, lineH)
	}
	r.SetSettings(Settings{Serif: true})
	if r.st.paragraph.font == nil || r.st.paragraph.font == font {
		t.Error("serif text is set in the theme's sans")
	}
	if r.st.pre.font != nil {
		t.Error("preformatted text left the monospaced font")
	}
	// The serif's widths are its own: a word is as wide as Fyne draws it.
	w := r.st.paragraph.m.runes([]rune("Minister"))
	want, _ := fyne.CurrentApp().Driver().RenderedTextSize("Minister", r.st.paragraph.size, fyne.TextStyle{}, r.st.paragraph.font)
	if math.Abs(float64(w-want.Width)) > 0.05 {
		t.Errorf("\"Minister\" in the serif measured %.2f px, drawn %.2f px", w, want.Width)
	}
}

// A notch of the mouse wheel scrolls three lines of running text.
func TestWheelNotchScrollsThreeLines(t *testing.T) {
	r, w := showReader(t, longDocument(), "")
	r.ScrollTo(r.doc.Blocks[200].Start)
	before := r.scroll.Offset.Y
	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), 0, -wheelNotch)
	moved := r.scroll.Offset.Y - before
	want := 3 * r.st.paragraph.lineHeight
	if math.Abs(float64(moved-want)) > 0.5 {
		t.Errorf("a wheel notch scrolled %.1f px, want three lines: %.1f px", moved, want)
	}
}

// End shows the last line of text at the bottom of the view, not a blank
// page; Home goes back to the top.
func TestEndPutsTheLastLineAtTheBottom(t *testing.T) {
	r, _ := showReader(t, longDocument(), "")
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	end := len(r.text)
	p, ok := r.PointOf(end)
	if !ok {
		t.Fatal("after End the last line is out of view")
	}
	viewH := r.scroll.Size().Height
	lineH := r.st.paragraph.lineHeight
	if bottom := p.Y + lineH/2; bottom < viewH-2*lineH {
		t.Errorf("after End the last line ends %.0f px above the view's bottom (%.0f): a blank page below", viewH-bottom, viewH)
	}
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if r.scroll.Offset.Y != 0 {
		t.Errorf("Home left the view at %.0f px", r.scroll.Offset.Y)
	}
}
