package annotate

import (
	"strings"
	"time"
)

// Reference is what a citation of a document says. Until the reader edits
// it, it is worked out from what the import found (Document.Ref).
type Reference struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors,omitempty"`   // "First Last" or an organisation's name
	Publisher string   `json:"publisher,omitempty"` // the site or the publisher
	Published string   `json:"published,omitempty"` // as the source gives it: 2024, 2024-03-02, ...
	URL       string   `json:"url,omitempty"`
	Accessed  string   `json:"accessed,omitempty"` // YYYY-MM-DD
	Abstract  string   `json:"abstract,omitempty"` // what the source says it is about (a PDF's Subject)
}

// Ref is the document's reference: the one the reader edited, or one
// prefilled from the import's metadata.
func (d *Document) Ref() Reference {
	if d.Reference != nil {
		return *d.Reference
	}
	r := Reference{
		Title:     d.Title,
		Authors:   SplitAuthors(d.Byline),
		Publisher: d.Site,
		Published: d.Published,
		URL:       d.URL,
		Abstract:  d.Description,
	}
	if r.URL == "" && (strings.HasPrefix(d.Source, "http://") || strings.HasPrefix(d.Source, "https://")) {
		r.URL = d.Source
	}
	if r.URL != "" && !d.Imported.IsZero() {
		r.Accessed = d.Imported.UTC().Format(time.DateOnly)
	}
	return r
}

// SplitAuthors reads a byline as a list of names: "By Ann Lee and Bo Chen",
// "Ann Lee, Bo Chen", "Lee;Chen", and "Schopenhauer, Arthur" (one name,
// inverted) as "Arthur Schopenhauer".
func SplitAuthors(byline string) []string {
	s := strings.TrimSpace(byline)
	for _, p := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, p)
	}
	if s == "" {
		return nil
	}
	var parts []string
	switch {
	case strings.Contains(s, ";"):
		parts = strings.Split(s, ";")
	default:
		s = strings.NewReplacer(", and ", ", ", " and ", ", ", " & ", ", ").Replace(s)
		parts = strings.Split(s, ",")
	}
	var names []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			names = append(names, p)
		}
	}
	if len(names) == 2 && !strings.Contains(names[0], " ") && !strings.Contains(names[1], " ") && !strings.Contains(byline, ";") && !strings.Contains(byline, " and ") {
		return []string{names[1] + " " + names[0]}
	}
	return names
}
