//go:build linux

package store

import (
	"os"
	"time"
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

// releasing lets go of the pages of the file that tx reads through the
// mapping, every 10 ms until stop is called: for reading the whole
// file once (a check, a reindex), which would otherwise leave all of it
// resident, 1.1 GB at a million annotations. stop must be called before tx
// ends: a write transaction may move the mapping when it commits.
func releasing(tx *bolt.Tx) (stop func()) {
	data, size := tx.DB().Info().Data, uintptr(tx.Size())
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			_, _, _ = unix.Syscall(unix.SYS_MADVISE, data, size, unix.MADV_DONTNEED)
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
	}
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
