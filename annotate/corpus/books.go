package corpus

import (
	"os"
	"strings"
	"testing"
)

// JoinedBooks is "The Joined Books", a real book of the given number of
// words for benchmarks: the Gutenberg books of the corpus's text folder
// joined, over again, paragraph by paragraph until it holds that many.
// The test skips when the corpus is absent, as Path does.
func JoinedBooks(tb testing.TB, words int) string {
	tb.Helper()
	var book strings.Builder
	book.WriteString("The Joined Books\n\n")
	n := 0
	for n < words {
		for _, name := range []string{"souls-of-black-folk_pg408.txt", "simple-sabotage-field-manual_pg26184.txt", "communist-manifesto_pg61.txt"} {
			raw, err := os.ReadFile(Path(tb, "text", name))
			if err != nil {
				tb.Fatal(err)
			}
			for _, para := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n") {
				if n >= words {
					break
				}
				if strings.TrimSpace(para) == "" {
					continue
				}
				book.WriteString(para)
				book.WriteString("\n\n")
				n += len(strings.Fields(para))
			}
		}
	}
	return book.String()
}
