package library

import (
	"strings"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// Citation is a quote followed by where it comes from in a citation style,
// ready to paste into an essay: “quote” — reference.
func Citation(doc *annotate.Document, quote string, style interop.Style) string {
	return "“" + strings.TrimSpace(quote) + "”\n— " + interop.Cite(doc.Ref(), style, false)
}

// SetReference saves a document's citation fields (nil: back to those the
// import found), in one transaction.
func (l *Library) SetReference(docID string, ref *annotate.Reference) (*annotate.Document, error) {
	if ref != nil && strings.TrimSpace(ref.Title) == "" {
		return nil, annotate.Problemf(annotate.ErrInvalid, "a citation needs a title")
	}
	return l.store.SetReference(docID, ref)
}
