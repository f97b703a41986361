package ui

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"scholia/annotate/corpus"
)

// TestTextSizeChangeCostsLittle: Ctrl+= and Ctrl+0 in turn, on a real book
// of 150,000 words open at its middle, each take the UI goroutine less
// than 16 ms of processor time (issue 16: 23.5 ms, most of it HarfBuzz
// building its font anew for every pair of letters measured at the new
// size).
func TestTextSizeChangeCostsLittle(t *testing.T) {
	if threadCPU() == 0 {
		t.Skip("skipped: this system does not report a thread's processor time")
	}
	book := corpus.JoinedBooks(t, 150_000)
	m, _ := newTestWindow(t, nil, map[string]string{"book.txt": book})
	openTitled(t, m, "The Souls of Black Folk")
	doc := m.reader.Document()
	m.reader.ScrollTo(doc.Blocks[len(doc.Blocks)/2].Start)
	rs := m.reading.settings
	rs.larger() // Fyne's own caches of the two sizes are warm below, as after the first use
	rs.actualSize()
	runtime.GC()
	var costs []time.Duration
	for i := 0; i < 9; i++ {
		input := rs.larger
		if i%2 == 1 {
			input = rs.actualSize
		}
		_, cpu, _ := uiShare(t, m, input, func() bool { return true })
		costs = append(costs, cpu)
	}
	slices.Sort(costs)
	median := costs[len(costs)/2]
	t.Logf("a change of text size: %v of the UI goroutine's processor time (median)", median)
	if budget := 16 * time.Millisecond; median > budget {
		t.Errorf("a change of text size on the book takes the UI goroutine %v of processor time (median of %d), want at most %v", median, len(costs), budget)
	}
}
