package library

import (
	"strings"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// Citation is a passage followed by where it comes from in a citation
// style, ready to paste into an essay: “quote” — reference; a PDF's
// passage gives its pages after the quote: “quote” (pp. 12–13).
func Citation(doc *annotate.Document, passage *annotate.Anchor, style interop.Style) string {
	quote := "“" + strings.TrimSpace(passage.Exact) + "”"
	if pages := doc.PageCitation(passage); pages != "" {
		quote += " (" + pages + ")"
	}
	return quote + "\n— " + interop.Cite(doc.Ref(), style, false)
}

// SetReference saves a document's citation fields (nil: back to those the
// import found), in one transaction.
func (l *Library) SetReference(docID string, ref *annotate.Reference) (*annotate.Document, error) {
	if ref != nil && strings.TrimSpace(ref.Title) == "" {
		return nil, annotate.Problemf(annotate.ErrInvalid, "a citation needs a title")
	}
	l.changing.Lock()
	defer l.changing.Unlock()
	doc, renamed, err := l.store.SetReference(docID, ref)
	if err != nil || !renamed {
		return doc, err
	}
	// The citation renamed the document: the index finds it, and its
	// annotations, under the new title.
	l.reindex(doc)
	return doc, nil
}
