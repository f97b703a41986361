package store

import (
	"errors"
	"runtime/debug"
	"sync"
	"syscall"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// boltDB is the library file as a Store uses it. A library opened before
// its check has finished (OpenBeforeCheck) is open read-only, sharing the
// file with the process that checks it; once the check passed it is
// opened again for writing, and every write waits until then.
//
// Reopening waits until no transaction is open, without keeping new ones
// from starting meanwhile: a transaction that begins another (a change
// that reads the kept search index) never waits on the reopening that
// waits on it.
type boltDB struct {
	mu       sync.Mutex
	idle     *sync.Cond // signalled when the last open transaction ends
	open     int        // transactions open
	db       *bolt.DB
	writable chan struct{} // closed once writes may go
	refused  error         // why writes never will; set before writable is closed
	closed   bool
}

func newBoltDB(db *bolt.DB, writable bool) *boltDB {
	h := &boltDB{db: db, writable: make(chan struct{})}
	h.idle = sync.NewCond(&h.mu)
	if writable {
		close(h.writable)
	}
	return h
}

// acquire is the file for one transaction; release ends it.
func (h *boltDB) acquire() *bolt.DB {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.open++
	return h.db
}

func (h *boltDB) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.open--; h.open == 0 {
		h.idle.Broadcast()
	}
}

// quiet holds mu once no transaction is open.
func (h *boltDB) quiet() {
	h.mu.Lock()
	for h.open > 0 {
		h.idle.Wait()
	}
}

// View runs a read transaction. Before the file's check has passed, what
// a damaged file would do to the reader (a panic in bbolt, a fault on a
// page beyond the file's end) is the error ErrDamaged instead: the check
// then finds the damage, and the process lives to say so.
func (h *boltDB) View(fn func(*bolt.Tx) error) error {
	db := h.acquire()
	defer h.release()
	if h.unchecked() {
		return viewUnchecked(db, fn)
	}
	return db.View(fn)
}

// unchecked says whether the file's check has not yet ended.
func (h *boltDB) unchecked() bool {
	select {
	case <-h.writable:
		return false
	default:
		return true
	}
}

// viewUnchecked is db.View(fn) turning a panic or a memory fault into an
// error.
func viewUnchecked(db *bolt.DB, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = annotate.Problemf(annotate.ErrDamaged, "the library %s could not be read: it may be damaged (%v); it is being checked", db.Path(), p)
		}
	}()
	return db.View(fn)
}

// awaitCheck waits until the file's check has ended: nil once it passed,
// else why writes are refused.
func (h *boltDB) awaitCheck() error {
	<-h.writable
	return h.refused
}

// Update runs a write transaction once writes may go.
func (h *boltDB) Update(fn func(*bolt.Tx) error) error {
	<-h.writable
	if h.refused != nil {
		return h.refused
	}
	db := h.acquire()
	defer h.release()
	return db.Update(fn)
}

// begin starts a read transaction that lasts until done is called.
func (h *boltDB) begin() (tx *bolt.Tx, done func(), err error) {
	db := h.acquire()
	if tx, err = db.Begin(false); err != nil {
		h.release()
		return nil, nil, err
	}
	return tx, func() { _ = tx.Rollback(); h.release() }, nil
}

// info is the open file's mapping: call it inside a transaction.
func (h *boltDB) info() *bolt.Info {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.db.Info()
}

// Close releases the file and its lock once no transaction is open;
// writes waiting are refused.
func (h *boltDB) Close() error {
	h.quiet()
	defer h.mu.Unlock()
	h.refuse(errors.New("the library was closed"))
	h.closed = true
	return h.db.Close()
}

// refuse makes every write waiting, or to come, fail with err, unless
// writes already go.
func (h *boltDB) refuse(err error) {
	select {
	case <-h.writable:
	default:
		h.refused = err
		close(h.writable)
	}
}

// OpenBeforeCheck opens an existing library at path for reading at once,
// while its check runs in another process, sharing the file with it:
// reads work, every write waits until Checked. It fails with ErrInvalid
// when the library cannot be opened that way (a file this process may not
// write, one shorter than its pages, one that lacks anything Open would
// add): open it after its check instead.
func OpenBeforeCheck(path string) (*Store, error) {
	if err := syscall.Access(path, 2); err != nil {
		return nil, annotate.Problemf(annotate.ErrInvalid, "the library %s is not writable", path)
	}
	s, err := openToRead(path, false)
	if err != nil {
		return nil, err
	}
	s.readOnly, s.toRead = false, false
	return s, nil
}

// AwaitCheck waits until the check of a store opened with
// OpenBeforeCheck has ended (at once for any other store): nil once it
// passed, else why nothing will be written.
func (s *Store) AwaitCheck() error { return s.db.awaitCheck() }

// Checked ends what OpenBeforeCheck began, once the check is done:
// the file is closed, waiting for the reads in progress, and judge says
// whether it is sound (nil). Then it is opened again for writing and the
// writes waiting go; an error opening it is what each write then returns,
// reads going on read-only. Else (or when the store was closed meanwhile)
// it stays closed, unchanged, every write refused, and the error is
// returned.
func (s *Store) Checked(judge func() error) error {
	h := s.db
	h.quiet()
	defer h.mu.Unlock()
	if h.closed {
		return errors.New("the library was closed")
	}
	_ = h.db.Close()
	if err := judge(); err != nil {
		h.closed = true
		h.refuse(annotate.Problemf(annotate.ErrNotSaved, "nothing was saved: %v", err))
		return err
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		err = classifyOpenError(s.path, err)
		h.refuse(annotate.Problemf(annotate.ErrNotSaved, "nothing was saved: %v", err))
		if ro, rerr := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: true}); rerr == nil {
			h.db = ro
		}
		return err
	}
	h.db = db
	close(h.writable)
	return nil
}
