package store

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"scholia/annotate"
)

// update runs one write transaction, stamping the search index kept in the
// library as in step with it (see searchindex.go). A failure to write the file (a full
// disk, a read-only file) becomes an ErrNotSaved sentence: bbolt has
// rolled the transaction back, so that change is not made and everything
// committed before it stands.
func (s *Store) update(fn func(*bolt.Tx) error) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := dropOutOfStep(tx); err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if err := stampWritten(tx); err != nil {
			return err
		}
		return stamp(tx)
	})
	var problem *annotate.Problem
	if err == nil || errors.As(err, &problem) {
		return err
	}
	return annotate.Problemf(annotate.ErrNotSaved, "nothing was saved: %s; everything saved before is safe", writeFailure(s.path, err))
}

// writeFailure says why writing the library failed, and what to do.
func writeFailure(path string, err error) string {
	switch {
	case is(err, syscall.ENOSPC), is(err, syscall.EFBIG), is(err, syscall.EDQUOT):
		return fmt.Sprintf("the disk holding the library %s is full; free some space and try again", path)
	case errors.Is(err, berrors.ErrDatabaseReadOnly), errors.Is(err, syscall.EROFS),
		errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return fmt.Sprintf("the library %s cannot be written (it is read-only)", path)
	}
	return fmt.Sprintf("writing the library %s failed (%v)", path, err)
}

// is matches a system error wrapped, or only quoted: bbolt formats some
// (a failed resize) with %s.
func is(err error, errno syscall.Errno) bool {
	return errors.Is(err, errno) || strings.Contains(err.Error(), errno.Error())
}
