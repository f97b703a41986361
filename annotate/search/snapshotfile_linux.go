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

// releaseBehind releases data's pages every 10 ms until stop
// closes: a reader going through them meanwhile (bbolt's copy, 3 GB a
// second or so) maps in only those it reads since, some 30 MB.
func releaseBehind(data []byte, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		release(data)
		time.Sleep(10 * time.Millisecond)
	}
}
