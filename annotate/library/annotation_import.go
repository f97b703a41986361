package library

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// AnnotationsImported says what importing a file of annotations did.
type AnnotationsImported struct {
	Added     int      // annotations added
	Existing  int      // already in the library (ids seen before): left as they are
	Orphans   int      // added, but their passage was not found in the document's text
	Documents []string // titles of documents made from the quotes, for sources not in the library
}

// summaryTitles is the most new documents a summary names: an import
// can make thousands, and the sentence must stay one a person reads.
const summaryTitles = 5

// Summary says in a sentence what the import did.
func (r AnnotationsImported) Summary() string {
	var parts []string
	parts = append(parts, plural(r.Added, "annotation")+" added")
	if r.Orphans > 0 {
		parts = append(parts, fmt.Sprintf("%d of them could not be placed on their passage and are kept under “Could not be placed”", r.Orphans))
	}
	if r.Existing > 0 {
		parts = append(parts, plural(r.Existing, "annotation")+" already in the library left as they are")
	}
	if n := len(r.Documents); n > 0 {
		titles := strings.Join(r.Documents[:min(n, summaryTitles)], "; ")
		if n > summaryTitles {
			titles += fmt.Sprintf("; and %d more", n-summaryTitles)
		}
		parts = append(parts, fmt.Sprintf("%s made from their quotes (%s)", plural(n, "new document"), titles))
	}
	return strings.Join(parts, "; ") + "."
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// ImportAnnotations reads a file of annotations (W3C JSON-LD, Hypothesis
// JSON, Kindle clippings) of any size and adds them: each goes on the
// document whose source matches, by position then by quote, or is kept
// as an orphan with its quote; annotations for sources the library does
// not hold go on a document made of their quotes. Importing the same file
// again changes nothing.
//
// The file is read twice over, in bounded memory. First it is read
// through and every annotation checked, each written to a spool file
// (temporary) as it is read: a file that is damaged, hostile or wrong
// anywhere is refused before the library is touched. Then the spool is
// read back in the file's order, in batches of importBatch annotations,
// each placed source by source; they are committed in one transaction
// when the file holds up to importBatch annotations (every ordinary
// import), else in transactions of about importBatch each, since bbolt
// holds every page a transaction writes in memory until it commits.
// Memory holds a batch and no record of each annotation, whatever the
// file's size: 1,000,000 annotations import in about 200 MB of heap
// (docs/PERFORMANCE.md).
// Such a batch only fails on a write failure (a full disk): the batches
// before it stay, each whole, and the sentence says so; importing the
// same file again adds the rest, since every annotation keeps its id.
func (l *Library) ImportAnnotations(path string) (AnnotationsImported, error) {
	f, err := os.Open(path)
	if err != nil {
		return AnnotationsImported{}, readProblem(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return AnnotationsImported{}, annotate.Problemf(annotate.ErrUnsupportedFormat, "cannot import %s: it is a folder; name the files in it", path)
	}
	return l.importAnnotations(filepath.Base(path), f)
}

// ImportAnnotationBytes is ImportAnnotations on a file's bytes.
func (l *Library) ImportAnnotationBytes(name string, data []byte) (AnnotationsImported, error) {
	return l.importAnnotations(name, bytes.NewReader(data))
}

// importBatch is how many annotations are read back and placed at a time;
// a transaction commits at least as many (fewer at the end), and fewer
// than twice as many. 10,000 rather than 20,000 took the heap of a
// 1,000,000-annotation import from 322 to 202 MB, for a few more fsyncs.
const importBatch = 10000

func (l *Library) importAnnotations(name string, r io.Reader) (AnnotationsImported, error) {
	sp, err := newSpool(name)
	if err != nil {
		return AnnotationsImported{}, err
	}
	defer sp.close()
	if err := interop.Read(name, r, l.now().UTC(), sp.add); err != nil {
		return AnnotationsImported{}, err
	}
	if err := sp.finish(); err != nil {
		return AnnotationsImported{}, err
	}
	m, err := l.matcher()
	if err != nil {
		return AnnotationsImported{}, err
	}
	res := AnnotationsImported{}
	var change store.Change
	saved := 0
	commit := func() error {
		if len(change.Annotations) == 0 {
			return nil
		}
		if err := l.store.Commit(change); err != nil {
			if saved > 0 {
				return fmt.Errorf("%s: %d annotations were saved before this failed; import the file again to add the rest: %w", name, saved, err)
			}
			return err
		}
		saved += len(change.Annotations)
		l.indexed(func(ix *search.Index) {
			for _, d := range append(change.New, change.Revised...) {
				ix.Put(search.DocumentEntry(*d))
				m.title[d.ID] = d.Title
			}
			for _, a := range change.Annotations {
				ix.Put(search.AnnotationEntry(*a, m.title[a.DocID]))
			}
		})
		change = store.Change{}
		clear(m.pending)
		return nil
	}
	place := func(items []interop.Incoming) error {
		items, err := l.unknown(items, &res)
		if err != nil {
			return err
		}
		sources, bySource := groupBySource(items)
		for _, src := range sources {
			if err := l.importSource(m, src, bySource[src], &change, &res); err != nil {
				return err
			}
		}
		if len(change.Annotations) >= importBatch {
			return commit()
		}
		return nil
	}
	err = sp.annotations.each(importBatch, func(items []interop.Incoming) error {
		for _, in := range items {
			if k := key(in.Annotation.ID); isPassage(sp.held, k) {
				sp.held[k] = true
			}
		}
		return place(items)
	})
	if err != nil {
		return AnnotationsImported{}, err
	}
	// The passages questions are answered with that the file does not
	// hold itself are added last, each once.
	err = sp.passages.each(importBatch, func(items []interop.Incoming) error {
		keep := items[:0]
		for _, in := range items {
			if k := key(in.Annotation.ID); !sp.held[k] {
				sp.held[k] = true
				keep = append(keep, in)
			}
		}
		return place(keep)
	})
	if err != nil {
		return AnnotationsImported{}, err
	}
	if err := commit(); err != nil {
		return AnnotationsImported{}, err
	}
	return res, nil
}

// isPassage says whether k is one of the passages questions are
// answered with.
func isPassage(passages map[[16]byte]bool, k [16]byte) bool {
	_, ok := passages[k]
	return ok
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

// unknown is items without those the library holds already, and each
// once (both counted as existing: an annotation a file holds twice is in
// the library by its second).
func (l *Library) unknown(items []interop.Incoming, res *AnnotationsImported) ([]interop.Incoming, error) {
	ids := make([]string, len(items))
	for i, in := range items {
		ids[i] = in.Annotation.ID
	}
	known, err := l.store.Known(ids)
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

// importSource places the annotations of one source and adds them to c.
// A document c makes or revises is kept in m.pending until c commits, so
// that a later batch placed into the same change finds it.
func (l *Library) importSource(m *matcher, src string, items []interop.Incoming, c *store.Change, res *AnnotationsImported) error {
	docID := m.find(src)
	if docID == "" {
		doc, anns, orphans, err := l.quotesDocument(src, items)
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
	anns, revised, orphans, err := l.placeOn(docID, pending, items, m.grown[docID])
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

// matcher finds the document an imported annotation's source names: its
// path or URL as imported, its canonical URL, the urn:sha256 of its
// bytes that exports use for local files, or for a PDF the
// urn:x-pdf:<fingerprint> Hypothesis names it by.
type matcher struct {
	l      *Library
	byURL  map[string]string
	byHash map[string]string
	byPDF  map[string]string // by Fingerprint
	title  map[string]string
	grown  map[string]bool // documents this import made or revised
	// pending holds the documents the change not yet committed makes or
	// revises, as it will write them.
	pending map[string]*annotate.Document
}

func (l *Library) matcher() (*matcher, error) {
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	m := &matcher{l: l, byURL: map[string]string{}, byHash: map[string]string{}, byPDF: map[string]string{}, title: map[string]string{}, grown: map[string]bool{},
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
	return m, nil
}

func (m *matcher) find(source string) string {
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
	if id, err := m.l.store.DocumentIDBySource(source); err == nil && id != "" {
		return id
	}
	if p, ok := strings.CutPrefix(source, "file://"); ok {
		if id, err := m.l.store.DocumentIDBySource(p); err == nil {
			return id
		}
	}
	return ""
}
