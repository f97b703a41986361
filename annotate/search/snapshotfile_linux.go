//go:build linux

package search

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// mapFile maps the first size bytes of f, read-only and shared.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size == 0 {
		return []byte{}, nil
	}
	return unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
}

// release drops the mapped pages of data from the process's resident
// memory: the mapping is read-only and shared, so nothing is lost.
func release(data []byte) {
	if len(data) > 0 {
		_ = unix.Madvise(data, unix.MADV_DONTNEED)
	}
}

// releaseBehind releases data's pages every millisecond until stop
// closes: a reader going through them meanwhile, such as bbolt's copy,
// maps in only those it reads since (every 10 ms left 150-250 MB of them
// resident at a million annotations).
func releaseBehind(data []byte, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		release(data)
		time.Sleep(time.Millisecond)
	}
}
