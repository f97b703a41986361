package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"scholia/annotate/corpus"
	"scholia/annotate/cputime"
)

// BenchmarkSelectionStatus: the status line a drag updates on every
// pointer move ("Selected N characters · … words"), with a real book of
// about 150,000 words open (the corpus's Gutenberg books joined, over
// again until long enough); issue 14's budget for a whole drag event is
// 1 ms.
//
//	go test -run '^$' -bench SelectionStatus -benchmem ./ui
func BenchmarkSelectionStatus(b *testing.B) {
	m := joinedBooksWindow(b)
	words := m.reader.Document().Words()
	for i := 0; b.Loop(); i++ {
		m.overlay.selectionChanged(1000, 1000+i%5000+1)
	}
	b.ReportMetric(float64(words), "words")
}

// BenchmarkDragEventWhole: one pointer move while selecting in the real
// book, the whole event as the window gets it: the reader's hit test,
// selection and repaint of the lines in view, then the window's handling
// of the new selection (the status line). cpu-ms/op is the processor time
// of one event, which a busy machine does not inflate as it does the wall
// clock.
//
//	go test -run '^$' -bench DragEventWhole -benchmem ./ui
func BenchmarkDragEventWhole(b *testing.B) {
	m := joinedBooksWindow(b)
	r := m.reader
	page := r.Page().(interface {
		fyne.Draggable
		desktop.Mouseable
	})
	// Every letter in view, so that nearly every event selects a length
	// not seen before, as a drag does (Fyne caches the size of a text it
	// has measured).
	var pts []fyne.Position
	for pos := r.TopPosition(); pos < len(r.Text()); pos++ {
		pt, ok := r.PointOf(pos)
		if !ok {
			break
		}
		pts = append(pts, pt)
	}
	if len(pts) < 500 {
		b.Fatalf("only %d points of the text are in view", len(pts))
	}
	page.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pts[0]}, Button: desktop.MouseButtonPrimary})
	b.ReportAllocs()
	cpu := cputime.Used()
	for i := 0; b.Loop(); i++ {
		page.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pts[1+i%(len(pts)-1)]}, Dragged: fyne.NewDelta(1, 1)})
	}
	b.ReportMetric(float64(cputime.Used()-cpu)/1e6/float64(b.N), "cpu-ms/op")
	page.DragEnd()
	if s, e := r.Selection(); s == e {
		b.Fatal("dragging selected nothing")
	}
}

// joinedBooksWindow is a window showing the corpus's Gutenberg books
// joined, over again, until about 150,000 words.
func joinedBooksWindow(b *testing.B) *MainWindow {
	var book strings.Builder
	book.WriteString("The Joined Books\n\n")
	for book.Len() < 900_000 {
		for _, name := range []string{"souls-of-black-folk_pg408.txt", "simple-sabotage-field-manual_pg26184.txt", "communist-manifesto_pg61.txt"} {
			raw, err := os.ReadFile(corpus.Path(b, "text", name))
			if err != nil {
				b.Fatal(err)
			}
			book.Write(raw)
			book.WriteString("\n\n")
		}
	}
	m, _ := newTestWindow(b, nil, map[string]string{"book.txt": book.String()})
	openTitled(b, m, titlesIn(m.library.list)[0])
	return m
}
