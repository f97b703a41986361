package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// # The search index kept in the library
//
// A process that searches loads a snapshot of the search index (see
// annotate/search/snapshot.go) from the search_index bucket instead of
// building it from every record. The snapshot is kept in step in the same
// transactions as the records it describes, without being rewritten on
// every save: each transaction that writes an annotation or a document
// notes its id in the bucket's journal, and the loader puts what the
// journal names into the loaded index again.
//
// Every write transaction of this Scholia stamps the bucket with its own
// transaction id. bbolt counts every write transaction, this Scholia's or
// another version's, so a snapshot whose stamp is not the library's last
// transaction missed a change (an older Scholia wrote to the library, or
// the file was compacted into a new one): it is not used, and the index is
// built from the records again.

var (
	bucketSearch = []byte("search_index")
	bucketChunks = []byte("chunks")
	bucketJourn  = []byte("journal")
	keyStamp     = []byte("stamp")
)

// Journal marks: what a journalled id names.
const (
	journalAnnotation = 'a'
	journalDocument   = 'd'
)

// snapshotChunk bounds each value the snapshot is cut into, so bbolt never
// needs one run of free pages as long as the whole snapshot.
const snapshotChunk = 4 << 20

// SearchIndex is the search index kept in the library: a snapshot, and
// what changed since it was taken.
type SearchIndex struct {
	Snapshot []byte
	// Documents changed since, with every annotation of each in
	// Annotations (a changed title changes them all).
	Documents []annotate.Document
	// Annotations changed since, as they stand.
	Annotations []annotate.Annotation
	// Gone are the annotations changed since that are no longer live.
	Gone []string
}

// Changes is how many records changed since the snapshot was taken.
func (si *SearchIndex) Changes() int {
	return len(si.Documents) + len(si.Annotations) + len(si.Gone)
}

// SearchIndex reads the search index kept in the library and what changed
// since it was taken, in one transaction; nil when the library keeps none
// or keeps one that missed a change.
func (s *Store) SearchIndex() (*SearchIndex, error) {
	var si *SearchIndex
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSearch)
		if b == nil || stampOf(b) != uint64(tx.ID()) {
			return nil
		}
		chunks := b.Bucket(bucketChunks)
		if chunks == nil {
			return nil
		}
		size := 0
		if err := chunks.ForEach(func(_, v []byte) error { size += len(v); return nil }); err != nil {
			return err
		}
		data := make([]byte, 0, size)
		c := chunks.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			data = append(data, v...)
		}
		si = &SearchIndex{Snapshot: data}
		j := b.Bucket(bucketJourn)
		if j == nil {
			return nil
		}
		if err := j.ForEach(func(k, v []byte) error { return si.add(tx, string(k), v) }); err != nil {
			return err
		}
		si.Annotations = once(si.Annotations)
		return nil
	})
	return si, err
}

// add reads what the journal entry id (marked mark) names as it stands.
func (si *SearchIndex) add(tx *bolt.Tx, id string, mark []byte) error {
	if len(mark) == 1 && mark[0] == journalDocument {
		raw := tx.Bucket(bucketDocuments).Get([]byte(id))
		if raw == nil {
			return nil
		}
		var d annotate.Document
		if err := open("documents", id, raw, &d); err != nil {
			return err
		}
		si.Documents = append(si.Documents, d)
		prefix := id + "/"
		c := tx.Bucket(bucketByDocument).Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && string(k[:min(len(k), len(prefix))]) == prefix; k, _ = c.Next() {
			var err error
			if si.Annotations, err = appendLive(tx, si.Annotations, string(k[len(prefix):])); err != nil {
				return err
			}
		}
		return nil
	}
	a, err := annotationIn(tx, id)
	if err != nil {
		return err
	}
	if a == nil {
		si.Gone = append(si.Gone, id)
		return nil
	}
	si.Annotations = append(si.Annotations, *a)
	return nil
}

// once keeps the first of the annotations with the same id: one changed
// in a document that changed comes twice.
func once(anns []annotate.Annotation) []annotate.Annotation {
	seen := make(map[string]bool, len(anns))
	out := anns[:0]
	for _, a := range anns {
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

// PutSearchIndex keeps snapshot, taken of the library as it stood at
// transaction at (see TxID), as the library's search index, replacing the
// one kept and its journal. It keeps nothing, and says so, when the
// library changed since at.
func (s *Store) PutSearchIndex(snapshot []byte, at int) (bool, error) {
	kept := false
	err := s.update(func(tx *bolt.Tx) error {
		if int(tx.ID()) != at+1 {
			return nil
		}
		if err := dropSearchIndex(tx); err != nil {
			return err
		}
		b, err := tx.CreateBucket(bucketSearch)
		if err != nil {
			return err
		}
		chunks, err := b.CreateBucket(bucketChunks)
		if err != nil {
			return err
		}
		chunks.FillPercent = 1
		for i := 0; i*snapshotChunk < len(snapshot); i++ {
			part := snapshot[i*snapshotChunk : min(len(snapshot), (i+1)*snapshotChunk)]
			if err := chunks.Put(binary.BigEndian.AppendUint32(nil, uint32(i)), part); err != nil {
				return err
			}
		}
		if _, err := b.CreateBucket(bucketJourn); err != nil {
			return err
		}
		kept = true
		return nil
	})
	return kept && err == nil, err
}

// stampOf is the transaction a search index bucket was last kept in step
// by.
func stampOf(b *bolt.Bucket) uint64 {
	v := b.Get(keyStamp)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// stamp records that the search index kept in the library is in step with
// this transaction.
func stamp(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSearch)
	if b == nil {
		return nil
	}
	return b.Put(keyStamp, binary.BigEndian.AppendUint64(nil, uint64(tx.ID())))
}

// journal notes in the search index's journal that the record id (marked
// journalAnnotation or journalDocument) changed in this transaction.
func journal(tx *bolt.Tx, mark byte, id string) error {
	b := tx.Bucket(bucketSearch)
	if b == nil {
		return nil
	}
	j := b.Bucket(bucketJourn)
	if j == nil {
		return nil
	}
	return j.Put([]byte(id), []byte{mark})
}

// dropSearchIndex removes the search index kept in the library, if any.
func dropSearchIndex(tx *bolt.Tx) error {
	if tx.Bucket(bucketSearch) == nil {
		return nil
	}
	return tx.DeleteBucket(bucketSearch)
}
