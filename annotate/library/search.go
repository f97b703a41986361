package library

import (
	"context"
	"runtime/debug"
	"sync"

	"scholia/annotate"
	"scholia/annotate/search"
	"scholia/annotate/store"
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
// in step with every change after that. Loading or building it takes
// seconds on a large library: it is done without mu, which every save
// takes, and the changes saved meanwhile wait in queued, put into the new
// index before it is installed.
type searcher struct {
	store    *store.Store
	mu       sync.Mutex
	index    *search.Index
	building bool
	queued   []func(ix *search.Index)
	failed   bool // an index read from the kept snapshot found it damaged
	// loading is held by the one goroutine loading or building the index.
	loading sync.Mutex
}

// buildHook, when set (by tests), is called while the index is built,
// once the records have been read: a change saved while it waits is
// one the index must take from the queue.
var buildHook func()

// PrepareSearch loads the search index now, so the first search is
// instant; the window calls it in the background at start.
func (l *Library) PrepareSearch() error {
	_, err := l.search.ready()
	return err
}

// current is the search index once installed.
func (s *searcher) current() *search.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.index
}

// begin says that changes are to be queued from now on.
func (s *searcher) begin() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.building, s.queued = true, nil
}

// take hands over the changes queued so far.
func (s *searcher) take() []func(ix *search.Index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queued
	s.queued = nil
	return q
}

// install puts ix, with the last changes queued, in use (nil: the index
// failed to load, and changes are no longer queued).
func (s *searcher) install(ix *search.Index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ix != nil {
		for _, change := range s.queued {
			change(ix)
		}
	}
	s.index, s.building, s.queued = ix, false, nil
}

// ready is the search index, loaded or built first when it is not yet.
func (s *searcher) ready() (*search.Index, error) {
	if ix := s.current(); ix != nil {
		return ix, nil
	}
	s.loading.Lock()
	defer s.loading.Unlock()
	if ix := s.current(); ix != nil {
		return ix, nil
	}
	s.begin()
	ix, keep, at, snapshot, built, failed, err := s.prepare()
	if failed {
		s.mu.Lock()
		s.failed = true
		s.mu.Unlock()
		ix, keep, at, snapshot, built, _, err = s.prepare()
	}
	if err != nil || ix == nil {
		s.install(nil)
		return nil, err
	}
	s.install(ix)
	if keep {
		// Kept after the index is in use: searches go on while the
		// snapshot is written, saves but for the one transaction writing
		// it, and the changes they make after at are journalled in the
		// library.
		put := func(snapshot []byte) { _, _ = s.store.PutSearchIndex(snapshot, at) }
		if built != nil {
			built.Lend(put) // bbolt copies it from the file, which lets its pages go behind
		} else {
			put(snapshot)
		}
	}
	return ix, nil
}

// prepare loads the search index the library keeps, or builds it, puts in
// it the changes queued meanwhile, and takes its snapshot when it is to be
// kept, unless the build gave it (built, streamed to a file: see build).
// failed says that the index loaded found the snapshot it reads damaged on
// the way: it is to be built.
func (s *searcher) prepare() (ix *search.Index, keep bool, at int, snapshot []byte, built *search.SnapshotFile, failed bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			if !snapshotFailed(p) {
				panic(p)
			}
			ix, keep, snapshot, built, failed = nil, false, nil, nil, true
		}
	}()
	ix, built, keep, at, err = s.loadOrBuildOnce()
	if err != nil || ix == nil {
		return nil, false, 0, nil, nil, false, err
	}
	for q := s.take(); len(q) > 0; q = s.take() {
		for _, change := range q {
			change(ix)
		}
	}
	if keep && built == nil {
		// Taken before the index is in use, lest saves wait for it; the
		// snapshot it was loaded from, which it replaces, is read whole
		// first.
		ix.HoldEntries()
		snapshot = ix.Snapshot()
	}
	return ix, keep, at, snapshot, built, false, nil
}

// loadOrBuildOnce is loadOrBuild, building from the records once an index
// read from the kept snapshot found it damaged (see drop).
func (s *searcher) loadOrBuildOnce() (ix *search.Index, built *search.SnapshotFile, keep bool, at int, err error) {
	s.mu.Lock()
	build := s.failed
	s.mu.Unlock()
	if !build {
		return s.loadOrBuild()
	}
	keep = !s.store.ReadOnly()
	if keep {
		if at, err = s.store.JournalSearchChanges(); err != nil {
			keep = false
		}
	}
	ix, built, err = s.build()
	return ix, built, keep && err == nil, at, err
}

// drop drops ix, the index in use, as its kept snapshot, which it reads
// entries from, turned out damaged or gone (p, a panic of the index, says
// so; any other panic goes on): the next search builds it from the
// records, which hold the change or search that found it. It holds mu.
func (s *searcher) drop(ix *search.Index, p any) {
	if !snapshotFailed(p) {
		panic(p)
	}
	if s.index == ix {
		s.index = nil
	}
	s.failed = true
}

// loadOrBuild loads the search index the library keeps, or builds it from
// the records; keep says it is to be kept, as the library stood at
// transaction at or later (every change after at is journalled): as
// built, when built (see build), else as ix stands once in use.
func (s *searcher) loadOrBuild() (ix *search.Index, built *search.SnapshotFile, keep bool, at int, err error) {
	var many bool
	if ix, many, at, err = s.load(false); err != nil || ix != nil {
		return ix, nil, many && !s.store.ReadOnly(), at, err // with many changes since, kept anew
	}
	keep = !s.store.ReadOnly()
	if keep {
		if at, err = s.store.JournalSearchChanges(); err != nil {
			keep = false
		}
	}
	if ix, built, err = s.build(); err != nil {
		return nil, nil, false, 0, err
	}
	return ix, built, keep, at, nil
}

// indexed keeps the search index, once built, in step with a change; while
// it is loaded or built, the change waits for it.
func (s *searcher) indexed(change func(ix *search.Index)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			s.drop(s.index, p)
		}
	}()
	switch {
	case s.index != nil:
		change(s.index)
	case s.building:
		s.queued = append(s.queued, change)
	}
}

// reindex puts a document and its annotations (again) into the search
// index, the annotations' entries holding its title. Saved already, they
// go into the index when it is next built if they cannot be read now.
func (l *Library) reindex(doc *annotate.Document) {
	anns, err := l.store.Annotations(doc.ID)
	if err != nil {
		return
	}
	l.search.indexed(func(ix *search.Index) {
		ix.Put(search.DocumentEntry(*doc))
		for _, a := range anns {
			ix.Put(search.AnnotationEntry(a, doc.Title))
		}
	})
}

// putAnnotation puts an annotation (again) into the search index.
func (s *searcher) putAnnotation(a *annotate.Annotation) {
	s.indexed(func(ix *search.Index) {
		title := ""
		if d, err := s.store.DocumentInfo(a.DocID); err == nil {
			title = d.Title
		}
		ix.Put(search.AnnotationEntry(*a, title))
	})
}

// Search finds annotations and documents, best first (see annotate/search
// for the query language and the ranking). It returns ctx's error when a
// newer query cancelled it.
func (l *Library) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	return l.find(ctx, query, limit, false)
}

// SearchIDs is Search for an export of the annotations found: its hits
// hold only ID, DocID, Document and Score (see search.SearchIDs).
func (l *Library) SearchIDs(ctx context.Context, query string, limit int) ([]Hit, error) {
	return l.find(ctx, query, limit, true)
}

func (l *Library) find(ctx context.Context, query string, limit int, bare bool) ([]Hit, error) {
	rs, dropped, err := l.search.find(ctx, query, limit, bare)
	if dropped {
		rs, _, err = l.search.find(ctx, query, limit, bare) // in an index built from the records
	}
	if err != nil {
		return nil, err
	}
	return hitsOf(rs), nil
}

// find answers the query from the search index; dropped says that the
// index was dropped instead (see drop).
func (s *searcher) find(ctx context.Context, query string, limit int, bare bool) (rs []search.Result, dropped bool, err error) {
	ix, err := s.ready()
	if err != nil {
		return nil, false, err
	}
	defer func() {
		if p := recover(); p != nil {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.drop(ix, p)
			rs, dropped, err = nil, true, nil
		}
	}()
	find := ix.Search
	if bare {
		find = ix.SearchIDs
	}
	rs, err = find(ctx, query, limit)
	return rs, false, err
}

// hitsOf is the search's results as hits.
func hitsOf(rs []search.Result) []Hit {
	out := make([]Hit, len(rs))
	for i, r := range rs {
		out[i] = Hit{ID: r.ID, DocID: r.DocID, Document: r.Document, Kind: r.Kind, Colour: r.Colour,
			Status: r.Status, Tags: r.Tags, Anchored: r.Anchored, Start: r.Start, End: r.End,
			Quote: r.Fields[search.FieldQuote], Body: r.Fields[search.FieldBody],
			Answer: r.Fields[search.FieldAnswer], Title: r.Fields[search.FieldTitle],
			QuoteBold: r.Matched[search.FieldQuote], BodyBold: r.Matched[search.FieldBody],
			AnswerBold: r.Matched[search.FieldAnswer], TitleBold: r.Matched[search.FieldTitle], Score: r.Score}
	}
	return out
}

// ReleaseMemory gives back what reading the library left behind: the
// pages of the file it read, which stay in the system's page cache (see
// store.ReleaseMapped), and the memory the Go runtime holds free. The
// window calls it once the library is read and its index loaded.
func (l *Library) ReleaseMemory() {
	l.store.ReleaseMapped()
	debug.FreeOSMemory()
}
