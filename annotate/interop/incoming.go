package interop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
)

// Incoming is an annotation read from another tool's file, not yet placed
// on a document of the library.
type Incoming struct {
	Source  string   // the document it belongs to: a URL, a urn, kindle:...
	Title   string   // the document's title, where the file gives one
	Authors []string // the document's authors, where the file gives them
	// Annotation is the annotation as the file has it. Its Anchor holds
	// the selectors: Start and End are -1 when the file gives no
	// position, Exact is "" when it gives no quote.
	Annotation annotate.Annotation
	Order      int    // reading order within a document built from quotes
	Label      string // a line shown above the quote in such a document
}

// MaxImportSize is the largest annotation file read.
const MaxImportSize = 64 << 20

// Parse reads a file of annotations: W3C Web Annotation JSON-LD (one
// annotation, a list, a collection with pages), Hypothesis API JSON, or a
// Kindle "My Clippings.txt". now stands in for times the file lacks.
func Parse(name string, data []byte, now time.Time) ([]Incoming, error) {
	if len(data) > MaxImportSize {
		return nil, annotate.Problemf(annotate.ErrTooLarge, "%s is %d MB; Scholia reads annotation files of up to %d MB", name, len(data)>>20, MaxImportSize>>20)
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, annotate.Problemf(annotate.ErrEmpty, "%s is empty", name)
	}
	if trimmed[0] == '{' || trimmed[0] == '[' {
		var v any
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, jsonProblem(name, trimmed, err)
		}
		if dec.More() {
			return nil, annotate.Problemf(annotate.ErrInvalid, "%s has more after its JSON value ends; is it two files joined?", name)
		}
		if isHypothesis(v) {
			return parseHypothesis(name, v, now)
		}
		return parseW3C(name, v, now)
	}
	if bytes.Contains(trimmed, []byte("==========")) {
		return parseKindle(name, trimmed, now)
	}
	return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "%s is neither W3C or Hypothesis JSON nor a Kindle clippings file", name)
}

// jsonProblem says where JSON went wrong, by line.
func jsonProblem(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line := 1 + bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))
		return annotate.Problemf(annotate.ErrInvalid, "%s is not valid JSON: line %d: %s", name, line, syn.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return annotate.Problemf(annotate.ErrInvalid, "%s is not valid JSON: it ends too early; is it cut short?", name)
	}
	return annotate.Problemf(annotate.ErrInvalid, "%s is not valid JSON: %v", name, err)
}

// idFrom makes an annotation id from another tool's: a urn:uuid is kept,
// anything else becomes a name-based UUID, the same on every import.
func idFrom(kind, id string) string {
	if u, err := uuid.Parse(strings.TrimPrefix(id, "urn:uuid:")); err == nil {
		return u.String()
	}
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(kind+":"+id)).String()
}

// contentID names an annotation the file gives no id by what it says, so
// importing the file again finds it.
func contentID(kind string, parts ...string) string {
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(kind+":"+strings.Join(parts, "\x00"))).String()
}

func parseTime(s string, fallback time.Time) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.UTC()
		}
	}
	return fallback
}

// shapeError says a JSON value is not what the format needs.
func shapeError(name, what string) error {
	return annotate.Problemf(annotate.ErrInvalid, "%s: %s; expected W3C Web Annotations (one, a list, or a collection) or Hypothesis API rows", name, what)
}

func describe(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return "a string"
	case nil:
		return "null"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	}
	return fmt.Sprintf("%T", v)
}
