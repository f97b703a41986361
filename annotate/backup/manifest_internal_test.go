package backup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate/store"
)

// A manifest is flushed to disk before it takes its name: when that
// fails (a disk failing, or full), Take fails and leaves no manifest, so
// the backup counts as unfinished rather than one a crash could leave
// empty under its name.
func TestAManifestIsFlushedBeforeItIsNamed(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var flushed []string
	failing := errors.New("input/output error")
	fsync = func(f *os.File) error {
		flushed = append(flushed, filepath.Base(f.Name()))
		if strings.HasSuffix(f.Name(), ".json.tmp") {
			return failing
		}
		return f.Sync()
	}
	t.Cleanup(func() { fsync = (*os.File).Sync })
	if _, _, err := Take(s, time.Now(), false); !errors.Is(err, failing) {
		t.Fatalf("Take with the manifest's flush failing returned %v, want that failure", err)
	}
	if len(flushed) != 2 || !strings.HasSuffix(flushed[1], ".json.tmp") {
		t.Errorf("flushed %q, want the copy, then the manifest", flushed)
	}
	manifests, _ := filepath.Glob(filepath.Join(Dir(s.Path()), "*.json*"))
	if len(manifests) != 0 {
		t.Errorf("a manifest that was not flushed is on disk: %q", manifests)
	}
	if list, err := List(s.Path()); err != nil || len(list) != 0 {
		t.Errorf("the backup whose manifest failed is listed as finished: %+v, %v", list, err)
	}
}
