package library

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/store"
)

// Exports writes annotations out in the formats of annotate/interop: a
// library's documents with their annotations, or what a search finds,
// with the passages their questions are answered with. Library.Exports
// gives it; it reads the library as the library's own reads do (see
// Library on goroutines and blocking), for seconds on a large one.
type Exports struct {
	store       *store.Store
	annotations func(docID string) ([]annotate.Annotation, error) // in document order
	searchIDs   func(ctx context.Context, query string, limit int) ([]Hit, error)
	now         func() time.Time
}

// Exports is how the library's annotations are written out.
func (l *Library) Exports() *Exports {
	return &Exports{store: l.store, annotations: l.Annotations, searchIDs: l.SearchIDs, now: l.now}
}

// Sections gathers what an export of documents holds: each document with
// its annotations in document order. docIDs nil means the whole library,
// where documents without annotations are left out.
func (x *Exports) Sections(docIDs []string) ([]interop.Section, error) {
	all := docIDs == nil
	if all {
		docs, err := x.store.Documents()
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			docIDs = append(docIDs, d.ID)
		}
	}
	var out []interop.Section
	for _, id := range docIDs {
		doc, err := x.store.DocumentInfo(id)
		if err != nil {
			return nil, err
		}
		anns, err := x.annotations(id)
		if err != nil {
			return nil, err
		}
		if all && len(anns) == 0 {
			continue
		}
		out = append(out, interop.Section{Doc: *doc, Annotations: anns})
	}
	return out, nil
}

// SearchSections gathers the annotations a search finds, by document in
// document order.
func (x *Exports) SearchSections(ctx context.Context, query string) ([]interop.Section, error) {
	hits, err := x.searchIDs(ctx, query, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]annotate.Annotation{}
	var order []string
	for _, h := range hits {
		if h.Document {
			continue
		}
		a, err := x.store.Annotation(h.ID)
		if err != nil {
			return nil, err
		}
		if _, ok := byDoc[a.DocID]; !ok {
			order = append(order, a.DocID)
		}
		byDoc[a.DocID] = append(byDoc[a.DocID], *a)
	}
	var out []interop.Section
	for _, id := range order {
		doc, err := x.store.DocumentInfo(id)
		if err != nil {
			return nil, err
		}
		anns := byDoc[id]
		sortByDocumentOrder(anns)
		out = append(out, interop.Section{Doc: *doc, Annotations: anns})
	}
	return out, nil
}

// Write writes sections in a format, citing in style. The passages that
// their questions are answered with go along, from whatever document
// holds them, so that the export keeps each answer whole.
func (x *Exports) Write(w io.Writer, f interop.Format, secs []interop.Section, style interop.Style) error {
	answers, err := answersOf(x.store, secs)
	if err != nil {
		return err
	}
	return interop.Export(w, f, secs, answers, style, x.now())
}

// answersOf finds the annotations the questions of secs are answered
// with, each with its document. One deleted since is left out: the export
// says the passage is gone.
func answersOf(st *store.Store, secs []interop.Section) (interop.Answers, error) {
	out := interop.Answers{}
	p := passages{store: st, docs: map[string]*annotate.Document{}}
	for _, s := range secs {
		if err := p.into(out, s.Annotations); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// passages reads the annotations questions are answered with, each
// document once.
type passages struct {
	store *store.Store
	docs  map[string]*annotate.Document
}

// into adds to out the passages the questions of anns are answered with.
func (p passages) into(out interop.Answers, anns []annotate.Annotation) error {
	for _, a := range anns {
		if a.Answer == nil || a.Answer.Link == "" {
			continue
		}
		if _, done := out[a.Answer.Link]; done {
			continue
		}
		pass, err := p.passage(a.Answer.Link)
		if errors.Is(err, annotate.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		out[a.Answer.Link] = pass
	}
	return nil
}

// passage is annotation id with its document.
func (p passages) passage(id string) (interop.Passage, error) {
	a, err := p.store.Annotation(id)
	if err != nil {
		return interop.Passage{}, err
	}
	doc, ok := p.docs[a.DocID]
	if !ok {
		if doc, err = p.store.DocumentInfo(a.DocID); err != nil {
			return interop.Passage{}, err
		}
		p.docs[a.DocID] = doc
	}
	return interop.Passage{Doc: *doc, Annotation: *a}, nil
}

// Documents writes the annotations of documents (docIDs nil: the
// whole library, where documents without annotations are left out) in a
// format, citing in style, with the passages their questions are answered
// with. It is written as it is read, document by document: memory holds
// one document's annotations, never the whole export: 100,000
// annotations export in 1-3 s and 5 MB of heap whatever the format
// (BenchmarkInterop100k). It returns how many annotations it wrote.
func (x *Exports) Documents(w io.Writer, f interop.Format, docIDs []string, style interop.Style) (int, error) {
	n := 0
	answers := interop.Answers{}
	each := func(yield func(interop.Section) error) error {
		return x.eachSection(docIDs, nil, answers, func(s interop.Section) error {
			n += len(s.Annotations)
			return yield(s)
		})
	}
	err := interop.ExportEach(w, f, each, answers, style, x.now())
	return n, err
}

// DocumentsFile is Documents to a file, written through a
// temporary file beside it, so a failed export never leaves half a file
// under the name asked for.
func (x *Exports) DocumentsFile(path string, f interop.Format, docIDs []string, style interop.Style) (int, error) {
	n := 0
	err := writeFileWhole(path, func(w io.Writer) error {
		var err error
		n, err = x.Documents(w, f, docIDs, style)
		return err
	})
	return n, err
}

// Search writes the annotations a search finds, by document (in
// the order of each document's best hit) in document order, as
// Documents writes documents: one document at a time, memory
// holding the ids of the hits, never the whole export. It returns how
// many annotations it wrote.
func (x *Exports) Search(ctx context.Context, w io.Writer, f interop.Format, query string, style interop.Style) (int, error) {
	hits, err := x.searchIDs(ctx, query, math.MaxInt32)
	if err != nil {
		return 0, err
	}
	return x.Hits(w, f, hits, style)
}

// Hits writes the annotations among hits (a search's, made by
// Library.Search or SearchKept, or, as it needs only their ids,
// Library.SearchIDs or SearchKeptIDs) as Search does, one document at a
// time.
func (x *Exports) Hits(w io.Writer, f interop.Format, hits []Hit, style interop.Style) (int, error) {
	keep := map[string]bool{}
	var docIDs []string
	seen := map[string]bool{}
	for _, h := range hits {
		if h.Document {
			continue
		}
		keep[h.ID] = true
		if !seen[h.DocID] {
			seen[h.DocID] = true
			docIDs = append(docIDs, h.DocID)
		}
	}
	n := 0
	answers := interop.Answers{}
	each := func(yield func(interop.Section) error) error {
		return x.eachSection(docIDs, keep, answers, func(s interop.Section) error {
			n += len(s.Annotations)
			return yield(s)
		})
	}
	err := interop.ExportEach(w, f, each, answers, style, x.now())
	return n, err
}

// SearchFile is Search to a file, written whole or not at
// all, as DocumentsFile.
func (x *Exports) SearchFile(ctx context.Context, path string, f interop.Format, query string, style interop.Style) (int, error) {
	hits, err := x.searchIDs(ctx, query, math.MaxInt32)
	if err != nil {
		return 0, err
	}
	return x.HitsFile(path, f, hits, style)
}

// HitsFile is Hits to a file, written whole or not at all.
func (x *Exports) HitsFile(path string, f interop.Format, hits []Hit, style interop.Style) (int, error) {
	n := 0
	err := writeFileWhole(path, func(w io.Writer) error {
		var err error
		n, err = x.Hits(w, f, hits, style)
		return err
	})
	return n, err
}

// eachSection reads the documents' sections one at a time and hands each
// to yield, with answers holding (only) the passages its questions are
// answered with. keep, when not nil, holds the annotations to export
// (the hits of a search); documents are then left out when none of
// theirs is kept.
func (x *Exports) eachSection(docIDs []string, keep map[string]bool, answers interop.Answers, yield func(interop.Section) error) error {
	all := docIDs == nil
	if all {
		docs, err := x.store.Documents()
		if err != nil {
			return err
		}
		for _, d := range docs {
			docIDs = append(docIDs, d.ID)
		}
	}
	chosen := make(map[string]bool, len(docIDs))
	for _, id := range docIDs {
		chosen[id] = true
	}
	p := passages{store: x.store, docs: map[string]*annotate.Document{}}
	for _, id := range docIDs {
		doc, err := x.store.DocumentInfo(id)
		if err != nil {
			return err
		}
		anns, err := x.annotations(id)
		if err != nil {
			return err
		}
		if keep != nil {
			anns = slices.DeleteFunc(anns, func(a annotate.Annotation) bool { return !keep[a.ID] })
		}
		if (all || keep != nil) && len(anns) == 0 {
			continue
		}
		clear(answers)
		if err := p.into(answers, anns); err != nil {
			return err
		}
		for link, pass := range answers {
			// A passage is in the export when its document is (every
			// live annotation of an exported document is), or, for a
			// search, when the search found it.
			pass.InExport = chosen[pass.Doc.ID]
			if keep != nil {
				pass.InExport = keep[link]
			}
			answers[link] = pass
		}
		if err := yield(interop.Section{Doc: *doc, Annotations: anns}); err != nil {
			return err
		}
	}
	return nil
}

// writeFileWhole writes a file through a temporary file beside it, so a
// failure never leaves half a file under the name asked for.
func writeFileWhole(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
