package library

import (
	"strings"

	"scholia/annotate"
)

// Citation is a quote followed by where it comes from, ready to paste into
// an essay: “quote” — Title. Byline, Site, date. Source.
func Citation(doc *annotate.Document, quote string) string {
	var ref []string
	ref = append(ref, strings.TrimSuffix(doc.Title, ".")+".")
	var who []string
	for _, s := range []string{doc.Byline, doc.Site, doc.Published} {
		if s != "" {
			who = append(who, s)
		}
	}
	if len(who) > 0 {
		ref = append(ref, strings.Join(who, ", ")+".")
	}
	if doc.Source != "" && !strings.HasPrefix(doc.Source, "scholia:") {
		ref = append(ref, doc.Source+".")
	}
	return "“" + strings.TrimSpace(quote) + "”\n— " + strings.Join(ref, " ")
}
