package ui

import (
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"scholia/annotate/corpus"
	"scholia/annotate/pdf/pdftest"
)

// BenchmarkPageView300Pages: a 300-page PDF of real prose (the corpus's
// Gutenberg books) in the test window: opening its page view (reading
// the PDF again and mapping its text), then scrolling from the first page
// to the last a wheel notch at a time, waiting at every page for the
// pages in view to be drawn, as a reader pausing on each. Reports the
// longest scroll step (and the 99th percentile) on the UI goroutine (layout and placing the
// pages' objects; the test driver draws nothing, so the texture uploads
// of a real window are not in it), the process's resident memory above
// the text view at its highest, and what the page cache kept.
//
//	go test -run '^$' -bench PageView300Pages -benchtime 1x -count 3 ./ui
func BenchmarkPageView300Pages(b *testing.B) {
	var paras []string
	for _, p := range strings.Split(corpus.JoinedBooks(b, 170000), "\n\n")[1:] {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	book, _ := pdftest.Book("The Joined Books", paras, 300)
	m, _ := newTestWindow(b, nil, map[string]string{"book.pdf": string(book.Bytes())})
	openTitled(b, m, "The Joined Books")
	for b.Loop() {
		runtime.GC()
		base := rss(b)
		opened := time.Now()
		m.pages.toggle() // in the test window, returns once the pages are open and mapped
		m.waitIdle()
		if m.pages.pmap == nil {
			b.Fatalf("the pages did not open: %s", m.status.label.Text)
		}
		openTime := time.Since(opened)
		opening := rss(b) - base
		v := m.pages.view
		if v.Count() != 300 {
			b.Fatalf("the page view shows %d pages", v.Count())
		}
		var longest time.Duration
		var steps []time.Duration
		peak, page := 0, 0
		for i := 0; ; i++ {
			before, _ := v.TopPlace()
			t := time.Now()
			v.ScrollBy(wheelNotch)
			d := time.Since(t)
			longest = max(longest, d)
			steps = append(steps, d)
			if n := v.CurrentPage(); n != page {
				page = n
				width := drawnWidth(m)
				for img, _ := m.pages.cache.Get(n, width); img == nil; img, _ = m.pages.cache.Get(n, width) {
					time.Sleep(time.Millisecond) // the drawing is another goroutine's
				}
				peak = max(peak, rss(b)-base)
			}
			if after, _ := v.TopPlace(); after == before && page == 300 || i > 100000 {
				break
			}
		}
		if page != 300 {
			b.Fatalf("the scrolling stopped on page %d", page)
		}
		b.ReportMetric(float64(openTime.Milliseconds()), "open-ms")
		b.ReportMetric(float64(opening)/(1<<20), "MB-opened")
		slices.Sort(steps)
		b.ReportMetric(float64(longest.Microseconds())/1000, "max-step-ms")
		b.ReportMetric(float64(steps[len(steps)*99/100].Microseconds())/1000, "p99-step-ms")
		b.ReportMetric(float64(len(steps)), "steps")
		b.ReportMetric(float64(peak)/(1<<20), "MB-above-text")
		b.ReportMetric(float64(m.pages.cache.Used())/(1<<20), "MB-cached")
		m.pages.toggle()
		m.pages.close()
		m.waitIdle()
	}
}

// wheelNotch is how far a notch of the wheel scrolls the pages.
const wheelNotch = 40

// drawnWidth is the width in pixels the view asks its pages drawn at.
func drawnWidth(m *MainWindow) int {
	_, size := m.pages.view.PageSize(1)
	return (int(size.Width+0.5) + 7) / 8 * 8
}

// rss is the process's resident memory in bytes.
func rss(b *testing.B) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status to read the memory from")
	}
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return kb << 10
		}
	}
	return 0
}
