package synthetic

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
)

// Library is a library cut from real books, for benchmarks that need
// documents and annotations anchored on them (export, import, opening):
// each document an overlapping run of 12 of the books' paragraphs, each
// annotation a run of a document's words. The same books, documents and
// annotations per document always give the same library.
type Library struct {
	Documents []*annotate.Document
	PerDoc    int // annotations on each document
}

// LibraryFromBooks cuts docs documents from the paragraphs of the books
// (plain-text files, hard-wrapped lines joined), in the order given.
func LibraryFromBooks(books []string, docs, perDoc int) (*Library, error) {
	var paras []string
	for _, name := range books {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		text := strings.ReplaceAll(string(data), "\r\n", "\n")
		for _, p := range strings.Split(text, "\n\n") {
			if p = strings.Join(strings.Fields(p), " "); len(p) > 40 {
				paras = append(paras, p)
			}
		}
	}
	const docParas = 12
	if len(paras) <= docParas {
		return nil, fmt.Errorf("the books hold %d paragraphs; a library needs more than %d", len(paras), docParas)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	g := &Library{PerDoc: perDoc}
	for i := 0; i < docs; i++ {
		first := i * (len(paras) - docParas) / docs
		lead := strings.Fields(paras[first])
		title := fmt.Sprintf("%s, part %d", strings.Join(lead[:min(4, len(lead))], " "), i+1)
		blocks := []annotate.Block{{Kind: annotate.BlockTitle, Text: title}}
		for _, p := range paras[first : first+docParas] {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: p})
		}
		d := &annotate.Document{ID: uuid.NewSHA1(uuid.NameSpaceURL, fmt.Appendf(nil, "doc %d", i)).String(),
			Title: title, Source: fmt.Sprintf("/books/part-%04d.txt", i), Format: "text", Imported: t0}
		d.SetBlocks(blocks)
		// Documents may share their text (runs overlap, and a big
		// library has more documents than the books have paragraphs), but
		// never their file: each is hashed with its source.
		sum := sha256.Sum256([]byte(d.Source + "\x00" + d.Text()))
		d.Hash = hex.EncodeToString(sum[:])
		g.Documents = append(g.Documents, d)
	}
	return g, nil
}

// Annotations makes the annotations of document d (the same on every
// call): highlights in every colour, notes with tags, questions open,
// answered in words or with another passage of the document, and notes
// on the whole document; each quotes a run of the document's words.
func (g *Library) Annotations(d int) []*annotate.Annotation {
	doc, n := g.Documents[d], g.PerDoc
	runes := []rune(doc.Text())
	r := rand.New(rand.NewPCG(uint64(d), uint64(n)))
	t0 := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(d) * time.Hour)
	out := make([]*annotate.Annotation, 0, n)
	for i := 0; i < n; i++ {
		a := &annotate.Annotation{ID: uuid.NewSHA1(uuid.NameSpaceURL, fmt.Appendf(nil, "ann %d/%d", d, i)).String(),
			DocID: doc.ID, Created: t0.Add(time.Duration(i) * time.Second)}
		a.Modified = a.Created
		b := doc.Blocks[1+r.IntN(len(doc.Blocks)-1)]
		words := strings.Fields(b.Text)
		w0 := r.IntN(len(words))
		w1 := min(len(words), w0+3+r.IntN(30))
		start := b.Start + len([]rune(strings.Join(words[:w0], " ")))
		if w0 > 0 {
			start++
		}
		end := start + len([]rune(strings.Join(words[w0:w1], " ")))
		an, err := annotate.NewAnchor(runes, start, end)
		if err != nil {
			panic(err)
		}
		a.Anchor = &an
		other := strings.Fields(doc.Blocks[1+r.IntN(len(doc.Blocks)-1)].Text)
		o0 := r.IntN(len(other))
		remark := strings.Join(other[o0:min(len(other), o0+4+r.IntN(20))], " ")
		switch k := r.IntN(20); {
		case k < 11:
			a.Kind, a.Colour = annotate.KindHighlight, annotate.Colours[r.IntN(len(annotate.Colours))]
		case k < 16:
			a.Kind, a.Body = annotate.KindNote, "Compare: "+remark
			a.Tags = []string{words[w0], "chapter-" + fmt.Sprint(d%30)}
		case k < 19:
			a.Kind, a.Body, a.Status = annotate.KindQuestion, "Why does the text say "+strings.ToLower(remark)+"?", annotate.StatusOpen
			if k == 17 {
				a.Status, a.Answer = annotate.StatusAnswered, &annotate.Answer{Text: "Because " + remark + "."}
			}
			if k == 18 && i > 0 {
				a.Status, a.Answer = annotate.StatusAnswered, &annotate.Answer{Link: out[r.IntN(i)].ID}
			}
		default:
			a.Kind, a.Body, a.Anchor = annotate.KindNote, "On the whole: "+remark, nil
		}
		out = append(out, a)
	}
	return out
}
