// Package corpus finds the shared test corpus (../shared/corpus, beside the
// project) for tests: a test that needs it skips when it is absent, or fails
// when the environment variable CI is set, so a broken checkout cannot pass
// silently.
package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of parts inside the shared corpus. When the corpus
// is absent the test is skipped, or failed when CI is set; a corpus that
// lacks parts fails the test.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	return path(tb, workdir(tb), parts)
}

// Find is Path for a test that still has something to check without the
// corpus: it reports whether the corpus is there instead of skipping, and
// fails the test when it is absent and CI is set.
func Find(tb testing.TB, parts ...string) (string, bool) {
	tb.Helper()
	return lookup(tb, workdir(tb), parts)
}

// workdir is the test's package folder, where go test runs it.
func workdir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("finding the shared corpus: %v", err)
	}
	return dir
}

func path(tb testing.TB, start string, parts []string) string {
	tb.Helper()
	p, ok := lookup(tb, start, parts)
	if !ok {
		tb.Skipf("skipped: %s is absent (the shared corpus lives beside the project, not in it; with CI set this fails)", p)
	}
	return p
}

// lookup finds the module's root above start (the folder holding go.mod)
// and the path of parts in the corpus beside it, reporting false when the
// corpus is absent.
func lookup(tb testing.TB, start string, parts []string) (string, bool) {
	tb.Helper()
	root := start
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		if parent == root {
			tb.Fatalf("finding the shared corpus: no go.mod in %s or above it", start)
		}
		root = parent
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	path := filepath.Join(append([]string{dir}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
			tb.Fatalf("%s is absent and CI=%s: the shared corpus must be beside the project (../shared/corpus) when tests run in CI", dir, ci)
		}
		return path, false
	}
	if _, err := os.Stat(path); err != nil {
		tb.Fatalf("the shared corpus lacks %s: %v", filepath.Join(parts...), err)
	}
	return path, true
}
