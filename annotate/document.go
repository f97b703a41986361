package annotate

import (
	"strings"
	"time"
	"unicode/utf8"
)

// BlockSeparator joins the blocks' texts into Document.Text.
const BlockSeparator = "\n\n"

// Document is one imported source. Its text is never rewritten: quotes must
// stay exact, so a typo in the source stays a typo here.
type Document struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Byline    string     `json:"byline,omitempty"`
	Site      string     `json:"site,omitempty"`
	Source    string     `json:"source,omitempty"`
	Published string     `json:"published,omitempty"`
	Language  string     `json:"language,omitempty"`
	URL       string     `json:"url,omitempty"`       // a web page's canonical address
	Direction string     `json:"direction,omitempty"` // "rtl" for right-to-left text
	Format    string     `json:"format"`
	Hash      string     `json:"hash"`
	Imported  time.Time  `json:"imported"`
	Revision  int        `json:"revision,omitempty"`  // 0 or 1 for the first text; each changed import adds one
	Reference *Reference `json:"reference,omitempty"` // citation fields as the reader edited them
	Blocks    []Block    `json:"blocks"`
	// A PDF's printed page labels (PageLabels[n-1] for page n, "" where it
	// has none) and its trailer /ID in hex (Hypothesis's urn:x-pdf:<id>).
	PageLabels  []string `json:"page_labels,omitempty"`
	Fingerprint string   `json:"fingerprint,omitempty"`
	// Where each page's text starts (a PDF's; see PageStart).
	PageStarts []PageStart `json:"page_starts,omitempty"`

	// What the source says it is about: a PDF's Subject.
	Description string `json:"description,omitempty"`

	// The title the import found, kept while the reader's citation gives
	// the document another (Title); "" when it was not renamed.
	ImportedTitle string `json:"imported_title,omitempty"`
}

// SetBlocks stores blocks and numbers their Start offsets so that each block
// starts where it stands in Text.
func (d *Document) SetBlocks(blocks []Block) {
	sep := utf8.RuneCountInString(BlockSeparator)
	pos := 0
	for i := range blocks {
		blocks[i].Start = pos
		pos += blocks[i].Len() + sep
	}
	d.Blocks = blocks
	d.indexPages()
}

// Text is the blocks' texts joined by a blank line. Anchors count code points
// of this string.
func (d *Document) Text() string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteString(BlockSeparator)
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// Len is the length of Text in code points.
func (d *Document) Len() int {
	if len(d.Blocks) == 0 {
		return 0
	}
	return d.Blocks[len(d.Blocks)-1].End()
}

// Words counts the words of the document's text.
func (d *Document) Words() int {
	n := 0
	for _, b := range d.Blocks {
		n += len(strings.Fields(b.Text))
	}
	return n
}

// BlockAt returns the index of the block holding code point pos, or of the
// block that follows when pos falls in a separator; -1 past the end.
func (d *Document) BlockAt(pos int) int {
	lo, hi := 0, len(d.Blocks)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Blocks[mid].End() <= pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == len(d.Blocks) {
		return -1
	}
	return lo
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
