package interop

import (
	"strconv"
	"time"

	"scholia/annotate"
)

// isHypothesis tells Hypothesis API JSON (a search result with rows, or
// rows themselves: objects with a uri and a target list) from W3C.
func isHypothesis(v any) bool {
	if m, ok := v.(map[string]any); ok {
		if _, ok := m["rows"]; ok {
			return true
		}
		_, uri := m["uri"]
		return uri && m["type"] == nil
	}
	if l, ok := v.([]any); ok && len(l) > 0 {
		return isHypothesis(l[0])
	}
	return false
}

// hypothesisRow reads Hypothesis API row i (from 0): a highlight (a
// quote, no text), a note (a quote and text) or a page note (text only),
// with tags.
func hypothesisRow(name string, i int, r any, now time.Time) (Incoming, error) {
	m, ok := r.(map[string]any)
	if !ok {
		return Incoming{}, shapeError(name, "Hypothesis row "+strconv.Itoa(i+1)+" is "+describe(r))
	}
	source, _, anchor := w3cTarget(m["target"])
	if uri := str(m["uri"]); uri != "" {
		source = uri
	}
	if source == "" {
		return Incoming{}, shapeError(name, "Hypothesis row "+strconv.Itoa(i+1)+" has no uri")
	}
	a := annotate.Annotation{
		Anchor:   anchor,
		Body:     str(m["text"]),
		Tags:     strs(m["tags"]),
		Created:  parseTime(str(m["created"]), now),
		Modified: parseTime(str(m["updated"]), time.Time{}),
		Colour:   annotate.Yellow,
	}
	if a.Modified.IsZero() {
		a.Modified = a.Created
	}
	switch {
	case anchor == nil || a.Body != "":
		a.Kind = annotate.KindNote
	default:
		a.Kind = annotate.KindHighlight
	}
	if id := str(m["id"]); id != "" {
		a.ID = idFrom("hypothesis", id)
	} else {
		a.ID = contentID("hypothesis", source, a.Body, createdPart(a.Created, now))
	}
	var title string
	if doc, ok := m["document"].(map[string]any); ok {
		title = str(doc["title"])
	}
	return Incoming{Source: source, Title: title, Annotation: a}, nil
}
