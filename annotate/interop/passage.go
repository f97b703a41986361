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
