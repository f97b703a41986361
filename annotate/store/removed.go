package store

import (
	"bytes"
	"sort"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// # Removed documents
//
// A document removed from the library goes to the trash whole, in one
// transaction: the removed bucket holds, under the document's id, a
// bucket with its records moved there byte for byte (so a restore puts
// back exactly what was):
//
//	removed/<doc id>/document     record(Document without blocks)
//	removed/<doc id>/blocks       record([]Block)
//	removed/<doc id>/reading      record(Reading), when it had one
//	removed/<doc id>/at           record(time removed)
//	removed/<doc id>/original     the bytes it was imported from, when kept (originals.go)
//	removed/<doc id>/annotations/ ann id -> its live annotations' records
//	removed/<doc id>/trash/       ann id -> its annotations already in the trash
//	removed/<doc id>/revisions/   revision -> its earlier texts
//	removed/<doc id>/hashes/      the hashes of its texts, every revision's
//	removed/<doc id>/sources/     the sources naming it
//
// Its annotations leave the indexes (by_document, open_questions, tags,
// answer_links), its hash and source leave theirs, and the search index's
// journal notes every id, so a kept index drops them when loaded. The
// bucket is made by the first removal: a library that never removed a
// document, or one an older Scholia wrote, reads as having none removed.

var (
	bucketRemoved   = []byte("removed")
	keyRemDocument  = []byte("document")
	keyRemBlocks    = []byte("blocks")
	keyRemReading   = []byte("reading")
	keyRemAt        = []byte("at")
	bucketRemAnns   = []byte("annotations")
	bucketRemTrash  = []byte("trash")
	bucketRemRevs   = []byte("revisions")
	removedSubparts = [][]byte{bucketRemAnns, bucketRemTrash, bucketRemRevs, bucketHashes, bucketSources}
)

// Removed is a document in the trash.
type Removed struct {
	Document    annotate.Document // without its blocks
	RemovedAt   time.Time
	Annotations int // its live annotations when removed
	Trashed     int // its annotations already in the trash then
	Revisions   int
}

// RemoveDocument moves a document, its annotations (live and in the
// trash), its earlier texts and its reading place to the trash in one
// transaction: nothing of it is listed, searched or exported until
// RestoreDocument brings it back. It returns the ids of the live
// annotations it moved: with the document's own, the entries a search
// index held of it.
func (s *Store) RemoveDocument(docID string, at time.Time) ([]string, error) {
	atRec, err := seal(at.UTC())
	if err != nil {
		return nil, err
	}
	var moved []string
	if err := s.update(func(tx *bolt.Tx) error { return removeDocumentIn(tx, docID, atRec, &moved) }); err != nil {
		return nil, err
	}
	return moved, nil
}

// removeDocumentIn moves the document to the trash, adding to moved the
// ids of the live annotations it moves.
func removeDocumentIn(tx *bolt.Tx, docID string, atRec []byte, moved *[]string) error {
	id := []byte(docID)
	info := tx.Bucket(bucketDocuments).Get(id)
	if info == nil {
		return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", docID)
	}
	var d annotate.Document
	if err := open("documents", docID, info, &d); err != nil {
		return err
	}
	root, err := tx.CreateBucketIfNotExists(bucketRemoved)
	if err != nil {
		return err
	}
	if root.Bucket(id) != nil {
		if err := root.DeleteBucket(id); err != nil { // a purge left nothing here; never two copies
			return err
		}
	}
	rb, err := root.CreateBucket(id)
	if err != nil {
		return err
	}
	if err := putAll(rb, map[string][]byte{
		string(keyRemDocument): info,
		string(keyRemBlocks):   tx.Bucket(bucketBlocks).Get(id),
		string(keyRemReading):  tx.Bucket(bucketReading).Get(id),
		string(keyRemAt):       atRec,
		string(keyRemOriginal): originalIn(tx, id),
	}); err != nil {
		return err
	}
	if err := putOriginalIn(tx, id, nil); err != nil {
		return err
	}
	sub := map[string]*bolt.Bucket{}
	for _, name := range removedSubparts {
		if sub[string(name)], err = rb.CreateBucket(name); err != nil {
			return err
		}
	}
	// Its live annotations.
	annIDs, err := prefixed(tx.Bucket(bucketByDocument), docID+"/")
	if err != nil {
		return err
	}
	for _, annID := range annIDs {
		a, err := annotationIn(tx, annID)
		if err != nil {
			return err
		}
		if a == nil {
			continue
		}
		if err := sub[string(bucketRemAnns)].Put([]byte(annID), tx.Bucket(bucketAnnotations).Get([]byte(annID))); err != nil {
			return err
		}
		if err := unindex(tx, a); err != nil {
			return err
		}
		if err := tx.Bucket(bucketAnnotations).Delete([]byte(annID)); err != nil {
			return err
		}
		if err := journal(tx, journalAnnotation, annID); err != nil {
			return err
		}
		*moved = append(*moved, annID)
	}
	// Its annotations already in the trash.
	var trashed [][]byte
	if err := tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error {
		var del Deleted
		if err := open("trash", string(k), v, &del); err != nil {
			return err
		}
		if del.Annotation.DocID == docID {
			trashed = append(trashed, append([]byte(nil), k...))
			return sub[string(bucketRemTrash)].Put(k, v)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range trashed {
		if err := tx.Bucket(bucketTrash).Delete(k); err != nil {
			return err
		}
	}
	// Its earlier texts.
	revs, err := prefixed(tx.Bucket(bucketRevisions), docID+"/")
	if err != nil {
		return err
	}
	for _, rev := range revs {
		key := []byte(docID + "/" + rev)
		if err := sub[string(bucketRemRevs)].Put([]byte(rev), tx.Bucket(bucketRevisions).Get(key)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRevisions).Delete(key); err != nil {
			return err
		}
	}
	// The document itself and its indexes.
	for _, name := range [][]byte{bucketDocuments, bucketBlocks, bucketReading} {
		if err := tx.Bucket(name).Delete(id); err != nil {
			return err
		}
	}
	for _, name := range [][]byte{bucketHashes, bucketSources} {
		if err := moveNaming(tx.Bucket(name), sub[string(name)], id); err != nil {
			return err
		}
	}
	return journal(tx, journalDocument, docID)
}

// moveNaming moves the entries of the index from whose value is id to
// the bucket to.
func moveNaming(from, to *bolt.Bucket, id []byte) error {
	var keys [][]byte
	if err := from.ForEach(func(k, v []byte) error {
		if bytes.Equal(v, id) {
			keys = append(keys, append([]byte(nil), k...))
			return to.Put(k, v)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := from.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// eachRemoved calls fn with every counted record of the removed
// documents: each document's, and those of its annotations (live and
// trashed) and earlier texts.
func eachRemoved(tx *bolt.Tx, fn func(bucket, key string, v []byte)) {
	root := tx.Bucket(bucketRemoved)
	if root == nil {
		return
	}
	_ = root.ForEach(func(k, v []byte) error {
		rb := root.Bucket(k)
		if v != nil || rb == nil {
			return nil
		}
		fn("removed", string(k), rb.Get(keyRemDocument))
		for _, name := range [][]byte{bucketRemAnns, bucketRemTrash, bucketRemRevs} {
			if sub := rb.Bucket(name); sub != nil {
				_ = sub.ForEach(func(k, v []byte) error {
					fn("removed "+string(name), string(k), v)
					return nil
				})
			}
		}
		return nil
	})
}

var keyPurged = []byte("purged")

// purgedIn is how many records were deleted for good from the trash.
func purgedIn(tx *bolt.Tx) int {
	n, _ := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keyPurged)))
	return n
}

// countPurged adds n to the records deleted for good.
func countPurged(tx *bolt.Tx, n int) error {
	return tx.Bucket(bucketMeta).Put(keyPurged, []byte(strconv.Itoa(purgedIn(tx)+n)))
}

// removedRecords is how many counted records the removed document's
// bucket rb holds.
func removedRecords(rb *bolt.Bucket) int {
	n := 1
	for _, name := range [][]byte{bucketRemAnns, bucketRemTrash, bucketRemRevs} {
		n += rb.Bucket(name).Stats().KeyN
	}
	return n
}

// putAll puts every non-nil value under its key.
func putAll(b *bolt.Bucket, kv map[string][]byte) error {
	for k, v := range kv {
		if v == nil {
			continue
		}
		if err := b.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}

// prefixed lists what follows prefix in the keys of b that start with it.
func prefixed(b *bolt.Bucket, prefix string) ([]string, error) {
	var out []string
	c := b.Cursor()
	p := []byte(prefix)
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		out = append(out, string(k[len(p):]))
	}
	return out, nil
}

// RestoreDocument brings a removed document back from the trash with
// everything removed with it, in one transaction, and returns it (without
// its blocks). It fails when another document now holds its bytes.
func (s *Store) RestoreDocument(docID string) (*annotate.Document, error) {
	var out annotate.Document
	err := s.update(func(tx *bolt.Tx) error {
		rb := removedBucket(tx, docID)
		if rb == nil {
			return annotate.Problemf(annotate.ErrNotFound, "the trash has no document %s", docID)
		}
		id := []byte(docID)
		info := rb.Get(keyRemDocument)
		if err := open("removed", docID, info, &out); err != nil {
			return err
		}
		if err := rb.Bucket(bucketHashes).ForEach(func(k, _ []byte) error {
			if other := tx.Bucket(bucketHashes).Get(k); other != nil && !bytes.Equal(other, id) {
				return annotate.Problemf(annotate.ErrInvalid, "the document %q cannot come back: the library holds its text again (id %s)", out.Title, other)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, kb := range []struct {
			key, bucket []byte
		}{{keyRemDocument, bucketDocuments}, {keyRemBlocks, bucketBlocks}, {keyRemReading, bucketReading}} {
			if v := rb.Get(kb.key); v != nil {
				if err := tx.Bucket(kb.bucket).Put(id, v); err != nil {
					return err
				}
			}
		}
		if v := rb.Get(keyRemOriginal); v != nil {
			if err := putOriginalIn(tx, id, v); err != nil {
				return err
			}
		}
		for _, name := range [][]byte{bucketHashes, bucketSources} {
			if err := rb.Bucket(name).ForEach(func(k, v []byte) error { return tx.Bucket(name).Put(k, v) }); err != nil {
				return err
			}
		}
		if err := journal(tx, journalDocument, docID); err != nil {
			return err
		}
		if err := rb.Bucket(bucketRemAnns).ForEach(func(k, v []byte) error {
			var a annotate.Annotation
			if err := open("annotations", string(k), v, &a); err != nil {
				return err
			}
			if err := tx.Bucket(bucketAnnotations).Put(k, v); err != nil {
				return err
			}
			if err := journal(tx, journalAnnotation, string(k)); err != nil {
				return err
			}
			return index(tx, &a)
		}); err != nil {
			return err
		}
		if err := rb.Bucket(bucketRemTrash).ForEach(func(k, v []byte) error {
			return tx.Bucket(bucketTrash).Put(k, v)
		}); err != nil {
			return err
		}
		if err := rb.Bucket(bucketRemRevs).ForEach(func(k, v []byte) error {
			return tx.Bucket(bucketRevisions).Put([]byte(docID+"/"+string(k)), v)
		}); err != nil {
			return err
		}
		return tx.Bucket(bucketRemoved).DeleteBucket(id)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// removedBucket is the trash's bucket of a removed document, nil when the
// trash has none of that id.
func removedBucket(tx *bolt.Tx, docID string) *bolt.Bucket {
	root := tx.Bucket(bucketRemoved)
	if root == nil {
		return nil
	}
	return root.Bucket([]byte(docID))
}

// PurgeDocument deletes a removed document, and everything removed with
// it, for good.
func (s *Store) PurgeDocument(docID string) error {
	return s.update(func(tx *bolt.Tx) error {
		rb := removedBucket(tx, docID)
		if rb == nil {
			return annotate.Problemf(annotate.ErrNotFound, "the trash has no document %s", docID)
		}
		if err := countPurged(tx, removedRecords(rb)); err != nil {
			return err
		}
		return tx.Bucket(bucketRemoved).DeleteBucket([]byte(docID))
	})
}

// PurgeAnnotation deletes an annotation in the trash for good.
func (s *Store) PurgeAnnotation(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketTrash).Get([]byte(id)) == nil {
			return annotate.Problemf(annotate.ErrNotFound, "the trash has no annotation %s", id)
		}
		if err := countPurged(tx, 1); err != nil {
			return err
		}
		return tx.Bucket(bucketTrash).Delete([]byte(id))
	})
}

// EmptyTrash deletes every removed document and every annotation in the
// trash for good, in one transaction, and says how many of each.
func (s *Store) EmptyTrash() (docs, anns int, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		docs, anns = 0, 0
		purged := 0
		if root := tx.Bucket(bucketRemoved); root != nil {
			if err := root.ForEach(func(k, v []byte) error {
				if v == nil {
					docs++
					purged += removedRecords(root.Bucket(k))
				}
				return nil
			}); err != nil {
				return err
			}
			if err := tx.DeleteBucket(bucketRemoved); err != nil {
				return err
			}
		}
		anns = tx.Bucket(bucketTrash).Stats().KeyN
		if err := countPurged(tx, purged+anns); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketTrash); err != nil {
			return err
		}
		_, err := tx.CreateBucket(bucketTrash)
		return err
	})
	return docs, anns, err
}

// RemovedDocuments lists the documents in the trash, most recently
// removed first.
func (s *Store) RemovedDocuments() ([]Removed, error) {
	var out []Removed
	err := s.db.View(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketRemoved)
		if root == nil {
			return nil
		}
		return root.ForEach(func(k, v []byte) error {
			rb := root.Bucket(k)
			if v != nil || rb == nil {
				return nil
			}
			r := Removed{}
			if err := open("removed", string(k), rb.Get(keyRemDocument), &r.Document); err != nil {
				return err
			}
			if err := open("removed", string(k), rb.Get(keyRemAt), &r.RemovedAt); err != nil {
				return err
			}
			r.Annotations = rb.Bucket(bucketRemAnns).Stats().KeyN
			r.Trashed = rb.Bucket(bucketRemTrash).Stats().KeyN
			r.Revisions = rb.Bucket(bucketRemRevs).Stats().KeyN
			out = append(out, r)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].RemovedAt.After(out[j].RemovedAt) })
	return out, err
}

// RemovedAnnotations returns the annotations a removed document had when
// it was removed: the live ones, then those already in the trash.
func (s *Store) RemovedAnnotations(docID string) (live []annotate.Annotation, trashed []Deleted, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		rb := removedBucket(tx, docID)
		if rb == nil {
			return annotate.Problemf(annotate.ErrNotFound, "the trash has no document %s", docID)
		}
		if err := rb.Bucket(bucketRemAnns).ForEach(func(k, v []byte) error {
			var a annotate.Annotation
			if err := open("annotations", string(k), v, &a); err != nil {
				return err
			}
			live = append(live, a)
			return nil
		}); err != nil {
			return err
		}
		return rb.Bucket(bucketRemTrash).ForEach(func(k, v []byte) error {
			var d Deleted
			if err := open("trash", string(k), v, &d); err != nil {
				return err
			}
			trashed = append(trashed, d)
			return nil
		})
	})
	return live, trashed, err
}
