package store

import (
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// CopyTo writes a consistent copy of the library to w, as it stands at one
// moment while saves go on, and returns what that copy holds.
func (s *Store) CopyTo(w io.Writer) (Report, error) {
	var r Report
	err := s.db.View(func(tx *bolt.Tx) error {
		// Counting walks every page of the file through the mapping: let
		// them go as it goes, lest a backup in the window's process leave
		// the whole file resident (1 GB at 1,000,000 annotations).
		defer releasing(tx)()
		r.TxID = int(tx.ID())
		r.Counts = countsIn(tx)
		_, err := tx.WriteTo(w)
		return err
	})
	return r, err
}

// compactTxSize bounds each transaction of a compaction, so a large
// library is copied without holding it all in one: 8 MB compacts 100,000
// annotations in 1.1 s and 323 MB allocated, 64 MB in 1.8 s and 1.2 GB
// (BenchmarkCompact100k).
const compactTxSize = 8 << 20

// Compact writes a compacted copy of the library at src to dst, which
// must not exist: only live pages are copied, each filled. Then it calls
// swap, which may check dst and rename it over src. src stays locked until
// swap returns, so no other Scholia writes to it meanwhile.
func Compact(src, dst string, swap func() error) error {
	from, err := bolt.Open(src, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return classifyOpenError(src, err)
	}
	defer from.Close()
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("cannot compact into %s: the file exists", dst)
	}
	to, err := bolt.Open(dst, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return fmt.Errorf("cannot create %s: %w", dst, err)
	}
	if err := bolt.Compact(to, from, compactTxSize); err != nil {
		_ = to.Close()
		return fmt.Errorf("cannot compact %s: %w", src, err)
	}
	// The copy counts its transactions anew: the search index, in step
	// with src, is stamped with the copy's count (see restampCopy); one
	// that was not is dropped, lest the copy's count reach its stamp. The
	// next search builds it then.
	inStep, ours := false, false
	if err := from.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSearch)
		inStep = b != nil && stampOf(b) == uint64(tx.ID())
		ours = tx.Bucket(bucketMeta) != nil && !writtenByOther(tx)
		return nil
	}); err != nil {
		_ = to.Close()
		return fmt.Errorf("cannot compact %s: %w", src, err)
	}
	restamp := dropSearchIndex
	if inStep {
		restamp = restampCopy
	}
	if err := to.Update(func(tx *bolt.Tx) error {
		if err := restamp(tx); err != nil || !ours {
			return err
		}
		return stampWritten(tx) // the derived indexes are in step
	}); err != nil {
		_ = to.Close()
		return fmt.Errorf("cannot compact %s: %w", src, err)
	}
	if err := to.Close(); err != nil {
		return fmt.Errorf("cannot compact %s: %w", src, err)
	}
	return swap()
}
