package library

import (
	"context"
	"errors"
	"path/filepath"
	"runtime/debug"

	"scholia/annotate"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// The search index is kept in the library file (see annotate/store's
// searchindex.go): a process loads it rather than building it from every
// record, and a process that only searches reads it where it lies.

// journalLimit is how many changes since the kept snapshot the loader puts
// into the loaded index before it keeps a new snapshot: replaying them
// costs about 35 µs each (2,000 add 70 ms to a search-only process),
// writing a snapshot a second per hundred thousand annotations.
func journalLimit(entries int) int { return max(1000, entries/100) }

// load loads the search index the library keeps, with the
// changes made since it was taken; nil when the library keeps none that
// reads and is in step. In place, it is read where it lies in the file
// (see store.SearchIndexInPlace), each entry checked when read (see
// search.LoadIndexLazily), and must not be used after Close. many
// says that so many changes were made since that the index, which holds
// the library as it stood at transaction at, should be kept anew.
//
// Otherwise only the snapshot's head is read into memory: the entries'
// texts, half of it, are read from the file when a search shows them (see
// search.LoadIndexFrom).
func (s *searcher) load(inPlace bool) (ix *search.Index, many bool, at int, err error) {
	defer func() {
		if p := recover(); p != nil {
			if !snapshotFailed(p) {
				panic(p)
			}
			ix, many, at, err = nil, false, 0, nil // built again from the records
		}
	}()
	at = s.store.TxID()
	read := func() (*store.SearchIndex, error) { return s.store.SearchIndexPart(search.SnapshotHead) }
	load := func(head []byte) (*search.Index, error) {
		return search.LoadIndexFrom(head, s.store.ViewSearchSnapshot)
	}
	if inPlace {
		read = s.store.SearchIndexInPlace
		load = search.LoadIndexLazily // only the entries shown are read
	}
	kept, err := read()
	if err != nil || kept == nil {
		return nil, false, 0, err
	}
	if ix, err = load(kept.Snapshot); err != nil {
		return nil, false, 0, nil // damaged: built again from the records
	}
	titles := make(map[string]string, len(kept.Documents))
	for _, d := range kept.Documents {
		titles[d.ID] = d.Title
		ix.Put(search.DocumentEntry(d))
	}
	for _, a := range kept.Annotations {
		title, ok := titles[a.DocID]
		if !ok {
			if d, err := s.store.DocumentInfo(a.DocID); err == nil {
				title = d.Title
			}
			titles[a.DocID] = title
		}
		ix.Put(search.AnnotationEntry(a, title))
	}
	for _, id := range kept.Gone {
		ix.Remove(id)
	}
	return ix, kept.Changes() > journalLimit(ix.Len()), at, nil
}

// snapshotFailed says whether p is the panic of an index whose kept
// snapshot it read lazily turned out damaged, or gone.
func snapshotFailed(p any) bool {
	err, ok := p.(error)
	return ok && (errors.Is(err, search.ErrSnapshotDamaged) || errors.Is(err, search.ErrSnapshotGone))
}

// buildBatch is how many annotations the build reads in one read
// transaction.
const buildBatch = 10_000

// build builds the search index from every record, streamed
// (see streamSnapshot): the index is the snapshot loaded, which is
// returned for the library to keep. A million annotations so peak at about
// 1 GB, the snapshot's 875 MB that bbolt copies to keep it, instead of 6-8
// GB. Where the snapshot finds no room, or is too large for one, the index
// is built in memory, and snapshot is nil.
func (s *searcher) build() (ix *search.Index, snapshot *search.SnapshotFile, err error) {
	snapshot, readErr, writeErr := s.streamSnapshot()
	if readErr != nil {
		return nil, nil, readErr
	}
	if writeErr != nil {
		ix, err := s.buildInMemory()
		return ix, nil, err
	}
	if buildHook != nil {
		buildHook()
	}
	debug.FreeOSMemory() // what the build left, before the library copies the snapshot
	// Its pages are let go as loading checks them.
	snapshot.Lend(func(data []byte) { ix, err = search.LoadIndex(data) })
	if err != nil {
		return nil, nil, err
	}
	return ix, snapshot, nil
}

// streamSnapshot writes the snapshot of the search index of every record
// to a temporary file beside the library (or in the system's temporary
// folder), reading the records a batch at a time, each decoded while the
// last is split into words. readErr is a record that does not read;
// writeErr, the snapshot that could not be written.
func (s *searcher) streamSnapshot() (snapshot *search.SnapshotFile, readErr, writeErr error) {
	docs, err := s.store.Documents()
	if err != nil {
		return nil, err, nil
	}
	dir := "" // the system's temporary folder, for a library that cannot be written
	if !s.store.ReadOnly() {
		dir = filepath.Dir(s.store.Path()) // room for the snapshot, which the library takes too
	}
	b, err := search.NewSnapshotBuilder(dir)
	if err != nil && dir != "" {
		dir = ""
		b, err = search.NewSnapshotBuilder(dir)
	}
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	titles := make(map[string]string, len(docs))
	for _, d := range docs {
		titles[d.ID] = d.Title
		e := search.DocumentEntry(d)
		b.Add(&e)
	}
	batches := make(chan []search.Entry, 1)
	go func() {
		defer close(batches)
		defer annotate.CatchPanic(&readErr)
		batch := make([]search.Entry, 0, buildBatch)
		readErr = s.store.EachAnnotation(buildBatch, func(a *annotate.Annotation) error {
			if batch = append(batch, search.AnnotationEntry(*a, titles[a.DocID])); len(batch) == buildBatch {
				batches <- batch
				batch = make([]search.Entry, 0, buildBatch)
			}
			return nil
		})
		batches <- batch
	}()
	for batch := range batches {
		for i := range batch {
			b.Add(&batch[i])
		}
	}
	if readErr != nil {
		return nil, readErr, nil
	}
	snapshot, err = b.WriteFile(dir)
	return snapshot, nil, err
}

// buildInMemory builds the search index from every record, all
// in memory.
func (s *searcher) buildInMemory() (*search.Index, error) {
	docs, err := s.store.Documents()
	if err != nil {
		return nil, err
	}
	anns, err := s.store.AllAnnotations()
	if err != nil {
		return nil, err
	}
	if buildHook != nil {
		buildHook()
	}
	titles := make(map[string]string, len(docs))
	entries := make([]search.Entry, 0, len(docs)+len(anns)) // the index keeps this slice
	for _, d := range docs {
		titles[d.ID] = d.Title
		entries = append(entries, search.DocumentEntry(d))
	}
	for _, a := range anns {
		entries = append(entries, search.AnnotationEntry(a, titles[a.DocID]))
	}
	return search.NewIndex(entries), nil
}

// SearchKept answers a query from the search index kept in the library
// file at path, opened read-only without checking the whole file first:
// what a command that only searches needs, in a few tens of milliseconds.
// kept is false, with no error, when it cannot answer so: the file keeps
// no index in step with it, or reading it fails (damage included); the
// caller then opens the library as usual, which checks it, and searches.
// Another Scholia using the library is ErrLocked, as for Open.
func SearchKept(ctx context.Context, path, query string, limit int) (hits []Hit, kept bool, err error) {
	return searchKept(ctx, path, query, limit, false)
}

// SearchKeptIDs is SearchKept for an export of the annotations found: its
// hits hold only ID, DocID, Document and Score (see search.SearchIDs).
func SearchKeptIDs(ctx context.Context, path, query string, limit int) (hits []Hit, kept bool, err error) {
	return searchKept(ctx, path, query, limit, true)
}

func searchKept(ctx context.Context, path, query string, limit int, bare bool) (hits []Hit, kept bool, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // a file cut short faults inside bbolt
	defer func() {
		// A fault, or an entry of the index failing its checksum
		// (search.ErrSnapshotDamaged): the usual way checks the file.
		if p := recover(); p != nil {
			hits, kept, err = nil, false, nil
		}
	}()
	s, err := store.OpenToRead(path)
	if errors.Is(err, annotate.ErrLocked) {
		return nil, false, err
	}
	if err != nil {
		return nil, false, nil
	}
	l := newLibrary(s, nil)
	defer l.Close()
	ix, many, _, err := l.search.load(true)
	if err != nil || ix == nil || many {
		return nil, false, nil // many changes: the usual way keeps it anew
	}
	find := ix.Search
	if bare {
		find = ix.SearchIDs
	}
	rs, err := find(ctx, query, limit)
	if err != nil {
		return nil, false, err
	}
	for i := range rs { // the index lies in the file, which closes on return
		rs[i].Entry = rs[i].Entry.Clone()
	}
	return hitsOf(rs), true, nil
}
