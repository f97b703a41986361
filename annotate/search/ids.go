package search

import "strings"

// bareEntry is entry n with only its ID, DocID and Document, copied out
// of the snapshot.
func (ix *Index) bareEntry(n int32) Entry {
	if ix.stored == nil || n >= ix.stored.n {
		e := ix.entry(n)
		return Entry{ID: e.ID, DocID: e.DocID, Document: e.Document}
	}
	r := ix.stored.reader(n)
	flags := r.uvarint()
	id, doc := r.string(), r.string()
	return Entry{ID: strings.Clone(id), DocID: strings.Clone(doc), Document: flags&1 != 0}
}

// bareResults are the candidates, in order, as results holding only their
// ids and scores.
func (ix *Index) bareResults(cands []candidate) []Result {
	out := make([]Result, len(cands))
	for i, c := range cands {
		out[i] = Result{Entry: ix.bareEntry(c.entry), Score: c.score}
	}
	return out
}
