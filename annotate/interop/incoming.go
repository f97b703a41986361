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
	// Passage marks the passage a question is answered with, embedded in
	// the question: it is added only when the file does not hold that
	// annotation itself.
	Passage bool
}

// Parse reads a file of annotations held in memory: see Read. The
// passages questions are answered with come after the annotations, each
// once and only when the file does not hold it among its annotations.
func Parse(name string, data []byte, now time.Time) ([]Incoming, error) {
	var out, passages []Incoming
	err := Read(name, bytes.NewReader(data), now, func(in Incoming) error {
		if in.Passage {
			passages = append(passages, in)
		} else {
			out = append(out, in)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, in := range out {
		have[in.Annotation.ID] = true
	}
	for _, p := range passages {
		if !have[p.Annotation.ID] {
			have[p.Annotation.ID] = true
			p.Passage = false
			out = append(out, p)
		}
	}
	return out, nil
}

// jsonProblem says where JSON went wrong, by line when the reader still
// knows it.
func jsonProblem(name string, in *input, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return annotate.Problemf(annotate.ErrInvalid, "%s is not valid JSON: %s: %s", name, in.where(syn.Offset), syn.Error())
	}
	if errors.Is(err, errTooBig) {
		return annotate.Problemf(annotate.ErrTooLarge, "%s holds a single value larger than %d MB (near byte %d); Scholia reads annotations of up to %d MB each", name, MaxItemSize>>20, in.read, MaxItemSize>>20)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
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

// createdPart is what an annotation's time adds to its content id: its
// time as the file gives it, nothing when the file gives none (the time
// of the import stands in for it then, and an id made of that would
// change on every import, so that importing the file again would add the
// annotation again).
func createdPart(created, now time.Time) string {
	if created.Equal(now) {
		return ""
	}
	return created.String()
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
