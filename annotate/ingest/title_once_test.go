package ingest_test

import (
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
)

// A book's title shows once: not again from each page's <title>, nor from
// a title page's heading repeating it.
func TestABooksTitleAppearsOnce(t *testing.T) {
	for _, name := range []string{"epubjs_alice.epub", "idpf_childrens-literature.epub", "idpf_georgia-cfi.epub", "w3c_annotation-model.epub", "w3c_selectors-states.epub"} {
		doc := parseFile(t, corpus.Path(t, "epub", name))
		key := strings.ToLower(strings.Join(strings.Fields(doc.Title), " "))
		seen := 0
		for _, b := range doc.Blocks[:min(len(doc.Blocks), 8)] {
			if strings.ToLower(strings.Join(strings.Fields(b.Text), " ")) == key {
				seen++
			}
		}
		if seen != 1 || doc.Blocks[0].Kind != annotate.BlockTitle {
			t.Errorf("%s: the title %q shows %d times at the start (first block %s %q)", name, doc.Title, seen, doc.Blocks[0].Kind, doc.Blocks[0].Text)
		}
	}
}
