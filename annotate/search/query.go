package search

import (
	"strings"
	"unicode"
)

// Query is a parsed search: free words matched fuzzily in any order,
// phrases that must appear exactly, and filters.
type Query struct {
	Words   []string // lower-cased words of the free text
	Phrases []string // lower-cased quoted phrases
	Tag     string
	Kind    string
	Status  string
	Colour  string
	In      string // part of a document title, lower-cased
	Doc     string // one document's id
}

// Empty says whether the query asks for nothing.
func (q Query) Empty() bool {
	return len(q.Words) == 0 && len(q.Phrases) == 0 && q.Tag == "" && q.Kind == "" && q.Status == "" && q.Colour == "" && q.In == "" && q.Doc == ""
}

// filtersAnnotations says whether the query can only match annotations.
func (q Query) filtersAnnotations() bool {
	return q.Tag != "" || q.Kind != "" || q.Status != "" || q.Colour != ""
}

// Parse reads the query language: free words, "quoted phrases", and the
// filters tag:x, kind:highlight|note|question, is:open|answered|dropped,
// colour:yellow (or color:), in:"part of a title", doc:ID (one document).
// Anything else with a colon is a free word.
func Parse(s string) Query {
	var q Query
	for _, tok := range tokens(s) {
		key, value, hasKey := strings.Cut(tok, ":")
		value = strings.TrimSpace(strings.ToLower(strings.Trim(value, `"`)))
		switch {
		case hasKey && strings.EqualFold(key, "tag") && value != "":
			q.Tag = strings.TrimPrefix(value, "#")
		case hasKey && strings.EqualFold(key, "kind") && value != "":
			q.Kind = value
		case hasKey && strings.EqualFold(key, "is") && value != "":
			q.Status = value
		case hasKey && (strings.EqualFold(key, "colour") || strings.EqualFold(key, "color")) && value != "":
			q.Colour = value
		case hasKey && strings.EqualFold(key, "in") && value != "":
			q.In = value
		case hasKey && strings.EqualFold(key, "doc") && value != "":
			q.Doc = value
		case strings.HasPrefix(tok, `"`):
			if p := strings.ToLower(strings.TrimSpace(strings.Trim(tok, `"`))); p != "" {
				q.Phrases = append(q.Phrases, p)
				words(p, func(w string, _ span) { q.Words = append(q.Words, w) })
			}
		default:
			words(tok, func(w string, _ span) { q.Words = append(q.Words, w) })
		}
	}
	return q
}

// tokens splits on spaces, keeping quoted runs (also after "key:") whole.
// A quote left open runs to the end of the query, without the spaces after
// it: `"in principle ` is the phrase being typed, "in principle".
func tokens(s string) []string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	var out []string
	var b strings.Builder
	quoted := false
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			b.WriteRune(r)
		case unicode.IsSpace(r) && !quoted:
			flush()
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return out
}
