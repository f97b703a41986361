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
	keySince     = []byte("since")
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
	// Gone are the annotations and documents changed since that are no
	// longer live.
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
	return s.searchIndex(func(tx *bolt.Tx, b []byte) []byte {
		defer s.releasePages(tx, b) // what was read of it is copied
		return append([]byte(nil), b...)
	})
}

// SearchIndexInPlace is SearchIndex for a store opened with OpenToRead,
// whose file cannot change while it is open: the snapshot is where it
// lies in the file, not copied, and must not be used after Close.
func (s *Store) SearchIndexInPlace() (*SearchIndex, error) {
	if !s.toRead {
		return s.SearchIndex()
	}
	return s.searchIndex(func(_ *bolt.Tx, b []byte) []byte { return b })
}

// SearchIndexPart is SearchIndex keeping of the snapshot only what keep,
// given the snapshot where it lies in the file, copies of it (nil: none
// kept), handing each part it has copied to release, which lets go of the
// pages of the file it lay in; ViewSearchSnapshot reads the rest when
// needed.
func (s *Store) SearchIndexPart(keep func(snapshot []byte, release func([]byte)) []byte) (*SearchIndex, error) {
	var tx *bolt.Tx
	release := func(b []byte) { s.releasePages(tx, b) }
	return s.searchIndex(func(t *bolt.Tx, b []byte) []byte {
		tx = t
		return keep(b, release)
	})
}

// ViewSearchSnapshot begins reading the snapshot of the search index kept
// in the library where it lies in the file: it is valid until done is
// called, which must be soon, as a write that grows the file waits for it.
// It is nil, with done to call all the same, when the library keeps none.
func (s *Store) ViewSearchSnapshot() (snapshot []byte, done func(), err error) {
	tx, done, err := s.db.begin()
	if err != nil {
		return nil, nil, err
	}
	if b := tx.Bucket(bucketSearch); b != nil {
		if sb := b.Bucket(keySnapshot); sb != nil {
			snapshot = sb.Get(keySnapshot)
		}
	}
	return snapshot, done, nil
}

func (s *Store) searchIndex(keep func(*bolt.Tx, []byte) []byte) (*SearchIndex, error) {
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
		if data = keep(tx, data); data == nil {
			return nil
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
	if len(mark) > 0 && mark[0] == journalDocument {
		raw := tx.Bucket(bucketDocuments).Get([]byte(id))
		if raw == nil {
			si.Gone = append(si.Gone, id) // removed: its annotations are journalled too
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

// JournalSearchChanges makes the library note, from now on, every record
// a transaction changes (see journal), so that a search index built from
// the records read after it, however long that takes, can be kept with
// PutSearchIndex. It returns the transaction the journal holds every
// change after.
func (s *Store) JournalSearchChanges() (int, error) {
	at := 0
	err := s.update(func(tx *bolt.Tx) error {
		at = int(tx.ID())
		b, err := tx.CreateBucketIfNotExists(bucketSearch)
		if err != nil {
			return err
		}
		if b.Get(keySince) == nil {
			if err := b.Put(keySince, binary.BigEndian.AppendUint64(nil, uint64(at))); err != nil {
				return err
			}
		}
		_, err = b.CreateBucketIfNotExists(bucketJourn)
		return err
	})
	return at, err
}

// PutSearchIndex keeps snapshot, taken of the library as it stood at
// transaction at (see TxID and JournalSearchChanges) or later, as the
// library's search index, with the changes journalled after at: the
// loader puts them in again. It keeps nothing, and says so, when the
// library changed since at without journalling it (it kept no index in
// step, or an older Scholia wrote to it since).
//
// The snapshot kept is dropped in a transaction of its own first, so that
// the new one can take its pages rather than grow the file by a snapshot
// at each replacement; a search in between builds the index.
func (s *Store) PutSearchIndex(snapshot []byte, at int) (bool, error) {
	if len(snapshot) > maxSnapshot {
		return false, nil
	}
	kept := false
	for _, put := range []bool{false, true} {
		err := s.update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketSearch)
			if b == nil && int(tx.ID()) == at+1 { // nothing changed since at
				var err error
				if b, err = tx.CreateBucket(bucketSearch); err != nil {
					return err
				}
			}
			if b == nil || journalSince(b) > uint64(at) {
				return nil
			}
			if b.Bucket(keySnapshot) != nil {
				if err := b.DeleteBucket(keySnapshot); err != nil {
					return err
				}
			}
			if !put {
				return nil
			}
			sb, err := b.CreateBucket(keySnapshot)
			if err != nil {
				return err
			}
			if err := sb.Put(keySnapshot, snapshot); err != nil {
				return err
			}
			kept = true
			return trimJournal(b, uint64(at))
		})
		if err != nil {
			return false, err
		}
	}
	return kept, nil
}

// journalSince is the transaction a search index bucket journals every
// change after; 0 for one made before it said so, which journalled from
// the start.
func journalSince(b *bolt.Bucket) uint64 {
	v := b.Get(keySince)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// trimJournal removes from the journal of the search index bucket b the
// changes made at or before transaction at, which the snapshot holds.
func trimJournal(b *bolt.Bucket, at uint64) error {
	j, err := b.CreateBucketIfNotExists(bucketJourn)
	if err != nil {
		return err
	}
	var done [][]byte
	if err := j.ForEach(func(k, v []byte) error {
		if journalledAt(v) <= at {
			done = append(done, append([]byte(nil), k...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range done {
		if err := j.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// journalledAt is the transaction a journal entry was noted in; 0 for one
// noted before entries said so.
func journalledAt(v []byte) uint64 {
	if len(v) != 9 {
		return 0
	}
	return binary.BigEndian.Uint64(v[1:])
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
// journalAnnotation or journalDocument) changed in this transaction, and
// which transaction that is.
func journal(tx *bolt.Tx, mark byte, id string) error {
	b := tx.Bucket(bucketSearch)
	if b == nil {
		return nil
	}
	j := b.Bucket(bucketJourn)
	if j == nil {
		return nil
	}
	return j.Put([]byte(id), binary.BigEndian.AppendUint64([]byte{mark}, uint64(tx.ID())))
}

// restampCopy stamps the search index of a compacted copy, which counts
// its transactions anew, with the copy's count, and its journal as kept
// from the start, its entries as noted before the snapshot was taken.
func restampCopy(tx *bolt.Tx) error {
	b := tx.Bucket(bucketSearch)
	if b == nil {
		return nil
	}
	if err := b.Delete(keySince); err != nil {
		return err
	}
	if j := b.Bucket(bucketJourn); j != nil {
		var keys [][]byte
		var marks []byte
		if err := j.ForEach(func(k, v []byte) error {
			if len(v) > 0 {
				keys, marks = append(keys, append([]byte(nil), k...)), append(marks, v[0])
			}
			return nil
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := j.Put(k, []byte{marks[i]}); err != nil {
				return err
			}
		}
	}
	return stamp(tx)
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
	s := &Store{db: newBoltDB(db), path: path, readOnly: true, toRead: true}
	// The file's length first: a page beyond its end is not read.
	err = s.db.View(func(tx *bolt.Tx) error {
		if tx.Size() > fi.Size() {
			return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: it ends before its last page", path)
		}
		return nil
	})
	need := false
	if err == nil {
		need, err = s.needsPrepare()
	}
	if err == nil && need {
		err = annotate.Problemf(annotate.ErrInvalid, "the library %s must be opened to write first", path)
	}
	if err == nil {
		err = s.db.View(s.checkSchema)
	}
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}
