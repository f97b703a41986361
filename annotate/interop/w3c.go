package interop

import (
	"encoding/json"
	"strings"
	"time"

	"scholia/annotate"
)

// w3cWalker reads W3C Web Annotations from decoded JSON: one, a list, an
// AnnotationPage or an AnnotationCollection whose pages are embedded
// (pages given only by address are not fetched: Scholia never goes
// online). The passage a question is answered with, embedded in it
// (scholia:answerPassage), follows the question, marked Passage.
type w3cWalker struct {
	name string
	now  time.Time
	emit func(Incoming) error
}

func (w *w3cWalker) walk(v any, depth int) error {
	if depth > 8 {
		return shapeError(w.name, "collections nest too deeply")
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if err := w.walk(e, depth+1); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		switch {
		case hasType(t, "AnnotationCollection"):
			if first, ok := t["first"].(map[string]any); ok {
				return w.walk(first, depth+1)
			}
			if _, ok := t["first"].(string); ok {
				return linkedPages(w.name)
			}
			return nil
		case hasType(t, "AnnotationPage"):
			if err := w.walk(t["items"], depth+1); err != nil {
				return err
			}
			if next, ok := t["next"].(map[string]any); ok {
				return w.walk(next, depth+1)
			}
			return nil
		case hasType(t, "Annotation") || t["target"] != nil:
			return w.annotation(t)
		}
		return notAnnotation(w.name)
	case nil:
		return nil
	}
	return shapeError(w.name, "found "+describe(v)+" where an annotation should be")
}

// annotation reads one annotation and the passage it embeds.
func (w *w3cWalker) annotation(t map[string]any) error {
	in, err := w3cAnnotation(w.name, t, w.now)
	if err != nil {
		return err
	}
	var passage *Incoming
	if p, ok := t[propPassage].(map[string]any); ok {
		pin, err := w3cAnnotation(w.name, p, w.now)
		if err != nil {
			return err
		}
		if in.Annotation.Answer == nil {
			in.Annotation.Answer = &annotate.Answer{}
		}
		if in.Annotation.Answer.Link == "" {
			in.Annotation.Answer.Link = pin.Annotation.ID
		}
		pin.Passage = true
		passage = &pin
	}
	if err := w.emit(in); err != nil {
		return err
	}
	if passage != nil {
		return w.emit(*passage)
	}
	return nil
}

func linkedPages(name string) error {
	return shapeError(name, "the collection's pages are only linked, not included, and Scholia does not go online to fetch them")
}

func notAnnotation(name string) error {
	return shapeError(name, "an object is neither an Annotation, an AnnotationPage nor an AnnotationCollection")
}

func w3cAnnotation(name string, m map[string]any, now time.Time) (Incoming, error) {
	a := annotate.Annotation{
		Created:  parseTime(str(m["created"]), now),
		Modified: parseTime(str(m["modified"]), time.Time{}),
	}
	if a.Modified.IsZero() {
		a.Modified = a.Created
	}
	motivations := strs(m["motivation"])
	var notes []string
	for _, b := range list(m["body"]) {
		text, purpose, isTag := bodyText(b)
		switch {
		case isTag || purpose == "tagging":
			a.Tags = append(a.Tags, text)
		case text != "":
			notes = append(notes, text)
		}
	}
	if bv := str(m["bodyValue"]); bv != "" {
		notes = append(notes, bv)
	}
	a.Body = strings.Join(notes, "\n\n")

	source, title, anchor := w3cTarget(m["target"])
	if source == "" {
		return Incoming{}, shapeError(name, "an annotation has no target to say which document it belongs to")
	}
	a.Anchor = anchor
	a.Kind = w3cKind(str(m[propKind]), motivations, a.Body, anchor)
	if c := annotate.Colour(str(m[propColour])); c.Valid() {
		a.Colour = c
	}
	a.Status = annotate.Status(str(m[propStatus]))
	if a.Kind == annotate.KindQuestion && a.Status == "" {
		a.Status = annotate.StatusOpen
	}
	if ans, link := str(m[propAnswer]), str(m[propLink]); ans != "" || link != "" {
		a.Answer = &annotate.Answer{Text: ans}
		if link != "" {
			a.Answer.Link = idFrom("w3c", link)
		}
	}
	if orphan, ok := m[propOrphan].(bool); ok && orphan && anchor != nil {
		anchor.Start, anchor.End = -1, -1
	}
	if id := str(m["id"]); id != "" {
		a.ID = idFrom("w3c", id)
	} else {
		exact := ""
		if anchor != nil {
			exact = anchor.Exact
		}
		a.ID = contentID("w3c", source, exact, a.Body, createdPart(a.Created, now))
	}
	if err := a.Validate(); err != nil {
		return Incoming{}, annotate.Problemf(annotate.ErrInvalid, "%s: annotation %s: %v", name, str(m["id"]), err)
	}
	return Incoming{Source: source, Title: title, Annotation: a}, nil
}

// w3cKind: Scholia's own kind when the file has it, else from the
// motivation and what the annotation holds.
func w3cKind(own string, motivations []string, body string, anchor *annotate.Anchor) annotate.Kind {
	switch k := annotate.Kind(own); k {
	case annotate.KindHighlight, annotate.KindNote, annotate.KindQuestion:
		if k != annotate.KindHighlight || anchor != nil {
			return k
		}
	}
	for _, m := range motivations {
		if m == "questioning" || m == "oa:questioning" {
			return annotate.KindQuestion
		}
	}
	if body != "" || anchor == nil {
		return annotate.KindNote
	}
	return annotate.KindHighlight
}

// bodyText is what a body says: a TextualBody's value, an embedded or
// external resource's address (kept as text so nothing is lost), or a
// Choice's first option.
func bodyText(b any) (text, purpose string, isTag bool) {
	switch t := b.(type) {
	case string:
		return t, "", false
	case map[string]any:
		purpose = str(t["purpose"])
		if hasType(t, "Choice") {
			if items := list(t["items"]); len(items) > 0 {
				text, p, tag := bodyText(items[0])
				return text, firstOf(purpose, p), tag
			}
			return "", purpose, false
		}
		if hasType(t, "SpecificResource") {
			text, p, tag := bodyText(t["source"])
			return text, firstOf(purpose, p), tag || purpose == "tagging"
		}
		if v, ok := t["value"].(string); ok {
			return v, purpose, hasType(t, "Tag")
		}
		return str(t["id"]), purpose, false
	}
	return "", "", false
}

// w3cTarget is the document a target points at and the passage its
// selectors describe (nil for the whole document).
func w3cTarget(t any) (source, title string, anchor *annotate.Anchor) {
	for _, target := range list(t) {
		switch v := target.(type) {
		case string:
			return stripFragment(v), "", nil
		case map[string]any:
			src := v["source"]
			if s, ok := src.(map[string]any); ok {
				src = s["id"]
			}
			if src == nil {
				src = v["id"]
			}
			if str(src) == "" {
				continue
			}
			return str(src), str(v[propTitle]), selectors(v["selector"])
		}
	}
	return "", "", nil
}

func stripFragment(iri string) string {
	if i := strings.IndexByte(iri, '#'); i > 0 && !strings.HasPrefix(iri, "urn:") {
		return iri[:i]
	}
	return iri
}

// selectors reads TextQuoteSelector and TextPositionSelector, also inside
// a RangeSelector's start and end or a refinedBy chain.
func selectors(v any) *annotate.Anchor {
	an := annotate.Anchor{Start: -1, End: -1}
	found := false
	var read func(v any, depth int)
	read = func(v any, depth int) {
		if depth > 8 {
			return
		}
		for _, s := range list(v) {
			m, ok := s.(map[string]any)
			if !ok {
				continue
			}
			switch {
			case hasType(m, "TextQuoteSelector"):
				an.Exact, an.Prefix, an.Suffix = str(m["exact"]), str(m["prefix"]), str(m["suffix"])
				found = found || an.Exact != ""
			case hasType(m, "TextPositionSelector"):
				s, okS := num(m["start"])
				e, okE := num(m["end"])
				if okS && okE && s >= 0 && e > s {
					an.Start, an.End, found = s, e, true
				}
			case hasType(m, "RangeSelector"):
				read(m["startSelector"], depth+1)
			}
			if r, ok := m["refinedBy"]; ok {
				read(r, depth+1)
			}
		}
	}
	read(v, 0)
	if !found {
		return nil
	}
	return &an
}

func hasType(m map[string]any, t string) bool {
	for _, s := range strs(m["type"]) {
		if s == t || s == "oa:"+t {
			return true
		}
	}
	return false
}

func list(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

func strs(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func num(v any) (int, bool) {
	switch t := v.(type) {
	case json.Number:
		n, err := t.Int64()
		if err != nil || n > 1<<40 {
			return 0, false
		}
		return int(n), true
	case float64:
		return int(t), t == float64(int(t))
	}
	return 0, false
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
