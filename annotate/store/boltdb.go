package store

import (
	"errors"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// boltDB is the library file as a Store uses it: it counts the
// transactions open, so that Close waits for them (a search holds one
// while it reads entries where they lie in the file, see begin).
type boltDB struct {
	mu     sync.Mutex
	idle   *sync.Cond // signalled when the last open transaction ends
	open   int        // transactions open
	db     *bolt.DB
	closed bool
}

func newBoltDB(db *bolt.DB) *boltDB {
	h := &boltDB{db: db}
	h.idle = sync.NewCond(&h.mu)
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

// View runs a read transaction.
func (h *boltDB) View(fn func(*bolt.Tx) error) error {
	db := h.acquire()
	defer h.release()
	return db.View(fn)
}

// Update runs a write transaction.
func (h *boltDB) Update(fn func(*bolt.Tx) error) error {
	if h.isClosed() {
		return errors.New("the library was closed")
	}
	db := h.acquire()
	defer h.release()
	return db.Update(fn)
}

func (h *boltDB) isClosed() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.closed
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

// Close releases the file and its lock once no transaction is open.
func (h *boltDB) Close() error {
	h.quiet()
	defer h.mu.Unlock()
	h.closed = true
	return h.db.Close()
}
