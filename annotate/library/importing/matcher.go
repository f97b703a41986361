// Package importing brings in the annotations other tools exported (W3C
// JSON-LD, Hypothesis JSON, Kindle clippings, read by annotate/interop):
// it spools a file of any size to temporary files, matches each
// annotation's source to a document of the library and places it on that
// document's text, by position, then by quote, else as an orphan, or on a
// document made of the quotes of a source the library does not hold. It
// writes nothing: annotate/library commits what it places.
package importing

import (
	"strings"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/store"
)

// Store is what matching reads of the library.
type Store interface {
	Document(id string) (*annotate.Document, error)
	DocumentIDBySource(source string) (string, error)
	Known(ids []string) (map[string]bool, error)
}

// groupBySource is items by their source, the sources in the order the
// items first name them.
func groupBySource(items []interop.Incoming) ([]string, map[string][]interop.Incoming) {
	var sources []string
	by := map[string][]interop.Incoming{}
	for _, in := range items {
		if _, ok := by[in.Source]; !ok {
			sources = append(sources, in.Source)
		}
		by[in.Source] = append(by[in.Source], in)
	}
	return sources, by
}

// Unknown is items without those the library holds already, and each
// once (both counted as existing: an annotation a file holds twice is in
// the library by its second).
func (m *Matcher) Unknown(items []interop.Incoming, res *Result) ([]interop.Incoming, error) {
	ids := make([]string, len(items))
	for i, in := range items {
		ids[i] = in.Annotation.ID
	}
	known, err := m.store.Known(ids)
	if err != nil {
		return nil, err
	}
	out := items[:0]
	for _, in := range items {
		if known[in.Annotation.ID] {
			res.Existing++
			continue
		}
		known[in.Annotation.ID] = true
		out = append(out, in)
	}
	return out, nil
}

// Place places items, the library does not hold yet, source by source
// and adds them to c. A document c makes or revises is kept until c
// commits (Committed), so that a later batch placed into the same change
// finds it.
func (m *Matcher) Place(items []interop.Incoming, c *store.Change, res *Result) error {
	sources, bySource := groupBySource(items)
	for _, src := range sources {
		if err := m.placeSource(src, bySource[src], c, res); err != nil {
			return err
		}
	}
	return nil
}

// placeSource places the annotations of one source and adds them to c.
func (m *Matcher) placeSource(src string, items []interop.Incoming, c *store.Change, res *Result) error {
	docID := m.Find(src)
	if docID == "" {
		doc, anns, orphans, err := m.quotesDocument(src, items)
		if err != nil {
			return err
		}
		res.Orphans += orphans
		c.New = append(c.New, doc)
		c.Annotations = append(c.Annotations, anns...)
		res.Documents = append(res.Documents, doc.Title)
		res.Added += len(anns)
		m.byURL[src] = doc.ID
		m.title[doc.ID] = doc.Title
		m.grown[doc.ID] = true
		m.pending[doc.ID] = doc
		return nil
	}
	pending, inChange := m.pending[docID]
	anns, revised, orphans, err := m.placeOn(docID, pending, items, m.grown[docID])
	if err != nil {
		return err
	}
	switch {
	case revised != nil && inChange:
		replaceDocument(c, revised)
	case revised != nil && m.grown[docID]:
		// Made or revised by an earlier transaction of this import:
		// replaced, not kept as a revision.
		c.New = append(c.New, revised)
	case revised != nil:
		c.Revised = append(c.Revised, revised)
	}
	if revised != nil {
		m.grown[docID] = true
		m.pending[docID] = revised
	}
	c.Annotations = append(c.Annotations, anns...)
	res.Added += len(items)
	res.Orphans += orphans
	return nil
}

// replaceDocument puts doc in c in place of the version of it c holds.
func replaceDocument(c *store.Change, doc *annotate.Document) {
	for _, list := range [][]*annotate.Document{c.New, c.Revised} {
		for i, d := range list {
			if d.ID == doc.ID {
				list[i] = doc
			}
		}
	}
}

// Matcher finds the document an imported annotation's source names: its
// path or URL as imported, its canonical URL, the urn:sha256 of its
// bytes that exports use for local files, or for a PDF the
// urn:x-pdf:<fingerprint> Hypothesis names it by.
type Matcher struct {
	store  Store
	now    func() time.Time
	byURL  map[string]string
	byHash map[string]string
	byPDF  map[string]string // by Fingerprint
	title  map[string]string
	grown  map[string]bool // documents this import made or revised
	// pending holds the documents the change not yet committed makes or
	// revises, as it will write them.
	pending map[string]*annotate.Document
}

// NewMatcher is a matcher for an import into the library st holding docs;
// now stamps the documents it makes.
func NewMatcher(st Store, docs []annotate.Document, now func() time.Time) *Matcher {
	m := &Matcher{store: st, now: now, byURL: map[string]string{}, byHash: map[string]string{}, byPDF: map[string]string{}, title: map[string]string{}, grown: map[string]bool{},
		pending: map[string]*annotate.Document{}}
	for _, d := range docs {
		if d.URL != "" {
			m.byURL[d.URL] = d.ID
		}
		m.byHash[d.Hash] = d.ID
		if d.Fingerprint != "" {
			m.byPDF[strings.ToLower(d.Fingerprint)] = d.ID
		}
		m.title[d.ID] = d.Title
	}
	return m
}

// Find is the id of the document source names, "" when the library
// holds none.
func (m *Matcher) Find(source string) string {
	if h, ok := strings.CutPrefix(source, "urn:sha256:"); ok {
		return m.byHash[h]
	}
	if f, ok := strings.CutPrefix(source, "urn:x-pdf:"); ok {
		if id, ok := m.byPDF[strings.ToLower(f)]; ok {
			return id
		}
	}
	if id, ok := strings.CutPrefix(source, "urn:scholia:"); ok {
		if _, ok := m.title[id]; ok {
			return id
		}
	}
	if id, ok := m.byURL[source]; ok {
		return id
	}
	if id, err := m.store.DocumentIDBySource(source); err == nil && id != "" {
		return id
	}
	if p, ok := strings.CutPrefix(source, "file://"); ok {
		if id, err := m.store.DocumentIDBySource(p); err == nil {
			return id
		}
	}
	return ""
}

// Committed records that c was committed: the documents it made or
// revised are now the library's.
func (m *Matcher) Committed(c store.Change) {
	for _, d := range append(c.New, c.Revised...) {
		m.title[d.ID] = d.Title
	}
	clear(m.pending)
}

// Title is the title of the document with this id.
func (m *Matcher) Title(docID string) string { return m.title[docID] }
