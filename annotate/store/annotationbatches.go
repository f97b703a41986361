package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// EachAnnotation calls fn with every live annotation of the library, in
// creation order, reading batch of them at a time, each batch in a read
// transaction of its own: only a batch is in memory, a save that grows the
// file waits for one batch at most (bbolt moves its mapping only between
// read transactions), and the pages each batch read are let go (see
// ReleaseMapped), so reading a million annotations does not keep the
// whole file resident. A record changed meanwhile is read as it stood
// when its batch was read, or not at all if it was made or deleted after:
// a caller that needs every change journals them (JournalSearchChanges).
func (s *Store) EachAnnotation(batch int, fn func(a *annotate.Annotation) error) error {
	batch = max(batch, 1)
	var after []byte
	anns := make([]annotate.Annotation, 0, batch)
	for {
		anns = anns[:0]
		err := s.db.View(func(tx *bolt.Tx) error {
			c := tx.Bucket(bucketAnnotations).Cursor()
			k, v := c.First()
			if after != nil {
				if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(anns) < batch; k, v = c.Next() {
				var a annotate.Annotation
				if err := open("annotations", string(k), v, &a); err != nil {
					return err
				}
				anns = append(anns, a)
				after = append(after[:0], k...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		s.ReleaseMapped()
		for i := range anns {
			if err := fn(&anns[i]); err != nil {
				return err
			}
		}
		if len(anns) < batch {
			return nil
		}
	}
}
