//go:build unix

package backup

import (
	"errors"
	"os"
	"sync"
	"syscall"

	"scholia/annotate"
)

// lock takes the lock bbolt takes on a library file, without opening it
// as a database: a Scholia that has it open keeps it, and while we hold
// it no Scholia opens the file. A missing file needs no lock.
func lock(library string) (func(), error) {
	f, err := os.OpenFile(library, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil, annotate.Problemf(annotate.ErrLocked, "another Scholia is using the library %s; close it and try again", library)
	}
	var once sync.Once
	return func() { once.Do(func() { _ = f.Close() }) }, nil
}
