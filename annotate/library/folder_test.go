package library_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
)

func TestImportAFolder(t *testing.T) {
	lib, _ := openLibrary(t)
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":             "Alpha Paper\n\nText of alpha.\n",
		"sub/b.md":          "# Beta Notes\n\nText of beta.\n",
		"sub/deeper/c.html": "<html><head><title>Gamma Page</title></head><body><article><p>" + strings.Repeat("Text of the gamma page, long enough to be an article. ", 10) + "</p></article></body></html>",
		"sub/empty.txt":     "",
		"copy.txt":          "Alpha Paper\n\nText of alpha.\n",
		".hidden/d.txt":     "Hidden\n\nNo.\n",
		"image.png":         "\x89PNG",
	}
	writeTree(t, dir, files)
	paths, err := library.ImportableFiles(dir)
	if err != nil || len(paths) != 4 {
		t.Fatalf("importable files %q %v", paths, err)
	}
	var seen []int
	s := lib.ImportAll(context.Background(), paths, func(done, total int, _ string) { seen = append(seen, done) })
	if len(s.Imported) != 3 || len(s.Existing) != 1 || len(s.Failed) != 0 || s.Cancelled {
		t.Errorf("summary %d imported, %d existing, %d failed (%v)", len(s.Imported), len(s.Existing), len(s.Failed), s.Failed)
	}
	if len(seen) != 5 || seen[4] != 4 {
		t.Errorf("progress calls %v", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s = lib.ImportAll(ctx, paths, func(done, _ int, _ string) {
		if done == 1 {
			cancel()
		}
	})
	if !s.Cancelled || len(s.Existing)+len(s.Imported)+len(s.Failed) != 2 {
		t.Errorf("cancelled import %+v", s)
	}
}

// A folder import names every file it leaves out and why, so that the
// reader is not left guessing where a document went.
func TestScanFolderNamesWhatItSkips(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":              "Alpha\n\nText.\n",
		"photo.JPG":          "\xff\xd8",
		"sub/empty.md":       "",
		"sub/thesis.docx":    "PK",
		"notes.json":         "[]",
		"My Clippings.txt":   "==========",
		"README":             "no ending",
		".hidden/d.txt":      "Hidden\n\nNo.\n",
		".DS_Store":          "x",
		"data.xyz":           "x",
		"sub/deeper/big.txt": "",
	}
	writeTree(t, dir, files)
	if err := os.Truncate(filepath.Join(dir, "sub/deeper/big.txt"), 17<<20); err != nil {
		t.Fatal(err)
	}
	s, err := library.ScanFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Files) != 1 || filepath.Base(s.Files[0]) != "a.txt" {
		t.Errorf("files %q, want a.txt alone", s.Files)
	}
	want := map[string]string{
		"photo.JPG":          "image: not a document",
		"sub/empty.md":       "empty",
		"sub/thesis.docx":    "office file",
		"notes.json":         "annotations",
		"My Clippings.txt":   "Kindle clippings",
		"README":             "no file ending",
		".hidden":            "hidden folder",
		".DS_Store":          "hidden file",
		"data.xyz":           "xyz: not a kind of document",
		"sub/deeper/big.txt": "too big (17.0 MB; Scholia imports files up to 16 MB)",
	}
	got := map[string]string{}
	for _, k := range s.Skipped {
		rel, _ := filepath.Rel(dir, k.Path)
		got[rel] = k.Why
	}
	for name, why := range want {
		if !strings.HasPrefix(got[name], why) {
			t.Errorf("%s skipped for %q, want %q", name, got[name], why)
		}
	}
	if len(got) != len(want) {
		t.Errorf("skipped %v, want %d files", got, len(want))
	}
}

func TestScanFolderThatIsNotThere(t *testing.T) {
	if _, err := library.ScanFolder(filepath.Join(t.TempDir(), "gone")); err == nil {
		t.Error("scanning a folder that is not there gave no error")
	}
}
