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
