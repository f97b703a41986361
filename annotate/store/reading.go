package store

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// Reading is where a person last was in a document, and when.
type Reading struct {
	Position int       `json:"position"`
	Opened   time.Time `json:"opened"`
}

// PutReading records the reading state of a document in one transaction.
func (s *Store) PutReading(docID string, r Reading) error {
	rec, err := seal(r)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketDocuments).Get([]byte(docID)) == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", docID)
		}
		return tx.Bucket(bucketReading).Put([]byte(docID), rec)
	})
}

// Readings returns the reading state of every document that has one.
func (s *Store) Readings() (map[string]Reading, error) {
	out := map[string]Reading{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketReading).ForEach(func(k, v []byte) error {
			var r Reading
			if err := open("reading", string(k), v, &r); err != nil {
				return err
			}
			out[string(k)] = r
			return nil
		})
	})
	return out, err
}
