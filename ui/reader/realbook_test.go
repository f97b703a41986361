package reader

import (
	"os"
	"strings"
	"sync"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

// realBookWords is how long the real book is: issue 14's 150,000 words.
const realBookWords = 150_000

var (
	realBookOnce sync.Once
	realBookDoc  *annotate.Document
	realBookErr  error
)

// cutAtWords is text up to the end of the paragraph holding its n-th
// word, or all of it.
func cutAtWords(text string, n int) string {
	inWord := false
	for i, r := range text {
		space := r == ' ' || r == '\n' || r == '\t' || r == '\r'
		if !space && !inWord {
			n--
			if n < 0 {
				if end := strings.Index(text[i:], "\n\n"); end >= 0 {
					return text[:i+end]
				}
				return text
			}
		}
		inWord = !space
	}
	return text
}

// realBook is "The Joined Books": the shared corpus's Gutenberg books
// (The Souls of Black Folk, the Simple Sabotage Field Manual, the
// Communist Manifesto) joined, over again, until 150,000 words (the last one cut at
// the end of a paragraph), imported
// as a plain-text file is (title, contents, headings, paragraphs). It
// skips when ../shared/corpus is absent.
func realBook(tb testing.TB) *annotate.Document {
	tb.Helper()
	names := []string{"souls-of-black-folk_pg408.txt", "simple-sabotage-field-manual_pg26184.txt", "communist-manifesto_pg61.txt"}
	var paths []string
	for _, n := range names {
		paths = append(paths, corpus.Path(tb, "text", n))
	}
	realBookOnce.Do(func() {
		var book strings.Builder
		book.WriteString("The Joined Books\n\n")
		words := 0
		for i := 0; words < realBookWords; i++ {
			raw, err := os.ReadFile(paths[i%len(paths)])
			if err != nil {
				realBookErr = err
				return
			}
			text := cutAtWords(string(raw), realBookWords-words)
			book.WriteString(text)
			book.WriteString("\n\n")
			words += len(strings.Fields(text))
		}
		realBookDoc, realBookErr = ingest.Parse("the-joined-books.txt", []byte(book.String()))
	})
	if realBookErr != nil {
		tb.Fatal(realBookErr)
	}
	return realBookDoc
}
