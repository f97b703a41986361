package search

import (
	"strings"

	"scholia/annotate"
)

// A query's filters (kind:, tag:, doc:, in:, ...) and "quoted phrases"
// narrow what its words found; see Parse.

// passesAll says whether entry n passes the query's filters and holds
// its phrases.
func (ix *Index) passesAll(n int32, q Query) bool {
	e := ix.entry(n)
	return passes(e, q) && hasPhrases(e, q)
}

func hasPhrases(e *Entry, q Query) bool {
	for _, p := range q.Phrases {
		if !containsPhrase(e, p) {
			return false
		}
	}
	return true
}

// passes applies the filters.
func passes(e *Entry, q Query) bool {
	if q.Doc != "" && !strings.EqualFold(e.DocID, q.Doc) {
		return false
	}
	if e.Document {
		return !q.filtersAnnotations() && (q.In == "" || strings.Contains(strings.ToLower(e.Fields[FieldTitle]), q.In))
	}
	switch {
	case q.Kind != "" && string(e.Kind) != q.Kind,
		q.Status != "" && string(e.Status) != q.Status,
		q.Colour != "" && string(e.Colour) != q.Colour,
		q.In != "" && !strings.Contains(strings.ToLower(e.Fields[FieldTitle]), q.In):
		return false
	}
	if q.Tag != "" {
		// tag:"diplomatic language" and tag:diplomatic-language both find
		// the tag "diplomatic language".
		want := annotate.TagKey(q.Tag)
		for _, t := range e.Tags {
			if annotate.TagKey(t) == want {
				return true
			}
		}
		return false
	}
	return true
}

func containsPhrase(e *Entry, p string) bool {
	for _, f := range e.Fields {
		if strings.Contains(strings.ToLower(f), p) {
			return true
		}
	}
	return false
}
