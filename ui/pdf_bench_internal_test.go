package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate/corpus"
	"scholia/annotate/cputime"
	"scholia/annotate/pdf/pdftest"
)

// BenchmarkOpenStored300PagePDF: in the window, opening the stored text
// of a 300-page PDF of real prose (the corpus's Gutenberg books, about
// 148,000 words) until it is shown, against the same paragraphs imported
// from a .txt file. Between two opens the window shows a one-line memo,
// so each open reads and lays out the whole book again.
//
//	go test -run '^$' -bench OpenStored300PagePDF -benchtime 5x -count 3 ./ui
func BenchmarkOpenStored300PagePDF(b *testing.B) {
	var paras []string
	for _, p := range strings.Split(corpus.JoinedBooks(b, 170000), "\n\n")[1:] {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	book, text := pdftest.Book("The Joined Books", paras, 300)
	m, lib := newTestWindow(b, nil, map[string]string{
		"book.pdf": string(book.Bytes()),
		"book.txt": "The Joined Books\n\n" + strings.Join(text, "\n\n") + "\n",
		"memo.txt": "A Memo\n\nOne line.\n",
	})
	ids := map[string]string{}
	docs, err := lib.Documents()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		ids[filepath.Base(d.Source)] = d.ID
	}
	for format, file := range map[string]string{"pdf": "book.pdf", "text": "book.txt"} {
		b.Run(format, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				m.OpenDocument(ids["memo.txt"])
				m.waitIdle()
				b.StartTimer()
				c := cputime.Used()
				m.OpenDocument(ids[file])
				m.waitIdle()
				cpu += cputime.Used() - c
			}
			if got := len(strings.Fields(m.reader.Document().Text())); got < 140000 {
				b.Fatalf("the window shows %d words", got)
			}
			b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
