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

// BenchmarkSaveOnBookWindow: what the UI goroutine does for a change
// saved on a real book of 150,000 words (the corpus's Gutenberg books
// joined) holding 300 annotations, in a library of 500 documents: a note
// saved from the note dialog (note), a highlight made with Ctrl+H
// (highlight). That is starting the save, then showing it once committed
// (the dialog closing, the panel, the highlights, the library list), the
// save and the reads running off it as in a real window. It reports the
// UI goroutine's time (p50, p99), its processor time (ui-cpu-p50,
// ui-cpu-p99) and the time from the input until the change shows
// (saved-p50, saved-p99).
//
//	go test -run '^$' -bench SaveOnBookWindow -benchtime 100x ./ui
func BenchmarkSaveOnBookWindow(b *testing.B) {
	book := corpus.JoinedBooks(b, 150_000)
	m, lib := newTestWindow(b, nil, map[string]string{"book.txt": book})
	paras := strings.Split(book, "\n\n")
	for i := 0; i < 500; i++ {
		body := fmt.Sprintf("Cutting %d\n\n%s\n\n%s\n", i, paras[(i*13)%len(paras)], paras[(i*29+7)%len(paras)])
		if _, err := lib.ImportBytes("cut.txt", fmt.Sprintf("/cuts/%d.txt", i), []byte(body)); err != nil {
			b.Fatal(err)
		}
	}
	m.Reload()
	openTitled(b, m, "The Souls of Black Folk") // the title ingest finds in the joined books
	doc := m.reader.Document()
	n := doc.Len()
	for i := 0; i < 300; i++ {
		s := (i*7919 + 11) % (n - 200)
		if _, err := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindHighlight, Start: s, End: s + 50}); err != nil {
			b.Fatal(err)
		}
	}
	m.library.refreshing(true, nil)
	next := 0
	// free is a passage of 60 characters no annotation overlaps, so a
	// highlight on it is a new one, not a question.
	free := func() int {
		for {
			next++
			s := (next*104729 + 5003) % (n - 300)
			if !slices.ContainsFunc(m.annotator.anns, func(a annotate.Annotation) bool {
				return a.Anchor != nil && a.Anchor.Start < s+60 && s < a.Anchor.End
			}) {
				return s
			}
		}
	}
	b.Run("note", func(b *testing.B) {
		measureSaves(b, m, func() (func(), func() bool) {
			s := free()
			d := library.Draft{Kind: annotate.KindNote, Start: s, End: s + 60, Body: "a note", Tags: []string{"bench"}}
			told := false
			return func() {
				m.annotator.create(doc.ID, d, func(err error) {
					if err != nil {
						b.Fatal(err)
					}
					told = true
				})
			}, func() bool { return told }
		})
	})
	b.Run("highlight", func(b *testing.B) {
		measureSaves(b, m, func() (func(), func() bool) {
			s := free()
			m.reader.Select(s, s+60)
			before := len(m.annotator.anns)
			return m.annotator.Highlight, func() bool { return len(m.annotator.anns) == before+1 }
		})
	})
}

// measureSaves measures the inputs next makes, each with what says its
// change showed, and reports them.
func measureSaves(b *testing.B, m *MainWindow, next func() (func(), func() bool)) {
	runtime.GC() // the setup's garbage is not the saves' to collect
	var ui, cpu, whole []time.Duration
	for b.Loop() {
		input, landed := next()
		wall, c, w := uiShare(b, m, input, landed)
		ui, cpu, whole = append(ui, wall), append(cpu, c), append(whole, w)
	}
	for name, ts := range map[string][]time.Duration{"": ui, "ui-cpu-": cpu, "saved-": whole} {
		slices.Sort(ts)
		b.ReportMetric(float64(ts[len(ts)/2].Microseconds())/1000, name+"p50-ms")
		b.ReportMetric(float64(ts[len(ts)*99/100].Microseconds())/1000, name+"p99-ms")
	}
}
