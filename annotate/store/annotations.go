package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

func byDocumentKey(docID, annID string) []byte { return []byte(docID + "/" + annID) }

// PutAnnotation creates or replaces an annotation in one transaction. Its
// document must exist.
func (s *Store) PutAnnotation(a *annotate.Annotation) error {
	if err := a.Validate(); err != nil {
		return err
	}
	rec, err := seal(a)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketDocuments).Get([]byte(a.DocID)) == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", a.DocID)
		}
		if err := tx.Bucket(bucketAnnotations).Put([]byte(a.ID), rec); err != nil {
			return err
		}
		return tx.Bucket(bucketByDocument).Put(byDocumentKey(a.DocID, a.ID), nil)
	})
}

// Annotations returns a document's annotations in creation order.
func (s *Store) Annotations(docID string) ([]annotate.Annotation, error) {
	var out []annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		anns := tx.Bucket(bucketAnnotations)
		prefix := []byte(docID + "/")
		c := tx.Bucket(bucketByDocument).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			id := string(k[len(prefix):])
			var a annotate.Annotation
			if err := open("annotations", id, anns.Get([]byte(id)), &a); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// AnnotationCounts returns how many annotations each document has.
func (s *Store) AnnotationCounts() (map[string]int, error) {
	counts := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketByDocument).ForEach(func(k, _ []byte) error {
			if i := bytes.IndexByte(k, '/'); i > 0 {
				counts[string(k[:i])]++
			}
			return nil
		})
	})
	return counts, err
}
