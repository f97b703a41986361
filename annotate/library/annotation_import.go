package library

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library/importing"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// AnnotationsImported says what importing a file of annotations did.
type AnnotationsImported = importing.Result

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
	sp, err := importing.NewSpool(name, maxPassages)
	if err != nil {
		return AnnotationsImported{}, err
	}
	defer sp.Close()
	if err := interop.Read(name, r, l.now().UTC(), sp.Add); err != nil {
		return AnnotationsImported{}, err
	}
	if err := sp.Finish(); err != nil {
		return AnnotationsImported{}, err
	}
	docs, err := l.store.Documents()
	if err != nil {
		return AnnotationsImported{}, err
	}
	m := importing.NewMatcher(l.store, docs, l.now)
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
		m.Committed(change)
		// While the index is built, the change waits for it in another
		// goroutine: it takes this batch and its titles, not the
		// variables the next batch fills.
		done, titles := change, map[string]string{}
		for _, a := range done.Annotations {
			titles[a.DocID] = m.Title(a.DocID)
		}
		l.search.indexed(func(ix *search.Index) {
			for _, d := range append(done.New, done.Revised...) {
				ix.Put(search.DocumentEntry(*d))
			}
			for _, a := range done.Annotations {
				ix.Put(search.AnnotationEntry(*a, titles[a.DocID]))
			}
		})
		change = store.Change{}
		return nil
	}
	// Each batch is placed and committed in its turn with the other
	// changes (see Library): a document revised meanwhile is not placed
	// on as it was.
	err = sp.Each(importBatch, func(items []interop.Incoming) error {
		l.changing.Lock()
		defer l.changing.Unlock()
		items, err := m.Unknown(items, &res)
		if err != nil {
			return err
		}
		if err := m.Place(items, &change, &res); err != nil {
			return err
		}
		if importHook != nil {
			importHook()
		}
		// Committed before the turn ends: a revision taking the next turn
		// re-anchors what this batch placed on the text as it was.
		return commit()
	})
	if err != nil {
		return AnnotationsImported{}, err
	}
	l.changing.Lock()
	defer l.changing.Unlock()
	if err := commit(); err != nil {
		return AnnotationsImported{}, err
	}
	return res, nil
}

// importHook, when set (by tests), is called by an import of annotations
// between placing a batch and committing it.
var importHook func()

// maxPassages is the most distinct passages embedded in questions a file
// may hold (see importing.NewSpool). A library would need millions of
// questions answered with passages to export so many.
var maxPassages = 4_000_000

// readProblem is the sentence for a file of annotations that cannot be
// opened.
func readProblem(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return annotate.Problemf(annotate.ErrNotFound, "cannot import %s: there is no such file", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("cannot import %s: permission denied", path)
	}
	return fmt.Errorf("cannot import %s: %w", path, err)
}
