package interop

import (
	"io"
	"time"

	"scholia/annotate"
)

// Format is an export format.
type Format string

// The export formats.
const (
	Markdown Format = "md"
	JSONLD   Format = "jsonld"
	CSV      Format = "csv"
)

// Formats lists the export formats in the order the UI offers them.
var Formats = []Format{Markdown, JSONLD, CSV}

// ParseFormat reads a format's name.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "md", "markdown":
		return Markdown, nil
	case "jsonld", "json-ld", "w3c":
		return JSONLD, nil
	case "csv":
		return CSV, nil
	}
	return "", annotate.Problemf(annotate.ErrInvalid, "%q is not an export format: use md, jsonld or csv", s)
}

// Name is how the UI names a format.
func (f Format) Name() string {
	switch f {
	case JSONLD:
		return "W3C Web Annotation (JSON-LD)"
	case CSV:
		return "CSV spreadsheet"
	}
	return "Markdown"
}

// Ext is the file name extension of a format.
func (f Format) Ext() string {
	if f == JSONLD {
		return ".jsonld"
	}
	return "." + string(f)
}

// Section is one document's part of an export: its metadata (the blocks
// are not needed) and its annotations in document order.
type Section struct {
	Doc         annotate.Document
	Annotations []annotate.Annotation
}

// Export writes sections in a format. answers holds the passages the
// sections' questions are answered with, so that each format keeps the
// whole answer (nil when there are none); now stamps the JSON-LD
// collection; style is the citation style of Markdown.
func Export(w io.Writer, f Format, secs []Section, answers Answers, style Style, now time.Time) error {
	switch f {
	case JSONLD:
		return writeJSONLD(w, secs, answers, now)
	case CSV:
		return writeCSV(w, secs, answers)
	}
	return writeMarkdown(w, secs, answers, style)
}

// DocumentURI is the address that names a document in an export: its URL,
// or for a local file a urn made from its content's hash, the same in
// every library that holds the same file.
func DocumentURI(d *annotate.Document) string {
	if d.URL != "" {
		return d.URL
	}
	if d.Hash != "" {
		return "urn:sha256:" + d.Hash
	}
	return "urn:scholia:" + d.ID
}
