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
		parts = append(parts, fmt.Sprintf("%s made from their quotes (%s)", plural(n, "new document"), strings.Join(r.Documents, "; ")))
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
// beside it (temporary) as it is read: a file that is damaged, hostile or
// wrong anywhere is refused before the library is touched. Then the
// spool is read back source by source and committed: in one transaction
// when it holds up to importBatch annotations (every ordinary import),
// else in transactions of about importBatch each, since bbolt holds every
// page a transaction writes in memory until it commits (with batches of
// 20,000, importing 100,000 annotations peaks at 97 MB of heap:
// BenchmarkInterop100k).
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

// importBatch is the most annotations committed in one transaction.
const importBatch = 20000

func (l *Library) importAnnotations(name string, r io.Reader) (AnnotationsImported, error) {
	sp, err := newSpool()
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
	res := AnnotationsImported{Existing: sp.dups}
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
		return nil
	}
	for _, src := range sp.sources {
		offs := sp.bySource[src]
		for len(offs) > 0 {
			chunk := offs[:min(len(offs), importBatch)]
			offs = offs[len(chunk):]
			items, err := sp.read(chunk)
			if err != nil {
				return AnnotationsImported{}, err
			}
			if items, err = l.unknown(items, &res); err != nil {
				return AnnotationsImported{}, err
			}
			if len(items) == 0 {
				continue
			}
			if err := l.importSource(m, src, items, &change, &res); err != nil {
				return AnnotationsImported{}, err
			}
			if len(change.Annotations) >= importBatch {
				if err := commit(); err != nil {
					return AnnotationsImported{}, err
				}
			}
		}
	}
	if err := commit(); err != nil {
		return AnnotationsImported{}, err
	}
	return res, nil
}

// unknown is items without those the library holds already (counted).
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
		out = append(out, in)
	}
	return out, nil
}

// importSource places the annotations of one source and adds them to c.
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
		return nil
	}
	anns, revised, orphans, err := l.placeOn(docID, items)
	if err != nil {
		return err
	}
	if revised != nil {
		c.Revised = append(c.Revised, revised)
	}
	c.Annotations = append(c.Annotations, anns...)
	res.Added += len(items)
	res.Orphans += orphans
	return nil
}

// matcher finds the document an imported annotation's source names: its
// path or URL as imported, its canonical URL, or the urn:sha256 of its
// bytes that exports use for local files.
type matcher struct {
	l      *Library
	byURL  map[string]string
	byHash map[string]string
	title  map[string]string
}

func (l *Library) matcher() (*matcher, error) {
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	m := &matcher{l: l, byURL: map[string]string{}, byHash: map[string]string{}, title: map[string]string{}}
	for _, d := range docs {
		if d.URL != "" {
			m.byURL[d.URL] = d.ID
		}
		m.byHash[d.Hash] = d.ID
		m.title[d.ID] = d.Title
	}
	return m, nil
}

func (m *matcher) find(source string) string {
	if h, ok := strings.CutPrefix(source, "urn:sha256:"); ok {
		return m.byHash[h]
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
