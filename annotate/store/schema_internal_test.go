package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

func TestNewerSchemaIsRefusedAndLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("99"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if !errors.Is(err, annotate.ErrNewerSchema) || !strings.Contains(err.Error(), "update Scholia") {
		t.Fatalf("got %v, want ErrNewerSchema telling to update", err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "99" {
			t.Errorf("schema rewritten to %q", v)
		}
		return nil
	})
}

func TestOlderLibraryGetsItsSourcesIndexed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := &annotate.Document{ID: "d1", Title: "T", Hash: "h", Source: "/src/t.txt"}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "x"}})
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketSources) })
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if id, _ := s.DocumentIDBySource("/src/t.txt"); id != "d1" {
		t.Errorf("after reopening, the source finds %q", id)
	}
}

// The moment for a backup before a migration: OpenWith calls beforeWrite
// on a library from before the sources index, while it still lacks it,
// and not on a new or an up-to-date library.
func TestBeforeWriteRunsOnlyBeforeAMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	calls := 0
	hook := func(s *Store) {
		calls++
		_ = s.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketSources) != nil {
				t.Error("beforeWrite ran after the migration")
			}
			return nil
		})
	}
	s, err := OpenWith(path, hook)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketSources) })
	s.Close()
	if calls != 0 {
		t.Errorf("beforeWrite ran %d times on a new library", calls)
	}
	for range 2 {
		s, err := OpenWith(path, hook)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if calls != 1 {
		t.Errorf("beforeWrite ran %d times over opening an older library and then the migrated one, want once", calls)
	}
}
