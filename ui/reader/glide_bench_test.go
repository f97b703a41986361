package reader

import (
	"testing"

	"fyne.io/fyne/v2"

	"scholia/annotate/cputime"
)

// BenchmarkWheelGlideFrame: one frame of a wheel notch's glide through
// the real book (a notch ticked over 8 frames, down then back up), the
// work the UI goroutine does each frame while the page glides.
//
//	go test -run '^$' -bench 'WheelGlideFrame|ScrollStep$' -benchmem -count 3 ./ui/reader
func BenchmarkWheelGlideFrame(b *testing.B) {
	r, _ := benchReader(b)
	doc := realBook(b)
	r.SetDocument(doc, "meta")
	r.ScrollTo(doc.Blocks[len(doc.Blocks)/2].Start)
	var a *fyne.Animation
	r.glide.start = func(x *fyne.Animation) { a = x }
	b.ReportAllocs()
	i := 0
	cpu := cputime.Used()
	for b.Loop() {
		if i%8 == 0 {
			dy := float32(-wheelNotch)
			if i%1600 >= 800 {
				dy = -dy
			}
			r.wheel(dy)
		}
		a.Tick(float32(i%8+1) / 8)
		i++
	}
	reportCPU(b, cputime.Used()-cpu)
}
