package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// AnnotationsOver returns a document's live annotations whose passage
// overlaps [start, end), in creation order, orphans left out. The others
// are only skimmed for where their passage lies, so choosing a colour or
// writing a note on a passage of a book annotated all over decodes a few
// records, not all of the book's.
func (s *Store) AnnotationsOver(docID string, start, end int) ([]annotate.Annotation, error) {
	var out []annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(docID + "/")
		anns := tx.Bucket(bucketAnnotations)
		c := tx.Bucket(bucketByDocument).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			id := string(k[len(prefix):])
			raw := anns.Get([]byte(id))
			if raw == nil {
				continue
			}
			if over, known := overlaps(raw, start, end); known && !over {
				continue
			}
			var a annotate.Annotation
			if err := open("annotations", id, raw, &a); err != nil {
				return err
			}
			if a.Anchor != nil && !a.Orphan && a.Anchor.Start < end && a.Anchor.End > start {
				out = append(out, a)
			}
		}
		return nil
	})
	return out, err
}

// overlaps reads from an annotation's record whether its passage overlaps
// [start, end), without copying its text; known is false when the record
// is not in the binary form or does not read (open then says why).
func overlaps(raw []byte, start, end int) (over, known bool) {
	if len(raw) < 4 || !binaryAnnotation(raw[4:]) || verify("annotations", "", raw) != nil {
		return false, false
	}
	var a annotate.Annotation
	if readAnnotation(&decoder{b: raw[4:], skim: true}, &a) != nil {
		return false, false
	}
	return a.Anchor != nil && !a.Orphan && a.Anchor.Start < end && a.Anchor.End > start, true
}
