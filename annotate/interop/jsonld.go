package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
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
//
// The collection is written as it is read, one annotation at a time:
// its total, known only at the end, follows the page (JSON-LD gives the
// order of an object's members no meaning). Each annotation is one line
// of compact JSON: indenting them made the file a third larger and its
// writing a third slower.
func writeJSONLD(w io.Writer, secs Sections, answers Answers, now time.Time) error {
	id := "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(now.String())).String()
	page := "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(id+"/page1")).String()
	b := bufio.NewWriterSize(w, 64<<10)
	head, err := json.Marshal(context)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "{\n  \"@context\": %s,\n  \"id\": %q,\n  \"type\": \"AnnotationCollection\",\n  \"label\": %q,\n  \"created\": %q,\n", head, id, exportLabel, stamp(now))
	fmt.Fprintf(b, "  \"first\": {\n    \"id\": %q,\n    \"type\": \"AnnotationPage\",\n    \"partOf\": %q,\n    \"startIndex\": 0,\n    \"items\": [", page, id)
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	total := 0
	err = secs(func(s Section) error {
		for i := range s.Annotations {
			item.Reset()
			if err := enc.Encode(annotationJSON(&s.Doc, &s.Annotations[i], answers)); err != nil {
				return err
			}
			if total > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n      ")
			b.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
			total++
		}
		return nil
	})
	if err != nil {
		return err
	}
	if total > 0 {
		b.WriteString("\n    ")
	}
	fmt.Fprintf(b, "]\n  },\n  \"last\": %q,\n  \"total\": %d,\n  \"generator\": \"\"\n}\n", page, total)
	return b.Flush()
}

// AnnotationJSON is one annotation as a standalone W3C Web Annotation,
// with its own @context.
func AnnotationJSON(doc *annotate.Document, a *annotate.Annotation) map[string]any {
	j := annotationJSON(doc, a, nil)
	j.Context = context
	data, err := json.Marshal(j)
	if err != nil {
		panic(err) // strings, numbers and lists of them always encode
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	return m
}

// w3cJSON is an annotation as exports write it: a struct, not a map, so
// that 100,000 encode in a fraction of a second. The names beginning with
// scholia: are Scholia's own properties (the prop constants).
type w3cJSON struct {
	Context    []any      `json:"@context,omitempty"`
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Motivation string     `json:"motivation"`
	Created    string     `json:"created"`
	Modified   string     `json:"modified"`
	Kind       string     `json:"scholia:kind"`
	Body       []bodyJSON `json:"body,omitempty"`
	Colour     string     `json:"scholia:colour,omitempty"`
	Status     string     `json:"scholia:status,omitempty"`
	Answer     string     `json:"scholia:answer,omitempty"`
	Link       string     `json:"scholia:answerLink,omitempty"`
	Passage    *w3cJSON   `json:"scholia:answerPassage,omitempty"`
	Orphan     bool       `json:"scholia:orphan,omitempty"`
	Target     targetJSON `json:"target"`
}

type bodyJSON struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Format  string `json:"format,omitempty"`
	Purpose string `json:"purpose"`
}

type targetJSON struct {
	Source   string `json:"source"`
	Title    string `json:"scholia:sourceTitle,omitempty"`
	Selector []any  `json:"selector,omitempty"`
}

type quoteJSON struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// fragmentJSON is a FragmentSelector naming a PDF's page as RFC 8118's
// fragment identifiers do: "page=12" (the page's number, from 1, not its
// printed label).
type fragmentJSON struct {
	Type       string `json:"type"`
	ConformsTo string `json:"conformsTo"`
	Value      string `json:"value"`
}

// rfc8118 is what a FragmentSelector on a PDF's page conforms to.
const rfc8118 = "http://tools.ietf.org/rfc/rfc8118"

type positionJSON struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// annotationJSON is one annotation as a W3C Web Annotation; the passage a
// question is answered with is embedded when answers has it (once: the
// passage embeds no passage of its own).
func annotationJSON(doc *annotate.Document, a *annotate.Annotation, answers Answers) *w3cJSON {
	m := &w3cJSON{
		ID:         "urn:uuid:" + a.ID,
		Type:       "Annotation",
		Motivation: motivation(a),
		Created:    stamp(a.Created),
		Modified:   stamp(a.Modified),
		Kind:       string(a.Kind),
		Colour:     string(a.Colour),
		Status:     string(a.Status),
	}
	if body := strings.TrimSpace(a.Body); body != "" {
		purpose := "commenting"
		if a.Kind == annotate.KindQuestion {
			purpose = "questioning"
		}
		m.Body = append(m.Body, bodyJSON{Type: "TextualBody", Value: a.Body, Format: "text/plain", Purpose: purpose})
	}
	for _, t := range a.Tags {
		m.Body = append(m.Body, bodyJSON{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	if a.Answer != nil {
		m.Answer = a.Answer.Text
		if a.Answer.Link != "" {
			m.Link = "urn:uuid:" + a.Answer.Link
		}
		if p, _, ok := answers.answering(a); ok {
			m.Passage = annotationJSON(&p.Doc, &p.Annotation, nil)
		}
	}
	m.Target = targetJSON{Source: DocumentURI(doc), Title: doc.Ref().Title}
	if an := a.Anchor; an != nil {
		m.Target.Selector = []any{quoteJSON{Type: "TextQuoteSelector", Exact: an.Exact, Prefix: an.Prefix, Suffix: an.Suffix}}
		if a.Orphan {
			m.Orphan = true
		} else {
			m.Target.Selector = append(m.Target.Selector, positionJSON{Type: "TextPositionSelector", Start: an.Start, End: an.End})
			if page := doc.PageAt(an.Start); page > 0 {
				m.Target.Selector = append(m.Target.Selector, fragmentJSON{Type: "FragmentSelector", ConformsTo: rfc8118, Value: "page=" + strconv.Itoa(page)})
			}
		}
	}
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
