package library

import (
	"context"
	"runtime/debug"
	"sync"

	"scholia/annotate"
	"scholia/annotate/search"
)

// Hit is one search result: an annotation, or a document when Document is
// set, with the byte offsets of the characters that matched in each text
// (for showing them in bold).
type Hit struct {
	ID         string
	DocID      string
	Document   bool
	Kind       annotate.Kind
	Colour     annotate.Colour
	Status     annotate.Status
	Tags       []string
	Anchored   bool
	Start, End int
	Quote      string
	Body       string
	Answer     string
	Title      string
	QuoteBold  []int
	BodyBold   []int
	AnswerBold []int
	TitleBold  []int
	Score      int
}

// searcher holds the search index, loaded (or built) on first use and kept
// in step with every change after that.
type searcher struct {
	mu    sync.Mutex
	index *search.Index
}

// PrepareSearch loads the search index now, so the first search is
// instant; the window calls it in the background at start.
func (l *Library) PrepareSearch() error {
	_, err := l.searchIndex()
	return err
}

func (l *Library) searchIndex() (*search.Index, error) {
	ix, keep, at, err := l.loadOrBuild()
	if keep {
		// Kept after the lock is let go: searches and saves go on while
		// the snapshot is written (a save meanwhile makes it not kept).
		l.keepSearchIndex(ix, at)
	}
	return ix, err
}

// loadOrBuild loads the search index the library keeps, or builds it from
// the records; keep says it is to be kept, as the library stood at
// transaction at.
func (l *Library) loadOrBuild() (ix *search.Index, keep bool, at int, err error) {
	l.search.mu.Lock()
	defer l.search.mu.Unlock()
	if l.search.index != nil {
		return l.search.index, false, 0, nil
	}
	var many bool
	if ix, many, at, err = l.loadSearchIndex(false); err != nil || ix != nil {
		l.search.index = ix
		return ix, many, at, err // with many changes since, kept anew
	}
	at = l.store.TxID()
	if ix, err = l.buildSearchIndex(); err != nil {
		return nil, false, 0, err
	}
	l.search.index = ix
	return ix, true, at, nil
}

// indexed keeps the search index, once built, in step with a change.
func (l *Library) indexed(change func(ix *search.Index)) {
	l.search.mu.Lock()
	defer l.search.mu.Unlock()
	if l.search.index != nil {
		change(l.search.index)
	}
}

// indexAnnotation puts an annotation (again) into the search index.
func (l *Library) indexAnnotation(a *annotate.Annotation) {
	l.indexed(func(ix *search.Index) {
		title := ""
		if d, err := l.store.DocumentInfo(a.DocID); err == nil {
			title = d.Title
		}
		ix.Put(search.AnnotationEntry(*a, title))
	})
}

// Search finds annotations and documents, best first (see annotate/search
// for the query language and the ranking). It returns ctx's error when a
// newer query cancelled it.
func (l *Library) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	ix, err := l.searchIndex()
	if err != nil {
		return nil, err
	}
	rs, err := ix.Search(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, len(rs))
	for i, r := range rs {
		out[i] = Hit{ID: r.ID, DocID: r.DocID, Document: r.Document, Kind: r.Kind, Colour: r.Colour,
			Status: r.Status, Tags: r.Tags, Anchored: r.Anchored, Start: r.Start, End: r.End,
			Quote: r.Fields[search.FieldQuote], Body: r.Fields[search.FieldBody],
			Answer: r.Fields[search.FieldAnswer], Title: r.Fields[search.FieldTitle],
			QuoteBold: r.Matched[search.FieldQuote], BodyBold: r.Matched[search.FieldBody],
			AnswerBold: r.Matched[search.FieldAnswer], TitleBold: r.Matched[search.FieldTitle], Score: r.Score}
	}
	return out, nil
}

// ReleaseMemory gives back what reading the library left behind: the
// pages of the file it read, which stay in the system's page cache (see
// store.ReleaseMapped), and the memory the Go runtime holds free. The
// window calls it once the library is read and its index loaded.
func (l *Library) ReleaseMemory() {
	l.store.ReleaseMapped()
	debug.FreeOSMemory()
}
