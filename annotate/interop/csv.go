package interop

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader names the columns. The first eleven are those of the first
// exports, in their order, so that spreadsheets built on them still work;
// the annotation's id and its answer follow, then the pages of a PDF's
// passage ("12", "12–13", printed labels where the PDF has them).
var csvHeader = []string{"document", "source", "kind", "colour", "status", "quote", "note", "tags", "start", "end", "created",
	"id", "answer", "answer_id", "answer_quote", "answer_document", "pages"}

// writeCSV writes one row per annotation under a header row (RFC 4180,
// UTF-8, CRLF line ends as the RFC has them). start and end count
// characters (code points) of the document's text; a note on the whole
// document leaves quote, start and end empty. A question answered with a
// passage names it by id (its own row's id when it is in the export),
// with its quote and the title of its document.
func writeCSV(w io.Writer, secs Sections, answers Answers) error {
	c := csv.NewWriter(w)
	c.UseCRLF = true
	if err := c.Write(csvHeader); err != nil {
		return err
	}
	err := secs(func(s Section) error {
		for _, a := range s.Annotations {
			var quote, start, end string
			if a.Anchor != nil {
				quote, start, end = a.Anchor.Exact, strconv.Itoa(a.Anchor.Start), strconv.Itoa(a.Anchor.End)
			}
			var answer, answerQuote, answerDoc string
			if a.Answer != nil {
				answer = a.Answer.Text
			}
			p, link, ok := answers.answering(&a)
			if ok {
				answerQuote, answerDoc = p.Words(), p.Doc.Ref().Title
			}
			row := []string{s.Doc.Ref().Title, DocumentURI(&s.Doc), string(a.Kind), string(a.Colour), string(a.Status),
				quote, a.Body, strings.Join(a.Tags, "; "), start, end, a.Created.UTC().Format(time.RFC3339),
				a.ID, answer, link, answerQuote, answerDoc, pageNumbers(&s.Doc, &a)}
			if err := c.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.Flush()
	return c.Error()
}
