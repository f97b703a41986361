package library

import (
	"slices"
	"sync"

	"scholia/annotate"
	"scholia/annotate/store"
)

// A save anchors its passage on its document's text: the quote and
// annotate.ContextLen code points of context each side. Reading and
// decoding a book's whole record for that took half of a save on a
// 150,000-word book, so the library keeps the documents last opened (the
// text the window holds) and cuts an anchor out of the blocks around its
// passage. A kept document serves only while the library still holds its
// revision and hash; a new text is read again.

// keptTexts is how many documents the library keeps.
const keptTexts = 4

// texts are the documents last opened, most recently used last.
type texts struct {
	store *store.Store
	mu    sync.Mutex
	docs  []*annotate.Document
}

// keep holds a copy of doc (its blocks numbered as its text counts them)
// and returns it.
func (t *texts) keep(doc *annotate.Document) *annotate.Document {
	kept := *doc
	kept.Blocks = slices.Clone(doc.Blocks)
	pos := 0
	for _, b := range kept.Blocks {
		if b.Start != pos {
			kept.SetBlocks(kept.Blocks)
			break
		}
		pos = b.End() + len(annotate.BlockSeparator)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.docs = slices.DeleteFunc(t.docs, func(d *annotate.Document) bool { return d.ID == doc.ID })
	t.docs = append(t.docs, &kept)
	if len(t.docs) > keptTexts {
		t.docs = t.docs[1:]
	}
	return &kept
}

// kept is the document kept with this id, revision and hash, or nil.
func (t *texts) kept(info *annotate.Document) *annotate.Document {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, d := range t.docs {
		if d.ID == info.ID && d.Revision == info.Revision && d.Hash == info.Hash {
			t.docs = append(append(t.docs[:i:i], t.docs[i+1:]...), d)
			return d
		}
	}
	return nil
}

// text is a document as the library holds it now, with its blocks: the
// one kept when it is still current, else read (and kept).
func (t *texts) text(docID string) (*annotate.Document, error) {
	info, err := t.store.DocumentInfo(docID)
	if err != nil {
		return nil, err
	}
	if d := t.kept(info); d != nil {
		return d, nil
	}
	doc, err := t.store.Document(docID)
	if err != nil {
		return nil, err
	}
	return t.keep(doc), nil
}

// anchorIn anchors the passage [start, end) of doc as annotate.NewAnchor
// does on its whole text, reading only the blocks around the passage.
func anchorIn(doc *annotate.Document, start, end int) (annotate.Anchor, error) {
	n := doc.Len()
	if start < 0 || end > n || start >= end {
		return annotate.Anchor{}, annotate.Problemf(annotate.ErrInvalid, "passage %d-%d is outside the text of %d characters", start, end, n)
	}
	from, to := max(0, start-annotate.ContextLen), min(n, end+annotate.ContextLen)
	an, err := annotate.NewAnchor(runesOf(doc, from, to), start-from, end-from)
	an.Start, an.End = start, end
	return an, err
}

// runesOf is the code points [from, to) of doc's text.
func runesOf(doc *annotate.Document, from, to int) []rune {
	out := make([]rune, 0, max(0, to-from))
	bs := doc.Blocks
	i := doc.BlockAt(from)
	if i < 0 {
		i = len(bs)
	}
	if i > 0 {
		i-- // from may fall in the separator after the block before
	}
	for ; i < len(bs) && bs[i].Start < to; i++ {
		out = appendRunes(out, bs[i].Text, bs[i].Start, from, to)
		if i+1 < len(bs) {
			out = appendRunes(out, annotate.BlockSeparator, bs[i].End(), from, to)
		}
	}
	return out
}

// appendRunes appends the code points of s, which starts at code point
// at of the text, that fall in [from, to).
func appendRunes(out []rune, s string, at, from, to int) []rune {
	for _, r := range s {
		if at >= to {
			break
		}
		if at >= from {
			out = append(out, r)
		}
		at++
	}
	return out
}
