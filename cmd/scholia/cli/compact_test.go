package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
	"scholia/annotate/store"
	"scholia/cmd/scholia/cli"
)

func size(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// A library worked hard (notes made, rewritten, deleted) is compacted to
// at most 1.5 times a fresh compacted copy, keeps every record, and opens
// afterwards without being mistaken for one gone back in time.
func TestCompactShrinksTheFileAndKeepsEveryRecord(t *testing.T) {
	path := notedLibrary(t, 1)
	lib, err := library.OpenVerified(path, cli.ChildCheck)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := lib.Documents()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		a, err := lib.Annotate(docs[0].ID, library.Draft{Kind: "note", Start: 0, End: 8, Body: strings.Repeat(fmt.Sprint("draft ", i, " "), 60)})
		if err != nil {
			t.Fatal(err)
		}
		a.Body = fmt.Sprint("final ", i)
		if _, err := lib.UpdateAnnotation(*a); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			if err := lib.DeleteAnnotation(a.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	before, want := size(t, path), annotationCount(t, path)

	out, errOut, code := scholia(t, path, "compact")
	if code != 0 || !strings.HasPrefix(out, "compacted "+path) {
		t.Fatalf("compact: exit %d %q %q", code, out, errOut)
	}
	after := size(t, path)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if err := store.Compact(path, fresh, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if after >= before || float64(after) > 1.5*float64(size(t, fresh)) {
		t.Errorf("compacted %d bytes to %d; a fresh compacted copy is %d", before, after, size(t, fresh))
	}
	t.Logf("%d bytes compacted to %d; a fresh compacted copy is %d", before, after, size(t, fresh))
	if got := annotationCount(t, path); got != want {
		t.Errorf("%d annotations after compacting, want %d", got, want)
	}
	if r, err := cli.ChildCheck(path); err != nil || len(r.Problems) > 0 {
		t.Errorf("the compacted library checks %v %v", r.Problems, err)
	}
}

func TestCompactingNoLibraryCreatesNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := scholia(t, path, "compact"); code != cli.ExitFailed || !strings.Contains(errOut, "there is no library at "+path) {
		t.Errorf("compact with no library: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("compacting no library left a file: %v", err)
	}
}
