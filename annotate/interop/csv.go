package interop

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

var csvHeader = []string{"document", "source", "kind", "colour", "status", "quote", "note", "tags", "start", "end", "created"}

// writeCSV writes one row per annotation under a header row (RFC 4180,
// UTF-8, CRLF line ends as the RFC has them). start and end count
// characters (code points) of the document's text; a note on the whole
// document leaves quote, start and end empty.
func writeCSV(w io.Writer, secs []Section) error {
	c := csv.NewWriter(w)
	c.UseCRLF = true
	if err := c.Write(csvHeader); err != nil {
		return err
	}
	for _, s := range secs {
		for _, a := range s.Annotations {
			var quote, start, end string
			if a.Anchor != nil {
				quote, start, end = a.Anchor.Exact, strconv.Itoa(a.Anchor.Start), strconv.Itoa(a.Anchor.End)
			}
			row := []string{s.Doc.Ref().Title, DocumentURI(&s.Doc), string(a.Kind), string(a.Colour), string(a.Status),
				quote, a.Body, strings.Join(a.Tags, "; "), start, end, a.Created.UTC().Format(time.RFC3339)}
			if err := c.Write(row); err != nil {
				return err
			}
		}
	}
	c.Flush()
	return c.Error()
}
