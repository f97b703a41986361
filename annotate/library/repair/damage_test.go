package repair_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/library/repair"
	"scholia/annotate/store"
)

// No file is a new library, not damage: nothing is found and nothing is
// moved.
func TestNoFileIsANewLibrary(t *testing.T) {
	found, err := repair.Verify(filepath.Join(t.TempDir(), "library.db"), store.Check, time.Now())
	if found != nil || err != nil {
		t.Errorf("Verify of no file: %+v, %v; want nothing found", found, err)
	}
}

// An empty file is damage: it is set aside unchanged under a name that
// says so, and the sentence says there is no backup to restore.
func TestAnEmptyLibraryIsSetAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := repair.Verify(path, store.Check, time.Now())
	var d *repair.Damage
	if !errors.As(err, &d) || !errors.Is(err, annotate.ErrDamaged) {
		t.Fatalf("Verify of an empty file returned %v, want a *Damage", err)
	}
	if d.Reason != "it is empty (0 bytes)" || d.Backup != nil {
		t.Errorf("the damage says %q with backup %+v, want the empty file and no backup", d.Reason, d.Backup)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the empty library is still at %s (%v)", path, err)
	}
	if fi, err := os.Stat(d.KeptAs); err != nil || fi.Size() != 0 || !strings.Contains(d.KeptAs, "damaged") {
		t.Errorf("the library was not kept aside as it was: %s (%v)", d.KeptAs, err)
	}
	if !strings.Contains(d.Error(), "no good backup") {
		t.Errorf("the sentence does not say there is no backup: %s", d.Error())
	}
}
