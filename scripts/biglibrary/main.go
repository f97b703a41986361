// Command biglibrary writes a library file for measuring the window on a
// big library: by default 100,000 annotations over 2,001 documents, all
// cut from the real books of ../shared/corpus/text (synthetic.FromBooks).
// Each document holds, paragraph by paragraph, the passages its
// annotations quote, so every anchor is a real place in its text.
//
//	go run ./scripts/biglibrary -out /tmp/big/library.db
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"scholia/annotate"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
)

func main() {
	n := flag.Int("n", 100_000, "how many annotations (over n/50+1 documents)")
	out := flag.String("out", "library.db", "the library file to write (must not exist)")
	books := flag.String("books", "../shared/corpus/text", "the folder of real books")
	flag.Parse()
	if err := run(*n, *out, *books); err != nil {
		fmt.Fprintln(os.Stderr, "biglibrary:", err)
		os.Exit(1)
	}
}

func run(n int, out, books string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists; give a new file", out)
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
	byDoc := map[string][]*annotate.Annotation{}
	for i := range anns {
		byDoc[anns[i].DocID] = append(byDoc[anns[i].DocID], &anns[i])
	}
	ids := make([]string, 0, len(titles))
	for id := range titles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	var batch []*annotate.Annotation
	for i, id := range ids {
		d := &annotate.Document{ID: id, Title: titles[id], Hash: "h-" + id, Format: "text",
			Source: id + ".txt", Imported: base.Add(time.Duration(i) * time.Hour)}
		blocks := []annotate.Block{{Kind: annotate.BlockHeading, Level: 1, Text: titles[id]}}
		for _, a := range byDoc[id] {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: a.Anchor.Exact})
		}
		d.SetBlocks(blocks)
		text := []rune(d.Text())
		for j, a := range byDoc[id] {
			b := blocks[j+1]
			anchor, err := annotate.NewAnchor(text, b.Start, b.End())
			if err != nil {
				return err
			}
			a.Anchor = &anchor
		}
		if err := s.PutDocument(d); err != nil {
			return err
		}
		batch = append(batch, byDoc[id]...)
		if len(batch) >= 5000 || i == len(ids)-1 {
			if err := s.PutAnnotations(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	fmt.Printf("wrote %s: %d documents, %d annotations\n", out, len(ids), len(anns))
	return nil
}
