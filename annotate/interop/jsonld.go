package interop

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
)

// AnnoContext is the W3C Web Annotation JSON-LD context.
const AnnoContext = "http://www.w3.org/ns/anno.jsonld"

// vocab names Scholia's own properties (colour, question status, answer,
// orphan) so that nothing of an annotation is lost in JSON-LD. It is a URN:
// nothing is ever fetched from it.
const vocab = "urn:scholia:vocab#"

var context = []any{AnnoContext, map[string]string{"scholia": vocab}}

// Scholia's own properties.
const (
	propKind    = "scholia:kind"
	propColour  = "scholia:colour"
	propStatus  = "scholia:status"
	propAnswer  = "scholia:answer"
	propLink    = "scholia:answerLink"
	propPassage = "scholia:answerPassage"
	propOrphan  = "scholia:orphan"
	propTitle   = "scholia:sourceTitle"
)

const exportLabel = "Annotations exported from Scholia"

type jsonCollection struct {
	Context   []any    `json:"@context"`
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label"`
	Total     int      `json:"total"`
	Created   string   `json:"created"`
	First     jsonPage `json:"first"`
	Last      string   `json:"last"`
	Generator string   `json:"generator"`
}

type jsonPage struct {
	ID         string           `json:"id"`
	Type       string           `json:"type"`
	PartOf     string           `json:"partOf"`
	StartIndex int              `json:"startIndex"`
	Items      []map[string]any `json:"items"`
}

// writeJSONLD writes one AnnotationCollection whose single AnnotationPage
// holds every annotation.
//
// A question answered with a passage carries that passage whole, embedded
// as scholia:answerPassage (an Annotation with its own target, selectors
// and source), beside scholia:answerLink, its id. Embedding it, rather
// than adding the answering annotation to the collection's items, keeps
// the collection to what the reader chose to export: another tool reading
// the file finds no stray highlight on a document that was not exported,
// and total counts the annotations asked for. The file is still complete
// on its own: an import that lacks the passage adds it from there, on its
// document or on one made of its quote, and the answer's link holds.
func writeJSONLD(w io.Writer, secs []Section, answers Answers, now time.Time) error {
	var items []map[string]any
	for _, s := range secs {
		for i := range s.Annotations {
			items = append(items, annotationJSON(&s.Doc, &s.Annotations[i], answers))
		}
	}
	if items == nil {
		items = []map[string]any{}
	}
	id := "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(now.String())).String()
	page := "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(id+"/page1")).String()
	c := jsonCollection{
		Context: context, ID: id, Type: "AnnotationCollection", Label: exportLabel,
		Total: len(items), Created: stamp(now), Last: page,
		First: jsonPage{ID: page, Type: "AnnotationPage", PartOf: id, Items: items},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// AnnotationJSON is one annotation as a standalone W3C Web Annotation,
// with its own @context.
func AnnotationJSON(doc *annotate.Document, a *annotate.Annotation) map[string]any {
	m := annotationJSON(doc, a, nil)
	m["@context"] = context
	return m
}

// annotationJSON is one annotation as a W3C Web Annotation; the passage a
// question is answered with is embedded when answers has it (once: the
// passage embeds no passage of its own).
func annotationJSON(doc *annotate.Document, a *annotate.Annotation, answers Answers) map[string]any {
	m := map[string]any{
		"id":         "urn:uuid:" + a.ID,
		"type":       "Annotation",
		"motivation": motivation(a),
		"created":    stamp(a.Created),
		"modified":   stamp(a.Modified),
		propKind:     string(a.Kind),
	}
	var bodies []map[string]any
	if body := strings.TrimSpace(a.Body); body != "" {
		purpose := "commenting"
		if a.Kind == annotate.KindQuestion {
			purpose = "questioning"
		}
		bodies = append(bodies, map[string]any{"type": "TextualBody", "value": a.Body, "format": "text/plain", "purpose": purpose})
	}
	for _, t := range a.Tags {
		bodies = append(bodies, map[string]any{"type": "TextualBody", "value": t, "purpose": "tagging"})
	}
	if len(bodies) > 0 {
		m["body"] = bodies
	}
	if a.Colour != "" {
		m[propColour] = string(a.Colour)
	}
	if a.Status != "" {
		m[propStatus] = string(a.Status)
	}
	if a.Answer != nil {
		if a.Answer.Text != "" {
			m[propAnswer] = a.Answer.Text
		}
		if a.Answer.Link != "" {
			m[propLink] = "urn:uuid:" + a.Answer.Link
		}
		if p, _, ok := answers.answering(a); ok {
			m[propPassage] = annotationJSON(&p.Doc, &p.Annotation, nil)
		}
	}
	target := map[string]any{"source": DocumentURI(doc)}
	if title := doc.Ref().Title; title != "" {
		target[propTitle] = title
	}
	if an := a.Anchor; an != nil {
		sel := []map[string]any{{"type": "TextQuoteSelector", "exact": an.Exact, "prefix": an.Prefix, "suffix": an.Suffix}}
		if a.Orphan {
			m[propOrphan] = true
		} else {
			sel = append(sel, map[string]any{"type": "TextPositionSelector", "start": an.Start, "end": an.End})
		}
		target["selector"] = sel
	}
	m["target"] = target
	return m
}

func motivation(a *annotate.Annotation) string {
	switch {
	case a.Kind == annotate.KindQuestion:
		return "questioning"
	case strings.TrimSpace(a.Body) != "":
		return "commenting"
	case len(a.Tags) > 0:
		return "tagging"
	}
	return "highlighting"
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
