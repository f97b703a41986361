package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate/backup"
	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

// notedLibrary builds a library through the command line: one document
// with notes when notes > 0, then an explicit backup. It returns the
// library's path.
func notedLibrary(t *testing.T, notes int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := scholia(t, path, "import", fixture(t, "brief.txt", brief)); code != 0 {
		t.Fatal(errOut)
	}
	for i := range notes {
		note := "note kept for a year number " + strings.Repeat("x", i)
		if _, errOut, code := scholia(t, path, "annotate", "Ceasefire", "--quote", "Observers", "--note", note); code != 0 {
			t.Fatal(errOut)
		}
	}
	if _, errOut, code := scholia(t, path, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// txid is the library's last transaction, from scholia check --json.
func txid(t *testing.T, path string) int {
	t.Helper()
	out, errOut, code := scholia(t, path, "check", "--json")
	var r struct{ TxID int }
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil {
		t.Fatalf("check --json: %q %q", out, errOut)
	}
	return r.TxID
}

// Each way a library file is found damaged: the app is told in one line,
// no panic or fault reaches it, the file is kept byte for byte, and
// restore brings back what the newest backup holds.
func TestEachDamageIsSetAsideAndRestoreBringsTheNotesBack(t *testing.T) {
	cases := map[string]struct {
		notes  int
		damage func(t *testing.T, path string)
	}{
		"empty": {3, func(t *testing.T, path string) { writeFile(t, path, nil) }},
		"cut to 8 KiB": {3, func(t *testing.T, path string) {
			writeFile(t, path, readFile(t, path)[:8192])
		}},
		"cut short before its newest note": {3, func(t *testing.T, path string) {
			first, _ := livePageOf(t, path, "note kept for a year number xx")
			writeFile(t, path, readFile(t, path)[:first])
		}},
		"a flipped byte in a note": {3, func(t *testing.T, path string) {
			b := readFile(t, path)
			i := bytes.LastIndex(b, []byte("note kept for a year"))
			b[i+3] ^= 0x01
			writeFile(t, path, b)
		}},
		"a zeroed data page": {3, func(t *testing.T, path string) {
			b := readFile(t, path)
			first, last := livePageOf(t, path, "note kept for a year number xx")
			clear(b[first:last])
			writeFile(t, path, b)
		}},
		"the newest meta page garbled, leaving no records":   {0, garbleNewestMeta},
		"the newest meta page garbled, losing the last save": {3, garbleNewestMeta},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := notedLibrary(t, c.notes)
			want := annotationCount(t, path)
			c.damage(t, path)
			damaged := readFile(t, path)

			_, errOut, code := scholia(t, path, "list")
			if code != cli.ExitFailed || strings.Count(strings.TrimSpace(errOut), "\n") != 0 ||
				!strings.Contains(errOut, "is damaged") || !strings.Contains(errOut, "scholia restore") {
				t.Fatalf("exit %d, %q; want exit 1 and one line naming the damage and scholia restore", code, errOut)
			}
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine") {
				t.Errorf("a crash reached the command line: %q", errOut)
			}
			kept, _ := filepath.Glob(path + ".damaged-*")
			if len(kept) != 1 || !bytes.Equal(readFile(t, kept[0]), damaged) {
				t.Fatalf("kept %v; want the damaged file kept byte for byte", kept)
			}
			if !strings.Contains(errOut, kept[0]) {
				t.Errorf("the message %q does not say where the damaged file is", errOut)
			}
			if _, errOut, code := scholia(t, path, "restore"); code != 0 {
				t.Fatalf("restore: %q", errOut)
			}
			if got := annotationCount(t, path); got != want {
				t.Errorf("after restore %d annotations, want the %d of the backup", got, want)
			}
			if out, errOut, code := scholia(t, path, "list"); code != 0 || !strings.Contains(out, "Ceasefire Brief") {
				t.Errorf("after restore list says %q %q", out, errOut)
			}
		})
	}
}

// livePageOf finds the page in use (with its overflow) that holds the
// record of the annotation saying note, and returns its bytes' range in the
// file. Earlier copies of the record may linger on pages bbolt has freed:
// damage there would harm nothing.
func livePageOf(t *testing.T, path, note string) (first, last int) {
	t.Helper()
	b := readFile(t, path)
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	size := db.Info().PageSize
	err = db.View(func(tx *bolt.Tx) error {
		var record []byte
		_ = tx.Bucket([]byte("annotations")).ForEach(func(_, v []byte) error {
			if bytes.Contains(v, []byte(note)) {
				record = append([]byte(nil), v...)
			}
			return nil
		})
		if record == nil {
			t.Fatalf("no annotation says %q", note)
		}
		for id := 2; ; id++ {
			info, err := tx.Page(id)
			if err != nil || info == nil {
				t.Fatalf("no page in use holds the record of %q (%v)", note, err)
			}
			first, last = id*size, (id+1+info.OverflowCount)*size
			if info.Type == "leaf" && bytes.Contains(b[first:last], record) {
				return nil
			}
			id += info.OverflowCount
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return first, last
}

// garbleNewestMeta spoils the meta page of the last transaction: bbolt
// opens the file on the one before, silently.
func garbleNewestMeta(t *testing.T, path string) {
	const pageSize = 4096
	b := readFile(t, path)
	meta := txid(t, path) % 2 * pageSize
	for i := meta + 16; i < meta+80; i++ {
		b[i] = 0xEE
	}
	writeFile(t, path, b)
}

func annotationCount(t *testing.T, path string) int {
	t.Helper()
	out, errOut, code := scholia(t, path, "annotations", "--json")
	var anns []json.RawMessage
	if code != 0 || json.Unmarshal([]byte(out), &anns) != nil {
		t.Fatalf("annotations --json: %q %q", out, errOut)
	}
	return len(anns)
}

// Starting anew beside the backups of an older library (the window's
// "Start an empty library", or the file deleted by hand) is not damage on
// the next run: the new library is backed up before it is in use, so a
// kill at any moment after leaves a backup it matches.
func TestAFreshStartBesideOldBackupsIsNotDamage(t *testing.T) {
	path := notedLibrary(t, 3)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	lib, err := library.OpenVerified(path, cli.ChildCheck)
	if err != nil {
		t.Fatal(err)
	}
	newest, ok := backup.Newest(path)
	if !ok || newest.Total() != 0 {
		t.Errorf("newest backup right after starting anew: %+v; want the empty new library's", newest)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := scholia(t, path, "list"); code != 0 {
		t.Errorf("the new library reopened as: exit %d %q", code, errOut)
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) > 0 {
		t.Errorf("the new library was set aside as damaged: %v", kept)
	}
}

// A check child that dies of a fault is damage found; one killed from
// outside (for want of memory) says nothing about the file, which stays.
func TestOnlyAFaultInTheCheckIsDamage(t *testing.T) {
	path := notedLibrary(t, 1)
	t.Setenv(dieEnv, "KILL")
	r, err := cli.ChildCheck(path)
	if err == nil || !strings.Contains(err.Error(), "was stopped") || len(r.Problems) > 0 {
		t.Errorf("a killed check: %+v, %v; want an error saying it was stopped, and no damage", r, err)
	}
	if _, err := library.OpenVerified(path, cli.ChildCheck); err == nil {
		t.Error("a library whose check was killed opened unchecked")
	}
	if kept, _ := filepath.Glob(path + ".damaged-*"); len(kept) > 0 {
		t.Errorf("a killed check set the library aside: %v", kept)
	}
	t.Setenv(dieEnv, "SEGV")
	if r, err := cli.ChildCheck(path); err != nil || len(r.Problems) != 1 || !strings.HasPrefix(r.Problems[0], "reading it fails") {
		t.Errorf("a check that faulted: %+v, %v; want the damage reported", r, err)
	}
}
