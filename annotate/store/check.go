package store

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Counts is how many records of each kind a library holds.
type Counts struct {
	Documents   int `json:"documents"`
	Annotations int `json:"annotations"`
	Trash       int `json:"trash"`
	Revisions   int `json:"revisions"`
	// Removed is how many records the removed documents in the trash
	// hold: each document, and the annotations and earlier texts removed
	// with it.
	Removed int `json:"removed,omitempty"`
	// Purged is how many records were ever deleted for good from the
	// trash: a library emptied so was emptied on purpose.
	Purged int `json:"purged,omitempty"`
}

// Total is every record counted.
func (c Counts) Total() int {
	return c.Documents + c.Annotations + c.Trash + c.Revisions + c.Removed
}

// Report is what Check found in a library file.
type Report struct {
	Counts
	// TxID is the last committed transaction: it changes with every save.
	TxID int `json:"txid"`
	// Problems names each damaged record or page; empty when the file is
	// sound.
	Problems []string `json:"problems,omitempty"`
}

// maxProblems bounds a report: a file that fails this often is damaged
// whatever the rest says.
const maxProblems = 20

// sealedBuckets are the buckets whose every value is a checksummed record.
var sealedBuckets = [][]byte{bucketDocuments, bucketBlocks, bucketAnnotations, bucketReading, bucketTrash, bucketRevisions}

// laterBuckets are the sealed buckets a library written by an older
// Scholia may lack until Open adds them: their absence is not damage.
var laterBuckets = [][]byte{bucketReading, bucketTrash, bucketRevisions}

// Check opens the file at path read-only and verifies it: bbolt's own
// page checks, then every record's checksum and every annotation's
// decoding. Damage is listed in the report, a file bbolt refuses included;
// an error means the file could not be checked at all (ErrLocked when
// another process holds it). A file cut short can kill the process inside
// bbolt, beyond recover: run Check in a child process when the file is not
// trusted.
func Check(path string) (Report, error) { return check(path, false) }

// CheckLettingGo is Check letting the file's pages go as it reads them
// (see releasing), so that the file is never resident whole (1.1 GB at a
// million annotations), at the cost of reading them again for the
// records, 1-1.5 s of CPU at a million: for a check in a long-lived
// process, such as a backup's. A child process checking before an open
// ends at once and uses Check.
func CheckLettingGo(path string) (Report, error) { return check(path, true) }

func check(path string, letGo bool) (Report, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Report{}, fmt.Errorf("cannot check %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return Report{Problems: []string{"the file is empty (0 bytes)"}}, nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		if unreadable(err) {
			return Report{Problems: []string{fmt.Sprintf("it is not a readable library (%v)", err)}}, nil
		}
		return Report{}, classifyOpenError(path, err)
	}
	defer db.Close()
	var r Report
	err = db.View(func(tx *bolt.Tx) error {
		r.TxID = int(tx.ID())
		if letGo {
			defer releasing(tx)()
		}
		checkPages(tx, &r)
		checkRecords(tx, &r)
		return nil
	})
	return r, err
}

// checkPages runs bbolt's consistency check; a panic while walking a
// damaged page is a problem found, not a crash.
func checkPages(tx *bolt.Tx, r *Report) {
	defer func() {
		if p := recover(); p != nil {
			r.add(pageProblem(fmt.Sprint(p)))
		}
	}()
	for err := range tx.Check() {
		r.add(pageProblem(err.Error()))
	}
}

// pageProblem words bbolt's report of a bad page for a person: its own
// panics and assertions are its way of saying so, not a crash of ours.
func pageProblem(msg string) string {
	for _, noise := range []string{"panic: ", "assertion failed: "} {
		msg = strings.ReplaceAll(msg, noise, "")
	}
	return "a page is damaged (" + msg + ")"
}

// checkRecords counts the records and verifies each one's checksum; an
// annotation's record is decoded too, as reading it would be.
func checkRecords(tx *bolt.Tx, r *Report) {
	defer func() {
		if p := recover(); p != nil {
			r.add(fmt.Sprintf("a record cannot be read (%v)", p))
		}
	}()
	if tx.Bucket(bucketMeta) == nil {
		if tx.Bucket(bucketDocuments) != nil {
			r.add("the schema record is missing")
		}
		return
	}
	for _, name := range sealedBuckets {
		b := tx.Bucket(name)
		if b == nil {
			if !slices.ContainsFunc(laterBuckets, func(l []byte) bool { return bytes.Equal(l, name) }) {
				r.add(fmt.Sprintf("the %s bucket is missing", name))
			}
			continue
		}
		_ = b.ForEach(func(k, v []byte) error {
			var err error
			if string(name) == string(bucketAnnotations) {
				err = checkAnnotationRecord(string(k), v)
			} else {
				err = verify(string(name), string(k), v)
			}
			if err != nil {
				r.add(err.Error())
			}
			r.count(name)
			return nil
		})
	}
	r.Purged = purgedIn(tx)
	eachRemoved(tx, func(bucket, key string, v []byte) {
		if err := verify(bucket, key, v); err != nil {
			r.add(err.Error())
		}
		r.Removed++
	})
}

func (r *Report) add(problem string) {
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, problem)
	}
}

func (r *Report) count(bucket []byte) {
	switch string(bucket) {
	case string(bucketDocuments):
		r.Documents++
	case string(bucketAnnotations):
		r.Annotations++
	case string(bucketTrash):
		r.Trash++
	case string(bucketRevisions):
		r.Revisions++
	}
}

// countsIn counts the records of each kind a transaction sees.
func countsIn(tx *bolt.Tx) Counts {
	n := func(name []byte) int {
		if b := tx.Bucket(name); b != nil {
			return b.Stats().KeyN
		}
		return 0
	}
	c := Counts{Documents: n(bucketDocuments), Annotations: n(bucketAnnotations), Trash: n(bucketTrash), Revisions: n(bucketRevisions)}
	eachRemoved(tx, func(string, string, []byte) { c.Removed++ })
	c.Purged = purgedIn(tx)
	return c
}

// TxID is the last committed transaction's id: equal ids, equal contents.
func (s *Store) TxID() int {
	var id int
	_ = s.db.View(func(tx *bolt.Tx) error {
		id = int(tx.ID())
		return nil
	})
	return id
}
