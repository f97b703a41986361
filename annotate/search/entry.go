package search

import (
	"strings"
	"time"

	"scholia/annotate"
)

// Field names a part of an entry.
type Field uint8

// The fields of an entry, from the weightiest.
const (
	FieldQuote Field = iota
	FieldBody
	FieldAnswer
	FieldTags
	FieldTitle
	FieldByline
	FieldSite
	numFields
)

// fieldWeight is how much a match in each field counts (see the package
// comment).
var fieldWeight = [numFields]int{FieldQuote: 10, FieldBody: 10, FieldAnswer: 9, FieldTags: 8, FieldTitle: 5, FieldByline: 4, FieldSite: 4}

// Entry is one thing search can find: an annotation, or a document when
// Document is set (then ID is the document's id).
type Entry struct {
	ID       string
	DocID    string
	Document bool
	Kind     annotate.Kind
	Colour   annotate.Colour
	Status   annotate.Status
	Tags     []string
	Start    int
	End      int
	Anchored bool
	Modified time.Time
	Fields   [numFields]string
}

// Clone is e with its texts copied: for an entry read from a snapshot
// lying in memory that is to be unmapped or reused.
func (e Entry) Clone() Entry {
	e.ID, e.DocID = strings.Clone(e.ID), strings.Clone(e.DocID)
	e.Kind = annotate.Kind(strings.Clone(string(e.Kind)))
	e.Colour = annotate.Colour(strings.Clone(string(e.Colour)))
	e.Status = annotate.Status(strings.Clone(string(e.Status)))
	if e.Tags != nil {
		tags := make([]string, len(e.Tags))
		for i, t := range e.Tags {
			tags[i] = strings.Clone(t)
		}
		e.Tags = tags
	}
	for f := range e.Fields {
		e.Fields[f] = strings.Clone(e.Fields[f])
	}
	return e
}

// AnnotationEntry describes an annotation of the document titled title.
func AnnotationEntry(a annotate.Annotation, title string) Entry {
	e := Entry{ID: a.ID, DocID: a.DocID, Kind: a.Kind, Colour: a.Colour, Status: a.Status,
		Tags: a.Tags, Modified: a.Modified}
	if a.Anchor != nil {
		e.Start, e.End, e.Anchored = a.Anchor.Start, a.Anchor.End, true
		e.Fields[FieldQuote] = a.Anchor.Exact
	}
	e.Fields[FieldBody] = a.Body
	if a.Answer != nil {
		e.Fields[FieldAnswer] = a.Answer.Text
	}
	e.Fields[FieldTags] = strings.Join(a.Tags, " ")
	e.Fields[FieldTitle] = title
	return e
}

// DocumentEntry describes a document.
func DocumentEntry(d annotate.Document) Entry {
	e := Entry{ID: d.ID, DocID: d.ID, Document: true, Modified: d.Imported}
	e.Fields[FieldTitle] = d.Title
	e.Fields[FieldByline] = d.Byline
	e.Fields[FieldSite] = d.Site
	return e
}
