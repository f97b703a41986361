package library_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// OpenChecking says a backup waits until the check passed, like every
// write; "Back Up Now" in the window (ui/backups.go) calls Backup("")
// during the check. A backup copies the unchecked file into the backups
// folder and checks the copy in this process (backup.verify uses
// store.CheckLettingGo, which the store says a damaged file can crash).
func TestABackupDuringTheCheckWaitsForIt(t *testing.T) {
	path, _ := storedLibrary(t)
	lib, checked, held := openHeld(t, path, false)
	type result struct {
		wrote bool
		err   error
	}
	done := make(chan result, 1)
	go func() {
		_, wrote, err := lib.Backup("")
		done <- result{wrote, err}
	}()
	select {
	case r := <-done:
		entries, _ := os.ReadDir(filepath.Join(filepath.Dir(path), "backups"))
		t.Errorf("a backup was taken (wrote %v, %v) while the check was still running; the backups folder holds %d files", r.wrote, r.err, len(entries))
	case <-time.After(2 * time.Second):
	}
	close(held.release)
	if err := <-checked; err != nil {
		t.Fatal(err)
	}
}
