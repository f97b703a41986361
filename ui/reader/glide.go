package reader

import (
	"time"

	"fyne.io/fyne/v2"
)

// glideTime is how long the reader takes to scroll for a notch of the
// wheel: a few frames, each one scroll step (well under a millisecond on
// a 150,000-word book, BenchmarkScrollStep), so the page glides instead
// of jumping.
const glideTime = 120 * time.Millisecond

// glide scrolls by a distance over a few frames, easing out. A notch of
// the wheel while a glide is under way adds its distance to what is left,
// so turning the wheel fast goes as far as the notches ask, sooner.
type glide struct {
	scroll func(dy float32)        // scrolls now by dy pixels
	start  func(a *fyne.Animation) // starts an animation (its Start, but in tests)
	anim   *fyne.Animation         // the glide under way, or nil
	total  float32                 // how far the glide under way goes
	done   float32                 // how far it has gone
}

func newGlide(scroll func(float32)) *glide {
	return &glide{scroll: scroll, start: func(a *fyne.Animation) { a.Start() }}
}

// by glides by dy pixels more (positive: down the document).
func (g *glide) by(dy float32) {
	if g.anim != nil {
		g.anim.Stop()
		dy += g.total - g.done
	}
	g.total, g.done = dy, 0
	a := fyne.NewAnimation(glideTime, nil)
	a.Curve = fyne.AnimationEaseOut
	a.Tick = func(p float32) {
		if g.anim != a {
			return // stopped for a newer glide, or for a jump
		}
		want := g.total * p
		g.scroll(want - g.done)
		g.done = want
		if p >= 1 {
			g.anim = nil
		}
	}
	g.anim = a
	g.start(a)
}

// stop ends the glide under way where it is: the reader jumped, or the
// document changed.
func (g *glide) stop() {
	if g.anim != nil {
		g.anim.Stop()
		g.anim = nil
	}
}
