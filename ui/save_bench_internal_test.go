package ui

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/cputime"
	"scholia/annotate/library"
)

// BenchmarkSaveOnBookWindow: what the UI goroutine does for a note saved
// from the note dialog on a real book of 150,000 words (the corpus's
// Gutenberg books joined) holding 300 annotations, in a library of 500
// documents: the save, then showing it (the panel, the highlights, the
// library list). It reports the whole (its processor time too) and the
// showing alone.
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
	m.refresh(nil)
	runtime.GC() // the setup's garbage is not the saves' to collect
	var whole, shown []time.Duration
	var cpu time.Duration
	i := 0
	for b.Loop() {
		s := (i*104729 + 5003) % (n - 300)
		d := library.Draft{Kind: annotate.KindNote, Start: s, End: s + 60, Body: "a note", Tags: []string{"bench"}}
		c0, t0 := cputime.Used(), time.Now()
		if !m.create(doc.ID, d) {
			b.Fatal(m.status.label.Text)
		}
		whole, cpu = append(whole, time.Since(t0)), cpu+cputime.Used()-c0
		t1 := time.Now()
		m.savedHere("Saved", nil)
		shown = append(shown, time.Since(t1))
		i++
	}
	for name, ts := range map[string][]time.Duration{"": whole, "show-": shown} {
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		b.ReportMetric(float64(ts[len(ts)/2].Microseconds())/1000, name+"p50-ms")
		b.ReportMetric(float64(ts[len(ts)*99/100].Microseconds())/1000, name+"p99-ms")
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(whole)), "cpu-ms")
}
