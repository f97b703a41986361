package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
)

// paletteQueries are typed letter by letter: words of the books the big
// library is cut from, a short query and a long one.
var paletteQueries = []string{
	"freedom of the press",
	"the souls of black folk and the problem of the color line in the south after the war of emancipation",
}

// BenchmarkPaletteKeystroke: the Ctrl+K palette on the big library (see
// BenchmarkWindowStart for SCHOLIA_BENCH_LIBRARY), typed letter by letter.
// It reports the UI goroutine's longest stretch for one keystroke (the
// keystroke itself, or showing its results), p50 and max over every
// keystroke, and how long the results took to show, p50.
func BenchmarkPaletteKeystroke(b *testing.B) {
	m := benchWindow(b)
	p := m.palette
	var ui, results []time.Duration
	for b.Loop() {
		for _, q := range paletteQueries {
			m.openSearch()
			for n := 1; n <= len(q); n++ {
				t0 := time.Now()
				done := typeQuery(p, q[:n])
				longest := time.Since(t0)
				for {
					t := time.Now()
					uiLoop.drain()
					longest = max(longest, time.Since(t))
					select {
					case <-done:
					case <-uiLoop.ready:
						continue
					case <-time.After(10 * time.Second):
						b.Fatalf("no results for %q within 10 s", q[:n])
					}
					break
				}
				results = append(results, time.Since(t0))
				ui = append(ui, longest)
			}
			if len(p.hits) == 0 {
				b.Fatalf("%q found nothing", q)
			}
			p.Hide()
		}
	}
	slices.Sort(ui)
	slices.Sort(results)
	b.ReportMetric(float64(ui[len(ui)/2].Microseconds())/1000, "ui-p50-ms")
	b.ReportMetric(float64(ui[len(ui)-1].Microseconds())/1000, "ui-max-ms")
	b.ReportMetric(float64(results[len(results)/2].Microseconds())/1000, "results-p50-ms")
}

// BenchmarkTagFilterOpen: a click on the panel's tag filter, until its
// menu shows, on the big library (see BenchmarkWindowStart).
func BenchmarkTagFilterOpen(b *testing.B) {
	m := benchWindow(b)
	c := m.win.Canvas()
	for b.Loop() {
		test.Tap(m.panel.tag)
		if c.Overlays().Top() == nil {
			b.Fatal("the tag filter's menu did not show")
		}
		b.StopTimer()
		c.Overlays().Remove(c.Overlays().Top())
		b.StartTimer()
	}
	b.ReportMetric(float64(len(m.panel.tag.Options)-1), "tags")
}

// benchWindow opens a window on a copy of the big library, the last
// document read shown.
func benchWindow(b *testing.B) *MainWindow {
	lib, err := library.Open(benchLibrary(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = lib.Close() })
	m := NewMainWindow(test.NewTempApp(b), lib)
	m.waitIdle()
	m.win.Resize(fyne.NewSize(1200, 800))
	b.Cleanup(m.closing.stopTimers)
	return m
}
