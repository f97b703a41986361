package library_test

import (
	"testing"

	"scholia/annotate/corpus"
	"scholia/annotate/library"
)

// TestTheFilterMatchesWordsOfTheCorpusTitlesNotScatteredLetters filters
// real documents: the W3C's Web Annotation Data Model (whose byline and
// file name hold r, u, b, i and o in that order) is no match for "rubio",
// the article on Rubio is, typos and all.
func TestTheFilterMatchesWordsOfTheCorpusTitlesNotScatteredLetters(t *testing.T) {
	lib, _ := openLibrary(t)
	for _, p := range [][]string{{"epub", "w3c_annotation-model.epub"}, {"seed", "000_f041920d014e6657.txt"}, {"epub", "epubjs_alice.epub"}} {
		if _, err := lib.Import(corpus.Path(t, p...)); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := lib.Documents()
	if err != nil {
		t.Fatal(err)
	}
	titles := func(query string) []string {
		var out []string
		for _, d := range library.Filter(docs, query, library.ByTitle) {
			out = append(out, d.Title)
		}
		return out
	}
	rubio := "Rubio Engages Russian Foreign Minister Amidst Trump’s Critical Stance on Putin"
	for _, q := range []string{"rubio", "rubo", "rbuio", "russian minister", "putin"} {
		if got := titles(q); len(got) != 1 || got[0] != rubio {
			t.Errorf("the filter %q lists %q, want the Rubio article alone", q, got)
		}
	}
	for _, q := range []string{"anotation model", "web annotation"} {
		if got := titles(q); len(got) != 1 || got[0] != "Web Annotation Data Model" {
			t.Errorf("the filter %q lists %q, want the Web Annotation Data Model alone", q, got)
		}
	}
	if got := titles("wonderland"); len(got) != 1 {
		t.Errorf("the filter wonderland lists %q, want Alice alone", got)
	}
}
