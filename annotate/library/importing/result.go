package importing

import (
	"fmt"
	"strings"

	"scholia/annotate"
)

// Result says what importing a file of annotations did.
type Result struct {
	Added     int      // annotations added
	Existing  int      // already in the library (ids seen before): left as they are
	Orphans   int      // added, but their passage was not found in the document's text
	Documents []string // titles of documents made from the quotes, for sources not in the library
}

// summaryTitles is the most new documents a summary names: an import
// can make thousands, and the sentence must stay one a person reads.
const summaryTitles = 5

// Summary says in a sentence what the import did.
func (r Result) Summary() string {
	var parts []string
	parts = append(parts, annotate.Count(r.Added, "annotation")+" added")
	if r.Orphans > 0 {
		parts = append(parts, fmt.Sprintf("%d of them could not be placed on their passage and are kept under “Could not be placed”", r.Orphans))
	}
	if r.Existing > 0 {
		parts = append(parts, annotate.Count(r.Existing, "annotation")+" already in the library left as they are")
	}
	if n := len(r.Documents); n > 0 {
		titles := strings.Join(r.Documents[:min(n, summaryTitles)], "; ")
		if n > summaryTitles {
			titles += fmt.Sprintf("; and %d more", n-summaryTitles)
		}
		parts = append(parts, fmt.Sprintf("%s made from their quotes (%s)", annotate.Count(n, "new document"), titles))
	}
	return strings.Join(parts, "; ") + "."
}
