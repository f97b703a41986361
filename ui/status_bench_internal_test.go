package ui

import (
	"os"
	"strings"
	"testing"

	"scholia/annotate/corpus"
)

// BenchmarkSelectionStatus: the status line a drag updates on every
// pointer move ("Selected N characters · … words"), with a real book of
// about 150,000 words open (the corpus's Gutenberg books joined, over
// again until long enough); issue 14's budget for a whole drag event is
// 1 ms.
//
//	go test -run '^$' -bench SelectionStatus -benchmem ./ui
func BenchmarkSelectionStatus(b *testing.B) {
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
	openTitled(b, m, m.list.Titles()[0])
	words := m.Current().Words()
	for i := 0; b.Loop(); i++ {
		m.selectionChanged(1000, 1000+i%5000+1)
	}
	b.ReportMetric(float64(words), "words")
}
