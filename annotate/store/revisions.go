package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// ReviseDocument replaces a document's text with a new revision and saves
// its re-anchored annotations, in one transaction: the earlier text is
// kept under revisions, so nothing is lost if the new text is worse.
// original is the bytes of the new text's file, kept for a PDF's pages
// (nil forgets those kept of the earlier text).
func (s *Store) ReviseDocument(doc *annotate.Document, anns []*annotate.Annotation, original []byte) error {
	return s.Commit(Change{Revised: []*annotate.Document{doc}, Annotations: anns, Originals: map[string][]byte{doc.ID: original}})
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
