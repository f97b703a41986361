package store_test

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
	"scholia/annotate/store"
)

// version1Library rebuilds, in a temporary folder, the library that the
// Scholia of version-1 annotation records wrote (testdata/v1/makev1.go
// says how the dump was made), and returns its path and the annotations
// as that Scholia read them back.
func version1Library(t *testing.T) (string, map[string]annotate.Annotation) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	dump, err := os.Open(filepath.Join("testdata", "v1", "library.dump"))
	if err != nil {
		t.Fatal(err)
	}
	defer dump.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		lines := bufio.NewScanner(dump)
		lines.Buffer(nil, 1<<20)
		var b *bolt.Bucket
		var name string
		for lines.Scan() {
			f := strings.Split(lines.Text(), " ")
			if len(f) == 1 {
				var err error
				name = f[0]
				if b, err = tx.CreateBucket([]byte(name)); err != nil {
					return err
				}
				continue
			}
			if len(f) != 3 || f[0] != name {
				t.Fatalf("bad dump line %.60q", lines.Text())
			}
			k, errK := hex.DecodeString(f[1])
			v, errV := hex.DecodeString(f[2])
			if errK != nil || errV != nil {
				t.Fatalf("bad dump line %.60q", lines.Text())
			}
			if err := b.Put(k, v); err != nil {
				return err
			}
		}
		return lines.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "v1", "annotations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []annotate.Annotation
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	want := map[string]annotate.Annotation{}
	for _, a := range list {
		want[a.ID] = a
	}
	return path, want
}

// A library from the Scholia that wrote version-1 records opens, checks
// sound, and gives back every note exactly as that Scholia read it: none
// of them an orphan, none refused.
func TestAVersion1LibraryReadsBackExactly(t *testing.T) {
	path, want := version1Library(t)
	if r, err := store.Check(path); err != nil || len(r.Problems) > 0 || r.Annotations != len(want) || r.Trash != 1 {
		t.Fatalf("check of the old library: %+v, %v; want sound, %d annotations and 1 in the trash", r, err, len(want))
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.AllAnnotations()
	if err != nil {
		t.Fatalf("reading the old library's annotations: %v", err)
	}
	if len(all) != len(want) {
		t.Errorf("%d annotations read, the old library holds %d", len(all), len(want))
	}
	for _, got := range all {
		if !reflect.DeepEqual(got, want[got.ID]) {
			t.Errorf("annotation %s read as\n%+v\nthe old Scholia read\n%+v", got.ID, got, want[got.ID])
		}
	}
	for id, w := range want {
		if got, err := s.Annotation(id); err != nil || !reflect.DeepEqual(*got, w) {
			t.Errorf("Annotation(%s) = %+v, %v; want %+v", id, got, err, w)
		}
	}
	trash, err := s.Trash("")
	if err != nil || len(trash) != 1 || trash[0].Annotation.Anchor == nil || trash[0].Annotation.Anchor.Exact != "a spokesman said" {
		t.Errorf("the old library's trash read as %+v, %v; want the pink highlight of %q", trash, err, "a spokesman said")
	}
}

// An old note that loses its passage (its source changed) is saved in
// today's form, and stays an orphan over closing and reopening.
func TestAVersion1NoteMadeAnOrphanStaysOne(t *testing.T) {
	path, want := version1Library(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var note annotate.Annotation
	for _, a := range want {
		if a.Kind == annotate.KindNote && a.Anchor != nil {
			note = a
		}
	}
	note.Orphan = true
	if err := s.PutAnnotation(&note); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, err := s.Annotation(note.ID); err != nil || !reflect.DeepEqual(*got, note) {
		t.Errorf("after reopening, the orphaned note reads %+v, %v; want %+v", got, err, note)
	}
	for id, w := range want {
		if id == note.ID {
			continue
		}
		if got, err := s.Annotation(id); err != nil || got.Orphan || !reflect.DeepEqual(*got, w) {
			t.Errorf("Annotation(%s) = %+v, %v; want it unchanged, not an orphan", id, got, err)
		}
	}
}
