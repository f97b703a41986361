package search

import (
	"os"
	"runtime"
	"sync"
)

// # A built snapshot in a file
//
// The library keeps a snapshot by handing bbolt its bytes, which bbolt
// copies into pages of its own before writing them: a snapshot in memory
// would count twice (0.9 GB each at a million annotations). A
// SnapshotFile is written to a temporary file and mapped: its pages are
// let go of behind bbolt's copy as it reads them, and after the index is
// loaded from it, so that only the parts a search reads stay resident.
// The file is removed from its folder at once and stays mapped until the
// process ends: the loaded index, and the texts of the results it gave,
// point into it. (Elsewhere than on Linux it is read into memory, then
// removed.)

// SnapshotFile is a snapshot written to a temporary file and mapped.
type SnapshotFile struct {
	data []byte
}

// Bytes is the snapshot, to be read only.
func (s *SnapshotFile) Bytes() []byte { return s.data }

// WriteFile writes the snapshot to a temporary file in dir (the system's
// own when empty) and maps it; ErrSnapshotTooLarge when the entries do
// not fit one.
func (b *SnapshotBuilder) WriteFile(dir string) (*SnapshotFile, error) {
	f, err := os.CreateTemp(dir, ".scholia-index-*")
	if err != nil {
		return nil, err
	}
	removed := os.Remove(f.Name()) == nil // Linux lets an open file go
	defer func() {
		_ = f.Close()
		if !removed {
			_ = os.Remove(f.Name())
		}
	}()
	size, err := b.WriteTo(f)
	if err != nil {
		return nil, err
	}
	data, err := mapFile(f, size)
	if err != nil {
		return nil, err
	}
	return &SnapshotFile{data: data}, nil
}

// Lend calls fn with the snapshot's bytes, letting their pages go behind
// it as it reads them, and all of them once it returns. The goroutine
// letting them go is given a processor of its own meanwhile: bbolt's copy
// holds one without a pause, and a backup or the collector may hold the
// others.
func (s *SnapshotFile) Lend(fn func(data []byte)) {
	defer ownProcessor()()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		releaseBehind(s.data, stop)
	}()
	defer func() {
		close(stop)
		<-done
		s.Release()
	}()
	fn(s.data)
}

// Release lets the snapshot's pages go out of the process's resident
// memory; they stay in the system's page cache, and a read maps them in
// again.
func (s *SnapshotFile) Release() { release(s.data) }

// extraProcessors counts the processors added for Lend's goroutines.
var extraProcessors struct {
	sync.Mutex
	n, base int
}

// ownProcessor adds a processor for a goroutine that must not wait for
// one, until done is called.
func ownProcessor() (done func()) {
	e := &extraProcessors
	e.Lock()
	defer e.Unlock()
	if e.n == 0 {
		e.base = runtime.GOMAXPROCS(0)
	}
	e.n++
	runtime.GOMAXPROCS(e.base + e.n)
	return func() {
		e.Lock()
		defer e.Unlock()
		e.n--
		runtime.GOMAXPROCS(e.base + e.n)
	}
}
