//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// ReleaseMapped does nothing where the mapped pages cannot be let go.
func (s *Store) ReleaseMapped() {}

func (s *Store) releasePages(*bolt.Tx, []byte) {}
