package library

import (
	"context"
	"errors"
	"runtime/debug"
	"strings"

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

// build builds the search index from every record.
func (s *searcher) build() (*search.Index, error) {
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
	hits = hitsOf(rs)
	for i := range hits {
		hits[i] = hits[i].detached()
	}
	return hits, true, nil
}

// detached is h with its texts copied out of the file they may lie in.
func (h Hit) detached() Hit {
	h.ID, h.DocID, h.Quote, h.Body = strings.Clone(h.ID), strings.Clone(h.DocID), strings.Clone(h.Quote), strings.Clone(h.Body)
	h.Answer, h.Title = strings.Clone(h.Answer), strings.Clone(h.Title)
	h.Kind = annotate.Kind(strings.Clone(string(h.Kind)))
	h.Colour = annotate.Colour(strings.Clone(string(h.Colour)))
	h.Status = annotate.Status(strings.Clone(string(h.Status)))
	tags := make([]string, len(h.Tags))
	for i, t := range h.Tags {
		tags[i] = strings.Clone(t)
	}
	if h.Tags != nil {
		h.Tags = tags
	}
	return h
}
