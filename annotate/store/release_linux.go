//go:build linux

package store

import (
	"os"
	"unsafe"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// ReleaseMapped lets go the pages of the library file this process has
// read so far, out of its resident memory: the file is mapped, and every
// page a read touches stays counted as the process's own (at 100,000
// annotations, reading the kept search index and the list maps in over
// 100 MB). The pages stay in the system's page cache, so reading them
// again costs a page fault, not a disk read. The mapping is read-only and
// shared, so dropping its pages loses nothing; the transaction around it
// holds the mapping in place.
func (s *Store) ReleaseMapped() {
	_ = s.db.View(func(tx *bolt.Tx) error {
		size := int(tx.Size())
		if size <= 0 {
			return nil
		}
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, s.db.info().Data, uintptr(size), unix.MADV_DONTNEED)
		return nil
	})
}

// releasePages lets go the pages of the mapped file that b, read in tx,
// lies in, as ReleaseMapped does for all; nothing when b lies elsewhere.
func (s *Store) releasePages(tx *bolt.Tx, b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	base := s.db.info().Data
	from := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	to := from + uintptr(len(b))
	if from < base || to > base+uintptr(tx.Size()) {
		return
	}
	from -= (from - base) % page
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, from, to-from, unix.MADV_DONTNEED)
}
