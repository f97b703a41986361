package reader

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A notch of the wheel scrolls three lines over a few frames, easing
// out, rather than jumping at once; notches turned during a glide add
// up; a jump (a contents link, a search result) ends the glide.
func TestAWheelNotchGlides(t *testing.T) {
	r, w := showReader(t, longDocument(), "")
	var frames []*fyne.Animation
	r.glide.start = func(a *fyne.Animation) { frames = append(frames, a) }
	r.ScrollTo(r.doc.Blocks[200].Start)
	before := r.scroll.Offset.Y
	line := r.st.paragraph.lineHeight
	moved := func() float32 { return r.scroll.Offset.Y - before }

	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), 0, -wheelNotch)
	if len(frames) != 1 || moved() != 0 {
		t.Fatalf("a wheel notch jumped %.1f px at once (%d glides started), want it to glide", moved(), len(frames))
	}
	var last float32
	for _, p := range []float32{0.2, 0.5, 0.8} {
		frames[0].Tick(p)
		if m := moved(); m <= last || m >= 3*line {
			t.Errorf("at %.0f%% of the glide the page moved %.1f px (before %.1f), want on its way to %.1f", p*100, m, last, 3*line)
		}
		last = moved()
	}
	frames[0].Tick(1)
	if m := moved(); math.Abs(float64(m-3*line)) > 0.5 {
		t.Errorf("a notch glided %.1f px in all, want three lines: %.1f px", m, 3*line)
	}

	// Two notches, the second half-way through the first's glide.
	before = r.scroll.Offset.Y
	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), 0, -wheelNotch)
	frames[1].Tick(0.5)
	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), 0, -wheelNotch)
	frames[1].Tick(1) // the first glide, stopped, moves no more
	frames[2].Tick(1)
	if m := moved(); math.Abs(float64(m-6*line)) > 0.5 {
		t.Errorf("two notches glided %.1f px, want six lines: %.1f px", m, 6*line)
	}

	// A jump during a glide stays where it jumped.
	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), 0, -wheelNotch)
	r.ScrollTo(r.doc.Blocks[50].Start)
	at := r.scroll.Offset.Y
	frames[3].Tick(1)
	if r.scroll.Offset.Y != at {
		t.Errorf("the glide went on %.1f px after a jump", r.scroll.Offset.Y-at)
	}
}
