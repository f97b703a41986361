package store

import (
	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// # Originals
//
// A PDF's bytes, as imported, are kept so that its pages can be drawn
// later: originals/<doc id> holds them, written in the transaction that
// imports (or revises) the document, and the document's Hash (their
// SHA-256) checks them. A removed document's go with it to the trash
// (removed/<doc id>/original) and come back with it; deleting it for
// good deletes them. The bucket is made by the first import that keeps
// bytes: a library written before, or by an older Scholia, has none, and
// its PDFs show no pages until imported again.

var (
	bucketOriginals = []byte("originals")
	keyRemOriginal  = []byte("original")
)

// Original is the bytes a document was imported from, nil when the
// library keeps none (a document that is no PDF, or imported before they
// were kept).
func (s *Store) Original(docID string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketDocuments).Get([]byte(docID)) == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", docID)
		}
		if b := tx.Bucket(bucketOriginals); b != nil {
			if v := b.Get([]byte(docID)); v != nil {
				out = append([]byte(nil), v...)
			}
		}
		return nil
	})
	return out, err
}

// originalIn is the kept bytes of a document, nil when there are none;
// they are the transaction's own.
func originalIn(tx *bolt.Tx, id []byte) []byte {
	if b := tx.Bucket(bucketOriginals); b != nil {
		return b.Get(id)
	}
	return nil
}

// putOriginalIn keeps a document's bytes, or with none, forgets those
// kept (they are not the new text's).
func putOriginalIn(tx *bolt.Tx, id []byte, data []byte) error {
	if data == nil {
		if b := tx.Bucket(bucketOriginals); b != nil {
			return b.Delete(id)
		}
		return nil
	}
	b, err := tx.CreateBucketIfNotExists(bucketOriginals)
	if err != nil {
		return err
	}
	return b.Put(id, data)
}
