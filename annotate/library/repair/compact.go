package repair

import (
	"fmt"
	"os"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// Compacted is what a compaction did: the file's size before and after.
type Compacted struct {
	Before, After int64
}

// Compact rewrites the library at path without the space deleted and
// replaced records left behind: it is verified (check), copied compacted
// beside itself, the copy checked to hold every record, then renamed over
// it. Another Scholia using the library makes it fail with ErrLocked.
func Compact(path string, check backup.Checker) (Compacted, error) {
	before, err := Verify(path, check, time.Now())
	if err != nil {
		return Compacted{}, err
	}
	if before == nil {
		return Compacted{}, annotate.Problemf(annotate.ErrNotFound, "there is no library at %s to compact", path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return Compacted{}, err
	}
	res := Compacted{Before: fi.Size()}
	tmp := path + ".compacting"
	_ = os.Remove(tmp)
	defer os.Remove(tmp)
	err = store.Compact(path, tmp, func() error {
		after, err := store.Check(tmp)
		if err == nil && (len(after.Problems) > 0 || after.Counts != before.Counts) {
			err = fmt.Errorf("the compacted copy does not hold every record")
		}
		if err == nil {
			fi, err = os.Stat(tmp)
		}
		if err == nil {
			res.After = fi.Size()
			err = os.Rename(tmp, path)
		}
		if err != nil {
			return fmt.Errorf("cannot compact %s: %w; the library is unchanged", path, err)
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	return res, backup.TakeFile(path, time.Now())
}
