package ui

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/library"
)

// TestSaveOnBookWindowCostsLittle: a note saved on a real book of 150,000
// words, in a library of 200 documents, and shown (panel, highlights,
// library list) takes the UI goroutine a few milliseconds of processor
// time: the save and the reads run off it, and the window no longer reads
// every document again, nor redraws the panel rows and tabs that did not
// change (issue 14: 58 ms a save, all of it on the UI goroutine).
func TestSaveOnBookWindowCostsLittle(t *testing.T) {
	if threadCPU() == 0 {
		t.Skip("skipped: this system does not report a thread's processor time")
	}
	book := corpus.JoinedBooks(t, 150_000)
	m, lib := newTestWindow(t, nil, map[string]string{"book.txt": book})
	paras := strings.Split(book, "\n\n")
	for i := 0; i < 200; i++ {
		body := fmt.Sprintf("Cutting %d\n\n%s\n", i, paras[(i*13)%len(paras)])
		if _, err := lib.ImportBytes("cut.txt", fmt.Sprintf("/cuts/%d.txt", i), []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	m.Reload()
	openTitled(t, m, "The Souls of Black Folk") // the title ingest finds in the joined books
	doc := m.reader.Document()
	runtime.GC()
	var costs []time.Duration
	for i := 0; i < 9; i++ {
		s := (i*104729 + 5003) % (doc.Len() - 300)
		var saved error = errCrashed
		told := false
		_, cpu, _ := uiShare(t, m, func() {
			m.annotator.create(doc.ID, library.Draft{Kind: annotate.KindNote, Start: s, End: s + 60, Body: fmt.Sprint("note ", i)}, func(err error) { saved, told = err, true })
		}, func() bool { return told })
		if saved != nil {
			t.Fatal(saved)
		}
		costs = append(costs, cpu)
	}
	if got := shownIn(m.panel); len(got) != 9 {
		t.Fatalf("the panel lists %d notes, want 9", len(got))
	}
	for i, title := range titlesIn(m.library.list) {
		if title == doc.Title {
			if d := m.library.list.shown[i]; d.Annotations != 9 {
				t.Errorf("the library list counts %d annotations on the book, want 9", d.Annotations)
			}
		}
	}
	slices.Sort(costs)
	median := costs[len(costs)/2]
	t.Logf("a note saved and shown: %v of the UI goroutine's processor time (median)", median)
	if budget := 10 * time.Millisecond; median > budget {
		t.Errorf("a note saved and shown on the book takes the UI goroutine %v of processor time (median of %d), want at most %v", median, len(costs), budget)
	}
}
