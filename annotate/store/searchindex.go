package store

import (
	"encoding/binary"
	"os"

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
	bucketJourn  = []byte("journal")
	keyStamp     = []byte("stamp")
	// keySnapshot holds the snapshot as one value, alone in a bucket of
	// the same name, so that a reader can use it where it lies in the
	// file: its 8 letters put the value at a multiple of 8 bytes from the
	// start of its page (a page header and one element header of 16 bytes
	// each, then the key), and its numbers on their alignment.
	keySnapshot = []byte("snapshot")
)

// maxSnapshot is the largest value bbolt stores.
const maxSnapshot = 1<<31 - 2

// Journal marks: what a journalled id names.
const (
	journalAnnotation = 'a'
	journalDocument   = 'd'
)

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
func (s *Store) SearchIndex() (*SearchIndex, error) { return s.searchIndex(false) }

// SearchIndexInPlace is SearchIndex for a store opened with OpenToRead,
// whose file cannot change while it is open: the snapshot is where it
// lies in the file, not copied, and must not be used after Close.
func (s *Store) SearchIndexInPlace() (*SearchIndex, error) { return s.searchIndex(s.toRead) }

func (s *Store) searchIndex(inPlace bool) (*SearchIndex, error) {
	var si *SearchIndex
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSearch)
		if b == nil || stampOf(b) != uint64(tx.ID()) {
			return nil
		}
		var data []byte
		if sb := b.Bucket(keySnapshot); sb != nil {
			data = sb.Get(keySnapshot)
		}
		if data == nil {
			return nil
		}
		if !inPlace {
			data = append([]byte(nil), data...)
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
//
// The index kept is dropped in a transaction of its own first, so that
// the new one can take its pages rather than grow the file by a snapshot
// at each replacement. A save in between leaves the library keeping none:
// the next search builds it.
func (s *Store) PutSearchIndex(snapshot []byte, at int) (bool, error) {
	dropped := false
	err := s.update(func(tx *bolt.Tx) error {
		if int(tx.ID()) != at+1 {
			return nil
		}
		dropped = true
		return dropSearchIndex(tx)
	})
	if err != nil || !dropped || len(snapshot) > maxSnapshot {
		return false, err
	}
	kept := false
	err = s.update(func(tx *bolt.Tx) error {
		if int(tx.ID()) != at+2 {
			return nil
		}
		b, err := tx.CreateBucket(bucketSearch)
		if err != nil {
			return err
		}
		sb, err := b.CreateBucket(keySnapshot)
		if err != nil {
			return err
		}
		if err := sb.Put(keySnapshot, snapshot); err != nil {
			return err
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

// dropOutOfStep removes, before a transaction writes, a search index kept
// in the library that missed a change (its stamp is not the transaction
// before this one): stamping it again would bring it back in step without
// what it missed, such as a note an older Scholia wrote.
func dropOutOfStep(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSearch)
	if b == nil || stampOf(b) == uint64(tx.ID())-1 {
		return nil
	}
	return tx.DeleteBucket(bucketSearch)
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

// OpenToRead opens the library at path read-only, sharing it with other
// readers, without creating or adding anything: for a command that only
// reads, such as a search. It fails when the file is missing, lacks
// anything Open would add, or is shorter than its pages.
func OpenToRead(path string) (*Store, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
	if err != nil {
		return nil, classifyOpenError(path, err)
	}
	s := &Store{db: db, path: path, readOnly: true, toRead: true}
	need, err := s.needsPrepare()
	if err == nil && need {
		err = annotate.Problemf(annotate.ErrInvalid, "the library %s must be opened to write first", path)
	}
	if err == nil {
		err = s.db.View(func(tx *bolt.Tx) error {
			if tx.Size() > fi.Size() {
				return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: it ends before its last page", path)
			}
			return s.checkSchema(tx)
		})
	}
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}
