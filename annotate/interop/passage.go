package interop

import (
	"strings"

	"scholia/annotate"
)

// Passage is an annotation with the document it is on: what a question's
// answer links to, in any document of the library, whether or not that
// document is part of the export.
type Passage struct {
	Doc        annotate.Document
	Annotation annotate.Annotation
	InExport   bool // the export holds it too, so Markdown links to it
}

// Answers holds, by annotation id, the passages that the exported
// questions are answered with.
type Answers map[string]Passage

// answering is the passage a question is answered with; ok is false when
// it is not answered with one, or when that annotation is gone.
func (as Answers) answering(a *annotate.Annotation) (p Passage, link string, ok bool) {
	if a.Answer == nil || a.Answer.Link == "" {
		return Passage{}, "", false
	}
	p, ok = as[a.Answer.Link]
	return p, a.Answer.Link, ok
}

// Words is what the passage says: its quote, or the note's text for a
// note on a whole document.
func (p *Passage) Words() string {
	if p.Annotation.Anchor != nil {
		return p.Annotation.Anchor.Exact
	}
	return strings.TrimSpace(p.Annotation.Body)
}

// pageCitation is where a PDF's passage stands, "p. 12" or "pp. 12–13";
// "" for other documents, notes on a whole document and passages no
// longer found.
func pageCitation(d *annotate.Document, a *annotate.Annotation) string {
	if a.Orphan {
		return ""
	}
	return d.PageCitation(a.Anchor)
}

// pageNumbers is the pages of pageCitation without "p.": "12", "12–13".
func pageNumbers(d *annotate.Document, a *annotate.Annotation) string {
	_, n, _ := strings.Cut(pageCitation(d, a), " ")
	return n
}
