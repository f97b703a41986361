package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"scholia/annotate"
)

// SchemaVersion is the layout this code reads and writes.
const SchemaVersion = 1

// LockTimeout is how long Open and Check wait for another process to
// release the file: long enough for a command-line call to finish, short
// enough that a second window says the library is in use within 3 s.
const LockTimeout = time.Second

var (
	bucketMeta        = []byte("meta")
	bucketDocuments   = []byte("documents")
	bucketBlocks      = []byte("blocks")
	bucketHashes      = []byte("hashes")
	bucketAnnotations = []byte("annotations")
	bucketByDocument  = []byte("by_document")
	bucketReading     = []byte("reading")
	bucketTrash       = []byte("trash")
	bucketQuestions   = []byte("open_questions")
	bucketTags        = []byte("tags")
	bucketRevisions   = []byte("revisions")
	bucketSources     = []byte("sources")
	bucketLinks       = []byte("answer_links")
	keySchema         = []byte("schema")
)

var allBuckets = [][]byte{bucketMeta, bucketDocuments, bucketBlocks, bucketHashes, bucketAnnotations, bucketByDocument, bucketReading, bucketTrash, bucketQuestions, bucketTags, bucketRevisions, bucketSources, bucketLinks}

// Store is an open library file.
type Store struct {
	db       *boltDB
	path     string
	readOnly bool
	toRead   bool // opened by OpenToRead: nothing writes to the file while it is open
}

// Open opens the library at path, creating it (0600, in a 0700 folder) when
// it does not exist. It fails with ErrLocked when another process holds the
// file for LockTimeout, ErrDamaged when the file is not a Scholia library
// (a 0-byte file included: it is never silently made into a new one), and
// ErrNewerSchema when a newer Scholia wrote it. A library the process may
// read but not write (a read-only file or disk) opens read-only: see
// ReadOnly.
func Open(path string) (*Store, error) { return OpenWith(path, nil) }

// OpenWith is Open that calls beforeWrite before Open writes to a file
// that already held a library (to create what an older Scholia lacked):
// the moment for a backup. Opening a library that has everything writes
// nothing and calls nothing.
func OpenWith(path string, beforeWrite func(*Store)) (*Store, error) {
	existed := false
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return nil, annotate.Problemf(annotate.ErrDamaged, "the library %s is a folder, not a library file; name a file with --library", path)
		}
		if fi.Size() == 0 {
			return nil, annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: it is empty (0 bytes); move it away to start a new library", path)
		}
		existed = true
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	readOnly := false
	if existed && (errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)) {
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
		readOnly = true
	}
	if err != nil {
		return nil, classifyOpenError(path, err)
	}
	s := &Store{db: newBoltDB(db), path: path, readOnly: readOnly}
	if need, err := s.needsPrepare(); err == nil && need && existed && beforeWrite != nil {
		beforeWrite(s)
	}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func classifyOpenError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return annotate.Problemf(annotate.ErrLocked, "another Scholia is using the library %s; close it and try again", path)
	case unreadable(err):
		return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged (%v); move it away to start a new library", path, err)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("cannot open the library %s: permission denied; make the file and its folder writable, or name another library with --library", path)
	}
	return fmt.Errorf("cannot open %s: %w", path, err)
}

// unreadable says whether bbolt refused a file as not a database of its
// own.
func unreadable(err error) bool {
	return errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) ||
		errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrInvalidMapping)
}

// needsPrepare says whether the file lacks anything prepare makes: a new
// file, or one from before a bucket existed. Opening a library that has
// everything writes nothing, so its transaction id names its contents.
// A read-only library may lack the answer_links index: only saves use it.
func (s *Store) needsPrepare() (bool, error) {
	need := false
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil && !(s.readOnly && bytes.Equal(name, bucketLinks)) {
				need = true
			}
		}
		return nil
	})
	return need, err
}

// prepare creates the buckets of a new library and checks the schema of an
// existing one, in one transaction; it writes only when a bucket is new.
func (s *Store) prepare() error {
	need, err := s.needsPrepare()
	if err != nil {
		return err
	}
	stale := false
	if !need {
		if err := s.db.View(func(tx *bolt.Tx) error {
			stale = !s.readOnly && writtenByOther(tx)
			return s.checkSchema(tx)
		}); err != nil || !stale {
			return err
		}
		return s.update(func(tx *bolt.Tx) error {
			if err := s.checkSchema(tx); err != nil {
				return err
			}
			return reindex(tx)
		})
	}
	if s.readOnly {
		return fmt.Errorf("the library %s is read-only, and this Scholia must add to it before using it; make the file writable and try again", s.path)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if tx.Bucket(bucketDocuments) != nil {
				return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: it has documents but no schema record", s.path)
			}
			for _, name := range allBuckets {
				if _, err := tx.CreateBucket(name); err != nil {
					return err
				}
			}
			if err := tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
				return err
			}
			return stampWritten(tx)
		}
		if err := s.checkSchema(tx); err != nil {
			return err
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if err := reindex(tx); err != nil {
			return err
		}
		return stampWritten(tx)
	})
}

// checkSchema refuses a library written by a newer Scholia or missing the
// buckets every version has.
func (s *Store) checkSchema(tx *bolt.Tx) error {
	v, err := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
	if err != nil {
		return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: its schema version is unreadable", s.path)
	}
	if v > SchemaVersion {
		return annotate.Problemf(annotate.ErrNewerSchema, "the library %s was written by a newer Scholia (schema %d, this one reads %d); update Scholia", s.path, v, SchemaVersion)
	}
	for _, name := range [][]byte{bucketDocuments, bucketBlocks, bucketHashes} {
		if tx.Bucket(name) == nil {
			return annotate.Problemf(annotate.ErrDamaged, "the library %s is damaged: it lacks its %s bucket", s.path, name)
		}
	}
	return nil
}

// ReadOnly says whether the library was opened read-only because the file
// or its disk cannot be written: reading works, every save fails with
// ErrNotSaved.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Path is the library file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file and its lock.
func (s *Store) Close() error { return s.db.Close() }

// Schema returns the schema version recorded in the file.
func (s *Store) Schema() (int, error) {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
		return err
	})
	return v, err
}
