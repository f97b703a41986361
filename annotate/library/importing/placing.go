package importing

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/interop"
)

// placeOn anchors imported annotations on a document of the library: at
// their position when the text there is their quote, else where their
// quote is found again, else as orphans. On a document made of quotes, a
// quote not in it yet is added at its end: a new revision, unless this
// import made or revised the document already (grown, it returns it).
// pending is the document as a change not yet committed writes it, nil
// when the library holds it as it is.
func (m *Matcher) placeOn(docID string, pending *annotate.Document, items []interop.Incoming, grownHere bool) ([]*annotate.Annotation, *annotate.Document, int, error) {
	doc := pending
	if doc == nil {
		var err error
		if doc, err = m.store.Document(docID); err != nil {
			return nil, nil, 0, err
		}
	}
	var revised *annotate.Document
	if doc.Format == quotesFormat {
		if grown := appendQuotes(doc, items); grown != nil {
			if !grownHere {
				grown.Revision = max(doc.Revision, 1) + 1
			}
			grown.Imported = m.now().UTC()
			doc, revised = grown, grown
		}
	}
	anns, orphans := placeAll(doc, items)
	return anns, revised, orphans, nil
}

// onQuote points an anchor at its quote's first paragraph in a document
// made of quotes, where positions and context from elsewhere mean nothing.
// starts holds where each paragraph after the title begins (the first
// of equal ones), so that placing thousands of quotes does not search the
// text for each.
func onQuote(an annotate.Anchor, starts map[string]int, runes []rune) *annotate.Anchor {
	if start, ok := starts[an.Exact]; ok {
		an.Start = start
		an.End = start + utf8.RuneCountInString(an.Exact)
		return &an
	}
	text := string(runes)
	i := strings.Index(text, "\n\n"+an.Exact+"\n\n")
	if i < 0 && strings.HasSuffix(text, "\n\n"+an.Exact) {
		i = len(text) - len(an.Exact) - 2
	}
	if i >= 0 {
		an.Start = len([]rune(text[:i+2]))
		an.End = an.Start + len([]rune(an.Exact))
	}
	return &an
}

// paragraphStarts is where each paragraph of doc after the first begins.
func paragraphStarts(doc *annotate.Document) map[string]int {
	starts := make(map[string]int, len(doc.Blocks))
	for i, b := range doc.Blocks {
		if _, ok := starts[b.Text]; i > 0 && !ok {
			starts[b.Text] = b.Start
		}
	}
	return starts
}

// placeAnchor sets a's anchor on the text; false when it is an orphan.
func placeAnchor(a *annotate.Annotation, runes []rune, text *anchor.Text) bool {
	an := *a.Anchor
	if an.Start >= 0 && an.End <= len(runes) && an.Start < an.End && (an.Exact == "" || string(runes[an.Start:an.End]) == an.Exact) {
		placed, _ := annotate.NewAnchor(runes, an.Start, an.End)
		a.Anchor, a.Orphan = &placed, false
		return true
	}
	if an.Exact != "" {
		old := an
		old.Start, old.End = max(an.Start, 0), max(an.End, 0)
		if r := text.Reanchor(old); !r.Orphan {
			a.Anchor, a.Orphan = &r.Anchor, false
			return true
		}
	}
	an.Start, an.End = max(an.Start, 0), max(an.End, 0)
	a.Anchor, a.Orphan = &an, true
	return false
}

// quotesFormat marks a document made of imported quotes (a Kindle book,
// or a web page known only by its annotations).
const quotesFormat = "quotes"

// quotesDocument makes a document for a source the library does not hold,
// from the quotes of its annotations in reading order, and anchors them.
func (m *Matcher) quotesDocument(source string, items []interop.Incoming) (*annotate.Document, []*annotate.Annotation, int, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return nil, nil, 0, err
	}
	title := source
	var authors []string
	for _, in := range items {
		if in.Title != "" {
			title, authors = in.Title, in.Authors
			break
		}
	}
	doc := &annotate.Document{ID: id.String(), Title: title, Byline: strings.Join(authors, ", "), Source: source,
		Format: quotesFormat, Imported: m.now().UTC().Truncate(time.Second)}
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		doc.URL = source
	}
	doc.SetBlocks([]annotate.Block{{Kind: annotate.BlockTitle, Text: title}})
	grown := appendQuotes(doc, items)
	if grown != nil {
		doc = grown
	}
	doc.Hash = quotesHash(doc)
	anns, orphans := placeAll(doc, items)
	return doc, anns, orphans, nil
}

// placeAll anchors items on doc; it counts the orphans.
func placeAll(doc *annotate.Document, items []interop.Incoming) ([]*annotate.Annotation, int) {
	runes := []rune(doc.Text())
	text := anchor.NewText(runes)
	var starts map[string]int
	if doc.Format == quotesFormat {
		starts = paragraphStarts(doc)
	}
	var out []*annotate.Annotation
	orphans := 0
	for _, in := range items {
		a := in.Annotation
		a.DocID = doc.ID
		if a.Anchor != nil && doc.Format == quotesFormat {
			a.Anchor = onQuote(*a.Anchor, starts, runes)
		}
		if a.Anchor != nil && !placeAnchor(&a, runes, text) {
			orphans++
		}
		out = append(out, &a)
	}
	return out, orphans
}

// appendQuotes is doc with the quotes of items it lacks added as
// paragraphs (each under its label), in reading order; nil when it has
// them all.
func appendQuotes(doc *annotate.Document, items []interop.Incoming) *annotate.Document {
	have := map[string]bool{}
	for _, b := range doc.Blocks {
		have[b.Text] = true
	}
	sorted := append([]interop.Incoming(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Order < sorted[j].Order })
	blocks := append([]annotate.Block(nil), doc.Blocks...)
	added := false
	for _, in := range sorted {
		an := in.Annotation.Anchor
		if an == nil || strings.TrimSpace(an.Exact) == "" || have[an.Exact] {
			continue
		}
		have[an.Exact] = true
		if in.Label != "" {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockBoilerplate, Text: in.Label})
		}
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: an.Exact})
		added = true
	}
	if !added {
		return nil
	}
	grown := *doc
	grown.SetBlocks(blocks)
	grown.Hash = quotesHash(&grown)
	return &grown
}

func quotesHash(doc *annotate.Document) string {
	sum := sha256.Sum256([]byte(doc.Source + "\x00" + doc.Text()))
	return hex.EncodeToString(sum[:])
}
