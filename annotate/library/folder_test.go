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
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := library.ImportableFiles(dir)
	if err != nil || len(paths) != 5 {
		t.Fatalf("importable files %q %v", paths, err)
	}
	var seen []int
	s := lib.ImportAll(context.Background(), paths, func(done, total int, _ string) { seen = append(seen, done) })
	if len(s.Imported) != 3 || len(s.Existing) != 1 || len(s.Failed) != 1 || s.Cancelled {
		t.Errorf("summary %d imported, %d existing, %d failed (%v)", len(s.Imported), len(s.Existing), len(s.Failed), s.Failed)
	}
	if len(seen) != 6 || seen[5] != 5 {
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
