package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

func TestBackupsAreListedAndAnOlderOneCanBeRestored(t *testing.T) {
	path := notedLibrary(t, 1)
	if out, _, code := scholia(t, path, "check"); code != 0 || !strings.Contains(out, "is sound: 1 documents, 1 annotations") {
		t.Errorf("check of a sound library: exit %d %q", code, out)
	}
	if out, _, _ := scholia(t, path, "backup"); !strings.HasPrefix(out, "unchanged since its backup") {
		t.Errorf("backing up an unchanged library said %q", out)
	}
	copyTo := filepath.Join(t.TempDir(), "copy.db")
	if out, errOut, code := scholia(t, path, "backup", copyTo); code != 0 || !strings.HasPrefix(out, "backed up to "+copyTo) {
		t.Fatalf("backup FILE: exit %d %q %q", code, out, errOut)
	}
	if _, errOut, code := scholia(t, path, "annotate", "Ceasefire", "--quote", "Terms", "--note", "a second thought"); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := scholia(t, path, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	out, _, code := scholia(t, path, "backups", "--json")
	var list []struct {
		Path        string
		Annotations int
	}
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 2 || list[0].Annotations != 2 {
		t.Fatalf("backups --json: %q", out)
	}
	older := list[len(list)-1]
	for _, b := range list {
		if b.Annotations == 1 {
			older = b
			break
		}
	}
	out, errOut, code := scholia(t, path, "restore", older.Path)
	if code != 0 || !strings.Contains(out, "kept as "+path+".before-restore") {
		t.Fatalf("restore BACKUP: exit %d %q %q", code, out, errOut)
	}
	if got := annotationCount(t, path); got != 1 {
		t.Errorf("%d annotations after restoring the backup that held 1", got)
	}
	if out, _, code := scholia(t, path+".before-restore", "annotations"); code != 0 || !strings.Contains(out, "a second thought") {
		t.Errorf("the library kept before the restore lacks the later note: %q", out)
	}
	if _, errOut, code := scholia(t, path, "restore", filepath.Join(t.TempDir(), "missing.db")); code != cli.ExitFailed || errOut == "" {
		t.Errorf("restoring a missing file: exit %d %q", code, errOut)
	}
}

// Commands that only read the library write no backup of it and leave
// the file as it was, even when it changed since its newest backup
// (an export of 100,000 annotations wrote a 220 MB backup first).
func TestReadingTheLibraryWritesNoBackup(t *testing.T) {
	path := notedLibrary(t, 1)
	if _, errOut, code := scholia(t, path, "annotate", "Ceasefire", "--quote", "Terms", "--note", "a later thought"); code != 0 {
		t.Fatal(errOut)
	}
	// A first search keeps the search index in the library; later ones
	// read it.
	if _, errOut, code := scholia(t, path, "search", "thought"); code != 0 {
		t.Fatal(errOut)
	}
	before, err := library.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	stat, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"show", "Ceasefire"}, {"search", "thought"}, {"annotations", "--json"}, {"export", "--format", "md"}, {"export", "--format", "jsonld", "--query", "thought"}} {
		if _, errOut, code := scholia(t, path, args...); code != 0 {
			t.Fatalf("%v: exit %d %q", args, code, errOut)
		}
	}
	after, err := library.Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("reading the library made %d backups, there were %d", len(after), len(before))
	}
	if again, err := os.Stat(path); err != nil || !again.ModTime().Equal(stat.ModTime()) || again.Size() != stat.Size() {
		t.Errorf("reading the library changed the file: %v", err)
	}
}
