package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// ReviseDocument replaces a document's text with a new revision and saves
// its re-anchored annotations, in one transaction: the earlier text is
// kept under revisions, so nothing is lost if the new text is worse.
func (s *Store) ReviseDocument(doc *annotate.Document, anns []*annotate.Annotation) error {
	infoRec, blocksRec, err := sealDocument(doc)
	if err != nil {
		return err
	}
	recs := make([][]byte, len(anns))
	for i, a := range anns {
		if recs[i], err = seal(a); err != nil {
			return err
		}
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		id := []byte(doc.ID)
		oldInfo := tx.Bucket(bucketDocuments).Get(id)
		if oldInfo == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", doc.ID)
		}
		var old annotate.Document
		if err := open("documents", doc.ID, oldInfo, &old); err != nil {
			return err
		}
		if err := open("blocks", doc.ID, tx.Bucket(bucketBlocks).Get(id), &old.Blocks); err != nil {
			return err
		}
		oldRec, err := seal(&old)
		if err != nil {
			return err
		}
		key := []byte(fmt.Sprintf("%s/%06d", doc.ID, old.Revision))
		if err := tx.Bucket(bucketRevisions).Put(key, oldRec); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocuments).Put(id, infoRec); err != nil {
			return err
		}
		if err := tx.Bucket(bucketBlocks).Put(id, blocksRec); err != nil {
			return err
		}
		if err := tx.Bucket(bucketHashes).Put([]byte(doc.Hash), id); err != nil {
			return err
		}
		for i, a := range anns {
			if err := putIn(tx, a, recs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// Revisions returns a document's earlier texts, oldest first.
func (s *Store) Revisions(docID string) ([]annotate.Document, error) {
	var out []annotate.Document
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(docID + "/")
		c := tx.Bucket(bucketRevisions).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var d annotate.Document
			if err := open("revisions", string(k), v, &d); err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}
