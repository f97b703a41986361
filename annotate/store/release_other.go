//go:build !linux

package store

// ReleaseMapped does nothing where the mapped pages cannot be let go.
func (s *Store) ReleaseMapped() {}
