//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// ReleaseMapped does nothing where the mapped pages cannot be let go.
func (s *Store) ReleaseMapped() {}

// releasing does nothing where the mapped pages cannot be let go.
func releasing(*bolt.Tx) (stop func()) { return func() {} }

// releasePages does nothing where the mapped pages cannot be let go.
func (s *Store) releasePages(*bolt.Tx, []byte) {}
