package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"scholia/annotate/corpus"
)

// ownSentences are notes, questions, answers and citation details of the
// kind a reader of foreign-policy sources writes, from one word to a long
// paragraph, one a line in testdata/sentences.txt (the window test of
// cmd/scholia types them too), so that as they are typed at many widths a
// space lands at every wrap.
func ownSentences(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// corpusSentences are sentences of the shared corpus's plain-text books,
// spread through each book, from short to long.
func corpusSentences(t *testing.T) []string {
	t.Helper()
	dir := corpus.Path(t, "text")
	books, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(books) == 0 {
		t.Fatalf("no books in %s", dir)
	}
	space := regexp.MustCompile(`\s+`)
	end := regexp.MustCompile(`[.?!]["”’]? `)
	var out []string
	for _, book := range books {
		data, err := os.ReadFile(book)
		if err != nil {
			t.Fatal(err)
		}
		text := space.ReplaceAllString(string(data), " ")
		var sentences []string
		for _, s := range end.Split(text, -1) {
			n := utf8.RuneCountInString(s)
			if n >= 12 && n <= 200 && strings.Count(s, " ") >= 2 && !strings.ContainsAny(s, "\t*[]_|") {
				sentences = append(sentences, strings.TrimSpace(s)+".")
			}
		}
		const perBook = 7
		for i := 0; i < perBook && len(sentences) > 0; i++ {
			out = append(out, sentences[(2*i+1)*len(sentences)/(2*perBook)])
		}
	}
	return out
}
