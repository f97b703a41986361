package synthetic

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"scholia/annotate"
)

// book is the running text of a real book, its words' byte offsets, and
// its title.
type book struct {
	title string
	text  string
	words []int // byte offset of each word's start
}

// FromBooks makes a generator whose libraries are cut from the real books
// in dir (every .txt file but licences, such as the shared corpus's
// text/ folder): each document is a stretch of a book, each quote a run of
// its words, each note a run of words from elsewhere in the books, each
// tag a word of them. The vocabulary, its frequencies, its misspellings
// and its proper nouns are those of the books. The same seed and books
// always give the same records.
func FromBooks(seed uint64, dir string) (*Corpus, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	c := &Corpus{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, f := range files {
		if strings.Contains(strings.ToLower(filepath.Base(f)), "license") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		c.books = append(c.books, readBook(filepath.Base(f), data))
	}
	if len(c.books) == 0 {
		return nil, errors.New("no books in " + dir)
	}
	seen := map[string]bool{}
	for len(c.tags) < 200 {
		w := strings.ToLower(strings.Trim(c.words(1), `.,;:!?"'()[]-_*`))
		if utf8.RuneCountInString(w) >= 5 && !seen[w] {
			seen[w] = true
			c.tags = append(c.tags, w)
		}
	}
	return c, nil
}

// readBook keeps the text between a Project Gutenberg header and footer,
// as one run of words, decoding Latin-1 when the bytes are not UTF-8.
func readBook(name string, data []byte) book {
	text := string(data)
	if !utf8.Valid(data) {
		rs := make([]rune, len(data))
		for i, b := range data {
			rs[i] = rune(b)
		}
		text = string(rs)
	}
	title := strings.TrimSuffix(name, filepath.Ext(name))
	for _, line := range strings.SplitN(text, "\n", 60) {
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), "Title:"); ok {
			title = strings.TrimSpace(t)
		}
	}
	if i := strings.Index(text, "*** START OF"); i >= 0 {
		text = text[i:]
		if j := strings.Index(text, "\n"); j >= 0 {
			text = text[j+1:]
		}
	} else if i := strings.Index(text, "***START OF"); i >= 0 {
		text = text[i:]
		if j := strings.Index(text, "\n"); j >= 0 {
			text = text[j+1:]
		}
	}
	for _, end := range []string{"*** END OF", "***END OF", "End of the Project Gutenberg", "End of Project Gutenberg"} {
		if i := strings.Index(text, end); i >= 0 {
			text = text[:i]
		}
	}
	b := book{title: title, text: strings.Join(strings.Fields(text), " ")}
	for i := 0; i < len(b.text); i++ {
		if i == 0 || b.text[i-1] == ' ' {
			b.words = append(b.words, i)
		}
	}
	return b
}

// run is the n words of b from word i on (fewer at the end of the book).
func (b *book) run(i, n int) string {
	end := len(b.text)
	if i+n < len(b.words) {
		end = b.words[i+n] - 1
	}
	return b.text[b.words[i]:end]
}

// words is a run of n words from anywhere in the books.
func (c *Corpus) words(n int) string {
	b := &c.books[c.rng.IntN(len(c.books))]
	return b.run(c.rng.IntN(len(b.words)), n)
}

// chars is a run of words of about n characters from book b, starting
// within its words [from, to).
func (c *Corpus) chars(b *book, from, to, n int) string {
	i := from + c.rng.IntN(max(1, to-from))
	i = min(i, len(b.words)-1)
	j := i
	for j < len(b.words) && b.words[j]-b.words[i] < n {
		j++
	}
	return b.run(i, max(1, j-i))
}

// stretch is the part of a book a document holds: its words [from, to).
type stretch struct {
	book     *book
	from, to int
}

// bookAnnotations is Annotations for a generator made by FromBooks: n
// annotations over n/50+1 documents, each document a stretch of about
// 3,000 words of a book titled after it, quotes cut from the stretch.
func (c *Corpus) bookAnnotations(n int) ([]annotate.Annotation, map[string]string) {
	titles := map[string]string{}
	docs := n/50 + 1
	stretches := make([]stretch, docs)
	for d := range stretches {
		b := &c.books[c.rng.IntN(len(c.books))]
		from := c.rng.IntN(max(1, len(b.words)-3000))
		stretches[d] = stretch{book: b, from: from, to: min(len(b.words), from+3000)}
		titles[fmt.Sprintf("doc-%06d", d)] = b.title + ": " + b.run(from, 3+c.rng.IntN(6))
	}
	kinds := []annotate.Kind{annotate.KindHighlight, annotate.KindHighlight, annotate.KindNote, annotate.KindQuestion}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]annotate.Annotation, n)
	for i := range out {
		d := c.rng.IntN(docs)
		s := stretches[d]
		a := annotate.Annotation{
			ID:     fmt.Sprintf("ann-%07d", i),
			DocID:  fmt.Sprintf("doc-%06d", d),
			Kind:   kinds[c.rng.IntN(len(kinds))],
			Colour: annotate.Colours[c.rng.IntN(len(annotate.Colours))],
		}
		quote := c.chars(s.book, s.from, s.to, 20+c.rng.IntN(281))
		a.Anchor = &annotate.Anchor{Start: i, End: i + len(quote), Exact: quote}
		if a.Kind != annotate.KindHighlight || c.rng.IntN(4) == 0 {
			if m := c.rng.IntN(501); m > 0 {
				nb := &c.books[c.rng.IntN(len(c.books))]
				a.Body = c.chars(nb, 0, len(nb.words), m)
			}
		}
		c.finish(&a, base, i)
		out[i] = a
	}
	return out, titles
}
