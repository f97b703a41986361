// Command mklibrary writes a library file for the benchmarks of issue 14:
// n annotations over n/50+1 documents, cut from the real books of a
// folder (annotate/search/synthetic FromBooks): each document a stretch of
// a book, each quote a run of its words, each note words from elsewhere.
//
//	go run ./scripts/mklibrary -n 100000 -books ../shared/corpus/text -out /tmp/lib100k.db
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"scholia/annotate"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
)

func main() {
	n := flag.Int("n", 100_000, "how many annotations")
	books := flag.String("books", "../shared/corpus/text", "folder of the books' .txt files")
	out := flag.String("out", "library.db", "the library file to write (must not exist)")
	flag.Parse()
	if err := run(*n, *books, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mklibrary:", err)
		os.Exit(1)
	}
}

func run(n int, books, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; name a new file", out)
	}
	c, err := synthetic.FromBooks(42, books)
	if err != nil {
		return err
	}
	anns, titles := c.Annotations(n)
	s, err := store.Open(out)
	if err != nil {
		return err
	}
	defer s.Close()
	ids := make([]string, 0, len(titles))
	for id := range titles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	docs := make([]*annotate.Document, 0, 500)
	for i, id := range ids {
		d := &annotate.Document{ID: id, Title: titles[id], Hash: "h-" + id, Format: "text"}
		d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: titles[id]}})
		if docs = append(docs, d); len(docs) == cap(docs) || i == len(ids)-1 {
			if err := s.Commit(store.Change{New: docs}); err != nil {
				return err
			}
			docs = docs[:0]
		}
	}
	for i := 0; i < len(anns); i += 5000 {
		batch := make([]*annotate.Annotation, 0, 5000)
		for j := i; j < min(i+5000, len(anns)); j++ {
			batch = append(batch, &anns[j])
		}
		if err := s.PutAnnotations(batch); err != nil {
			return err
		}
	}
	return nil
}
