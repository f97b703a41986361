package library

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"scholia/annotate/backup"
	"scholia/annotate/library/keeper"
	"scholia/annotate/library/repair"
	"scholia/annotate/store"
)

// OpenChecking is OpenVerified without waiting for the check. The app
// does not use it (cmd/scholia opens with OpenVerified): a page tree with
// a cycle makes bbolt's cursor grow until memory runs out, which no
// recover catches, so a file not yet checked is not read in the process
// that must survive it. What it does: the
// library opens at once for reading while check runs (in another process,
// sharing the file), and every write (a save, an import, an undo, a
// backup) waits until it has passed. checked then receives nil: the file
// is open for writing, the backups start. Or the check found damage: the
// library is closed with nothing written, the file set aside, and checked
// receives the *Damage, as OpenVerified returns it; or it could not check
// (another error, the library closed as well).
//
// Reading a damaged file could end the process beyond recover (a fault
// in bbolt): a mark beside the file says a check is under way until one
// passes, and a start that finds it (left by a process that ended, or
// was closed, before its check passed) opens the library as OpenVerified
// does, after its check. So does a library that cannot be
// opened for reading first (a new, read-only or older one, or one shorter
// than its pages): checked then receives nil at once.
func OpenChecking(path string, check Checker) (*Library, <-chan error, error) {
	done := make(chan error, 1)
	mark := checkMark(path)
	s, err := openBeforeCheck(path, mark)
	if err != nil {
		lib, err := OpenVerified(path, check)
		if err == nil {
			_ = os.Remove(mark)
			done <- nil
		}
		return lib, done, err
	}
	k := keeper.New()
	lib := newLibrary(s, k)
	go func() {
		r, err := check(path)
		if err == nil {
			err = s.Checked(func() error {
				_, err := repair.Judge(path, r, backup.Checker(check), time.Now())
				return err
			})
		} else {
			_ = s.Checked(func() error { return err })
		}
		if err == nil {
			_ = os.Remove(mark)
			ticker := time.NewTicker(backup.Interval)
			k.Start(s, ticker.C, ticker.Stop)
		}
		done <- err
	}()
	return lib, done, nil
}

// openBeforeCheck opens the library for reading before its check, when
// no start before this one ended while reading it unchecked, and marks
// the check under way.
func openBeforeCheck(path, mark string) (*store.Store, error) {
	if _, err := os.Stat(mark); !errors.Is(err, os.ErrNotExist) {
		return nil, errors.New("a start before this one ended before its check")
	}
	s, err := store.OpenBeforeCheck(path)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(mark, nil, 0o600); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// checkMark is the file beside the library that says a check of it is
// under way while the library is read.
func checkMark(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".checking")
}
