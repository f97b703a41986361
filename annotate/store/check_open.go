package store

import bolt "go.etcd.io/bbolt"

// CheckOpen verifies the open library as Check verifies a file, in one
// read transaction: what a running Scholia answers to `scholia check`
// while it holds the file.
func (s *Store) CheckOpen() (Report, error) {
	var r Report
	err := s.db.View(func(tx *bolt.Tx) error {
		r.TxID = int(tx.ID())
		checkPages(tx, &r)
		checkRecords(tx, &r)
		return nil
	})
	return r, err
}
