package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// linkKey is the answer_links key of a question answered with another
// annotation's passage.
func linkKey(q *annotate.Annotation) []byte { return []byte(q.Answer.Link + "/" + q.ID) }

// LinkedTo returns the live questions whose answer links to any of ids,
// read from the answer_links index: undoing or merging a highlight finds
// the answers pointing at it without reading the whole library.
func (s *Store) LinkedTo(ids []string) ([]annotate.Annotation, error) {
	var out []annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		links := tx.Bucket(bucketLinks)
		if links == nil {
			return nil // a read-only library from before the index: nothing can be saved
		}
		c := links.Cursor()
		for _, id := range ids {
			prefix := []byte(id + "/")
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				q, err := annotationIn(tx, string(k[len(prefix):]))
				if err != nil {
					return err
				}
				if q != nil && q.Answer != nil && q.Answer.Link == id {
					out = append(out, *q)
				}
			}
		}
		return nil
	})
	return out, err
}

// indexLinks fills the answer_links index of a library written before it
// existed.
func indexLinks(tx *bolt.Tx) error {
	b := tx.Bucket(bucketLinks)
	return tx.Bucket(bucketAnnotations).ForEach(func(k, v []byte) error {
		var a annotate.Annotation
		if err := open("annotations", string(k), v, &a); err != nil || a.Answer == nil || a.Answer.Link == "" {
			return nil // a damaged record is the check's to report; it links nothing that can be read
		}
		return b.Put(linkKey(&a), nil)
	})
}
