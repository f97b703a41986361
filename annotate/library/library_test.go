package library_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

func openLibrary(t *testing.T) (*library.Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	return lib, path
}

// reopen closes lib and opens the library at path again, as a later
// process does.
func reopen(t *testing.T, lib *library.Library, path string) *library.Library {
	t.Helper()
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = again.Close() })
	return again
}

// writeTree writes files (by their paths, folders made) into dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportingTheSameBytesTwiceGivesTheSameDocument(t *testing.T) {
	lib, _ := openLibrary(t)
	p := writeFile(t, "a.txt", []byte("Treaty Notes\n\nA paragraph.\n"))
	first, err := lib.Import(p)
	if err != nil || first.Existing {
		t.Fatalf("first import: %+v %v", first, err)
	}
	copyPath := writeFile(t, "copy.txt", []byte("Treaty Notes\n\nA paragraph.\n"))
	second, err := lib.Import(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Existing || second.Document.ID != first.Document.ID {
		t.Errorf("second import made %s (existing %v), want %s", second.Document.ID, second.Existing, first.Document.ID)
	}
	docs, _ := lib.Documents()
	if len(docs) != 1 {
		t.Errorf("%d documents, want 1", len(docs))
	}
	if docs[0].Source != p {
		t.Errorf("source %q, want %q", docs[0].Source, p)
	}
}

func TestFindByIDPrefixAndTitle(t *testing.T) {
	lib, _ := openLibrary(t)
	a, _ := lib.Import(writeFile(t, "a.txt", []byte("Alpha Report\n\nText one.\n")))
	b, _ := lib.Import(writeFile(t, "b.txt", []byte("Beta Report\n\nText two.\n")))
	for ref, want := range map[string]string{
		a.Document.ID:                        a.Document.ID,
		b.Document.ID[:len(b.Document.ID)-3]: b.Document.ID,
		"Alpha Report":                       a.Document.ID,
		"beta report":                        b.Document.ID,
	} {
		got, err := lib.Find(ref)
		if err != nil || got.ID != want {
			t.Errorf("Find(%q) = %v, %v; want %s", ref, got, err, want)
		}
	}
	if _, err := lib.Find("Gamma"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("unknown title: %v", err)
	}
	if _, err := lib.Find(a.Document.ID[:4]); !errors.Is(err, annotate.ErrAmbiguous) {
		t.Errorf("shared prefix: %v", err)
	}
}

// Bad input gets one sentence naming the file, and the library keeps
// everything imported before.
func TestBadInputLeavesTheLibraryIntact(t *testing.T) {
	lib, path := openLibrary(t)
	good, err := lib.Import(writeFile(t, "good.txt", []byte("Kept Safe\n\nThis stays.\n")))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("no line breaks here ", 1<<16))
	for i := 0; i < 40; i++ {
		_, _ = f.Write(line)
	}
	f.Close()
	bad := map[string]string{
		writeFile(t, "binary.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}): "not text",
		writeFile(t, "empty.txt", nil):                                      "empty",
		dir:                                                                 "folder",
		filepath.Join(dir, "missing.txt"):                                   "no such file",
		huge:                                                                "up to 16 MB",
	}
	for file, says := range bad {
		_, err := lib.Import(file)
		if err == nil {
			t.Errorf("%s imported", file)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, file) || !strings.Contains(msg, says) || strings.Contains(msg, "\n") {
			t.Errorf("message %q should name %s and say %q on one line", msg, file, says)
		}
	}
	lib.Close()
	lib, err = library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	docs, err := lib.Documents()
	if err != nil || len(docs) != 1 || docs[0].ID != good.Document.ID {
		t.Fatalf("after bad input the library holds %+v, %v", docs, err)
	}
	doc, err := lib.Document(good.Document.ID)
	if err != nil || !strings.Contains(doc.Text(), "This stays.") {
		t.Errorf("document text lost: %v", err)
	}
}

func TestDefaultPathFollowsTheEnvironment(t *testing.T) {
	t.Setenv("SCHOLIA_LIBRARY", "/x/y.db")
	if p, _ := library.DefaultPath(); p != "/x/y.db" {
		t.Errorf("SCHOLIA_LIBRARY ignored: %s", p)
	}
	t.Setenv("SCHOLIA_LIBRARY", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := library.DefaultPath(); p != "/data/scholia/library.db" {
		t.Errorf("XDG_DATA_HOME ignored: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/reader")
	if p, _ := library.DefaultPath(); p != "/home/reader/.local/share/scholia/library.db" {
		t.Errorf("default %s", p)
	}
}
