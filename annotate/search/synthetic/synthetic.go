// Package synthetic makes a deterministic corpus of annotation-like
// records for benchmarks: quotes of 20-300 characters, notes of 0-500,
// tags and proper nouns. FromBooks cuts them from real books (documents
// are stretches of the books, quotes runs of their words), which is what
// benchmarks should measure; New makes them from invented words with
// word frequencies that fall off as in real prose. The same seed always
// gives the same records, so search timings can be compared across runs
// and against other tools.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"scholia/annotate"
)

var properNouns = strings.Fields("Lavrov Rubio Kuala Lumpur Geneva Brussels Moscow Kyiv Beijing Washington Tehran Ankara " +
	"Merkel Macron Blinken Wang Erdogan Zelensky Putin Xi Modi Lula Guterres Borrell Stoltenberg NATO ASEAN OSCE " +
	"Crimea Donbas Taiwan Hormuz Sahel Kashmir Minsk Vienna Helsinki Yalta Potsdam Westphalia")

var syllables = strings.Fields("ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko ku la le li lo lu " +
	"ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo " +
	"tion ment ance ence ity ism ist ate ive al ic ous ing ed er")

// Corpus is a generated vocabulary and its word frequencies.
type Corpus struct {
	rng   *rand.Rand
	vocab []string
	zipf  *rand.Zipf
	tags  []string
	books []book // set by FromBooks
}

// New makes a corpus generator; the same seed gives the same records.
func New(seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	c := &Corpus{rng: rng}
	seen := map[string]bool{}
	for len(c.vocab) < 30000 {
		n := 1 + rng.IntN(4)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	c.zipf = rand.NewZipf(rng, 1.07, 2, uint64(len(c.vocab)-1))
	for i := 0; i < 200; i++ {
		c.tags = append(c.tags, c.vocab[50+i*7])
	}
	return c
}

// word is a random word: mostly common ones, sometimes a proper noun.
func (c *Corpus) word() string {
	if c.rng.IntN(25) == 0 {
		return properNouns[c.rng.IntN(len(properNouns))]
	}
	return c.vocab[c.zipf.Uint64()]
}

// text is random prose of about n characters.
func (c *Corpus) text(n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.word())
	}
	return b.String()
}

// Annotations makes n annotations spread over n/50+1 documents, and the
// documents' titles.
func (c *Corpus) Annotations(n int) ([]annotate.Annotation, map[string]string) {
	if c.books != nil {
		return c.bookAnnotations(n)
	}
	titles := map[string]string{}
	docs := n/50 + 1
	for d := 0; d < docs; d++ {
		ws := strings.Fields(c.text(20 + c.rng.IntN(40)))
		for i, w := range ws {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		titles[fmt.Sprintf("doc-%06d", d)] = strings.Join(ws, " ")
	}
	kinds := []annotate.Kind{annotate.KindHighlight, annotate.KindHighlight, annotate.KindNote, annotate.KindQuestion}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]annotate.Annotation, n)
	for i := range out {
		a := annotate.Annotation{
			ID:     fmt.Sprintf("ann-%07d", i),
			DocID:  fmt.Sprintf("doc-%06d", c.rng.IntN(docs)),
			Kind:   kinds[c.rng.IntN(len(kinds))],
			Colour: annotate.Colours[c.rng.IntN(len(annotate.Colours))],
		}
		quote := c.text(20 + c.rng.IntN(281))
		a.Anchor = &annotate.Anchor{Start: i, End: i + len(quote), Exact: quote}
		if a.Kind != annotate.KindHighlight || c.rng.IntN(4) == 0 {
			a.Body = c.text(c.rng.IntN(501))
		}
		c.finish(&a, base, i)
		out[i] = a
	}
	return out, titles
}

// Queries picks n queries a person might type: two or three words of a
// record, one of them a proper noun now and then, some cut short.
func (c *Corpus) Queries(anns []annotate.Annotation, n int) []string {
	var out []string
	for len(out) < n {
		a := anns[c.rng.IntN(len(anns))]
		ws := strings.Fields(a.Anchor.Exact + " " + a.Body)
		if len(ws) < 3 {
			continue
		}
		k := 2 + c.rng.IntN(2)
		start := c.rng.IntN(len(ws) - k + 1)
		q := ws[start : start+k]
		for i := range q {
			if len(q[i]) > 5 && c.rng.IntN(2) == 0 {
				q[i] = q[i][:len(q[i])-2]
			}
		}
		out = append(out, strings.ToLower(strings.Join(q, " ")))
	}
	return out
}

// finish gives the i-th annotation its tags, a question its status, and
// both their times, a minute after the one before.
func (c *Corpus) finish(a *annotate.Annotation, base time.Time, i int) {
	for t := c.rng.IntN(4); t > 0; t-- {
		a.Tags = append(a.Tags, c.tags[c.rng.IntN(len(c.tags))])
	}
	if a.Kind == annotate.KindQuestion {
		a.Status = []annotate.Status{annotate.StatusOpen, annotate.StatusAnswered, annotate.StatusDropped}[c.rng.IntN(3)]
	}
	a.Created = base.Add(time.Duration(i) * time.Minute)
	a.Modified = a.Created
}
